// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/ChangeSet.h"

namespace ksw {

void ChangeSet::add(const SettingChange &change) {
    for (SettingChange &existing : m_changes) {
        if (existing.file == change.file && existing.key == change.key) {
            existing.value = change.value;
            return;
        }
    }
    m_changes.append(change);
}

ChangeSet ChangeSet::fromFindings(const QList<Finding> &findings) {
    ChangeSet set;
    for (const Finding &finding : findings) {
        for (const SettingChange &change : finding.fix.changes)
            set.add(change);
    }
    return set;
}

QStringList ChangeSet::files() const {
    QStringList files;
    for (const SettingChange &change : m_changes) {
        if (!files.contains(change.file))
            files.append(change.file);
    }
    return files;
}

} // namespace ksw
