// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"
#include "WrittenInventory.h"

#include "analysis/Analyzer.h"
#include "kubespray/AnsibleEnvironment.h"
#include "kubespray/Checkout.h"
#include "kubespray/ClusterConfig.h"
#include "preflight/PreflightReport.h"
#include "probe/SiteProbe.h"
#include "site/SiteProfile.h"
#include "yaml/YamlValues.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

namespace {

/// One node in every group, like the scenario's node1: with artifacts on, a clean inventory.
const QByteArray cleanHosts = test::oneNodeHosts;

/// node1 as control plane and worker, node2 a worker.
const QByteArray twoNodeHosts = R"(all:
  hosts:
    node1: {ansible_host: 192.168.56.10}
    node2: {ansible_host: 192.168.56.11}
  children:
    kube_control_plane: {hosts: {node1: }}
    kube_node: {hosts: {node1: , node2: }}
    etcd: {hosts: {node1: }}
    k8s_cluster: {children: {kube_control_plane: , kube_node: }}
)";

const QByteArray artifactsOn = "kubeconfig_localhost: true\nkubectl_localhost: true\n";

const QByteArray scenarioSite = R"(version: 1
services:
  - name: CoreDNS
    address: 10.244.10.130
    domains: [coredns.hideichi.as.a.service.com]
    role: dns
  - name: Docker Registry
    address: 10.233.90.120
    domains: [docker-registry.hideichi.as.a.service.com]
    role: registry
    scheme: http
)";

/// An inventory written into a temporary folder, analysed for one Kubespray release.
struct Case {
    QByteArray hosts = cleanHosts;
    QByteArray clusterVars = artifactsOn; ///< group_vars/k8s_cluster/k8s-cluster.yml
    QByteArray allVars;                   ///< group_vars/all/all.yml
    QByteArray containerdVars;            ///< group_vars/all/containerd.yml
    QMap<QString, QByteArray> extraFiles; ///< more files, relative to the inventory
    QByteArray site;                      ///< site profile; none when empty
    QString version = QStringLiteral("v2.25.0");
    std::optional<AnsibleEnvironment> ansible;
    std::optional<ProbeReport> probe;         ///< what a probe answered (plain data, as SiteProbe reports it)
    std::optional<PreflightReport> preflight; ///< what the nodes answered (plain data, as Preflight reports it)
};

class Analysis {
public:
    explicit Analysis(const Case &c) {
        const QString root = m_dir.path();
        test::writeAll(root + QStringLiteral("/hosts.yaml"), c.hosts);
        test::writeAll(root + QStringLiteral("/group_vars/k8s_cluster/k8s-cluster.yml"), c.clusterVars);
        test::writeAll(root + QStringLiteral("/group_vars/all/all.yml"), c.allVars);
        test::writeAll(root + QStringLiteral("/group_vars/all/containerd.yml"), c.containerdVars);
        for (auto it = c.extraFiles.cbegin(); it != c.extraFiles.cend(); ++it)
            test::writeAll(root + QLatin1Char('/') + it.key(), it.value());
        auto inventory = Inventory::load(root);
        if (!inventory) {
            m_error = inventory.error().toString();
            return;
        }
        if (!c.site.isEmpty()) {
            auto site = SiteProfile::parse(c.site, QStringLiteral("site.yaml"));
            if (!site) {
                m_error = site.error().toString();
                return;
            }
            m_site = *site;
        }
        m_checkout =
            Checkout::forInventory(root, c.version.isEmpty() ? std::nullopt : KubesprayVersion::parse(c.version));
        m_config.emplace(*inventory, Defaults::forCheckout(m_checkout), m_checkout.version());
        m_ansible = c.ansible;
        AnalysisInput input;
        input.config = &*m_config;
        input.checkout = &m_checkout;
        input.ansible = m_ansible ? &*m_ansible : nullptr;
        input.site = m_site ? &*m_site : nullptr;
        m_probe = c.probe;
        input.probe = m_probe ? &*m_probe : nullptr;
        m_preflight = c.preflight;
        input.preflight = m_preflight ? &*m_preflight : nullptr;
        m_findings = Analyzer::analyze(input);
    }

    QString error() const { return m_error; }
    const QList<Finding> &findings() const { return m_findings; }
    QStringList codes() const {
        QStringList result;
        for (const Finding &finding : m_findings)
            result.append(finding.code);
        return result;
    }
    QList<Finding> all(const QString &code) const {
        QList<Finding> result;
        for (const Finding &finding : m_findings) {
            if (finding.code == code)
                result.append(finding);
        }
        return result;
    }
    std::optional<Finding> first(const QString &code) const {
        for (const Finding &finding : m_findings) {
            if (finding.code == code)
                return finding;
        }
        return std::nullopt;
    }

private:
    QTemporaryDir m_dir;
    QString m_error;
    Checkout m_checkout;
    std::optional<ClusterConfig> m_config;
    std::optional<SiteProfile> m_site;
    std::optional<AnsibleEnvironment> m_ansible;
    std::optional<ProbeReport> m_probe;
    std::optional<PreflightReport> m_preflight;
    QList<Finding> m_findings;
};

AnsibleEnvironment ansibleCore(const QString &version, const QStringList &missing = {}) {
    AnsibleEnvironment environment;
    environment.playbookPath = QStringLiteral("/usr/bin/ansible-playbook");
    environment.coreVersion = AnsibleVersion::parse(version);
    environment.pythonPath = QStringLiteral("/usr/bin/python3");
    environment.missingModules = missing;
    return environment;
}

QString changeValue(const Finding &finding, const QString &key) {
    for (const SettingChange &change : finding.fix.changes) {
        if (change.key == key)
            return yaml::toDisplayText(change.value);
    }
    return QStringLiteral("(no change)");
}

QString changeFile(const Finding &finding, const QString &key) {
    for (const SettingChange &change : finding.fix.changes) {
        if (change.key == key)
            return change.file;
    }
    return {};
}

/// A node as the preflight saw it: `addresses` as "device address/prefix", `routes` as "destination dev device
/// [via gateway] [proto protocol]".
PreflightReport::Host preflightHost(const QString &name, const QStringList &addresses, const QStringList &routes) {
    PreflightReport::Host host;
    host.name = name;
    host.examined = true;
    for (const QString &text : addresses) {
        const QStringList words = text.split(u' ');
        const QStringList parts = words.at(1).split(u'/');
        host.addresses.append(
            {words.at(0), *IpAddress::parse(parts.at(0)), parts.at(1).toInt(), QStringLiteral("global")});
    }
    for (const QString &text : routes) {
        const QStringList words = text.split(u' ');
        PreflightReport::Route route;
        route.destination = words.at(0);
        if (!route.isDefault())
            route.range = Cidr::parse(route.destination).cidr;
        for (qsizetype i = 1; i + 1 < words.size(); i += 2) {
            if (words.at(i) == u"dev")
                route.device = words.at(i + 1);
            else if (words.at(i) == u"via")
                route.gateway = words.at(i + 1);
            else if (words.at(i) == u"proto")
                route.protocol = words.at(i + 1);
        }
        host.routes.append(route);
    }
    return host;
}

QList<Finding> findingsWithCode(const QList<Finding> &findings, const QString &code) {
    QList<Finding> result;
    for (const Finding &finding : findings) {
        if (finding.code == code)
            result.append(finding);
    }
    return result;
}

QString value(const Finding &finding, const QString &name) {
    for (const Finding::Value &v : finding.values) {
        if (v.name == name)
            return v.value;
    }
    return {};
}

/// Codes raised by a positive row of TestAnalyzer::codes (filled while its data is built).
QSet<QString> codesRaisedByRows;

const QByteArray twoNodes = R"(all:
  hosts:
    node1: {ansible_host: 192.168.56.10}
    node2: {ansible_host: 192.168.56.11}
  children:
    kube_control_plane: {hosts: {node1: }}
    kube_node: {hosts: {node1: , node2: }}
    etcd: {hosts: {node1: }}
    k8s_cluster: {children: {kube_control_plane: , kube_node: }}
)";

} // namespace

class TestAnalyzer : public QObject {
    Q_OBJECT

private slots:
    void cleanInventoryHasNoFindings() {
        Case c;
        c.ansible = ansibleCore(QStringLiteral("2.16.14"));
        const Analysis analysis(c);
        QVERIFY2(analysis.error().isEmpty(), qPrintable(analysis.error()));
        QVERIFY2(analysis.findings().isEmpty(), qPrintable(analysis.codes().join(u' ')));
    }

    void scenarioRaisesExactlyTheThreeFaults() {
        Case c;
        c.site = scenarioSite;
        const Analysis analysis(c);
        QVERIFY2(analysis.error().isEmpty(), qPrintable(analysis.error()));
        QCOMPARE(analysis.codes(),
                 (QStringList{QStringLiteral("range-contains-company-address"),
                              QStringLiteral("registry-http-without-mirror"), QStringLiteral("company-dns-not-used")}));
        const Finding range = *analysis.first(QStringLiteral("range-contains-company-address"));
        QCOMPARE(range.severity, Finding::Severity::Blocking);
        QCOMPARE(changeValue(range, QStringLiteral("kube_pods_subnet")), QStringLiteral("10.233.128.0/18"));
        QCOMPARE(changeFile(range, QStringLiteral("kube_pods_subnet")),
                 QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"));
        QCOMPARE(changeValue(range, QStringLiteral("kube_service_addresses")), QStringLiteral("(no change)"));
        const Finding dns = *analysis.first(QStringLiteral("company-dns-not-used"));
        QCOMPARE(changeValue(dns, QStringLiteral("upstream_dns_servers")), QStringLiteral("[10.244.10.130]"));
        QCOMPARE(changeFile(dns, QStringLiteral("upstream_dns_servers")), QStringLiteral("group_vars/all/all.yml"));
    }

    // Every code: one row that must raise it, and one close variant that must not.
    void codes_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QByteArray>("clusterVars");
        QTest::addColumn<QByteArray>("containerdVars");
        QTest::addColumn<QByteArray>("site");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("hosts");

        const QByteArray none;
        const QString v225 = QStringLiteral("v2.25.0");
        const auto row = [&](const char *name, const char *code, bool expected, const QByteArray &cluster,
                             const QByteArray &containerd, const QByteArray &site, const QString &version,
                             const QByteArray &hosts = cleanHosts) {
            if (expected)
                codesRaisedByRows.insert(QString::fromLatin1(code));
            QTest::newRow(name) << QString::fromLatin1(code) << expected << QByteArray(artifactsOn + cluster)
                                << containerd << site << version << hosts;
        };
        const QByteArray registryOnly = "services:\n  - {name: Registry, address: 10.233.90.120, role: registry, "
                                        "domains: [reg.corp.example], scheme: http}\n";
        const QByteArray network = "networks:\n  - {name: Office, cidr: 10.233.0.0/16}\n";
        const QByteArray dnsOnly = "services:\n  - {name: CoreDNS, address: 10.244.10.130, role: dns}\n";

        row("company address in pod range", "range-contains-company-address", true, none, none, registryOnly, v225);
        row("company address outside both ranges", "range-contains-company-address", false,
            "kube_pods_subnet: 10.233.128.0/18\n", none, registryOnly, v225);
        row("company network overlaps both ranges", "range-contains-company-address", true, none, none, network, v225);
        row("node ip in service range", "range-contains-node-address", true,
            "kube_service_addresses: 192.168.56.0/24\n", none, none, v225);
        row("node ip outside", "range-contains-node-address", false, none, none, none, v225);
        row("pods contain services (Kubespray misses it)", "ranges-overlap", true, "kube_pods_subnet: 10.233.0.0/16\n",
            none, none, v225);
        row("pods inside services", "ranges-overlap", true,
            "kube_service_addresses: 10.233.0.0/16\nkube_pods_subnet: 10.233.64.0/18\n", none, none, v225);
        row("adjacent ranges", "ranges-overlap", false, none, none, none, v225);
        row("service range holds NodeLocalDNS", "range-contains-nodelocaldns", true,
            "kube_service_addresses: 169.254.25.0/24\n", none, none, v225);
        row("NodeLocalDNS off", "range-contains-nodelocaldns", false,
            "kube_service_addresses: 169.254.25.0/24\nenable_nodelocaldns: false\n", none, none, v225);
        row("host bits set", "range-invalid", true, "kube_pods_subnet: 10.233.64.5/18\n", none, none, v225);
        row("flannel: /24 pod range, /24 per node, two nodes", "node-prefix-capacity", true,
            "kube_network_plugin: flannel\nkube_pods_subnet: 10.233.64.0/24\n", none, none, v225, twoNodes);
        row("flannel: /26 per node < 110 pods", "node-prefix-capacity", true,
            "kube_network_plugin: flannel\nkube_network_node_prefix: 26\n", none, none, v225);
        row("flannel: /25 per node holds 110 pods", "node-prefix-capacity", false,
            "kube_network_plugin: flannel\nkube_network_node_prefix: 25\n", none, none, v225);
        row("calico: one /26 block for two nodes", "node-prefix-capacity", true, "kube_pods_subnet: 10.233.64.0/26\n",
            none, none, v225, twoNodes);
        row("calico: node prefix ignored, blocks suffice", "node-prefix-capacity", false,
            "kube_network_node_prefix: 30\n", none, none, v225);
        row("HTTP registry, no mirror", "registry-http-without-mirror", true, "kube_pods_subnet: 10.233.128.0/18\n",
            none, registryOnly, v225);
        row("HTTP registry with http mirror", "registry-http-without-mirror", false,
            "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_use_config_path: true\ncontainerd_registries_mirrors:\n  - prefix: reg.corp.example\n"
            "    mirrors:\n      - host: http://reg.corp.example\n        capabilities: [pull, resolve]\n",
            registryOnly, v225);
        row("HTTPS mirror for an HTTP registry", "registry-http-without-mirror", true,
            "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    mirrors:\n"
            "      - host: https://reg.corp.example\n",
            registryOnly, v225);
        row("v2.21 containerd_registries http", "registry-http-without-mirror", false,
            "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_registries:\n  docker.io: https://registry-1.docker.io\n  reg.corp.example: "
            "http://reg.corp.example\n",
            registryOnly, QStringLiteral("v2.21.0"));
        row("v2.21 mirror list is ignored", "registry-http-without-mirror", true, "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    mirrors:\n"
            "      - host: http://reg.corp.example\n",
            registryOnly, QStringLiteral("v2.21.0"));
        row("v2.21 insecure registries next to containerd_registries", "registry-mirror-ignored-by-version", true,
            "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_insecure_registries:\n  reg.corp.example: http://reg.corp.example\n", registryOnly,
            QStringLiteral("v2.21.0"));
        row("v2.21 insecure registry the site profile does not name", "registry-mirror-ignored-by-version", true, none,
            "containerd_insecure_registries:\n  \"10.0.0.5:5000\": http://10.0.0.5:5000\n", none,
            QStringLiteral("v2.21.0"));
        row("v2.25 ignores containerd_insecure_registries", "registry-mirror-ignored-by-version", true, none,
            "containerd_insecure_registries:\n  reg.corp.example: http://reg.corp.example\n", none, v225);
        row("v2.24 ignores server:", "registry-mirror-ignored-by-version", true, none,
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    server: http://reg.corp.example\n"
            "    mirrors:\n      - host: http://reg.corp.example\n",
            none, QStringLiteral("v2.24.0"));
        row("v2.25 honours server:", "registry-mirror-ignored-by-version", false, none,
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    server: http://reg.corp.example\n"
            "    mirrors:\n      - host: http://reg.corp.example\n",
            none, v225);
        row("v2.25 mirror without config_path is inline", "registry-mirror-inline", true,
            "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    mirrors:\n"
            "      - host: http://reg.corp.example\n",
            registryOnly, v225);
        row("v2.27 always uses hosts.toml", "registry-mirror-inline", false, "kube_pods_subnet: 10.233.128.0/18\n",
            "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    mirrors:\n"
            "      - host: http://reg.corp.example\n",
            registryOnly, QStringLiteral("v2.27.0"));
        row("no upstream DNS", "company-dns-not-used", true, none, none, dnsOnly, v225);
        row("upstream DNS is the company's", "company-dns-not-used", false, "upstream_dns_servers: [10.244.10.130]\n",
            none, dnsOnly, v225);
        row("zones for CoreDNS only while NodeLocalDNS is on", "company-dns-not-used", true,
            "coredns_external_zones:\n  - zones: [corp.example]\n    nameservers: [10.244.10.130]\n", none, dnsOnly,
            v225);
        row("zones for CoreDNS only, NodeLocalDNS off", "company-dns-not-used", false,
            "enable_nodelocaldns: false\ncoredns_external_zones:\n  - zones: [corp.example]\n"
            "    nameservers: [10.244.10.130]\n",
            none, dnsOnly, v225);
        row("zones for both", "company-dns-not-used", false,
            "coredns_external_zones:\n  - zones: [corp.example]\n    nameservers: [10.244.10.130]\n"
            "nodelocaldns_external_zones:\n  - zones: [corp.example]\n    nameservers: [10.244.10.130]\n",
            none, dnsOnly, v225);
        row("v2.25 without k8s_cluster", "inventory-groups-missing", true, none, none, none, v225,
            "all:\n  hosts:\n    node1: {ansible_host: 192.168.56.10}\n  children:\n"
            "    kube_control_plane: {hosts: {node1: }}\n    kube_node: {hosts: {node1: }}\n"
            "    etcd: {hosts: {node1: }}\n");
        row("v2.27 builds k8s_cluster itself", "inventory-groups-missing", false, none, none, none,
            QStringLiteral("v2.27.0"),
            "all:\n  hosts:\n    node1: {ansible_host: 192.168.56.10}\n  children:\n"
            "    kube_control_plane: {hosts: {node1: }}\n    kube_node: {hosts: {node1: }}\n"
            "    etcd: {hosts: {node1: }}\n");
        row("empty kube_node", "inventory-groups-missing", true, none, none, none, v225,
            "all:\n  hosts:\n    node1: {ansible_host: 192.168.56.10}\n  children:\n"
            "    kube_control_plane: {hosts: {node1: }}\n    kube_node: {hosts: {}}\n"
            "    etcd: {hosts: {node1: }}\n    k8s_cluster: {children: {kube_control_plane: , kube_node: }}\n");
        row("unknown Kubespray version", "kubespray-version-unknown", true, none, none, none, QString());
        row("dual stack: IPv6 node address in IPv6 pod range", "range-contains-node-address", true,
            "enable_dual_stack_networks: true\n", none, none, v225,
            QByteArray(cleanHosts)
                .replace("access_ip: 192.168.56.10", "access_ip: 192.168.56.10\n      ip6: fd85:ee78:d8a6:8607::1:5"));
        row("single stack ignores IPv6", "range-contains-node-address", false, none, none, none, v225,
            QByteArray(cleanHosts)
                .replace("access_ip: 192.168.56.10", "access_ip: 192.168.56.10\n      ip6: fd85:ee78:d8a6:8607::1:5"));
    }

    void codes() {
        QFETCH(QString, code);
        QFETCH(bool, expected);
        Case c;
        QFETCH(QByteArray, clusterVars);
        QFETCH(QByteArray, containerdVars);
        QFETCH(QByteArray, site);
        QFETCH(QString, version);
        QFETCH(QByteArray, hosts);
        c.clusterVars = clusterVars;
        c.containerdVars = containerdVars;
        c.site = site;
        c.version = version;
        c.hosts = hosts;
        const Analysis analysis(c);
        QVERIFY2(analysis.error().isEmpty(), qPrintable(analysis.error()));
        QVERIFY2(analysis.codes().contains(code) == expected, qPrintable(analysis.codes().join(u' ')));
        if (const auto finding = analysis.first(code)) {
            QVERIFY(!finding->message.translated().isEmpty());
            QVERIFY(!finding->explanation.translated().isEmpty());
        }
    }

    void everyCodeIsRaisedSomewhere() {
        // The codes table is the documented contract: each code is raised by a row above or by one of the
        // dedicated tests below.
        const QSet<QString> dedicated = {
            QStringLiteral("ansible-version-out-of-range"), QStringLiteral("ansible-deps-missing"),
            QStringLiteral("kubectl-artifacts-off"), QStringLiteral("host-vars-override"),
            QStringLiteral("duplicate-key"), QStringLiteral("registry-certificate-untrusted"),
            // TestRegistryTrust, TestProbeCommand
            QStringLiteral("registry-trust-unsupported-by-version"),
            QStringLiteral("registry-certificate-not-trusted-here"), QStringLiteral("registry-unreachable"),
            QStringLiteral("registry-not-a-registry"), QStringLiteral("registry-needs-credentials"),
            QStringLiteral("verification-image-missing"), QStringLiteral("names-only-in-company-dns"),
            QStringLiteral("range-overlaps-node-route"), QStringLiteral("preflight-unreachable"),
            QStringLiteral("node-cannot-reach-registry"), QStringLiteral("node-cannot-resolve")};
        for (const FindingKind &kind : Analyzer::kinds())
            QVERIFY2(codesRaisedByRows.contains(kind.code) || dedicated.contains(kind.code), qPrintable(kind.code));
    }

    void ansibleChecks() {
        {
            Case c;
            c.ansible = ansibleCore(QStringLiteral("2.14.18"));
            const Analysis analysis(c);
            QCOMPARE(analysis.codes(), QStringList{QStringLiteral("ansible-version-out-of-range")});
            QCOMPARE(analysis.first(QStringLiteral("ansible-version-out-of-range"))->severity,
                     Finding::Severity::Warning);
        }
        {
            Case c;
            c.ansible = ansibleCore(QStringLiteral("2.16.4"), {QStringLiteral("netaddr")});
            const Analysis analysis(c);
            QCOMPARE(analysis.codes(), QStringList{QStringLiteral("ansible-deps-missing")});
            QVERIFY(analysis.first(QStringLiteral("ansible-deps-missing"))->message.english().contains(u"netaddr"));
        }
        {
            Case c;
            AnsibleEnvironment missing;
            missing.problem = QStringLiteral("No ansible-playbook found.");
            c.ansible = missing;
            const Analysis analysis(c);
            QCOMPARE(analysis.codes(), QStringList{QStringLiteral("ansible-deps-missing")});
        }
        {
            Case c; // the upper bound is exclusive
            c.ansible = ansibleCore(QStringLiteral("2.17.0"));
            QCOMPARE(Analysis(c).codes(), QStringList{QStringLiteral("ansible-version-out-of-range")});
        }
    }

    void probeFindings_data() {
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("code");
        using V = RegistryProbe::Verdict;
        QTest::newRow("self-signed certificate")
            << int(V::HttpsUntrusted) << QStringLiteral("registry-certificate-untrusted");
        QTest::newRow("connection refused") << int(V::Unreachable) << QStringLiteral("registry-unreachable");
        QTest::newRow("a web server, not a registry")
            << int(V::NotARegistry) << QStringLiteral("registry-not-a-registry");
        QTest::newRow("401 with a realm") << int(V::NeedsCredentials) << QStringLiteral("registry-needs-credentials");
        QTest::newRow("HTTPS is fine") << int(V::Https) << QString();
    }

    void probeFindings() {
        QFETCH(int, verdict);
        QFETCH(QString, code);
        Case c;
        ProbeReport report;
        RegistryProbe::Result result;
        result.host = QStringLiteral("reg.corp.example");
        result.verdict = RegistryProbe::Verdict(verdict);
        result.detail = QStringLiteral("detail");
        report.registries.append(result);
        c.probe = report;
        const Analysis analysis(c);
        QCOMPARE(analysis.codes(), code.isEmpty() ? QStringList() : QStringList{code});
        if (code == u"registry-certificate-untrusted") {
            const Finding finding = *analysis.first(code);
            QCOMPARE(finding.severity, Finding::Severity::Blocking);
            QVERIFY(
                changeValue(finding, QStringLiteral("containerd_registries_mirrors"))
                    .contains(u"{host: https://reg.corp.example, capabilities: [pull, resolve], skip_verify: true}"));
            // With that mirror in place the certificate is accepted: nothing left to say.
            Case fixed = c;
            fixed.containerdVars = "containerd_registries_mirrors:\n  - prefix: reg.corp.example\n    mirrors:\n"
                                   "      - host: https://reg.corp.example\n        skip_verify: true\n";
            QVERIFY(Analysis(fixed).codes().isEmpty());
        }
    }

    void probeOfImageAndNames() {
        Case c;
        ProbeReport report;
        RegistryProbe::Result registry;
        registry.host = QStringLiteral("reg.corp.example");
        registry.verdict = RegistryProbe::Verdict::HttpOnly;
        registry.image = QStringLiteral("reg.corp.example/someapp:nope");
        registry.imageFound = false;
        registry.imageDetail = QStringLiteral("manifest unknown");
        report.registries.append(registry);
        DnsProbe::Result dns;
        dns.server = QStringLiteral("10.244.10.130");
        dns.names.append(
            {QStringLiteral("reg.corp.example"), {QStringLiteral("10.1.0.1")}, {}, {}, QStringLiteral("NXDOMAIN")});
        dns.names.append(
            {QStringLiteral("public.example"), {QStringLiteral("192.0.2.1")}, {}, {QStringLiteral("192.0.2.1")}, {}});
        report.dns.append(dns);
        c.probe = report;
        const Analysis analysis(c);
        QCOMPARE(analysis.codes(), (QStringList{QStringLiteral("verification-image-missing"),
                                                QStringLiteral("names-only-in-company-dns")}));
        QVERIFY(analysis.first(QStringLiteral("names-only-in-company-dns"))
                    ->message.english()
                    .contains(u"reg.corp.example"));
        QVERIFY(!analysis.first(QStringLiteral("names-only-in-company-dns"))
                     ->message.english()
                     .contains(u"public.example"));
    }

    void artifacts() {
        Case off;
        off.clusterVars = "kubeconfig_localhost: true\n";
        const Analysis analysis(off);
        QCOMPARE(analysis.codes(), QStringList{QStringLiteral("kubectl-artifacts-off")});
        const Finding finding = *analysis.first(QStringLiteral("kubectl-artifacts-off"));
        QCOMPARE(changeValue(finding, QStringLiteral("kubectl_localhost")), QStringLiteral("true"));
        QCOMPARE(changeValue(finding, QStringLiteral("kubeconfig_localhost")), QStringLiteral("true"));
    }

    void v221InsecureRegistriesMoveIntoRegistries() {
        // containerd_insecure_registries beside containerd_registries (here only its role default) breaks
        // containerd's config on v2.21 whatever it names: each entry moves, the company registry joins them.
        Case c;
        c.version = QStringLiteral("v2.21.0");
        c.clusterVars = "kube_pods_subnet: 10.233.128.0/18\n";
        c.containerdVars = "containerd_insecure_registries:\n  \"10.0.0.5:5000\": http://10.0.0.5:5000\n";
        c.site = scenarioSite;
        const Analysis analysis(c);
        const QList<Finding> broken = analysis.all(QStringLiteral("registry-mirror-ignored-by-version"));
        QCOMPARE(broken.size(), 1);
        QVERIFY(broken.first().message.english().contains(u"10.0.0.5:5000"));
        const auto http = analysis.first(QStringLiteral("registry-http-without-mirror"));
        QVERIFY(http);
        for (const Finding &finding : {broken.first(), *http}) {
            QCOMPARE(changeValue(finding, QStringLiteral("containerd_registries")),
                     QStringLiteral("{docker.io: https://registry-1.docker.io, 10.0.0.5:5000: http://10.0.0.5:5000, "
                                    "docker-registry.hideichi.as.a.service.com: "
                                    "http://docker-registry.hideichi.as.a.service.com}"));
            QCOMPARE(changeValue(finding, QStringLiteral("containerd_insecure_registries")), QStringLiteral("{}"));
            QCOMPARE(changeFile(finding, QStringLiteral("containerd_insecure_registries")),
                     QStringLiteral("group_vars/all/containerd.yml"));
        }
    }

    void hostVarsOverride() {
        Case c;
        c.hosts = twoNodeHosts;
        c.extraFiles.insert(QStringLiteral("host_vars/node1.yml"), "kube_pods_subnet: 10.240.0.0/18\n");
        const Analysis analysis(c);
        QCOMPARE(analysis.codes(), QStringList{QStringLiteral("host-vars-override")});
        QCOMPARE(analysis.first(QStringLiteral("host-vars-override"))->origins.first().origin.displayPath,
                 QStringLiteral("host_vars/node1.yml"));

        Case unrelated; // a host var that is not one of ours is nobody's business
        unrelated.extraFiles.insert(QStringLiteral("host_vars/node1.yml"), "node_labels: {role: db}\n");
        QVERIFY(Analysis(unrelated).codes().isEmpty());
    }

    void duplicateKeyUsesTheLastValue() {
        Case c;
        c.clusterVars = artifactsOn + "kube_pods_subnet: 10.233.90.0/24\nkube_pods_subnet: 10.233.128.0/18\n";
        c.site = "services:\n  - {name: Registry, address: 10.233.90.120, role: other}\n";
        const Analysis analysis(c);
        // The first value would contain the registry; Ansible uses the last, which does not.
        QCOMPARE(analysis.codes(), QStringList{QStringLiteral("duplicate-key")});
        const Finding finding = *analysis.first(QStringLiteral("duplicate-key"));
        QVERIFY(finding.message.english().contains(u"lines 3 and 4"));
    }

    void registryFixFollowsTheRelease_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("useConfigPath");

        QTest::newRow("v2.21: containerd_registries dict, docker.io kept")
            << QStringLiteral("v2.21.0") << QStringLiteral("containerd_registries")
            << QStringLiteral("{docker.io: https://registry-1.docker.io, reg.corp.example: http://reg.corp.example}")
            << QStringLiteral("(no change)");
        const QString docker = QStringLiteral(
            "{prefix: docker.io, mirrors: [{host: https://registry-1.docker.io, capabilities: [pull, resolve], "
            "skip_verify: false}]}");
        QTest::newRow("v2.24: mirror list, no server, config path on")
            << QStringLiteral("v2.24.0") << QStringLiteral("containerd_registries_mirrors")
            << QStringLiteral("[%1, {prefix: reg.corp.example, mirrors: [{host: http://reg.corp.example, "
                              "capabilities: [pull, resolve], skip_verify: true}]}]")
                   .arg(docker)
            << QStringLiteral("true");
        QTest::newRow("v2.25: server honoured, config path on")
            << QStringLiteral("v2.25.0") << QStringLiteral("containerd_registries_mirrors")
            << QStringLiteral("[%1, {prefix: reg.corp.example, server: http://reg.corp.example, mirrors: [{host: "
                              "http://reg.corp.example, capabilities: [pull, resolve], skip_verify: true}]}]")
                   .arg(docker)
            << QStringLiteral("true");
        QTest::newRow("v2.29: config path always on")
            << QStringLiteral("v2.29.0") << QStringLiteral("containerd_registries_mirrors")
            << QStringLiteral("[%1, {prefix: reg.corp.example, server: http://reg.corp.example, mirrors: [{host: "
                              "http://reg.corp.example, capabilities: [pull, resolve], skip_verify: true}]}]")
                   .arg(docker)
            << QStringLiteral("(no change)");
    }

    void registryFixFollowsTheRelease() {
        QFETCH(QString, version);
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, useConfigPath);
        Case c;
        c.clusterVars = artifactsOn + "kube_pods_subnet: 10.233.128.0/18\n";
        c.version = version;
        c.site = "services:\n  - {name: Registry, address: 10.233.90.120, role: registry, domains: "
                 "[reg.corp.example], scheme: http}\n";
        const Analysis analysis(c);
        const auto finding = analysis.first(QStringLiteral("registry-http-without-mirror"));
        QVERIFY2(finding, qPrintable(analysis.codes().join(u' ')));
        QCOMPARE(changeValue(*finding, variable), value);
        QCOMPARE(changeFile(*finding, variable), QStringLiteral("group_vars/all/containerd.yml"));
        QCOMPARE(changeValue(*finding, QStringLiteral("containerd_use_config_path")), useConfigPath);
    }

    void twoHttpRegistriesShareOneMirrorList() {
        Case c;
        c.clusterVars = artifactsOn + "kube_pods_subnet: 10.233.128.0/18\n";
        c.site =
            "services:\n  - {name: A, address: 10.1.0.1, role: registry, domains: [a.corp.example], scheme: http}\n"
            "  - {name: B, address: 10.1.0.2, role: registry, domains: [b.corp.example], scheme: http, port: 5000}\n";
        const Analysis analysis(c);
        QCOMPARE(analysis.codes(), (QStringList{QStringLiteral("registry-http-without-mirror"),
                                                QStringLiteral("registry-http-without-mirror")}));
        const QString list = changeValue(analysis.findings().at(0), QStringLiteral("containerd_registries_mirrors"));
        QCOMPARE(changeValue(analysis.findings().at(1), QStringLiteral("containerd_registries_mirrors")), list);
        QVERIFY(list.contains(u"prefix: docker.io"));
        QVERIFY(list.contains(u"prefix: a.corp.example"));
        QVERIFY(list.contains(u"prefix: b.corp.example:5000"));
        QVERIFY(list.contains(u"host: http://b.corp.example:5000"));
    }

    void zoneForwardingWritesBothWhileNodeLocalDnsIsOn_data() {
        QTest::addColumn<bool>("nodeLocalDns");
        QTest::newRow("NodeLocalDNS on") << true;
        QTest::newRow("NodeLocalDNS off") << false;
    }

    void zoneForwardingWritesBothWhileNodeLocalDnsIsOn() {
        QFETCH(bool, nodeLocalDns);
        Case c;
        c.clusterVars = artifactsOn + (nodeLocalDns ? "" : "enable_nodelocaldns: false\n");
        c.site = "services:\n  - {name: CoreDNS, address: 10.244.10.130, role: dns}\nzones: [corp.example]\n";
        const Analysis analysis(c);
        const auto finding = analysis.first(QStringLiteral("company-dns-not-used"));
        QVERIFY(finding);
        QCOMPARE(changeValue(*finding, QStringLiteral("coredns_external_zones")),
                 QStringLiteral("[{zones: [corp.example], nameservers: [10.244.10.130], cache: 5}]"));
        QCOMPARE(changeValue(*finding, QStringLiteral("nodelocaldns_external_zones")),
                 nodeLocalDns ? QStringLiteral("[{zones: [corp.example], nameservers: [10.244.10.130], cache: 30}]")
                              : QStringLiteral("(no change)"));
        QCOMPARE(changeValue(*finding, QStringLiteral("upstream_dns_servers")), QStringLiteral("(no change)"));
    }

    void movingBothRangesKeepsThemApart() {
        Case c;
        c.site = "networks:\n  - {name: Office, cidr: 10.233.0.0/16}\n";
        const Analysis analysis(c);
        const auto finding = analysis.first(QStringLiteral("range-contains-company-address"));
        QVERIFY(finding);
        const auto services = Cidr::parse(changeValue(*finding, QStringLiteral("kube_service_addresses"))).cidr;
        const auto pods = Cidr::parse(changeValue(*finding, QStringLiteral("kube_pods_subnet"))).cidr;
        QVERIFY(services && pods);
        QCOMPARE(services->prefixLength(), 18);
        QCOMPARE(pods->prefixLength(), 18);
        QVERIFY(!services->overlaps(*pods));
        QVERIFY(!services->overlaps(*Cidr::parse(u"10.233.0.0/16").cidr));
        QVERIFY(!pods->overlaps(*Cidr::parse(u"10.233.0.0/16").cidr));
        QVERIFY(!finding->fix.note.isEmpty());
    }

    // ---- Preflight: what the nodes answered --------------------------------------------------------------

    /// A company route into the pod range is a conflict; the cluster's own devices, Calico's BIRD routes, the
    /// default route and link-local routes are not. The fix moves the pod range clear of the route.
    void preflightRouteOverlapsPodRange() {
        Case c;
        PreflightReport report;
        report.hosts.append(
            preflightHost(QStringLiteral("node1"),
                          {QStringLiteral("eth0 192.168.56.10/24"), QStringLiteral("kube-ipvs0 10.233.0.1/32"),
                           QStringLiteral("tunl0 10.233.65.0/32"), QStringLiteral("eth0 fe80::1/64")},
                          {QStringLiteral("default dev eth0 via 192.168.56.1"),
                           QStringLiteral("192.168.56.0/24 dev eth0 proto kernel"),
                           QStringLiteral("10.233.96.0/20 dev eth0 via 192.168.56.254"),
                           QStringLiteral("10.233.66.0/26 dev eth0 via 192.168.56.11 proto bird"),
                           QStringLiteral("10.233.67.0/26 dev vxlan.calico via 10.233.67.0"),
                           QStringLiteral("10.233.68.5/32 dev cali12345"), QStringLiteral("fe80::/64 dev eth0")}));
        c.preflight = report;
        const Analysis analysis(c);
        QVERIFY2(analysis.error().isEmpty(), qPrintable(analysis.error()));
        QCOMPARE(analysis.codes(), QStringList{QStringLiteral("range-overlaps-node-route")});
        const Finding finding = *analysis.first(QStringLiteral("range-overlaps-node-route"));
        QCOMPARE(finding.severity, Finding::Severity::Blocking);
        QCOMPARE(finding.message.english(),
                 QStringLiteral("kube_pods_subnet (10.233.64.0/18) overlaps the route 10.233.96.0/20 via "
                                "192.168.56.254 dev eth0 of node1."));
        QVERIFY(!finding.explanation.translated().isEmpty());
        QCOMPARE(value(finding, QStringLiteral("nodes")), QStringLiteral("node1"));
        QCOMPARE(finding.origins.first().name, QStringLiteral("kube_pods_subnet"));
        const auto moved = Cidr::parse(changeValue(finding, QStringLiteral("kube_pods_subnet"))).cidr;
        QVERIFY(moved);
        QVERIFY(!moved->overlaps(*Cidr::parse(u"10.233.96.0/20").cidr));
        QVERIFY(!moved->overlaps(*Cidr::parse(u"10.233.0.0/18").cidr));
        QCOMPARE(changeValue(finding, QStringLiteral("kube_service_addresses")), QStringLiteral("(no change)"));

        // Without the preflight, nothing.
        Case without;
        QVERIFY(Analysis(without).codes().isEmpty());
    }

    /// An address of a node inside the service range: one finding for the address and its subnet's kernel route;
    /// the same route on two nodes is one finding naming both.
    void preflightAddressAndSharedRoute() {
        Case c;
        PreflightReport report;
        report.hosts.append(preflightHost(QStringLiteral("node1"), {QStringLiteral("eth1 10.233.1.5/24")},
                                          {QStringLiteral("10.233.1.0/24 dev eth1 proto kernel"),
                                           QStringLiteral("10.233.120.0/24 dev eth0 via 192.168.56.1")}));
        report.hosts.append(
            preflightHost(QStringLiteral("node2"), {}, {QStringLiteral("10.233.120.0/24 dev eth0 via 192.168.56.1")}));
        c.preflight = report;
        const Analysis analysis(c);
        const QList<Finding> found = findingsWithCode(analysis.findings(), QStringLiteral("range-overlaps-node-route"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).message.english(),
                 QStringLiteral("kube_service_addresses (10.233.0.0/18) overlaps the address 10.233.1.5/24 (eth1) "
                                "of node1."));
        QCOMPARE(value(found.at(0), QStringLiteral("address")), QStringLiteral("10.233.1.5/24 (eth1)"));
        QCOMPARE(found.at(1).message.english(),
                 QStringLiteral("kube_pods_subnet (10.233.64.0/18) overlaps the route 10.233.120.0/24 via "
                                "192.168.56.1 dev eth0 of node1, node2."));
        QCOMPARE(value(found.at(1), QStringLiteral("nodes")), QStringLiteral("node1, node2"));
    }

    /// IPv6 routes count against the IPv6 twins only, when dual stack is on.
    void preflightIpv6Route() {
        Case c;
        c.clusterVars = QByteArray(artifactsOn) + "enable_dual_stack_networks: true\n"
                                                  "kube_pods_subnet_ipv6: fd85:ee78:d8a6:8607::1:0000/112\n";
        PreflightReport report;
        report.hosts.append(preflightHost(QStringLiteral("node1"), {},
                                          {QStringLiteral("fd85:ee78:d8a6:8607::1:0/120 dev eth0 via fd00::1")}));
        c.preflight = report;
        const Analysis analysis(c);
        const auto finding = analysis.first(QStringLiteral("range-overlaps-node-route"));
        QVERIFY2(finding, qPrintable(analysis.codes().join(u' ')));
        QVERIFY(finding->message.english().startsWith(u"kube_pods_subnet_ipv6"));
    }

    void preflightRegistriesAndNames() {
        Case c;
        PreflightReport report;
        for (const QString &name : {QStringLiteral("node1"), QStringLiteral("node2")}) {
            PreflightReport::Host host = preflightHost(name, {}, {});
            host.registries.append({QStringLiteral("reg.corp.example:5000"), QStringLiteral("http"),
                                    QStringLiteral("http://reg.corp.example:5000/v2/"), 0, QString(),
                                    QStringLiteral("refused"), QStringLiteral("connection refused")});
            host.registries.append({QStringLiteral("ok.corp.example"), QStringLiteral("https"),
                                    QStringLiteral("https://ok.corp.example/v2/"), 401, QStringLiteral("registry/2.0"),
                                    QString(), QString()});
            host.registries.append({QStringLiteral("selfsigned.corp.example"), QStringLiteral("https"),
                                    QStringLiteral("https://selfsigned.corp.example/v2/"), 0, QString(),
                                    QStringLiteral("certificate"),
                                    QStringLiteral("certificate not trusted: self-signed certificate")});
            host.resolutions.append({QStringLiteral("reg.corp.example"),
                                     QStringLiteral("10.0.0.53"),
                                     {QStringLiteral("10.1.0.1")},
                                     QString(),
                                     QString()});
            host.resolutions.append({QStringLiteral("gone.corp.example"),
                                     QStringLiteral("10.0.0.53"),
                                     {},
                                     QStringLiteral("name-not-found"),
                                     QStringLiteral("10.0.0.53 does not know gone.corp.example (NXDOMAIN)")});
            host.resolutions.append({QStringLiteral("a.corp.example"),
                                     QStringLiteral("10.0.0.54"),
                                     {},
                                     QStringLiteral("timeout"),
                                     QStringLiteral("no answer from 10.0.0.54 within 3 s")});
            host.resolutions.append({QStringLiteral("b.corp.example"),
                                     QStringLiteral("10.0.0.54"),
                                     {},
                                     QStringLiteral("timeout"),
                                     QStringLiteral("no answer from 10.0.0.54 within 3 s (not asked again)")});
            report.hosts.append(host);
        }
        c.preflight = report;
        const Analysis analysis(c);
        const QList<Finding> registries =
            findingsWithCode(analysis.findings(), QStringLiteral("node-cannot-reach-registry"));
        QCOMPARE(registries.size(), 2);
        QCOMPARE(registries.at(0).severity, Finding::Severity::Warning);
        QCOMPARE(registries.at(0).message.english(),
                 QStringLiteral("node1, node2 cannot reach the registry reg.corp.example:5000 "
                                "(http://reg.corp.example:5000/v2/): connection refused"));
        QCOMPARE(value(registries.at(1), QStringLiteral("registry")), QStringLiteral("selfsigned.corp.example"));
        const QList<Finding> names = findingsWithCode(analysis.findings(), QStringLiteral("node-cannot-resolve"));
        QCOMPARE(names.size(), 2);
        QCOMPARE(names.at(0).severity, Finding::Severity::Warning);
        QCOMPARE(names.at(0).message.english(),
                 QStringLiteral("node1, node2 cannot resolve gone.corp.example through the company DNS 10.0.0.53: "
                                "10.0.0.53 does not know gone.corp.example (NXDOMAIN)"));
        // A server that never answers is one finding for all its names.
        QCOMPARE(value(names.at(1), QStringLiteral("names")), QStringLiteral("a.corp.example, b.corp.example"));
        QCOMPARE(value(names.at(1), QStringLiteral("error")), QStringLiteral("no answer from 10.0.0.54 within 3 s"));

        // A mirror entry with skip_verify makes containerd accept that certificate: no finding for it.
        Case skip = c;
        skip.containerdVars = "containerd_registries_mirrors:\n  - prefix: selfsigned.corp.example\n    mirrors:\n"
                              "      - host: https://selfsigned.corp.example\n        skip_verify: true\n";
        const QList<Finding> remaining =
            findingsWithCode(Analysis(skip).findings(), QStringLiteral("node-cannot-reach-registry"));
        QCOMPARE(remaining.size(), 1);
        QCOMPARE(value(remaining.first(), QStringLiteral("registry")), QStringLiteral("reg.corp.example:5000"));
    }

    void preflightUnreachableNode() {
        Case c;
        PreflightReport report;
        PreflightReport::Host unreachable;
        unreachable.name = QStringLiteral("node3");
        unreachable.unreachable = true;
        unreachable.errors << QStringLiteral("Failed to connect to the host via ssh: Connection refused");
        report.hosts.append(unreachable);
        PreflightReport::Host noPython;
        noPython.name = QStringLiteral("node4");
        noPython.errors << QStringLiteral("Read the node's addresses: /usr/bin/python3: not found");
        report.hosts.append(noPython);
        report.hosts.append(preflightHost(QStringLiteral("node1"), {}, {}));
        c.preflight = report;
        const Analysis analysis(c);
        const QList<Finding> found = findingsWithCode(analysis.findings(), QStringLiteral("preflight-unreachable"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).severity, Finding::Severity::Blocking);
        QCOMPARE(found.at(0).message.english(),
                 QStringLiteral("Ansible could not reach node node3: Failed to connect to the host via ssh: "
                                "Connection refused"));
        QVERIFY(found.at(1).message.english().startsWith(u"The preflight could not examine node node4"));
        QCOMPARE(analysis.codes(),
                 (QStringList{QStringLiteral("preflight-unreachable"), QStringLiteral("preflight-unreachable")}));
    }

    void fixGoesWhereTheInventoryAlreadySetsTheKey() {
        Case c;
        c.allVars = "kube_pods_subnet: 10.233.64.0/18\n";
        c.site = "services:\n  - {name: Registry, address: 10.233.90.120}\n";
        const Analysis analysis(c);
        const auto finding = analysis.first(QStringLiteral("range-contains-company-address"));
        QVERIFY(finding);
        QCOMPARE(changeFile(*finding, QStringLiteral("kube_pods_subnet")), QStringLiteral("group_vars/all/all.yml"));
    }
};

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "TestAnalyzer.moc"
