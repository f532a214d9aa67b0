// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QList>

namespace ksw {

/// One process as /proc/<pid>/stat shows it.
struct ProcessEntry {
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgid = 0;
    char state = '?'; ///< 'R', 'S', …; 'Z' and 'X' are gone but not reaped
};

/// Every process of the machine (Linux /proc), zombies included.
QList<ProcessEntry> processTable();

} // namespace ksw
