// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "EventExpectations.h"
#include "TestSupport.h"
#include "run/AnsibleEvents.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ksw::AnsibleEvent;
using ksw::HostCounts;
using ksw::HostStatus;
using ksw::Recap;
using ksw::TextEventParser;

namespace {

// The playbook of tests/fixtures/ansible/default-output.txt: every kind of result, a role with a handler, and a
// failure on purpose in a second play. Nothing leaves the machine (connection: local).
constexpr const char *Playbook = R"yaml(- name: First play
  hosts: all
  gather_facts: false
  vars:
    wizard_secret: "s3cr3t-do-not-log"
  tasks:
    - name: Say hello
      ansible.builtin.debug:
        msg: hello
    - name: Touch a file
      ansible.builtin.command: "echo {{ wizard_secret }}"
      changed_when: true
    - name: Never runs
      ansible.builtin.debug:
        msg: never
      when: false
    - name: Fails but ignored
      ansible.builtin.command: "sh -c 'echo broken >&2; exit 3'"
      ignore_errors: true
    - name: Loop over items
      ansible.builtin.command: "echo {{ item }}"
      loop: [a, b]
      changed_when: item == 'b'
    - name: Loop with a failure
      ansible.builtin.command: "test {{ item }} = 1"
      loop: [1, 2]
      ignore_errors: true
    - name: Use the role
      ansible.builtin.include_role:
        name: web
- name: Second play
  hosts: all
  gather_facts: false
  tasks:
    - name: Fail on purpose
      ansible.builtin.fail:
        msg: "the wizard test failed on purpose"
    - name: After failure
      ansible.builtin.debug:
        msg: never reached
)yaml";

constexpr const char *RoleTasks = R"yaml(- name: Configure web
  ansible.builtin.command: "true"
  changed_when: true
  notify: Restart web
)yaml";

constexpr const char *RoleHandlers = R"yaml(- name: Restart web
  ansible.builtin.debug:
    msg: restarted
)yaml";

using ksw::test::countsText;
using ksw::test::normalized;

const QStringList ExpectedEvents = ksw::test::testPlaybookEvents();

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool eventsFileExists = false;
    QByteArray eventsBytes;
    QList<AnsibleEvent> events;
    int badLines = 0;
    qint64 milliseconds = 0;
};

QList<AnsibleEvent> parseText(const QByteArray &bytes) {
    TextEventParser parser;
    parser.feed(bytes);
    parser.finish();
    return parser.takeEvents();
}

} // namespace

/// Debian's real ansible-playbook with our callback plugin: the JSON events, the unchanged human output, and the
/// text fallback giving the same statuses and recap.
class TestCallbackPlugin : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ansible;
    int m_runs = 0;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    struct Options {
        bool colour = false;
        QString pluginDir = QStringLiteral(KSW_SOURCE_DIR "/resources/ansible/callback_plugins");
        std::optional<QString> eventsFile; ///< empty optional: a fresh file in the temporary folder
        bool unsetEventsFile = false;
        QString callbacks = QStringLiteral("kubespray_wizard_events,profile_tasks");
    };

    Run run(const Options &options) {
        Run result;
        const QString eventsFile = options.eventsFile.value_or(path(QStringLiteral("events-%1.jsonl").arg(++m_runs)));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys()) {
            if (key.startsWith(QLatin1String("ANSIBLE_")) || key == QLatin1String("NO_COLOR") ||
                key == QLatin1String("KSW_EVENTS_FILE"))
                env.remove(key);
        }
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("ANSIBLE_LOCAL_TEMP"), path(QStringLiteral("tmp/local")));
        env.insert(QStringLiteral("ANSIBLE_REMOTE_TEMP"), path(QStringLiteral("tmp/remote")));
        env.insert(QStringLiteral("ANSIBLE_CONFIG"), path(QStringLiteral("ansible.cfg")));
        env.insert(QStringLiteral("ANSIBLE_CALLBACK_PLUGINS"), options.pluginDir);
        if (!options.callbacks.isEmpty())
            env.insert(QStringLiteral("ANSIBLE_CALLBACKS_ENABLED"), options.callbacks);
        if (options.colour)
            env.insert(QStringLiteral("ANSIBLE_FORCE_COLOR"), QStringLiteral("1"));
        if (!options.unsetEventsFile)
            env.insert(QStringLiteral("KSW_EVENTS_FILE"), eventsFile);

        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path());
        QElapsedTimer timer;
        timer.start();
        process.start(m_ansible,
                      {QStringLiteral("-i"), path(QStringLiteral("hosts.ini")), path(QStringLiteral("site.yml"))});
        if (!process.waitForStarted(30000))
            return result;
        process.closeWriteChannel();
        if (!process.waitForFinished(240000)) {
            process.kill();
            process.waitForFinished(5000);
            return result;
        }
        result.milliseconds = timer.elapsed();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        result.eventsFileExists = QFile::exists(eventsFile);
        result.eventsBytes = ksw::test::readAll(eventsFile);
        for (const QByteArray &line : result.eventsBytes.split('\n')) {
            if (line.isEmpty())
                continue;
            if (const auto event = ksw::parseEventLine(line))
                result.events << *event;
            else
                ++result.badLines;
        }
        return result;
    }

    /// Everything a run with the plugin loaded must show, coloured or not.
    void checkPluginRun(const Run &r, bool colour) {
        QVERIFY2(r.exitCode == 2, qPrintable(QString::fromUtf8(r.err)));
        QVERIFY(r.eventsFileExists);
        QCOMPARE(r.badLines, 0);
        QVERIFY(r.eventsBytes.endsWith('\n'));
        QCOMPARE(normalized(r.events), ExpectedEvents);

        // The details the text cannot give.
        const AnsibleEvent &start = r.events.first();
        QCOMPARE(start.playbook, QStringLiteral("site.yml"));
        QCOMPARE(r.events.at(1).hosts, QStringList{QStringLiteral("localhost")});
        QHash<QString, QString> taskOfUuid;
        for (const AnsibleEvent &e : r.events) {
            if (e.type == AnsibleEvent::Type::TaskStart) {
                QVERIFY(!e.uuid.isEmpty());
                QVERIFY2(!taskOfUuid.contains(e.uuid), qPrintable(e.uuid));
                taskOfUuid.insert(e.uuid, e.name);
                const QString expectedFile = e.role == QLatin1String("web")
                                                 ? (e.handler ? QStringLiteral("roles/web/handlers/main.yml:")
                                                              : QStringLiteral("roles/web/tasks/main.yml:"))
                                                 : QStringLiteral("site.yml:");
                QVERIFY2(e.path.contains(expectedFile), qPrintable(e.path));
                bool numeric = false;
                e.path.section(QLatin1Char(':'), -1).toInt(&numeric);
                QVERIFY2(numeric, qPrintable(e.path));
            }
            if (e.type == AnsibleEvent::Type::HostResult) {
                QCOMPARE(taskOfUuid.value(e.uuid), e.task);
                QVERIFY(e.duration >= 0 && e.duration < 120);
            }
        }
        const AnsibleEvent &stats = r.events.at(r.events.size() - 2);
        const Recap recap = Recap::fromStats(stats);
        QCOMPARE(recap.hosts.value(QStringLiteral("localhost")), (HostCounts{7, 5, 0, 1, 1, 0, 2}));
        QVERIFY(recap.anyFailed());

        // No variables or result bodies: the secret went through a task, the stderr of an ignored failure too.
        QVERIFY(!r.eventsBytes.contains("s3cr3t"));
        QVERIFY(!r.eventsBytes.contains("broken"));
        QVERIFY(!r.eventsBytes.contains("stdout"));

        // The human output is Ansible's default one, with profile_tasks still there.
        QVERIFY(r.out.contains("PLAY [First play] "));
        QVERIFY(r.out.contains("TASK [web : Configure web] "));
        QVERIFY(r.out.contains("PLAY RECAP "));
        QVERIFY(r.out.contains("Say hello ---"));
        QCOMPARE(r.out.contains("\x1b["), colour);
        QVERIFY(!r.out.contains("\"event\""));

        // The fallback over the same output agrees with the plugin.
        const QList<AnsibleEvent> text = parseText(r.out);
        QCOMPARE(normalized(text), normalized(r.events));
        QCOMPARE(Recap::fromStats(text.at(text.size() - 2)), recap);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_ansible = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
        if (m_ansible.isEmpty())
            QFAIL("ansible-playbook is missing: scripts/setup installs Debian's ansible-core");
        QVERIFY(QDir().mkpath(path(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(path(QStringLiteral("tmp/local"))));
        QVERIFY(ksw::test::writeAll(path(QStringLiteral("site.yml")), Playbook));
        QVERIFY(ksw::test::writeAll(path(QStringLiteral("roles/web/tasks/main.yml")), RoleTasks));
        QVERIFY(ksw::test::writeAll(path(QStringLiteral("roles/web/handlers/main.yml")), RoleHandlers));
        QVERIFY(ksw::test::writeAll(path(QStringLiteral("hosts.ini")),
                                    "localhost ansible_connection=local ansible_python_interpreter=auto_silent\n"));
        QVERIFY(ksw::test::writeAll(path(QStringLiteral("ansible.cfg")), "[defaults]\n"
                                                                         "host_key_checking = False\n"
                                                                         "retry_files_enabled = False\n"
                                                                         "interpreter_python = auto_silent\n"));
    }

    void pluginWithPlainOutput() {
        const Run r = run({});
        checkPluginRun(r, false);
        qInfo("plain run: %lld ms", r.milliseconds);
    }

    void pluginWithColouredOutput() {
        Options options;
        options.colour = true;
        const Run r = run(options);
        checkPluginRun(r, true);
        qInfo("coloured run: %lld ms", r.milliseconds);
    }

    /// The plugin adds nothing to the human output: a run with it alone prints what a run without it prints (but
    /// for the timestamps inside failure results). Without being enabled, it stays silent.
    void humanOutputUnchanged() {
        const auto comparable = [](const QByteArray &out) {
            QList<QByteArray> lines = out.split('\n');
            for (QByteArray &line : lines) {
                const qsizetype result = line.indexOf("=> {");
                if (result >= 0)
                    line.truncate(result);
            }
            return lines;
        };
        Options with;
        with.callbacks = QStringLiteral("kubespray_wizard_events");
        const Run withPlugin = run(with);
        QCOMPARE(withPlugin.exitCode, 2);
        QCOMPARE(normalized(withPlugin.events), ExpectedEvents);
        Options without;
        without.callbacks = QString();
        const Run withoutPlugin = run(without);
        QCOMPARE(withoutPlugin.exitCode, 2);
        QVERIFY(!withoutPlugin.eventsFileExists); // CALLBACK_NEEDS_ENABLED
        QCOMPARE(comparable(withPlugin.out), comparable(withoutPlugin.out));
        QCOMPARE(withPlugin.err, withoutPlugin.err);
    }

    /// The plugin appends: a second run into the same file adds a second complete playbook.
    void pluginAppends() {
        Options options;
        options.eventsFile = path(QStringLiteral("shared.jsonl"));
        QCOMPARE(run(options).exitCode, 2);
        const Run second = run(options);
        QCOMPARE(second.exitCode, 2);
        QCOMPARE(normalized(second.events), ExpectedEvents + ExpectedEvents);
    }

    /// The fallback case: the plugin is not where ANSIBLE_CALLBACK_PLUGINS says. Ansible warns and runs to the end,
    /// no events file appears, and the text parser alone gives the events.
    void pluginCannotLoad() {
        Options options;
        options.pluginDir = path(QStringLiteral("no-such-plugins"));
        const Run r = run(options);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::fromUtf8(r.err)));
        QVERIFY(!r.eventsFileExists);
        QVERIFY2(r.err.contains("Skipping callback plugin 'kubespray_wizard_events', unable to load"),
                 r.err.constData());
        QVERIFY(r.out.contains("PLAY RECAP "));
        QVERIFY(r.out.contains("Say hello ---")); // profile_tasks still loads
        QCOMPARE(normalized(parseText(r.out)), ExpectedEvents);
    }

    /// KSW_EVENTS_FILE unset or not writable: the plugin stays silent and never breaks the run.
    void eventsFileUnsetOrUnwritable() {
        Options unset;
        unset.unsetEventsFile = true;
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
        Run r = run(unset);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::fromUtf8(r.err)));
        QVERIFY(r.out.contains("PLAY RECAP "));
        QVERIFY(!r.err.contains("Traceback"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);

        Options unwritable;
        unwritable.eventsFile = path(QStringLiteral("no-such-folder/events.jsonl"));
        r = run(unwritable);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::fromUtf8(r.err)));
        QVERIFY(!r.eventsFileExists);
        QVERIFY(r.out.contains("PLAY RECAP "));
        QVERIFY(!r.err.contains("Traceback"));
        QCOMPARE(normalized(parseText(r.out)), ExpectedEvents);
    }
};

QTEST_GUILESS_MAIN(TestCallbackPlugin)
#include "TestCallbackPlugin.moc"
