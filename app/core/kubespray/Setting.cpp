// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Setting.h"

#include <QCoreApplication>

namespace ksw {

QString Origin::describe() const {
    switch (kind) {
    case Kind::Inventory:
        return line > 0 ? QStringLiteral("%1:%2").arg(displayPath).arg(line) : displayPath;
    case Kind::KubesprayRole:
        return QCoreApplication::translate("Origin", "%1:%2 (Kubespray %3 default)")
            .arg(displayPath)
            .arg(line)
            .arg(release.isEmpty() ? QStringLiteral("?") : release);
    case Kind::BuiltInDefault:
        return QCoreApplication::translate("Origin", "Kubespray %1 default").arg(release);
    case Kind::Unset:
        break;
    }
    return QCoreApplication::translate("Origin", "not set");
}

const QStringList &TrackedVariables::ranges() {
    static const QStringList names = {
        QStringLiteral("kube_service_addresses"),
        QStringLiteral("kube_pods_subnet"),
        QStringLiteral("kube_network_node_prefix"),
        QStringLiteral("kube_service_addresses_ipv6"),
        QStringLiteral("kube_pods_subnet_ipv6"),
        QStringLiteral("kube_network_node_prefix_ipv6"),
        QStringLiteral("enable_dual_stack_networks"),
        QStringLiteral("ipv4_stack"),
        QStringLiteral("ipv6_stack"),
    };
    return names;
}

const QStringList &TrackedVariables::network() {
    static const QStringList names = {QStringLiteral("kube_network_plugin"), QStringLiteral("kubelet_max_pods"),
                                      QStringLiteral("calico_pool_blocksize")};
    return names;
}

const QStringList &TrackedVariables::dns() {
    static const QStringList names = {
        QStringLiteral("upstream_dns_servers"),
        QStringLiteral("coredns_external_zones"),
        QStringLiteral("nodelocaldns_external_zones"),
        QStringLiteral("enable_nodelocaldns"),
        QStringLiteral("nodelocaldns_ip"),
        QStringLiteral("dns_mode"),
        QStringLiteral("resolvconf_mode"),
    };
    return names;
}

const QStringList &TrackedVariables::registries() {
    static const QStringList names = {
        QStringLiteral("containerd_registries"),
        QStringLiteral("containerd_insecure_registries"),
        QStringLiteral("containerd_registries_mirrors"),
        QStringLiteral("containerd_use_config_path"),
    };
    return names;
}

const QStringList &TrackedVariables::artifacts() {
    static const QStringList names = {QStringLiteral("kubeconfig_localhost"), QStringLiteral("kubectl_localhost"),
                                      QStringLiteral("artifacts_dir")};
    return names;
}

const QStringList &TrackedVariables::addressing() {
    static const QStringList names = {QStringLiteral("ansible_host"), QStringLiteral("ip"), QStringLiteral("access_ip"),
                                      QStringLiteral("ip6"), QStringLiteral("access_ip6")};
    return names;
}

const QStringList &TrackedVariables::all() {
    static const QStringList names = ranges() + network() + dns() + registries() + artifacts();
    return names;
}

} // namespace ksw
