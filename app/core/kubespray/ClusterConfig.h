// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Defaults.h"
#include "kubespray/Inventory.h"
#include "kubespray/KubesprayVersion.h"

#include <optional>

namespace ksw {

/// The effective values Kubespray will use: the inventory's over the release's role defaults.
class ClusterConfig {
public:
    ClusterConfig(Inventory inventory, Defaults defaults, std::optional<KubesprayVersion> version);

    /// The inventory's cluster-wide value, else Kubespray's default, else an Unset setting.
    Setting value(const QString &name) const;
    /// Each place the cluster's nodes get `name` from (Inventory::nodeValues), with Kubespray's default where the
    /// inventory sets nothing for them.
    QList<Inventory::Value> nodeValues(const QString &name) const;

    const Inventory &inventory() const { return m_inventory; }
    const Defaults &defaults() const { return m_defaults; }
    std::optional<KubesprayVersion> version() const { return m_version; }

    /// IPv4 ranges in use (always before v2.28; `ipv4_stack` from then on).
    bool ipv4Enabled() const;
    /// IPv6 ranges in use: `enable_dual_stack_networks` before v2.28, `ipv6_stack` (which defaults to it) after.
    bool ipv6Enabled() const;
    bool nodeLocalDnsEnabled() const;
    /// True when a boolean variable evaluates to true (unset counts as false).
    bool isTrue(const QString &name) const;

private:
    Inventory m_inventory;
    Defaults m_defaults;
    std::optional<KubesprayVersion> m_version;
};

} // namespace ksw
