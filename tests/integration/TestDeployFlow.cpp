// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The scenario's end, for real: a temporary Kubespray root (KubesprayRoot: real playbooks under Kubespray's names)
// holding the scenario's inventory, run by Debian's ansible-playbook over a real sshd with a password and a sudo
// password (SshNode); the verification job against a Kubernetes API STAND-IN (KubeApiStandIn — no API server can
// run here), reached by the real kubectl through the artifacts cluster.yml writes.
//   CLI: apply the fixes; "cluster only" is refused after the range change; `deploy --reset --verify` runs reset,
//        cluster and the job to "Complete, exit code 0"; Ctrl+C during a run exits 130 with nothing left behind;
//        `verify --json` diagnoses a DNS failure.
//   Wizard (offscreen): the Open page's one-click "Re-deploy mycluster" with the last choices, one password, the
//        reset confirmation, then the Verify page ends in "Complete, exit code 0"; a pull error's diagnosis leads to
//        the Registries page.
#include "KubeApiStandIn.h"
#include "KubesprayRoot.h"
#include "SshNode.h"
#include "TestSupport.h"

#include "Dialogs.h"
#include "MainWizard.h"
#include "deploy/DeployPipeline.h"
#include "pages/DeployPage.h"
#include "pages/VerifyPage.h"
#include "preflight/Preflight.h"
#include "session/WizardSession.h"
#include "store/DeployRecord.h"
#include "store/History.h"
#include "widgets/LogView.h"
#include "widgets/RunView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <signal.h>

using namespace ksw;
using ksw::test::KubeApiStandIn;
using ksw::test::KubesprayRoot;
using ksw::test::SshNode;

namespace {

struct CliRun {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    QString describe() const {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

} // namespace

class TestDeployFlow : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<SshNode> m_node;
    KubesprayRoot m_root;
    QTemporaryDir m_rootFolder;
    QString m_passwordFile;
    std::unique_ptr<KubeApiStandIn> m_api;
    std::unique_ptr<MainWizard> m_wizard;

    /// A fresh API stand-in for the next verification, named by the kubeconfig cluster.yml copies (and, when
    /// `artifactsToo`, by the artifacts already written).
    bool newStandIn(KubeApiStandIn::Scenario scenario, bool artifactsToo = false) {
        m_api = std::make_unique<KubeApiStandIn>(scenario);
        if (!m_api->start())
            return false;
        if (!test::writeAll(m_root.adminConfSource(), m_api->kubeconfig()))
            return false;
        return !artifactsToo ||
               test::writeAll(QDir(m_root.artifacts()).filePath(QStringLiteral("admin.conf")), m_api->kubeconfig());
    }

    QProcessEnvironment cliEnvironment(const QMap<QString, QString> &extra) const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("KUBESPRAY_WIZARD_ANSIBLE_DIR"),
                           test::sourcePath(QStringLiteral("resources/ansible")));
        environment.insert(QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_node->controlPathDir());
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            environment.insert(it.key(), it.value());
        return environment;
    }

    /// Runs the program's CLI while this test's event loop keeps serving the API stand-in. `whileRunning` is
    /// called every 100 ms with the process (a cancel test sends its signal from there).
    CliRun runCli(const QStringList &arguments, const QMap<QString, QString> &environment = {},
                  const std::function<void(QProcess &)> &whileRunning = {}, int timeoutMs = 300000) {
        CliRun run;
        QProcess process;
        process.setProcessEnvironment(cliEnvironment(environment));
        process.start(QStringLiteral(KSW_BINARY), arguments);
        if (!process.waitForStarted(10000))
            return run;
        process.closeWriteChannel(); // no terminal, no input: nobody to prompt
        QElapsedTimer clock;
        clock.start();
        while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
            QTest::qWait(100);
            if (whileRunning)
                whileRunning(process);
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.finished = process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QString dataFolder() const { return History::dataFolder(m_root.inventory()); }

    /// Every file the wizard keeps for the inventory, searched for the password.
    QStringList filesWithPassword() const {
        QStringList found;
        QDirIterator it(m_home.filePath(QStringLiteral("data")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (test::readAll(path).contains(m_node->password().toUtf8()))
                found << path;
        }
        return found;
    }

    /// With KSW_SHOT_DIR set, the window as it is now, as NAME.png there (to look at the pages with a real run).
    void snap(const QString &name) const {
        const QString folder = qEnvironmentVariable("KSW_SHOT_DIR");
        if (!folder.isEmpty() && m_wizard)
            m_wizard->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
    }

    /// Where `secret` shows in any process's argv or environment right now.
    static QStringList secretInProcesses(const QByteArray &secret) {
        QStringList seen;
        for (const test::ProcInfo &p : test::listProcesses()) {
            if (p.cmdline.contains(secret))
                seen << QStringLiteral("argv of %1").arg(p.pid);
            if (test::readAll(QStringLiteral("/proc/%1/environ").arg(p.pid)).contains(secret))
                seen << QStringLiteral("environment of %1").arg(p.pid);
        }
        return seen;
    }

    QList<test::ProcInfo> processesMentioning(const QByteArray &text) const {
        QList<test::ProcInfo> found;
        for (const test::ProcInfo &p : test::listProcesses()) {
            if (p.state != 'Z' && p.cmdline.contains(text))
                found << p;
        }
        return found;
    }

private slots:
    void initTestCase() {
        const QString reason = SshNode::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        m_node = std::make_unique<SshNode>();
        QString error;
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QVERIFY2(m_root.create(m_rootFolder.path(), *m_node, &error), qPrintable(error));
        m_passwordFile = m_home.filePath(QStringLiteral("ssh-password"));
        QVERIFY(test::writeAll(m_passwordFile, m_node->password().toUtf8() + '\n'));
        QVERIFY(QFile::setPermissions(m_passwordFile, QFile::ReadOwner | QFile::WriteOwner));
        Dialogs::recordedWarnings().clear();
    }

    void cleanup() {
        if (m_node)
            m_node->stopMuxMasters();
    }

    void cleanupTestCase() {
        m_wizard.reset();
        if (m_node)
            m_node->stop();
    }

    /// `apply` writes the scenario's fixes (a new pod range among them); "cluster only" is then refused, naming
    /// the range, and nothing runs.
    void cliClusterOnlyRefusedAfterRangeChange() {
        const CliRun apply = runCli({QStringLiteral("apply"), QStringLiteral("--inventory"), m_root.inventory(),
                                     QStringLiteral("--site"), m_root.sitePath()});
        QVERIFY2(apply.finished && (apply.exitCode == 0 || apply.exitCode == 1), qPrintable(apply.describe()));
        const QByteArray clusterVars =
            test::readAll(QDir(m_root.inventory()).filePath(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml")));
        QVERIFY(!clusterVars.contains("\nkube_pods_subnet: 10.233.64.0/18"));

        const CliRun refused = runCli({QStringLiteral("deploy"), QStringLiteral("--inventory"), m_root.inventory(),
                                       QStringLiteral("--password-file"), m_passwordFile});
        QVERIFY2(refused.finished && refused.exitCode == 2, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains("kube_pods_subnet: 10.233.64.0/18"), qPrintable(refused.describe()));
        QVERIFY(m_root.marker().isEmpty()); // no playbook ran
    }

    /// `deploy --reset --verify`: reset.yml then cluster.yml as root over SSH, then the job: "Complete, exit code 0".
    void cliRedeployAndVerify() {
        QVERIFY(newStandIn(KubeApiStandIn::Scenario::Success));
        const CliRun run = runCli({QStringLiteral("deploy"), QStringLiteral("--inventory"), m_root.inventory(),
                                   QStringLiteral("--reset"), QStringLiteral("--verify"),
                                   QStringLiteral("--password-file"), m_passwordFile});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("Complete, exit code 0"), qPrintable(run.describe()));
        QVERIFY2(run.err.contains("Step 1 of 3: Reset") && run.err.contains("Step 2 of 3: Cluster") &&
                     run.err.contains("Step 3 of 3: Verification"),
                 qPrintable(run.describe()));
        QCOMPARE(m_root.marker(), QByteArray("reset\ncluster\n"));
        QVERIFY(QFileInfo(QDir(m_root.artifacts()).filePath(QStringLiteral("kubectl.sh"))).isExecutable());
        QCOMPARE(m_api->count("POST", QStringLiteral("/jobs")), 1);
        QVERIFY2(m_api->deletion() != nullptr, qPrintable(m_api->transcript()));

        // The choices and the ranges the cluster now has are kept; never a password, anywhere.
        const auto record = DeployRecord::load(dataFolder());
        QVERIFY(record.hasValue());
        QVERIFY(record->choices && record->deployed);
        QCOMPARE(record->choices->action, DeployAction::Redeploy);
        QCOMPARE(record->choices->verifyAfter, true);
        QVERIFY(record->deployed->ranges.value(QStringLiteral("kube_pods_subnet")) != u"10.233.64.0/18");
        QVERIFY(record->lastVerification.contains(QLatin1String("Complete, exit code 0")));
        QCOMPARE(filesWithPassword(), QStringList());
        QVERIFY(!run.out.contains(m_node->password().toUtf8()) && !run.err.contains(m_node->password().toUtf8()));
    }

    /// Ctrl+C in the middle of cluster.yml: exit 130, and no process of the run is left (not the remote sleep, not
    /// ansible-playbook).
    void cliInterruptCancelsCleanly() {
        bool interrupted = false;
        const QByteArray sleeping = "sleep " + KubesprayRoot::sleepArgument().toUtf8();
        const CliRun run = runCli({QStringLiteral("deploy"), QStringLiteral("--inventory"), m_root.inventory(),
                                   QStringLiteral("--password-file"), m_passwordFile},
                                  {{QStringLiteral("KSW_TEST_SLOW"), QStringLiteral("1")}}, [&](QProcess &process) {
                                      if (!interrupted && !processesMentioning(sleeping).isEmpty()) {
                                          ::kill(pid_t(process.processId()), SIGINT);
                                          interrupted = true;
                                      }
                                  });
        QVERIFY2(interrupted, qPrintable(run.describe()));
        QVERIFY2(run.finished && run.exitCode == 130, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("Cancelling"), qPrintable(run.describe()));
        // The controller side is gone: no ansible-playbook, no ssh of the run.
        QVERIFY(processesMentioning(m_root.hostsFile().toUtf8()).isEmpty());
        QVERIFY2(run.err.contains("may still run"), qPrintable(run.describe()));
        // The node side: with Kubespray's pipelining the remote command has no pty and runs on (measured in
        // TestPlaybookRunner); the log says so. The node is this test's: stop it by pid.
        QList<qint64> remote;
        for (const test::ProcInfo &p : processesMentioning(sleeping))
            remote << p.pid;
        qInfo("remote sleep still running after the cancel: %s", remote.isEmpty() ? "no" : "yes");
        SshNode::stopByPid(remote);
        QVERIFY(!m_root.marker().endsWith("reset\ncluster\ncluster\n")); // the install never happened
    }

    /// The wizard: "Re-deploy mycluster" on the Open page, the last choices, one password, the reset
    /// confirmation — and the Verify page says "Complete, exit code 0".
    void wizardOneClickRedeploy() {
        QVERIFY(newStandIn(KubeApiStandIn::Scenario::Success));
        m_wizard = std::make_unique<MainWizard>();
        m_wizard->deployPipeline()->setPluginFolder(
            test::sourcePath(QStringLiteral("resources/ansible/callback_plugins")));
        m_wizard->deployPipeline()->setEnvironment(
            {{QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_node->controlPathDir()}});
        m_wizard->deployPipeline()->setVerifyPollInterval(200);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));

        auto *inventory = m_wizard->findChild<QComboBox *>(QStringLiteral("inventoryComboBox"));
        auto *redeploy = m_wizard->findChild<QPushButton *>(QStringLiteral("redeployPushButton"));
        QVERIFY(inventory && redeploy);
        inventory->setCurrentText(m_root.hostsFile());
        QVERIFY(redeploy->isVisible());
        QVERIFY2(redeploy->text().remove(QLatin1Char('&')).contains(QLatin1String("mycluster")),
                 qPrintable(redeploy->text()));
        QTest::mouseClick(redeploy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(MainWizard::DeployPageId), 60000);

        DeployPage *deploy = m_wizard->deployPage();
        QVERIFY(deploy->findChild<QRadioButton *>(QStringLiteral("redeployRadioButton"))->isChecked());
        auto *password = deploy->findChild<QLineEdit *>(QStringLiteral("sshPasswordLineEdit"));
        auto *deployButton = deploy->findChild<QPushButton *>(QStringLiteral("deployPushButton"));
        QVERIFY(password && deployButton);
        QVERIFY2(deployButton->isEnabled(),
                 qPrintable(deploy->findChild<QLabel *>(QStringLiteral("statusLabel"))->text()));
        QTest::keyClicks(password, m_node->password());
        Dialogs::setNextAnswer(QMessageBox::Yes); // the reset confirmation
        // While the playbooks run, the password must never show in a process's argv or environment.
        QStringList leaks;
        int scans = 0;
        QTimer scan;
        connect(&scan, &QTimer::timeout, this, [&] {
            ++scans;
            leaks << secretInProcesses(m_node->password().toUtf8());
        });
        scan.start(50);
        QTest::mouseClick(deployButton, Qt::LeftButton);
        QVERIFY(m_wizard->deployPipeline()->isRunning());
        QVERIFY(password->text().isEmpty()); // handed over, not kept by the page

        bool snapped = false;
        connect(m_wizard->deployPipeline(), &DeployPipeline::stepStarted, this, [&](DeployPipeline::Step step) {
            if (step == DeployPipeline::Step::Verify && !snapped) {
                snap(QStringLiteral("deploy-after-cluster"));
                snapped = true;
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(MainWizard::VerifyPageId), 240000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->deployPipeline()->isRunning(), 120000);
        snap(QStringLiteral("verify-complete"));
        scan.stop();
        QVERIFY(scans > 10);
        QCOMPARE(leaks, QStringList());
        QCOMPARE(m_wizard->verifyPage()->resultText(), QStringLiteral("Complete, exit code 0"));
        // The run page followed the playbook: cluster.yml's host row with its tasks, the bar full.
        auto *hosts = deploy->runView()->findChild<QTableView *>(QStringLiteral("hostTableView"));
        auto *bar = deploy->runView()->findChild<QProgressBar *>(QStringLiteral("progressBar"));
        QVERIFY(hosts && hosts->model() && bar);
        QCOMPARE(hosts->model()->rowCount(), 1);
        QCOMPARE(hosts->model()->index(0, 0).data().toString(), QStringLiteral("node1"));
        QVERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
        // One log for the deploy: reset.yml's lines above cluster.yml's.
        const QString log = deploy->runView()->logView()->toPlainText();
        const qsizetype resetAt = log.indexOf(u"Reset | remember the reset on the node");
        const qsizetype clusterAt = log.indexOf(u"Install | remember the install on the node");
        QVERIFY2(resetAt >= 0 && clusterAt > resetAt, qPrintable(log.left(3000)));
        QVERIFY(log.contains(u"Next playbook: cluster.yml"));
        QVERIFY(m_root.marker().endsWith("reset\ncluster\n"));
        QCOMPARE(m_root.marker().count("reset\n"), 2);
        QVERIFY(m_api->deletion() != nullptr);
        QCOMPARE(filesWithPassword(), QStringList());
    }

    /// Verification on demand ends in a pull error: the diagnosis names the registry problem and its button shows
    /// the Registries page.
    void wizardDiagnosisLeadsToTheFixingPage() {
        if (!m_wizard)
            QSKIP("needs the wizard of wizardOneClickRedeploy");
        QVERIFY(newStandIn(KubeApiStandIn::Scenario::HttpOnlyRegistry, true));
        QCOMPARE(m_wizard->currentId(), int(MainWizard::VerifyPageId));
        VerifyPage *verify = m_wizard->verifyPage();
        auto *verifyButton = verify->findChild<QPushButton *>(QStringLiteral("verifyPushButton"));
        QVERIFY(verifyButton && verifyButton->isEnabled());
        QTest::mouseClick(verifyButton, Qt::LeftButton);
        QVERIFY(m_wizard->deployPipeline()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->deployPipeline()->isRunning(), 60000);
        QVERIFY2(verify->resultText() != u"Complete, exit code 0", qPrintable(verify->resultText()));
        QCOMPARE(verify->fixPageId(), int(MainWizard::RegistriesPageId));
        snap(QStringLiteral("verify-diagnosis"));
        auto *fix = verify->findChild<QPushButton *>(QStringLiteral("fixPushButton"));
        QVERIFY(fix && fix->isVisible());
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(MainWizard::RegistriesPageId));
        QVERIFY(m_api->deletion() != nullptr);
    }

    /// Cancel in the run view while cluster.yml runs: the deploy ends as cancelled and nothing of Ansible is left on
    /// this machine.
    void wizardCancelLeavesNothingBehind() {
        if (!m_wizard)
            QSKIP("needs the wizard of wizardOneClickRedeploy");
        DeployPipeline *pipeline = m_wizard->deployPipeline();
        const QMap<QString, QString> environment = pipeline->environment();
        QMap<QString, QString> slow = environment;
        slow.insert(QStringLiteral("KSW_TEST_SLOW"), QStringLiteral("1"));
        pipeline->setEnvironment(slow);
        m_wizard->goToPage(MainWizard::DeployPageId);
        QCOMPARE(m_wizard->currentId(), int(MainWizard::DeployPageId));
        DeployPage *deploy = m_wizard->deployPage();
        deploy->findChild<QRadioButton *>(QStringLiteral("clusterRadioButton"))->setChecked(true);
        deploy->findChild<QCheckBox *>(QStringLiteral("verifyCheckBox"))->setChecked(false);
        auto *deployButton = deploy->findChild<QPushButton *>(QStringLiteral("deployPushButton"));
        QVERIFY2(deployButton->isEnabled(),
                 qPrintable(deploy->findChild<QLabel *>(QStringLiteral("statusLabel"))->text()));
        QTest::keyClicks(deploy->findChild<QLineEdit *>(QStringLiteral("sshPasswordLineEdit")), m_node->password());
        std::optional<DeployPipeline::Result> result;
        const QMetaObject::Connection connection =
            connect(pipeline, &DeployPipeline::finished, this, [&](const DeployPipeline::Result &r) { result = r; });
        QTest::mouseClick(deployButton, Qt::LeftButton);

        const QByteArray sleeping = "sleep " + KubesprayRoot::sleepArgument().toUtf8();
        QTRY_VERIFY_WITH_TIMEOUT(!processesMentioning(sleeping).isEmpty(), 120000);
        auto *cancel = deploy->runView()->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        disconnect(connection);
        pipeline->setEnvironment(environment);
        QCOMPARE(result->outcome, DeployPipeline::Outcome::Cancelled);
        QCOMPARE(result->failedStep, std::optional<DeployPipeline::Step>(DeployPipeline::Step::Cluster));
        QVERIFY(processesMentioning(m_root.hostsFile().toUtf8()).isEmpty());
        QList<qint64> remote; // pipelining leaves the node's command running (see cliInterruptCancelsCleanly)
        for (const test::ProcInfo &p : processesMentioning(sleeping))
            remote << p.pid;
        SshNode::stopByPid(remote);
        // A cancelled deploy changes nothing of what one-click re-deploy repeats.
        const auto record = DeployRecord::load(dataFolder());
        QVERIFY(record.hasValue() && record->choices);
        QCOMPARE(record->choices->action, DeployAction::Redeploy);
    }

    /// "Check the nodes first" on the Deploy page: the read-only preflight over the real sshd, what the node said
    /// joins the findings. The profile is switched to loopback services first (a DNS server where nothing
    /// listens, a registry port that is closed), so the node contacts nothing beyond this machine.
    void wizardPreflightFromTheDeployPage() {
        if (!m_wizard)
            QSKIP("needs the wizard of wizardOneClickRedeploy");
        QTcpServer probe; // a port nothing listens on once closed
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        const QByteArray profile = QStringLiteral("version: 1\n"
                                                  "services:\n"
                                                  "  - name: Company DNS\n"
                                                  "    address: 127.77.0.53\n"
                                                  "    domains: [intranet.ksw.test]\n"
                                                  "    role: dns\n"
                                                  "  - name: Registry\n"
                                                  "    address: 127.0.0.1\n"
                                                  "    role: registry\n"
                                                  "    scheme: http\n"
                                                  "    port: %1\n"
                                                  "verification:\n"
                                                  "  image: 127.0.0.1:%1/someapp:latest\n")
                                       .arg(closedPort)
                                       .toUtf8();
        const auto site = SiteProfile::parse(profile, m_home.filePath(QStringLiteral("loopback-site.yaml")));
        QVERIFY2(site.hasValue(), site.hasValue() ? "" : qPrintable(site.error().toString()));
        m_wizard->session()->setSite(*site);
        m_wizard->goToPage(MainWizard::DeployPageId);
        QCOMPARE(m_wizard->currentId(), int(MainWizard::DeployPageId));

        DeployPage *deploy = m_wizard->deployPage();
        deploy->preflight()->setPlaybookFolder(test::sourcePath(QStringLiteral("resources/ansible")));
        auto *password = deploy->findChild<QLineEdit *>(QStringLiteral("sshPasswordLineEdit"));
        auto *check = deploy->findChild<QPushButton *>(QStringLiteral("preflightPushButton"));
        QVERIFY(password && check && check->isEnabled());
        QTest::keyClicks(password, m_node->password());
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(deploy->preflight()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!deploy->preflight()->isRunning(), 120000);

        const auto &report = m_wizard->session()->preflightReport();
        QVERIFY(report.has_value());
        const PreflightReport::Host *node = report->host(QStringLiteral("node1"));
        QVERIFY(node && node->examined);
        QVERIFY(std::any_of(node->addresses.cbegin(), node->addresses.cend(),
                            [](const PreflightReport::Address &a) { return a.address.toString() == u"127.0.0.1"; }));
        QStringList codes;
        for (const Finding &finding : m_wizard->session()->assessment()->findings())
            codes << finding.code;
        QVERIFY2(codes.contains(QStringLiteral("node-cannot-reach-registry")), qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(QStringLiteral("node-cannot-resolve")), qPrintable(codes.join(u' ')));
        QVERIFY(deploy->findChild<QWidget *>(QStringLiteral("nodeFindingsView"))->isVisible());
        snap(QStringLiteral("deploy-preflight"));
        QCOMPARE(filesWithPassword(), QStringList());
    }

    /// `verify --json` on a job whose container cannot resolve a company name: exit 1, diagnosis "dns".
    void cliVerifyDiagnosesDns() {
        QVERIFY(newStandIn(KubeApiStandIn::Scenario::DnsFailure, true));
        const CliRun run = runCli(
            {QStringLiteral("verify"), QStringLiteral("--inventory"), m_root.inventory(), QStringLiteral("--json")});
        QVERIFY2(run.finished && run.exitCode == 1, qPrintable(run.describe()));
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QStringLiteral("succeeded")).toBool(true), false);
        QCOMPARE(result.value(QStringLiteral("exit_code")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("diagnosis")).toObject().value(QStringLiteral("page")).toString(),
                 QStringLiteral("dns"));
        QVERIFY(m_api->deletion() != nullptr);
    }
};

QTEST_MAIN(TestDeployFlow)
#include "TestDeployFlow.moc"
