// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the real kubespray-wizard binary.
Result runWizard(const QStringList &arguments) {
    // A data folder of its own: a site profile kept by someone's earlier apply must not leak in.
    static QTemporaryDir dataHome;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.path());
    process.setProcessEnvironment(environment);
    process.setProgram(QStringLiteral(KSW_BINARY));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString demoInventory() {
    return ksw::test::sourcePath(QStringLiteral("resources/demo/mycluster"));
}

QString demoSite() {
    return ksw::test::sourcePath(QStringLiteral("resources/demo/site.yaml"));
}

} // namespace

class TestCheckCommand : public QObject {
    Q_OBJECT

private slots:
    void demoReportsTheScenariosFaults() {
        const auto before = ksw::test::snapshot(ksw::test::sourcePath(QStringLiteral("resources/demo")));
        const Result result = runWizard({QStringLiteral("check"), QStringLiteral("--inventory"), demoInventory(),
                                         QStringLiteral("--site"), demoSite(), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(json.value(QStringLiteral("kubespray_version")).toString(), QStringLiteral("v2.25.0"));
        QVERIFY(json.value(QStringLiteral("hosts_file")).toString().endsWith(u"mycluster/hosts.yaml"));

        QStringList blocking, others;
        for (const QJsonValue &value : json.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject finding = value.toObject();
            for (const char *key : {"code", "severity", "message", "values", "origins", "fix"})
                QVERIFY2(finding.contains(QLatin1String(key)), key);
            (finding.value(QStringLiteral("severity")).toString() == u"blocking" ? blocking : others)
                .append(finding.value(QStringLiteral("code")).toString());
        }
        QCOMPARE(blocking,
                 (QStringList{QStringLiteral("range-contains-company-address"),
                              QStringLiteral("registry-http-without-mirror"), QStringLiteral("company-dns-not-used")}));
        // Debian's ansible-core 2.14 does not fit v2.25's range: the honest warning, and nothing else.
        QVERIFY2(others.isEmpty() || others == QStringList{QStringLiteral("ansible-version-out-of-range")},
                 qPrintable(others.join(u' ')));

        const QJsonObject range = json.value(QStringLiteral("findings")).toArray().at(0).toObject();
        QCOMPARE(range.value(QStringLiteral("values")).toObject().value(QStringLiteral("Docker Registry")).toString(),
                 QStringLiteral("10.233.90.120"));
        const QJsonObject origin = range.value(QStringLiteral("origins")).toArray().at(0).toObject();
        QCOMPARE(origin.value(QStringLiteral("file")).toString(),
                 QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"));
        QCOMPARE(origin.value(QStringLiteral("line")).toInt(), 81);
        QCOMPARE(ksw::test::snapshot(ksw::test::sourcePath(QStringLiteral("resources/demo"))), before);
    }

    void textOutputNamesOriginsAndFixes() {
        const Result result =
            runWizard({QStringLiteral("check"), QStringLiteral("--inventory"), demoInventory(),
                       QStringLiteral("--site"), demoSite(), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(u"[blocking] range-contains-company-address"));
        QVERIFY(result.out.contains(u"kube_pods_subnet: group_vars/k8s_cluster/k8s-cluster.yml:81"));
        QVERIFY(result.out.contains(u"group_vars/k8s_cluster/k8s-cluster.yml: kube_pods_subnet: 10.233.128.0/18"));
        QVERIFY(result.out.contains(u"Kubespray:  v2.25.0"));
    }

    void japaneseMessages() {
        const Result result =
            runWizard({QStringLiteral("check"), QStringLiteral("--inventory"), demoInventory(),
                       QStringLiteral("--site"), demoSite(), QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(result.exitCode, 1);
        // Codes stay as they are; the sentences are Japanese.
        QVERIFY(result.out.contains(u"range-contains-company-address"));
        QVERIFY2(result.out.contains(QRegularExpression(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(result.out.left(400)));
        QVERIFY(!result.out.contains(u"contains 10.233.90.120, the address of"));
    }

    void cleanInventoryExitsZero() {
        // v2.23 accepts Debian's ansible-core 2.14; without a site profile the demo has nothing to report.
        const Result result = runWizard({QStringLiteral("check"), QStringLiteral("--inventory"), demoInventory(),
                                         QStringLiteral("--kubespray-version"), QStringLiteral("v2.23.0")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"No findings"), qPrintable(result.out));
    }

    void inventoryWithoutHostsIsReadAndBlocked() {
        // Ansible reads Kubespray's sample inventory.ini, every host commented out; Kubespray has no node to run on.
        const Result result = runWizard({QStringLiteral("check"), QStringLiteral("--inventory"),
                                         ksw::test::fixturePath(QStringLiteral("inventories/v2.25/inventory.ini")),
                                         QStringLiteral("--kubespray-version"), QStringLiteral("v2.25.0")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(u"inventory-groups-missing"), qPrintable(result.out));
        QVERIFY2(result.out.contains(u"lists no host"), qPrintable(result.out));
    }

    void ansibleRunsUnderALocaleThatIsNotInstalled() {
        // Python refuses a LANG this machine lacks ("could not initialize the preferred locale"); Ansible is then
        // asked under C.UTF-8, so its version is still known.
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("LC_ALL"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("xx_YY.UTF-8"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), {QStringLiteral("check"), QStringLiteral("--inventory"),
                                                   demoInventory(), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("ansible-core 2\\.\\d+"))), qPrintable(out));
    }

    void unreadableVarsAreRefusedAsAnsibleRefusesThem_data() {
        QTest::addColumn<QString>("unreadable"); // relative to the inventory
        QTest::newRow("group_vars folder") << QStringLiteral("group_vars/k8s_cluster");
        QTest::newRow("group_vars file") << QStringLiteral("group_vars/all/all.yml");
    }

    void unreadableVarsAreRefusedAsAnsibleRefusesThem() {
        // As root every file is readable: both programs run as nobody, on a copy only the test's chmod restricts.
        QFETCH(QString, unreadable);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString inventory = dir.filePath(QStringLiteral("inventory"));
        const QString home = dir.filePath(QStringLiteral("home"));
        QVERIFY(ksw::test::copyTree(ksw::test::fixturePath(QStringLiteral("oracle/folder")), inventory));
        QVERIFY(QDir().mkpath(home));
        // copyTree leaves the files to their owner; others may read them, as usual in an inventory.
        QCOMPARE(QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("a+rX"), inventory}),
                 0);
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                      QFileDevice::ExeOther));
        QVERIFY(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("nobody"), home}) == 0);
        QVERIFY(QFile::setPermissions(inventory + QLatin1Char('/') + unreadable, {}));
        const auto asNobody = [&](const QString &program, const QStringList &arguments) {
            QProcess process;
            process.setWorkingDirectory(home); // one nobody may enter
            process.start(QStringLiteral("setpriv"),
                          QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                      QStringLiteral("--clear-groups"), QStringLiteral("env"),
                                      QStringLiteral("HOME=") + home, QStringLiteral("XDG_DATA_HOME=") + home,
                                      program} +
                              arguments);
            process.waitForFinished(60000);
            return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardError()));
        };
        const QString hosts = inventory + QStringLiteral("/hosts.yaml");
        const auto [ansibleExit, ansibleErrors] =
            asNobody(QStringLiteral("ansible-inventory"), {QStringLiteral("-i"), hosts, QStringLiteral("--list")});
        QVERIFY2(ansibleExit != 0 && ansibleErrors.contains(u"Permission denied"), qPrintable(ansibleErrors));
        const auto [exitCode, errors] =
            asNobody(QStringLiteral(KSW_BINARY), {QStringLiteral("check"), QStringLiteral("--inventory"), hosts});
        QCOMPARE(exitCode, 2);
        QVERIFY2(errors.contains(inventory + QLatin1Char('/') + unreadable) || errors.contains(unreadable),
                 qPrintable(errors));
        QVERIFY2(errors.contains(u"permission denied", Qt::CaseInsensitive), qPrintable(errors));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedError");

        QTest::newRow("no inventory") << QStringList{QStringLiteral("check")} << QStringLiteral("--inventory");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("check"), QStringLiteral("--frobnicate")}
                                        << QStringLiteral("frobnicate");
        QTest::newRow("missing path") << QStringList{QStringLiteral("check"), QStringLiteral("--inventory"),
                                                     QStringLiteral("/nonexistent/inventory")}
                                      << QStringLiteral("/nonexistent/inventory");
        QTest::newRow("folder that is not an inventory")
            << QStringList{QStringLiteral("check"), QStringLiteral("--inventory"),
                           ksw::test::sourcePath(QStringLiteral("docs"))}
            << QStringLiteral("not a Kubespray inventory");
        QTest::newRow("bad version") << QStringList{QStringLiteral("check"), QStringLiteral("--inventory"),
                                                    demoInventory(), QStringLiteral("--kubespray-version"),
                                                    QStringLiteral("latest")}
                                     << QStringLiteral("latest");
        QTest::newRow("bad language") << QStringList{QStringLiteral("check"), QStringLiteral("--lang"),
                                                     QStringLiteral("fr")}
                                      << QStringLiteral("fr");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
    }

    void badInput() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedError);
        const Result result = runWizard(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(expectedError), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void brokenYamlNamesFileLineColumn() {
        QTemporaryDir dir;
        QVERIFY(ksw::test::copyTree(demoInventory(), dir.path()));
        const QString file = dir.path() + QStringLiteral("/group_vars/all/all.yml");
        QVERIFY(ksw::test::writeAll(file, "# comment\nupstream_dns_servers:\n  - 10.0.0.1\n  bad: [\n"));
        const auto before = ksw::test::snapshot(dir.path());
        const Result result = runWizard({QStringLiteral("check"), QStringLiteral("--inventory"), dir.path()});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QRegularExpression(QStringLiteral("group_vars/all/all\\.yml:\\d+:\\d+: "))),
                 qPrintable(result.err));
        QCOMPARE(ksw::test::snapshot(dir.path()), before);
    }

    void badSiteProfileNamesLineAndField() {
        QTemporaryDir dir;
        const QString site = dir.filePath(QStringLiteral("site.yaml"));
        QVERIFY(ksw::test::writeAll(site, "services:\n  - name: Registry\n    address: 10.233.90.300\n"));
        const Result result = runWizard(
            {QStringLiteral("check"), QStringLiteral("--inventory"), demoInventory(), QStringLiteral("--site"), site});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(site + QStringLiteral(":3:14: services[0].address:")), qPrintable(result.err));
    }

    void wizardWithoutADisplaySaysSoAndExitsThree() {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QLatin1String(name));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), {QStringLiteral("--demo")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 3);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(u"no display") && err.contains(u"ssh -X"), qPrintable(err));
    }

    void helpAndVersion() {
        const Result help = runWizard({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"--inventory"));
        QVERIFY(help.out.contains(u"Exit codes"));
        const Result version = runWizard({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"kubespray-wizard "));
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "TestCheckCommand.moc"
