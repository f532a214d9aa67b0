// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/ClusterConfig.h"

#include "yaml/YamlValues.h"

namespace ksw {

ClusterConfig::ClusterConfig(Inventory inventory, Defaults defaults, std::optional<KubesprayVersion> version)
    : m_inventory(std::move(inventory))
    , m_defaults(std::move(defaults))
    , m_version(version) {}

Setting ClusterConfig::value(const QString &name) const {
    if (auto setting = m_inventory.clusterValue(name))
        return *setting;
    return m_defaults.value(name);
}

QList<Inventory::Value> ClusterConfig::nodeValues(const QString &name) const {
    QList<Inventory::Value> values;
    for (const Inventory::Value &value : m_inventory.nodeValues(name)) {
        // Built anew rather than assigned: YAML::Node's assignment would rebind the inventory's own node.
        if (value.setting.isDefined())
            values.append(value);
        else
            values.append({m_defaults.value(name), value.place, value.target, value.hosts});
    }
    return values;
}

bool ClusterConfig::isTrue(const QString &name) const {
    const Setting setting = value(name);
    return setting.isDefined() && yaml::toBool(setting.value).value_or(false);
}

bool ClusterConfig::ipv4Enabled() const {
    if (m_version && m_version->before(2, 28))
        return true;
    const Setting setting = value(QStringLiteral("ipv4_stack"));
    return !setting.isDefined() || yaml::toBool(setting.value).value_or(true);
}

bool ClusterConfig::ipv6Enabled() const {
    const bool legacy = isTrue(QStringLiteral("enable_dual_stack_networks"));
    if (m_version && m_version->before(2, 28))
        return legacy;
    const Setting setting = value(QStringLiteral("ipv6_stack"));
    // The default is the template "{{ enable_dual_stack_networks | default(false) }}".
    if (!setting.isDefined() || yaml::isTemplate(setting.value))
        return legacy;
    return yaml::toBool(setting.value).value_or(false);
}

bool ClusterConfig::nodeLocalDnsEnabled() const {
    const Setting setting = value(QStringLiteral("enable_nodelocaldns"));
    return !setting.isDefined() || yaml::toBool(setting.value).value_or(true);
}

} // namespace ksw
