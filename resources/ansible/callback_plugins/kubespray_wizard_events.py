# SPDX-License-Identifier: GPL-3.0-or-later
# Part of Kubespray Wizard.
#
# A notification callback that writes the run's structure as JSON lines to the file named by the
# KSW_EVENTS_FILE environment variable: plays, tasks, one line per host result and the final stats.
# The human output of the stdout callback is left untouched. Never writes variables or result bodies
# beyond a short failure message, and never breaks the run: any error here only stops the events.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = '''
    name: kubespray_wizard_events
    type: notification
    short_description: JSON-lines progress events for Kubespray Wizard
    description:
      - Appends one JSON object per line to the file named by KSW_EVENTS_FILE.
      - Does nothing when KSW_EVENTS_FILE is unset or cannot be written.
    requirements:
      - enable in configuration (callbacks_enabled)
'''

import json
import os
import time

from ansible.plugins.callback import CallbackBase

try:
    from ansible.playbook.task_include import TaskInclude
except Exception:  # pragma: no cover - every supported ansible-core has it
    TaskInclude = None

MESSAGE_LIMIT = 2000
STDERR_LINES = 5


def _text(value):
    if value is None:
        return ''
    try:
        return str(value)
    except Exception:
        return ''


def _failure_message(result):
    """A short, human failure message: msg, then the first lines of stderr. Nothing else of the result."""
    parts = []
    items = result.get('results')
    if isinstance(items, list):
        # A loop: the message of the first failed item, as the human output shows the items.
        for item in items:
            if isinstance(item, dict) and (item.get('failed') or item.get('unreachable')):
                sub = _failure_message(item)
                if sub:
                    return sub
    msg = _text(result.get('msg')).strip()
    if msg:
        parts.append(msg)
    stderr = result.get('stderr')
    if stderr:
        lines = _text(stderr).strip().splitlines()[:STDERR_LINES]
        if lines:
            parts.append('\n'.join(lines))
    if not parts and result.get('rc') is not None:
        parts.append('rc=%s' % _text(result.get('rc')))
    message = '\n'.join(parts)
    if len(message) > MESSAGE_LIMIT:
        message = message[:MESSAGE_LIMIT]
    return message


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = 'kubespray_wizard_events'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, display=None):
        super(CallbackModule, self).__init__(display=display)
        self._file = None
        self._broken = False
        self._started = {}  # (task uuid, host) -> start time, and task uuid -> start time
        path = os.environ.get('KSW_EVENTS_FILE')
        if not path:
            self._broken = True
            return
        try:
            self._file = open(path, 'a', encoding='utf-8')
        except Exception:
            self._file = None
            self._broken = True

    # -- writing ---------------------------------------------------------------------------------

    def _emit(self, event):
        if self._broken or self._file is None:
            return
        try:
            self._file.write(json.dumps(event, ensure_ascii=False, sort_keys=False) + '\n')
            self._file.flush()
        except Exception:
            self._broken = True

    # -- helpers ---------------------------------------------------------------------------------

    @classmethod
    def _task_name(cls, task):
        """The task's name as the TASK [...] banner shows it, without the "role : " prefix."""
        try:
            name = _text(task.get_name())
        except Exception:
            name = _text(getattr(task, 'name', '') or getattr(task, 'action', ''))
        name = name.strip()
        role = cls._role_name(task)
        if role and name.startswith(role + ' : '):
            name = name[len(role) + 3:]
        return name

    @staticmethod
    def _role_name(task):
        """The role as the TASK [role : name] banner shows it (with its collection, if any)."""
        try:
            role = getattr(task, '_role', None)
            if role is not None:
                return _text(role.get_name())
        except Exception:
            pass
        return ''

    def _task_start(self, task, is_handler):
        uuid = _text(getattr(task, '_uuid', ''))
        self._started[uuid] = time.time()
        try:
            path = _text(task.get_path())
        except Exception:
            path = ''
        self._emit({
            'event': 'task_start',
            'name': self._task_name(task),
            'role': self._role_name(task),
            'path': path,
            'uuid': uuid,
            'handler': bool(is_handler),
        })

    def _host_result(self, result, status):
        try:
            task = result._task
            host = _text(result._host.get_name())
            uuid = _text(getattr(task, '_uuid', ''))
            now = time.time()
            start = self._started.pop((uuid, host), None)
            if start is None:
                start = self._started.get(uuid, now)
            event = {
                'event': 'host_result',
                'status': status,
                'host': host,
                'task': self._task_name(task),
                'task_uuid': uuid,
                'duration': round(max(0.0, now - start), 3),
            }
            if status in ('failed', 'unreachable'):
                body = result._result if isinstance(result._result, dict) else {}
                event['message'] = _failure_message(body)
            self._emit(event)
        except Exception:
            pass

    # -- callbacks -------------------------------------------------------------------------------

    def v2_playbook_on_start(self, playbook):
        name = _text(getattr(playbook, '_file_name', ''))
        self._emit({'event': 'playbook_start', 'playbook': os.path.basename(name) if name else ''})

    def v2_playbook_on_play_start(self, play):
        try:
            name = _text(play.get_name()).strip()
        except Exception:
            name = ''
        hosts = []
        try:
            variable_manager = play.get_variable_manager()
            inventory = variable_manager._inventory if variable_manager is not None else None
            if inventory is not None:
                hosts = [_text(h.get_name()) for h in inventory.get_hosts(play.hosts)]
        except Exception:
            hosts = []
        if not hosts:
            pattern = getattr(play, 'hosts', None)
            if isinstance(pattern, (list, tuple)):
                hosts = [_text(h) for h in pattern]
            elif pattern:
                hosts = [_text(pattern)]
        self._emit({'event': 'play_start', 'name': name, 'hosts': hosts})

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task_start(task, False)

    def v2_playbook_on_handler_task_start(self, task):
        self._task_start(task, True)

    def v2_playbook_on_cleanup_task_start(self, task):
        self._task_start(task, False)

    def v2_runner_on_start(self, host, task):
        try:
            self._started[(_text(getattr(task, '_uuid', '')), _text(host.get_name()))] = time.time()
        except Exception:
            pass

    def v2_runner_on_ok(self, result):
        # Like the default output: include_tasks / include_role report nothing of their own.
        if TaskInclude is not None and isinstance(getattr(result, '_task', None), TaskInclude):
            return
        changed = False
        try:
            changed = bool(result._result.get('changed', False))
        except Exception:
            pass
        self._host_result(result, 'changed' if changed else 'ok')

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._host_result(result, 'ignored' if ignore_errors else 'failed')

    def v2_runner_on_skipped(self, result):
        self._host_result(result, 'skipped')

    def v2_runner_on_unreachable(self, result):
        self._host_result(result, 'unreachable')

    def v2_playbook_on_stats(self, stats):
        hosts = {}
        try:
            for host in sorted(stats.processed.keys()):
                s = stats.summarize(host)
                hosts[_text(host)] = {
                    'ok': int(s.get('ok', 0)),
                    'changed': int(s.get('changed', 0)),
                    'unreachable': int(s.get('unreachable', 0)),
                    'failures': int(s.get('failures', 0)),
                    'skipped': int(s.get('skipped', 0)),
                    'rescued': int(s.get('rescued', 0)),
                    'ignored': int(s.get('ignored', 0)),
                }
        except Exception:
            pass
        self._emit({'event': 'stats', 'hosts': hosts})
        self._emit({'event': 'playbook_end'})
        try:
            if self._file is not None:
                self._file.close()
        except Exception:
            pass
        self._file = None
        self._broken = True
