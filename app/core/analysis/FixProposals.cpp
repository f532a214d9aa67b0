// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/FixProposals.h"

#include "analysis/RegistryConfig.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlValues.h"

#include <QHash>
#include <QtGlobal>

namespace ksw {

namespace {

const QString AllYml = QStringLiteral("all.yml");
const QString ContainerdYml = QStringLiteral("containerd.yml");
const QString ClusterYml = QStringLiteral("k8s-cluster.yml");

struct SamplePlace {
    const char *key;
    const char *group;
    const char *file;
};

// Where Kubespray's sample inventory keeps each key (FACTS.md §2.1); coredns_external_zones has no
// sample line, and the DNS docs put it next to nodelocaldns_external_zones.
const SamplePlace samplePlaces[] = {
    {"upstream_dns_servers", "all", "all.yml"},
    {"containerd_registries", "all", "containerd.yml"},
    {"containerd_insecure_registries", "all", "containerd.yml"},
    {"containerd_registries_mirrors", "all", "containerd.yml"},
    {"containerd_use_config_path", "all", "containerd.yml"},
    {"containerd_extra_args", "all", "containerd.yml"},
};

YAML::Node stringNode(const QString &text) {
    return YAML::Node(text.toStdString());
}

YAML::Node stringList(const QStringList &items) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const QString &item : items)
        list.push_back(stringNode(item));
    return list;
}

} // namespace

FixProposals::FixProposals(const ClusterConfig &config)
    : m_config(config) {}

SettingChange FixProposals::change(const QString &key, const YAML::Node &value) const {
    QString group = QStringLiteral("k8s_cluster");
    QString file = ClusterYml;
    for (const SamplePlace &place : samplePlaces) {
        if (key == QLatin1String(place.key)) {
            group = QString::fromLatin1(place.group);
            file = QString::fromLatin1(place.file);
        }
    }
    const auto place = m_config.inventory().placeFor(key, group, file);
    if (!place)
        return {{}, key, value, place.error().message};
    return {*place, key, value, {}};
}

SettingChange FixProposals::changeBeside(const QString &key, const YAML::Node &value,
                                         const SettingChange &companion) const {
    // A key the inventory sets nowhere goes where the key it works with goes (containerd_use_config_path with the
    // mirror list), so that one file holds the fix and the same hosts read both.
    if (!m_config.inventory().clusterValue(key) && companion.unwritable.isEmpty() && !companion.file.isEmpty() &&
        m_config.inventory().overrides(key).isEmpty())
        return {companion.file, key, value, {}};
    return change(key, value);
}

FixProposal FixProposals::ranges(const std::optional<Cidr> &services, const std::optional<Cidr> &pods,
                                 bool ipv6) const {
    FixProposal proposal;
    const QString suffix = ipv6 ? QStringLiteral("_ipv6") : QString();
    if (services) {
        proposal.changes.append(
            change(QStringLiteral("kube_service_addresses") + suffix, stringNode(services->toString())));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "Moving the service range also moves the cluster DNS address "
                                                      "(skydns_server) and the API service address; "
                                                      "the cluster must be reset and deployed again."),
                         {}};
    }
    if (pods) {
        proposal.changes.append(change(QStringLiteral("kube_pods_subnet") + suffix, stringNode(pods->toString())));
        if (!services) {
            proposal.note = {QT_TRANSLATE_NOOP("Finding", "Kubespray cannot change the ranges of a running cluster: "
                                                          "it must be reset and deployed again."),
                             {}};
        }
    }
    return proposal;
}

FixProposal FixProposals::httpRegistries(const QStringList &registryHosts) const {
    QList<MirrorRequest> requests;
    for (const QString &host : registryHosts)
        requests.append({host, true, true, {}});
    return registryMirrors(requests);
}

Message FixProposals::trustLimit(const MirrorRequest &request) const {
    if (request.plainHttp || (!request.skipVerify && request.caFile.isEmpty()))
        return {};
    const RegistryConfig registries(m_config);
    const QString release = m_config.version() ? m_config.version()->toString() : QStringLiteral("?");
    if (registries.usesMirrorList()) {
        // hosts.toml.j2 renders `ca` from v2.28 on (FACTS.md §2.4); skip_verify always.
        if (request.skipVerify || !m_config.version() || m_config.version()->atLeast(2, 28))
            return {};
        return {QT_TRANSLATE_NOOP("Finding", "Kubespray %1 cannot give containerd a CA file for %2: its hosts.toml "
                                             "template writes no “ca” (that comes with v2.28). Put the CA into the "
                                             "system trust store of every node (containerd trusts it then; write "
                                             "tls: verify in the site profile), or accept the certificate unchecked "
                                             "(tls: skip-verify)."),
                {release, request.host}};
    }
    // v2.21/v2.22 have no TLS setting: only a table appended to config.toml through containerd_extra_args.
    if (registries.legacyConfigPath())
        return {QT_TRANSLATE_NOOP("Finding", "Kubespray %1 writes config_path into config.toml here "
                                             "(containerd_insecure_registries on v2.21, containerd_use_config_path "
                                             "on v2.22), and containerd then refuses any TLS table there, so no "
                                             "setting of this release can make it trust %2. Remove that setting and "
                                             "check again, or put the company's CA into the system trust store of "
                                             "every node (tls: verify)."),
                {release, request.host}};
    if (registries.handling(request.host).tlsTableInExtraArgs)
        return {QT_TRANSLATE_NOOP("Finding", "containerd_extra_args already has a TLS table for %1 that says "
                                             "something else; a second one would make config.toml invalid. Change "
                                             "that table by hand: %2."),
                {request.host, RegistryConfig::legacyTlsTable(request.host)}};
    return {};
}

FixProposal FixProposals::registryMirrors(const QList<MirrorRequest> &requests) const {
    const RegistryConfig registries(m_config);
    return registries.usesMirrorList() ? mirrorList(requests) : legacyRegistries(requests);
}

FixProposal FixProposals::legacyRegistries(const QList<MirrorRequest> &requests) const {
    FixProposal proposal;
    // v2.21/v2.22: containerd_registries is a dict of name → endpoint; keep the others (docker.io).
    QStringList httpHosts;
    QString extraArgs = yaml::scalarText(m_config.value(QStringLiteral("containerd_extra_args")).value);
    bool tlsTables = false;
    for (const MirrorRequest &request : requests) {
        if (request.plainHttp) {
            httpHosts.append(request.host);
            continue;
        }
        if (!trustLimit(request).isEmpty())
            continue;
        // The CRI plugin of containerd 1.x reads this table as long as config.toml has no config_path.
        if (!extraArgs.isEmpty() && !extraArgs.endsWith(QLatin1Char('\n')))
            extraArgs += QLatin1Char('\n');
        extraArgs += RegistryConfig::legacyTlsTable(request.host) + QLatin1Char('\n');
        extraArgs += request.skipVerify ? QStringLiteral("  insecure_skip_verify = true\n")
                                        : QStringLiteral("  ca_file = \"%1\"\n").arg(request.caFile);
        tlsTables = true;
    }
    // Entries of containerd_insecure_registries that break containerd's config move to containerd_registries (an
    // empty containerd_insecure_registries then renders nothing).
    const QStringList broken = RegistryConfig(m_config).brokenInsecureRegistries();
    if (!httpHosts.isEmpty() || !broken.isEmpty()) {
        const YAML::Node current = m_config.value(QStringLiteral("containerd_registries")).value;
        YAML::Node dict(YAML::NodeType::Map);
        if (current.IsDefined() && current.IsMap()) {
            for (auto it = current.begin(); it != current.end(); ++it) {
                if (!httpHosts.contains(QString::fromStdString(it->first.as<std::string>(""))))
                    dict[it->first] = it->second;
            }
        }
        const YAML::Node insecure = m_config.value(QStringLiteral("containerd_insecure_registries")).value;
        for (auto it = insecure.begin(); !broken.isEmpty() && it != insecure.end(); ++it) {
            if (!httpHosts.contains(QString::fromStdString(it->first.as<std::string>(""))))
                dict[it->first] = it->second;
        }
        for (const QString &host : httpHosts)
            dict[host.toStdString()] = stringNode(QStringLiteral("http://") + host);
        proposal.changes.append(change(QStringLiteral("containerd_registries"), dict));
        if (!broken.isEmpty())
            proposal.changes.append(
                change(QStringLiteral("containerd_insecure_registries"), YAML::Node(YAML::NodeType::Map)));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "This release reads containerd_registries; "
                                                      "containerd_insecure_registries would make containerd refuse "
                                                      "its configuration, so it is not used."),
                         {}};
    }
    if (tlsTables) {
        proposal.changes.append(change(QStringLiteral("containerd_extra_args"), yaml::string(extraArgs)));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "This release has no registry TLS setting: Kubespray appends "
                                                      "containerd_extra_args to config.toml as it is, and containerd's "
                                                      "CRI plugin reads the TLS table there. "
                                                      "containerd_insecure_registries is not used: on this release "
                                                      "it turns on config_path, and containerd then refuses the "
                                                      "table."),
                         {}};
    }
    return proposal;
}

FixProposal FixProposals::mirrorList(const QList<MirrorRequest> &requests) const {
    FixProposal proposal;
    const auto version = m_config.version();
    QStringList registryHosts;
    QHash<QString, MirrorRequest> byHost;
    for (const MirrorRequest &request : requests) {
        if (!trustLimit(request).isEmpty())
            continue;
        registryHosts.append(request.host);
        byHost.insert(request.host, request);
    }
    if (registryHosts.isEmpty())
        return proposal;
    const auto urlOf = [&](const QString &host) {
        return (byHost.value(host).plainHttp ? QStringLiteral("http://") : QStringLiteral("https://")) + host;
    };

    // v2.23+: a list; overriding it replaces Kubespray's default, so every other entry (docker.io) is kept.
    const auto entryFor = [&](const QString &host) {
        const MirrorRequest &request = byHost[host];
        YAML::Node mirror(YAML::NodeType::Map);
        mirror["host"] = stringNode(urlOf(host));
        // Kubespray's samples write the capabilities as a short flow list.
        mirror["capabilities"] = yaml::flow(stringList({QStringLiteral("pull"), QStringLiteral("resolve")}));
        mirror["skip_verify"] = request.plainHttp || request.skipVerify;
        if (!request.plainHttp && !request.skipVerify && !request.caFile.isEmpty())
            mirror["ca"] = yaml::flow(stringList({request.caFile})); // as the v2.28+ sample writes it
        YAML::Node entry(YAML::NodeType::Map);
        entry["prefix"] = stringNode(host);
        if (!version || version->atLeast(2, 25))
            entry["server"] = stringNode(urlOf(host)); // honoured from v2.25; the fallback is https://<prefix> before
        YAML::Node mirrors(YAML::NodeType::Sequence);
        mirrors.push_back(mirror);
        entry["mirrors"] = mirrors;
        return entry;
    };
    // A registry the list already names keeps its place (so the edit stays inside that item, with the comments
    // around it); the others go at the end.
    YAML::Node list(YAML::NodeType::Sequence);
    QStringList placed;
    const YAML::Node current = m_config.value(QStringLiteral("containerd_registries_mirrors")).value;
    if (current.IsDefined() && current.IsSequence()) {
        for (const auto &item : current) {
            const QString prefix = item.IsMap() ? yaml::scalarText(item["prefix"]) : QString();
            if (!registryHosts.contains(prefix)) {
                list.push_back(item);
            } else if (!placed.contains(prefix)) {
                list.push_back(entryFor(prefix));
                placed.append(prefix);
            }
        }
    }
    for (const QString &host : registryHosts) {
        if (!placed.contains(host))
            list.push_back(entryFor(host));
    }
    const SettingChange mirrorsChange = change(QStringLiteral("containerd_registries_mirrors"), list);
    proposal.changes.append(mirrorsChange);

    if (version && version->atLeast(2, 23) && version->before(2, 27)) {
        proposal.changes.append(
            changeBeside(QStringLiteral("containerd_use_config_path"), YAML::Node(true), mirrorsChange));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "containerd_use_config_path makes containerd read the "
                                                      "per-registry hosts.toml files that Kubespray writes."),
                         {}};
    }
    return proposal;
}

FixProposal FixProposals::companyDns(const QStringList &servers, const QStringList &zones) const {
    FixProposal proposal;
    if (zones.isEmpty()) {
        proposal.changes.append(change(QStringLiteral("upstream_dns_servers"), stringList(servers)));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "Every name that is not a cluster name is then asked of the "
                                                      "company DNS, by CoreDNS, NodeLocalDNS and the nodes."),
                         {}};
        // Servers the inventory names today are replaced, not kept beside it: CoreDNS spreads its questions over
        // all of them, and the others do not know the company's names.
        const YAML::Node today = m_config.value(QStringLiteral("upstream_dns_servers")).value;
        QStringList replaced;
        if (today.IsDefined() && today.IsSequence()) {
            for (const auto &item : today) {
                if (!servers.contains(yaml::scalarText(item)))
                    replaced.append(yaml::scalarText(item));
            }
        }
        if (!replaced.isEmpty())
            proposal.note = {QT_TRANSLATE_NOOP("Finding", "Every name that is not a cluster name is then asked of the "
                                                          "company DNS. %1 are no longer asked: CoreDNS spreads its "
                                                          "questions over all the servers it is given, and they do "
                                                          "not know the company's names."),
                             {replaced.join(QStringLiteral(", "))}};
        return proposal;
    }
    const auto zoneList = [&](int cache) {
        YAML::Node entry(YAML::NodeType::Map);
        entry["zones"] = stringList(zones);
        entry["nameservers"] = stringList(servers);
        entry["cache"] = cache;
        YAML::Node list(YAML::NodeType::Sequence);
        list.push_back(entry);
        return list;
    };
    const SettingChange coreDns = change(QStringLiteral("coredns_external_zones"), zoneList(5));
    proposal.changes.append(coreDns);
    if (m_config.nodeLocalDnsEnabled()) {
        proposal.changes.append(changeBeside(QStringLiteral("nodelocaldns_external_zones"), zoneList(30), coreDns));
        proposal.note = {QT_TRANSLATE_NOOP("Finding", "NodeLocalDNS answers the pods first and sends other names "
                                                      "straight upstream, so the zones are written for it as well "
                                                      "as for CoreDNS."),
                         {}};
    }
    return proposal;
}

FixProposal FixProposals::kubectlArtifacts() const {
    FixProposal proposal;
    const SettingChange kubeconfig = change(QStringLiteral("kubeconfig_localhost"), YAML::Node(true));
    proposal.changes.append(kubeconfig);
    proposal.changes.append(changeBeside(QStringLiteral("kubectl_localhost"), YAML::Node(true), kubeconfig));
    return proposal;
}

} // namespace ksw
