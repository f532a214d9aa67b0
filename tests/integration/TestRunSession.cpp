// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// RunSession with Debian's real ansible-playbook (connection: local, no become): the events plugin tailed while the
// run goes on, progress and its estimate from an earlier run or from --list-tasks, the host table against the
// recap, the failure list, the text fallback when the plugin folder is wrong, and Cancel in the middle.
#include "TestSupport.h"

#include "run/RunSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace ksw;

namespace {

// Two plays, seven tasks of which six run: ok, changed, skipped, an ignored failure, a short wait, a failure.
constexpr const char *SitePlaybook = R"yaml(- name: Prepare
  hosts: all
  gather_facts: false
  tasks:
    - name: Say hello
      ansible.builtin.debug:
        msg: hello
    - name: Touch a file
      ansible.builtin.command: "echo touched"
      changed_when: true
    - name: Skip me
      ansible.builtin.debug:
        msg: never
      when: false
    - name: Fails but ignored
      ansible.builtin.command: "sh -c 'echo broken >&2; exit 3'"
      ignore_errors: true
- name: Finish
  hosts: all
  gather_facts: false
  tasks:
    - name: Wait a moment
      ansible.builtin.command: "sleep 1"
      changed_when: false
    - name: Fail on purpose
      ansible.builtin.fail:
        msg: "the run session failed on purpose"
    - name: Never reached
      ansible.builtin.debug:
        msg: never
)yaml";

constexpr const char *SlowPlaybook = R"yaml(- name: Slow
  hosts: all
  gather_facts: false
  tasks:
    - name: Before the wait
      ansible.builtin.debug:
        msg: before
    - name: Wait long
      ansible.builtin.command: "sleep 120"
    - name: After the wait
      ansible.builtin.debug:
        msg: after
)yaml";

const QStringList ExpectedSiteEvents = {
    QStringLiteral("playbook_start"),
    QStringLiteral("play_start|Prepare"),
    QStringLiteral("task_start|Say hello"),
    QStringLiteral("host_result|localhost|Say hello|ok|"),
    QStringLiteral("task_start|Touch a file"),
    QStringLiteral("host_result|localhost|Touch a file|changed|"),
    QStringLiteral("task_start|Skip me"),
    QStringLiteral("host_result|localhost|Skip me|skipped|"),
    QStringLiteral("task_start|Fails but ignored"),
    QStringLiteral("host_result|localhost|Fails but ignored|ignored|"),
    QStringLiteral("play_start|Finish"),
    QStringLiteral("task_start|Wait a moment"),
    QStringLiteral("host_result|localhost|Wait a moment|ok|"),
    QStringLiteral("task_start|Fail on purpose"),
    QStringLiteral("host_result|localhost|Fail on purpose|failed|the run session failed on purpose"),
    QStringLiteral("stats"),
    QStringLiteral("playbook_end"),
};

QStringList normalized(const QList<AnsibleEvent> &events) {
    QStringList out;
    for (const AnsibleEvent &e : events) {
        QString line = AnsibleEvent::typeName(e.type);
        if (e.type == AnsibleEvent::Type::PlayStart || e.type == AnsibleEvent::Type::TaskStart)
            line += QLatin1Char('|') + e.name;
        if (e.type == AnsibleEvent::Type::HostResult)
            line += QLatin1Char('|') + e.host + QLatin1Char('|') + e.task + QLatin1Char('|') +
                    hostStatusName(e.status) + QLatin1Char('|') + e.message;
        out << line;
    }
    return out;
}

struct Progress {
    int done = 0;
    int estimated = 0;
    QString play;
    QString task;
    qint64 elapsedMs = 0;
};

struct Outcome {
    bool finished = false;
    int exitCode = -1;
    bool cancelled = false;
    Recap recap;
    QList<AnsibleEvent> events;
    int eventsBeforeFinished = 0;
    QList<Progress> progress;
    QByteArray out;
    QByteArray err;
    QStringList messages;
    QList<RunSession::EventSource> sources;
    qint64 pgid = 0;
    qint64 milliseconds = 0;
    qint64 firstEventMs = -1;
};

} // namespace

class TestRunSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QTemporaryDir m_data;
    QString m_program;
    int m_folders = 0;

    QString rootPath(const QString &relative) const { return m_root.filePath(relative); }
    static QString pluginFolder() { return QStringLiteral(KSW_SOURCE_DIR "/resources/ansible/callback_plugins"); }
    QString newLogFolder() { return m_data.filePath(QStringLiteral("runs-%1").arg(++m_folders)); }

    AnsibleCommand command(const QString &playbook) const {
        AnsibleCommand c;
        c.kubesprayRoot = m_root.path();
        c.hostsFile = rootPath(QStringLiteral("hosts.ini"));
        c.playbook = playbook;
        c.program = m_program;
        c.become = false;
        c.environment.insert(QStringLiteral("HOME"), rootPath(QStringLiteral("home")));
        c.environment.insert(QStringLiteral("ANSIBLE_LOCAL_TEMP"), rootPath(QStringLiteral("tmp/local")));
        c.environment.insert(QStringLiteral("ANSIBLE_REMOTE_TEMP"), rootPath(QStringLiteral("tmp/remote")));
        return c;
    }

    /// Starts `session` and turns the event loop until `finished` (or two minutes). `onEvent` may cancel.
    Outcome run(RunSession &session, const std::function<void(RunSession &, const AnsibleEvent &)> &onEvent = {}) {
        Outcome o;
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        QObject context;
        connect(&session, &RunSession::started, &context, [&] {
            if (session.runner())
                o.pgid = session.runner()->processGroup();
        });
        connect(&session, &RunSession::outputData, &context, [&](const QByteArray &data, QProcess::ProcessChannel ch) {
            (ch == QProcess::StandardOutput ? o.out : o.err) += data;
        });
        connect(&session, &RunSession::message, &context, [&](const QString &line) { o.messages << line; });
        connect(&session, &RunSession::eventSourceChanged, &context,
                [&](RunSession::EventSource source) { o.sources << source; });
        connect(&session, &RunSession::event, &context, [&](const AnsibleEvent &e) {
            if (o.events.isEmpty())
                o.firstEventMs = clock.elapsed();
            o.events << e;
            if (!o.finished)
                ++o.eventsBeforeFinished;
            if (onEvent)
                onEvent(session, e);
        });
        connect(&session, &RunSession::progressChanged, &context,
                [&](int done, int estimated, const QString &play, const QString &task, qint64 elapsedMs) {
                    o.progress << Progress{done, estimated, play, task, elapsedMs};
                });
        connect(&session, &RunSession::finished, &context, [&](int exitCode, bool cancelled, const Recap &recap) {
            o.finished = true;
            o.exitCode = exitCode;
            o.cancelled = cancelled;
            o.recap = recap;
            loop.quit();
        });
        QString error;
        if (!session.start(&error)) {
            qWarning("start failed: %s", qPrintable(error));
            return o;
        }
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        o.milliseconds = clock.elapsed();
        return o;
    }

    /// What every completed run of site.yml shows, whichever source the events came from.
    void checkSiteRun(const Outcome &o, RunSession &session) {
        QVERIFY2(o.finished, qPrintable(QString::fromUtf8(o.err)));
        QCOMPARE(o.exitCode, 2);
        QVERIFY(!o.cancelled);
        QCOMPARE(normalized(o.events), ExpectedSiteEvents);
        // Live: events came while ansible-playbook was still running (the run lasts over a second).
        QVERIFY(o.eventsBeforeFinished > 0);
        QVERIFY2(o.firstEventMs < o.milliseconds - 500,
                 qPrintable(QStringLiteral("first event at %1 of %2 ms").arg(o.firstEventMs).arg(o.milliseconds)));

        // The recap and the host table agree.
        QCOMPARE(o.recap.hosts.value(QStringLiteral("localhost")), (HostCounts{4, 2, 0, 1, 1, 0, 1}));
        QCOMPARE(session.recap(), o.recap);
        HostStatusModel *model = session.hostModel();
        QVERIFY(model->hasRecap());
        QCOMPARE(model->hosts(), QStringList{QStringLiteral("localhost")});
        QCOMPARE(model->counts(QStringLiteral("localhost")), o.recap.hosts.value(QStringLiteral("localhost")));
        QCOMPARE(model->data(model->index(0, HostStatusModel::FailedColumn)).toInt(), 1);
        QCOMPARE(model->data(model->index(0, HostStatusModel::SkippedColumn)).toInt(), 1);

        // The failure, with its place in the output.
        QCOMPARE(model->failures().size(), 1);
        const HostStatusModel::Failure &failure = model->failures().first();
        QCOMPARE(failure.host, QStringLiteral("localhost"));
        QCOMPARE(failure.task, QStringLiteral("Fail on purpose"));
        QCOMPARE(failure.message, QStringLiteral("the run session failed on purpose"));
        const QList<QByteArray> lines = o.out.split('\n');
        QCOMPARE(session.stdoutLineCount(), int(lines.size()) - (o.out.endsWith('\n') ? 1 : 0));
        QVERIFY(failure.logLine >= 0 && failure.logLine < lines.size());
        QVERIFY2(lines.at(failure.logLine).startsWith("fatal: [localhost]"), lines.at(failure.logLine).constData());

        // Progress: tasks done grow one by one to the six tasks that ran; play and task names follow.
        QVERIFY(!o.progress.isEmpty());
        QCOMPARE(o.progress.last().done, 6);
        QCOMPARE(session.tasksDone(), 6);
        QCOMPARE(session.tasksStarted(), 6);
        int previous = 0;
        bool sawFailTask = false;
        for (const Progress &p : o.progress) {
            QVERIFY(p.done >= previous && p.done <= previous + 1);
            previous = p.done;
            if (p.task == QLatin1String("Fail on purpose") && !sawFailTask) {
                sawFailTask = true; // when it starts, five tasks are done
                QCOMPARE(p.play, QStringLiteral("Finish"));
                QCOMPARE(p.done, 5);
            }
        }
        QVERIFY(sawFailTask);
        QVERIFY(o.progress.last().elapsedMs > 0);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_root.isValid());
        QVERIFY(m_data.isValid());
        m_program = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
        if (m_program.isEmpty())
            QFAIL("ansible-playbook is missing: scripts/setup installs Debian's ansible-core");
        QVERIFY(QDir().mkpath(rootPath(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(rootPath(QStringLiteral("tmp/local"))));
        QVERIFY(test::writeAll(rootPath(QStringLiteral("cluster.yml")), SitePlaybook));
        QVERIFY(test::writeAll(rootPath(QStringLiteral("slow.yml")), SlowPlaybook));
        QVERIFY(test::writeAll(rootPath(QStringLiteral("hosts.ini")),
                               "localhost ansible_connection=local ansible_python_interpreter=auto_silent\n"));
        // Like Kubespray's: profile_tasks enabled in ansible.cfg (RunSession keeps it enabled).
        QVERIFY(test::writeAll(rootPath(QStringLiteral("ansible.cfg")), "[defaults]\n"
                                                                        "host_key_checking = False\n"
                                                                        "retry_files_enabled = False\n"
                                                                        "interpreter_python = auto_silent\n"
                                                                        "callbacks_enabled = profile_tasks\n"));
    }

    /// First run: the plugin's events while running, no estimate yet; the second run's estimate is the first's
    /// count of tasks.
    void pluginEventsAndEstimate() {
        const QString logs = newLogFolder();
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(logs);
        session.setKubesprayVersion(QStringLiteral("v2.24.1"));
        QCOMPARE(RunSession::storedTaskCount(logs, QStringLiteral("cluster.yml"), QStringLiteral("v2.24.1")), 0);

        const Outcome first = run(session);
        checkSiteRun(first, session);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(session.eventSource(), RunSession::EventSource::Plugin);
        QCOMPARE(first.sources, QList<RunSession::EventSource>{RunSession::EventSource::Plugin});
        for (const Progress &p : first.progress)
            QCOMPARE(p.estimated, 0);
        // The events file is the run's, in the run-log folder, next to the run log; profile_tasks still ran.
        QCOMPARE(QFileInfo(session.eventsFilePath()).absolutePath(), QFileInfo(logs).absoluteFilePath());
        QVERIFY(session.eventsFilePath().endsWith(QLatin1String(".events.jsonl")));
        QVERIFY(QFileInfo(session.logFilePath()).isFile());
        QVERIFY(first.out.contains("Say hello ---"));
        QVERIFY(!first.err.contains("Skipping callback plugin"));
        QCOMPARE(RunSession::storedTaskCount(logs, QStringLiteral("cluster.yml"), QStringLiteral("v2.24.1")), 6);
        QCOMPARE(RunSession::storedTaskCount(logs, QStringLiteral("cluster.yml"), QStringLiteral("v2.25.0")), 0);
        qInfo("first run: %lld ms, first event after %lld ms", first.milliseconds, first.firstEventMs);

        const QString firstEvents = session.eventsFilePath();
        const Outcome second = run(session);
        checkSiteRun(second, session);
        QVERIFY(session.eventsFilePath() != firstEvents); // one events file per run
        for (const Progress &p : second.progress)
            QCOMPARE(p.estimated, 6);
        qInfo("second run: %lld ms", second.milliseconds);
    }

    /// The plugin folder is wrong: Ansible warns, the session says so and follows the text output, with the same
    /// events, statuses, recap and failure.
    void textFallback() {
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(m_data.filePath(QStringLiteral("no-such-plugins")));
        session.setLogFolder(newLogFolder());
        const Outcome o = run(session);
        QVERIFY2(o.err.contains("Skipping callback plugin 'kubespray_wizard_events'"), o.err.constData());
        checkSiteRun(o, session);
        QCOMPARE(session.eventSource(), RunSession::EventSource::Text);
        QCOMPARE(o.sources, QList<RunSession::EventSource>{RunSession::EventSource::Text});
        QVERIFY(!QFileInfo::exists(session.eventsFilePath()));
        QVERIFY(!o.messages.isEmpty());
        qInfo("fallback run: %lld ms", o.milliseconds);
    }

    /// --list-tasks first: the estimate is the number of listed tasks (seven, "Never reached" included).
    void listTasksPreCount() {
        QCOMPARE(RunSession::countListedTasks("playbook: x.yml\n\n  play #1 (all): P\tTAGS: []\n    tasks:\n"
                                              "      a\tTAGS: []\n      web : b\tTAGS: [x]\n"),
                 2);
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(newLogFolder());
        session.setListTasksPreCount(true);
        const Outcome o = run(session);
        QVERIFY(o.finished);
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(session.estimatedTasks(), 7);
        QVERIFY(!o.progress.isEmpty());
        for (const Progress &p : o.progress)
            QCOMPARE(p.estimated, 7);
        QCOMPARE(o.progress.last().done, 6);
        QCOMPARE(normalized(o.events), ExpectedSiteEvents);
        qInfo("run with --list-tasks: %lld ms", o.milliseconds);
    }

    /// A failed cluster.yml run once more: the second attempt's events follow the first's in the same events file;
    /// progress, the host table and the failures are the second attempt's, its failure line in the second half.
    void secondAttempt() {
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(newLogFolder());
        session.setSecondAttemptEnabled(true);
        int attempts = 0;
        int eventsAtSecond = -1;
        QList<AnsibleEvent> seen;
        connect(&session, &RunSession::event, this, [&](const AnsibleEvent &e) { seen << e; });
        connect(&session, &RunSession::secondAttemptStarted, this, [&] {
            ++attempts;
            eventsAtSecond = int(seen.size());
            QCOMPARE(session.hostModel()->rowCount(), 0);
            QCOMPARE(session.tasksStarted(), 0);
        });
        const Outcome o = run(session);
        QCOMPARE(attempts, 1);
        QCOMPARE(eventsAtSecond, int(ExpectedSiteEvents.size())); // the whole first attempt was delivered before
        QCOMPARE(normalized(o.events), ExpectedSiteEvents + ExpectedSiteEvents);
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(session.tasksStarted(), 6);
        QCOMPARE(o.progress.last().done, 6);
        QCOMPARE(session.hostModel()->counts(QStringLiteral("localhost")),
                 o.recap.hosts.value(QStringLiteral("localhost")));
        QCOMPARE(session.hostModel()->failures().size(), 1);
        const int line = session.hostModel()->failures().first().logLine;
        const QList<QByteArray> lines = o.out.split('\n');
        QVERIFY(line >= 0 && line < lines.size());
        QVERIFY2(lines.at(line).startsWith("fatal: [localhost]"), lines.at(line).constData());
        int firstRecapLine = -1;
        for (int i = 0; i < lines.size() && firstRecapLine < 0; ++i) {
            if (lines.at(i).startsWith("PLAY RECAP"))
                firstRecapLine = i;
        }
        QVERIFY(line > firstRecapLine);
        // What the first attempt's failure was stays known: a success on the second attempt must say it.
        QCOMPARE(session.attempt(), 2);
        QCOMPARE(session.firstAttemptFailures().size(), 1);
        QCOMPARE(session.firstAttemptFailures().first().host, QStringLiteral("localhost"));
        QVERIFY(session.firstAttemptFailures().first().logLine < firstRecapLine);
        qInfo("two attempts: %lld ms", o.milliseconds);
    }

    /// Cancel at each moment around the first attempt's end (its failed task, its recap, its last event): the
    /// cancel wins, the second attempt never starts.
    void cancelAsTheFirstAttemptFails_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("at the failed task") << int(AnsibleEvent::Type::HostResult);
        QTest::newRow("at the recap") << int(AnsibleEvent::Type::Stats);
        QTest::newRow("at the playbook's end") << int(AnsibleEvent::Type::PlaybookEnd);
    }

    void cancelAsTheFirstAttemptFails() {
        QFETCH(int, type);
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(newLogFolder());
        session.setSecondAttemptEnabled(true);
        int attempts = 0;
        connect(&session, &RunSession::secondAttemptStarted, this, [&] { ++attempts; });
        bool cancelled = false;
        const Outcome o = run(session, [&](RunSession &s, const AnsibleEvent &e) {
            const bool failedTask = e.type == AnsibleEvent::Type::HostResult && e.status == HostStatus::Failed;
            if (!cancelled && int(e.type) == type && (e.type != AnsibleEvent::Type::HostResult || failedTask)) {
                cancelled = true;
                s.cancel();
            }
        });
        QVERIFY(cancelled);
        QVERIFY(o.finished);
        QVERIFY(o.cancelled);
        QCOMPARE(attempts, 0);
        QCOMPARE(session.attempt(), 1);
    }

    /// Cancel while a long task runs: cancelled = true, a partial table without recap, nothing left of the group,
    /// and no estimate kept from a cancelled run.
    void cancelMidRun() {
        const QString logs = newLogFolder();
        RunSession session;
        session.setCommand(command(QStringLiteral("slow.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(logs);
        session.setCancelTimeouts(3000, 2000);
        QElapsedTimer sinceCancel;
        const Outcome o = run(session, [&](RunSession &s, const AnsibleEvent &e) {
            if (e.type == AnsibleEvent::Type::TaskStart && e.name == QLatin1String("Wait long")) {
                sinceCancel.start();
                s.cancel();
            }
        });
        QVERIFY(o.finished);
        QVERIFY(o.cancelled);
        QVERIFY(sinceCancel.isValid());
        QVERIFY2(sinceCancel.elapsed() < 30000, qPrintable(QString::number(sinceCancel.elapsed())));
        QVERIFY(o.recap.isEmpty());
        QVERIFY(o.pgid > 0);
        QVERIFY(PlaybookRunner::processesInGroup(o.pgid).isEmpty());
        QVERIFY(!session.isRunning());
        HostStatusModel *model = session.hostModel();
        QVERIFY(!model->hasRecap());
        QCOMPARE(model->hosts(), QStringList{QStringLiteral("localhost")});
        QCOMPARE(model->counts(QStringLiteral("localhost")).ok, 1);
        QCOMPARE(session.tasksStarted(), 2);
        QCOMPARE(session.tasksDone(), 1);
        QVERIFY(!normalized(o.events).contains(QStringLiteral("task_start|After the wait")));
        QCOMPARE(RunSession::storedTaskCount(logs, QStringLiteral("slow.yml"), QString()), 0);
        qInfo("cancelled run: %lld ms, cancel took %lld ms", o.milliseconds, sinceCancel.elapsed());
    }

    /// Cancel during the --list-tasks pre-count: the run never starts.
    void cancelDuringListTasks() {
        RunSession session;
        session.setCommand(command(QStringLiteral("cluster.yml")));
        session.setPluginFolder(pluginFolder());
        session.setLogFolder(newLogFolder());
        session.setListTasksPreCount(true);
        qint64 listGroup = 0;
        QTimer watch;
        watch.setInterval(10);
        connect(&watch, &QTimer::timeout, this, [&] {
            const PlaybookRunner *list = session.listTasksRunner();
            if (list && list->isRunning() && list->processGroup() > 0) {
                listGroup = list->processGroup();
                watch.stop();
                session.cancel();
            }
        });
        watch.start();
        const Outcome o = run(session);
        QVERIFY(listGroup > 0);
        QVERIFY(PlaybookRunner::processesInGroup(listGroup).isEmpty());
        QVERIFY(o.finished);
        QVERIFY(o.cancelled);
        QVERIFY(o.events.isEmpty());
        QVERIFY(session.eventsFilePath().isEmpty());
        QVERIFY(!session.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestRunSession)
#include "TestRunSession.moc"
