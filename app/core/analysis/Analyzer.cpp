// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/Analyzer.h"

#include "analysis/FixProposals.h"
#include "analysis/NodeAddresses.h"
#include "analysis/RegistryConfig.h"
#include "kubespray/AnsibleEnvironment.h"
#include "kubespray/Checkout.h"
#include "kubespray/ClusterConfig.h"
#include "net/AddressPlan.h"
#include "preflight/PreflightReport.h"
#include "probe/SiteProbe.h"
#include "site/SiteProfile.h"
#include "yaml/YamlValues.h"

#include <QMap>
#include <QSet>
#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace ksw {

namespace {

using Severity = Finding::Severity;

/// A cluster range variable, parsed.
struct RangeVariable {
    QString name;
    Setting setting;
    std::optional<Cidr> range;
};

/// A network a node uses, from the preflight: the network of one of its addresses, or a route's destination.
struct NodeNetwork {
    QString host;
    bool isAddress = false;
    QString text; ///< "192.168.56.10/24 (eth0)" or "10.0.0.0/8 via 192.168.56.1 dev eth0"
    Cidr range;
};

/// Devices Kubespray's network plugins, kube-proxy (IPVS) and NodeLocalDNS create on a node. On a node that
/// already runs a cluster their addresses and routes lie in the pod or service range by design (tunl0 holds a pod
/// address, kube-ipvs0 every service address, cali* lead to pods): they are the cluster, not a conflict with it.
bool isClusterDevice(const QString &device) {
    static const QSet<QString> exact = {
        QStringLiteral("tunl0"),          QStringLiteral("vxlan.calico"), QStringLiteral("vxlan-v6.calico"),
        QStringLiteral("wireguard.cali"), QStringLiteral("wg-v6.cali"),   QStringLiteral("kube-ipvs0"),
        QStringLiteral("nodelocaldns"),   QStringLiteral("flannel.1"),    QStringLiteral("flannel-v6.1"),
        QStringLiteral("flannel-wg"),     QStringLiteral("cni0"),         QStringLiteral("kube-bridge"),
        QStringLiteral("cilium_host"),    QStringLiteral("cilium_net"),   QStringLiteral("cilium_vxlan"),
        QStringLiteral("weave"),
    };
    return exact.contains(device) || device.startsWith(u"cali") || device.startsWith(u"lxc");
}

/// Addresses that are never routed off the link (and multicast): no cluster range can take them from the node.
bool isLinkLocalOrMulticast(const Cidr &range) {
    static const Cidr v4LinkLocal = *Cidr::parse(u"169.254.0.0/16").cidr;
    static const Cidr v4Multicast = *Cidr::parse(u"224.0.0.0/4").cidr;
    static const Cidr v6LinkLocal = *Cidr::parse(u"fe80::/10").cidr;
    static const Cidr v6Multicast = *Cidr::parse(u"ff00::/8").cidr;
    for (const Cidr *special : {&v4LinkLocal, &v4Multicast, &v6LinkLocal, &v6Multicast}) {
        if (special->isV4() == range.isV4() && special->contains(range))
            return true;
    }
    return false;
}

/// The networks the preflight saw on the nodes that a cluster range of this family must leave alone.
QList<NodeNetwork> nodeNetworks(const PreflightReport &report, bool ipv6) {
    QList<NodeNetwork> result;
    for (const PreflightReport::Host &host : report.hosts) {
        for (const PreflightReport::Address &address : host.addresses) {
            const Cidr network = address.network();
            if (network.isV6() != ipv6 || isClusterDevice(address.device) || isLinkLocalOrMulticast(network))
                continue;
            // "addr (dev)", no words: the text goes into translated messages.
            result.append(
                {host.name, true, address.toString() + QStringLiteral(" (") + address.device + u')', network});
        }
        for (const PreflightReport::Route &route : host.routes) {
            // Calico's BIRD announces the other nodes' pod blocks (and blackholes its own) with proto bird.
            if (!route.range || route.range->isV6() != ipv6 || isClusterDevice(route.device) ||
                route.protocol == u"bird" || isLinkLocalOrMulticast(*route.range))
                continue;
            result.append({host.name, false, route.toString(), *route.range});
        }
    }
    return result;
}

class AnalysisRun {
public:
    explicit AnalysisRun(const AnalysisInput &input)
        : m_input(input)
        , m_config(*input.config)
        , m_fixes(*input.config) {}

    QList<Finding> run() {
        checkVersion();
        checkLayout();
        if (m_config.ipv4Enabled())
            checkRanges(false);
        if (m_config.ipv6Enabled())
            checkRanges(true);
        checkRegistries();
        checkProbe();
        checkPreflight();
        checkDns();
        checkArtifacts();
        checkAnsible();
        checkOverrides();
        checkDuplicates();
        std::stable_sort(m_findings.begin(), m_findings.end(),
                         [](const Finding &a, const Finding &b) { return a.severity < b.severity; });
        return m_findings;
    }

private:
    /// A finding of `code`; its severity and topic are the catalog's (Analyzer::kinds()).
    Finding &add(const char *code, Message message, Message explanation = {}) {
        Finding finding;
        finding.code = QString::fromLatin1(code);
        const std::optional<FindingKind> kind = Analyzer::kind(finding.code);
        Q_ASSERT_X(kind, "AnalysisRun::add", code);
        finding.severity = kind ? kind->severity : Severity::Warning;
        finding.topic = kind ? kind->topic : Topic::Inventory;
        finding.message = std::move(message);
        finding.explanation = std::move(explanation);
        m_findings.append(finding);
        return m_findings.last();
    }

    static void addSetting(Finding &finding, const Setting &setting) {
        finding.values.append({setting.name, yaml::toDisplayText(setting.value)});
        finding.origins.append({setting.name, setting.origin});
    }

    std::optional<KubesprayVersion> version() const { return m_config.version(); }
    bool versionAtLeast(int minor) const { return !version() || version()->atLeast(2, minor); }

    // ---- Kubespray version and inventory layout ----------------------------------------------------

    void checkVersion() {
        if (version())
            return;
        add("kubespray-version-unknown",
            {QT_TRANSLATE_NOOP("Finding", "The Kubespray version could not be determined; the newest "
                                          "release's rules are assumed."),
             {}},
            {QT_TRANSLATE_NOOP("Finding", "Variables and their shapes change between Kubespray releases. Open the "
                                          "inventory inside its Kubespray checkout, or give the version with "
                                          "--kubespray-version."),
             {}});
    }

    void checkLayout() {
        const Inventory &inventory = m_config.inventory();
        const QString hostsFile = inventory.displayPath(inventory.hostsFilePath());
        if (!inventory.declaresGroup(QStringLiteral("k8s_cluster")) && !versionAtLeast(27)) {
            Finding &finding =
                add("inventory-groups-missing",
                    {QT_TRANSLATE_NOOP("Finding", "%1 defines no k8s_cluster group, which Kubespray %2 needs."),
                     {hostsFile, version()->toString()}},
                    {QT_TRANSLATE_NOOP("Finding", "Before v2.27 Kubespray does not build k8s_cluster itself: without "
                                                  "it, group_vars/k8s_cluster is never read and the playbooks find no "
                                                  "nodes. Add k8s_cluster with the children kube_control_plane, "
                                                  "kube_node and calico_rr."),
                     {}});
            finding.values.append({QStringLiteral("group"), QStringLiteral("k8s_cluster")});
        }
        for (const QString &group :
             {QStringLiteral("kube_control_plane"), QStringLiteral("kube_node"), QStringLiteral("etcd")}) {
            if (!inventory.hostsOf(group).isEmpty())
                continue;
            Finding &finding =
                add("inventory-groups-missing",
                    {QT_TRANSLATE_NOOP("Finding", "The group %1 has no hosts in %2."), {group, hostsFile}},
                    {QT_TRANSLATE_NOOP("Finding", "Kubespray needs at least one host in each of kube_control_plane, "
                                                  "kube_node and etcd."),
                     {}});
            finding.values.append({QStringLiteral("group"), group});
        }
    }

    // ---- Address ranges ----------------------------------------------------------------------------

    RangeVariable rangeVariable(const QString &name) {
        RangeVariable variable{name, m_config.value(name), std::nullopt};
        if (!variable.setting.isDefined() || yaml::isTemplate(variable.setting.value))
            return variable;
        const auto parsed = Cidr::parse(yaml::scalarText(variable.setting.value));
        if (parsed.cidr) {
            variable.range = parsed.cidr;
        } else {
            Finding &finding = add(
                "range-invalid", {QT_TRANSLATE_NOOP("Finding", "%1 is not a usable range: %2"), {name, parsed.message}},
                {QT_TRANSLATE_NOOP("Finding", "Kubespray stops at its first check when a "
                                              "cluster range is not a network in CIDR notation."),
                 {}});
            addSetting(finding, variable.setting);
        }
        return variable;
    }

    void checkRanges(bool ipv6) {
        const QString suffix = ipv6 ? QStringLiteral("_ipv6") : QString();
        const RangeVariable services = rangeVariable(QStringLiteral("kube_service_addresses") + suffix);
        const RangeVariable pods = rangeVariable(QStringLiteral("kube_pods_subnet") + suffix);
        const qsizetype firstRangeFinding = m_findings.size();

        QList<ReservedRange> reserved; // what neither range may contain
        if (m_input.site) {
            for (const SiteProfile::Service &service : m_input.site->services()) {
                if (service.address.isV6() == ipv6)
                    reserved.append({Cidr::host(service.address), service.name});
            }
            for (const SiteProfile::Network &network : m_input.site->networks()) {
                if (network.range.isV6() == ipv6)
                    reserved.append({network.range, network.name});
            }
        }
        const QList<NodeAddress> nodes = ksw::nodeAddresses(m_config.inventory(), ipv6);
        reserved.reserve(reserved.size() + nodes.size() + 2); // and NodeLocalDNS, and a range while searching
        for (qsizetype i = 0, firstOfHost = 0; i < nodes.size(); ++i) {
            // A host's ansible_host, ip and access_ip are often one address: reserved once (the list comes host
            // by host), so that many nodes do not cost three entries each.
            const NodeAddress &node = nodes.at(i);
            if (node.host != nodes.at(firstOfHost).host)
                firstOfHost = i;
            const auto repeated = [&node](const NodeAddress &earlier) {
                return earlier.address == node.address;
            };
            if (std::none_of(nodes.cbegin() + firstOfHost, nodes.cbegin() + i, repeated))
                reserved.append({Cidr::host(node.address), node.host + QLatin1Char(' ') + node.variable});
        }
        std::optional<IpAddress> nodeLocalDns;
        const Setting nodeLocalDnsSetting = m_config.value(QStringLiteral("nodelocaldns_ip"));
        if (!ipv6 && m_config.nodeLocalDnsEnabled())
            nodeLocalDns = IpAddress::parse(yaml::scalarText(nodeLocalDnsSetting.value));
        if (nodeLocalDns)
            reserved.append({Cidr::host(*nodeLocalDns), QStringLiteral("nodelocaldns_ip")});
        const QList<NodeNetwork> networks =
            m_input.preflight ? nodeNetworks(*m_input.preflight, ipv6) : QList<NodeNetwork>();
        for (const NodeNetwork &network : networks)
            reserved.append({network.range, network.host + QLatin1Char(' ') + network.text});

        bool servicesMustMove = false;
        bool podsMustMove = false;
        for (const RangeVariable *range : {&services, &pods}) {
            if (!range->range)
                continue;
            bool conflict = false;
            if (m_input.site) {
                for (const SiteProfile::Service &service : m_input.site->services()) {
                    if (!range->range->contains(service.address))
                        continue;
                    conflict = true;
                    Finding &finding = add(
                        "range-contains-company-address",
                        {QT_TRANSLATE_NOOP("Finding", "%1 (%2) contains %3, the address of %4."),
                         {range->name, range->range->toString(), service.address.toString(), service.name}},
                        {QT_TRANSLATE_NOOP("Finding", "Inside the cluster every address of this range is routed to "
                                                      "pods or services, so %1 becomes unreachable from pods: pulls "
                                                      "and requests to it fail. Choose a range that holds no company "
                                                      "address."),
                         {service.name}});
                    addSetting(finding, range->setting);
                    finding.values.append({service.name, service.address.toString()});
                    finding.origins.append({service.name, siteOrigin(service.line)});
                }
                for (const SiteProfile::Network &network : m_input.site->networks()) {
                    if (!range->range->overlaps(network.range))
                        continue;
                    conflict = true;
                    Finding &finding =
                        add("range-contains-company-address",
                            {QT_TRANSLATE_NOOP("Finding", "%1 (%2) overlaps the company network %3 (%4)."),
                             {range->name, range->range->toString(), network.name, network.range.toString()}},
                            {QT_TRANSLATE_NOOP("Finding", "Pods could not reach the part of %1 that lies inside the "
                                                          "cluster range. Choose a range that overlaps no company "
                                                          "network."),
                             {network.name}});
                    addSetting(finding, range->setting);
                    finding.values.append({network.name, network.range.toString()});
                    finding.origins.append({network.name, siteOrigin(network.line)});
                }
            }
            for (const NodeAddress &node : nodes) {
                if (!range->range->contains(node.address))
                    continue;
                conflict = true;
                Finding &finding =
                    add("range-contains-node-address",
                        {QT_TRANSLATE_NOOP("Finding", "%1 (%2) contains %3, the %4 of node %5."),
                         {range->name, range->range->toString(), node.address.toString(), node.variable, node.host}},
                        {QT_TRANSLATE_NOOP("Finding", "Nodes reach each other on this address; inside the cluster it "
                                                      "would be routed to pods or services instead."),
                         {}});
                addSetting(finding, range->setting);
                finding.values.append({node.host + QLatin1Char('.') + node.variable, node.address.toString()});
                finding.origins.append({node.host + QLatin1Char('.') + node.variable, node.origin()});
            }
            if (checkNodeNetworks(*range, networks))
                conflict = true;
            if (nodeLocalDns && range->range->contains(*nodeLocalDns)) {
                conflict = true;
                Finding &finding = add(
                    "range-contains-nodelocaldns",
                    {QT_TRANSLATE_NOOP("Finding", "%1 (%2) contains the NodeLocalDNS address %3."),
                     {range->name, range->range->toString(), nodeLocalDns->toString()}},
                    {QT_TRANSLATE_NOOP("Finding", "NodeLocalDNS listens on this link-local address on every node; "
                                                  "inside a cluster range, DNS queries of pods would go elsewhere."),
                     {}});
                addSetting(finding, range->setting);
                addSetting(finding, nodeLocalDnsSetting);
            }
            (range == &services ? servicesMustMove : podsMustMove) = conflict;
        }

        if (services.range && pods.range && services.range->overlaps(*pods.range)) {
            podsMustMove = true;
            Finding &finding =
                add("ranges-overlap",
                    {QT_TRANSLATE_NOOP("Finding", "The service range %1 and the pod range %2 overlap."),
                     {services.range->toString(), pods.range->toString()}},
                    {QT_TRANSLATE_NOOP("Finding", "Service and pod addresses must be distinct. Kubespray itself only "
                                                  "notices when the pod range lies inside the service range, not the "
                                                  "other way round."),
                     {}});
            addSetting(finding, services.setting);
            addSetting(finding, pods.setting);
        }

        checkCapacity(ipv6, pods);

        // One proposal for all range findings of this family: move only what conflicts, keep the sizes.
        if (servicesMustMove || podsMustMove) {
            std::optional<Cidr> newServices, newPods;
            bool found = true;
            // The other range is added to `reserved` for one search and taken off again: a copy of the list would
            // hold every node address once more.
            if (servicesMustMove) {
                const bool avoidPods = pods.range && !podsMustMove;
                if (avoidPods)
                    reserved.append({*pods.range, pods.name});
                newServices = AddressPlan::findFree(*services.range, reserved);
                if (avoidPods)
                    reserved.removeLast();
                found = found && newServices.has_value();
            }
            if (podsMustMove) {
                const auto serviceRange = newServices ? newServices : services.range;
                if (serviceRange)
                    reserved.append({*serviceRange, services.name});
                newPods = AddressPlan::findFree(*pods.range, reserved);
                if (serviceRange)
                    reserved.removeLast();
                found = found && newPods.has_value();
            }
            if (found) {
                const FixProposal proposal = m_fixes.ranges(newServices, newPods, ipv6);
                for (qsizetype i = firstRangeFinding; i < m_findings.size(); ++i) {
                    if (m_findings[i].code != u"node-prefix-capacity" && m_findings[i].code != u"range-invalid")
                        m_findings[i].fix = proposal;
                }
            }
        }
    }

    /// range-overlaps-node-route: one finding per network a range overlaps, naming every node that has it (the same
    /// route on every node is one problem); a node's address and the kernel route of its subnet count once.
    bool checkNodeNetworks(const RangeVariable &range, const QList<NodeNetwork> &networks) {
        QStringList order;
        QMap<QString, QStringList> nodesByItem;
        QMap<QString, const NodeNetwork *> itemNetwork;
        QSet<QString> seen; // host + overlapping network
        for (const NodeNetwork &network : networks) {
            if (!range.range->overlaps(network.range))
                continue;
            const QString seenKey = network.host + QLatin1Char('|') + network.range.toString();
            if (seen.contains(seenKey))
                continue;
            seen.insert(seenKey);
            const QString item = (network.isAddress ? QStringLiteral("a|") : QStringLiteral("r|")) + network.text;
            if (!nodesByItem.contains(item)) {
                order.append(item);
                itemNetwork.insert(item, &network);
            }
            nodesByItem[item].append(network.host);
        }
        for (const QString &item : order) {
            const NodeNetwork &network = *itemNetwork.value(item);
            const QString nodes = nodesByItem.value(item).join(QStringLiteral(", "));
            Finding &finding =
                network.isAddress
                    ? add("range-overlaps-node-route",
                          {QT_TRANSLATE_NOOP("Finding", "%1 (%2) overlaps the address %3 of %4."),
                           {range.name, range.range->toString(), network.text, nodes}},
                          {QT_TRANSLATE_NOOP("Finding", "The preflight found this network on the node itself. Once "
                                                        "the cluster runs, the node routes the range to pods or "
                                                        "services and loses its way to the rest of that network. "
                                                        "Choose a range that overlaps no network the nodes use."),
                           {}})
                    : add("range-overlaps-node-route",
                          {QT_TRANSLATE_NOOP("Finding", "%1 (%2) overlaps the route %3 of %4."),
                           {range.name, range.range->toString(), network.text, nodes}},
                          {QT_TRANSLATE_NOOP("Finding", "The preflight found this route on the node: something "
                                                        "lives behind it. The cluster's more specific routes for the "
                                                        "range would win, so the node and its pods could no longer "
                                                        "reach that part of the network. Choose a range that overlaps "
                                                        "no network the nodes use."),
                           {}});
            addSetting(finding, range.setting);
            finding.values.append({QStringLiteral("nodes"), nodes});
            finding.values.append(
                {network.isAddress ? QStringLiteral("address") : QStringLiteral("route"), network.text});
        }
        return !order.isEmpty();
    }

    void checkCapacity(bool ipv6, const RangeVariable &pods) {
        if (!pods.range)
            return;
        const QString suffix = ipv6 ? QStringLiteral("_ipv6") : QString();
        const int nodeCount = static_cast<int>(m_config.inventory().hostsOf(QStringLiteral("k8s_cluster")).size());
        const Setting maxPodsSetting = m_config.value(QStringLiteral("kubelet_max_pods"));
        const qint64 maxPods = yaml::toInt(maxPodsSetting.value).value_or(110);
        const Setting plugin = m_config.value(QStringLiteral("kube_network_plugin"));
        const bool calico = yaml::scalarText(plugin.value) == u"calico";
        const int bits = ipv6 ? 128 : 32;

        // Calico hands out blocks of calico_pool_blocksize to nodes; other plugins one /node_prefix each.
        const Setting prefixSetting = calico && !ipv6
                                          ? m_config.value(QStringLiteral("calico_pool_blocksize"))
                                          : m_config.value(QStringLiteral("kube_network_node_prefix") + suffix);
        const auto nodePrefix = yaml::toInt(prefixSetting.value);
        if (!nodePrefix)
            return;
        const auto report = [&](Message message) {
            Finding &finding =
                add("node-prefix-capacity", std::move(message),
                    {QT_TRANSLATE_NOOP("Finding", "Each node gets its own slice of the pod range. The range must "
                                                  "hold a slice for every node, and a slice must hold the pods a "
                                                  "node may run."),
                     {}});
            addSetting(finding, pods.setting);
            addSetting(finding, prefixSetting);
            addSetting(finding, maxPodsSetting);
            finding.values.append({QStringLiteral("nodes"), QString::number(nodeCount)});
        };
        if (*nodePrefix < pods.range->prefixLength() || *nodePrefix > bits) {
            report({QT_TRANSLATE_NOOP("Finding", "%1 is /%2, which does not fit inside the pod range %3."),
                    {prefixSetting.name, QString::number(*nodePrefix), pods.range->toString()}});
            return;
        }
        const double slices = std::ldexp(1.0, static_cast<int>(*nodePrefix) - pods.range->prefixLength());
        if (slices < nodeCount) {
            report({QT_TRANSLATE_NOOP("Finding", "The pod range %1 holds only %2 slices of /%3 for %4 nodes."),
                    {pods.range->toString(), QString::number(slices), QString::number(*nodePrefix),
                     QString::number(nodeCount)}});
            return;
        }
        if (calico) {
            // Calico borrows more blocks for a busy node; what must fit is every node's pods in the pool.
            if (pods.range->size() < static_cast<double>(nodeCount) * static_cast<double>(maxPods)) {
                report({QT_TRANSLATE_NOOP("Finding", "The pod range %1 has %2 addresses, fewer than %3 nodes × %4 "
                                                     "pods."),
                        {pods.range->toString(), QString::number(pods.range->size()), QString::number(nodeCount),
                         QString::number(maxPods)}});
            }
            return;
        }
        const double perNode = std::ldexp(1.0, bits - static_cast<int>(*nodePrefix)) - 2;
        if (perNode < static_cast<double>(maxPods)) {
            report({QT_TRANSLATE_NOOP("Finding", "A /%1 slice has %2 usable addresses, fewer than kubelet_max_pods "
                                                 "(%3)."),
                    {QString::number(*nodePrefix), QString::number(perNode), QString::number(maxPods)}});
        }
    }

    Origin siteOrigin(int line) const {
        Origin origin;
        origin.kind = Origin::Kind::Inventory;
        origin.file = m_input.site->path();
        origin.displayPath = m_input.site->path();
        origin.line = line;
        return origin;
    }

    // ---- Registries --------------------------------------------------------------------------------

    void checkRegistries() {
        const RegistryConfig registries(m_config);
        const Inventory &inventory = m_config.inventory();

        // Shapes this release ignores or breaks on.
        if (registries.usesMirrorList()) {
            for (const QString &legacy :
                 {QStringLiteral("containerd_insecure_registries"), QStringLiteral("containerd_registries")}) {
                const auto setting = inventory.clusterValue(legacy);
                if (!setting)
                    continue;
                Finding &finding = add(
                    "registry-mirror-ignored-by-version",
                    {QT_TRANSLATE_NOOP("Finding", "%1 is set, but Kubespray %2 ignores it."), {legacy, versionText()}},
                    {QT_TRANSLATE_NOOP("Finding", "Since v2.23 registries are configured with "
                                                  "containerd_registries_mirrors; the old variables are silently "
                                                  "ignored."),
                     {}});
                addSetting(finding, *setting);
            }
            if (version() && version()->before(2, 25)) {
                const Setting mirrors = m_config.value(QStringLiteral("containerd_registries_mirrors"));
                if (mirrors.isDefined() && mirrors.value.IsSequence()) {
                    for (const auto &item : mirrors.value) {
                        if (!item.IsMap() || !item["server"].IsDefined())
                            continue;
                        Finding &finding =
                            add("registry-mirror-ignored-by-version",
                                {QT_TRANSLATE_NOOP("Finding", "The “server:” of the mirror entry %1 is ignored by "
                                                              "Kubespray %2."),
                                 {yaml::scalarText(item["prefix"]), versionText()}},
                                {QT_TRANSLATE_NOOP("Finding", "Kubespray honours “server:” from v2.25 on; before that "
                                                              "the fallback server is always https://<prefix>."),
                                 {}});
                        addSetting(finding, mirrors);
                    }
                }
            }
        } else if (const auto mirrors = inventory.clusterValue(QStringLiteral("containerd_registries_mirrors"))) {
            Finding &finding =
                add("registry-mirror-ignored-by-version",
                    {QT_TRANSLATE_NOOP("Finding", "containerd_registries_mirrors is set, but Kubespray %1 ignores it."),
                     {versionText()}},
                    {QT_TRANSLATE_NOOP("Finding", "containerd_registries_mirrors exists from v2.23 on; this release "
                                                  "reads containerd_registries."),
                     {}});
            addSetting(finding, *mirrors);
        }

        // v2.21: every registry of containerd_insecure_registries, site profile or not, breaks containerd's config.
        QList<FixProposals::MirrorRequest> requests;
        QList<qsizetype> fixedFindings;
        for (const QString &name : registries.brokenInsecureRegistries()) {
            Finding &finding = add(
                "registry-mirror-ignored-by-version",
                {QT_TRANSLATE_NOOP("Finding", "With Kubespray %1, the registry %2 in containerd_insecure_registries, "
                                              "next to containerd_registries, makes containerd refuse its "
                                              "configuration."),
                 {versionText(), name}},
                {QT_TRANSLATE_NOOP("Finding", "In this release the two variables write config_path and mirrors into "
                                              "the same config.toml, which containerd rejects, so no image pulls at "
                                              "all. The entry moves to containerd_registries (an http:// endpoint "
                                              "stays plain HTTP) and containerd_insecure_registries is emptied."),
                 {}});
            finding.values.append({QStringLiteral("registry"), name});
            addSetting(finding, m_config.value(QStringLiteral("containerd_insecure_registries")));
            fixedFindings.append(m_findings.size() - 1);
        }

        const QList<SiteProfile::Registry> siteRegistries =
            m_input.site ? m_input.site->registries() : QList<SiteProfile::Registry>();
        for (const SiteProfile::Registry &registry : siteRegistries) {
            const RegistryConfig::Handling handling = registries.handling(registry.host);
            if (registry.scheme == SiteProfile::Scheme::Https) {
                if (const auto request = checkRegistryTrust(registry, handling)) {
                    requests.append(*request);
                    fixedFindings.append(m_findings.size() - 1);
                }
                continue;
            }
            if (registry.scheme != SiteProfile::Scheme::Http)
                continue;
            if (!handling.plainHttp) {
                const QString variable = registries.usesMirrorList() ? QStringLiteral("containerd_registries_mirrors")
                                                                     : QStringLiteral("containerd_registries");
                Finding &finding = add(
                    "registry-http-without-mirror",
                    {QT_TRANSLATE_NOOP("Finding", "The registry %1 speaks only HTTP, but containerd is not told so: "
                                                  "it will try HTTPS and every pull fails."),
                     {registry.host}},
                    {QT_TRANSLATE_NOOP("Finding", "containerd talks HTTPS to every registry unless a mirror entry "
                                                  "names an http:// host for it. The pod then shows ErrImagePull "
                                                  "with “server gave HTTP response to HTTPS client”."),
                     {}});
                finding.values.append({QStringLiteral("registry"), registry.host});
                addSetting(finding, m_config.value(variable));
                requests.append({registry.host, true, true, {}});
                fixedFindings.append(m_findings.size() - 1);
            } else if (handling.inlineConfig) {
                Finding &finding =
                    add("registry-mirror-inline",
                        {QT_TRANSLATE_NOOP("Finding", "The mirror for %1 works through the inline config.toml form, "
                                                      "since containerd_use_config_path is off."),
                         {registry.host}},
                        {QT_TRANSLATE_NOOP("Finding", "Kubespray v2.23–v2.26 render the mirror list into config.toml "
                                                      "unless containerd_use_config_path is true; both forms work."),
                         {}});
                finding.values.append({QStringLiteral("registry"), registry.host});
                addSetting(finding, m_config.value(QStringLiteral("containerd_use_config_path")));
            }
        }
        // One proposal for all of them: each entry must end up in the same list (or the same extra TOML).
        if (!fixedFindings.isEmpty()) {
            const FixProposal proposal = m_fixes.registryMirrors(requests);
            for (const qsizetype index : fixedFindings)
                m_findings[index].fix = proposal;
        }
    }

    /// An HTTPS registry whose certificate containerd must skip or check with a CA file (the site profile's tls,
    /// or a probe's "nobody vouches for it"): a finding when containerd is not told so. The request to fix it when
    /// this release can, with the finding just added; nothing when all is well or the release cannot.
    std::optional<FixProposals::MirrorRequest> checkRegistryTrust(const SiteProfile::Registry &registry,
                                                                  const RegistryConfig::Handling &handling) {
        using Tls = SiteProfile::Tls;
        const bool skip = registry.tls == Tls::SkipVerify;
        if (!skip && registry.tls != Tls::CaFile)
            return std::nullopt;
        if (skip ? handling.skipVerify : handling.caFiles.contains(registry.caFile))
            return std::nullopt;
        const FixProposals::MirrorRequest request{registry.host, false, skip, skip ? QString() : registry.caFile};
        const RegistryConfig registries(m_config);
        QString variable = registries.usesMirrorList() ? QStringLiteral("containerd_registries_mirrors")
                                                       : QStringLiteral("containerd_extra_args");
        if (const Message limit = m_fixes.trustLimit(request); !limit.isEmpty()) {
            if (registries.legacyConfigPath()) // the setting to blame is the one that turns config_path on
                variable = version() && version()->atLeast(2, 22) ? QStringLiteral("containerd_use_config_path")
                                                                  : QStringLiteral("containerd_insecure_registries");
            Finding &finding =
                add("registry-trust-unsupported-by-version",
                    {QT_TRANSLATE_NOOP("Finding", "containerd will refuse the certificate of %1, and Kubespray %2 "
                                                  "cannot be told otherwise here."),
                     {registry.host, versionText()}},
                    limit);
            finding.values.append({QStringLiteral("registry"), registry.host});
            finding.values.append({QStringLiteral("tls"), SiteProfile::tlsName(registry.tls)});
            addSetting(finding, m_config.value(variable));
            return std::nullopt;
        }
        const RegistryProbe::Result *probed = m_input.probe ? m_input.probe->registry(registry.host) : nullptr;
        Message message;
        if (registry.tlsFromProbe && probed)
            message = {QT_TRANSLATE_NOOP("Finding", "The registry %1 shows a certificate nobody vouches for (%2): "
                                                    "containerd will refuse to pull from it."),
                       {registry.host, probed->detail}};
        else if (skip)
            message = {QT_TRANSLATE_NOOP("Finding", "The site profile says nobody vouches for the certificate of %1 "
                                                    "(tls: skip-verify), but containerd is not told so: every pull "
                                                    "fails."),
                       {registry.host}};
        else
            message = {QT_TRANSLATE_NOOP("Finding", "The site profile says the certificate of %1 is signed by the CA "
                                                    "in %2 on the nodes (tls: ca-file), but containerd is not told "
                                                    "so: every pull fails."),
                       {registry.host, registry.caFile}};
        Finding &finding = add("registry-certificate-untrusted", message,
                               {QT_TRANSLATE_NOOP("Finding", "Pulls fail with “x509: certificate signed by unknown "
                                                             "authority”. The fix tells containerd, in the form this "
                                                             "Kubespray release reads; better than skipping the check "
                                                             "is the company's CA on the nodes."),
                                {}});
        finding.values.append({QStringLiteral("registry"), registry.host});
        finding.values.append({QStringLiteral("tls"), SiteProfile::tlsName(registry.tls)});
        addSetting(finding, m_config.value(variable));
        return request;
    }

    void checkProbe() {
        if (!m_input.probe)
            return;
        const RegistryConfig registries(m_config);
        for (const RegistryProbe::Result &result : m_input.probe->registries) {
            using Verdict = RegistryProbe::Verdict;
            Finding *finding = nullptr;
            switch (result.verdict) {
            case Verdict::HttpsUntrusted: {
                if (registries.handling(result.host).skipVerify)
                    break;
                if (const auto stated = siteRegistry(result.host)) {
                    // Skip-verify or a CA file (stated, or decided by this probe) is checkRegistries' business;
                    // a stated "verify" is the person's word that the nodes trust what this machine does not.
                    if (stated->tls == SiteProfile::Tls::Verify) {
                        finding = &add("registry-certificate-not-trusted-here",
                                       {QT_TRANSLATE_NOOP("Finding", "The site profile says the nodes trust the "
                                                                     "certificate of %1 (tls: verify), but this "
                                                                     "machine does not: %2"),
                                        {result.host, result.detail}},
                                       {QT_TRANSLATE_NOOP("Finding", "If the nodes lack the company's CA as well, "
                                                                     "pulls fail with “x509: certificate signed by "
                                                                     "unknown authority”: then write tls: "
                                                                     "skip-verify, or tls: {ca-file: PATH}, in the "
                                                                     "site profile."),
                                        {}});
                    }
                    break;
                }
                finding = &add("registry-certificate-untrusted",
                               {QT_TRANSLATE_NOOP("Finding", "The registry %1 shows a certificate nobody vouches for "
                                                             "(%2): containerd will refuse to pull from it."),
                                {result.host, result.detail}},
                               {QT_TRANSLATE_NOOP("Finding", "Pulls fail with “x509: certificate signed by unknown "
                                                             "authority”. The fix tells containerd, in the form this "
                                                             "Kubespray release reads; better than skipping the check "
                                                             "is the company's CA on the nodes."),
                                {}});
                finding->fix = m_fixes.registryMirrors({{result.host, false, true, {}}});
                break;
            }
            case Verdict::Unreachable:
                finding = &add("registry-unreachable",
                               {QT_TRANSLATE_NOOP("Finding", "The registry %1 cannot be reached from this machine: "
                                                             "%2"),
                                {result.host, result.detail}},
                               {QT_TRANSLATE_NOOP("Finding", "The nodes may see the network differently; the "
                                                             "preflight asks from the nodes themselves."),
                                {}});
                break;
            case Verdict::NotARegistry:
                finding = &add("registry-not-a-registry",
                               {QT_TRANSLATE_NOOP("Finding", "%1 answers, but not as an image registry: %2"),
                                {result.host, result.detail}},
                               {QT_TRANSLATE_NOOP("Finding", "A registry answers /v2/ with the header "
                                                             "Docker-Distribution-Api-Version. Check the address "
                                                             "and port in the site profile."),
                                {}});
                break;
            case Verdict::NeedsCredentials:
                finding = &add("registry-needs-credentials",
                               {QT_TRANSLATE_NOOP("Finding", "The registry %1 asks for credentials (%2)."),
                                {result.host, result.detail}},
                               {QT_TRANSLATE_NOOP("Finding", "containerd needs them too: containerd_registry_auth "
                                                             "for containerd 1.x, or a mirror header with "
                                                             "Authorization from Kubespray v2.29 on."),
                                {}});
                break;
            case Verdict::Https:
            case Verdict::HttpOnly:
            case Verdict::InvalidInput:
                break;
            }
            if (finding)
                finding->values.append({QStringLiteral("registry"), result.host});
            if (result.imageFound.has_value() && !*result.imageFound) {
                Finding &missing =
                    add("verification-image-missing",
                        {QT_TRANSLATE_NOOP("Finding", "The verification image %1 is not in its registry: %2"),
                         {result.image, result.imageDetail}},
                        {QT_TRANSLATE_NOOP("Finding", "The verification job would fail for that reason alone. Push "
                                                      "the image, or name one the registry has."),
                         {}});
                missing.values.append({QStringLiteral("image"), result.image});
            }
        }
        const QStringList names = m_input.probe->namesOnlyCompanyDnsKnows();
        if (!names.isEmpty()) {
            Finding &finding =
                add("names-only-in-company-dns",
                    {QT_TRANSLATE_NOOP("Finding", "Only the company DNS knows %1: this machine's resolver does not."),
                     {names.join(QStringLiteral(", "))}},
                    {QT_TRANSLATE_NOOP("Finding", "Pods resolve names the same way unless the cluster forwards to "
                                                  "the company DNS: that is what upstream_dns_servers or zone "
                                                  "forwarding is for."),
                     {}});
            finding.values.append({QStringLiteral("names"), names.join(QStringLiteral(", "))});
        }
    }

    QString versionText() const { return version() ? version()->toString() : QStringLiteral("?"); }

    std::optional<SiteProfile::Registry> siteRegistry(const QString &host) const {
        if (!m_input.site)
            return std::nullopt;
        for (const SiteProfile::Registry &registry : m_input.site->registries()) {
            if (registry.host.compare(host, Qt::CaseInsensitive) == 0)
                return registry;
        }
        return std::nullopt;
    }

    // ---- Preflight (what the nodes answered) --------------------------------------------------------

    void checkPreflight() {
        if (!m_input.preflight)
            return;
        const PreflightReport &report = *m_input.preflight;
        for (const PreflightReport::Host &host : report.hosts) {
            if (host.examined && !host.unreachable)
                continue;
            // Blocking: Kubespray needs every node of the inventory (facts are gathered from all of them, and a
            // node it cannot reach fails the run), and nothing about this node could be checked either.
            const QString reason = host.errors.isEmpty() ? QStringLiteral("?") : host.errors.join(QStringLiteral("; "));
            Finding &finding =
                host.unreachable
                    ? add("preflight-unreachable",
                          {QT_TRANSLATE_NOOP("Finding", "Ansible could not reach node %1: %2"), {host.name, reason}},
                          {QT_TRANSLATE_NOOP("Finding", "Kubespray stops on a node it cannot reach, and nothing about "
                                                        "this node could be checked. Check its ansible_host, "
                                                        "ansible_port and ansible_user, the SSH password or key, and "
                                                        "that sshd runs on it."),
                           {}})
                    : add("preflight-unreachable",
                          {QT_TRANSLATE_NOOP("Finding", "The preflight could not examine node %1: %2"),
                           {host.name, reason}},
                          {QT_TRANSLATE_NOOP("Finding", "Ansible reached the node, but the read-only checks did not "
                                                        "run there; Kubespray's tasks would fail the same way. Modules "
                                                        "need python3 on the node."),
                           {}});
            finding.values.append({QStringLiteral("node"), host.name});
            finding.values.append({QStringLiteral("error"), reason});
        }

        // The same failure on several nodes is one problem: one finding naming them all.
        const RegistryConfig registries(m_config);
        QStringList order;
        QMap<QString, QStringList> nodes;
        QMap<QString, PreflightReport::RegistryCheck> registryOf;
        for (const PreflightReport::Host &host : report.hosts) {
            for (const PreflightReport::RegistryCheck &check : host.registries) {
                if (check.reached())
                    continue;
                // containerd accepts that certificate when a mirror entry says skip_verify.
                if (check.errorKind == u"certificate" && registries.handling(check.host).skipVerify)
                    continue;
                const QString key = check.host + QLatin1Char('|') + check.error;
                if (!nodes.contains(key)) {
                    order.append(key);
                    registryOf.insert(key, check);
                }
                nodes[key].append(host.name);
            }
        }
        for (const QString &key : order) {
            const PreflightReport::RegistryCheck &check = registryOf[key];
            const QString names = nodes.value(key).join(QStringLiteral(", "));
            Finding &finding =
                add("node-cannot-reach-registry",
                    {QT_TRANSLATE_NOOP("Finding", "%1 cannot reach the registry %2 (%3): %4"),
                     {names, check.host, check.url, check.error}},
                    {QT_TRANSLATE_NOOP("Finding", "containerd pulls from the node itself: images from this registry "
                                                  "will fail with ErrImagePull. Check the address and port, a "
                                                  "firewall between the nodes and the registry, and for TLS "
                                                  "errors the company CA on the nodes."),
                     {}});
            finding.values.append({QStringLiteral("nodes"), names});
            finding.values.append({QStringLiteral("registry"), check.host});
            finding.values.append({QStringLiteral("error"), check.error});
        }

        order.clear();
        nodes.clear();
        QMap<QString, PreflightReport::Resolution> resolutionOf;
        QMap<QString, QStringList> namesOf;
        for (const PreflightReport::Host &host : report.hosts) {
            for (const PreflightReport::Resolution &resolution : host.resolutions) {
                if (resolution.resolved())
                    continue;
                // A server that did not answer at all is one problem for every name asked of it.
                const bool serverDown = resolution.errorKind == u"timeout" || resolution.errorKind == u"refused" ||
                                        resolution.errorKind == u"unreachable";
                const QString key =
                    resolution.server + QLatin1Char('|') +
                    (serverDown ? resolution.errorKind : resolution.name + QLatin1Char('|') + resolution.error);
                if (!nodes.contains(key)) {
                    order.append(key);
                    resolutionOf.insert(key, resolution);
                }
                if (!nodes[key].contains(host.name))
                    nodes[key].append(host.name);
                if (!namesOf[key].contains(resolution.name))
                    namesOf[key].append(resolution.name);
            }
        }
        for (const QString &key : order) {
            const PreflightReport::Resolution &resolution = resolutionOf[key];
            const QString hostNames = nodes.value(key).join(QStringLiteral(", "));
            const QString names = namesOf.value(key).join(QStringLiteral(", "));
            QString error = resolution.error;
            error.remove(QStringLiteral(" (not asked again)"));
            Finding &finding =
                add("node-cannot-resolve",
                    {QT_TRANSLATE_NOOP("Finding", "%1 cannot resolve %2 through the company DNS %3: %4"),
                     {hostNames, names, resolution.server, error}},
                    {QT_TRANSLATE_NOOP("Finding", "Asked from the node, the company DNS server gave no address. "
                                                  "If it does not answer the nodes at all, forwarding the cluster's "
                                                  "DNS to it cannot work either; if it does not know the name, pulls "
                                                  "and requests by that name fail."),
                     {}});
            finding.values.append({QStringLiteral("nodes"), hostNames});
            finding.values.append({QStringLiteral("names"), names});
            finding.values.append({QStringLiteral("server"), resolution.server});
            finding.values.append({QStringLiteral("error"), error});
        }
    }

    // ---- DNS ---------------------------------------------------------------------------------------

    static bool zonesUse(const YAML::Node &zones, const QStringList &servers) {
        if (!zones.IsDefined() || !zones.IsSequence())
            return false;
        for (const auto &zone : zones) {
            const auto nameservers = yaml::toStringList(zone["nameservers"]);
            if (!nameservers)
                continue;
            for (const QString &server : *nameservers) {
                if (servers.contains(server.section(u':', 0, 0)) || servers.contains(server))
                    return true;
            }
        }
        return false;
    }

    void checkDns() {
        if (!m_input.site || m_input.site->dnsServers().isEmpty())
            return;
        const QString mode = yaml::scalarText(m_config.value(QStringLiteral("dns_mode")).value);
        if (!mode.isEmpty() && mode != u"coredns" && mode != u"coredns_dual")
            return; // the cluster's DNS is not Kubespray's to configure
        QStringList servers;
        QStringList names;
        for (const SiteProfile::Service &service : m_input.site->dnsServers()) {
            servers.append(service.address.toString());
            names.append(service.name);
        }

        const Setting upstream = m_config.value(QStringLiteral("upstream_dns_servers"));
        const auto upstreamList = yaml::toStringList(upstream.value);
        if (upstreamList && std::any_of(upstreamList->cbegin(), upstreamList->cend(),
                                        [&](const QString &server) { return servers.contains(server); }))
            return;

        const Setting coreZones = m_config.value(QStringLiteral("coredns_external_zones"));
        const Setting localZones = m_config.value(QStringLiteral("nodelocaldns_external_zones"));
        const bool coreForwards = zonesUse(coreZones.value, servers);
        const bool localForwards = zonesUse(localZones.value, servers);
        const bool nodeLocal = m_config.nodeLocalDnsEnabled();
        if ((nodeLocal && localForwards) || (!nodeLocal && coreForwards))
            return;

        Finding *finding = nullptr;
        if (coreForwards && nodeLocal) {
            finding = &add("company-dns-not-used",
                           {QT_TRANSLATE_NOOP("Finding", "Company zones are forwarded by CoreDNS only, but "
                                                         "NodeLocalDNS is on and answers the pods first."),
                            {}},
                           {QT_TRANSLATE_NOOP("Finding", "NodeLocalDNS sends every non-cluster name straight to the "
                                                         "upstream servers, bypassing CoreDNS's zones. Set "
                                                         "nodelocaldns_external_zones as well."),
                            {}});
        } else {
            finding = &add("company-dns-not-used",
                           {QT_TRANSLATE_NOOP("Finding", "Pods will not ask the company DNS (%1): names only it "
                                                         "knows will not resolve inside the cluster."),
                            {servers.join(QStringLiteral(", "))}},
                           {QT_TRANSLATE_NOOP("Finding", "CoreDNS and NodeLocalDNS forward names outside the cluster "
                                                         "to the nodes' resolv.conf unless upstream_dns_servers or "
                                                         "zone forwarding names the company DNS. Image pulls use the "
                                                         "node's resolver, but pods do not."),
                            {}});
        }
        finding->values.append({QStringLiteral("company_dns"), servers.join(QStringLiteral(", "))});
        addSetting(*finding, upstream);
        if (coreZones.isDefined())
            addSetting(*finding, coreZones);
        if (localZones.isDefined())
            addSetting(*finding, localZones);
        finding->fix = m_fixes.companyDns(servers, m_input.site->zones());
    }

    // ---- Artifacts, Ansible, overrides, duplicates ---------------------------------------------------

    void checkArtifacts() {
        const Setting kubeconfig = m_config.value(QStringLiteral("kubeconfig_localhost"));
        const Setting kubectl = m_config.value(QStringLiteral("kubectl_localhost"));
        if (m_config.isTrue(kubeconfig.name) && m_config.isTrue(kubectl.name))
            return;
        Finding &finding =
            add("kubectl-artifacts-off",
                {QT_TRANSLATE_NOOP("Finding", "Kubespray will not write artifacts/kubectl.sh: kubeconfig_localhost and "
                                              "kubectl_localhost must both be true."),
                 {}},
                {QT_TRANSLATE_NOOP("Finding", "With both on, a deploy copies admin.conf and kubectl next to the "
                                              "inventory, so the cluster can be checked from this machine."),
                 {}});
        addSetting(finding, kubeconfig);
        addSetting(finding, kubectl);
        finding.fix = m_fixes.kubectlArtifacts();
    }

    void checkAnsible() {
        const AnsibleEnvironment *ansible = m_input.ansible;
        if (!ansible)
            return;
        if (ansible->playbookPath.isEmpty() || !ansible->problem.isEmpty()) {
            Finding &finding = add("ansible-deps-missing",
                                   {QT_TRANSLATE_NOOP("Finding", "Ansible cannot be used: %1"), {ansible->problem}},
                                   {QT_TRANSLATE_NOOP("Finding", "Kubespray's docs install Ansible into venv/ inside "
                                                                 "the checkout: python3 -m venv venv && "
                                                                 "venv/bin/pip install -r requirements.txt"),
                                    {}});
            finding.values.append({QStringLiteral("ansible-playbook"), ansible->playbookPath});
            return;
        }
        const std::optional<AnsibleRange> range = m_input.checkout ? m_input.checkout->ansibleRange() : std::nullopt;
        if (range && ansible->coreVersion && !range->contains(*ansible->coreVersion)) {
            Finding &finding =
                add("ansible-version-out-of-range",
                    {QT_TRANSLATE_NOOP("Finding", "%1 is ansible-core %2, but Kubespray %3 requires %4."),
                     {ansible->playbookPath, ansible->coreVersion->toString(), versionText(), range->toString()}},
                    {QT_TRANSLATE_NOOP("Finding", "Kubespray's first play stops with “Ansible must be between … "
                                                  "exclusive” when the version does not fit. Install the version its "
                                                  "requirements.txt names into the checkout's venv."),
                     {}});
            finding.values.append({QStringLiteral("ansible_core"), ansible->coreVersion->toString()});
            finding.values.append({QStringLiteral("required"), range->toString()});
            finding.values.append({QStringLiteral("range_from"), range->origin});
        }
        if (!ansible->missingModules.isEmpty()) {
            Finding &finding =
                add("ansible-deps-missing",
                    {QT_TRANSLATE_NOOP("Finding", "The Python of %1 lacks %2."),
                     {ansible->playbookPath, ansible->missingModules.join(QStringLiteral(", "))}},
                    {QT_TRANSLATE_NOOP("Finding", "Kubespray's address filters need netaddr, and its templates need "
                                                  "jmespath; without them the playbooks fail early."),
                     {}});
            finding.values.append({QStringLiteral("python"), ansible->pythonPath});
            finding.values.append({QStringLiteral("missing"), ansible->missingModules.join(QStringLiteral(", "))});
        }
    }

    void checkOverrides() {
        for (const QString &name : TrackedVariables::all()) {
            for (const Inventory::Override &override : m_config.inventory().overrides(name)) {
                if (name == u"ansible_host")
                    continue;
                Finding &finding =
                    add("host-vars-override",
                        {QT_TRANSLATE_NOOP("Finding", "%1 is set for %2 only, at %3."),
                         {name, override.scope, override.setting.origin.describe()}},
                        {QT_TRANSLATE_NOOP("Finding", "A cluster-wide setting that differs between hosts gives "
                                                      "nodes different ideas of the cluster; the wizard shows and "
                                                      "edits the cluster-wide value."),
                         {}});
                addSetting(finding, override.setting);
            }
        }
    }

    void checkDuplicates() {
        for (const Inventory::Duplicate &duplicate : m_config.inventory().duplicates()) {
            Finding &finding =
                add("duplicate-key",
                    {QT_TRANSLATE_NOOP("Finding",
                                       "%1 is set more than once in %2 (lines %3 and %4); Ansible uses the last one."),
                     {duplicate.key.path, duplicate.displayPath, QString::number(duplicate.key.firstLine),
                      QString::number(duplicate.key.line)}},
                    {QT_TRANSLATE_NOOP("Finding", "Someone reading the file from the top sees the first value; Ansible "
                                                  "keeps the last. Remove one of them."),
                     {}});
            finding.values.append({QStringLiteral("key"), duplicate.key.path});
            Origin origin;
            origin.kind = Origin::Kind::Inventory;
            origin.displayPath = duplicate.displayPath;
            origin.line = duplicate.key.line;
            finding.origins.append({duplicate.key.path, origin});
        }
    }

    const AnalysisInput &m_input;
    const ClusterConfig &m_config;
    FixProposals m_fixes;
    QList<Finding> m_findings;
};

} // namespace

QList<Finding> Analyzer::analyze(const AnalysisInput &input) {
    Q_ASSERT(input.config);
    return AnalysisRun(input).run();
}

const QList<FindingKind> &Analyzer::kinds() {
    // code, severity, the topic whose page explains and fixes it, raised from what the nodes answered
    static const QList<FindingKind> catalog = {
        {QStringLiteral("range-contains-company-address"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("range-contains-node-address"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("ranges-overlap"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("range-contains-nodelocaldns"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("range-invalid"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("node-prefix-capacity"), Severity::Blocking, Topic::Ranges, false},
        {QStringLiteral("registry-http-without-mirror"), Severity::Blocking, Topic::Registries, false},
        {QStringLiteral("company-dns-not-used"), Severity::Blocking, Topic::Dns, false},
        {QStringLiteral("inventory-groups-missing"), Severity::Blocking, Topic::Inventory, false},
        {QStringLiteral("range-overlaps-node-route"), Severity::Blocking, Topic::Ranges, true},
        {QStringLiteral("preflight-unreachable"), Severity::Blocking, Topic::Nodes, true},
        {QStringLiteral("node-cannot-reach-registry"), Severity::Warning, Topic::Registries, true},
        {QStringLiteral("node-cannot-resolve"), Severity::Warning, Topic::Dns, true},
        {QStringLiteral("registry-mirror-ignored-by-version"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("kubectl-artifacts-off"), Severity::Warning, Topic::Access, false},
        {QStringLiteral("ansible-version-out-of-range"), Severity::Warning, Topic::Access, false},
        {QStringLiteral("ansible-deps-missing"), Severity::Warning, Topic::Access, false},
        {QStringLiteral("host-vars-override"), Severity::Warning, Topic::Inventory, false},
        {QStringLiteral("duplicate-key"), Severity::Warning, Topic::Inventory, false},
        {QStringLiteral("kubespray-version-unknown"), Severity::Warning, Topic::Inventory, false},
        {QStringLiteral("registry-certificate-untrusted"), Severity::Blocking, Topic::Registries, false},
        {QStringLiteral("registry-trust-unsupported-by-version"), Severity::Blocking, Topic::Registries, false},
        {QStringLiteral("registry-certificate-not-trusted-here"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("registry-unreachable"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("registry-not-a-registry"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("registry-needs-credentials"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("verification-image-missing"), Severity::Warning, Topic::Registries, false},
        {QStringLiteral("registry-mirror-inline"), Severity::Info, Topic::Registries, false},
        {QStringLiteral("names-only-in-company-dns"), Severity::Info, Topic::Dns, false},
    };
    return catalog;
}

std::optional<FindingKind> Analyzer::kind(const QString &code) {
    for (const FindingKind &entry : kinds()) {
        if (entry.code == code)
            return entry;
    }
    return std::nullopt;
}

QStringList Analyzer::preflightCodes() {
    QStringList codes;
    for (const FindingKind &entry : kinds()) {
        if (entry.fromNodes)
            codes.append(entry.code);
    }
    return codes;
}

} // namespace ksw
