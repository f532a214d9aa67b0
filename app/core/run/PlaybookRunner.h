// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Runs one AnsibleCommand asynchronously (QProcess). The child starts in a new session (setsid): no prompt can
// read /dev/tty, and the whole process group (ansible-playbook, its workers, sshpass, ssh) can be signalled.
// Cancel = SIGINT to the group, then SIGTERM, then SIGKILL after time-outs; `finished` comes only once no process
// of the group is left. Every run is logged to a file (header: command without secrets, start, versions; footer:
// end, exit status). Optionally a failed cluster.yml is run once more, announced as "second attempt".

#include "kubespray/KubesprayVersion.h"
#include "run/AnsibleCommand.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <memory>

namespace ksw {

class PlaybookRunner : public QObject {
    Q_OBJECT
public:
    explicit PlaybookRunner(QObject *parent = nullptr);
    ~PlaybookRunner() override; ///< a running child is killed with its group (SIGKILL) and waited for

    void setCommand(const AnsibleCommand &command) { m_command = command; }
    const AnsibleCommand &command() const { return m_command; }
    /// Environment added to the command's own (events callback: ANSIBLE_CALLBACK_PLUGINS, KSW_EVENTS_FILE…).
    void setExtraEnvironment(const QMap<QString, QString> &environment) { m_extraEnvironment = environment; }
    /// The folder for run logs ($XDG_DATA_HOME/kubespray-wizard/<inventory id>/runs/); created when missing.
    void setLogFolder(const QString &folder) { m_logFolder = folder; }
    void setKubesprayVersion(const QString &version) { m_kubesprayVersion = version; }
    void setAnsibleVersion(const QString &version) { m_ansibleVersion = version; }
    /// The ansible-core range the Kubespray release accepts (Checkout::ansibleRange()): a version outside it is
    /// announced in the log before the run (Kubespray's own check would stop the run a minute later).
    void setAnsibleRange(const std::optional<AnsibleRange> &range) { m_ansibleRange = range; }
    /// The warning for `ansibleVersion` outside `range` (translated); empty when it fits or either is unknown.
    static QString ansibleRangeWarning(const QString &ansibleVersion, const std::optional<AnsibleRange> &range,
                                       const QString &kubesprayVersion);
    /// Run a failed cluster.yml once more (off by default).
    void setSecondAttemptEnabled(bool enabled) { m_secondAttemptEnabled = enabled; }
    /// Cancel: SIGINT, after `interruptMs` SIGTERM, after `terminateMs` more SIGKILL.
    void setCancelTimeouts(int interruptMs, int terminateMs);

    /// Validates the command, writes the password files, opens the log and starts the child. False with the
    /// reason (and nothing started, no signal) when it cannot.
    bool start(QString *error = nullptr);
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }
    int attempt() const { return m_attempt; }
    /// The process group (= pid) of the current child; 0 when none.
    qint64 processGroup() const { return m_pgid; }
    QString logFilePath() const { return m_logPath; }
    /// The private folder of the password files while a run goes on; empty otherwise.
    QString passwordFolder() const { return m_passwords ? m_passwords->folder() : QString(); }

    /// Live (not zombie) processes whose process group is `pgid`, from /proc.
    static QList<qint64> processesInGroup(qint64 pgid);

signals:
    void started();
    void stdoutData(const QByteArray &data);
    void stderrData(const QByteArray &data);
    /// A line of the runner itself (cancel steps, "second attempt"); also written to the log.
    void message(const QString &line);
    void secondAttemptStarted();
    /// A failed first attempt has ended and a second would follow: listeners take in all the first attempt's output
    /// now (synchronously); a cancel() they make in response wins, and no second attempt starts.
    void firstAttemptFailed();
    void finished(int exitCode, QProcess::ExitStatus exitStatus, bool cancelled);

private:
    bool startAttempt(QString *error);
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void reapGroup();
    void finishRun();
    void signalGroup(int signalNumber);
    void escalate();
    void note(const QString &line);
    void writeLog(const QByteArray &bytes);

    AnsibleCommand m_command;
    QMap<QString, QString> m_extraEnvironment;
    QString m_logFolder;
    QString m_kubesprayVersion;
    QString m_ansibleVersion;
    std::optional<AnsibleRange> m_ansibleRange;
    bool m_secondAttemptEnabled = false;
    int m_interruptMs = 5000;
    int m_terminateMs = 3000;

    QProcess *m_process = nullptr;
    std::unique_ptr<PasswordFiles> m_passwords;
    QFile m_log;
    QString m_logPath;
    QTimer m_escalation;
    QTimer m_reapTimer;
    int m_reapRounds = 0;
    int m_cancelStep = 0; // 0 none, 1 SIGINT sent, 2 SIGTERM sent, 3 SIGKILL sent
    bool m_running = false;
    bool m_cancelled = false;
    int m_attempt = 0;
    qint64 m_pgid = 0;
    int m_exitCode = -1;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
};

} // namespace ksw
