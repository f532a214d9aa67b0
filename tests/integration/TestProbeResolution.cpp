// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The registry probe on a workstation whose resolver knows no company name: the registry's name is resolved
// through the site profile's company DNS server, or, when no company DNS knows it, the profile's address for that
// service is used — the name going along as HTTP Host and TLS server name — and the probe says which.
//
// Everything runs inside a network namespace this test creates (nothing but `lo`), whose /etc/resolv.conf (the
// bind-mounted /etc/netns/<ns>/resolv.conf) names 127.0.0.2, where nothing listens: this machine's resolver knows
// no name at all, and no query can leave the machine. In it: dnsmasq on 127.0.0.53, the company DNS, which knows
// registry.corp.test → 127.0.0.3; Debian's docker-registry on 127.0.0.3 over TLS with a self-signed certificate for
// registry.corp.test; and the real kubespray-wizard. /etc/hosts and /etc/resolv.conf are never touched.
//
// Started normally (as root) the test creates the namespace and runs itself inside it with KSW_RESOLUTION_NETNS
// set; the namespace and /etc/netns/<ns> are removed afterwards, also when the child fails.
#include "RegistryServer.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const char *const kChildVariable = "KSW_RESOLUTION_NETNS";
const QString kCompanyDns = u"127.0.0.53"_s;
const QString kRegistryAddress = u"127.0.0.3"_s;
const QString kNothingThere = u"127.0.0.4"_s; // nothing listens: an address that must not be used
const QString kRegistryName = u"registry.corp.test"_s;

/// Runs a program to its end; its exit code (-1 when it did not start or end in time) and merged output.
int runTool(const QString &program, const QStringList &arguments, QString *output = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ended = process.waitForStarted(10000) && process.waitForFinished(240000);
    if (!ended) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return ended && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestProbeResolution : public QObject {
    Q_OBJECT

public:
    TestProbeResolution()
        : m_child(qEnvironmentVariableIsSet(kChildVariable)) {}

private slots:
    void initTestCase() {
        if (!m_child) {
            if (geteuid() != 0)
                QSKIP("network namespaces need root (scripts/test runs as root)");
            return;
        }
        // Inside: only `lo`, and a resolver of the test's own. Otherwise send nothing.
        for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces())
            QVERIFY2(interface.name() == u"lo", qPrintable(u"not inside the test's namespace: "_s + interface.name()));
        QCOMPARE(ksw::test::readAll(u"/etc/resolv.conf"_s), QByteArray("nameserver 127.0.0.2\n"));
        for (const char *program : {"dnsmasq", "docker-registry", "openssl"})
            QVERIFY2(ksw::test::hasProgram(QLatin1String(program)), program);

        QVERIFY(m_dir.isValid());
        m_dnsLog = m_dir.filePath(u"dnsmasq.log"_s);
        const QString config = m_dir.filePath(u"dnsmasq.conf"_s);
        QVERIFY(ksw::test::writeAll(config, "port=53\nlisten-address=" + kCompanyDns.toLatin1() +
                                                "\nbind-interfaces\nno-resolv\nno-hosts\npid-file=\n"
                                                "user=root\ngroup=root\nlog-queries\nlog-facility=" +
                                                QFile::encodeName(m_dnsLog) + "\nlocal=/corp.test/\nhost-record=" +
                                                kRegistryName.toLatin1() + ',' + kRegistryAddress.toLatin1() + '\n'));
        m_dnsmasq.setProcessChannelMode(QProcess::MergedChannels);
        m_dnsmasq.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_dnsmasq.start(u"dnsmasq"_s, {u"--keep-in-foreground"_s, u"--conf-file="_s + config});
        QVERIFY(m_dnsmasq.waitForStarted(10000));
        QVERIFY2(QTest::qWaitFor([&] { return QFile(m_dnsLog).size() > 0; }, 5000), "dnsmasq did not start");

        QString error;
        QVERIFY2(m_certificate.make(m_dir.path(), kRegistryName, &error), qPrintable(error));
        QVERIFY2(m_registry.start(&error, &m_certificate), qPrintable(error));
    }

    void cleanupTestCase() {
        m_registry.stop();
        if (m_dnsmasq.state() != QProcess::NotRunning) {
            m_dnsmasq.terminate(); // our own child, by its pid
            m_dnsmasq.waitForFinished(5000);
        }
    }

    /// The parent: makes the namespace, runs every other test function inside it, removes the namespace.
    void inNamespace() {
        if (m_child)
            QSKIP("this is the child");
        const QString ip = QStandardPaths::findExecutable(u"ip"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s});
        QVERIFY2(!ip.isEmpty(), "ip is missing: scripts/setup installs iproute2");
        const QString name = u"ksw-res-%1"_s.arg(::getpid());
        const QString etc = u"/etc/netns/"_s + name;
        const bool hadEtcNetns = QFileInfo::exists(u"/etc/netns"_s);
        const auto cleanup = qScopeGuard([&] {
            runTool(ip, {u"netns"_s, u"delete"_s, name});
            QDir(etc).removeRecursively();
            if (!hadEtcNetns)
                QDir().rmdir(u"/etc/netns"_s);
        });
        QString output;
        QVERIFY2(runTool(ip, {u"netns"_s, u"add"_s, name}, &output) == 0, qPrintable(output));
        QVERIFY2(runTool(ip, {u"-n"_s, name, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}, &output) == 0, qPrintable(output));
        QVERIFY(ksw::test::writeAll(etc + u"/resolv.conf"_s, "nameserver 127.0.0.2\n"));

        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kChildVariable), name);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        child.start(ip, {u"netns"_s, u"exec"_s, name, QCoreApplication::applicationFilePath()});
        QVERIFY(child.waitForStarted(10000));
        const bool ended = child.waitForFinished(240000);
        if (!ended) {
            child.kill();
            child.waitForFinished(5000);
        }
        const QString childOutput = QString::fromLocal8Bit(child.readAll());
        qInfo("inside %s:\n%s", qPrintable(name), qPrintable(childOutput));
        QVERIFY2(ended && child.exitCode() == 0, "a test function failed inside the namespace (see above)");
        QVERIFY2(childOutput.contains(u"Totals: ") && !childOutput.contains(u", 0 passed"), "nothing ran inside");
    }

    /// The company DNS knows the name: the probe connects to its answer, not to the profile's address (where
    /// nothing listens here), and sends the name as TLS server name — the certificate problem is only that
    /// nobody vouches for it, not that it names another host.
    void resolvedThroughCompanyDns() {
        if (!m_child)
            QSKIP("runs inside the namespace");
        const QJsonObject registry = probeJson(site(kNothingThere, true, kRegistryName));
        QCOMPARE(registry.value(u"verdict").toString(), u"https-untrusted"_s);
        const QJsonObject resolution = registry.value(u"resolution").toObject();
        QCOMPARE(resolution.value(u"via").toString(), u"company-dns"_s);
        QCOMPARE(resolution.value(u"address").toString(), kRegistryAddress);
        QCOMPARE(resolution.value(u"dns_server").toString(), kCompanyDns);
        QCOMPARE(resolution.value(u"name").toString(), kRegistryName);
        const QString detail = registry.value(u"detail").toString();
        QVERIFY2(detail.startsWith(u"Reached at 127.0.0.3, the address the company DNS 127.0.0.53 gives for "
                                   "registry.corp.test"_s),
                 qPrintable(detail));
        QVERIFY2(detail.contains(u"self-signed", Qt::CaseInsensitive), qPrintable(detail));
        QVERIFY2(!detail.contains(u"host name did not match", Qt::CaseInsensitive), qPrintable(detail));
        QVERIFY2(ksw::test::readAll(m_dnsLog).contains("query[A] " + kRegistryName.toLatin1() + " from"),
                 ksw::test::readAll(m_dnsLog).constData());

        // The text output says it too.
        const auto [exitCode, text] = wizard({u"probe"_s, u"--site"_s, site(kNothingThere, true, kRegistryName)});
        QCOMPARE(exitCode, 0);
        QVERIFY2(text.contains(u"registry.corp.test:%1: HTTPS with an untrusted certificate"_s.arg(m_registry.port())),
                 qPrintable(text));
        QVERIFY2(text.contains(u"Reached at 127.0.0.3, the address the company DNS 127.0.0.53 gives"),
                 qPrintable(text));
    }

    /// No company DNS in the profile: the profile's address, without asking this machine's resolver.
    void profileAddressWithoutCompanyDns() {
        if (!m_child)
            QSKIP("runs inside the namespace");
        const QJsonObject registry = probeJson(site(kRegistryAddress, false, kRegistryName));
        QCOMPARE(registry.value(u"verdict").toString(), u"https-untrusted"_s);
        const QJsonObject resolution = registry.value(u"resolution").toObject();
        QCOMPARE(resolution.value(u"via").toString(), u"profile-address"_s);
        QCOMPARE(resolution.value(u"address").toString(), kRegistryAddress);
        QVERIFY2(registry.value(u"detail").toString().contains(u"the profile names no company DNS server"),
                 qPrintable(registry.value(u"detail").toString()));
        QVERIFY2(!registry.value(u"detail").toString().contains(u"host name did not match", Qt::CaseInsensitive),
                 qPrintable(registry.value(u"detail").toString()));
    }

    /// The company DNS does not know this name (NXDOMAIN): the profile's address, and the probe says why.
    void profileAddressWhenCompanyDnsDoesNotKnow() {
        if (!m_child)
            QSKIP("runs inside the namespace");
        const QJsonObject registry = probeJson(site(kRegistryAddress, true, u"other.corp.test"_s));
        QCOMPARE(registry.value(u"verdict").toString(), u"https-untrusted"_s);
        QCOMPARE(registry.value(u"resolution").toObject().value(u"via").toString(), u"profile-address"_s);
        QVERIFY2(registry.value(u"detail").toString().contains(
                     u"no company DNS server of the profile resolved other.corp.test"),
                 qPrintable(registry.value(u"detail").toString()));
    }

    /// The whole story: `check --probe` names the way the registry was reached in the finding, and
    /// `apply --probe` writes the skip_verify mirror for the registry's name.
    void checkAndApplyWithTheCompanyName() {
        if (!m_child)
            QSKIP("runs inside the namespace");
        QTemporaryDir work;
        QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(u"resources/demo"_s), work.path()));
        const QString inventory = work.filePath(u"mycluster"_s);
        const QString profile = site(kNothingThere, true, kRegistryName);
        const QString host = u"%1:%2"_s.arg(kRegistryName).arg(m_registry.port());

        const auto [checkExit, checkJson] =
            wizard({u"check"_s, u"--inventory"_s, inventory, u"--site"_s, profile, u"--json"_s, u"--probe"_s});
        QCOMPARE(checkExit, 1);
        QString message;
        for (const QJsonValue &finding :
             QJsonDocument::fromJson(checkJson.toUtf8()).object().value(u"findings").toArray()) {
            if (finding.toObject().value(u"code").toString() == u"registry-certificate-untrusted")
                message = finding.toObject().value(u"message").toString();
        }
        QVERIFY2(message.contains(u"The registry %1 shows a certificate nobody vouches for (Reached at 127.0.0.3, "
                                  "the address the company DNS 127.0.0.53 gives"_s.arg(host)),
                 qPrintable(checkJson));

        const auto [applyExit, applied] =
            wizard({u"apply"_s, u"--inventory"_s, inventory, u"--site"_s, profile, u"--probe"_s});
        QVERIFY2(applied.contains(u"Written."), qPrintable(applied));
        const QByteArray containerd = ksw::test::readAll(inventory + u"/group_vars/all/containerd.yml"_s);
        QVERIFY2(containerd.contains(u"  - prefix: %1\n"
                                     "    server: https://%1\n"
                                     "    mirrors:\n"
                                     "      - host: https://%1\n"
                                     "        capabilities: [pull, resolve]\n"
                                     "        skip_verify: true\n"_s.arg(host)
                                         .toUtf8()),
                 containerd.constData());
        Q_UNUSED(applyExit)
    }

private:
    /// A site profile with the registry (TLS, scheme left to the probe) at `address` under `name`, and the company
    /// DNS when `withDns`.
    QString site(const QString &address, bool withDns, const QString &name) {
        const QString path = m_dir.filePath(u"site-%1.yaml"_s.arg(++m_sites));
        QString text = u"services:\n"_s;
        if (withDns)
            text += u"  - {name: Company DNS, address: %1, role: dns}\n"_s.arg(kCompanyDns);
        text += u"  - name: Registry\n    address: %1\n    domains: [%2]\n    role: registry\n    port: %3\n"_s.arg(
            address, name, QString::number(m_registry.port()));
        return ksw::test::writeAll(path, text.toUtf8()) ? path : QString();
    }

    std::pair<int, QString> wizard(const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(5000);
            return {-1, {}};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
    }

    QJsonObject probeJson(const QString &profile) {
        const auto [exitCode, out] = wizard({u"probe"_s, u"--site"_s, profile, u"--json"_s, u"--timeout"_s, u"3000"_s});
        const QJsonArray registries = QJsonDocument::fromJson(out.toUtf8()).object().value(u"registries").toArray();
        if (registries.size() != 1)
            qWarning("probe said (exit %d): %s", exitCode, qPrintable(out));
        return registries.first().toObject();
    }

    const bool m_child;
    QTemporaryDir m_dir;
    QString m_dnsLog;
    QProcess m_dnsmasq;
    ksw::test::SelfSignedCertificate m_certificate;
    ksw::test::RegistryServer m_registry{kRegistryAddress};
    int m_sites = 0;
};

QTEST_GUILESS_MAIN(TestProbeResolution)
#include "TestProbeResolution.moc"
