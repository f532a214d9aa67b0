// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ksw {

/// The wizard's own data for one inventory, in $XDG_DATA_HOME/kubespray-wizard/<inventory id>/ (never inside
/// the inventory, where Ansible reads every file): the site profile last used with it, and later its settings
/// and run logs. The history of its files lives there too (History).
class InventoryStore {
public:
    explicit InventoryStore(const QString &inventoryDirectory);

    QString folder() const { return m_folder; }
    /// Where the logs of playbook runs (deploy, preflight) and their task counts are kept.
    QString runLogFolder() const { return m_folder + QStringLiteral("/runs"); }
    /// The site profile kept for this inventory; empty when none was kept yet.
    QString siteProfilePath() const;
    /// Keeps a copy of a site profile (atomically), so that later runs need not be told again.
    std::optional<Error> keepSiteProfile(const QByteArray &bytes);

private:
    QString m_folder;
};

} // namespace ksw
