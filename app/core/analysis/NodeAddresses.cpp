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
    // One shared origin per file: an inventory of many nodes has several addresses for each.
    QHash<QString, std::shared_ptr<const Origin>> files;
    const auto fileOf = [&](const Origin &origin) {
        std::shared_ptr<const Origin> &file = files[origin.displayPath];
        if (!file)
            file =
                std::make_shared<const Origin>(Origin{origin.kind, origin.file, origin.displayPath, 0, origin.release});
        return file;
    };
    result.reserve(inventory.hostNames().size() * variables.size());
    for (const QString &variable : variables) {
        for (const Inventory::Value &value : inventory.valuesOn(variable, inventory.hostNames())) {
            if (!value.setting.isDefined())
                continue;
            const auto address = IpAddress::parse(yaml::scalarText(value.setting.value));
            if (!address || address->isV6() != ipv6)
                continue;
            for (const QString &host : value.hosts)
                result.append({host, variable, *address, value.setting.origin.line, fileOf(value.setting.origin)});
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
