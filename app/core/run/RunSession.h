// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// One playbook run as the run page sees it: a PlaybookRunner for one AnsibleCommand, with the events callback
// (resources/ansible/callback_plugins/kubespray_wizard_events.py) writing to a per-run events file in the run-log
// folder while Kubespray's profile_tasks stays enabled. The events file is tailed every 100 ms (complete lines
// only, never blocking); when the plugin could not load (Ansible's "Skipping callback plugin" warning, or a PLAY
// banner on stdout with no events file), TextEventParser over stdout takes its place. Progress = tasks done /
// an estimate from earlier runs of the same playbook and Kubespray version (task-counts.json in the run-log
// folder), or from an optional `--list-tasks` pre-run; the host table and the failures live in HostStatusModel.

#include "run/AnsibleCommand.h"
#include "run/AnsibleEvents.h"
#include "run/HostStatusModel.h"
#include "run/PlaybookRunner.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <optional>

namespace ksw {

class RunSession : public QObject {
    Q_OBJECT
public:
    /// Where the structured events come from.
    enum class EventSource { Undecided, Plugin, Text };
    Q_ENUM(EventSource)

    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    void setCommand(const AnsibleCommand &command) { m_command = command; }
    const AnsibleCommand &command() const { return m_command; }
    /// The folder holding kubespray_wizard_events.py; installedPluginFolder() unless set (tests: the source tree).
    void setPluginFolder(const QString &folder) { m_pluginFolder = folder; }
    QString pluginFolder() const { return m_pluginFolder; }
    /// Run logs, events files and task-counts.json; empty = a temporary folder (no estimate is kept).
    void setLogFolder(const QString &folder) { m_logFolder = folder; }
    void setKubesprayVersion(const QString &version) { m_kubesprayVersion = version; }
    void setAnsibleVersion(const QString &version) { m_ansibleVersion = version; }
    /// See PlaybookRunner::setAnsibleRange.
    void setAnsibleRange(const std::optional<AnsibleRange> &range) { m_ansibleRange = range; }
    void setSecondAttemptEnabled(bool enabled) { m_secondAttempt = enabled; }
    void setCancelTimeouts(int interruptMs, int terminateMs);
    /// Count the tasks first with `ansible-playbook --list-tasks` (off by default: it costs a run of its own)
    /// when no earlier run gives an estimate.
    void setListTasksPreCount(bool enabled) { m_listTasks = enabled; }
    /// Tail period of the events file (default 100 ms).
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    /// AnsibleFiles::callbackPluginFolder(): installed, in the build tree, or $KUBESPRAY_WIZARD_ANSIBLE_DIR.
    static QString installedPluginFolder();

    /// Starts the run (or the --list-tasks pre-count first). False with the reason when nothing could start.
    bool start(QString *error = nullptr);
    /// Cancels the pre-count or the run (process-group rules of PlaybookRunner); `finished` follows.
    void cancel();

    bool isRunning() const { return m_running; }
    EventSource eventSource() const { return m_source; }
    QString eventsFilePath() const { return m_eventsPath; }
    QString logFilePath() const { return m_runner ? m_runner->logFilePath() : QString(); }
    HostStatusModel *hostModel() { return &m_model; }
    const PlaybookRunner *runner() const { return m_runner.get(); }
    /// The `--list-tasks` pre-count's runner while it exists (null without a pre-count).
    const PlaybookRunner *listTasksRunner() const { return m_listRunner.get(); }
    /// Complete stdout lines seen so far (a failure's logLine indexes them from 0).
    int stdoutLineCount() const { return m_stdoutLines; }
    int tasksDone() const { return m_done; }
    /// The estimated number of tasks; 0 = unknown.
    int estimatedTasks() const { return m_estimate; }
    /// task_start events seen in this run (what task-counts.json keeps).
    int tasksStarted() const { return m_tasksStarted; }
    Recap recap() const { return m_recap; }
    /// 1, or 2 once a failed cluster.yml runs once more.
    int attempt() const { return m_firstAttemptFailures ? 2 : 1; }
    /// What failed in the first attempt, once a second one started (the host table shows the second's).
    QList<HostStatusModel::Failure> firstAttemptFailures() const {
        return m_firstAttemptFailures.value_or(QList<HostStatusModel::Failure>());
    }

    /// The estimate kept from earlier runs of `playbook` (file name) with `kubesprayVersion`; 0 when none.
    static int storedTaskCount(const QString &logFolder, const QString &playbook, const QString &kubesprayVersion);
    static bool storeTaskCount(const QString &logFolder, const QString &playbook, const QString &kubesprayVersion,
                               int count);
    /// The number of task lines in `ansible-playbook --list-tasks` output.
    static int countListedTasks(const QByteArray &listTasksOutput);

signals:
    void started();
    /// A failed cluster.yml runs once more (setSecondAttemptEnabled): progress and the host table start afresh.
    void secondAttemptStarted();
    /// The raw output, for the log view.
    void outputData(const QByteArray &data, QProcess::ProcessChannel channel);
    /// A line of the runner itself (cancel steps, second attempt) or of the session (fallback).
    void message(const QString &line);
    void eventSourceChanged(ksw::RunSession::EventSource source);
    void event(const ksw::AnsibleEvent &event);
    void progressChanged(int done, int estimated, const QString &currentPlay, const QString &currentTask,
                         qint64 elapsedMs);
    void finished(int exitCode, bool cancelled, const ksw::Recap &recap);

private:
    bool startMainRun(QString *error);
    void onListTasksFinished(int exitCode, QProcess::ExitStatus status, bool cancelled);
    void onStdout(const QByteArray &data);
    void onStdoutLine(QByteArrayView line);
    void onStderr(const QByteArray &data);
    void onRunnerFinished(int exitCode, QProcess::ExitStatus status, bool cancelled);
    void onSecondAttempt();
    /// Reads what is left of the events file and the output, and delivers every queued event.
    void drainAll();
    void pollEvents();
    void handleEventLine(QByteArrayView line);
    void setSource(EventSource source);
    void drainText();
    void enqueue(const AnsibleEvent &event);
    /// Delivers queued events in order; a failure waits (at most a second, unless `force`) for its stdout line.
    void deliverQueued(bool force);
    void deliver(const AnsibleEvent &event, int logLine);
    void emitProgress();
    QString effectiveLogFolder() const;
    QString playbookKey() const;

    AnsibleCommand m_command;
    QString m_pluginFolder;
    QString m_logFolder;
    QString m_kubesprayVersion;
    QString m_ansibleVersion;
    std::optional<AnsibleRange> m_ansibleRange;
    bool m_secondAttempt = false;
    int m_interruptMs = 5000;
    int m_terminateMs = 3000;
    bool m_listTasks = false;

    std::unique_ptr<PlaybookRunner> m_runner;
    std::unique_ptr<PlaybookRunner> m_listRunner;
    QByteArray m_listOutput;
    std::unique_ptr<QTemporaryDir> m_tempFolder;
    HostStatusModel m_model;
    QTimer m_poll;
    QElapsedTimer m_clock;
    qint64 m_lastProgressSecond = -1;
    bool m_running = false;
    bool m_cancelRequested = false;

    QString m_eventsPath;
    QFile m_events;
    ByteLines m_eventLines; // the plugin's file, in lines
    EventSource m_source = EventSource::Undecided;
    TextEventParser m_text;
    QList<AnsibleEvent> m_textHeld; ///< text events while the source is undecided
    ByteLines m_stdoutSplitter;     // stdout in lines, to find the log line of each failure
    QByteArray m_stderrTail;
    int m_stdoutLines = 0;
    // Where failures show in stdout, so a failure in the summary can point at its line: the events lag behind
    // stdout (file poll) or come a few lines after it (text parser), so they are matched by task banner and host.
    QString m_banner;                          ///< the last "TASK [x]" / "RUNNING HANDLER [x]" banner's x
    QStringList m_bannerHosts;                 ///< hosts whose failure line under m_banner was recorded
    QHash<QString, QList<int>> m_failureLines; ///< "banner\nhost" → first failure line per banner, oldest first
    QHash<QString, int> m_lastFailureLine;     ///< host → last "fatal:/failed: [host]" line (the fallback)
    QList<AnsibleEvent> m_queue;               ///< events not delivered yet (a failure waiting for its line)
    QElapsedTimer m_heldSince;

    int m_done = 0;
    int m_estimate = 0;
    int m_tasksStarted = 0;
    QString m_play;
    QString m_task;
    Recap m_recap;
    std::optional<QList<HostStatusModel::Failure>> m_firstAttemptFailures;
};

} // namespace ksw
