// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"

#include <QList>
#include <QStringList>

namespace ksw {

/// The settings to write: file → key → new value, each (file, key) once.
class ChangeSet {
public:
    /// Adds a change; a later change of the same key in the same file replaces the earlier one.
    void add(const SettingChange &change);
    /// The fixes of all findings, merged (several findings share one range proposal).
    static ChangeSet fromFindings(const QList<Finding> &findings);

    const QList<SettingChange> &changes() const { return m_changes; }
    QStringList files() const;
    bool isEmpty() const { return m_changes.isEmpty(); }

private:
    QList<SettingChange> m_changes;
};

} // namespace ksw
