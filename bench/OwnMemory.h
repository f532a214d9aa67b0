// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ksw::bench {

/// A "VmXxx:" figure of /proc/self/status in KiB: VmHWM is the peak resident set since start or since the last
/// resetOwnPeak(), VmRSS the resident set now.
inline std::optional<qint64> ownStatusKiB(const QByteArray &field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith(field + ':'))
            continue;
        bool ok = false;
        const qint64 kib = line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong(&ok);
        if (ok)
            return kib;
    }
    return std::nullopt;
}

/// Hands freed heap back to the system and resets VmHWM to the current resident set (Linux 4.0+:
/// "5" > /proc/self/clear_refs), so that the next peak is that of the next step alone plus what stays resident.
inline bool resetOwnPeak() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (!clearRefs.open(QIODevice::WriteOnly))
        return false;
    return clearRefs.write("5") == 1;
}

} // namespace ksw::bench
