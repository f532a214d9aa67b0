// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "net/Cidr.h"
#include "verify/ClusterAccess.h"
#include "verify/Diagnosis.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ksw {

/// What to verify and how patiently.
struct VerificationRequest {
    ClusterAccess access;
    QString image; ///< the verification image (the site profile's)
    QString namespaceName = QStringLiteral("default");
    /// Job name = prefix-<yyyyMMdd-HHmmss>-<4 random hex>, a valid DNS-1123 name (so at most 42 characters here).
    QString jobPrefix = QStringLiteral("ksw-verify");
    int timeoutMs = 300000;       ///< the whole wait for the job to complete or fail
    int pollIntervalMs = 2000;    ///< between two looks at the job and its pod
    int kubectlTimeoutMs = 30000; ///< per kubectl call (also passed as --request-timeout)
    QList<Cidr> clusterRanges;    ///< pod and service ranges, for the diagnosis of time-outs
    bool keepJob = false;         ///< default: delete the job and its pods at the end
};

/// How a verification ended, with everything read from the cluster on the way.
struct VerificationResult {
    enum class Outcome { Complete, Failed, TimedOut, NoAccess, Error, Cancelled };

    Outcome outcome = Outcome::Error;
    QString jobName, podName;
    QString namespaceName;
    std::optional<int> exitCode; ///< the container's exit code when it terminated
    /// ErrImagePull / ImagePullBackOff / BackoffLimitExceeded / the kubectl error / the pod's state at a time-out.
    QString reason;
    QStringList events; ///< "Type Reason: message" lines of the pod and the job, oldest first
    QString log;        ///< the container's log (its last 64 KiB at most)
    Diagnosis diagnosis;
    bool cleanedUp = false; ///< no job of this run is left: deleted (or never created); false with keepJob
    qint64 elapsedMs = 0;   ///< from the start to the end of the wait

    /// Translated: exactly "Complete, exit code 0" for success, else one line.
    QString summary() const;
    bool succeeded() const { return outcome == Outcome::Complete && exitCode == 0; }
    /// "complete", "failed", "timed-out", "no-access", "error", "cancelled": stable names for JSON output.
    static QString outcomeName(Outcome outcome);
};

/// Runs one verification job on the cluster with kubectl and reports how it ended.
///
/// Everything is asynchronous (QProcess, one kubectl at a time), so it can run on the GUI thread. The job is
/// created from a manifest (restartPolicy Never, backoffLimit 0: one attempt is the verdict; a time-to-live and a
/// deadline as a safety net should this program die before it deletes the job). Then it polls the job and its pod
/// until the job is Complete or Failed, the pod is stuck on an image error for a few polls (those do not fix
/// themselves), or the time is up; reads the events and the log; diagnoses a failure; deletes the job with its
/// pods (foreground cascade, not waited for). Every kubectl output is JSON read with QJsonDocument.
class Verifier : public QObject {
    Q_OBJECT

public:
    explicit Verifier(QObject *parent = nullptr);
    ~Verifier() override; ///< kills a running kubectl; the job, if any, is left to its time-to-live

    /// False with the reason (translated) when there is no access, no image, or a bad name; nothing started.
    bool start(const VerificationRequest &request, QString *error = nullptr);
    /// Stops waiting, still deletes the job, then emits finished(Cancelled).
    void cancel();
    bool isRunning() const;

    /// A fresh job name for `prefix`: prefix-yyyyMMdd-HHmmss-xxxx (UTC, 4 random hex digits).
    static QString makeJobName(const QString &prefix);
    /// True for a DNS-1123 label: lower-case letters, digits and '-', at most 63, starting and ending alphanumeric.
    static bool isDns1123Label(const QString &name);

signals:
    /// Translated progress lines: "Creating job …", "Waiting for the pod (12 s) — ContainerCreating", …
    void step(const QString &text);
    void finished(const ksw::VerificationResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ksw
