// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// Diagnosis::diagnose on the words real clients print: containerd, Docker and CRI-O pull errors, busybox, GNU and
// curl downloads, Go, glibc, musl, Python, Java and Node.js resolvers. Rows are named after what happened.
#include "verify/Diagnosis.h"

#include <QObject>
#include <QTest>

using namespace ksw;
// The topic a diagnosis points at, or none.
using Page = std::optional<Topic>;
namespace Pages {
const Page None;
const Page Registries = Topic::Registries;
const Page Dns = Topic::Dns;
const Page Ranges = Topic::Ranges;
} // namespace Pages

namespace {

Cidr cidr(const char *text) {
    return *Cidr::parse(QString::fromLatin1(text)).cidr;
}

/// Kubespray's default pod and service ranges (the scenario's).
QList<Cidr> kubesprayRanges() {
    return {cidr("10.233.64.0/18"), cidr("10.233.0.0/18")};
}

const QString kScenarioPull =
    QStringLiteral("Failed to pull image \"docker-registry.hideichi.as.a.service.com/someapp:latest\": rpc error: "
                   "code = Unknown desc = failed to pull and unpack image "
                   "\"docker-registry.hideichi.as.a.service.com/someapp:latest\": failed to resolve reference "
                   "\"docker-registry.hideichi.as.a.service.com/someapp:latest\": failed to do request: Head "
                   "\"https://docker-registry.hideichi.as.a.service.com/v2/someapp/manifests/latest\": http: server "
                   "gave HTTP response to HTTPS client");

} // namespace

Q_DECLARE_METATYPE(std::optional<ksw::Topic>)

class TestDiagnosis : public QObject {
    Q_OBJECT

private slots:
    void diagnose_data();
    void diagnose();
    void evidenceIsTheVerbatimLine();
    void registriesComeBeforeDns();
    void rangesComeBeforeDns();
    void dnsServerInTheServiceRangeIsStillDns();
    void noRangesGiven_timeoutIsNotRanges();
    void nothingToRead_isEmpty();
    void unknownFailure_showsTheErrorLines();
    void recognisedButNoPage_hasAHint_data();
    void recognisedButNoPage_hasAHint();
    void pageNames();
};

void TestDiagnosis::diagnose_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Page>("page");
    QTest::addColumn<QString>("subject");

    // ---- Registries: HTTPS asked of a registry that answers HTTP, or a certificate nobody vouches for.
    QTest::newRow("scenario: containerd pull, HTTP-only registry")
        << kScenarioPull << Pages::Registries << QStringLiteral("docker-registry.hideichi.as.a.service.com");
    QTest::newRow("containerd waiting message without the rpc prefix")
        << QStringLiteral("failed to pull and unpack image \"registry.corp.local:5000/app:1\": failed to resolve "
                          "reference \"registry.corp.local:5000/app:1\": failed to do request: Head "
                          "\"https://registry.corp.local:5000/v2/app/manifests/1\": http: server gave HTTP response to "
                          "HTTPS client")
        << Pages::Registries << QStringLiteral("registry.corp.local:5000");
    QTest::newRow("docker daemon, registry by address inside the pod range")
        << QStringLiteral("Error response from daemon: Get \"https://10.233.90.120:5000/v2/\": http: server gave HTTP "
                          "response to HTTPS client")
        << Pages::Registries << QStringLiteral("10.233.90.120:5000");
    QTest::newRow("cri-o pinging the registry")
        << QStringLiteral("initializing source docker://registry.corp.local:5000/app:1: pinging container registry "
                          "registry.corp.local:5000: Get \"https://registry.corp.local:5000/v2/\": http: server gave "
                          "HTTP response to HTTPS client")
        << Pages::Registries << QStringLiteral("registry.corp.local:5000");
    QTest::newRow("TLS handshake answered in plain HTTP")
        << QStringLiteral("failed to do request: Head \"https://registry.corp.local/v2/app/manifests/1\": tls: first "
                          "record does not look like a TLS handshake")
        << Pages::Registries << QStringLiteral("registry.corp.local");
    QTest::newRow("pull: certificate signed by unknown authority")
        << QStringLiteral("Failed to pull image \"registry.corp.local/app:1\": rpc error: code = Unknown desc = failed "
                          "to pull and unpack image \"registry.corp.local/app:1\": failed to resolve reference "
                          "\"registry.corp.local/app:1\": failed to do request: Head "
                          "\"https://registry.corp.local/v2/app/manifests/1\": tls: failed to verify certificate: "
                          "x509: certificate signed by unknown authority")
        << Pages::Registries << QStringLiteral("registry.corp.local");
    QTest::newRow("pull: older Go certificate wording")
        << QStringLiteral("Error: ErrImagePull: failed to do request: Head "
                          "\"https://registry.corp.local/v2/app/manifests/1\": x509: certificate signed by unknown "
                          "authority")
        << Pages::Registries << QStringLiteral("registry.corp.local");

    // ---- Ranges: a connection to an address of the cluster's own ranges found nobody.
    QTest::newRow("scenario: Go client times out on the registry's address")
        << QStringLiteral("dial tcp 10.233.90.120:80: i/o timeout") << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("Go client, full request line")
        << QStringLiteral("Get \"http://10.233.90.120/v2/_catalog\": dial tcp 10.233.90.120:80: i/o timeout")
        << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("containerd pull times out on the address (the node side)")
        << QStringLiteral("failed to do request: Head "
                          "\"https://docker-registry.hideichi.as.a.service.com/v2/someapp/manifests/latest\": dial tcp "
                          "10.233.90.120:443: i/o timeout")
        << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("busybox wget: connection timed out")
        << QStringLiteral("wget: can't connect to remote host (10.233.90.120): Connection timed out") << Pages::Ranges
        << QStringLiteral("10.233.90.120");
    QTest::newRow("curl 28: timed out")
        << QStringLiteral("curl: (28) Failed to connect to 10.233.90.120 port 80 after 129502 ms: Connection timed out")
        << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("curl 7: no route to host in the service range")
        << QStringLiteral("curl: (7) Failed to connect to 10.233.10.5 port 443: No route to host") << Pages::Ranges
        << QStringLiteral("10.233.10.5");
    QTest::newRow("read timed out: the pod's own end is not the subject")
        << QStringLiteral("read tcp 10.233.102.131:43210->10.233.90.120:5000: read: connection timed out")
        << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("netcat: timed out") << QStringLiteral("nc: 10.233.90.120 (10.233.90.120:80): Connection timed out")
                                       << Pages::Ranges << QStringLiteral("10.233.90.120");
    QTest::newRow("connect: connection refused inside the range")
        << QStringLiteral("dial tcp 10.233.90.120:5000: connect: connection refused") << Pages::Ranges
        << QStringLiteral("10.233.90.120");
    QTest::newRow("context deadline exceeded")
        << QStringLiteral("Get \"http://10.233.90.120:5000/v2/\": context deadline exceeded (Client.Timeout exceeded "
                          "while awaiting headers)")
        << Pages::Ranges << QStringLiteral("10.233.90.120");

    // ---- DNS: a name nobody could resolve.
    QTest::newRow("scenario: busybox wget bad address")
        << QStringLiteral("wget: bad address 'coredns.hideichi.as.a.service.com'") << Pages::Dns
        << QStringLiteral("coredns.hideichi.as.a.service.com");
    QTest::newRow("node pull: Go lookup, no such host")
        << QStringLiteral("failed to do request: Head \"https://docker-registry.x.com/v2/a/manifests/latest\": dial "
                          "tcp: lookup docker-registry.x.com on 10.0.0.1:53: no such host")
        << Pages::Dns << QStringLiteral("docker-registry.x.com");
    QTest::newRow("Go lookup without a server") << QStringLiteral("dial tcp: lookup coredns.x.com: no such host")
                                                << Pages::Dns << QStringLiteral("coredns.x.com");
    QTest::newRow("Go lookup: server misbehaving")
        << QStringLiteral("dial tcp: lookup registry.x.com on 127.0.0.53:53: server misbehaving") << Pages::Dns
        << QStringLiteral("registry.x.com");
    QTest::newRow("curl 6") << QStringLiteral("curl: (6) Could not resolve host: coredns.hideichi.as.a.service.com")
                            << Pages::Dns << QStringLiteral("coredns.hideichi.as.a.service.com");
    QTest::newRow("glibc ping: temporary failure")
        << QStringLiteral("ping: coredns.hideichi.as.a.service.com: Temporary failure in name resolution") << Pages::Dns
        << QStringLiteral("coredns.hideichi.as.a.service.com");
    QTest::newRow("glibc: name or service not known")
        << QStringLiteral("getent: coredns.x.com: Name or service not known") << Pages::Dns
        << QStringLiteral("coredns.x.com");
    QTest::newRow("busybox nslookup") << QStringLiteral("nslookup: can't resolve 'coredns.hideichi.as.a.service.com'")
                                      << Pages::Dns << QStringLiteral("coredns.hideichi.as.a.service.com");
    QTest::newRow("bind nslookup NXDOMAIN") << QStringLiteral("** server can't find coredns.x.com: NXDOMAIN")
                                            << Pages::Dns << QStringLiteral("coredns.x.com");
    QTest::newRow("GNU wget") << QStringLiteral("wget: unable to resolve host address 'coredns.x.com'") << Pages::Dns
                              << QStringLiteral("coredns.x.com");
    QTest::newRow("ssh hostname") << QStringLiteral(
                                         "ssh: Could not resolve hostname git.corp.local: Name or service not known")
                                  << Pages::Dns << QStringLiteral("git.corp.local");
    QTest::newRow("iputils unknown host")
        << QStringLiteral("ping: unknown host coredns.x.com") << Pages::Dns << QStringLiteral("coredns.x.com");
    QTest::newRow("Python gaierror, no name")
        << QStringLiteral("socket.gaierror: [Errno -2] Name or service not known") << Pages::Dns << QString();
    QTest::newRow("Python gaierror, temporary")
        << QStringLiteral("socket.gaierror: [Errno -3] Temporary failure in name resolution") << Pages::Dns
        << QString();
    QTest::newRow("Java") << QStringLiteral("java.net.UnknownHostException: coredns.x.com: Name or service not known")
                          << Pages::Dns << QStringLiteral("coredns.x.com");
    QTest::newRow("Node.js") << QStringLiteral("Error: getaddrinfo ENOTFOUND coredns.x.com") << Pages::Dns
                             << QStringLiteral("coredns.x.com");
    QTest::newRow("musl") << QStringLiteral("wget: coredns.x.com: Name does not resolve") << Pages::Dns
                          << QStringLiteral("coredns.x.com");
    QTest::newRow("dig: no servers") << QStringLiteral(";; connection timed out; no servers could be reached")
                                     << Pages::Dns << QString();

    // ---- Nothing a page fixes.
    QTest::newRow("time-out outside every range")
        << QStringLiteral("dial tcp 192.0.2.10:80: i/o timeout") << Pages::None << QString();
    QTest::newRow("'failed to resolve reference' is no DNS failure")
        << QStringLiteral("failed to pull and unpack image \"registry.x.com/app:1\": failed to resolve reference "
                          "\"registry.x.com/app:1\": registry.x.com/app:1: not found")
        << Pages::None << QString();
    QTest::newRow("credentials")
        << QStringLiteral("failed to resolve reference \"registry.x.com/app:1\": pull access denied, repository does "
                          "not exist or may require authorization: server message: insufficient_scope: "
                          "authorization failed")
        << Pages::None << QString();
    QTest::newRow("plain failure") << QStringLiteral("Error: the program gave up") << Pages::None << QString();
    QTest::newRow("a setting named timeout beside the pod's own address")
        << QStringLiteral("listening on 10.233.102.131:8080 (read timeout=30s)") << Pages::None << QString();
    QTest::newRow("address in a log line that is no failure")
        << QStringLiteral("Connecting to docker-registry.hideichi.as.a.service.com (10.233.90.120:80)") << Pages::None
        << QString();
}

void TestDiagnosis::diagnose() {
    QFETCH(QString, text);
    QFETCH(Page, page);
    QFETCH(QString, subject);
    const Diagnosis diagnosis = Diagnosis::diagnose({text}, kubesprayRanges());
    QCOMPARE(diagnosis.topic, page);
    QVERIFY(!diagnosis.summary.isEmpty());
    if (page != Pages::None) {
        QCOMPARE(diagnosis.subject, subject);
        QCOMPARE(diagnosis.evidence, text);
        const char *pageWords = page == Pages::Registries ? "Registries page"
                                : page == Pages::Dns      ? "DNS page"
                                                          : "Address ranges page";
        QVERIFY2(diagnosis.summary.contains(QLatin1String(pageWords)), qPrintable(diagnosis.summary));
        if (!subject.isEmpty())
            QVERIFY2(diagnosis.summary.contains(subject), qPrintable(diagnosis.summary));
    } else {
        QVERIFY(diagnosis.subject.isEmpty());
        QVERIFY2(diagnosis.evidence.contains(text) || text.contains(diagnosis.evidence),
                 qPrintable(diagnosis.evidence));
    }
    if (page == Pages::Ranges)
        QVERIFY(kubesprayRanges().contains(cidr(diagnosis.range.toLatin1().constData())));
}

void TestDiagnosis::evidenceIsTheVerbatimLine() {
    const QString log = QStringLiteral("starting\r\n"
                                       "Connecting to docker-registry.hideichi.as.a.service.com (10.233.90.120:80)\n"
                                       "   wget: bad address 'coredns.hideichi.as.a.service.com'   \n"
                                       "done\n");
    const Diagnosis diagnosis = Diagnosis::diagnose(
        {QStringLiteral("Normal Started: Started container verify"), QString(), log}, kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::Dns);
    QCOMPARE(diagnosis.evidence, QStringLiteral("wget: bad address 'coredns.hideichi.as.a.service.com'"));
}

void TestDiagnosis::registriesComeBeforeDns() {
    // The pull failed on HTTP; a later line of something else failed on a name. The pull is the first thing to fix.
    const Diagnosis diagnosis = Diagnosis::diagnose(
        {QStringLiteral("nslookup: can't resolve 'coredns.hideichi.as.a.service.com'"), kScenarioPull},
        kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::Registries);
    QCOMPARE(diagnosis.evidence, kScenarioPull);
}

void TestDiagnosis::rangesComeBeforeDns() {
    const Diagnosis diagnosis = Diagnosis::diagnose({QStringLiteral("wget: bad address 'coredns.x.com'\n"
                                                                    "dial tcp 10.233.90.120:80: i/o timeout")},
                                                    kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::Ranges);
    QCOMPARE(diagnosis.range, QStringLiteral("10.233.64.0/18"));
}

void TestDiagnosis::dnsServerInTheServiceRangeIsStillDns() {
    // The cluster's DNS lives at an address of the service range by design: its time-out is a DNS matter.
    const QString line = QStringLiteral("dial tcp: lookup coredns.x.com on 10.233.0.3:53: read udp "
                                        "10.233.102.131:41234->10.233.0.3:53: i/o timeout");
    const Diagnosis diagnosis = Diagnosis::diagnose({line}, kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::Dns);
    QCOMPARE(diagnosis.subject, QStringLiteral("coredns.x.com"));
    QVERIFY(diagnosis.summary.contains(QStringLiteral("10.233.0.3")));
    QCOMPARE(diagnosis.evidence, line);
}

void TestDiagnosis::noRangesGiven_timeoutIsNotRanges() {
    const Diagnosis diagnosis = Diagnosis::diagnose({QStringLiteral("dial tcp 10.233.90.120:80: i/o timeout")}, {});
    QCOMPARE(diagnosis.topic, Pages::None);
    QVERIFY(diagnosis.summary.contains(QStringLiteral("10.233.90.120")));
}

void TestDiagnosis::nothingToRead_isEmpty() {
    for (const QStringList &texts : {QStringList(), QStringList{QString(), QStringLiteral("  \n\n")}}) {
        const Diagnosis diagnosis = Diagnosis::diagnose(texts, kubesprayRanges());
        QCOMPARE(diagnosis.topic, Pages::None);
        QVERIFY(diagnosis.summary.isEmpty());
        QVERIFY(diagnosis.evidence.isEmpty());
    }
}

void TestDiagnosis::unknownFailure_showsTheErrorLines() {
    const Diagnosis diagnosis =
        Diagnosis::diagnose({QStringLiteral("Normal Scheduled: Successfully assigned default/x to node1"),
                             QStringLiteral("Warning FailedMount: MountVolume.SetUp failed for volume \"data\""),
                             QStringLiteral("line one\nline two\nError: something odd\n")},
                            kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::None);
    QCOMPARE(diagnosis.evidence, QStringLiteral("Warning FailedMount: MountVolume.SetUp failed for volume \"data\"\n"
                                                "Error: something odd"));
    QVERIFY(!diagnosis.summary.isEmpty());

    // Nothing that looks like an error: the last lines, as they are.
    const Diagnosis quiet = Diagnosis::diagnose({QStringLiteral("a\nb\nc\nd\ne\nf\ng")}, {});
    QCOMPARE(quiet.evidence, QStringLiteral("c\nd\ne\nf\ng"));
}

void TestDiagnosis::recognisedButNoPage_hasAHint_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint");
    QTest::newRow("credentials")
        << QStringLiteral("Failed to pull image \"registry.x.com/app:1\": pull access denied, repository does not "
                          "exist or may require authorization: authorization failed")
        << QStringLiteral("credentials");
    QTest::newRow("401") << QStringLiteral("failed to do request: Head \"https://registry.x.com/v2/app/manifests/1\": "
                                           "401 Unauthorized")
                         << QStringLiteral("credentials");
    QTest::newRow("manifest unknown")
        << QStringLiteral("failed to pull and unpack image \"registry.x.com/app:1\": failed to resolve reference "
                          "\"registry.x.com/app:1\": registry.x.com/app:1: not found")
        << QStringLiteral("no image of that name");
    QTest::newRow("outside the ranges") << QStringLiteral("curl: (28) Failed to connect to 192.0.2.7 port 80: "
                                                          "Connection timed out")
                                        << QStringLiteral("192.0.2.7");
}

void TestDiagnosis::recognisedButNoPage_hasAHint() {
    QFETCH(QString, text);
    QFETCH(QString, hint);
    const Diagnosis diagnosis = Diagnosis::diagnose({text}, kubesprayRanges());
    QCOMPARE(diagnosis.topic, Pages::None);
    QVERIFY2(diagnosis.summary.contains(hint), qPrintable(diagnosis.summary));
    QCOMPARE(diagnosis.evidence, text);
}

void TestDiagnosis::pageNames() {
    // Stable names for JSON (verify --json's diagnosis.page), one per topic, and back.
    for (const Topic topic :
         {Topic::Ranges, Topic::Registries, Topic::Dns, Topic::Nodes, Topic::Inventory, Topic::Access})
        QCOMPARE(topicFromKey(topicKey(topic)), std::optional<Topic>(topic));
    QCOMPARE(topicKey(Topic::Registries), QStringLiteral("registries"));
    QCOMPARE(topicKey(Topic::Dns), QStringLiteral("dns"));
    QCOMPARE(topicKey(Topic::Ranges), QStringLiteral("ranges"));
    QVERIFY(!topicFromKey(QStringLiteral("none")));
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "TestDiagnosis.moc"
