// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The Verifier with the real kubectl (whatever `kubectl` is on the PATH) against KubeApiStandIn, a test-made
// stand-in for the Kubernetes API (no API server can run here), on 127.0.0.1 only. Each scenario checks the
// outcome, the exit code, the diagnosis page, the job name's shape and that the job was deleted at the end.
#include "KubeApiStandIn.h"
#include "TestSupport.h"

#include "util/ProcessTable.h"
#include "verify/ClusterAccess.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ksw;
using ksw::test::KubeApiStandIn;
using Scenario = KubeApiStandIn::Scenario;
using Outcome = VerificationResult::Outcome;
// The topic a diagnosis points at, or none.
using Page = std::optional<Topic>;
namespace Pages {
const Page None;
const Page Registries = Topic::Registries;
const Page Dns = Topic::Dns;
const Page Ranges = Topic::Ranges;
} // namespace Pages

namespace {

const QString kImage = QStringLiteral("docker-registry.hideichi.as.a.service.com/someapp:latest");

/// Kubespray's own artifacts/kubectl.sh, byte for byte (FACTS.md §7).
constexpr auto kKubesprayScript =
    "#!/bin/bash\n${BASH_SOURCE%/*}/kubectl --kubeconfig=${BASH_SOURCE%/*}/admin.conf \"$@\"\n";

Cidr cidr(const char *text) {
    return *Cidr::parse(QString::fromLatin1(text)).cidr;
}

/// Everything one verification emitted.
struct Run {
    VerificationResult result;
    QStringList steps;
    bool finished = false;
    int finishedCount = 0;
};

} // namespace

class TestVerifier : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void success_adminConf();
    void success_kubesprayScript();
    void httpOnlyRegistry_diagnosedAsRegistries();
    void badAddress_diagnosedAsDns();
    void timeoutInsidePodRange_diagnosedAsRanges();
    void neverCompletes_timesOut();
    void cancelWhileWaiting_stillDeletes();
    void keepJob_leavesTheJob();
    void createRefused_isAnError();
    void jobVanishes_isAnError();
    void hangingKubectl_isKilledWithItsChildren();
    void destroyedWhileRunning_killsKubectl();
    void noArtifacts_noAccessAndNothingStarted();
    void badRequest_refusedBeforeStarting();
    void locate_prefersTheScript_andHonoursTheOverride();

private:
    /// An inventory whose artifacts/kubectl.sh never ends: it notes its process id in artifacts/pid and sleeps.
    QString hangingInventory();
    /// Live processes of the process group `pgid` (the script and its sleep).
    static int aliveInGroup(qint64 pgid);
    /// An inventory folder whose artifacts point at `standIn`: admin.conf always; with `script`, also Kubespray's
    /// kubectl.sh beside a link `kubectl` to the real kubectl.
    QString inventory(const KubeApiStandIn &standIn, bool script);
    VerificationRequest request(const ClusterAccess &access) const;
    Run verify(const VerificationRequest &request, const std::function<void(Verifier &, Run &)> &onStep = {});
    void checkCommon(const KubeApiStandIn &standIn, const Run &run);

    QString m_kubectl;
    QTemporaryDir m_home;
    std::vector<std::unique_ptr<QTemporaryDir>> m_folders;
};

void TestVerifier::initTestCase() {
    const QString found = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (found.isEmpty())
        QSKIP("no kubectl on the PATH");
    m_kubectl = QFileInfo(found).canonicalFilePath();
    QVERIFY(m_home.isValid());
    // kubectl keeps its discovery cache under $HOME/.kube: a private one, and no KUBECONFIG of the person running this.
    qputenv("HOME", m_home.path().toUtf8());
    qunsetenv("KUBECONFIG");
}

QString TestVerifier::inventory(const KubeApiStandIn &standIn, bool script) {
    m_folders.push_back(std::make_unique<QTemporaryDir>());
    const QString folder = m_folders.back()->path();
    const QString artifacts = folder + QStringLiteral("/artifacts");
    if (!ksw::test::writeAll(folder + QStringLiteral("/hosts.yaml"), "all:\n  hosts:\n    node1:\n"))
        return {};
    if (!ksw::test::writeAll(artifacts + QStringLiteral("/admin.conf"), standIn.kubeconfig()))
        return {};
    if (script) {
        if (!QFile::link(m_kubectl, artifacts + QStringLiteral("/kubectl")))
            return {};
        const QString path = artifacts + QStringLiteral("/kubectl.sh");
        if (!ksw::test::writeAll(path, kKubesprayScript))
            return {};
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                        QFile::ExeGroup);
    }
    return folder;
}

VerificationRequest TestVerifier::request(const ClusterAccess &access) const {
    VerificationRequest request;
    request.access = access;
    request.image = kImage;
    request.pollIntervalMs = 200;
    request.timeoutMs = 60000;
    request.kubectlTimeoutMs = 20000;
    request.clusterRanges = {cidr("10.233.64.0/18"), cidr("10.233.0.0/18")};
    return request;
}

Run TestVerifier::verify(const VerificationRequest &request, const std::function<void(Verifier &, Run &)> &onStep) {
    Run run;
    Verifier verifier;
    connect(&verifier, &Verifier::step, this, [&](const QString &text) {
        run.steps << text;
        if (onStep)
            onStep(verifier, run);
    });
    connect(&verifier, &Verifier::finished, this, [&](const VerificationResult &result) {
        run.result = result;
        run.finished = true;
        ++run.finishedCount;
    });
    QString error;
    if (!verifier.start(request, &error)) {
        qWarning("start failed: %s", qPrintable(error));
        return run;
    }
    if (!verifier.isRunning())
        qWarning("not running after start");
    // The test's event loop serves the stand-in while kubectl runs.
    QElapsedTimer clock;
    clock.start();
    while (!run.finished && clock.elapsed() < 120000)
        QTest::qWait(20);
    QTest::qWait(50); // a second finished() would show up here
    if (verifier.isRunning())
        qWarning("still running after finished()");
    return run;
}

void TestVerifier::checkCommon(const KubeApiStandIn &standIn, const Run &run) {
    const VerificationResult &result = run.result;
    QVERIFY2(run.finished, qPrintable(standIn.transcript()));
    QCOMPARE(run.finishedCount, 1);
    static const QRegularExpression shape(QStringLiteral("^ksw-verify-\\d{8}-\\d{6}-[0-9a-f]{4}$"));
    QVERIFY2(shape.match(result.jobName).hasMatch(), qPrintable(result.jobName));
    QVERIFY(Verifier::isDns1123Label(result.jobName));
    QCOMPARE(standIn.createdJobName(), result.jobName);
    QCOMPARE(result.namespaceName, QStringLiteral("default"));
    // The manifest: one attempt, the image asked for, and the safety net should this program die.
    const QJsonObject spec = standIn.createdJob().value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("backoffLimit")).toInt(-1), 0);
    const QJsonObject pod = spec.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject();
    QCOMPARE(pod.value(QStringLiteral("restartPolicy")).toString(), QStringLiteral("Never"));
    QCOMPARE(
        pod.value(QStringLiteral("containers")).toArray().first().toObject().value(QStringLiteral("image")).toString(),
        kImage);
    // Deleted at the end, with its pods.
    const KubeApiStandIn::Request *deletion = standIn.deletion();
    QVERIFY2(deletion, qPrintable(standIn.transcript()));
    QCOMPARE(QJsonDocument::fromJson(deletion->body).object().value(QStringLiteral("propagationPolicy")).toString(),
             QStringLiteral("Foreground"));
    QVERIFY(result.cleanedUp);
    QCOMPARE(standIn.requests().last().method, QByteArray("DELETE"));
    QVERIFY(run.steps.first().contains(result.jobName));
    QCOMPARE(run.steps.last(), QStringLiteral("Deleting the job"));
}

void TestVerifier::success_adminConf() {
    KubeApiStandIn standIn(Scenario::Success);
    QVERIFY(standIn.start());
    const QString folder = inventory(standIn, false);
    QVERIFY(!folder.isEmpty());
    const ClusterAccess access = ClusterAccess::locate(folder, m_kubectl);
    QCOMPARE(access.kind, ClusterAccess::Kind::AdminConf);
    QCOMPARE(access.program, m_kubectl);
    QCOMPARE(access.baseArguments,
             QStringList{QStringLiteral("--kubeconfig=%1/artifacts/admin.conf").arg(QDir(folder).absolutePath())});

    const Run run = verify(request(access));
    checkCommon(standIn, run);
    const VerificationResult &result = run.result;
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + QLatin1Char('\n') + standIn.transcript()));
    QCOMPARE(result.outcome, Outcome::Complete);
    QCOMPARE(result.exitCode, std::optional<int>(0));
    QCOMPARE(result.summary(), QStringLiteral("Complete, exit code 0"));
    QCOMPARE(result.podName, standIn.podName());
    QCOMPARE(result.diagnosis.topic, Pages::None);
    QVERIFY(result.diagnosis.summary.isEmpty());
    QVERIFY(result.log.contains(QStringLiteral("verification passed")));
    // Events of the job and the pod, oldest first, whatever order the server listed them in.
    QCOMPARE(result.events.first(), QStringLiteral("Normal SuccessfulCreate: Created pod: %1").arg(result.podName));
    QVERIFY(result.events.contains(QStringLiteral("Normal Started: Started container verify")));
    QVERIFY(run.steps.contains(QStringLiteral("Waiting for the pod (0 s) — ContainerCreating")));
    QVERIFY(run.steps.contains(QStringLiteral("Reading the pod's events")));
    // The requests the Verifier made, by what they ask.
    QCOMPARE(standIn.count("POST", QStringLiteral("/jobs")), 1);
    QVERIFY(standIn.count("GET", QStringLiteral("/jobs/") + result.jobName) >= 3);
    QVERIFY(standIn.count("GET", QStringLiteral("/log")) == 1);
    QCOMPARE(standIn.count("GET", QStringLiteral("/events")), 2);
}

void TestVerifier::success_kubesprayScript() {
    KubeApiStandIn standIn(Scenario::Success);
    QVERIFY(standIn.start());
    const QString folder = inventory(standIn, true);
    QVERIFY(!folder.isEmpty());
    const ClusterAccess access = ClusterAccess::locate(folder);
    QCOMPARE(access.kind, ClusterAccess::Kind::KubectlScript);
    QCOMPARE(access.program, QDir(folder).absoluteFilePath(QStringLiteral("artifacts/kubectl.sh")));
    QVERIFY(access.baseArguments.isEmpty());
    QCOMPARE(access.describe(), QStringLiteral("artifacts/kubectl.sh"));

    const Run run = verify(request(access));
    checkCommon(standIn, run);
    QCOMPARE(run.result.summary(), QStringLiteral("Complete, exit code 0"));
    QVERIFY(run.result.succeeded());
}

void TestVerifier::httpOnlyRegistry_diagnosedAsRegistries() {
    KubeApiStandIn standIn(Scenario::HttpOnlyRegistry);
    QVERIFY(standIn.start());
    const QString folder = inventory(standIn, true);
    VerificationRequest ask = request(ClusterAccess::locate(folder));
    ask.timeoutMs = 120000;
    QElapsedTimer clock;
    clock.start();
    const Run run = verify(ask);
    checkCommon(standIn, run);
    const VerificationResult &result = run.result;
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY(!result.succeeded());
    QCOMPARE(result.exitCode, std::nullopt);
    QVERIFY2(result.reason == QLatin1String("ErrImagePull"), qPrintable(result.reason));
    QCOMPARE(result.summary(), QStringLiteral("Failed: ErrImagePull"));
    QCOMPARE(result.diagnosis.topic, Pages::Registries);
    QVERIFY2(result.diagnosis.evidence.contains(QLatin1String(KubeApiStandIn::kRegistryError)),
             qPrintable(result.diagnosis.evidence));
    QCOMPARE(result.diagnosis.subject, QStringLiteral("docker-registry.hideichi.as.a.service.com"));
    QVERIFY(result.diagnosis.summary.contains(QStringLiteral("Registries")));
    QVERIFY(result.events.contains(QStringLiteral("Warning Failed: Error: ErrImagePull")));
    QVERIFY(result.log.isEmpty()); // the container never started: no log, and no error for it
    // An image error is the verdict after a few polls, not after the whole time-out.
    QVERIFY(standIn.jobReads() <= 6);
    QVERIFY(clock.elapsed() < ask.timeoutMs / 2);
}

void TestVerifier::badAddress_diagnosedAsDns() {
    KubeApiStandIn standIn(Scenario::DnsFailure);
    QVERIFY(standIn.start());
    const Run run = verify(request(ClusterAccess::locate(inventory(standIn, true))));
    checkCommon(standIn, run);
    const VerificationResult &result = run.result;
    QCOMPARE(result.outcome, Outcome::Failed);
    QCOMPARE(result.exitCode, std::optional<int>(1));
    QCOMPARE(result.reason, QStringLiteral("BackoffLimitExceeded"));
    QCOMPARE(result.summary(), QStringLiteral("Failed, exit code 1 (BackoffLimitExceeded)"));
    QCOMPARE(result.diagnosis.topic, Pages::Dns);
    QCOMPARE(result.diagnosis.evidence, QStringLiteral("wget: bad address 'coredns.hideichi.as.a.service.com'"));
    QCOMPARE(result.diagnosis.subject, QStringLiteral("coredns.hideichi.as.a.service.com"));
    QVERIFY(result.diagnosis.summary.contains(QStringLiteral("DNS page")));
    QVERIFY(result.events.contains(
        QStringLiteral("Warning BackoffLimitExceeded: Job has reached the specified backoff limit")));
}

void TestVerifier::timeoutInsidePodRange_diagnosedAsRanges() {
    KubeApiStandIn standIn(Scenario::RangeTimeout);
    QVERIFY(standIn.start());
    const Run run = verify(request(ClusterAccess::locate(inventory(standIn, false), m_kubectl)));
    checkCommon(standIn, run);
    const VerificationResult &result = run.result;
    QCOMPARE(result.outcome, Outcome::Failed);
    QCOMPARE(result.exitCode, std::optional<int>(1));
    QCOMPARE(result.diagnosis.topic, Pages::Ranges);
    QCOMPARE(result.diagnosis.subject, QStringLiteral("10.233.90.120"));
    QCOMPARE(result.diagnosis.range, QStringLiteral("10.233.64.0/18"));
    QVERIFY(result.diagnosis.evidence.contains(QStringLiteral("dial tcp 10.233.90.120:80: i/o timeout")));
    QVERIFY(result.diagnosis.summary.contains(QStringLiteral("10.233.90.120")));
    QVERIFY(result.diagnosis.summary.contains(QStringLiteral("10.233.64.0/18")));
    QVERIFY(result.diagnosis.summary.contains(QStringLiteral("Address ranges")));
}

void TestVerifier::neverCompletes_timesOut() {
    KubeApiStandIn standIn(Scenario::NeverCompletes);
    QVERIFY(standIn.start());
    VerificationRequest ask = request(ClusterAccess::locate(inventory(standIn, false), m_kubectl));
    ask.timeoutMs = 3000;
    ask.pollIntervalMs = 200;
    QElapsedTimer clock;
    clock.start();
    const Run run = verify(ask);
    checkCommon(standIn, run);
    const VerificationResult &result = run.result;
    QCOMPARE(result.outcome, Outcome::TimedOut);
    QCOMPARE(result.reason, QStringLiteral("Running"));
    QCOMPARE(result.exitCode, std::nullopt);
    QVERIFY(result.elapsedMs >= 3000);
    QVERIFY2(result.summary().startsWith(QStringLiteral("Timed out after 3 s")), qPrintable(result.summary()));
    QVERIFY(clock.elapsed() < 30000);
    QVERIFY(standIn.jobReads() >= 2);
}

void TestVerifier::cancelWhileWaiting_stillDeletes() {
    KubeApiStandIn standIn(Scenario::NeverCompletes);
    QVERIFY(standIn.start());
    VerificationRequest ask = request(ClusterAccess::locate(inventory(standIn, true)));
    ask.timeoutMs = 120000;
    bool cancelled = false;
    const Run run = verify(ask, [&](Verifier &verifier, Run &current) {
        if (!cancelled && current.steps.last().contains(QStringLiteral("— Running"))) {
            cancelled = true;
            verifier.cancel();
            verifier.cancel(); // twice is once
        }
    });
    QVERIFY(cancelled);
    checkCommon(standIn, run);
    QCOMPARE(run.result.outcome, Outcome::Cancelled);
    QCOMPARE(run.result.summary(), QStringLiteral("Cancelled"));
    QVERIFY(run.result.elapsedMs < 60000);
    QCOMPARE(standIn.count("GET", QStringLiteral("/events")), 0); // cancel goes straight to the deletion
}

void TestVerifier::keepJob_leavesTheJob() {
    KubeApiStandIn standIn(Scenario::Success);
    QVERIFY(standIn.start());
    VerificationRequest ask = request(ClusterAccess::locate(inventory(standIn, false), m_kubectl));
    ask.keepJob = true;
    const Run run = verify(ask);
    QVERIFY(run.finished);
    QVERIFY(run.result.succeeded());
    QVERIFY(!standIn.deletion());
    QVERIFY(!run.result.cleanedUp);
    const QJsonObject spec = standIn.createdJob().value(QStringLiteral("spec")).toObject();
    QVERIFY(!spec.contains(QStringLiteral("ttlSecondsAfterFinished"))); // a kept job stays until deleted by hand
}

void TestVerifier::createRefused_isAnError() {
    KubeApiStandIn standIn(Scenario::CreateForbidden);
    QVERIFY(standIn.start());
    const Run run = verify(request(ClusterAccess::locate(inventory(standIn, false), m_kubectl)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.outcome, Outcome::Error);
    QVERIFY2(run.result.reason.contains(QStringLiteral("forbidden")), qPrintable(run.result.reason));
    QVERIFY(run.result.summary().startsWith(QStringLiteral("Error: ")));
    QVERIFY(!standIn.deletion()); // nothing was created, nothing to delete
    QVERIFY(run.result.cleanedUp);
    QCOMPARE(standIn.count("GET", QStringLiteral("/jobs/")), 0);
}

void TestVerifier::jobVanishes_isAnError() {
    KubeApiStandIn standIn(Scenario::JobVanishes);
    QVERIFY(standIn.start());
    const Run run = verify(request(ClusterAccess::locate(inventory(standIn, false), m_kubectl)));
    checkCommon(standIn, run); // deleted all the same: "gone" may be a hiccup of the reading, not of the job
    QCOMPARE(run.result.outcome, Outcome::Error);
    QVERIFY2(run.result.reason.contains(QStringLiteral("not found")), qPrintable(run.result.reason));
    QCOMPARE(standIn.count("GET", QStringLiteral("/jobs/")), 1); // NotFound ends the wait at once
}

QString TestVerifier::hangingInventory() {
    m_folders.push_back(std::make_unique<QTemporaryDir>());
    const QString folder = m_folders.back()->path();
    const QString script = folder + QStringLiteral("/artifacts/kubectl.sh");
    if (!ksw::test::writeAll(script, "#!/bin/bash\necho $$ >> \"${BASH_SOURCE%/*}/pid\"\nsleep 120\n"))
        return {};
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return folder;
}

int TestVerifier::aliveInGroup(qint64 pgid) {
    int alive = 0;
    for (const ProcessEntry &process : processTable())
        alive += process.pgid == pgid && process.state != 'Z' && process.state != 'X' ? 1 : 0;
    return alive;
}

void TestVerifier::hangingKubectl_isKilledWithItsChildren() {
    const QString folder = hangingInventory();
    VerificationRequest ask = request(ClusterAccess::locate(folder));
    QCOMPARE(ask.access.kind, ClusterAccess::Kind::KubectlScript);
    ask.kubectlTimeoutMs = 1000;
    QElapsedTimer clock;
    clock.start();
    const Run run = verify(ask);
    QVERIFY(run.finished);
    QCOMPARE(run.result.outcome, Outcome::Error);
    QVERIFY2(run.result.reason.contains(QStringLiteral("did not end within 1 s")), qPrintable(run.result.reason));
    // The create may have reached the server before it hung: the deletion is tried (and hangs as well).
    QVERIFY(run.steps.contains(QStringLiteral("Deleting the job")));
    QVERIFY(!run.result.cleanedUp);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    const QList<QByteArray> pids = ksw::test::readAll(folder + QStringLiteral("/artifacts/pid")).trimmed().split('\n');
    QCOMPARE(pids.size(), 2);
    for (const QByteArray &pid : pids)
        QTRY_COMPARE_WITH_TIMEOUT(aliveInGroup(pid.toLongLong()), 0, 5000); // bash and its sleep
}

void TestVerifier::destroyedWhileRunning_killsKubectl() {
    const QString folder = hangingInventory();
    auto verifier = std::make_unique<Verifier>();
    QVERIFY(verifier->start(request(ClusterAccess::locate(folder))));
    const QString pidFile = folder + QStringLiteral("/artifacts/pid");
    QTRY_VERIFY_WITH_TIMEOUT(!ksw::test::readAll(pidFile).trimmed().isEmpty(), 10000);
    const qint64 pid = ksw::test::readAll(pidFile).trimmed().toLongLong();
    QVERIFY(aliveInGroup(pid) >= 1);
    QElapsedTimer clock;
    clock.start();
    verifier.reset();
    QVERIFY(clock.elapsed() < 3000);
    QTRY_COMPARE_WITH_TIMEOUT(aliveInGroup(pid), 0, 5000);
}

void TestVerifier::noArtifacts_noAccessAndNothingStarted() {
    QTemporaryDir folder;
    QVERIFY(ksw::test::writeAll(folder.filePath(QStringLiteral("hosts.yaml")), "all: {}\n"));
    const ClusterAccess access = ClusterAccess::locate(folder.path());
    QCOMPARE(access.kind, ClusterAccess::Kind::None);
    QVERIFY(!access.isUsable());
    QVERIFY(access.program.isEmpty());
    QVERIFY2(access.problem.contains(QStringLiteral("kubeconfig_localhost: true")), qPrintable(access.problem));
    QVERIFY(access.problem.contains(QStringLiteral("kubectl_localhost: true")));
    QVERIFY(access.problem.contains(QStringLiteral("artifacts/kubectl.sh")));

    Verifier verifier;
    QSignalSpy steps(&verifier, &Verifier::step);
    QSignalSpy finished(&verifier, &Verifier::finished);
    VerificationRequest ask;
    ask.access = access;
    ask.image = kImage;
    QString error;
    QVERIFY(!verifier.start(ask, &error));
    QCOMPARE(error, access.problem);
    QVERIFY(!verifier.isRunning());
    QTest::qWait(200);
    QCOMPARE(steps.count(), 0);
    QCOMPARE(finished.count(), 0);
    QVERIFY(verifier.findChildren<QProcess *>().isEmpty());
}

void TestVerifier::badRequest_refusedBeforeStarting() {
    KubeApiStandIn standIn;
    QVERIFY(standIn.start());
    const ClusterAccess access = ClusterAccess::locate(inventory(standIn, false), m_kubectl);
    Verifier verifier;
    QString error;
    VerificationRequest ask = request(access);
    ask.image = QStringLiteral("  ");
    QVERIFY(!verifier.start(ask, &error));
    QVERIFY(error.contains(QStringLiteral("image")));
    ask = request(access);
    ask.jobPrefix = QStringLiteral("Verify_Job");
    QVERIFY(!verifier.start(ask, &error));
    ask = request(access);
    ask.namespaceName = QStringLiteral("Not A Namespace");
    QVERIFY(!verifier.start(ask, &error));
    QVERIFY(!verifier.isRunning());
    QTest::qWait(100);
    QVERIFY(standIn.requests().isEmpty());
}

void TestVerifier::locate_prefersTheScript_andHonoursTheOverride() {
    KubeApiStandIn standIn;
    QVERIFY(standIn.start());
    const QString folder = inventory(standIn, true);
    const QString artifacts = QDir(folder).absoluteFilePath(QStringLiteral("artifacts"));

    ClusterAccess access = ClusterAccess::locate(folder);
    QCOMPARE(access.kind, ClusterAccess::Kind::KubectlScript);
    QCOMPARE(access.artifactsFolder, artifacts);

    // An explicit kubectl is paired with admin.conf, even beside the script.
    access = ClusterAccess::locate(folder, QStringLiteral("/opt/other/kubectl"));
    QCOMPARE(access.kind, ClusterAccess::Kind::AdminConf);
    QCOMPARE(access.program, QStringLiteral("/opt/other/kubectl"));
    QCOMPARE(access.describe(), QStringLiteral("kubectl with artifacts/admin.conf"));

    // Without the script, Kubespray's artifacts/kubectl comes before the PATH.
    QVERIFY(QFile::remove(artifacts + QStringLiteral("/kubectl.sh")));
    access = ClusterAccess::locate(folder);
    QCOMPARE(access.kind, ClusterAccess::Kind::AdminConf);
    QCOMPARE(access.program, artifacts + QStringLiteral("/kubectl"));

    // Without either, the kubectl on the PATH.
    QVERIFY(QFile::remove(artifacts + QStringLiteral("/kubectl")));
    access = ClusterAccess::locate(folder);
    QCOMPARE(access.kind, ClusterAccess::Kind::AdminConf);
    QCOMPARE(QFileInfo(access.program).canonicalFilePath(), m_kubectl);
}

QTEST_GUILESS_MAIN(TestVerifier)
#include "TestVerifier.moc"
