// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "verify/Verifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <functional>

#include <signal.h>
#include <unistd.h>

namespace ksw {

namespace {

constexpr qint64 kMostOutputBytes = 8 * 1024 * 1024; // a job, one pod, its events: far less than this
constexpr qsizetype kMostLogBytes = 64 * 1024;
constexpr int kLogTailLines = 2000;
constexpr int kStuckPolls = 3;             // an image error seen this many polls in a row is the verdict
constexpr int kSettledPolls = 3;           // a finished pod whose job has not said so yet after this many polls
constexpr int kMostPollErrors = 3;         // kubectl failing this many polls in a row ends the wait
constexpr int kKillGraceMs = 5000;         // beyond --request-timeout, before kubectl is killed
constexpr int kSafetyMarginS = 600;        // the job's own deadline, past the wait, should this program die
constexpr int kTimeToLiveS = 3600;         // and how long a finished, forgotten job stays
constexpr int kMostPrefixLength = 63 - 21; // "-yyyyMMdd-HHmmss-xxxx"

/// Container states that do not change by waiting: pulling again fails the same way, a bad name stays bad.
bool isImageError(const QString &reason) {
    static const QStringList reasons{QStringLiteral("ErrImagePull"),
                                     QStringLiteral("ImagePullBackOff"),
                                     QStringLiteral("InvalidImageName"),
                                     QStringLiteral("CreateContainerError"),
                                     QStringLiteral("CreateContainerConfigError"),
                                     QStringLiteral("ErrImageNeverPull"),
                                     QStringLiteral("RegistryUnavailable"),
                                     QStringLiteral("SignatureValidationFailed")};
    return reasons.contains(reason);
}

/// Kills kubectl and whatever it started: kubectl.sh is a bash script whose kubectl is not exec'ed, so killing
/// only the direct child would leave that kubectl running until its own request time-out.
void killTree(QProcess *process) {
    const qint64 pid = process->processId();
    if (pid > 1)
        ::kill(static_cast<pid_t>(-pid), SIGKILL); // its own group, made by setsid() before exec
    process->kill();
}

/// What one kubectl call brought back.
struct KubectlReply {
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    bool tooLarge = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString startError;

    bool ok() const { return started && !timedOut && !crashed && !tooLarge && exitCode == 0; }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    /// kubectl's own words ("Error from server (Forbidden): …"), or why there are none.
    QString errorText(const QString &program, int timeoutMs) const {
        if (!started)
            return QCoreApplication::translate("Verifier", "Cannot start %1: %2").arg(program, startError);
        if (timedOut)
            return QCoreApplication::translate("Verifier", "kubectl did not end within %1 s.").arg(timeoutMs / 1000);
        if (tooLarge)
            return QCoreApplication::translate("Verifier", "kubectl wrote more than %1 bytes.").arg(kMostOutputBytes);
        QStringList lines = QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &line : lines)
            line = line.trimmed();
        lines.removeAll(QString());
        if (lines.size() > 3)
            lines = lines.mid(lines.size() - 3);
        if (!lines.isEmpty())
            return lines.join(QLatin1Char(' '));
        if (crashed)
            return QCoreApplication::translate("Verifier", "kubectl crashed.");
        return QCoreApplication::translate("Verifier", "kubectl ended with exit code %1.").arg(exitCode);
    }
    bool saysNotFound() const { return err.contains("(NotFound)"); }
};

QDateTime timeOf(const QJsonObject &object, std::initializer_list<const char *> keys) {
    for (const char *key : keys) {
        const QString text = object.value(QLatin1String(key)).toString();
        if (!text.isEmpty()) {
            const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (time.isValid())
                return time;
        }
    }
    const QString created =
        object.value(QLatin1String("metadata")).toObject().value(QLatin1String("creationTimestamp")).toString();
    return QDateTime::fromString(created, Qt::ISODateWithMs);
}

/// The true conditions of a job ("Complete", "Failed", …) with their reasons and messages.
struct JobState {
    bool complete = false;
    bool failed = false;
    QString failedReason;
    QString failedMessage;
};

JobState readJob(const QJsonObject &job) {
    JobState state;
    const QJsonObject status = job.value(QLatin1String("status")).toObject();
    for (const QJsonValue &value : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QLatin1String("status")).toString() != QLatin1String("True"))
            continue;
        const QString type = condition.value(QLatin1String("type")).toString();
        if (type == QLatin1String("Complete")) {
            state.complete = true;
        } else if (type == QLatin1String("Failed")) {
            state.failed = true;
            state.failedReason = condition.value(QLatin1String("reason")).toString();
            state.failedMessage = condition.value(QLatin1String("message")).toString();
        }
    }
    // Before the condition is written (and on servers that write it late), the counters already tell; with
    // backoffLimit 0 one failed pod is the end.
    const QJsonObject spec = job.value(QLatin1String("spec")).toObject();
    const int completions = spec.value(QLatin1String("completions")).toInt(1);
    if (!state.complete && !state.failed && status.value(QLatin1String("succeeded")).toInt() >= completions)
        state.complete = true;
    const int backoffLimit = spec.value(QLatin1String("backoffLimit")).toInt(6);
    if (!state.complete && !state.failed && status.value(QLatin1String("failed")).toInt() > backoffLimit)
        state.failed = true;
    return state;
}

/// The newest pod of a list (a job that retried has several).
QJsonObject newestPod(const QJsonObject &list) {
    QJsonObject newest;
    QDateTime newestTime;
    for (const QJsonValue &value : list.value(QLatin1String("items")).toArray()) {
        const QJsonObject pod = value.toObject();
        const QDateTime time = timeOf(pod, {});
        if (newest.isEmpty() || (time.isValid() && (!newestTime.isValid() || time > newestTime))) {
            newest = pod;
            newestTime = time;
        }
    }
    return newest;
}

/// What the pod's (first) container is doing.
struct PodState {
    QString name;
    QString phase;
    QString waitingReason, waitingMessage;
    bool running = false;
    std::optional<int> exitCode;
    QString terminatedReason, terminatedMessage;
    QStringList texts; ///< reasons and messages, for the diagnosis
};

PodState readPod(const QJsonObject &pod) {
    PodState state;
    state.name = pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    state.phase = status.value(QLatin1String("phase")).toString();
    const QString podReason = status.value(QLatin1String("reason")).toString();
    const QString podMessage = status.value(QLatin1String("message")).toString();
    if (!podReason.isEmpty() || !podMessage.isEmpty())
        state.texts << QStringLiteral("%1: %2").arg(podReason, podMessage);
    const QJsonArray containers = status.value(QLatin1String("containerStatuses")).toArray();
    if (containers.isEmpty())
        return state;
    const QJsonObject container = containers.first().toObject();
    const QJsonObject current = container.value(QLatin1String("state")).toObject();
    const QJsonObject waiting = current.value(QLatin1String("waiting")).toObject();
    if (current.contains(QLatin1String("waiting"))) {
        state.waitingReason = waiting.value(QLatin1String("reason")).toString();
        state.waitingMessage = waiting.value(QLatin1String("message")).toString();
        if (!state.waitingMessage.isEmpty())
            state.texts << QStringLiteral("%1: %2").arg(state.waitingReason, state.waitingMessage);
    }
    state.running = current.contains(QLatin1String("running"));
    // A container that already ended keeps its end in lastState while it waits to start again.
    QJsonObject terminated = current.value(QLatin1String("terminated")).toObject();
    if (terminated.isEmpty())
        terminated =
            container.value(QLatin1String("lastState")).toObject().value(QLatin1String("terminated")).toObject();
    if (terminated.contains(QLatin1String("exitCode"))) {
        state.exitCode = terminated.value(QLatin1String("exitCode")).toInt();
        state.terminatedReason = terminated.value(QLatin1String("reason")).toString();
        state.terminatedMessage = terminated.value(QLatin1String("message")).toString();
        if (!state.terminatedMessage.isEmpty())
            state.texts << QStringLiteral("%1: %2").arg(state.terminatedReason, state.terminatedMessage);
    }
    return state;
}

/// A short word for the UI on what the pod does: "ContainerCreating", "ErrImagePull", "Running", …
QString podStateWord(const PodState &pod) {
    if (pod.name.isEmpty())
        return QCoreApplication::translate("Verifier", "no pod yet");
    if (!pod.waitingReason.isEmpty())
        return pod.waitingReason;
    if (pod.running)
        return QStringLiteral("Running");
    if (pod.exitCode)
        return QCoreApplication::translate("Verifier", "%1, exit code %2")
            .arg(pod.terminatedReason.isEmpty() ? pod.phase : pod.terminatedReason)
            .arg(*pod.exitCode);
    return pod.phase.isEmpty() ? QStringLiteral("Pending") : pod.phase;
}

struct EventLine {
    QDateTime time;
    QString text;
};

QList<EventLine> readEvents(const QJsonObject &list) {
    QList<EventLine> lines;
    for (const QJsonValue &value : list.value(QLatin1String("items")).toArray()) {
        const QJsonObject event = value.toObject();
        const QString text =
            QStringLiteral("%1 %2: %3")
                .arg(event.value(QLatin1String("type")).toString(), event.value(QLatin1String("reason")).toString(),
                     event.value(QLatin1String("message")).toString().trimmed());
        lines.append({timeOf(event, {"lastTimestamp", "eventTime", "firstTimestamp"}), text});
    }
    return lines;
}

/// The last `kMostLogBytes` of a log, cut at a line start so no character is split.
QString boundedLog(const QByteArray &bytes) {
    if (bytes.size() <= kMostLogBytes)
        return QString::fromUtf8(bytes);
    QByteArray tail = bytes.right(kMostLogBytes);
    const qsizetype newline = tail.indexOf('\n');
    if (newline >= 0)
        tail = tail.mid(newline + 1);
    return QString::fromUtf8(tail);
}

} // namespace

// ----------------------------------------------------------------------------------------------------------------

struct Verifier::Private {
    enum class Stage { Idle, Creating, Waiting, Gathering, Deleting };

    Verifier *q = nullptr;
    VerificationRequest request;
    VerificationResult result;
    Stage stage = Stage::Idle;
    bool cancelRequested = false;
    bool jobMayExist = false;
    bool verdictReached = false;

    QProcess *process = nullptr;
    QTimer killTimer;
    QTimer pollTimer;
    QElapsedTimer clock;

    int pollErrors = 0;
    int stuckPolls = 0;
    int settledPolls = 0;
    QString lastStateWord;
    QString imageErrorReason;
    QString jobFailedMessage;
    QStringList podTexts;
    QList<EventLine> events;

    void run(const QStringList &arguments, const QByteArray &input, std::function<void(const KubectlReply &)> done);
    void dropProcess();

    void createJob();
    void poll();
    void onJob(const KubectlReply &reply);
    void onPods(const JobState &job, const KubectlReply &reply);
    bool pollFailed(const KubectlReply &reply);
    void settle(VerificationResult::Outcome outcome, const QString &reason);
    void gather();
    void readJobEvents();
    void readLog();
    void deleteJob();
    void finish();

    QByteArray manifest() const;
    QString requestTimeoutArgument() const {
        return QStringLiteral("--request-timeout=%1s").arg(qMax(1, (request.kubectlTimeoutMs + 999) / 1000));
    }
    int seconds() const { return static_cast<int>(clock.elapsed() / 1000); }
};

void Verifier::Private::run(const QStringList &arguments, const QByteArray &input,
                            std::function<void(const KubectlReply &)> done) {
    dropProcess();
    auto reply = std::make_shared<KubectlReply>();
    process = new QProcess(q);
    QProcess *child = process;
    child->setProgram(request.access.program);
    child->setArguments(request.access.baseArguments + arguments + QStringList{requestTimeoutArgument()});
    if (input.isEmpty())
        child->setStandardInputFile(QProcess::nullDevice());
    // A new session: its own process group to kill as a whole, and no terminal for a credential plugin to prompt on.
    child->setChildProcessModifier([] { ::setsid(); });

    auto collect = [child, reply] {
        const QByteArray out = child->readAllStandardOutput();
        if (reply->out.size() + out.size() > kMostOutputBytes) {
            reply->tooLarge = true;
            killTree(child);
            return;
        }
        reply->out += out;
    };
    QObject::connect(child, &QProcess::readyReadStandardOutput, q, collect);
    QObject::connect(child, &QProcess::readyReadStandardError, q, [child, reply] {
        const QByteArray err = child->readAllStandardError();
        if (reply->err.size() < kMostOutputBytes)
            reply->err += err.left(kMostOutputBytes - reply->err.size());
    });
    QObject::connect(child, &QProcess::started, q, [child, input, reply] {
        reply->started = true;
        if (!input.isEmpty()) {
            child->write(input);
            child->closeWriteChannel();
        }
    });
    auto complete = [this, child, reply, done, collect] {
        if (child != process)
            return;
        killTimer.stop();
        collect();
        reply->err += child->readAllStandardError();
        reply->exitCode = child->exitCode();
        reply->crashed = reply->started && child->exitStatus() != QProcess::NormalExit && !reply->timedOut;
        child->disconnect(q);
        child->deleteLater();
        process = nullptr;
        done(*reply);
    };
    QObject::connect(child, &QProcess::finished, q, complete);
    QObject::connect(child, &QProcess::errorOccurred, q, [child, reply, complete](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            reply->startError = child->errorString();
            complete();
        }
    });
    killTimer.disconnect();
    QObject::connect(&killTimer, &QTimer::timeout, q, [child, reply] {
        reply->timedOut = true;
        killTree(child);
    });
    killTimer.start(request.kubectlTimeoutMs + qMin(kKillGraceMs, request.kubectlTimeoutMs));
    child->start();
}

void Verifier::Private::dropProcess() {
    killTimer.stop();
    if (!process)
        return;
    QProcess *child = process;
    process = nullptr;
    child->disconnect(q);
    if (child->state() == QProcess::NotRunning) {
        child->deleteLater();
        return;
    }
    // Killed, and deleted once it is gone: never waited for on this thread.
    QObject::connect(child, &QProcess::finished, child, &QObject::deleteLater);
    killTree(child);
}

QByteArray Verifier::Private::manifest() const {
    const QJsonObject labels{{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("kubespray-wizard-verify")},
                             {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("kubespray-wizard")}};
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("verify")},
                                {QStringLiteral("image"), request.image}};
    const QJsonObject podSpec{{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                              {QStringLiteral("containers"), QJsonArray{container}}};
    QJsonObject spec{{QStringLiteral("backoffLimit"), 0},
                     {QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                                  {QStringLiteral("spec"), podSpec}}}};
    if (!request.keepJob) {
        spec.insert(QStringLiteral("activeDeadlineSeconds"), request.timeoutMs / 1000 + kSafetyMarginS);
        spec.insert(QStringLiteral("ttlSecondsAfterFinished"), kTimeToLiveS);
    }
    const QJsonObject job{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                          {QStringLiteral("kind"), QStringLiteral("Job")},
                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), result.jobName},
                                                                   {QStringLiteral("namespace"), request.namespaceName},
                                                                   {QStringLiteral("labels"), labels}}},
                          {QStringLiteral("spec"), spec}};
    return QJsonDocument(job).toJson(QJsonDocument::Compact);
}

void Verifier::Private::createJob() {
    stage = Stage::Creating;
    emit q->step(QCoreApplication::translate("Verifier", "Creating job %1 …").arg(result.jobName));
    // `create -f -` rather than `create job`: only a manifest can say backoffLimit 0 (one attempt is the verdict)
    // and carry the safety net. --validate=false: validation would fetch the OpenAPI schema, which an API
    // server may refuse to a restricted user; the server checks the object anyway.
    run({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-n"),
         request.namespaceName, QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("--validate=false")},
        manifest(), [this](const KubectlReply &reply) {
            if (!reply.ok()) {
                result.outcome = VerificationResult::Outcome::Error;
                result.reason = reply.errorText(request.access.program, request.kubectlTimeoutMs);
                // A call that timed out may have created the job all the same.
                jobMayExist = reply.timedOut;
                if (jobMayExist) {
                    deleteJob();
                } else {
                    result.cleanedUp = true;
                    finish();
                }
                return;
            }
            jobMayExist = true;
            emit q->step(QCoreApplication::translate("Verifier", "Job %1 created in namespace %2")
                             .arg(result.jobName, request.namespaceName));
            if (cancelRequested) {
                deleteJob();
                return;
            }
            stage = Stage::Waiting;
            clock.start();
            poll();
        });
}

void Verifier::Private::poll() {
    if (cancelRequested)
        return;
    if (clock.elapsed() >= request.timeoutMs) {
        settle(VerificationResult::Outcome::TimedOut, lastStateWord);
        return;
    }
    run({QStringLiteral("get"), QStringLiteral("job"), result.jobName, QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("-o"), QStringLiteral("json")},
        {}, [this](const KubectlReply &reply) { onJob(reply); });
}

bool Verifier::Private::pollFailed(const KubectlReply &reply) {
    if (reply.ok()) {
        pollErrors = 0;
        return false;
    }
    // One failed look is the network's hiccup; a few in a row, or a job that is gone, end the wait.
    result.reason = reply.errorText(request.access.program, request.kubectlTimeoutMs);
    if (++pollErrors >= kMostPollErrors || reply.saysNotFound()) {
        settle(VerificationResult::Outcome::Error, result.reason);
    } else {
        emit q->step(QCoreApplication::translate("Verifier", "kubectl failed, trying again: %1").arg(result.reason));
        pollTimer.start(request.pollIntervalMs);
    }
    return true;
}

void Verifier::Private::onJob(const KubectlReply &reply) {
    if (pollFailed(reply))
        return;
    const QJsonObject job = reply.json();
    const JobState state = readJob(job);
    if (state.failed && !state.failedMessage.isEmpty())
        jobFailedMessage = QStringLiteral("%1: %2").arg(state.failedReason, state.failedMessage);
    run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
         QStringLiteral("job-name=%1").arg(result.jobName), QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("-o"), QStringLiteral("json")},
        {}, [this, state](const KubectlReply &podsReply) { onPods(state, podsReply); });
}

void Verifier::Private::onPods(const JobState &job, const KubectlReply &reply) {
    if (pollFailed(reply))
        return;
    const PodState pod = readPod(newestPod(reply.json()));
    if (!pod.name.isEmpty())
        result.podName = pod.name;
    for (const QString &text : pod.texts) {
        if (!podTexts.contains(text))
            podTexts << text;
    }
    if (pod.exitCode)
        result.exitCode = pod.exitCode;
    lastStateWord = podStateWord(pod);

    using Outcome = VerificationResult::Outcome;
    if (job.complete) {
        // A job is Complete only when its pod succeeded, which means exit code 0 even if the pod is gone.
        if (!result.exitCode)
            result.exitCode = 0;
        settle(Outcome::Complete, {});
        return;
    }
    if (job.failed) {
        settle(Outcome::Failed, job.failedReason.isEmpty() ? pod.terminatedReason : job.failedReason);
        return;
    }
    if (isImageError(pod.waitingReason)) {
        if (pod.waitingReason != QLatin1String("ImagePullBackOff") || imageErrorReason.isEmpty())
            imageErrorReason = pod.waitingReason; // the back-off hides the real error that came first
        if (++stuckPolls >= kStuckPolls) {
            settle(Outcome::Failed, imageErrorReason);
            return;
        }
    } else {
        stuckPolls = 0;
    }
    if (pod.phase == QLatin1String("Succeeded") || pod.phase == QLatin1String("Failed")) {
        if (++settledPolls >= kSettledPolls) {
            const bool succeeded = pod.phase == QLatin1String("Succeeded");
            if (succeeded && !result.exitCode)
                result.exitCode = 0;
            settle(succeeded ? Outcome::Complete : Outcome::Failed, succeeded ? QString() : pod.terminatedReason);
            return;
        }
    }
    emit q->step(
        QCoreApplication::translate("Verifier", "Waiting for the pod (%1 s) — %2").arg(seconds()).arg(lastStateWord));
    if (clock.elapsed() >= request.timeoutMs) {
        settle(Outcome::TimedOut, lastStateWord);
        return;
    }
    pollTimer.start(qMax(0, qMin<qint64>(request.pollIntervalMs, request.timeoutMs - clock.elapsed())));
}

void Verifier::Private::settle(VerificationResult::Outcome outcome, const QString &reason) {
    pollTimer.stop();
    result.outcome = outcome;
    result.reason = reason;
    result.elapsedMs = clock.isValid() ? clock.elapsed() : 0;
    verdictReached = true;
    gather();
}

void Verifier::Private::gather() {
    stage = Stage::Gathering;
    if (result.podName.isEmpty()) {
        readJobEvents();
        return;
    }
    emit q->step(QCoreApplication::translate("Verifier", "Reading the pod's events"));
    run({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("--field-selector"), QStringLiteral("involvedObject.name=%1").arg(result.podName),
         QStringLiteral("-o"), QStringLiteral("json")},
        {}, [this](const KubectlReply &reply) {
            if (reply.ok())
                events += readEvents(reply.json());
            readJobEvents();
        });
}

void Verifier::Private::readJobEvents() {
    run({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("--field-selector"), QStringLiteral("involvedObject.name=%1").arg(result.jobName),
         QStringLiteral("-o"), QStringLiteral("json")},
        {}, [this](const KubectlReply &reply) {
            if (reply.ok())
                events += readEvents(reply.json());
            std::stable_sort(events.begin(), events.end(), [](const EventLine &left, const EventLine &right) {
                return left.time.isValid() && right.time.isValid() && left.time < right.time;
            });
            for (const EventLine &event : std::as_const(events)) {
                if (!result.events.contains(event.text))
                    result.events << event.text;
            }
            readLog();
        });
}

void Verifier::Private::readLog() {
    auto diagnoseAndDelete = [this] {
        if (!result.succeeded() && result.outcome != VerificationResult::Outcome::Cancelled) {
            QStringList texts = result.events;
            texts += podTexts;
            if (!jobFailedMessage.isEmpty())
                texts << jobFailedMessage;
            if (result.outcome == VerificationResult::Outcome::Error && !result.reason.isEmpty())
                texts << result.reason;
            texts << result.log;
            result.diagnosis = Diagnosis::diagnose(texts, request.clusterRanges);
        }
        deleteJob();
    };
    if (result.podName.isEmpty()) {
        diagnoseAndDelete();
        return;
    }
    emit q->step(QCoreApplication::translate("Verifier", "Reading the container's log"));
    run({QStringLiteral("logs"), result.podName, QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("--tail=%1").arg(kLogTailLines)},
        {}, [this, diagnoseAndDelete](const KubectlReply &reply) {
            // A container that never started has no log: kubectl says so on stderr, which is no error here.
            if (reply.ok())
                result.log = boundedLog(reply.out);
            diagnoseAndDelete();
        });
}

void Verifier::Private::deleteJob() {
    if (request.keepJob || !jobMayExist) {
        result.cleanedUp = !jobMayExist;
        finish();
        return;
    }
    stage = Stage::Deleting;
    emit q->step(QCoreApplication::translate("Verifier", "Deleting the job"));
    // Foreground: the pods go with the job (a plain delete of a Job from kubectl < 1.20's default left them).
    // --wait=false: the deletion is accepted at once; waiting for the pods to stop would only add time.
    // Both flags exist from kubectl 1.20 (Debian 12's) on.
    run({QStringLiteral("delete"), QStringLiteral("job"), result.jobName, QStringLiteral("-n"), request.namespaceName,
         QStringLiteral("--cascade=foreground"), QStringLiteral("--wait=false"),
         QStringLiteral("--ignore-not-found=true")},
        {}, [this](const KubectlReply &reply) {
            result.cleanedUp = reply.ok();
            if (!reply.ok()) {
                emit q->step(QCoreApplication::translate("Verifier", "The job could not be deleted: %1")
                                 .arg(reply.errorText(request.access.program, request.kubectlTimeoutMs)));
            }
            finish();
        });
}

void Verifier::Private::finish() {
    stage = Stage::Idle;
    pollTimer.stop();
    killTimer.stop();
    if (cancelRequested)
        result.outcome = VerificationResult::Outcome::Cancelled;
    if (!verdictReached)
        result.elapsedMs = clock.isValid() ? clock.elapsed() : 0;
    // Queued: a receiver may delete the Verifier in its slot, which must not happen inside a QProcess signal.
    QMetaObject::invokeMethod(
        q, [verifier = q, done = result] { emit verifier->finished(done); }, Qt::QueuedConnection);
}

// ----------------------------------------------------------------------------------------------------------------

Verifier::Verifier(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    d->q = this;
    d->pollTimer.setSingleShot(true);
    d->killTimer.setSingleShot(true);
    connect(&d->pollTimer, &QTimer::timeout, this, [this] { d->poll(); });
}

Verifier::~Verifier() {
    d->pollTimer.stop();
    d->killTimer.stop();
    if (d->process) {
        d->process->disconnect(this);
        killTree(d->process);
        d->process->waitForFinished(2000); // SIGKILL is immediate; the child must not outlive its QProcess
    }
}

bool Verifier::isRunning() const {
    return d->stage != Private::Stage::Idle;
}

QString Verifier::makeJobName(const QString &prefix) {
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const quint32 random = QRandomGenerator::global()->bounded(0x10000u);
    return QStringLiteral("%1-%2-%3").arg(prefix, stamp).arg(random, 4, 16, QLatin1Char('0'));
}

bool Verifier::isDns1123Label(const QString &name) {
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && label.match(name).hasMatch();
}

bool Verifier::start(const VerificationRequest &request, QString *error) {
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (isRunning())
        return fail(QCoreApplication::translate("Verifier", "A verification is already running."));
    if (!request.access.isUsable()) {
        return fail(request.access.problem.isEmpty()
                        ? QCoreApplication::translate("Verifier", "There is no way to reach the cluster from here.")
                        : request.access.problem);
    }
    if (request.image.trimmed().isEmpty())
        return fail(
            QCoreApplication::translate("Verifier", "No verification image is set: give one in the site profile."));
    if (!isDns1123Label(request.namespaceName))
        return fail(
            QCoreApplication::translate("Verifier", "“%1” is not a valid namespace name.").arg(request.namespaceName));
    if (request.jobPrefix.size() > kMostPrefixLength || !isDns1123Label(request.jobPrefix))
        return fail(QCoreApplication::translate("Verifier",
                                                "“%1” cannot start a job name: use at most %2 lower-case letters, "
                                                "digits and '-'.")
                        .arg(request.jobPrefix)
                        .arg(kMostPrefixLength));

    d->request = request;
    d->request.image = request.image.trimmed();
    d->request.pollIntervalMs = qMax(0, request.pollIntervalMs);
    d->request.kubectlTimeoutMs = qMax(1000, request.kubectlTimeoutMs);
    d->result = VerificationResult();
    d->result.jobName = makeJobName(request.jobPrefix);
    d->result.namespaceName = request.namespaceName;
    d->cancelRequested = false;
    d->jobMayExist = false;
    d->verdictReached = false;
    d->pollErrors = 0;
    d->stuckPolls = 0;
    d->settledPolls = 0;
    d->lastStateWord.clear();
    d->imageErrorReason.clear();
    d->jobFailedMessage.clear();
    d->podTexts.clear();
    d->events.clear();
    d->clock.invalidate();
    d->createJob();
    return true;
}

void Verifier::cancel() {
    if (!isRunning() || d->cancelRequested)
        return;
    d->cancelRequested = true;
    emit step(QCoreApplication::translate("Verifier", "Cancelling"));
    switch (d->stage) {
    case Private::Stage::Creating:
    case Private::Stage::Deleting:
        return; // the job may be on its way: its creation ends, then it is deleted; a deletion just ends
    case Private::Stage::Waiting:
    case Private::Stage::Gathering:
        d->pollTimer.stop();
        d->dropProcess();
        if (!d->verdictReached)
            d->result.elapsedMs = d->clock.isValid() ? d->clock.elapsed() : 0;
        d->verdictReached = true;
        d->deleteJob();
        return;
    case Private::Stage::Idle:
        break;
    }
}

// ----------------------------------------------------------------------------------------------------------------

QString VerificationResult::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Complete:
        return QStringLiteral("complete");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::TimedOut:
        return QStringLiteral("timed-out");
    case Outcome::NoAccess:
        return QStringLiteral("no-access");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Error:
        break;
    }
    return QStringLiteral("error");
}

QString VerificationResult::summary() const {
    switch (outcome) {
    case Outcome::Complete:
        return QCoreApplication::translate("Verifier", "Complete, exit code %1").arg(exitCode.value_or(0));
    case Outcome::Failed:
        if (exitCode && !reason.isEmpty())
            return QCoreApplication::translate("Verifier", "Failed, exit code %1 (%2)").arg(*exitCode).arg(reason);
        if (exitCode)
            return QCoreApplication::translate("Verifier", "Failed, exit code %1").arg(*exitCode);
        if (!reason.isEmpty())
            return QCoreApplication::translate("Verifier", "Failed: %1").arg(reason);
        return QCoreApplication::translate("Verifier", "Failed");
    case Outcome::TimedOut:
        if (!reason.isEmpty())
            return QCoreApplication::translate("Verifier", "Timed out after %1 s; the pod was at: %2")
                .arg(elapsedMs / 1000)
                .arg(reason);
        return QCoreApplication::translate("Verifier", "Timed out after %1 s").arg(elapsedMs / 1000);
    case Outcome::NoAccess:
        return QCoreApplication::translate("Verifier", "No access to the cluster");
    case Outcome::Cancelled:
        return QCoreApplication::translate("Verifier", "Cancelled");
    case Outcome::Error:
        break;
    }
    if (!reason.isEmpty())
        return QCoreApplication::translate("Verifier", "Error: %1").arg(reason);
    return QCoreApplication::translate("Verifier", "Error");
}

} // namespace ksw
