// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/RunSession.h"

#include "run/AnsibleFiles.h"
#include "store/DurableFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ksw {

namespace {

const QString kPluginName = QStringLiteral("kubespray_wizard_events");
const QByteArray kSkippingWarning = QByteArrayLiteral("Skipping callback plugin 'kubespray_wizard_events'");
const QString kTaskCountsFile = QStringLiteral("task-counts.json");

QString countsKey(const QString &playbook, const QString &kubesprayVersion) {
    return playbook + QLatin1Char('|') + (kubesprayVersion.isEmpty() ? QStringLiteral("unknown") : kubesprayVersion);
}

QJsonObject readCounts(const QString &logFolder) {
    QFile file(QDir(logFolder).filePath(kTaskCountsFile));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// The host of a "fatal: [host]: FAILED!" / "failed: [host] (item=…)" line (cleaned), or empty.
QString failureLineHost(const QByteArray &line) {
    QByteArray rest;
    if (line.startsWith("fatal: ["))
        rest = line.mid(8);
    else if (line.startsWith("failed: ["))
        rest = line.mid(9);
    else
        return {};
    qsizetype end = rest.indexOf(']');
    const qsizetype arrow = rest.indexOf(" -> ");
    if (arrow >= 0 && (end < 0 || arrow < end))
        end = arrow;
    return end > 0 ? QString::fromUtf8(rest.left(end)) : QString();
}

/// x of a "TASK [x] ***" / "RUNNING HANDLER [x] ***" banner (cleaned), or empty.
QString bannerName(const QByteArray &line) {
    qsizetype start = -1;
    if (line.startsWith("TASK ["))
        start = 6;
    else if (line.startsWith("RUNNING HANDLER ["))
        start = 17;
    if (start < 0)
        return {};
    QByteArray rest = line.mid(start);
    while (rest.endsWith('*') || rest.endsWith(' '))
        rest.chop(1);
    if (!rest.endsWith(']'))
        return {};
    rest.chop(1);
    return QString::fromUtf8(rest);
}

QString failureKey(const QString &task, const QString &host) {
    return task + QLatin1Char('\n') + host;
}

constexpr int kFailureLineWaitMs = 1000;

} // namespace

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_pluginFolder(installedPluginFolder()) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &RunSession::pollEvents);
}

RunSession::~RunSession() = default; // the runners kill what is left of their process groups

void RunSession::setCancelTimeouts(int interruptMs, int terminateMs) {
    m_interruptMs = interruptMs;
    m_terminateMs = terminateMs;
}

QString RunSession::installedPluginFolder() {
    return AnsibleFiles::callbackPluginFolder();
}

QString RunSession::playbookKey() const {
    const QFileInfo info(m_command.playbook);
    return info.isAbsolute() ? info.fileName() : QDir::cleanPath(m_command.playbook);
}

QString RunSession::effectiveLogFolder() const {
    if (!m_logFolder.isEmpty())
        return m_logFolder;
    return m_tempFolder ? m_tempFolder->path() : QString();
}

int RunSession::storedTaskCount(const QString &logFolder, const QString &playbook, const QString &kubesprayVersion) {
    if (logFolder.isEmpty())
        return 0;
    return std::max(0, readCounts(logFolder).value(countsKey(playbook, kubesprayVersion)).toInt());
}

bool RunSession::storeTaskCount(const QString &logFolder, const QString &playbook, const QString &kubesprayVersion,
                                int count) {
    if (logFolder.isEmpty() || count <= 0 || !QDir().mkpath(logFolder))
        return false;
    QJsonObject counts = readCounts(logFolder);
    counts.insert(countsKey(playbook, kubesprayVersion), count);
    return !durable::write(QDir(logFolder).filePath(kTaskCountsFile),
                           QJsonDocument(counts).toJson(QJsonDocument::Indented));
}

int RunSession::countListedTasks(const QByteArray &listTasksOutput) {
    int count = 0;
    for (const QByteArray &raw : listTasksOutput.split('\n')) {
        const QByteArray line = TextEventParser::cleanLine(raw).trimmed();
        if (line.contains("TAGS: [") && !line.startsWith("play #"))
            ++count;
    }
    return count;
}

bool RunSession::start(QString *error) {
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (m_running)
        return fail(QCoreApplication::translate("RunSession", "A playbook is already running."));
    QString reason;
    if (!m_command.validate(&reason))
        return fail(reason);

    // Earlier runners may be the sender of the signal we are called from: never delete them here.
    if (m_runner)
        m_runner.release()->deleteLater();
    if (m_listRunner)
        m_listRunner.release()->deleteLater();
    if (m_logFolder.isEmpty() && !m_tempFolder)
        m_tempFolder = std::make_unique<QTemporaryDir>();
    m_model.clear();
    m_events.close();
    m_eventsPath.clear();
    m_eventLines = ByteLines();
    m_source = EventSource::Undecided;
    m_text = TextEventParser();
    m_textHeld.clear();
    m_stdoutSplitter = ByteLines();
    m_stderrTail.clear();
    m_stdoutLines = 0;
    m_banner.clear();
    m_bannerHosts.clear();
    m_failureLines.clear();
    m_lastFailureLine.clear();
    m_queue.clear();
    m_heldSince.invalidate();
    m_done = 0;
    m_tasksStarted = 0;
    m_play.clear();
    m_task.clear();
    m_recap = Recap();
    m_firstAttemptFailures.reset();
    m_cancelRequested = false;
    m_lastProgressSecond = -1;
    m_listOutput.clear();
    m_estimate = storedTaskCount(m_logFolder, playbookKey(), m_kubesprayVersion);
    m_clock.start();

    if (m_listTasks && m_estimate == 0) {
        AnsibleCommand listCommand = m_command;
        listCommand.extraArguments << QStringLiteral("--list-tasks");
        m_listRunner = std::make_unique<PlaybookRunner>();
        m_listRunner->setCommand(listCommand);
        m_listRunner->setCancelTimeouts(m_interruptMs, m_terminateMs);
        connect(m_listRunner.get(), &PlaybookRunner::stdoutData, this,
                [this](const QByteArray &data) { m_listOutput += data; });
        connect(m_listRunner.get(), &PlaybookRunner::message, this, &RunSession::message);
        connect(m_listRunner.get(), &PlaybookRunner::finished, this, &RunSession::onListTasksFinished);
        if (!m_listRunner->start(&reason))
            return fail(reason);
        m_running = true;
        emit message(
            QCoreApplication::translate("RunSession", "Counting the tasks of %1 (--list-tasks)…").arg(playbookKey()));
        return true;
    }
    if (!startMainRun(&reason))
        return fail(reason);
    m_running = true;
    return true;
}

bool RunSession::startMainRun(QString *error) {
    const QString folder = effectiveLogFolder();
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        if (error)
            *error = QCoreApplication::translate("RunSession", "Cannot create the run log folder %1").arg(folder);
        return false;
    }
    const QString base = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) +
                         QLatin1Char('-') + QFileInfo(m_command.playbook).completeBaseName();
    QString path = QDir(folder).filePath(base + QStringLiteral(".events.jsonl"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(folder).filePath(base + QStringLiteral("-%1.events.jsonl").arg(n));
    m_eventsPath = path;

    m_runner = std::make_unique<PlaybookRunner>();
    m_runner->setCommand(m_command);
    m_runner->setExtraEnvironment({
        {QStringLiteral("ANSIBLE_CALLBACK_PLUGINS"), m_pluginFolder},
        {QStringLiteral("ANSIBLE_CALLBACKS_ENABLED"), kPluginName + QStringLiteral(",profile_tasks")},
        {QStringLiteral("KSW_EVENTS_FILE"), m_eventsPath},
    });
    m_runner->setLogFolder(m_logFolder);
    m_runner->setKubesprayVersion(m_kubesprayVersion);
    m_runner->setAnsibleVersion(m_ansibleVersion);
    m_runner->setAnsibleRange(m_ansibleRange);
    m_runner->setSecondAttemptEnabled(m_secondAttempt);
    m_runner->setCancelTimeouts(m_interruptMs, m_terminateMs);
    connect(m_runner.get(), &PlaybookRunner::started, this, &RunSession::started);
    connect(m_runner.get(), &PlaybookRunner::stdoutData, this, &RunSession::onStdout);
    connect(m_runner.get(), &PlaybookRunner::stderrData, this, &RunSession::onStderr);
    connect(m_runner.get(), &PlaybookRunner::message, this, &RunSession::message);
    connect(m_runner.get(), &PlaybookRunner::finished, this, &RunSession::onRunnerFinished);
    connect(m_runner.get(), &PlaybookRunner::secondAttemptStarted, this, &RunSession::onSecondAttempt);
    // Every event of the failed first attempt is delivered before the runner decides on a second one, so that a
    // Cancel pressed on seeing the failure stops the run instead of interrupting the second attempt.
    connect(m_runner.get(), &PlaybookRunner::firstAttemptFailed, this, &RunSession::drainAll);
    if (!m_runner->start(error))
        return false;
    m_poll.start();
    emitProgress();
    return true;
}

void RunSession::onListTasksFinished(int exitCode, QProcess::ExitStatus status, bool cancelled) {
    if (cancelled || m_cancelRequested) {
        m_running = false;
        emit finished(exitCode, true, Recap());
        return;
    }
    const int count = status == QProcess::NormalExit && exitCode == 0 ? countListedTasks(m_listOutput) : 0;
    if (count > 0)
        m_estimate = count;
    QString reason;
    if (!startMainRun(&reason)) {
        emit message(reason);
        m_running = false;
        emit finished(-1, false, Recap());
    }
}

void RunSession::cancel() {
    if (!m_running)
        return;
    m_cancelRequested = true;
    if (m_listRunner && m_listRunner->isRunning())
        m_listRunner->cancel();
    else if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

void RunSession::onStdout(const QByteArray &data) {
    emit outputData(data, QProcess::StandardOutput);
    m_stdoutSplitter.feed(data, [this](QByteArrayView raw, bool) { onStdoutLine(raw); });
    if (m_source != EventSource::Plugin) {
        m_text.feed(data);
        drainText();
    }
    deliverQueued(false);
}

void RunSession::onStdoutLine(QByteArrayView raw) {
    const QByteArray line = TextEventParser::cleanLine(raw);
    const QString banner = bannerName(line);
    if (!banner.isEmpty()) {
        m_banner = banner;
        m_bannerHosts.clear();
    }
    const QString host = failureLineHost(line);
    if (!host.isEmpty()) {
        m_lastFailureLine.insert(host, m_stdoutLines);
        if (!m_bannerHosts.contains(host)) { // a loop's first failed item stands for the task
            m_bannerHosts << host;
            m_failureLines[failureKey(m_banner, host)] << m_stdoutLines;
        }
    }
    // The plugin opens its file when it loads, before any output: a play banner without it means no plugin.
    if (m_source == EventSource::Undecided && line.startsWith("PLAY [") && !QFileInfo::exists(m_eventsPath))
        setSource(EventSource::Text);
    ++m_stdoutLines;
}

void RunSession::onStderr(const QByteArray &data) {
    emit outputData(data, QProcess::StandardError);
    const QByteArray window = m_stderrTail + data;
    if (m_source == EventSource::Undecided && window.contains(kSkippingWarning))
        setSource(EventSource::Text);
    m_stderrTail = window.right(kSkippingWarning.size());
}

void RunSession::setSource(EventSource source) {
    if (m_source != EventSource::Undecided || source == EventSource::Undecided)
        return;
    m_source = source;
    if (source == EventSource::Text) {
        emit message(QCoreApplication::translate(
            "RunSession", "The wizard's Ansible callback could not load; following Ansible's text output instead."));
    }
    emit eventSourceChanged(source);
    const QList<AnsibleEvent> held = std::exchange(m_textHeld, {});
    if (source == EventSource::Text) {
        for (const AnsibleEvent &e : held)
            enqueue(e);
    } else {
        m_text = TextEventParser();
    }
}

void RunSession::drainText() {
    const QList<AnsibleEvent> events = m_text.takeEvents();
    if (m_source == EventSource::Text) {
        for (const AnsibleEvent &e : events)
            enqueue(e);
    } else if (m_source == EventSource::Undecided) {
        m_textHeld += events;
    }
}

void RunSession::pollEvents() {
    if (m_clock.isValid() && m_running && m_clock.elapsed() / 1000 != m_lastProgressSecond)
        emitProgress();
    deliverQueued(false);
    if (m_source == EventSource::Text || m_eventsPath.isEmpty())
        return;
    if (!m_events.isOpen()) {
        if (!QFileInfo::exists(m_eventsPath))
            return;
        m_events.setFileName(m_eventsPath);
        if (!m_events.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return;
    }
    const QByteArray chunk = m_events.readAll();
    if (chunk.isEmpty())
        return;
    m_eventLines.feed(chunk, [this](QByteArrayView line, bool) { handleEventLine(line); });
    deliverQueued(false);
}

void RunSession::handleEventLine(QByteArrayView line) {
    const std::optional<AnsibleEvent> parsed = parseEventLine(line);
    if (!parsed)
        return;
    setSource(EventSource::Plugin);
    if (m_source == EventSource::Plugin)
        enqueue(*parsed);
}

void RunSession::enqueue(const AnsibleEvent &e) {
    m_queue << e;
}

void RunSession::deliverQueued(bool force) {
    while (!m_queue.isEmpty()) {
        const AnsibleEvent &head = m_queue.first();
        int logLine = -1;
        if (head.type == AnsibleEvent::Type::HostResult &&
            (head.status == HostStatus::Failed || head.status == HostStatus::Unreachable ||
             head.status == HostStatus::Ignored)) {
            QList<int> &lines = m_failureLines[failureKey(m_task, head.host)];
            if (lines.isEmpty() && !force) {
                if (!m_heldSince.isValid())
                    m_heldSince.start();
                if (m_heldSince.elapsed() < kFailureLineWaitMs)
                    return;
            }
            logLine = !lines.isEmpty() ? lines.takeFirst()
                                       : m_lastFailureLine.value(head.host, std::max(0, m_stdoutLines - 1));
        }
        m_heldSince.invalidate();
        deliver(m_queue.takeFirst(), logLine);
    }
}

void RunSession::deliver(const AnsibleEvent &e, int logLine) {
    switch (e.type) {
    case AnsibleEvent::Type::PlaybookStart:
    case AnsibleEvent::Type::PlaybookEnd:
        break;
    case AnsibleEvent::Type::PlayStart:
        m_play = e.name;
        m_task.clear();
        emitProgress();
        break;
    case AnsibleEvent::Type::TaskStart:
        m_done = m_tasksStarted;
        ++m_tasksStarted;
        m_task = e.role.isEmpty() ? e.name : e.role + QStringLiteral(" : ") + e.name;
        emitProgress();
        break;
    case AnsibleEvent::Type::HostResult:
        m_model.addEvent(e, logLine);
        break;
    case AnsibleEvent::Type::Stats:
        m_recap = Recap::fromStats(e);
        m_model.addEvent(e);
        m_done = m_tasksStarted;
        emitProgress();
        break;
    }
    emit event(e);
}

void RunSession::drainAll() {
    if (m_source != EventSource::Text) {
        pollEvents();
        m_eventLines.finish([this](QByteArrayView line, bool) { handleEventLine(line); });
    }
    m_stdoutSplitter.finish([this](QByteArrayView, bool) { ++m_stdoutLines; }); // the log counts it as a line
    if (m_source == EventSource::Undecided) {
        const QFileInfo events(m_eventsPath);
        setSource(events.exists() && events.size() > 0 ? EventSource::Plugin : EventSource::Text);
    }
    if (m_source == EventSource::Text) {
        m_text.finish();
        drainText();
    }
    deliverQueued(true);
}

void RunSession::onSecondAttempt() {
    // The first attempt's events are all in (its processes are gone); the second appends to the same events file.
    drainAll();
    m_firstAttemptFailures = m_model.failures();
    m_text = TextEventParser();
    m_banner.clear();
    m_bannerHosts.clear();
    m_failureLines.clear();
    m_lastFailureLine.clear();
    m_model.clear();
    m_recap = Recap();
    m_done = 0;
    m_tasksStarted = 0;
    m_play.clear();
    m_task.clear();
    emit secondAttemptStarted();
    emitProgress();
}

void RunSession::onRunnerFinished(int exitCode, QProcess::ExitStatus status, bool cancelled) {
    m_poll.stop();
    drainAll();
    m_events.close();

    if (!cancelled && status == QProcess::NormalExit && !m_recap.isEmpty() && m_tasksStarted > 0 &&
        !m_logFolder.isEmpty()) {
        // A complete run says how many tasks the playbook has; a failed one ran at most that many.
        const int kept = storedTaskCount(m_logFolder, playbookKey(), m_kubesprayVersion);
        const int count = exitCode == 0 ? m_tasksStarted : std::max(kept, m_tasksStarted);
        storeTaskCount(m_logFolder, playbookKey(), m_kubesprayVersion, count);
    }
    if (!cancelled)
        m_done = m_tasksStarted;
    emitProgress();
    m_running = false;
    emit finished(status == QProcess::NormalExit ? exitCode : -1, cancelled, m_recap);
}

void RunSession::emitProgress() {
    const qint64 elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_lastProgressSecond = elapsed / 1000;
    const int estimated = m_estimate > 0 ? std::max(m_estimate, m_done) : 0;
    emit progressChanged(m_done, estimated, m_play, m_task, elapsed);
}

} // namespace ksw
