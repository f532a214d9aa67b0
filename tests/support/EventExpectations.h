// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "run/AnsibleEvents.h"

#include <QStringList>

namespace ksw::test {

/// A recap line as Ansible prints it ("ok=2 changed=1 …").
inline QString countsText(const HostCounts &c) {
    return QStringLiteral("ok=%1 changed=%2 unreachable=%3 failures=%4 skipped=%5 rescued=%6 ignored=%7")
        .arg(c.ok)
        .arg(c.changed)
        .arg(c.unreachable)
        .arg(c.failures)
        .arg(c.skipped)
        .arg(c.rescued)
        .arg(c.ignored);
}

/// What the plugin and the text parser must agree on: everything but paths, ids, play hosts and durations
/// (the text shows none of them).
inline QStringList normalized(const QList<AnsibleEvent> &events) {
    QStringList out;
    for (const AnsibleEvent &e : events) {
        QString line = AnsibleEvent::typeName(e.type);
        switch (e.type) {
        case AnsibleEvent::Type::PlaybookStart:
        case AnsibleEvent::Type::PlaybookEnd:
            break;
        case AnsibleEvent::Type::PlayStart:
            line += QLatin1Char('|') + e.name;
            break;
        case AnsibleEvent::Type::TaskStart:
            line += QLatin1Char('|') + e.role + QLatin1Char('|') + e.name +
                    (e.handler ? QStringLiteral("|handler") : QString());
            break;
        case AnsibleEvent::Type::HostResult:
            line += QLatin1Char('|') + e.host + QLatin1Char('|') + e.task + QLatin1Char('|') +
                    hostStatusName(e.status) + QLatin1Char('|') + e.message;
            break;
        case AnsibleEvent::Type::Stats:
            for (auto it = e.stats.begin(); it != e.stats.end(); ++it)
                line += QLatin1Char('|') + it.key() + QLatin1Char(' ') + countsText(it.value());
            break;
        }
        out << line;
    }
    return out;
}

/// The events of the test playbook of TestCallbackPlugin (two plays, a role with a handler, loops, ignored
/// failures, a final failure), normalized: tests/fixtures/ansible/default-output.txt was recorded from it.
inline QStringList testPlaybookEvents() {
    return {
        QStringLiteral("playbook_start"),
        QStringLiteral("play_start|First play"),
        QStringLiteral("task_start||Say hello"),
        QStringLiteral("host_result|localhost|Say hello|ok|"),
        QStringLiteral("task_start||Touch a file"),
        QStringLiteral("host_result|localhost|Touch a file|changed|"),
        QStringLiteral("task_start||Never runs"),
        QStringLiteral("host_result|localhost|Never runs|skipped|"),
        QStringLiteral("task_start||Fails but ignored"),
        QStringLiteral("host_result|localhost|Fails but ignored|ignored|"),
        QStringLiteral("task_start||Loop over items"),
        QStringLiteral("host_result|localhost|Loop over items|changed|"),
        QStringLiteral("task_start||Loop with a failure"),
        QStringLiteral("host_result|localhost|Loop with a failure|ignored|"),
        QStringLiteral("task_start||Use the role"),
        QStringLiteral("task_start|web|Configure web"),
        QStringLiteral("host_result|localhost|Configure web|changed|"),
        QStringLiteral("task_start|web|Restart web|handler"),
        QStringLiteral("host_result|localhost|Restart web|ok|"),
        QStringLiteral("play_start|Second play"),
        QStringLiteral("task_start||Fail on purpose"),
        QStringLiteral("host_result|localhost|Fail on purpose|failed|the wizard test failed on purpose"),
        QStringLiteral("stats|localhost ok=7 changed=5 unreachable=0 failures=1 skipped=1 rescued=0 ignored=2"),
        QStringLiteral("playbook_end"),
    };
}

} // namespace ksw::test
