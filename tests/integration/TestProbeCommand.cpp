// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "RegistryServer.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

/// `probe`, `check --probe` and `apply --probe` of the real program against real registries on loopback: one over
/// plain HTTP, one over TLS with a self-signed certificate. The site profiles name the registries by their loopback
/// address and list no DNS server, so no name is looked up anywhere.
class TestProbeCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        for (const char *program : {"docker-registry", "skopeo", "busybox"}) {
            if (!ksw::test::hasProgram(QLatin1String(program)))
                QFAIL(
                    qPrintable(QStringLiteral("%1 is missing: scripts/setup installs it").arg(QLatin1String(program))));
        }
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        QVERIFY2(m_certificate.make(m_dir.path(), QStringLiteral("registry.corp.test"), &error), qPrintable(error));
        QVERIFY2(m_tlsRegistry.start(&error, &m_certificate), qPrintable(error));
        m_host = QStringLiteral("127.0.0.1:%1").arg(m_registry.port());
        QVERIFY2(ksw::test::pushBusyboxImage(m_host, QStringLiteral("someapp"), QStringLiteral("latest"), &error),
                 qPrintable(error));
        // The scenario's registry, known here only by its address and with its scheme left to the probe.
        m_site = m_dir.filePath(QStringLiteral("site.yaml"));
        QVERIFY(ksw::test::writeAll(m_site, QStringLiteral("services:\n"
                                                           "  - name: Docker Registry\n"
                                                           "    address: 127.0.0.1\n"
                                                           "    port: %1\n"
                                                           "    role: registry\n"
                                                           "verification:\n"
                                                           "  image: %2/someapp:latest\n")
                                                .arg(m_registry.port())
                                                .arg(m_host)
                                                .toUtf8()));
    }

    void cleanupTestCase() {
        m_registry.stop();
        m_tlsRegistry.stop();
    }

    void probeSaysHttpOnlyAndFindsTheImage() {
        const auto [exitCode, out] =
            run({QStringLiteral("probe"), QStringLiteral("--site"), m_site, QStringLiteral("--json"),
                 QStringLiteral("--timeout"), QStringLiteral("3000")});
        QCOMPARE(exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
        const QJsonArray registries = json.value(u"registries").toArray();
        QCOMPARE(registries.size(), 1);
        const QJsonObject registry = registries.first().toObject();
        QCOMPARE(registry.value(u"host").toString(), m_host);
        QCOMPARE(registry.value(u"verdict").toString(), QStringLiteral("http-only"));
        QVERIFY(registry.value(u"repositories").toArray().contains(QStringLiteral("someapp")));
        QCOMPARE(registry.value(u"image_found").toBool(), true);
        QVERIFY(json.value(u"dns").toArray().isEmpty());
    }

    void textOutputInWords() {
        const auto [exitCode, out] = run({QStringLiteral("probe"), QStringLiteral("--site"), m_site});
        QCOMPARE(exitCode, 0);
        QVERIFY2(out.contains(m_host + QStringLiteral(": ")), qPrintable(out));
        QVERIFY2(out.contains(u"HTTP only"), qPrintable(out));
        QVERIFY2(out.contains(u"someapp:latest exists"), qPrintable(out));
    }

    void missingImageExitsOne() {
        const QString site = m_dir.filePath(QStringLiteral("missing.yaml"));
        QByteArray bytes = ksw::test::readAll(m_site);
        bytes.replace("someapp:latest", "someapp:nope");
        QVERIFY(ksw::test::writeAll(site, bytes));
        const auto [exitCode, out] = run({QStringLiteral("probe"), QStringLiteral("--site"), site});
        QCOMPARE(exitCode, 1);
        QVERIFY2(out.contains(u"someapp:nope is missing"), qPrintable(out));
    }

    void checkWithProbeDecidesTheScheme() {
        // Without a probe nobody knows the registry speaks HTTP only; with it, the fault shows and apply can fix it.
        const QString inventory = ksw::test::sourcePath(QStringLiteral("resources/demo/mycluster"));
        const auto before = run({QStringLiteral("check"), QStringLiteral("--inventory"), inventory,
                                 QStringLiteral("--site"), m_site, QStringLiteral("--json")});
        QVERIFY(!codes(before.second).contains(u"registry-http-without-mirror"));
        const auto after = run({QStringLiteral("check"), QStringLiteral("--inventory"), inventory,
                                QStringLiteral("--site"), m_site, QStringLiteral("--json"), QStringLiteral("--probe")});
        QCOMPARE(after.first, 1);
        QVERIFY2(codes(after.second).contains(u"registry-http-without-mirror"), qPrintable(after.second));
    }

    /// The profile says nothing about the registry's scheme or certificate; the probe finds HTTPS that nobody
    /// vouches for, and `apply --probe` writes the skip_verify mirror (the demo is Kubespray v2.25). Without
    /// --probe, apply knows nothing of it and writes nothing for it.
    void applyWithProbeWritesSkipVerify() {
        const QString host = m_tlsRegistry.hostPort();
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo")), work.path()));
        const QString inventory = work.filePath(QStringLiteral("mycluster"));
        const QString site = work.filePath(QStringLiteral("tls-site.yaml"));
        QVERIFY(ksw::test::writeAll(site, QStringLiteral("services:\n"
                                                         "  - name: TLS Registry\n"
                                                         "    address: 127.0.0.1\n"
                                                         "    port: %1\n"
                                                         "    role: registry\n")
                                              .arg(m_tlsRegistry.port())
                                              .toUtf8()));
        const QString containerdYml = inventory + QStringLiteral("/group_vars/all/containerd.yml");
        const QByteArray entry = QStringLiteral("  - prefix: %1\n"
                                                "    server: https://%1\n"
                                                "    mirrors:\n"
                                                "      - host: https://%1\n"
                                                "        capabilities: [pull, resolve]\n"
                                                "        skip_verify: true\n")
                                     .arg(host)
                                     .toUtf8();

        const auto apply = [&](const QStringList &extra) {
            return run(QStringList{QStringLiteral("apply"), QStringLiteral("--inventory"), inventory,
                                   QStringLiteral("--site"), site} +
                       extra);
        };
        const auto dryRun = apply({QStringLiteral("--dry-run")});
        QVERIFY2(!dryRun.second.contains(host), qPrintable(dryRun.second));

        const auto written = apply({QStringLiteral("--probe")});
        QVERIFY2(written.second.contains(u"Written."), qPrintable(written.second));
        const QByteArray after = ksw::test::readAll(containerdYml);
        QVERIFY2(after.contains(entry), after.constData());

        // Fixed: a second probe finds the same certificate, and now nothing is left to write or to report.
        const auto again = apply({QStringLiteral("--probe")});
        QVERIFY2(again.second.contains(u"Nothing to change."), qPrintable(again.second));
        QCOMPARE(ksw::test::readAll(containerdYml), after);
        const auto check = run({QStringLiteral("check"), QStringLiteral("--inventory"), inventory,
                                QStringLiteral("--site"), site, QStringLiteral("--json"), QStringLiteral("--probe")});
        QVERIFY2(!codes(check.second).contains(u"registry-certificate-untrusted"), qPrintable(check.second));
    }

    /// The profile says the nodes trust the certificate (tls: verify); this machine does not. A warning, and
    /// nothing written: the person's word stands.
    void statedVerifyIsOnlyAWarning() {
        QTemporaryDir work;
        QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo")), work.path()));
        const QString site = work.filePath(QStringLiteral("verify-site.yaml"));
        QVERIFY(ksw::test::writeAll(site, QStringLiteral("services:\n"
                                                         "  - name: TLS Registry\n"
                                                         "    address: 127.0.0.1\n"
                                                         "    port: %1\n"
                                                         "    role: registry\n"
                                                         "    scheme: https\n"
                                                         "    tls: verify\n")
                                              .arg(m_tlsRegistry.port())
                                              .toUtf8()));
        const QString inventory = work.filePath(QStringLiteral("mycluster"));
        const auto check = run({QStringLiteral("check"), QStringLiteral("--inventory"), inventory,
                                QStringLiteral("--site"), site, QStringLiteral("--json"), QStringLiteral("--probe")});
        QJsonObject warning;
        for (const QJsonValue &finding :
             QJsonDocument::fromJson(check.second.toUtf8()).object().value(u"findings").toArray()) {
            if (finding.toObject().value(u"code").toString() == u"registry-certificate-not-trusted-here")
                warning = finding.toObject();
        }
        QCOMPARE(warning.value(u"severity").toString(), QStringLiteral("warning"));
        QVERIFY(!warning.contains(u"fix") || warning.value(u"fix").toObject().value(u"changes").toArray().isEmpty());
        QVERIFY2(!codes(check.second).contains(u"registry-certificate-untrusted"), qPrintable(check.second));
        const auto dryRun =
            run({QStringLiteral("apply"), QStringLiteral("--inventory"), inventory, QStringLiteral("--site"), site,
                 QStringLiteral("--probe"), QStringLiteral("--dry-run")});
        QVERIFY2(!dryRun.second.contains(m_tlsRegistry.hostPort()), qPrintable(dryRun.second));
    }

    void applyProbeNeedsASiteProfile() {
        QTemporaryDir work;
        QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo")), work.path()));
        QCOMPARE(run({QStringLiteral("apply"), QStringLiteral("--inventory"),
                      work.filePath(QStringLiteral("mycluster")), QStringLiteral("--probe")})
                     .first,
                 2);
    }

    void badInput() {
        QCOMPARE(run({QStringLiteral("probe")}).first, 2);
        QCOMPARE(
            run({QStringLiteral("probe"), QStringLiteral("--site"), m_dir.filePath(QStringLiteral("none.yaml"))}).first,
            2);
        QCOMPARE(run({QStringLiteral("probe"), QStringLiteral("--site"), m_site, QStringLiteral("--timeout"),
                      QStringLiteral("soon")})
                     .first,
                 2);
    }

private:
    static QStringList codes(const QString &json) {
        QStringList result;
        for (const QJsonValue &finding : QJsonDocument::fromJson(json.toUtf8()).object().value(u"findings").toArray())
            result.append(finding.toObject().value(u"code").toString());
        return result;
    }

    std::pair<int, QString> run(const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return {-1, {}};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
    }

    QTemporaryDir m_dir;
    ksw::test::RegistryServer m_registry;
    ksw::test::SelfSignedCertificate m_certificate;
    ksw::test::RegistryServer m_tlsRegistry;
    QString m_host;
    QString m_site;
};

QTEST_GUILESS_MAIN(TestProbeCommand)
#include "TestProbeCommand.moc"
