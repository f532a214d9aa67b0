// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "run/ByteLines.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// What happened to one host in one task, as Ansible counts it.
enum class HostStatus { Ok, Changed, Failed, Skipped, Unreachable, Ignored };

/// "ok", "changed", "failed", "skipped", "unreachable", "ignored": the names the callback plugin writes.
QString hostStatusName(HostStatus status);
std::optional<HostStatus> hostStatusFromName(QStringView name);

/// One host's line of the PLAY RECAP.
struct HostCounts {
    int ok = 0;
    int changed = 0;
    int unreachable = 0;
    int failures = 0;
    int skipped = 0;
    int rescued = 0;
    int ignored = 0;

    bool operator==(const HostCounts &other) const = default;
};

/// One structured event of a playbook run: a line of resources/ansible/callback_plugins/kubespray_wizard_events.py,
/// or what TextEventParser makes of Ansible's human output when the plugin could not load.
struct AnsibleEvent {
    enum class Type { PlaybookStart, PlayStart, TaskStart, HostResult, Stats, PlaybookEnd };

    Type type = Type::PlaybookEnd;
    QString playbook;     ///< PlaybookStart: the playbook's file name (empty from the text parser)
    QString name;         ///< PlayStart: the play's name; TaskStart: the task's name without its "role : " prefix
    QStringList hosts;    ///< PlayStart: the hosts the play targets (empty from the text parser)
    QString role;         ///< TaskStart: the role the task belongs to, or empty
    QString path;         ///< TaskStart: "file:line" of the task (empty from the text parser)
    QString uuid;         ///< TaskStart: the task's id; HostResult: the id of the task it belongs to
    bool handler = false; ///< TaskStart: a handler rather than a task
    HostStatus status = HostStatus::Ok; ///< HostResult
    QString host;                       ///< HostResult
    QString task;                       ///< HostResult: the task's name, as in its TaskStart
    double duration = -1;               ///< HostResult: seconds, or -1 when unknown (text parser)
    QString message;                    ///< HostResult: short failure message, for Failed and Unreachable only
    QMap<QString, HostCounts> stats;    ///< Stats: per host

    /// "playbook_start", "play_start", "task_start", "host_result", "stats", "playbook_end".
    static QString typeName(Type type);
};

/// One JSON line of the callback plugin; nothing for anything that is not a valid event (never throws).
std::optional<AnsibleEvent> parseEventLine(QByteArrayView json);

/// The final per-host counts of a run.
struct Recap {
    QMap<QString, HostCounts> hosts;

    static Recap fromStats(const AnsibleEvent &stats);
    /// A task failed or a host was unreachable somewhere.
    bool anyFailed() const;
    bool isEmpty() const { return hosts.isEmpty(); }
    bool operator==(const Recap &other) const = default;
};

/// The fallback when the callback plugin cannot load: reads Ansible's default human output (PLAY / TASK /
/// RUNNING HANDLER banners, ok / changed / skipping / failed / fatal lines, "...ignoring", PLAY RECAP) and yields
/// the same events the plugin would write, minus what the text does not show (paths, play hosts, durations).
/// Feed it bytes as they come, in chunks of any size; ANSI colour codes and carriage returns are handled.
class TextEventParser {
public:
    /// Any chunk of output; complete lines are parsed, an incomplete last line is kept for the next chunk.
    void feed(QByteArrayView chunk);
    /// One complete line, without its line feed.
    void feedLine(QByteArrayView line);
    /// The output has ended: parses a last line without line feed and emits what was held back.
    void finish();
    /// The events found since the last call.
    QList<AnsibleEvent> takeEvents();

    /// The bytes held for a line that has not ended (bounded by ByteLines::DefaultMaxLineBytes).
    qsizetype pendingBytes() const { return m_lines.pendingSize(); }

    /// A line without ANSI escape sequences and with only what follows its last carriage return.
    static QByteArray cleanLine(QByteArrayView line);

private:
    struct Pending {
        QString host;
        bool items = false; ///< built from "(item=…)" lines: complete only when the task ends
        HostStatus status = HostStatus::Ok;
        bool anyOk = false;
        bool anyChanged = false;
        bool anyFailed = false;
        bool anyUnreachable = false;
        bool settled = false; ///< a failure that "...ignoring" can no longer turn into Ignored
        QString message;
    };

    void parse(const QString &line);
    void startPlaybook();
    void endTask();
    void endRecap();
    void flushSettled();
    void emitPending(const Pending &pending);
    Pending &pendingFor(const QString &host, bool items);

    ByteLines m_lines;
    QList<AnsibleEvent> m_events;
    bool m_playbookStarted = false;
    bool m_inRecap = false;
    QMap<QString, HostCounts> m_recap;
    QString m_taskName;
    QString m_taskUuid;
    int m_taskCount = 0;
    QList<Pending> m_pending; ///< results of the current task not yet emitted, in order
};

} // namespace ksw
