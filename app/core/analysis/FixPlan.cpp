// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/FixPlan.h"

#include "analysis/FixProposals.h"
#include "analysis/RegistryConfig.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>

namespace ksw {

namespace {

/// Adds the change unless the configuration already has that value.
void addIfDifferent(ChangeSet &set, const ClusterConfig &config, const SettingChange &change) {
    if (!yaml::sameValue(config.value(change.key).value, change.value))
        set.add(change);
}

} // namespace

FixPlan FixPlan::fromCurrent(const ClusterConfig &config, const SiteProfile &site) {
    FixPlan plan;
    plan.serviceRange = yaml::scalarText(config.value(QStringLiteral("kube_service_addresses")).value);
    plan.podRange = yaml::scalarText(config.value(QStringLiteral("kube_pods_subnet")).value);
    plan.nodePrefix = yaml::scalarText(config.value(QStringLiteral("kube_network_node_prefix")).value);
    for (const SiteProfile::Registry &registry : site.registries()) {
        const RegistryConfig::Handling handling = RegistryConfig(config).handling(registry.host);
        plan.registries.append({registry.host, registry.scheme,
                                registry.scheme == SiteProfile::Scheme::Http || handling.plainHttp,
                                registry.serviceName});
    }
    for (const SiteProfile::Service &service : site.dnsServers())
        plan.dnsServers.append(service.address.toString());
    plan.zones = site.zones();
    plan.dnsMode = site.zones().isEmpty() ? DnsMode::ForwardEverything : DnsMode::CompanyZones;
    return plan;
}

QList<FixPlan::Problem> FixPlan::problems() const {
    QList<Problem> result;
    const auto services = Cidr::parse(serviceRange);
    const auto pods = Cidr::parse(podRange);
    if (!services.cidr)
        result.append({QStringLiteral("serviceRange"), services.message});
    else if (!services.cidr->isV4())
        result.append({QStringLiteral("serviceRange"),
                       QCoreApplication::translate("FixPlan", "The service range must be an IPv4 range here; the "
                                                              "IPv6 twins have their own variables.")});
    if (!pods.cidr)
        result.append({QStringLiteral("podRange"), pods.message});
    else if (!pods.cidr->isV4())
        result.append({QStringLiteral("podRange"),
                       QCoreApplication::translate("FixPlan", "The pod range must be an IPv4 range here; the IPv6 "
                                                              "twins have their own variables.")});
    if (services.cidr && pods.cidr && services.cidr->overlaps(*pods.cidr))
        result.append({QStringLiteral("podRange"),
                       QCoreApplication::translate("FixPlan", "The pod range overlaps the service range %1.")
                           .arg(services.cidr->toString())});
    bool ok = false;
    const int prefix = nodePrefix.trimmed().toInt(&ok);
    if (!ok || prefix < 1 || prefix > 32)
        result.append(
            {QStringLiteral("nodePrefix"),
             QCoreApplication::translate("FixPlan", "The node prefix is a number from 1 to 32, such as 24.")});
    else if (pods.cidr && prefix < pods.cidr->prefixLength())
        result.append({QStringLiteral("nodePrefix"),
                       QCoreApplication::translate("FixPlan", "A node's share (/%1) cannot be larger than the pod "
                                                              "range (/%2).")
                           .arg(prefix)
                           .arg(pods.cidr->prefixLength())});
    for (const QString &server : dnsServers) {
        if (!IpAddress::parse(server))
            result.append({QStringLiteral("dnsServers"),
                           QCoreApplication::translate("FixPlan", "“%1” is not an IP address.").arg(server)});
    }
    if (dnsMode == DnsMode::CompanyZones) {
        if (zones.isEmpty())
            result.append({QStringLiteral("zones"),
                           QCoreApplication::translate("FixPlan", "Name at least one company zone, or forward "
                                                                  "everything to the company DNS.")});
        for (const QString &zone : zones) {
            if (!SiteProfile::isDomainName(zone))
                result.append({QStringLiteral("zones"),
                               QCoreApplication::translate("FixPlan", "“%1” is not a DNS zone.").arg(zone)});
        }
    }
    return result;
}

ChangeSet FixPlan::changes(const ClusterConfig &config) const {
    ChangeSet set;
    const FixProposals proposals(config);
    const QList<Problem> invalid = problems();
    const auto fieldOk = [&](const char *field) {
        return std::none_of(invalid.cbegin(), invalid.cend(),
                            [&](const Problem &p) { return p.field == QLatin1String(field); });
    };

    if (fieldOk("serviceRange"))
        addIfDifferent(set, config,
                       proposals.change(QStringLiteral("kube_service_addresses"),
                                        yaml::string(Cidr::parse(serviceRange).cidr->toString())));
    if (fieldOk("podRange"))
        addIfDifferent(
            set, config,
            proposals.change(QStringLiteral("kube_pods_subnet"), yaml::string(Cidr::parse(podRange).cidr->toString())));
    if (fieldOk("nodePrefix"))
        addIfDifferent(
            set, config,
            proposals.change(QStringLiteral("kube_network_node_prefix"), YAML::Node(nodePrefix.trimmed().toInt())));

    // Registries: an entry for each that needs one and does not have the right one yet.
    QList<FixProposals::MirrorRequest> requests;
    bool missing = false;
    const RegistryConfig current(config);
    for (const Registry &registry : registries) {
        const bool http = registry.scheme == SiteProfile::Scheme::Http;
        const bool untrusted = registry.scheme == SiteProfile::Scheme::Https && registry.skipVerify;
        if (!http && !untrusted)
            continue;
        requests.append({registry.host, http, registry.skipVerify || http, {}});
        const RegistryConfig::Handling handling = current.handling(registry.host);
        if (!handling.configured || handling.plainHttp != http || handling.broken)
            missing = true;
    }
    if (missing) {
        for (const SettingChange &change : proposals.registryMirrors(requests).changes)
            addIfDifferent(set, config, change);
    }

    if (fieldOk("dnsServers") && !dnsServers.isEmpty() && (dnsMode == DnsMode::ForwardEverything || fieldOk("zones"))) {
        const QStringList zoneList = dnsMode == DnsMode::CompanyZones ? zones : QStringList();
        for (const SettingChange &change : proposals.companyDns(dnsServers, zoneList).changes)
            addIfDifferent(set, config, change);
    }

    if (kubectlArtifacts) {
        for (const SettingChange &change : proposals.kubectlArtifacts().changes)
            addIfDifferent(set, config, change);
    }
    return set;
}

} // namespace ksw
