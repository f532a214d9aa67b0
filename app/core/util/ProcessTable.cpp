// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "util/ProcessTable.h"

#include <QDir>
#include <QFile>

namespace ksw {

QList<ProcessEntry> processTable() {
    QList<ProcessEntry> result;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // it ended meanwhile
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses: split after the last ')'.
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() < 3)
            continue;
        result.append({pid, fields.at(1).toLongLong(), fields.at(2).toLongLong(),
                       fields.at(0).isEmpty() ? '?' : fields.at(0).at(0)});
    }
    return result;
}

} // namespace ksw
