// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// PreflightReport: the preflight playbook's per-node results files (format 1) read into addresses, routes,
// resolv.conf, DNS answers and registry answers, with the file and field named for anything that does not fit.
// The `ip -j` texts are what iproute2 6.1 prints; the real thing is read in tests/integration/TestPreflight.cpp.
#include "TestSupport.h"

#include "preflight/PreflightReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

namespace {

const QByteArray ipAddr =
    R"([{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[{"family":"inet","local":"127.0.0.1",)"
    R"("prefixlen":8,"scope":"host","label":"lo"},{"family":"inet6","local":"::1","prefixlen":128,"scope":"host"}]},)"
    R"({"ifindex":2,"ifname":"dummy0","flags":["BROADCAST","NOARP"],"addr_info":[]},)"
    R"({"ifindex":4,"ifname":"eth0","addr_info":[{"family":"inet","local":"192.168.56.10","prefixlen":24,)"
    R"("broadcast":"192.168.56.255","scope":"global","label":"eth0"},{"family":"inet6","local":"fe80::1",)"
    R"("prefixlen":64,"scope":"link"}]}])";
const QByteArray ipRoute4 =
    R"([{"dst":"default","gateway":"192.168.56.1","dev":"eth0","flags":[]},)"
    R"({"dst":"192.168.56.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"192.168.56.10","flags":[]},)"
    R"({"type":"blackhole","dst":"10.233.64.0/26","protocol":"bird","flags":[]},)"
    R"({"dst":"10.1.2.3","gateway":"192.168.56.254","dev":"eth0","flags":[]}])";
const QByteArray ipRoute6 = R"([{"dst":"fe80::/64","dev":"eth0","protocol":"kernel","metric":256,"flags":[]}])";

QJsonObject step(const QByteArray &stdoutText, int rc = 0, const QString &stderrText = {}) {
    return QJsonObject{{QStringLiteral("rc"), rc},
                       {QStringLiteral("stdout"), QString::fromUtf8(stdoutText)},
                       {QStringLiteral("stderr"), stderrText},
                       {QStringLiteral("msg"), QString()}};
}

QJsonObject resultsFile() {
    return QJsonObject{
        {QStringLiteral("format"), 1},
        {QStringLiteral("host"), QStringLiteral("node1")},
        {QStringLiteral("addresses"), step(ipAddr)},
        {QStringLiteral("routes4"), step(ipRoute4)},
        {QStringLiteral("routes6"), step(ipRoute6)},
        {QStringLiteral("resolv_conf"),
         QJsonObject{{QStringLiteral("content"),
                      QString::fromLatin1(QByteArray("# generated\nsearch old.example\nnameserver 10.0.0.53\n"
                                                     "options ndots:2\nsearch corp.example lab.example\n"
                                                     "nameserver 10.0.0.54\n")
                                              .toBase64())},
                     {QStringLiteral("failed"), false},
                     {QStringLiteral("msg"), QString()}}},
        {QStringLiteral("probe"),
         QJsonObject{
             {QStringLiteral("failed"), false},
             {QStringLiteral("msg"), QString()},
             {QStringLiteral("dns"),
              QJsonArray{QJsonObject{{QStringLiteral("server"), QStringLiteral("10.0.0.53")},
                                     {QStringLiteral("name"), QStringLiteral("reg.corp.example")},
                                     {QStringLiteral("addresses"), QJsonArray{QStringLiteral("10.1.0.1")}},
                                     {QStringLiteral("error_kind"), QString()},
                                     {QStringLiteral("error"), QString()}},
                         QJsonObject{{QStringLiteral("server"), QStringLiteral("10.0.0.53")},
                                     {QStringLiteral("name"), QStringLiteral("gone.corp.example")},
                                     {QStringLiteral("addresses"), QJsonArray{}},
                                     {QStringLiteral("error_kind"), QStringLiteral("name-not-found")},
                                     {QStringLiteral("error"), QStringLiteral("NXDOMAIN")}}}},
             {QStringLiteral("registries"),
              QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("reg.corp.example:5000")},
                                     {QStringLiteral("scheme"), QStringLiteral("http")},
                                     {QStringLiteral("url"), QStringLiteral("http://reg.corp.example:5000/v2/")},
                                     {QStringLiteral("status"), 200},
                                     {QStringLiteral("api_version"), QStringLiteral("registry/2.0")},
                                     {QStringLiteral("error_kind"), QString()},
                                     {QStringLiteral("error"), QString()}}}}}}};
}

QByteArray bytes(const QJsonObject &object) {
    return QJsonDocument(object).toJson();
}

} // namespace

class TestPreflightReport : public QObject {
    Q_OBJECT

private slots:
    void parsesEverySection() {
        const auto host = PreflightReport::parseHostFile(bytes(resultsFile()), QStringLiteral("node1.json"));
        QVERIFY2(host, qPrintable(host ? QString() : host.error().toString()));
        QCOMPARE(host->name, QStringLiteral("node1"));
        QVERIFY(host->examined);
        QVERIFY(!host->unreachable);
        QVERIFY(host->errors.isEmpty());
        QStringList addresses;
        for (const PreflightReport::Address &address : host->addresses)
            addresses << address.device + QLatin1Char(' ') + address.toString() + QLatin1Char(' ') + address.scope;
        QCOMPARE(addresses,
                 (QStringList{QStringLiteral("lo 127.0.0.1/8 host"), QStringLiteral("lo ::1/128 host"),
                              QStringLiteral("eth0 192.168.56.10/24 global"), QStringLiteral("eth0 fe80::1/64 link")}));
        QCOMPARE(host->addresses.at(2).network().toString(), QStringLiteral("192.168.56.0/24"));
        QStringList routes;
        for (const PreflightReport::Route &route : host->routes)
            routes << route.toString();
        QCOMPARE(routes, (QStringList{QStringLiteral("default via 192.168.56.1 dev eth0"),
                                      QStringLiteral("192.168.56.0/24 dev eth0 proto kernel"),
                                      QStringLiteral("blackhole 10.233.64.0/26 proto bird"),
                                      QStringLiteral("10.1.2.3 via 192.168.56.254 dev eth0"),
                                      QStringLiteral("fe80::/64 dev eth0 proto kernel")}));
        QVERIFY(host->routes.at(0).isDefault());
        QVERIFY(!host->routes.at(0).range);
        QCOMPARE(host->routes.at(3).range->toString(), QStringLiteral("10.1.2.3/32")); // a host route
        QCOMPARE(host->nameservers, (QStringList{QStringLiteral("10.0.0.53"), QStringLiteral("10.0.0.54")}));
        QCOMPARE(host->search, (QStringList{QStringLiteral("corp.example"), QStringLiteral("lab.example")}));
        QCOMPARE(host->resolutions.size(), 2);
        QVERIFY(host->resolutions.at(0).resolved());
        QVERIFY(!host->resolutions.at(1).resolved());
        QCOMPARE(host->registries.size(), 1);
        QCOMPARE(host->registries.at(0).status, 200);
        QVERIFY(host->registries.at(0).reached());
    }

    /// A command that failed on the node is the host's error, not the file's.
    void failedStepsBecomeHostErrors() {
        QJsonObject object = resultsFile();
        object.insert(QStringLiteral("routes6"), step("", 127, QStringLiteral("ip: command not found")));
        object.insert(QStringLiteral("resolv_conf"),
                      QJsonObject{{QStringLiteral("content"), QString()},
                                  {QStringLiteral("msg"), QStringLiteral("file not found: /etc/resolv.conf")}});
        const auto host = PreflightReport::parseHostFile(bytes(object), QStringLiteral("node1.json"));
        QVERIFY(host);
        QCOMPARE(host->errors, (QStringList{QStringLiteral("routes6: ip: command not found"),
                                            QStringLiteral("/etc/resolv.conf: file not found: /etc/resolv.conf")}));
        QCOMPARE(host->routes.size(), 4);
    }

    void badInputNamesFileAndField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QJsonObject object = resultsFile();
        QTest::newRow("not JSON") << QByteArray("{\n  \"format\": 1,\n  oops\n}") << QStringLiteral("node1.json:3:");
        QTest::newRow("a list") << QByteArray("[]") << QStringLiteral("node1.json: a preflight results file");
        object = resultsFile();
        object.insert(QStringLiteral("format"), 2);
        QTest::newRow("format 2") << bytes(object) << QStringLiteral("node1.json: format: unknown format");
        object = resultsFile();
        object.remove(QStringLiteral("host"));
        QTest::newRow("no host") << bytes(object) << QStringLiteral("node1.json: host: ");
        object = resultsFile();
        object.insert(QStringLiteral("addresses"), step("not json"));
        QTest::newRow("ip output garbage")
            << bytes(object) << QStringLiteral("node1.json: addresses.stdout: ip -j address show");
        object = resultsFile();
        object.insert(QStringLiteral("routes4"), step(R"([{"dst":"10.0.0.0/33","dev":"eth0"}])"));
        QTest::newRow("bad route") << bytes(object) << QStringLiteral("node1.json: routes4.stdout: ");
        object = resultsFile();
        object.insert(QStringLiteral("resolv_conf"), QJsonObject{{QStringLiteral("content"), QStringLiteral("!!")}});
        QTest::newRow("resolv.conf not base64") << bytes(object) << QStringLiteral("node1.json: resolv_conf.content: ");
        object = resultsFile();
        QJsonObject probe = object.value(QStringLiteral("probe")).toObject();
        QJsonArray registries = probe.value(QStringLiteral("registries")).toArray();
        QJsonObject registry = registries.at(0).toObject();
        registry.insert(QStringLiteral("status"), QStringLiteral("200"));
        registries.replace(0, registry);
        probe.insert(QStringLiteral("registries"), registries);
        object.insert(QStringLiteral("probe"), probe);
        QTest::newRow("status as text") << bytes(object) << QStringLiteral("node1.json: probe.registries[0]: expected");
        object = resultsFile();
        probe = object.value(QStringLiteral("probe")).toObject();
        QJsonArray dns = probe.value(QStringLiteral("dns")).toArray();
        QJsonObject answer = dns.at(1).toObject();
        answer.remove(QStringLiteral("server"));
        dns.replace(1, answer);
        probe.insert(QStringLiteral("dns"), dns);
        object.insert(QStringLiteral("probe"), probe);
        QTest::newRow("answer without server") << bytes(object) << QStringLiteral("node1.json: probe.dns[1]: expected");
    }

    void badInputNamesFileAndField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto host = PreflightReport::parseHostFile(json, QStringLiteral("node1.json"));
        QVERIFY(!host);
        QVERIFY2(host.error().toString().startsWith(expected), qPrintable(host.error().toString()));
    }

    void readFolderSortsHosts() {
        QTemporaryDir dir;
        QJsonObject second = resultsFile();
        second.insert(QStringLiteral("host"), QStringLiteral("node0"));
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("node1.json")), bytes(resultsFile())));
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("node0.json")), bytes(second)));
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("notes.txt")), "ignored"));
        const auto report = PreflightReport::readFolder(dir.path());
        QVERIFY(report);
        QCOMPARE(report->hosts.size(), 2);
        QCOMPARE(report->hosts.at(0).name, QStringLiteral("node0"));
        QVERIFY(report->host(QStringLiteral("node1")));
        QVERIFY(!report->host(QStringLiteral("node2")));

        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("node2.json")), "{"));
        const auto broken = PreflightReport::readFolder(dir.path());
        QVERIFY(!broken);
        QVERIFY(broken.error().toString().contains(u"node2.json"));
        QVERIFY(!PreflightReport::readFolder(dir.filePath(QStringLiteral("missing"))));
    }
};

QTEST_GUILESS_MAIN(TestPreflightReport)
#include "TestPreflightReport.moc"
