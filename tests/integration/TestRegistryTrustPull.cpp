// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// What `apply` writes for a registry whose certificate nobody vouches for, given to Debian's real containerd 1.6:
// - v2.23+ (hosts.toml, as the wizard's preview renders it from the written inventory): a pull from a real TLS
//   docker-registry with a self-signed certificate fails with x509 before, and works after; with `tls: ca-file`
//   (v2.28's `ca`), the same pull works with the certificate checked against that file.
// - v2.21 (a TLS table appended to config.toml through containerd_extra_args): containerd's CRI plugin loads with
//   it and reads insecure_skip_verify for the registry; with config_path in the same file (what
//   containerd_insecure_registries turns on in v2.21) the plugin refuses it — why the wizard proposes nothing then.
//   ctr does not pull through the CRI plugin, and no CRI client exists here (no crictl, no kubelet): the load and
//   the configuration containerd reports are what is checked.
#include "ContainerdDaemon.h"
#include "RegistryServer.h"
#include "TestSupport.h"

#include "analysis/Assessment.h"
#include "analysis/ContainerdPreview.h"
#include "kubespray/KubesprayVersion.h"

#include <QDir>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace ksw;
using namespace Qt::StringLiterals;

namespace {

/// A name, not a loopback address: containerd speaks plain HTTP to loopback registries on its own (see
/// TestContainerdPull). ctr resolves it from a hosts file of the test only.
const QString kRegistryName = u"registry.ksw.test"_s;

} // namespace

class TestRegistryTrustPull : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (geteuid() != 0)
            QSKIP("containerd needs root (scripts/test runs as root)");
        for (const char *program : {"containerd", "ctr", "docker-registry", "skopeo", "unshare", "openssl"})
            QVERIFY2(test::hasProgram(QLatin1String(program)), program);
        QVERIFY(m_work.isValid());
        QString error;
        QVERIFY2(m_certificate.make(m_work.path(), kRegistryName, &error), qPrintable(error));
        QVERIFY2(m_registry.start(&error, &m_certificate), qPrintable(error));
        QVERIFY2(test::pushBusyboxImage(m_registry.hostPort(), u"busybox"_s, u"latest"_s, &error), qPrintable(error));
        m_etcHosts = m_work.filePath(u"hosts"_s);
        QVERIFY(test::writeAll(m_etcHosts, u"127.0.0.1 localhost\n127.0.0.1 %1\n"_s.arg(kRegistryName).toUtf8()));
    }

    void cleanupTestCase() { m_registry.stop(); }

    void hostsTomlMakesThePullWork_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("tls");
        QTest::newRow("v2.25 skip-verify") << u"v2.25"_s << u"v2.25.0"_s << u"skip-verify"_s;
        QTest::newRow("v2.27 skip-verify") << u"v2.27"_s << u"v2.27.0"_s << u"skip-verify"_s;
        QTest::newRow("v2.28 ca-file") << u"v2.27"_s << u"v2.28.0"_s << u"{ca-file: %1}"_s;
    }

    void hostsTomlMakesThePullWork() {
        QFETCH(QString, fixture);
        QFETCH(QString, version);
        QFETCH(QString, tls);
        // The "node" is this machine: the CA file is the registry's own (self-signed) certificate.
        const auto config =
            appliedConfig(fixture, version, tls.contains(u"%1") ? tls.arg(m_certificate.certificatePath) : tls);
        QVERIFY(config);

        const QList<ContainerdPreview::File> files = ContainerdPreview::render(config->config());
        const QString nodePath = u"/etc/containerd/certs.d/%1/hosts.toml"_s.arg(registryHost());
        QString hostsToml;
        for (const ContainerdPreview::File &file : files) {
            if (file.path == nodePath)
                hostsToml = file.text;
        }
        QVERIFY2(!hostsToml.isEmpty(), qPrintable(ContainerdPreview::toText(files)));
        qInfo("%s hosts.toml:\n%s", qPrintable(version), qPrintable(hostsToml));

        test::ContainerdDaemon containerd;
        QString error;
        QVERIFY2(containerd.start(&error), qPrintable(error));
        const QString empty =
            m_work.filePath(u"no-hosts-%1"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
        QVERIFY(QDir().mkpath(empty));
        const auto before = containerd.ctr(pullArguments(empty), m_etcHosts);
        QVERIFY2(!before.ok, qPrintable(before.output));
        QVERIFY2(before.output.contains(u"x509: certificate signed by unknown authority"), qPrintable(before.output));

        QVERIFY(
            test::writeAll(containerd.hostsDirectory() + u'/' + registryHost() + u"/hosts.toml"_s, hostsToml.toUtf8()));
        const auto after = containerd.ctr(pullArguments(containerd.hostsDirectory()), m_etcHosts);
        QVERIFY2(after.ok, qPrintable(after.output + containerd.log()));
    }

    void v221ExtraArgsAreReadByTheCriPlugin() {
        const auto config = appliedConfig(u"v2.21"_s, u"v2.21.0"_s, u"skip-verify"_s);
        QVERIFY(config);
        const QList<ContainerdPreview::File> files = ContainerdPreview::render(config->config());
        QVERIFY(!files.isEmpty() && files.first().excerpt);
        // As Kubespray v2.21's config.toml.j2 ends: the registry part, then containerd_extra_args as it is.
        const QString extraArgs =
            QString::fromStdString(config->config().value(u"containerd_extra_args"_s).value.as<std::string>(""));
        QVERIFY2(extraArgs.contains(u"insecure_skip_verify = true"), qPrintable(extraArgs));
        const QString registryPart = files.first().text + u'\n' + extraArgs;

        {
            test::ContainerdDaemon containerd;
            containerd.setRegistryConfig(registryPart);
            QString error;
            QVERIFY2(containerd.start(&error), qPrintable(error));
            QCOMPARE(containerd.criPluginStatus(), u"ok"_s);
            QVERIFY2(logSays(containerd, u"registry.corp.example:5000:{Auth:<nil> TLS:"_s),
                     "the CRI plugin did not take the TLS table");
            QProcess dump;
            dump.start(u"containerd"_s, {u"--config"_s, containerd.configPath(), u"config"_s, u"dump"_s});
            QVERIFY(dump.waitForFinished(30000));
            const QString text = QString::fromUtf8(dump.readAllStandardOutput());
            const qsizetype table = text.indexOf(
                u"[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"registry.corp.example:5000\".tls]");
            QVERIFY2(table >= 0, qPrintable(text));
            QVERIFY2(text.mid(table, 300).contains(u"insecure_skip_verify = true"), qPrintable(text.mid(table, 300)));
        }
        {
            // The same table next to config_path (v2.21 with containerd_insecure_registries): refused.
            test::ContainerdDaemon containerd;
            // config_path replaces the mirrors (containerd refuses both at once, for its own reason).
            QStringList lines;
            for (const QString &line : registryPart.split(u'\n')) {
                if (line.contains(u"registry.mirrors") || line.trimmed().startsWith(u"endpoint"))
                    continue;
                lines.append(line);
                if (line.trimmed() == u"[plugins.\"io.containerd.grpc.v1.cri\".registry]")
                    lines.append(u"      config_path = \"%1\""_s.arg(containerd.hostsDirectory()));
            }
            const QString withConfigPath = lines.join(u'\n');
            QVERIFY2(withConfigPath.contains(u"config_path"), qPrintable(withConfigPath));
            containerd.setRegistryConfig(withConfigPath);
            QString error;
            QVERIFY2(containerd.start(&error), qPrintable(error));
            QCOMPARE(containerd.criPluginStatus(), u"error"_s);
            QVERIFY2(logSays(containerd, u"`configs.tls` cannot be set when `config_path` is provided"_s),
                     "containerd refused it for another reason");
        }
    }

private:
    /// Whether containerd's log says `text` (within a few seconds: its output is read as events come).
    static bool logSays(test::ContainerdDaemon &containerd, const QString &text) {
        QString log;
        return QTest::qWaitFor(
            [&] {
                log += containerd.log();
                return log.contains(text);
            },
            5000);
    }

    QString registryHost() const { return u"%1:%2"_s.arg(kRegistryName).arg(m_registry.port()); }

    QStringList pullArguments(const QString &hostsDirectory) const {
        return {u"images"_s,
                u"pull"_s,
                u"--snapshotter"_s,
                u"native"_s,
                u"--hosts-dir"_s,
                hostsDirectory,
                registryHost() + u"/busybox:latest"_s};
    }

    /// A copy of the fixture after `kubespray-wizard apply` with a site profile naming the test's registry (or,
    /// for v2.21, registry.corp.example:5000) on HTTPS with `tls`, read back as the wizard reads inventories.
    std::optional<Assessment> appliedConfig(const QString &fixture, const QString &version, const QString &tls) {
        auto dir = std::make_shared<QTemporaryDir>();
        m_keep.append(dir);
        const QString inventory = dir->filePath(u"inventory"_s);
        if (!test::copyTree(test::fixturePath(u"inventories/"_s + fixture), inventory))
            return std::nullopt;
        const bool legacy = version.startsWith(u"v2.21");
        const QString site = dir->filePath(u"site.yaml"_s);
        test::writeAll(site, u"services:\n  - name: Registry\n    address: 127.0.0.1\n    domains: [%1]\n"
                             "    role: registry\n    scheme: https\n    port: %2\n    tls: %3\n"_s
                                 .arg(legacy ? u"registry.corp.example"_s : kRegistryName)
                                 .arg(legacy ? 5000 : m_registry.port())
                                 .arg(tls)
                                 .toUtf8());
        QProcess apply;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, dir->filePath(u"data"_s));
        apply.setProcessEnvironment(environment);
        apply.start(QStringLiteral(KSW_BINARY),
                    {u"apply"_s, u"--inventory"_s, inventory, u"--site"_s, site, u"--kubespray-version"_s, version});
        if (!apply.waitForFinished(60000) || !apply.readAllStandardOutput().contains("Written.")) {
            qWarning("apply failed: %s", apply.readAllStandardError().constData());
            return std::nullopt;
        }
        Assessment::Request request;
        request.inventoryPath = inventory;
        request.kubesprayVersion = KubesprayVersion::parse(version);
        request.inspectAnsible = false;
        auto assessment = Assessment::run(request);
        if (!assessment)
            return std::nullopt;
        return std::move(*assessment);
    }

    QTemporaryDir m_work;
    test::SelfSignedCertificate m_certificate;
    test::RegistryServer m_registry;
    QString m_etcHosts;
    QList<std::shared_ptr<QTemporaryDir>> m_keep;
};

QTEST_GUILESS_MAIN(TestRegistryTrustPull)
#include "TestRegistryTrustPull.moc"
