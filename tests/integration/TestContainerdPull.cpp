// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "ContainerdDaemon.h"
#include "RegistryServer.h"
#include "TestSupport.h"

#include "analysis/ContainerdPreview.h"
#include "kubespray/KubesprayVersion.h"
#include "session/WizardSession.h"
#include "verify/Diagnosis.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace ksw;

namespace {

/// The registry's name in image references, in the site profile and in the hosts.toml folder.
///
/// Not an address, because containerd speaks plain HTTP to every loopback registry without being told. Measured
/// with Debian 12's containerd 1.6.20 and ctr, `ctr images pull --hosts-dir EMPTY` with no hosts.toml anywhere:
/// 127.0.0.1:PORT and 127.0.0.2:PORT (a registry bound there) pulled over http:// in 0.1 s, and 127.10.0.1:PORT
/// went straight to "http://127.10.0.1:PORT/v2/…" (connection refused, nothing listened): containerd's
/// docker.IsLocalhost is Go's IP.IsLoopback, all of 127.0.0.0/8 (and ::1, and "localhost"). A node pulling from a
/// company registry never gets that favour, so the test names the loopback registry like a company registry:
/// ctr resolves this name from a hosts file of the test only (ContainerdDaemon::ctr), to 127.0.0.1.
const QString kRegistryName = QStringLiteral("registry.ksw.test");
/// Where Kubespray writes the hosts.toml files (containerd_cfg_dir's default + /certs.d).
const QString kNodeCertsDir = QStringLiteral("/etc/containerd/certs.d/");

} // namespace

/// The wizard's containerd preview, fed to a real containerd pulling from a real HTTP-only registry: without a
/// hosts.toml the pull fails with the words the Verifier's diagnosis sends to the Registries page; with the
/// hosts.toml the wizard renders for the planned inventory, the same pull works.
class TestContainerdPull : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (geteuid() != 0)
            QSKIP("containerd needs root (scripts/test runs as root)");
        for (const auto *program : {"containerd", "ctr", "docker-registry", "skopeo", "unshare", "tar", "gzip"}) {
            if (!test::hasProgram(QString::fromLatin1(program)))
                QFAIL(qPrintable(QStringLiteral("%1 is missing: run scripts/setup").arg(QString::fromLatin1(program))));
        }
        QVERIFY2(QFileInfo::exists(QStringLiteral("/bin/busybox")), "/bin/busybox is missing: run scripts/setup");
        QVERIFY(m_work.isValid());
        // WizardSession::save keeps its history under XDG_DATA_HOME: never the machine's.
        qputenv("XDG_DATA_HOME", m_work.filePath(QStringLiteral("data")).toUtf8());

        QElapsedTimer clock;
        clock.start();
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        const qint64 registryUp = clock.elapsed();
        // Pushed by address: skopeo needs no name, and the registry does not care which name a client used.
        QVERIFY2(
            test::pushBusyboxImage(m_registry.hostPort(), QStringLiteral("busybox"), QStringLiteral("latest"), &error),
            qPrintable(error));
        qInfo("registry up in %lld ms, busybox pushed in %lld ms more", registryUp, clock.elapsed() - registryUp);

        m_etcHosts = m_work.filePath(QStringLiteral("hosts"));
        QVERIFY(test::writeAll(m_etcHosts,
                               QStringLiteral("127.0.0.1 localhost\n127.0.0.1 %1\n").arg(kRegistryName).toUtf8()));
    }

    void init() {
        // A fresh containerd each time: an empty content store, so every pull really fetches.
        m_containerd = std::make_unique<test::ContainerdDaemon>();
        QString error;
        QVERIFY2(m_containerd->start(&error), qPrintable(error));
        qInfo("containerd (pid %lld) answers after %lld ms", m_containerd->pid(), m_containerd->startMs());
    }

    void cleanup() {
        if (m_containerd) {
            if (QTest::currentTestFailed())
                qInfo("containerd said:\n%s", qPrintable(m_containerd->log()));
            m_containerd.reset(); // stops it by its pid and removes its folders
        }
    }

    void cleanupTestCase() { m_registry.stop(); }

    /// Why the test needs a name: see kRegistryName. If this ever fails, containerd stopped favouring loopback
    /// registries, and the name is merely no longer needed.
    void loopbackAddressGetsPlainHttpWithoutAnyConfig() {
        const QString reference = m_registry.hostPort() + QStringLiteral("/busybox:latest");
        const auto pull = m_containerd->ctr(pullArguments(emptyHostsDirectory(), reference));
        QVERIFY2(pull.ok, qPrintable(pull.output));
        qInfo("%s pulled without any hosts.toml in %lld ms", qPrintable(reference), pull.elapsedMs);
    }

    void withoutHostsTomlThePullFailsAndIsDiagnosed() {
        const auto pull = m_containerd->ctr(pullArguments(emptyHostsDirectory(), reference()), m_etcHosts);
        QVERIFY2(!pull.ok, qPrintable(pull.output));
        qInfo("without hosts.toml, in %lld ms:\n%s", pull.elapsedMs, qPrintable(pull.output.trimmed()));
        QVERIFY2(pull.output.contains(QLatin1String("server gave HTTP response to HTTPS client")),
                 qPrintable(pull.output));

        // The diagnosis reads containerd's own words, as a failed pull reports them, and sends the person to the
        // Registries page naming this registry.
        const Diagnosis diagnosis = Diagnosis::diagnose({pull.output}, {});
        QCOMPARE(diagnosis.topic, std::optional<ksw::Topic>(ksw::Topic::Registries));
        QCOMPARE(diagnosis.subject, registryHost());
        QVERIFY2(diagnosis.summary.contains(registryHost()), qPrintable(diagnosis.summary));
        // ctr's last line alone (what a script keeping only the error would show) says as much.
        const QString lastLine = pull.output.trimmed().section(QLatin1Char('\n'), -1);
        QVERIFY2(lastLine.startsWith(QLatin1String("ctr: ")), qPrintable(lastLine));
        QCOMPARE(Diagnosis::diagnose({lastLine}, {}).topic, std::optional<ksw::Topic>(ksw::Topic::Registries));

        const auto images = m_containerd->ctr({QStringLiteral("images"), QStringLiteral("ls"), QStringLiteral("-q")});
        QVERIFY2(images.ok, qPrintable(images.output));
        QVERIFY2(!images.output.contains(reference()), qPrintable(images.output));
    }

    void thePreviewsHostsTomlMakesThePullWork_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("server");

        // The releases whose hosts.toml differ. v2.23 and v2.24 ignore `server:`, so the fallback stays https://
        // and only the [host."http://…"] entry makes it work; v2.23 leaves override_path out. v2.21 is not here:
        // the wizard writes containerd_registries there, which Kubespray renders into config.toml's CRI section
        // only, and ctr does not read that (the CRI plugin would: needs a kubelet or crictl).
        QTest::newRow("v2.23 (the v2.25 fixture read as v2.23.0)")
            << QStringLiteral("v2.25") << QStringLiteral("v2.23.0") << QStringLiteral("https");
        QTest::newRow("v2.25") << QStringLiteral("v2.25") << QStringLiteral("v2.25.0") << QStringLiteral("http");
        QTest::newRow("v2.27") << QStringLiteral("v2.27") << QStringLiteral("v2.27.0") << QStringLiteral("http");
    }

    void thePreviewsHostsTomlMakesThePullWork() {
        QFETCH(QString, fixture);
        QFETCH(QString, version);
        QFETCH(QString, server);

        // A copy of the fixture and a site profile saying the registry speaks HTTP only.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString inventory = dir.filePath(QStringLiteral("inventory"));
        QVERIFY(QDir().mkpath(inventory));
        QVERIFY(test::copyTree(test::fixturePath(QStringLiteral("inventories/") + fixture), inventory));
        const QString site = dir.filePath(QStringLiteral("site.yaml"));
        QVERIFY(test::writeAll(site, QStringLiteral("version: 1\n"
                                                    "services:\n"
                                                    "  - name: Test Registry\n"
                                                    "    address: 127.0.0.1\n"
                                                    "    domains: [%1]\n"
                                                    "    role: registry\n"
                                                    "    scheme: http\n"
                                                    "    port: %2\n"
                                                    "verification:\n"
                                                    "  image: %3\n")
                                         .arg(kRegistryName)
                                         .arg(m_registry.port())
                                         .arg(reference())
                                         .toUtf8()));

        // The wizard's own model: it opens the inventory, plans the registry fix from the profile, and previews
        // the inventory as it would be after saving.
        WizardSession session;
        session.open(inventory, site, KubesprayVersion::parse(version));
        session.waitForOpen();
        QVERIFY(session.isOpen());
        QVERIFY2(session.plannedConfig(), qPrintable(session.editError()));
        const QList<ContainerdPreview::File> files = ContainerdPreview::render(*session.plannedConfig());
        QVERIFY2(!files.isEmpty(), "no containerd preview");

        // containerd reads hosts.toml files at all only with config_path (v2.23–v2.26: containerd_use_config_path).
        QVERIFY(files.first().excerpt);
        QVERIFY2(files.first().text.contains(QStringLiteral("config_path = \"%1\"").arg(kNodeCertsDir.chopped(1))),
                 qPrintable(files.first().text));
        const QString nodePath = kNodeCertsDir + registryHost() + QStringLiteral("/hosts.toml");
        const ContainerdPreview::File *hostsToml = nullptr;
        for (const ContainerdPreview::File &file : files) {
            if (file.path == nodePath)
                hostsToml = &file;
        }
        QVERIFY2(hostsToml, qPrintable(ContainerdPreview::toText(files)));
        qInfo("%s preview of %s:\n%s", qPrintable(version), qPrintable(nodePath), qPrintable(hostsToml->text));
        QVERIFY2(hostsToml->text.startsWith(QStringLiteral("server = \"%1://%2\"\n").arg(server, registryHost())),
                 qPrintable(hostsToml->text));
        QVERIFY2(hostsToml->text.contains(QStringLiteral("[host.\"http://%1\"]").arg(registryHost())),
                 qPrintable(hostsToml->text));

        // Saved, the inventory on disk renders the very same files: the preview is what Kubespray will get.
        const auto saved = session.save();
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
        QCOMPARE(ContainerdPreview::render(session.assessment()->config()), files);

        // Those bytes, where a node keeps them (containerd_cfg_dir/certs.d/<host:port>/hosts.toml), and the pull.
        const QString written = m_containerd->hostsDirectory() + QLatin1Char('/') + nodePath.mid(kNodeCertsDir.size());
        QVERIFY(test::writeAll(written, hostsToml->text.toUtf8()));
        const auto pull = m_containerd->ctr(pullArguments(m_containerd->hostsDirectory(), reference()), m_etcHosts);
        QVERIFY2(pull.ok, qPrintable(pull.output));
        qInfo("pulled with the preview's hosts.toml in %lld ms", pull.elapsedMs);

        const auto images = m_containerd->ctr({QStringLiteral("images"), QStringLiteral("ls"), QStringLiteral("-q")});
        QVERIFY2(images.ok, qPrintable(images.output));
        QVERIFY2(images.output.split(QLatin1Char('\n')).contains(reference()), qPrintable(images.output));
    }

private:
    /// "registry.ksw.test:PORT", as containerd names the registry and its hosts.toml folder.
    QString registryHost() const { return QStringLiteral("%1:%2").arg(kRegistryName).arg(m_registry.port()); }
    QString reference() const { return registryHost() + QStringLiteral("/busybox:latest"); }

    QString emptyHostsDirectory() {
        const QString path = m_work.filePath(QStringLiteral("no-hosts.toml"));
        QDir().mkpath(path);
        return path;
    }

    /// The native snapshotter unpacks by copying, so a pull mounts nothing (overlayfs would mount, and may not
    /// work on an overlay /tmp); the registry part, which is what is under test, is the same.
    static QStringList pullArguments(const QString &hostsDirectory, const QString &reference) {
        return {QStringLiteral("images"),
                QStringLiteral("pull"),
                QStringLiteral("--snapshotter"),
                QStringLiteral("native"),
                QStringLiteral("--hosts-dir"),
                hostsDirectory,
                reference};
    }

    QTemporaryDir m_work;
    test::RegistryServer m_registry;
    std::unique_ptr<test::ContainerdDaemon> m_containerd;
    QString m_etcHosts;
};

QTEST_GUILESS_MAIN(TestContainerdPull)
#include "TestContainerdPull.moc"
