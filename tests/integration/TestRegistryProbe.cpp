// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// RegistryProbe against real servers on loopback: Debian's docker-registry over plain HTTP and over TLS with a
// self-signed certificate (with a busybox image pushed by skopeo), a closed port, and small HTTP servers of this
// test that are no registry at all (404, a redirect, an endless body, a trickle, silence, a 401 challenge).
// Nothing leaves this machine: every address is 127.0.0.0/8 or ::1; the unresolvable name is looked up in a
// network and mount namespace of this test whose resolver knows nothing but /etc/hosts.
#include "RegistryServer.h"
#include "TestSupport.h"

#include "probe/RegistryProbe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include <unistd.h>

using namespace ksw;
using Verdict = RegistryProbe::Verdict;
using Reason = RegistryProbe::UnreachableReason;

namespace {

constexpr int kTimeoutMs = 1500;
constexpr int kMostRequests = 5; // HTTPS, HTTPS again ignoring the certificate or HTTP, catalog, image, + one spare
constexpr auto kNamespaceChild = "KSW_REGISTRY_PROBE_IN_NAMESPACE";

/// A small HTTP/1.1 server of this test on loopback that answers every request the same way. It is not a registry
/// and does not pretend to be one (except `Unauthorized`, which answers as a registry that wants a token would).
class LoopbackHttpServer : public QTcpServer {
public:
    enum class Behaviour {
        NotFound,     ///< 404, as any web server without /v2/
        Redirect,     ///< 302 to `location`
        EndlessBody,  ///< 200 and a body that does not end (until 256 MiB)
        Trickle,      ///< 200 and one byte every 200 ms, forever
        Silent,       ///< accepts and never answers
        Unauthorized, ///< 401 with a Bearer challenge and the registry API header
    };

    explicit LoopbackHttpServer(Behaviour behaviour, QByteArray location = {})
        : m_behaviour(behaviour)
        , m_location(std::move(location)) {
        connect(this, &QTcpServer::newConnection, this, &LoopbackHttpServer::acceptAll);
    }

    bool start(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost)) { return listen(address, 0); }
    QString hostPort() const {
        const QHostAddress address = serverAddress();
        if (address.protocol() == QAbstractSocket::IPv6Protocol)
            return QStringLiteral("[%1]:%2").arg(address.toString()).arg(serverPort());
        return QStringLiteral("%1:%2").arg(address.toString()).arg(serverPort());
    }

    int connections = 0;
    QList<QByteArray> requestLines; ///< "GET /v2/ HTTP/1.1", or "(TLS)" for a TLS ClientHello

private:
    void acceptAll() {
        while (QTcpSocket *socket = nextPendingConnection()) {
            ++connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            auto buffer = std::make_shared<QByteArray>();
            auto answered = std::make_shared<bool>(false);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, answered] {
                buffer->append(socket->readAll());
                if (*answered)
                    return;
                const bool tls = buffer->startsWith('\x16'); // a TLS handshake record: answer it as HTTP servers do
                if (!tls && !buffer->contains("\r\n\r\n"))
                    return;
                *answered = true;
                requestLines << (tls ? QByteArray("(TLS)") : buffer->left(buffer->indexOf("\r\n")));
                answer(socket);
            });
        }
    }

    void answer(QTcpSocket *socket) {
        switch (m_behaviour) {
        case Behaviour::NotFound:
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 19\r\n"
                          "Connection: close\r\n\r\n404 page not found\n");
            socket->disconnectFromHost();
            return;
        case Behaviour::Redirect:
            socket->write("HTTP/1.1 302 Found\r\nLocation: " + m_location +
                          "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        case Behaviour::Unauthorized: {
            const QByteArray body = R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})";
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                          "Docker-Distribution-Api-Version: registry/2.0\r\n"
                          "WWW-Authenticate: Bearer realm=\"https://auth.test/token\",service=\"registry\"\r\n"
                          "Content-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
            return;
        }
        case Behaviour::EndlessBody: {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            auto sent = std::make_shared<qint64>(0);
            auto more = [socket, sent] {
                static const QByteArray chunk(64 * 1024, 'x');
                while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 256 * 1024 &&
                       *sent < 256LL * 1024 * 1024) {
                    socket->write(chunk);
                    *sent += chunk.size();
                }
            };
            connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
            return;
        }
        case Behaviour::Trickle: {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] {
                if (socket->state() == QAbstractSocket::ConnectedState)
                    socket->write("x");
            });
            timer->start(200);
            return;
        }
        case Behaviour::Silent:
            return;
        }
    }

    Behaviour m_behaviour;
    QByteArray m_location;
};

struct Run {
    RegistryProbe::Result result;
    qint64 elapsedMs = 0;
    int emitted = 0;
};

/// Runs one probe to its end (bounded by a generous guard of its own) and counts how often it finished.
Run probe(const QString &host, const QString &image = {}, int timeoutMs = kTimeoutMs, qint64 maxBody = 1024 * 1024) {
    Run run;
    RegistryProbe registryProbe;
    registryProbe.setTimeout(timeoutMs);
    registryProbe.setMaxBodyBytes(maxBody);
    QEventLoop loop;
    QObject::connect(&registryProbe, &RegistryProbe::finished, &loop, [&](const RegistryProbe::Result &result) {
        run.result = result;
        ++run.emitted;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs * kMostRequests * 4 + 10000, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    registryProbe.start(host, image);
    if (run.emitted == 0) // finished() is never emitted from inside start()
        loop.exec();
    run.elapsedMs = clock.elapsed();
    QTest::qWait(20); // a second finished() would show here
    return run;
}

QString describe(const Run &run) {
    return QStringLiteral("%1 (%2) after %3 ms, emitted %4×: %5 | image: %6")
        .arg(RegistryProbe::Result::verdictName(run.result.verdict))
        .arg(static_cast<int>(run.result.reason))
        .arg(run.elapsedMs)
        .arg(run.emitted)
        .arg(run.result.detail, run.result.imageDetail);
}

} // namespace

class TestRegistryProbe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void httpRegistryIsHttpOnly();
    void httpRegistryImageMissing();
    void tlsRegistryIsUntrusted();
    void tlsRegistryWithTrustedCertificateIsHttps();
    void closedPortIsRefused();
    void unresolvableNameIsNameNotFound();
    void notFoundIsNotARegistry();
    void bracketedIpv6IsProbed();
    void redirectIsNotFollowed();
    void endlessBodyIsCutOff();
    void trickleIsBoundedInTime();
    void silenceTimesOut();
    void challengeNeedsCredentials();
    void badInputIsRejectedWithoutNetwork_data();
    void badInputIsRejectedWithoutNetwork();
    void splitImage();
    void abortEmitsNothing();

private:
    bool m_inNamespace = false;
    QTemporaryDir m_dir;
    test::SelfSignedCertificate m_certificate;
    std::unique_ptr<test::RegistryServer> m_http;
    std::unique_ptr<test::RegistryServer> m_tls;
};

void TestRegistryProbe::initTestCase() {
    m_inNamespace = qEnvironmentVariableIsSet(kNamespaceChild);
    if (m_inNamespace)
        return; // the child run in a namespace needs no registry
    for (const auto *program : {"docker-registry", "skopeo", "openssl", "tar", "gzip"}) {
        if (!test::hasProgram(QString::fromLatin1(program)))
            QFAIL(qPrintable(QStringLiteral("%1 is missing: run scripts/setup").arg(QString::fromLatin1(program))));
    }
    QVERIFY2(QFileInfo::exists(QStringLiteral("/bin/busybox")), "/bin/busybox is missing: run scripts/setup");
    QVERIFY(m_dir.isValid());

    QElapsedTimer clock;
    clock.start();
    QString error;
    m_http = std::make_unique<test::RegistryServer>();
    QVERIFY2(m_http->start(&error), qPrintable(error));
    QVERIFY2(m_certificate.make(m_dir.path(), QStringLiteral("registry.test"), &error), qPrintable(error));
    m_tls = std::make_unique<test::RegistryServer>();
    QVERIFY2(m_tls->start(&error, &m_certificate), qPrintable(error));
    const qint64 serversUp = clock.elapsed();
    QVERIFY2(test::pushBusyboxImage(m_http->hostPort(), QStringLiteral("someapp"), QStringLiteral("latest"), &error),
             qPrintable(error));
    QVERIFY2(test::pushBusyboxImage(m_tls->hostPort(), QStringLiteral("someapp"), QStringLiteral("latest"), &error),
             qPrintable(error));
    qInfo("registries up in %lld ms, images pushed in %lld ms more", serversUp, clock.elapsed() - serversUp);
}

void TestRegistryProbe::cleanupTestCase() {
    if (m_http)
        m_http->stop();
    if (m_tls)
        m_tls->stop();
}

void TestRegistryProbe::init() {
    QTest::failOnWarning(QRegularExpression(QStringLiteral("."))); // Qt's warnings (a read of a closed reply, ...)
}

void TestRegistryProbe::httpRegistryIsHttpOnly() {
    const QString image = m_http->hostPort() + QStringLiteral("/someapp:latest");
    const Run run = probe(m_http->hostPort(), image);
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::HttpOnly, qPrintable(describe(run)));
    QCOMPARE(RegistryProbe::Result::verdictName(run.result.verdict), QStringLiteral("http-only"));
    QCOMPARE(run.result.host, m_http->hostPort());
    QVERIFY2(run.result.detail.contains(QLatin1String("HTTPS")), qPrintable(describe(run))); // why not HTTPS
    QVERIFY(run.result.catalogRead);
    QVERIFY2(run.result.repositories.contains(QStringLiteral("someapp")), qPrintable(describe(run)));
    QCOMPARE(run.result.image, image);
    QVERIFY2(run.result.imageFound == std::optional<bool>(true), qPrintable(describe(run)));
    QVERIFY2(run.result.imageDetail.contains(QLatin1String("sha256:")), qPrintable(run.result.imageDetail));
    QCOMPARE(run.result.summary(), QStringLiteral("HTTP only: it answers plain HTTP on /v2/ and no HTTPS."));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::httpRegistryImageMissing() {
    const Run run = probe(m_http->hostPort(), m_http->hostPort() + QStringLiteral("/someapp:nope"));
    QVERIFY2(run.result.verdict == Verdict::HttpOnly, qPrintable(describe(run)));
    QVERIFY2(run.result.imageFound == std::optional<bool>(false), qPrintable(describe(run)));
    QVERIFY2(run.result.imageDetail.contains(QLatin1String("404")), qPrintable(run.result.imageDetail));
    QVERIFY2(run.result.imageDetail.contains(QLatin1String("not found")), qPrintable(run.result.imageDetail));

    // A repository that does not exist at all is just as much "not found".
    const Run other = probe(m_http->hostPort(),
                            m_http->hostPort() + QStringLiteral("/team/other@sha256:") + QString(64, QLatin1Char('0')));
    QVERIFY2(other.result.imageFound == std::optional<bool>(false), qPrintable(describe(other)));
}

void TestRegistryProbe::tlsRegistryIsUntrusted() {
    const Run run = probe(m_tls->hostPort(), m_tls->hostPort() + QStringLiteral("/someapp:latest"));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::HttpsUntrusted, qPrintable(describe(run)));
    QCOMPARE(RegistryProbe::Result::verdictName(run.result.verdict), QStringLiteral("https-untrusted"));
    QVERIFY2(run.result.detail.contains(QLatin1String("certificate")), qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("self-signed")), qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("ignoring")), qPrintable(describe(run)));
    QVERIFY2(run.result.catalogRead, qPrintable(describe(run)));
    QVERIFY(run.result.repositories.contains(QStringLiteral("someapp")));
    QVERIFY2(run.result.imageFound == std::optional<bool>(true), qPrintable(describe(run)));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::tlsRegistryWithTrustedCertificateIsHttps() {
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    const auto restore = qScopeGuard([&saved] { QSslConfiguration::setDefaultConfiguration(saved); });
    QSslConfiguration trusting = saved;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_certificate.certificatePath);
    QCOMPARE(certificates.size(), 1);
    trusting.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(trusting);

    const Run run = probe(m_tls->hostPort(), m_tls->hostPort() + QStringLiteral("/someapp:latest"));
    QVERIFY2(run.result.verdict == Verdict::Https, qPrintable(describe(run)));
    QVERIFY(run.result.catalogRead);
    QVERIFY(run.result.imageFound == std::optional<bool>(true));
}

void TestRegistryProbe::closedPortIsRefused() {
    const quint16 port = test::freeLoopbackPort();
    QVERIFY(port != 0);
    const Run run =
        probe(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("127.0.0.1:%1/someapp:latest").arg(port));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::Unreachable, qPrintable(describe(run)));
    QVERIFY2(run.result.reason == Reason::Refused, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("refused")), qPrintable(describe(run)));
    QVERIFY(!run.result.imageFound.has_value());
    QVERIFY(!run.result.imageDetail.isEmpty());
    QVERIFY(run.elapsedMs < kTimeoutMs); // a refusal is immediate
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::unresolvableNameIsNameNotFound() {
    const QString name = QStringLiteral("registry.probe.invalid:5000"); // RFC 6761: .invalid never resolves
    if (m_inNamespace) {
        const Run run = probe(name, name + QStringLiteral("/someapp:latest"));
        QVERIFY2(run.result.verdict == Verdict::Unreachable, qPrintable(describe(run)));
        QVERIFY2(run.result.reason == Reason::NameNotFound, qPrintable(describe(run)));
        QVERIFY2(run.result.detail.contains(QLatin1String("not found")), qPrintable(describe(run)));
        QVERIFY2(run.result.detail.contains(QLatin1String("registry.probe.invalid")), qPrintable(describe(run)));
        qInfo("%s", qPrintable(describe(run)));
        return;
    }
    // This machine's resolver would ask a DNS server elsewhere. So the lookup runs in this test binary again,
    // inside a network namespace (only its own loopback) and a mount namespace where /etc/nsswitch.conf says
    // "hosts: files": the name is looked for in a hosts file of this test and nowhere else.
    if (geteuid() != 0)
        QSKIP("needs root for a network and mount namespace (unshare --net --mount)");
    if (!test::hasProgram(QStringLiteral("unshare")))
        QSKIP("unshare (util-linux) is missing");
    QString why;
    if (!test::runToEnd(QStringLiteral("unshare"),
                        {QStringLiteral("--net"), QStringLiteral("--mount"), QStringLiteral("true")}, &why))
        QSKIP(qPrintable(QStringLiteral("no namespaces here: %1").arg(why)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString nsswitch = dir.filePath(QStringLiteral("nsswitch.conf"));
    const QString resolv = dir.filePath(QStringLiteral("resolv.conf"));
    const QString hosts = dir.filePath(QStringLiteral("hosts"));
    QVERIFY(test::writeAll(nsswitch, "hosts: files\n"));
    QVERIFY(test::writeAll(resolv, "nameserver 127.0.0.1\n"));
    QVERIFY(test::writeAll(hosts, "127.0.0.1 localhost\n::1 localhost\n"));

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kNamespaceChild), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    const QString script =
        QStringLiteral("ip link set lo up 2>/dev/null; "
                       "mount --bind \"$1\" /etc/nsswitch.conf && mount --bind \"$2\" /etc/resolv.conf && "
                       "mount --bind \"$3\" /etc/hosts && exec \"$4\" unresolvableNameIsNameNotFound");
    child.start(QStringLiteral("unshare"),
                {QStringLiteral("--net"), QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                 QStringLiteral("sh"), nsswitch, resolv, hosts, QCoreApplication::applicationFilePath()});
    QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
    if (!child.waitForFinished(120000)) {
        child.kill(); // our own child, by its handle
        child.waitForFinished(5000);
        QFAIL("the run in the namespace did not end");
    }
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("PASS   : TestRegistryProbe::unresolvableNameIsNameNotFound()")),
             qPrintable(output));
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("QINFO")))
            qInfo("in the namespace: %s", qPrintable(line.section(QLatin1Char(')'), 1).trimmed()));
    }
}

void TestRegistryProbe::notFoundIsNotARegistry() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::NotFound);
    QVERIFY(server.start());
    const Run run = probe(server.hostPort(), server.hostPort() + QStringLiteral("/someapp:latest"));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::NotARegistry, qPrintable(describe(run)));
    QCOMPARE(RegistryProbe::Result::verdictName(run.result.verdict), QStringLiteral("not-a-registry"));
    QVERIFY2(run.result.detail.contains(QLatin1String("404")), qPrintable(describe(run)));
    QVERIFY(!run.result.catalogRead);
    QVERIFY(!run.result.imageFound.has_value());
    // It was asked over HTTPS first (a TLS hello) and then over HTTP, and nothing more.
    QCOMPARE(server.requestLines, (QList<QByteArray>{"(TLS)", "GET /v2/ HTTP/1.1"}));
}

void TestRegistryProbe::bracketedIpv6IsProbed() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::NotFound);
    if (!server.start(QHostAddress(QHostAddress::LocalHostIPv6)))
        QSKIP("no ::1 on this machine");
    QVERIFY(server.hostPort().startsWith(QLatin1String("[::1]:")));
    const Run run = probe(server.hostPort());
    QVERIFY2(run.result.verdict == Verdict::NotARegistry, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("[::1]")), qPrintable(describe(run)));
    QCOMPARE(server.connections, 2);
}

void TestRegistryProbe::redirectIsNotFollowed() {
    // The redirect points at another loopback address where a server of this test counts who comes by.
    LoopbackHttpServer elsewhere(LoopbackHttpServer::Behaviour::NotFound);
    QVERIFY(elsewhere.start(QHostAddress(QStringLiteral("127.0.0.2"))));
    const QByteArray location = QStringLiteral("http://%1/v2/").arg(elsewhere.hostPort()).toUtf8();
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::Redirect, location);
    QVERIFY(server.start());
    const Run run = probe(server.hostPort());
    QVERIFY2(run.result.verdict == Verdict::NotARegistry, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QString::fromUtf8(location)), qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("302")), qPrintable(describe(run)));
    QTest::qWait(100);
    QCOMPARE(elsewhere.connections, 0);
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::endlessBodyIsCutOff() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::EndlessBody);
    QVERIFY(server.start());
    const qint64 cap = 64 * 1024;
    const Run run = probe(server.hostPort(), {}, kTimeoutMs, cap);
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::NotARegistry, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QStringLiteral("longer than %1 bytes").arg(cap)), qPrintable(describe(run)));
    QVERIFY2(run.elapsedMs < kTimeoutMs * kMostRequests + 2000, qPrintable(describe(run)));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::trickleIsBoundedInTime() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::Trickle);
    QVERIFY(server.start());
    const Run run = probe(server.hostPort(), server.hostPort() + QStringLiteral("/someapp:latest"));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::NotARegistry, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QStringLiteral("did not end within %1 ms").arg(kTimeoutMs)),
             qPrintable(describe(run)));
    QVERIFY2(run.elapsedMs >= kTimeoutMs - 100, qPrintable(describe(run))); // it did wait for the trickle
    QVERIFY2(run.elapsedMs < kTimeoutMs * kMostRequests + 2000, qPrintable(describe(run)));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::silenceTimesOut() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::Silent);
    QVERIFY(server.start());
    const Run run = probe(server.hostPort());
    QVERIFY2(run.result.verdict == Verdict::Unreachable, qPrintable(describe(run)));
    QVERIFY2(run.result.reason == Reason::TimedOut, qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QStringLiteral("no answer within %1 ms").arg(kTimeoutMs)),
             qPrintable(describe(run)));
    QVERIFY2(run.elapsedMs < kTimeoutMs * kMostRequests + 2000, qPrintable(describe(run)));
    QCOMPARE(run.result.summary(), QStringLiteral("Unreachable: no answer in time."));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::challengeNeedsCredentials() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::Unauthorized);
    QVERIFY(server.start());
    const Run run = probe(server.hostPort(), server.hostPort() + QStringLiteral("/someapp:latest"));
    QCOMPARE(run.emitted, 1);
    QVERIFY2(run.result.verdict == Verdict::NeedsCredentials, qPrintable(describe(run)));
    QCOMPARE(RegistryProbe::Result::verdictName(run.result.verdict), QStringLiteral("needs-credentials"));
    QVERIFY2(run.result.detail.contains(QLatin1String("https://auth.test/token")), qPrintable(describe(run)));
    QVERIFY2(run.result.detail.contains(QLatin1String("Bearer")), qPrintable(describe(run)));
    QVERIFY(!run.result.catalogRead);
    QVERIFY(!run.result.imageFound.has_value());
    QVERIFY2(run.result.imageDetail.contains(QLatin1String("credentials")), qPrintable(run.result.imageDetail));
    qInfo("%s", qPrintable(describe(run)));
}

void TestRegistryProbe::badInputIsRejectedWithoutNetwork_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("detail");
    const QString witness = QStringLiteral("WITNESS"); // replaced by the listening server's host:port

    QTest::newRow("empty") << QString() << QString() << QStringLiteral("No registry was given");
    QTest::newRow("blank") << QStringLiteral("  ") << QString() << QStringLiteral("No registry was given");
    QTest::newRow("http scheme") << QStringLiteral("http://") + witness << QString()
                                 << QStringLiteral("without a scheme: “WITNESS” instead of “http://WITNESS”");
    QTest::newRow("https scheme and path") << QStringLiteral("https://") + witness + QStringLiteral("/v2/") << QString()
                                           << QStringLiteral("without a scheme: “WITNESS”");
    QTest::newRow("path") << witness + QStringLiteral("/team") << QString()
                          << QStringLiteral("without a path: “WITNESS” instead of “WITNESS/team”");
    QTest::newRow("ipv6 without brackets")
        << QStringLiteral("::1") << QString() << QStringLiteral("IPv6 address in brackets: “[::1]”");
    QTest::newRow("ipv6 with port, no brackets")
        << QStringLiteral("fd00::1:5000") << QString() << QStringLiteral("IPv6 address in brackets");
    QTest::newRow("bracket not closed") << QStringLiteral("[::1:5000") << QString()
                                        << QStringLiteral("does not close it");
    QTest::newRow("ipv4 in brackets") << QStringLiteral("[127.0.0.1]:5000") << QString()
                                      << QStringLiteral("is not an IPv6 address");
    QTest::newRow("port zero") << QStringLiteral("127.0.0.1:0") << QString()
                               << QStringLiteral("The port “0” is not a number from 1 to 65535");
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:65536") << QString()
                                  << QStringLiteral("The port “65536” is not a number from 1 to 65535");
    QTest::newRow("port not a number") << QStringLiteral("registry:http") << QString()
                                       << QStringLiteral("The port “http”");
    QTest::newRow("empty port") << QStringLiteral("registry:") << QString() << QStringLiteral("The port “”");
    QTest::newRow("bad ipv4") << QStringLiteral("127.0.0.300:5000") << QString()
                              << QStringLiteral("“127.0.0.300” is not an IPv4 address");
    QTest::newRow("bad name") << QStringLiteral("my_registry!:5000") << QString()
                              << QStringLiteral("is not a host name");
    QTest::newRow("space") << QStringLiteral("my registry") << QString() << QStringLiteral("has a space");
    QTest::newRow("image on another registry")
        << witness << QStringLiteral("registry.example.org:5000/someapp:latest")
        << QStringLiteral("is on another registry (“registry.example.org:5000”), not on “WITNESS”");
    QTest::newRow("image without registry") << witness << QStringLiteral("someapp:latest")
                                            << QStringLiteral("names no registry; write it with the registry in "
                                                              "front, as “WITNESS/someapp:latest”");
    QTest::newRow("image with capitals") << witness << witness + QStringLiteral("/SomeApp:latest")
                                         << QStringLiteral("lowercase");
    QTest::newRow("image with a bad tag")
        << witness << witness + QStringLiteral("/someapp:-rc1") << QStringLiteral("The tag “-rc1”");
    QTest::newRow("image with a short digest")
        << witness << witness + QStringLiteral("/someapp@sha256:abc") << QStringLiteral("The digest “sha256:abc”");
    QTest::newRow("image without a name")
        << witness << witness + QStringLiteral("/:latest") << QStringLiteral("The repository name “”");
}

void TestRegistryProbe::badInputIsRejectedWithoutNetwork() {
    QFETCH(QString, host);
    QFETCH(QString, image);
    QFETCH(QString, detail);
    // A listening server of this test stands where the input points: it must see no connection at all.
    LoopbackHttpServer witness(LoopbackHttpServer::Behaviour::NotFound);
    QVERIFY(witness.start());
    host.replace(QLatin1String("WITNESS"), witness.hostPort());
    image.replace(QLatin1String("WITNESS"), witness.hostPort());
    detail.replace(QLatin1String("WITNESS"), witness.hostPort());

    RegistryProbe registryProbe;
    int emitted = 0;
    RegistryProbe::Result result;
    connect(&registryProbe, &RegistryProbe::finished, this, [&](const RegistryProbe::Result &r) {
        result = r;
        ++emitted;
    });
    QElapsedTimer clock;
    clock.start();
    registryProbe.start(host, image);
    QCOMPARE(emitted, 0); // asynchronous, also for bad input
    QVERIFY(registryProbe.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(emitted, 1, 2000);
    QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!registryProbe.isRunning());
    QVERIFY2(result.verdict == Verdict::InvalidInput, qPrintable(result.detail));
    QCOMPARE(RegistryProbe::Result::verdictName(result.verdict), QStringLiteral("invalid"));
    QVERIFY2(result.detail.contains(detail), qPrintable(result.detail));
    QCOMPARE(result.host, host);
    if (image.isEmpty())
        QCOMPARE(RegistryProbe::hostProblem(host), std::optional<QString>(result.detail));
    QVERIFY(!result.imageFound.has_value());
    QTest::qWait(50);
    QCOMPARE(emitted, 1);
    QCOMPARE(witness.connections, 0);
}

void TestRegistryProbe::splitImage() {
    using Parts = std::optional<std::pair<QString, QString>>;
    const QString host = QStringLiteral("registry.corp.local:5000");
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/someapp:latest"), host),
             Parts({QStringLiteral("someapp"), QStringLiteral("latest")}));
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/team/some-app_2:v1.2.3"), host),
             Parts({QStringLiteral("team/some-app_2"), QStringLiteral("v1.2.3")}));
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/someapp"), host),
             Parts({QStringLiteral("someapp"), QStringLiteral("latest")}));
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/someapp@") + digest, host),
             Parts({QStringLiteral("someapp"), digest}));
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/someapp:1.0@") + digest, host),
             Parts({QStringLiteral("someapp"), digest}));
    QCOMPARE(RegistryProbe::splitImage(QStringLiteral("[::1]:5000/someapp:1"), QStringLiteral("[::1]:5000")),
             Parts({QStringLiteral("someapp"), QStringLiteral("1")}));
    QCOMPARE(RegistryProbe::splitImage(QStringLiteral("Registry.Corp.Local:5000/someapp:1"), host),
             Parts({QStringLiteral("someapp"), QStringLiteral("1")}));
    QCOMPARE(RegistryProbe::splitImage(QStringLiteral("other.corp.local:5000/someapp:1"), host), Parts());
    QCOMPARE(RegistryProbe::splitImage(QStringLiteral("registry.corp.local/someapp:1"), host), Parts());
    QCOMPARE(RegistryProbe::splitImage(QStringLiteral("someapp:1"), host), Parts());
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/some//app:1"), host), Parts());
    QCOMPARE(RegistryProbe::splitImage(host + QStringLiteral("/app-:1"), host), Parts());

    QCOMPARE(RegistryProbe::hostProblem(QStringLiteral("registry.corp.local:5000")), std::optional<QString>());
    QCOMPARE(RegistryProbe::hostProblem(QStringLiteral("registry")), std::optional<QString>());
    QCOMPARE(RegistryProbe::hostProblem(QStringLiteral("10.0.0.5:5000")), std::optional<QString>());
    QCOMPARE(RegistryProbe::hostProblem(QStringLiteral("[fd00::5]:5000")), std::optional<QString>());
    QCOMPARE(RegistryProbe::hostProblem(QStringLiteral("[fd00::5]")), std::optional<QString>());
    QVERIFY(RegistryProbe::hostProblem(QStringLiteral("-registry")).has_value());
    QVERIFY(RegistryProbe::hostProblem(QStringLiteral("registry..corp")).has_value());
}

void TestRegistryProbe::abortEmitsNothing() {
    LoopbackHttpServer server(LoopbackHttpServer::Behaviour::Silent);
    QVERIFY(server.start());
    RegistryProbe registryProbe;
    registryProbe.setTimeout(500);
    int emitted = 0;
    connect(&registryProbe, &RegistryProbe::finished, this, [&emitted] { ++emitted; });
    registryProbe.start(server.hostPort());
    QTRY_COMPARE(server.connections, 1);
    QVERIFY(registryProbe.isRunning());
    registryProbe.abort();
    QVERIFY(!registryProbe.isRunning());
    QTest::qWait(1500); // past every time-out of the run that was stopped
    QCOMPARE(emitted, 0);

    // The same probe can start again; bad input too is stopped by abort().
    registryProbe.start(QStringLiteral("http://x"));
    registryProbe.abort();
    QTest::qWait(50);
    QCOMPARE(emitted, 0);
    registryProbe.start(QStringLiteral("http://x"));
    QTRY_COMPARE(emitted, 1);
}

QTEST_GUILESS_MAIN(TestRegistryProbe)
#include "TestRegistryProbe.moc"
