// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/NodeAddresses.h"

#include "kubespray/Inventory.h"
#include "yaml/YamlValues.h"

#include <QHash>

#include <algorithm>

namespace ksw {

QList<NodeAddress> nodeAddresses(const Inventory &inventory, bool ipv6) {
    // Kubespray's addressing variables (docs/ansible/vars.md): ansible_host to connect, ip to bind, access_ip for
    // other hosts to reach this one; each as Ansible resolves it for the host (host vars, or a group's).
    const QStringList variables =
        ipv6 ? QStringList{QStringLiteral("ip6"), QStringLiteral("access_ip6"), QStringLiteral("ansible_host")}
             : QStringList{QStringLiteral("ansible_host"), QStringLiteral("ip"), QStringLiteral("access_ip")};
    QList<NodeAddress> result;
    for (const QString &variable : variables) {
        for (const Inventory::Value &value : inventory.valuesOn(variable, inventory.hostNames())) {
            if (!value.setting.isDefined())
                continue;
            const auto address = IpAddress::parse(yaml::scalarText(value.setting.value));
            if (!address || address->isV6() != ipv6)
                continue;
            for (const QString &host : value.hosts)
                result.append({host, variable, *address, value.setting.origin});
        }
    }
    // In host order, each host's variables in the order above.
    QHash<QString, int> position;
    for (const QString &host : inventory.hostNames())
        position.insert(host, static_cast<int>(position.size()));
    std::stable_sort(result.begin(), result.end(), [&](const NodeAddress &a, const NodeAddress &b) {
        return position.value(a.host) < position.value(b.host);
    });
    return result;
}

} // namespace ksw
