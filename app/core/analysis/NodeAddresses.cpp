// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/NodeAddresses.h"

#include "kubespray/Inventory.h"
#include "yaml/YamlValues.h"

#include <QMultiHash>

namespace ksw {

QList<NodeAddress> nodeAddresses(const Inventory &inventory, bool ipv6) {
    // Kubespray's addressing variables (docs/ansible/vars.md): ansible_host to connect, ip to bind, access_ip for
    // other hosts to reach this one.
    const QStringList variables =
        ipv6 ? QStringList{QStringLiteral("ip6"), QStringLiteral("access_ip6"), QStringLiteral("ansible_host")}
             : QStringList{QStringLiteral("ansible_host"), QStringLiteral("ip"), QStringLiteral("access_ip")};
    QList<NodeAddress> result;
    const auto consider = [&](const QString &host, const QString &variable, const YAML::Node &value,
                              const Origin &origin) {
        const auto address = IpAddress::parse(yaml::scalarText(value));
        if (address && address->isV6() == ipv6)
            result.append({host, variable, *address, origin});
    };
    // host_vars files by host, so that each host finds its own without scanning every file.
    QMultiHash<QString, const Inventory::VarsFile *> hostVarsFiles;
    for (const Inventory::VarsFile &file : inventory.varsFiles()) {
        if (file.scope == Inventory::VarsFile::Scope::Host)
            hostVarsFiles.insert(file.target, &file);
    }
    // One origin for the hosts file, its line set per value: its strings are shared by every address.
    Origin hostsFileOrigin{
        Origin::Kind::Inventory, inventory.hostsFilePath(), inventory.displayPath(inventory.hostsFilePath()), 0, {}};
    result.reserve(inventory.hostNames().size() * variables.size());
    for (const QString &host : inventory.hostNames()) {
        const InventoryHost &entry = inventory.hostsFile().hosts.value(host);
        for (const QString &variable : variables) {
            if (!entry.vars.contains(variable))
                continue;
            const InlineVariable inlineVariable = entry.vars.value(variable);
            hostsFileOrigin.line = inlineVariable.line;
            consider(host, variable, inlineVariable.value, hostsFileOrigin);
        }
        // values() is newest first; the files were read in order.
        const QList<const Inventory::VarsFile *> files = hostVarsFiles.values(host);
        for (auto file = files.crbegin(); file != files.crend(); ++file) {
            for (const QString &variable : variables) {
                if (const auto key = (*file)->document.value(variable)) {
                    consider(host, variable, key->value,
                             {Origin::Kind::Inventory, (*file)->document.path(), (*file)->displayPath, key->line, {}});
                }
            }
        }
    }
    return result;
}

} // namespace ksw
