// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/ChangeSet.h"

namespace ksw {

void ChangeSet::add(const SettingChange &change) {
    // Elements are copy-constructed into a new list, never assigned: YAML::Node's assignment would rebind the node
    // the old value shares with its finding (and the finding would then show the new value).
    QList<SettingChange> changes;
    bool replaced = false;
    for (const SettingChange &existing : std::as_const(m_changes)) {
        const bool same = existing.file == change.file && existing.key == change.key;
        changes.append(same ? change : existing);
        replaced = replaced || same;
    }
    if (!replaced)
        changes.append(change);
    m_changes = changes;
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
