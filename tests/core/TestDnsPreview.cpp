// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"
#include "WrittenInventory.h"

#include "analysis/DnsPreview.h"
#include "kubespray/ClusterConfig.h"
#include "kubespray/Defaults.h"
#include "kubespray/Inventory.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

using Servers = QList<DnsPreview::Server>;
Q_DECLARE_METATYPE(Servers)

namespace {

/// An inventory with `clusterVars` as group_vars/k8s_cluster/k8s-cluster.yml and `allVars` as
/// group_vars/all/all.yml, read as Kubespray v2.25.0 reads it.
class Config : public test::WrittenInventory {
public:
    explicit Config(const QByteArray &clusterVars, const QByteArray &allVars = "# nothing\n")
        : WrittenInventory({{QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"), clusterVars},
                            {QStringLiteral("group_vars/all/all.yml"), allVars}}) {}
};

QString nodeLocal(const QString &zones, const QString &clusterDns, const QString &upstream,
                  const QString &domain = QStringLiteral("cluster.local")) {
    return zones + domain +
           QStringLiteral(":53 {\n"
                          "    bind 169.254.25.10\n"
                          "    forward . %1\n"
                          "}\n"
                          "in-addr.arpa:53 {\n"
                          "    bind 169.254.25.10\n"
                          "    forward . %1\n"
                          "}\n"
                          "ip6.arpa:53 {\n"
                          "    bind 169.254.25.10\n"
                          "    forward . %1\n"
                          "}\n"
                          ".:53 {\n"
                          "    bind 169.254.25.10\n"
                          "    forward . %2\n"
                          "}\n")
               .arg(clusterDns, upstream);
}

QString coreDns(const QString &zones, const QString &upstream,
                const QString &domain = QStringLiteral("cluster.local")) {
    return zones + QStringLiteral(".:53 {\n"
                                  "    kubernetes %1 in-addr.arpa ip6.arpa\n"
                                  "    forward . %2\n"
                                  "}\n")
                       .arg(domain, upstream);
}

const QByteArray companyZones = R"(coredns_external_zones:
  - zones:
      - hideichi.as.a.service.com
    nameservers:
      - 10.244.10.130
    cache: 5
nodelocaldns_external_zones:
  - zones:
      - hideichi.as.a.service.com
    nameservers:
      - 10.244.10.130
    cache: 30
)";

} // namespace

class TestDnsPreview : public QObject {
    Q_OBJECT

private slots:
    void preview_data() {
        QTest::addColumn<QByteArray>("clusterVars");
        QTest::addColumn<QByteArray>("allVars");
        QTest::addColumn<QStringList>("summary");
        QTest::addColumn<Servers>("servers");

        QTest::newRow("Kubespray defaults: everything else to resolv.conf")
            << QByteArray("# nothing\n") << QByteArray("# nothing\n")
            << QStringList{QStringLiteral("Pods ask NodeLocalDNS at 169.254.25.10 on their own node."),
                           QStringLiteral("NodeLocalDNS sends cluster names (cluster.local) and reverse lookups to "
                                          "CoreDNS at 10.233.0.3."),
                           QStringLiteral("NodeLocalDNS sends every other name straight to the DNS servers in the "
                                          "node's /etc/resolv.conf.")}
            << Servers{{QStringLiteral("CoreDNS"), coreDns({}, QStringLiteral("/etc/resolv.conf"))},
                       {QStringLiteral("NodeLocalDNS"),
                        nodeLocal({}, QStringLiteral("10.233.0.3"), QStringLiteral("/etc/resolv.conf"))}};

        QTest::newRow("scenario fix: upstream_dns_servers, moved service range")
            << QByteArray("kube_service_addresses: 10.96.0.0/16\n")
            << QByteArray("upstream_dns_servers:\n  - 10.244.10.130\n  - 10.244.10.131\n")
            << QStringList{QStringLiteral("Pods ask NodeLocalDNS at 169.254.25.10 on their own node."),
                           QStringLiteral("NodeLocalDNS sends cluster names (cluster.local) and reverse lookups to "
                                          "CoreDNS at 10.96.0.3."),
                           QStringLiteral("NodeLocalDNS sends every other name straight to 10.244.10.130, "
                                          "10.244.10.131.")}
            << Servers{{QStringLiteral("CoreDNS"), coreDns({}, QStringLiteral("10.244.10.130 10.244.10.131"))},
                       {QStringLiteral("NodeLocalDNS"),
                        nodeLocal({}, QStringLiteral("10.96.0.3"), QStringLiteral("10.244.10.130 10.244.10.131"))}};

        const QString zoneCore = QStringLiteral("hideichi.as.a.service.com {\n"
                                                "    forward . 10.244.10.130\n"
                                                "    cache 5\n"
                                                "}\n");
        const QString zoneLocal = QStringLiteral("hideichi.as.a.service.com {\n"
                                                 "    bind 169.254.25.10\n"
                                                 "    forward . 10.244.10.130\n"
                                                 "    cache 30\n"
                                                 "}\n");
        QTest::newRow("company zones for CoreDNS and NodeLocalDNS, dns_domain from cluster_name")
            << (QByteArray("cluster_name: corp.local\ndns_domain: \"{{ cluster_name }}\"\n") + companyZones)
            << QByteArray("# nothing\n")
            << QStringList{QStringLiteral("Pods ask NodeLocalDNS at 169.254.25.10 on their own node."),
                           QStringLiteral("NodeLocalDNS sends cluster names (corp.local) and reverse lookups to "
                                          "CoreDNS at 10.233.0.3."),
                           QStringLiteral("NodeLocalDNS sends hideichi.as.a.service.com to 10.244.10.130."),
                           QStringLiteral("NodeLocalDNS sends every other name straight to the DNS servers in the "
                                          "node's /etc/resolv.conf."),
                           QStringLiteral("CoreDNS would send hideichi.as.a.service.com to 10.244.10.130, but "
                                          "NodeLocalDNS never passes these names to it.")}
            << Servers{{QStringLiteral("CoreDNS"),
                        coreDns(zoneCore, QStringLiteral("/etc/resolv.conf"), QStringLiteral("corp.local"))},
                       {QStringLiteral("NodeLocalDNS"),
                        nodeLocal(zoneLocal, QStringLiteral("10.233.0.3"), QStringLiteral("/etc/resolv.conf"),
                                  QStringLiteral("corp.local"))}};

        QTest::newRow("CoreDNS zones only, NodeLocalDNS off, rewrite and default cache")
            << QByteArray("enable_nodelocaldns: false\n"
                          "coredns_external_zones:\n"
                          "  - zones: [example.com, example.io:1053]\n"
                          "    nameservers: [1.1.1.1, 2.2.2.2]\n"
                          "    rewrite:\n"
                          "      - name stop website.tld website.namespace.svc.cluster.local\n")
            << QByteArray("upstream_dns_servers: [10.244.10.130]\n")
            << QStringList{QStringLiteral("Pods ask CoreDNS at 10.233.0.3."),
                           QStringLiteral("CoreDNS answers cluster names (cluster.local) itself."),
                           QStringLiteral("CoreDNS sends example.com, example.io:1053 to 1.1.1.1, 2.2.2.2."),
                           QStringLiteral("CoreDNS sends every other name to 10.244.10.130.")}
            << Servers{{QStringLiteral("CoreDNS"),
                        coreDns(QStringLiteral("example.com example.io:1053 {\n"
                                               "    rewrite name stop website.tld website.namespace.svc.cluster.local\n"
                                               "    forward . 1.1.1.1 2.2.2.2\n"
                                               "    cache 5\n"
                                               "}\n"),
                                QStringLiteral("10.244.10.130"))}};

        QTest::newRow("dns_mode none: nothing Kubespray forwards")
            << QByteArray("dns_mode: none\n") << QByteArray("upstream_dns_servers: [10.244.10.130]\n")
            << QStringList{QStringLiteral("dns_mode is none: Kubespray does not set up CoreDNS, so it decides no "
                                          "forwarding.")}
            << Servers{};
    }

    void preview() {
        QFETCH(QByteArray, clusterVars);
        QFETCH(QByteArray, allVars);
        QFETCH(QStringList, summary);
        QFETCH(Servers, servers);
        const Config config(clusterVars, allVars);
        QCOMPARE(DnsPreview::summary(*config), summary);
        const Servers rendered = DnsPreview::render(*config);
        QCOMPARE(rendered.size(), servers.size());
        for (qsizetype i = 0; i < rendered.size(); ++i) {
            QCOMPARE(rendered[i].name, servers[i].name);
            QCOMPARE(rendered[i].corefile, servers[i].corefile);
        }
    }

    void toTextShowsSentencesThenSnippets() {
        const Config config(QByteArray("enable_nodelocaldns: false\n"),
                            QByteArray("upstream_dns_servers: [10.244.10.130]\n"));
        QCOMPARE(DnsPreview::toText(*config), QStringLiteral("Pods ask CoreDNS at 10.233.0.3.\n"
                                                             "CoreDNS answers cluster names (cluster.local) itself.\n"
                                                             "CoreDNS sends every other name to 10.244.10.130.\n"
                                                             "\n"
                                                             "# CoreDNS (ConfigMap kube-system/coredns)\n"
                                                             ".:53 {\n"
                                                             "    kubernetes cluster.local in-addr.arpa ip6.arpa\n"
                                                             "    forward . 10.244.10.130\n"
                                                             "}\n"));
    }
};

QTEST_GUILESS_MAIN(TestDnsPreview)
#include "TestDnsPreview.moc"
