// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace ksw {

/// Where a variable's value comes from.
struct Origin {
    enum class Kind {
        Inventory,      ///< a file of the inventory (group_vars, host_vars, the hosts file)
        KubesprayRole,  ///< a role default file of the checkout
        BuiltInDefault, ///< our table of Kubespray's defaults for the detected release
        Unset,          ///< defined nowhere
    };

    Kind kind = Kind::Unset;
    QString file;        ///< absolute path, for Inventory and KubesprayRole
    QString displayPath; ///< relative to the inventory (or the checkout for roles)
    int line = 0;        ///< 1-based; 0 when unknown
    QString release;     ///< for defaults: the Kubespray release ("v2.25.0")

    /// "group_vars/k8s_cluster/k8s-cluster.yml:81", "Kubespray v2.25.0 default", ... (translated)
    QString describe() const;
    bool isInventory() const { return kind == Kind::Inventory; }
};

/// One variable as Kubespray will see it.
struct Setting {
    QString name;
    YAML::Node value; ///< undefined node when the variable is defined nowhere
    Origin origin;

    bool isDefined() const { return value.IsDefined(); }
};

/// The variables the wizard reads, analyses and may write.
struct TrackedVariables {
    static const QStringList &ranges();
    static const QStringList &network();
    static const QStringList &dns();
    static const QStringList &registries();
    static const QStringList &artifacts();
    /// Cluster-wide settings: every list above.
    static const QStringList &all();
    /// Per-host addresses (docs/ansible/vars.md): ansible_host to connect, ip to bind, access_ip for others.
    static const QStringList &addressing();
};

} // namespace ksw
