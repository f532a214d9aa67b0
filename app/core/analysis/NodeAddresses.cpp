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
    const auto consider = [&](const QString &host, const QString &variable, const YAML::Node &value, int line,
                              const std::shared_ptr<const Origin> &file) {
        const auto address = IpAddress::parse(yaml::scalarText(value));
        if (address && address->isV6() == ipv6)
            result.append({host, variable, *address, line, file});
    };
    // host_vars files by host, so that each host finds its own without scanning every file.
    QMultiHash<QString, const Inventory::VarsFile *> hostVarsFiles;
    for (const Inventory::VarsFile &file : inventory.varsFiles()) {
        if (file.scope == Inventory::VarsFile::Scope::Host)
            hostVarsFiles.insert(file.target, &file);
    }
    const auto hostsFile = std::make_shared<const Origin>(Origin{
        Origin::Kind::Inventory, inventory.hostsFilePath(), inventory.displayPath(inventory.hostsFilePath()), 0, {}});
    // Room for the usual case, every host with all its variables in the hosts file: the list never moves as it grows.
    result.reserve(inventory.hostNames().size() * variables.size());
    for (const QString &host : inventory.hostNames()) {
        const InventoryHost &entry = inventory.hostsFile().hosts.value(host);
        for (const QString &variable : variables) {
            if (!entry.vars.contains(variable))
                continue;
            const InlineVariable inlineVariable = entry.vars.value(variable);
            consider(host, variable, inlineVariable.value, inlineVariable.line, hostsFile);
        }
        // values() is newest first; the files were read in order.
        const QList<const Inventory::VarsFile *> files = hostVarsFiles.values(host);
        for (auto file = files.crbegin(); file != files.crend(); ++file) {
            std::shared_ptr<const Origin> origin;
            for (const QString &variable : variables) {
                if (const auto key = (*file)->document.value(variable)) {
                    if (!origin)
                        origin = std::make_shared<const Origin>(
                            Origin{Origin::Kind::Inventory, (*file)->document.path(), (*file)->displayPath, 0, {}});
                    consider(host, variable, key->value, key->line, origin);
                }
            }
        }
    }
    return result;
}

} // namespace ksw
