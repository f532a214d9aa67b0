// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "site/SiteProfile.h"

#include "TestSupport.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

const QString demoProfile = u"resources/demo/site.yaml"_s;

/// "host scheme service" per registry, for one-line comparisons.
QStringList describe(const QList<SiteProfile::Registry> &registries) {
    QStringList lines;
    for (const SiteProfile::Registry &registry : registries)
        lines.append(registry.host + u' ' + SiteProfile::schemeName(registry.scheme) + u' ' + registry.serviceName);
    return lines;
}

} // namespace

class TestSiteProfile : public QObject {
    Q_OBJECT

private slots:
    void demo();
    void docExampleIsTheDemo();
    void registries_data();
    void registries();
    void registryOfImage_data();
    void registryOfImage();
    void registryHost_data();
    void registryHost();
    void accepted_data();
    void accepted();
    void errors_data();
    void errors();
    void loadErrors();
    void registryTrust_data();
    void registryTrust();
    void registryTrustRoundTrip();
};

void TestSiteProfile::demo() {
    const QString path = test::sourcePath(demoProfile);
    const auto profile = SiteProfile::load(path);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().toString()));
    QCOMPARE(profile->path(), path);
    QVERIFY(!profile->isEmpty());

    // The scenario's company network (SCENARIO.md).
    QCOMPARE(profile->services().size(), 2);
    const SiteProfile::Service &dns = profile->services().at(0);
    QCOMPARE(dns.name, u"CoreDNS"_s);
    QCOMPARE(dns.address.toString(), u"10.244.10.130"_s);
    QCOMPARE(dns.domains, QStringList{u"coredns.hideichi.as.a.service.com"_s});
    QCOMPARE(dns.role, SiteProfile::Role::Dns);
    QCOMPARE(dns.scheme, SiteProfile::Scheme::Unknown);
    QCOMPARE(dns.port, 0);
    QCOMPARE(dns.line, 4);

    const SiteProfile::Service &registry = profile->services().at(1);
    QCOMPARE(registry.name, u"Docker Registry"_s);
    QCOMPARE(registry.address.toString(), u"10.233.90.120"_s);
    QCOMPARE(registry.domains, QStringList{u"docker-registry.hideichi.as.a.service.com"_s});
    QCOMPARE(registry.role, SiteProfile::Role::Registry);
    QCOMPARE(registry.scheme, SiteProfile::Scheme::Http);
    QCOMPARE(registry.port, 0);
    QCOMPARE(registry.line, 8);

    QVERIFY(profile->zones().isEmpty());
    QVERIFY(profile->networks().isEmpty());
    QCOMPARE(profile->verificationImage(), u"docker-registry.hideichi.as.a.service.com/someapp:latest"_s);

    QCOMPARE(profile->dnsServers().size(), 1);
    QCOMPARE(profile->dnsServers().first().name, u"CoreDNS"_s);
    // The verification image is on the registry service: listed once, with the service's scheme.
    QCOMPARE(describe(profile->registries()),
             QStringList{u"docker-registry.hideichi.as.a.service.com http Docker Registry"_s});
}

void TestSiteProfile::docExampleIsTheDemo() {
    // docs/site-profile.md shows the demo profile as its example: they must not drift apart.
    const QByteArray doc = test::readAll(test::sourcePath(u"docs/site-profile.md"_s));
    const QByteArray demo = test::readAll(test::sourcePath(demoProfile));
    QVERIFY(!demo.isEmpty());
    QVERIFY2(doc.contains("```yaml\n" + demo + "```"),
             "the example in docs/site-profile.md is not resources/demo/site.yaml");
}

void TestSiteProfile::registries_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    const QByteArray registry = "services:\n"
                                "  - {name: Registry, address: 10.233.90.120, role: registry, scheme: http,\n"
                                "     domains: [docker-registry.hideichi.as.a.service.com]}\n"
                                "  - {name: CoreDNS, address: 10.244.10.130, role: dns}\n";
    const QString scenario = u"docker-registry.hideichi.as.a.service.com http Registry"_s;

    QTest::newRow("verification image on the registry service")
        << registry + "verification: {image: docker-registry.hideichi.as.a.service.com/someapp:latest}\n"
        << QStringList{scenario};
    QTest::newRow("verification image spelt in capitals")
        << registry + "verification: {image: Docker-Registry.Hideichi.as.a.service.com/someapp:latest}\n"
        << QStringList{scenario};
    QTest::newRow("verification image on another registry")
        << registry + "verification: {image: reg.example.com:5000/team/app:1.0}\n"
        << QStringList{scenario, u"reg.example.com:5000 unknown "_s};
    QTest::newRow("verification image from Docker Hub") << registry + "verification: {image: nginx:latest}\n"
                                                        << QStringList{scenario};
    QTest::newRow("verification image from localhost")
        << QByteArray("verification: {image: localhost:5000/x}\n") << QStringList{u"localhost:5000 unknown "_s};
    QTest::newRow("no registry service, no image") << QByteArray("services: []\n") << QStringList{};
    QTest::newRow("two registries in file order")
        << QByteArray("services:\n"
                      "  - {name: Mirror, address: 10.0.0.5, role: registry, scheme: https, domains: [mirror.corp]}\n"
                      "  - {name: Builds, address: 10.0.0.6, role: registry, port: 5000}\n")
        << QStringList{u"mirror.corp https Mirror"_s, u"10.0.0.6:5000 unknown Builds"_s};
}

void TestSiteProfile::registries() {
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const auto profile = SiteProfile::parse(yaml, u"site.yaml"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().toString()));
    QCOMPARE(describe(profile->registries()), expected);
}

void TestSiteProfile::registryOfImage_data() {
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("registry");

    QTest::newRow("scenario's job image") << u"docker-registry.hideichi.as.a.service.com/someapp:latest"_s
                                          << u"docker-registry.hideichi.as.a.service.com"_s;
    QTest::newRow("nginx:latest") << u"nginx:latest"_s << u"docker.io"_s;
    QTest::newRow("library/nginx") << u"library/nginx"_s << u"docker.io"_s;
    QTest::newRow("user/app:tag on Docker Hub") << u"someuser/app:1.0"_s << u"docker.io"_s;
    QTest::newRow("docker.io spelt out") << u"docker.io/library/nginx"_s << u"docker.io"_s;
    QTest::newRow("digest") << u"nginx@sha256:0123456789abcdef"_s << u"docker.io"_s;
    QTest::newRow("localhost:5000/x") << u"localhost:5000/x"_s << u"localhost:5000"_s;
    QTest::newRow("localhost without port") << u"localhost/x"_s << u"localhost"_s;
    QTest::newRow("reg.example.com/a/b:tag") << u"reg.example.com/a/b:tag"_s << u"reg.example.com"_s;
    QTest::newRow("address and port") << u"10.233.90.120:5000/someapp"_s << u"10.233.90.120:5000"_s;
    QTest::newRow("IPv6 literal") << u"[fd00::5]:5000/someapp"_s << u"[fd00::5]:5000"_s;
    QTest::newRow("single-label host with port") << u"registry:5000/app"_s << u"registry:5000"_s;
    QTest::newRow("upper case first component") << u"Registry/app"_s << u"Registry"_s;
}

void TestSiteProfile::registryOfImage() {
    QFETCH(QString, image);
    QFETCH(QString, registry);
    QCOMPARE(SiteProfile::registryOfImage(image), registry);
}

void TestSiteProfile::registryHost_data() {
    QTest::addColumn<QByteArray>("service");
    QTest::addColumn<QString>("host");

    QTest::newRow("first domain") << QByteArray(
                                         "{name: R, address: 10.0.0.1, role: registry, domains: [a.corp, b.corp]}")
                                  << u"a.corp"_s;
    QTest::newRow("domain and port")
        << QByteArray("{name: R, address: 10.0.0.1, role: registry, domains: [a.corp], port: 5000}")
        << u"a.corp:5000"_s;
    QTest::newRow("address only") << QByteArray("{name: R, address: 10.0.0.1, role: registry}") << u"10.0.0.1"_s;
    QTest::newRow("IPv6 address and port")
        << QByteArray("{name: R, address: 'fd00::5', role: registry, port: 5000}") << u"[fd00::5]:5000"_s;
}

void TestSiteProfile::registryHost() {
    QFETCH(QByteArray, service);
    QFETCH(QString, host);

    const auto profile = SiteProfile::parse("services:\n  - " + service + "\n", u"site.yaml"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().toString()));
    QCOMPARE(SiteProfile::registryHost(profile->services().first()), host);
}

void TestSiteProfile::accepted_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("zones");
    QTest::addColumn<QStringList>("networks"); // "name=cidr"

    QTest::newRow("empty file") << QByteArray() << QStringList{} << QStringList{};
    QTest::newRow("comments only") << QByteArray("# nothing yet\n") << QStringList{} << QStringList{};
    QTest::newRow("without version (version 1)")
        << QByteArray("services:\n  - {name: CoreDNS, address: 10.244.10.130, role: dns}\n") << QStringList{}
        << QStringList{};
    QTest::newRow("version as quoted text") << QByteArray("version: \"1\"\n") << QStringList{} << QStringList{};
    QTest::newRow("empty sections") << QByteArray("version: 1\nservices:\nzones:\nnetworks:\nverification:\n")
                                    << QStringList{} << QStringList{};
    QTest::newRow("zone with trailing dot")
        << QByteArray("services: [{name: CoreDNS, address: 10.244.10.130, role: dns}]\n"
                      "zones: [hideichi.as.a.service.com., corp.example]\n")
        << QStringList{u"hideichi.as.a.service.com"_s, u"corp.example"_s} << QStringList{};
    QTest::newRow("networks, named and short form")
        << QByteArray("networks:\n  - {name: Office LAN, cidr: 10.10.0.0/16}\n  - 192.168.56.0/24\n"
                      "  - name: VPN\n    cidr: fd00:10::/64\n")
        << QStringList{}
        << QStringList{u"Office LAN=10.10.0.0/16"_s, u"192.168.56.0/24=192.168.56.0/24"_s, u"VPN=fd00:10::/64"_s};
    QTest::newRow("explicit defaults")
        << QByteArray("services:\n  - {name: Box, address: 10.0.0.9, role: other, domains: []}\n"
                      "  - {name: Reg, address: 10.0.0.8, role: registry, scheme: unknown}\n")
        << QStringList{} << QStringList{};
}

void TestSiteProfile::accepted() {
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, zones);
    QFETCH(QStringList, networks);

    const auto profile = SiteProfile::parse(yaml, u"site.yaml"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().toString()));
    QCOMPARE(profile->zones(), zones);
    QStringList found;
    for (const SiteProfile::Network &network : profile->networks())
        found.append(network.name + u'=' + network.range.toString());
    QCOMPARE(found, networks);
}

void TestSiteProfile::errors_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // part of the message

    const QByteArray registry = "services:\n  - name: Registry\n    address: 10.233.90.120\n";
    const QByteArray dns = "services:\n  - {name: CoreDNS, address: 10.244.10.130, role: dns}\n";

    // Syntax and shape of the file.
    QTest::newRow("not YAML") << QByteArray("version: 1\nservices: [\n") << 3 << -1 << QString() << u"not valid YAML"_s;
    QTest::newRow("top level is a list") << QByteArray("- CoreDNS\n") << 1 << 1 << QString() << u"mapping"_s;
    QTest::newRow("unknown top-level key with a hint")
        << QByteArray("version: 1\nservics: []\n") << 2 << 1 << u"servics"_s << u"Did you mean “services”?"_s;
    QTest::newRow("unknown top-level key without a hint")
        << QByteArray("version: 1\nfirewall: on\n") << 2 << 1 << u"firewall"_s << u"site profile has version"_s;

    // version
    QTest::newRow("wrong version, newer")
        << QByteArray("version: 2\n") << 1 << 10 << u"version"_s << u"Version 2 is newer"_s;
    QTest::newRow("wrong version, zero") << QByteArray("version: 0\n") << 1 << 10 << u"version"_s << u"no version 0"_s;
    QTest::newRow("wrong version, not a number")
        << QByteArray("version: one\n") << 1 << 10 << u"version"_s << u"whole number"_s;
    QTest::newRow("wrong version, empty")
        << QByteArray("version:\nservices: []\n") << 1 << 1 << u"version"_s << u"whole number"_s;

    // services
    QTest::newRow("services not a list") << QByteArray("services: {name: CoreDNS}\n") << 1 << 11 << u"services"_s
                                         << u"list of services"_s;
    QTest::newRow("service not a mapping")
        << QByteArray("services:\n  - CoreDNS\n") << 2 << 5 << u"services[0]"_s << u"mapping"_s;
    QTest::newRow("unknown key in a service with a hint")
        << QByteArray("services:\n  - name: Registry\n    adress: 10.233.90.120\n") << 3 << 5 << u"services[0].adress"_s
        << u"Did you mean “address”?"_s;
    QTest::newRow("missing name") << QByteArray("services:\n  - address: 10.0.0.1\n") << 2 << 5 << u"services[0].name"_s
                                  << u"needs a name"_s;
    QTest::newRow("name is a list") << QByteArray("services:\n  - name: [a, b]\n    address: 10.0.0.1\n") << 2 << 11
                                    << u"services[0].name"_s << u"single value"_s;
    QTest::newRow("name used twice") << dns + "  - {name: CoreDNS, address: 10.244.10.131, role: dns}\n"
                                     << 3 << 12 << u"services[1].name"_s << u"already called “CoreDNS”"_s;
    QTest::newRow("bad address") << QByteArray(
                                        "version: 1\nservices:\n  - name: Registry\n    address: 10.233.90.300\n")
                                 << 4 << 14 << u"services[0].address"_s << u"“10.233.90.300” is not an IPv4"_s;
    QTest::newRow("address with a prefix length")
        << QByteArray("services:\n  - name: Registry\n    address: 10.233.90.120/32\n") << 3 << 14
        << u"services[0].address"_s << u"is not an IPv4 or IPv6 address"_s;
    QTest::newRow("address missing") << QByteArray("services:\n  - name: Registry\n    role: registry\n") << 2 << 5
                                     << u"services[0].address"_s << u"needs an address"_s;
    QTest::newRow("address empty") << QByteArray("services:\n  - name: Registry\n    address:\n") << 3 << 5
                                   << u"services[0].address"_s << u"needs an address"_s;
    QTest::newRow("bad domain") << registry + "    domains: [ok.example, -bad.example]\n"
                                << 4 << 27 << u"services[0].domains[1]"_s << u"“-bad.example” is not a domain name"_s;
    QTest::newRow("domains as a single name") << registry + "    domains: reg.example.com\n"
                                              << 4 << 14 << u"services[0].domains"_s << u"write [reg.example.com]"_s;
    QTest::newRow("domains as a mapping") << registry + "    domains: {a: b}\n"
                                          << 4 << 14 << u"services[0].domains"_s << u"list of names"_s;
    QTest::newRow("bad role") << registry + "    role: mirror\n"
                              << 4 << 11 << u"services[0].role"_s << u"dns, registry or other, not “mirror”"_s;
    QTest::newRow("role is a list") << registry + "    role: [dns]\n"
                                    << 4 << 11 << u"services[0].role"_s << u"single value"_s;
    QTest::newRow("bad scheme") << registry + "    role: registry\n    scheme: ftp\n"
                                << 5 << 13 << u"services[0].scheme"_s << u"http, https or unknown, not “ftp”"_s;
    QTest::newRow("scheme on a dns service")
        << registry + "    role: dns\n    scheme: http\n"
        << 5 << 13 << u"services[0].scheme"_s << u"only to a service with role: registry"_s;
    QTest::newRow("scheme without a role")
        << registry + "    scheme: http\n"
        << 4 << 13 << u"services[0].scheme"_s << u"only to a service with role: registry"_s;
    QTest::newRow("bad port") << registry + "    role: registry\n    port: 70000\n"
                              << 5 << 11 << u"services[0].port"_s << u"1 to 65535"_s;
    QTest::newRow("port zero") << registry + "    role: registry\n    port: 0\n"
                               << 5 << 11 << u"services[0].port"_s << u"1 to 65535"_s;
    QTest::newRow("port not a number") << registry + "    role: registry\n    port: http\n"
                                       << 5 << 11 << u"services[0].port"_s << u"1 to 65535"_s;
    // tls
    const QByteArray https = registry + "    role: registry\n    scheme: https\n";
    QTest::newRow("tls misspelt value")
        << https + "    tls: skip\n"
        << 6 << 10 << u"services[0].tls"_s
        << u"tls is verify, skip-verify or {ca-file: PATH} (the CA's file on the nodes), not “skip”"_s;
    QTest::newRow("tls: ca-file without a path")
        << https + "    tls: ca-file\n"
        << 6 << 10 << u"services[0].tls"_s << u"write tls: {ca-file: /etc/ssl/certs/company-ca.pem}"_s;
    QTest::newRow("tls ca-file relative")
        << https + "    tls: {ca-file: certs/ca.pem}\n"
        << 6 << 20 << u"services[0].tls.ca-file"_s << u"“certs/ca.pem” is not an absolute path"_s;
    QTest::newRow("tls ca-file empty") << https + "    tls:\n      ca-file:\n"
                                       << 7 << 7 << u"services[0].tls.ca-file"_s << u"Name the CA's file"_s;
    QTest::newRow("tls ca-file with a quote") << https + "    tls: {ca-file: '/etc/ssl/a\"b.pem'}\n"
                                              << 6 << 20 << u"services[0].tls.ca-file"_s << u"may not contain quotes"_s;
    QTest::newRow("tls unknown key with a hint")
        << https + "    tls: {cafile: /etc/ssl/ca.pem}\n"
        << 6 << 11 << u"services[0].tls.cafile"_s << u"Did you mean “ca-file”?"_s;
    QTest::newRow("tls is a list") << https + "    tls: [skip-verify]\n"
                                   << 6 << 10 << u"services[0].tls"_s << u"tls is verify, skip-verify"_s;
    QTest::newRow("tls with scheme http") << registry + "    role: registry\n    scheme: http\n    tls: skip-verify\n"
                                          << 6 << 10 << u"services[0].tls"_s << u"only with scheme: https"_s;
    QTest::newRow("tls without a scheme") << registry + "    role: registry\n    tls: skip-verify\n"
                                          << 5 << 10 << u"services[0].tls"_s << u"only with scheme: https"_s;
    QTest::newRow("tls on a dns service")
        << registry + "    role: dns\n    tls: verify\n"
        << 5 << 10 << u"services[0].tls"_s << u"only to a service with role: registry"_s;
    QTest::newRow("port on a non-registry")
        << registry + "    role: other\n    port: 8080\n"
        << 5 << 11 << u"services[0].port"_s << u"only to a service with role: registry"_s;

    // zones
    QTest::newRow("bad zone") << dns + "zones: [corp.example, bad_zone!.example]\n"
                              << 3 << 23 << u"zones[1]"_s << u"is not a DNS zone"_s;
    QTest::newRow("zones as a single name") << dns + "zones: corp.example\n"
                                            << 3 << 8 << u"zones"_s << u"write [corp.example]"_s;
    QTest::newRow("zones without a dns service") << registry + "zones: [hideichi.as.a.service.com]\n"
                                                 << 4 << 8 << u"zones"_s << u"role: dns"_s;

    // networks
    QTest::newRow("networks not a list") << QByteArray("networks: 10.10.0.0/16\n") << 1 << 11 << u"networks"_s
                                         << u"list of networks"_s;
    QTest::newRow("bad cidr") << QByteArray("networks:\n  - {name: Office LAN, cidr: 10.10.0.0/33}\n") << 2 << 30
                              << u"networks[0].cidr"_s << u"prefix"_s;
    QTest::newRow("cidr with host bits set")
        << QByteArray("networks:\n  - {name: Office LAN, cidr: 10.10.3.7/16}\n") << 2 << 30 << u"networks[0].cidr"_s
        << u"host bits set: the range it lies in is 10.10.0.0/16"_s;
    QTest::newRow("short form with host bits set")
        << QByteArray("networks: [10.10.3.7/16]\n") << 1 << 12 << u"networks[0].cidr"_s << u"10.10.0.0/16"_s;
    QTest::newRow("cidr that is an address") << QByteArray("networks:\n  - name: VPN\n    cidr: 10.8.0.1\n") << 3 << 11
                                             << u"networks[0].cidr"_s << u"an address, not a range"_s;
    QTest::newRow("cidr missing") << QByteArray("networks:\n  - name: Office LAN\n") << 2 << 5 << u"networks[0].cidr"_s
                                  << u"No address range"_s;
    QTest::newRow("unknown key in a network") << QByteArray("networks: [{name: Office, cidr: 10.10.0.0/16, vlan: 5}]\n")
                                              << 1 << 47 << u"networks[0].vlan"_s << u"name and cidr"_s;
    QTest::newRow("network is a list") << QByteArray("networks:\n  - [10.10.0.0/16]\n") << 2 << 5 << u"networks[0]"_s
                                       << u"mapping with name and cidr"_s;

    // verification
    QTest::newRow("verification not a mapping")
        << QByteArray("verification: nginx:latest\n") << 1 << 15 << u"verification"_s << u"mapping with an image"_s;
    QTest::newRow("verification without image")
        << QByteArray("verification:\n  image: \"\"\n") << 2 << 10 << u"verification.image"_s << u"needs an image"_s;
    QTest::newRow("verification with empty image")
        << QByteArray("verification:\n  image:\n") << 2 << 3 << u"verification.image"_s << u"needs an image"_s;
    QTest::newRow("unknown key in verification with a hint")
        << QByteArray("verification:\n  imag: nginx:latest\n") << 2 << 3 << u"verification.imag"_s
        << u"Did you mean “image”?"_s;
}

void TestSiteProfile::errors() {
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const auto profile = SiteProfile::parse(yaml, u"site.yaml"_s);
    QVERIFY(!profile);
    const Error &error = profile.error();
    QCOMPARE(error.where.file, u"site.yaml"_s);
    QCOMPARE(error.where.line, line);
    if (column < 0)
        QVERIFY(error.where.column > 0);
    else
        QCOMPARE(error.where.column, column);
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    // FILE:LINE:COLUMN: FIELD: MESSAGE, as docs/site-profile.md promises.
    const QString prefix = u"site.yaml:%1:%2: "_s.arg(line).arg(error.where.column);
    QCOMPARE(error.toString(), prefix + (field.isEmpty() ? QString() : field + u": "_s) + error.message);
}

void TestSiteProfile::loadErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"site.yaml"_s);
    const auto absent = SiteProfile::load(missing);
    QVERIFY(!absent);
    QCOMPARE(absent.error().where.file, missing);
    QVERIFY(absent.error().message.contains(u"does not exist"));

    // The path given is the path in the messages.
    QVERIFY(test::writeAll(missing, "version: 1\nservices:\n  - name: Registry\n    address: 10.233.90.300\n"));
    const auto bad = SiteProfile::load(missing);
    QVERIFY(!bad);
    QVERIFY2(bad.error().toString().startsWith(missing + u":4:14: services[0].address: "_s),
             qPrintable(bad.error().toString()));
}

void TestSiteProfile::registryTrust_data() {
    QTest::addColumn<QByteArray>("tls");
    QTest::addColumn<int>("expected"); // SiteProfile::Tls
    QTest::addColumn<QString>("caFile");

    QTest::newRow("no tls (old profiles)") << QByteArray() << int(SiteProfile::Tls::Unstated) << QString();
    QTest::newRow("empty tls") << QByteArray("    tls:\n") << int(SiteProfile::Tls::Unstated) << QString();
    QTest::newRow("verify") << QByteArray("    tls: verify\n") << int(SiteProfile::Tls::Verify) << QString();
    QTest::newRow("skip-verify") << QByteArray("    tls: skip-verify\n") << int(SiteProfile::Tls::SkipVerify)
                                 << QString();
    QTest::newRow("ca-file, flow") << QByteArray("    tls: {ca-file: /etc/ssl/certs/company-ca.pem}\n")
                                   << int(SiteProfile::Tls::CaFile) << u"/etc/ssl/certs/company-ca.pem"_s;
    QTest::newRow("ca-file, block") << QByteArray("    tls:\n      ca-file: \"/etc/pki/ca trust/corp.crt\"\n")
                                    << int(SiteProfile::Tls::CaFile) << u"/etc/pki/ca trust/corp.crt"_s;
}

void TestSiteProfile::registryTrust() {
    QFETCH(QByteArray, tls);
    QFETCH(int, expected);
    QFETCH(QString, caFile);

    const QByteArray yaml = "services:\n"
                            "  - name: Registry\n"
                            "    address: 10.233.90.120\n"
                            "    domains: [registry.corp.example]\n"
                            "    role: registry\n"
                            "    scheme: https\n"
                            "    port: 5000\n" +
                            tls;
    const auto profile = SiteProfile::parse(yaml, u"site.yaml"_s);
    QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().toString()));
    QCOMPARE(int(profile->services().first().tls), expected);
    QCOMPARE(profile->services().first().caFile, caFile);
    const QList<SiteProfile::Registry> registries = profile->registries();
    QCOMPARE(registries.size(), 1);
    QCOMPARE(registries.first().host, u"registry.corp.example:5000"_s);
    QCOMPARE(int(registries.first().tls), expected);
    QCOMPARE(registries.first().caFile, caFile);
    QCOMPARE(registries.first().address, u"10.233.90.120"_s);
    QVERIFY(!registries.first().tlsFromProbe);
}

void TestSiteProfile::registryTrustRoundTrip() {
    // What the wizard writes, parse() reads back unchanged, for every form of tls.
    SiteProfile profile;
    QList<SiteProfile::Service> services;
    const QList<std::pair<SiteProfile::Tls, QString>> forms = {{SiteProfile::Tls::Unstated, {}},
                                                               {SiteProfile::Tls::Verify, {}},
                                                               {SiteProfile::Tls::SkipVerify, {}},
                                                               {SiteProfile::Tls::CaFile, u"/etc/ssl/corp ca.pem"_s}};
    for (const auto &[tls, caFile] : forms) {
        SiteProfile::Service service;
        service.name = u"Registry %1"_s.arg(services.size());
        service.address = *IpAddress::parse(u"10.233.90.12%1"_s.arg(services.size()));
        service.role = SiteProfile::Role::Registry;
        service.scheme = SiteProfile::Scheme::Https;
        service.tls = tls;
        service.caFile = caFile;
        services.append(service);
    }
    profile.setServices(services);
    const QByteArray yaml = profile.toYaml();
    QVERIFY2(yaml.contains("tls: skip-verify\n"), yaml.constData());
    QVERIFY2(yaml.contains("tls: {ca-file: /etc/ssl/corp ca.pem}\n"), yaml.constData());
    const auto back = SiteProfile::parse(yaml, u"site.yaml"_s);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->services().size(), forms.size());
    for (int i = 0; i < forms.size(); ++i) {
        QCOMPARE(back->services().at(i).tls, forms.at(i).first);
        QCOMPARE(back->services().at(i).caFile, forms.at(i).second);
    }
    QCOMPARE(back->toYaml(), yaml);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestSiteProfile)
#include "TestSiteProfile.moc"
