// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/PlaybookRunner.h"

#include "util/ChildLocale.h"
#include "util/ProcessTable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <cerrno>

#include <signal.h>
#include <unistd.h>

namespace ksw {

namespace {

constexpr int kReapPollMs = 50;
constexpr int kReapKillRound = 20;   // leftovers after the leader: SIGTERM at once, SIGKILL after 1 s
constexpr int kReapGiveUpRound = 80; // and give up after 4 s (a process stuck in D state)

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

PlaybookRunner::PlaybookRunner(QObject *parent)
    : QObject(parent) {
    m_escalation.setSingleShot(true);
    connect(&m_escalation, &QTimer::timeout, this, &PlaybookRunner::escalate);
    m_reapTimer.setInterval(kReapPollMs);
    connect(&m_reapTimer, &QTimer::timeout, this, &PlaybookRunner::reapGroup);
}

PlaybookRunner::~PlaybookRunner() {
    m_escalation.stop();
    m_reapTimer.stop();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            signalGroup(SIGKILL);
            m_process->waitForFinished(5000);
        }
    }
    if (m_pgid > 1 && !processesInGroup(m_pgid).isEmpty()) {
        ::kill(static_cast<pid_t>(-m_pgid), SIGKILL);
        for (int round = 0; round < 100 && !processesInGroup(m_pgid).isEmpty(); ++round)
            ::usleep(20000); // SIGKILL is delivered at once, the exit takes a moment: at most 2 s
    }
    if (m_running && m_log.isOpen()) {
        writeLog(QStringLiteral("# Ended: %1\n# Exit status: abandoned (the runner was destroyed)\n")
                     .arg(nowText())
                     .toUtf8());
        m_log.close();
    }
    m_passwords.reset();
}

void PlaybookRunner::setCancelTimeouts(int interruptMs, int terminateMs) {
    m_interruptMs = qMax(0, interruptMs);
    m_terminateMs = qMax(0, terminateMs);
}

QList<qint64> PlaybookRunner::processesInGroup(qint64 pgid) {
    QList<qint64> found;
    if (pgid <= 1)
        return found;
    for (const ProcessEntry &process : processTable()) {
        if (process.pgid == pgid && process.state != 'Z' && process.state != 'X')
            found << process.pid;
    }
    return found;
}

bool PlaybookRunner::start(QString *error) {
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (m_running)
        return fail(QCoreApplication::translate("PlaybookRunner", "A playbook is already running."));
    if (!m_command.validate(error))
        return false;

    m_logPath.clear();
    if (!m_logFolder.isEmpty()) {
        if (!QDir().mkpath(m_logFolder))
            return fail(
                QCoreApplication::translate("PlaybookRunner", "Cannot create the run log folder %1").arg(m_logFolder));
        const QString base = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) +
                             QLatin1Char('-') + QFileInfo(m_command.playbook).completeBaseName();
        QString path = QDir(m_logFolder).filePath(base + QStringLiteral(".log"));
        for (int n = 2; QFileInfo::exists(path); ++n)
            path = QDir(m_logFolder).filePath(base + QStringLiteral("-%1.log").arg(n));
        m_log.setFileName(path);
        if (!m_log.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(QCoreApplication::translate("PlaybookRunner", "Cannot create the run log %1: %2")
                            .arg(path, m_log.errorString()));
        m_logPath = path;
    }

    m_passwords = std::make_unique<PasswordFiles>();
    QString reason;
    if (!m_passwords->create(m_command.connectionPassword, m_command.becomePassword, &reason)) {
        m_passwords.reset();
        if (m_log.isOpen()) {
            m_log.close();
            QFile::remove(m_logPath);
            m_logPath.clear();
        }
        return fail(reason);
    }

    AnsibleCommand shown = m_command;
    for (auto it = m_extraEnvironment.cbegin(); it != m_extraEnvironment.cend(); ++it)
        shown.environment.insert(it.key(), it.value());
    QString header = QStringLiteral("# Kubespray Wizard run log\n# Command: %1\n# Started: %2\n# Kubespray: %3\n"
                                    "# Ansible: %4\n")
                         .arg(shown.displayCommand(), nowText(),
                              m_kubesprayVersion.isEmpty() ? QStringLiteral("unknown") : m_kubesprayVersion,
                              m_ansibleVersion.isEmpty() ? QStringLiteral("unknown") : m_ansibleVersion);
    writeLog(header.toUtf8());
    QProcessEnvironment asked = QProcessEnvironment::systemEnvironment();
    for (auto it = shown.environment.cbegin(); it != shown.environment.cend(); ++it)
        asked.insert(it.key(), it.value());
    if (const QString locale = missingLocale(asked); !locale.isEmpty())
        note(QCoreApplication::translate("PlaybookRunner", "The locale %1 is not installed on this machine, and "
                                                           "Ansible would refuse to start under it: it runs with "
                                                           "C.UTF-8.")
                 .arg(locale));
    const QString rangeWarning = ansibleRangeWarning(m_ansibleVersion, m_ansibleRange, m_kubesprayVersion);
    if (!rangeWarning.isEmpty())
        note(rangeWarning);

    m_running = true;
    m_cancelled = false;
    m_cancelStep = 0;
    m_attempt = 1;
    m_exitCode = -1;
    m_exitStatus = QProcess::NormalExit;
    if (!startAttempt(&reason)) {
        writeLog(QStringLiteral("# Ended: %1\n# Exit status: not started (%2)\n").arg(nowText(), reason).toUtf8());
        m_log.close();
        m_passwords.reset();
        m_running = false;
        return fail(reason);
    }
    return true;
}

bool PlaybookRunner::startAttempt(QString *error) {
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
    }
    m_pgid = 0;
    m_process = new QProcess(this);
    QProcess *process = m_process;
    process->setProgram(m_command.resolvedProgram());
    process->setArguments(m_command.arguments(*m_passwords));
    process->setWorkingDirectory(m_command.workingDirectory());
    AnsibleCommand withExtras = m_command;
    for (auto it = m_extraEnvironment.cbegin(); it != m_extraEnvironment.cend(); ++it)
        withExtras.environment.insert(it.key(), it.value());
    process->setProcessEnvironment(withExtras.processEnvironment());
    process->setStandardInputFile(QProcess::nullDevice());
    // A new session: no controlling terminal (prompts cannot hang on /dev/tty), and its own process group.
    process->setChildProcessModifier([] { ::setsid(); });

    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        const QByteArray data = process->readAllStandardOutput();
        if (data.isEmpty())
            return;
        writeLog(data);
        emit stdoutData(data);
    });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        const QByteArray data = process->readAllStandardError();
        if (data.isEmpty())
            return;
        writeLog(data);
        emit stderrData(data);
    });
    connect(process, &QProcess::finished, this, &PlaybookRunner::onProcessFinished);

    process->start();
    if (!process->waitForStarted(30000)) {
        if (error)
            *error = QStringLiteral("Cannot start %1: %2").arg(process->program(), process->errorString());
        process->disconnect(this);
        process->deleteLater();
        m_process = nullptr;
        return false;
    }
    m_pgid = process->processId();
    emit started();
    return true;
}

void PlaybookRunner::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus) {
    if (m_process) {
        const QByteArray out = m_process->readAllStandardOutput();
        if (!out.isEmpty()) {
            writeLog(out);
            emit stdoutData(out);
        }
        const QByteArray err = m_process->readAllStandardError();
        if (!err.isEmpty()) {
            writeLog(err);
            emit stderrData(err);
        }
    }
    m_exitCode = exitCode;
    m_exitStatus = exitStatus;
    m_escalation.stop();
    m_reapRounds = 0;
    reapGroup();
}

void PlaybookRunner::reapGroup() {
    const QList<qint64> left = processesInGroup(m_pgid);
    if (!left.isEmpty() && m_reapRounds < kReapGiveUpRound) {
        if (m_reapRounds == 0) {
            note(QCoreApplication::translate(
                     "PlaybookRunner", "%1 process(es) of the run are still there: SIGTERM to the process group %2")
                     .arg(left.size())
                     .arg(m_pgid));
            ::kill(static_cast<pid_t>(-m_pgid), SIGTERM);
        } else if (m_reapRounds == kReapKillRound) {
            note(QCoreApplication::translate("PlaybookRunner", "SIGKILL to the process group %1").arg(m_pgid));
            ::kill(static_cast<pid_t>(-m_pgid), SIGKILL);
        }
        ++m_reapRounds;
        if (!m_reapTimer.isActive())
            m_reapTimer.start();
        return;
    }
    m_reapTimer.stop();
    if (!left.isEmpty())
        note(QCoreApplication::translate("PlaybookRunner", "%1 process(es) of the group %2 did not end")
                 .arg(left.size())
                 .arg(m_pgid));

    const bool failed = m_exitStatus != QProcess::NormalExit || m_exitCode != 0;
    const bool retry = failed && m_secondAttemptEnabled && m_attempt == 1 && m_command.isCluster();
    if (retry && !m_cancelled)
        emit firstAttemptFailed(); // may cancel()
    if (retry && !m_cancelled) {
        note(QCoreApplication::translate("PlaybookRunner",
                                         "second attempt: cluster.yml ended with exit code %1; running it once more")
                 .arg(m_exitCode));
        m_attempt = 2;
        emit secondAttemptStarted();
        QString reason;
        if (startAttempt(&reason))
            return;
        note(QCoreApplication::translate("PlaybookRunner", "The second attempt could not start: %1").arg(reason));
    }
    finishRun();
}

void PlaybookRunner::finishRun() {
    QString status;
    if (m_cancelled)
        status = QStringLiteral("cancelled (exit code %1)").arg(m_exitCode);
    else if (m_exitStatus != QProcess::NormalExit)
        status = QStringLiteral("crashed");
    else
        status = QStringLiteral("exit code %1").arg(m_exitCode);
    if (m_attempt == 2)
        status += QStringLiteral(", after a second attempt");
    writeLog(QStringLiteral("# Ended: %1\n# Exit status: %2\n").arg(nowText(), status).toUtf8());
    m_log.close();
    m_passwords.reset(); // the password files are gone before anyone hears that the run ended
    m_running = false;
    emit finished(m_exitCode, m_exitStatus, m_cancelled);
}

void PlaybookRunner::cancel() {
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_reapTimer.isActive() || !m_process || m_process->state() == QProcess::NotRunning)
        return; // the leader has ended (its leftovers are being stopped already): nothing to interrupt
    note(QCoreApplication::translate("PlaybookRunner", "Cancel: SIGINT to the process group %1").arg(m_pgid));
    // Measured (TestPlaybookRunner): with Kubespray's `pipelining=True` the remote command has no terminal, so
    // closing the connection does not stop it; say so rather than let people believe the node is idle.
    note(QCoreApplication::translate("PlaybookRunner",
                                     "Stopping Ansible here. A command already running on a node may still run "
                                     "there to its end: with Kubespray's SSH pipelining it has no terminal that "
                                     "would hang up."));
    m_cancelStep = 1;
    signalGroup(SIGINT);
    m_escalation.start(m_interruptMs);
}

void PlaybookRunner::escalate() {
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    if (m_cancelStep == 1) {
        note(QCoreApplication::translate("PlaybookRunner", "Still running: SIGTERM to the process group %1")
                 .arg(m_pgid));
        m_cancelStep = 2;
        signalGroup(SIGTERM);
        m_escalation.start(m_terminateMs);
    } else if (m_cancelStep == 2) {
        note(QCoreApplication::translate("PlaybookRunner", "Still running: SIGKILL to the process group %1")
                 .arg(m_pgid));
        m_cancelStep = 3;
        signalGroup(SIGKILL);
    }
}

void PlaybookRunner::signalGroup(int signalNumber) {
    if (m_pgid <= 1)
        return; // never kill(0) or kill(-1)
    if (::kill(static_cast<pid_t>(-m_pgid), signalNumber) != 0 && errno == ESRCH)
        ::kill(static_cast<pid_t>(m_pgid), signalNumber); // not yet in its own group (before setsid)
}

QString PlaybookRunner::ansibleRangeWarning(const QString &ansibleVersion, const std::optional<AnsibleRange> &range,
                                            const QString &kubesprayVersion) {
    const std::optional<AnsibleVersion> version = AnsibleVersion::parse(ansibleVersion);
    if (!version || !range || range->contains(*version))
        return {};
    return QCoreApplication::translate("PlaybookRunner",
                                       "Warning: ansible-core %1 is outside the range Kubespray %2 accepts (%3, from "
                                       "%4); Kubespray's own version check may stop the run.")
        .arg(version->toString(), kubesprayVersion.isEmpty() ? QStringLiteral("?") : kubesprayVersion,
             range->toString(), range->origin);
}

void PlaybookRunner::note(const QString &line) {
    writeLog(QStringLiteral("[kubespray-wizard] %1\n").arg(line).toUtf8());
    emit message(line);
}

void PlaybookRunner::writeLog(const QByteArray &bytes) {
    if (m_log.isOpen()) {
        m_log.write(bytes);
        m_log.flush();
    }
}

} // namespace ksw
