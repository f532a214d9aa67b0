// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// AnsibleCommand + PlaybookRunner with Debian's real ansible-playbook over a real sshd on loopback (SshNode: a
// user of this test with a password and a sudo rule that asks for it). The "Kubespray root" is built here: an
// ansible.cfg like Kubespray's and small playbooks named like Kubespray's (reset.yml with Kubespray's confirmation
// logic). Checked: become really runs as root through the password files; the password never shows in any
// process's argv, in ansible-playbook's environment, in the output or in the run log; the password files are gone
// after the run; exit codes for a wrong SSH password, a wrong sudo password, a closed port and a failing task;
// Cancel in the middle leaves no process of the group and no remote command; a missing hosts file is refused.
#include "KubesprayRoot.h"
#include "SshNode.h"

#include "run/AnsibleCommand.h"
#include "run/PlaybookRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

#include <unistd.h>

using namespace ksw;
using ksw::test::SshNode;

namespace {

const QString kAnsiblePlaybook = QStringLiteral("/usr/bin/ansible-playbook");

bool writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct RunResult {
    bool started = false;
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    bool cancelled = false;
    QByteArray out;
    QByteArray err;
    QStringList messages;
    qint64 pgid = 0;
    qint64 elapsedMs = 0;
    qint64 cancelToFinishMs = -1;
    QString passwordFolder;
    QFile::Permissions folderPermissions;
    QList<QFile::Permissions> filePermissions;
    int scans = 0;
    QStringList leaks;         // where the password was seen while running
    QList<qint64> leftInGroup; // live processes of the group right after `finished`
};

} // namespace

class TestPlaybookRunner : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshNode> m_node;
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<QTemporaryDir> m_logs;
    QString m_hosts;
    QString m_hostsClosedPort;
    QString m_controlDir;
    QString m_sleepArgument;
    int m_testNumber = 0;

    AnsibleCommand command(const QString &playbook) const {
        AnsibleCommand c;
        c.kubesprayRoot = m_root->path();
        c.hostsFile = m_hosts;
        c.playbook = playbook;
        c.program = QFileInfo(kAnsiblePlaybook).isExecutable() ? kAnsiblePlaybook : QString();
        c.connectionPassword = m_node->password();
        c.becomePassword = m_node->password();
        c.environment.insert(QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_controlDir);
        return c;
    }

    QString logFolder() const { return m_logs->filePath(QStringLiteral("runs")); }

    /// The long task's `sleep` on the node side (its argument is unique to this test process).
    QList<qint64> remoteSleeps() const {
        const QByteArray remoteSleep = QByteArray("sleep ") + m_sleepArgument.toUtf8();
        QList<qint64> found;
        for (const auto &p : test::listProcesses()) {
            if (p.state != 'Z' && p.cmdline == remoteSleep)
                found << p.pid;
        }
        return found;
    }

    /// Runs to the end (or `timeoutMs`), scanning /proc for the password every 20 ms while the run goes on.
    /// `whileRunning` is called on every scan and may cancel.
    RunResult run(PlaybookRunner &runner, int timeoutMs = 120000,
                  const std::function<void(PlaybookRunner &, RunResult &)> &whileRunning = {}) {
        RunResult result;
        const QByteArray secret = m_node->password().toUtf8();
        QElapsedTimer clock;
        clock.start();
        QElapsedTimer sinceCancel;
        QObject context;
        connect(&runner, &PlaybookRunner::started, &context, [&] {
            result.started = true;
            result.pgid = runner.processGroup();
            result.passwordFolder = runner.passwordFolder();
            result.folderPermissions = QFileInfo(result.passwordFolder).permissions();
            for (const QString &name : QDir(result.passwordFolder).entryList(QDir::Files))
                result.filePermissions << QFileInfo(QDir(result.passwordFolder).filePath(name)).permissions();
        });
        connect(&runner, &PlaybookRunner::stdoutData, &context, [&](const QByteArray &d) { result.out += d; });
        connect(&runner, &PlaybookRunner::stderrData, &context, [&](const QByteArray &d) { result.err += d; });
        connect(&runner, &PlaybookRunner::message, &context, [&](const QString &line) {
            result.messages << line;
            if (line.startsWith(QStringLiteral("Cancel")))
                sinceCancel.start();
        });
        connect(&runner, &PlaybookRunner::finished, &context,
                [&](int code, QProcess::ExitStatus status, bool cancelled) {
                    result.finished = true;
                    result.exitCode = code;
                    result.exitStatus = status;
                    result.cancelled = cancelled;
                    result.leftInGroup.clear();
                    for (const auto &p : test::liveProcessesInGroup(result.pgid))
                        result.leftInGroup << p.pid;
                    if (sinceCancel.isValid())
                        result.cancelToFinishMs = sinceCancel.elapsed();
                });
        QTimer scan;
        scan.setInterval(20);
        connect(&scan, &QTimer::timeout, &context, [&] {
            if (!runner.isRunning())
                return;
            ++result.scans;
            for (const auto &p : test::listProcesses()) {
                if (p.cmdline.contains(secret))
                    result.leaks << QStringLiteral("argv of %1: %2").arg(p.pid).arg(QString::fromLocal8Bit(p.cmdline));
            }
            // The environment of every process of the run (ansible-playbook and its workers, sshpass, ssh).
            for (const auto &p : test::liveProcessesInGroup(runner.processGroup())) {
                if (readFile(QStringLiteral("/proc/%1/environ").arg(p.pid)).contains(secret))
                    result.leaks << QStringLiteral("environ of %1").arg(p.pid);
            }
            if (whileRunning)
                whileRunning(runner, result);
        });
        QString error;
        if (!runner.start(&error)) {
            qWarning("start refused: %s", qPrintable(error));
            return result;
        }
        scan.start();
        while (!result.finished && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        if (!result.finished) {
            qWarning("the run did not end within %d ms: cancelling it", timeoutMs);
            runner.cancel();
            QElapsedTimer grace;
            grace.start();
            while (!result.finished && grace.elapsed() < 15000)
                QTest::qWait(20);
            result.finished = false;
        }
        result.elapsedMs = clock.elapsed();
        return result;
    }

    void dumpOnFailure(const RunResult &r) const {
        if (QTest::currentTestFailed()) {
            qWarning("stdout:\n%s\nstderr:\n%s\nmessages: %s", r.out.constData(), r.err.constData(),
                     qPrintable(r.messages.join(QStringLiteral(" | "))));
        }
    }

private slots:
    void initTestCase() {
        const QString reason = SshNode::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (!QFileInfo(kAnsiblePlaybook).isExecutable())
            QSKIP("Debian's ansible-playbook (/usr/bin/ansible-playbook, package ansible) is missing");
        m_node = std::make_unique<SshNode>();
        QString error;
        QVERIFY2(m_node->start(&error), qPrintable(error));

        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        const QString root = m_root->path();
        // Kubespray's ansible.cfg, with the fact cache inside this folder.
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("ansible.cfg")), test::kubesprayAnsibleCfg(root)));
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("cluster.yml")), R"(---
- name: Cluster
  hosts: all
  gather_facts: false
  tasks:
    - name: Who am I with become
      ansible.builtin.command: id -u
      register: whoami
      changed_when: false
    - name: Show the user id
      ansible.builtin.debug:
        msg: "become uid={{ whoami.stdout }}"
    - name: Fail when asked to
      ansible.builtin.fail:
        msg: "failing on purpose"
      when: ksw_fail | default(false) | bool
)"));
        // Kubespray's confirmation logic (v2.23 → master, FACTS.md §3).
        const QByteArray reset = QByteArray("---\n- name: Reset cluster\n  hosts: all\n  gather_facts: false\n"
                                            "  tasks:\n") +
                                 test::kResetConfirmationTasks +
                                 "    - name: Reset as root\n"
                                 "      ansible.builtin.command: id -u\n"
                                 "      register: reset_uid\n"
                                 "      changed_when: false\n"
                                 "    - name: Show the reset user id\n"
                                 "      ansible.builtin.debug:\n"
                                 "        msg: \"reset uid={{ reset_uid.stdout }}\"\n";
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("reset.yml")), reset));
        // The same playbook under another name gets no confirmation from AnsibleCommand: it must fail.
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("reset_unconfirmed.yml")), reset));
        m_sleepArgument = QStringLiteral("30.%1").arg(::getpid()); // unique on the node side
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("long.yml")),
                          QStringLiteral("---\n- name: Long\n  hosts: all\n  gather_facts: false\n  tasks:\n"
                                         "    - name: Sleep\n      ansible.builtin.command: sleep %1\n")
                              .arg(m_sleepArgument)
                              .toUtf8()));

        m_hosts = m_root->filePath(QStringLiteral("inventory/mycluster/hosts.yaml"));
        QVERIFY(writeFile(m_hosts, QStringLiteral("all:\n  hosts:\n    node1:\n      ansible_host: 127.0.0.1\n"
                                                  "      ansible_port: %1\n      ansible_user: %2\n"
                                                  "  children:\n    k8s_cluster:\n      hosts:\n        node1:\n")
                                       .arg(m_node->port())
                                       .arg(m_node->user())
                                       .toUtf8()));
        QTcpServer probe; // a port that nothing listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        m_hostsClosedPort = m_root->filePath(QStringLiteral("inventory/closed/hosts.yaml"));
        QVERIFY(
            writeFile(m_hostsClosedPort, QStringLiteral("all:\n  hosts:\n    node1:\n      ansible_host: 127.0.0.1\n"
                                                        "      ansible_port: %1\n      ansible_user: %2\n")
                                             .arg(closedPort)
                                             .arg(m_node->user())
                                             .toUtf8()));
    }

    void init() {
        // Each test its own ControlPersist folder: a master left by an earlier test would skip authentication.
        m_controlDir = QDir(m_node->controlPathDir()).filePath(QString::number(++m_testNumber));
        QVERIFY(QDir().mkpath(m_controlDir));
        m_logs = std::make_unique<QTemporaryDir>();
        QVERIFY(m_logs->isValid());
    }

    void cleanup() {
        if (m_node)
            m_node->stopMuxMasters();
        m_logs.reset();
    }

    void cleanupTestCase() {
        if (m_node)
            m_node->stop();
        m_node.reset();
        m_root.reset();
    }

    void commandLine() {
        AnsibleCommand c = command(QStringLiteral("reset.yml"));
        c.verbosity = 2;
        c.extraVars << QStringLiteral("foo=bar");
        QStringList args = c.arguments(QStringLiteral("/p/conn"), QStringLiteral("/p/become"));
        QCOMPARE(args.mid(0, 2), (QStringList{QStringLiteral("-i"), m_hosts}));
        QVERIFY(args.contains(QStringLiteral("--become")));
        QVERIFY(args.contains(QStringLiteral("--become-user=root")));
        QVERIFY(args.join(QLatin1Char(' ')).contains(QStringLiteral("-e reset_confirmation=yes")));
        QVERIFY(args.join(QLatin1Char(' ')).contains(QStringLiteral("-e foo=bar")));
        QVERIFY(args.contains(QStringLiteral("-vv")));
        QVERIFY(args.join(QLatin1Char(' ')).contains(QStringLiteral("--connection-password-file /p/conn")));
        QVERIFY(args.join(QLatin1Char(' ')).contains(QStringLiteral("--become-password-file /p/become")));
        QCOMPARE(args.last(), QStringLiteral("reset.yml"));
        QCOMPARE(c.workingDirectory(), m_root->path());

        const QString shown = c.displayCommand();
        QVERIFY2(!shown.contains(m_node->password()), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("<connection password file>")));
        QVERIFY(shown.contains(QStringLiteral("reset_confirmation=yes")));
        QVERIFY(!c.processEnvironment().toStringList().join(QLatin1Char('\n')).contains(m_node->password()));

        AnsibleCommand cluster = command(QStringLiteral("cluster.yml"));
        QVERIFY(!cluster.arguments().join(QLatin1Char(' ')).contains(QStringLiteral("reset_confirmation")));
        QVERIFY(!cluster.arguments().join(QLatin1Char(' ')).contains(QStringLiteral("password-file")));
        QVERIFY(cluster.isCluster());
        QVERIFY(command(QStringLiteral("playbooks/reset.yml")).isReset());

        // The venv's ansible-playbook first, PATH otherwise.
        QTemporaryDir checkout;
        AnsibleCommand venv;
        venv.kubesprayRoot = checkout.path();
        QCOMPARE(venv.resolvedProgram(), QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")));
        const QString venvProgram = checkout.filePath(QStringLiteral("venv/bin/ansible-playbook"));
        QVERIFY(writeFile(venvProgram, "#!/bin/sh\nexit 0\n"));
        QVERIFY(QFile::setPermissions(venvProgram, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(venv.resolvedProgram(), QFileInfo(venvProgram).absoluteFilePath());

        // The folder is not a hosts file; a missing file is refused.
        QString error;
        AnsibleCommand folder = command(QStringLiteral("cluster.yml"));
        folder.hostsFile = QFileInfo(m_hosts).absolutePath();
        QVERIFY(!folder.validate(&error));
        QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
        QVERIFY(command(QStringLiteral("cluster.yml")).validate(&error));
        AnsibleCommand noPlaybook = command(QStringLiteral("nosuch.yml"));
        QVERIFY(!noPlaybook.validate(&error));
    }

    void passwordFiles() {
        PasswordFiles files;
        QString error;
        QVERIFY2(files.create(QStringLiteral("c-secret"), QStringLiteral("b-secret"), &error), qPrintable(error));
        const QString folder = files.folder();
        QCOMPARE(QFileInfo(folder).permissions() & 0x7777, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                               QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        for (const QString &file : {files.connectionFile(), files.becomeFile()}) {
            const QFile::Permissions p = QFileInfo(file).permissions();
            QCOMPARE(p & 0x7777, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        }
        QCOMPARE(readFile(files.connectionFile()), QByteArray("c-secret"));
        QCOMPARE(readFile(files.becomeFile()), QByteArray("b-secret"));
        files.remove();
        QVERIFY(!QFileInfo::exists(folder));
        {
            PasswordFiles scoped;
            QVERIFY(scoped.create(QStringLiteral("x"), QString()));
            QVERIFY(scoped.becomeFile().isEmpty());
            QVERIFY(QFileInfo::exists(scoped.connectionFile()));
            error = scoped.folder();
        }
        QVERIFY(!QFileInfo::exists(error));
    }

    void successfulRunBecomesRoot() {
        PlaybookRunner runner;
        runner.setCommand(command(QStringLiteral("cluster.yml")));
        runner.setLogFolder(logFolder());
        runner.setKubesprayVersion(QStringLiteral("v2.24.0"));
        runner.setAnsibleVersion(QStringLiteral("ansible-core 2.14"));
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QVERIFY(r.started);
        QCOMPARE(r.exitStatus, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.out.contains("become uid=0"), r.out.constData());
        QVERIFY(r.out.contains("PLAY RECAP"));
        QVERIFY(r.leftInGroup.isEmpty());

        // Password files: private while the run went on, gone after.
        QVERIFY(!r.passwordFolder.isEmpty());
        QCOMPARE(r.folderPermissions & 0x7000, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(r.filePermissions.size(), 2);
        for (const QFile::Permissions p : r.filePermissions) {
            QCOMPARE(p & 0x7000, QFile::ReadOwner | QFile::WriteOwner); // never executable
            QCOMPARE(p & 0x0077, QFile::Permissions());                 // nothing for group and others
        }
        QVERIFY(!QFileInfo::exists(r.passwordFolder));
        QVERIFY(runner.passwordFolder().isEmpty());

        // The password is nowhere.
        QVERIFY2(r.scans > 5, qPrintable(QString::number(r.scans)));
        QVERIFY2(r.leaks.isEmpty(), qPrintable(r.leaks.join(QLatin1Char('\n'))));
        const QByteArray secret = m_node->password().toUtf8();
        QVERIFY(!r.out.contains(secret));
        QVERIFY(!r.err.contains(secret));

        // The run log: header, the output, footer; no secret.
        const QByteArray log = readFile(runner.logFilePath());
        QVERIFY(runner.logFilePath().startsWith(logFolder()));
        QVERIFY(!log.contains(secret));
        QVERIFY(log.contains("# Command: cd "));
        QVERIFY(log.contains("--become-password-file '<become password file>'") ||
                log.contains("--become-password-file <become password file>"));
        QVERIFY(log.contains("# Started: "));
        QVERIFY(log.contains("# Kubespray: v2.24.0"));
        QVERIFY(log.contains("# Ansible: ansible-core 2.14"));
        QVERIFY(log.contains("become uid=0"));
        QVERIFY(log.contains("# Ended: "));
        QVERIFY(log.contains("# Exit status: exit code 0"));
        qInfo("successful run: %lld ms", r.elapsedMs);
    }

    void verboseRunShowsNoPassword() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.verbosity = 4;
        PlaybookRunner runner;
        runner.setCommand(c);
        runner.setLogFolder(logFolder());
        const RunResult r = run(runner);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("ESTABLISH SSH CONNECTION")); // really verbose: every ssh command is shown
        const QByteArray secret = m_node->password().toUtf8();
        QVERIFY(!r.out.contains(secret));
        QVERIFY(!r.err.contains(secret));
        QVERIFY(!readFile(runner.logFilePath()).contains(secret));
        QVERIFY2(r.leaks.isEmpty(), qPrintable(r.leaks.join(QLatin1Char('\n'))));
        qInfo("-vvvv run: %lld ms, %lld bytes of output", r.elapsedMs, qint64(r.out.size() + r.err.size()));
    }

    void resetNeverPrompts() {
        PlaybookRunner runner;
        runner.setCommand(command(QStringLiteral("reset.yml")));
        runner.setLogFolder(logFolder());
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains("Are you sure") && !r.err.contains("Are you sure"));
        QVERIFY(r.out.contains("reset uid=0"));
        QVERIFY(r.leaks.isEmpty());

        // Control: the same playbook without the confirmation really fails (stdin is not interactive).
        PlaybookRunner unconfirmed;
        unconfirmed.setCommand(command(QStringLiteral("reset_unconfirmed.yml")));
        const RunResult u = run(unconfirmed);
        dumpOnFailure(u);
        QCOMPARE(u.exitCode, 2);
        QVERIFY(u.out.contains("Reset confirmation failed"));
        qInfo("reset: %lld ms, unconfirmed control: %lld ms", r.elapsedMs, u.elapsedMs);
    }

    void wrongSshPasswordIsUnreachable() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.connectionPassword = QStringLiteral("wrong-ssh-password");
        PlaybookRunner runner;
        runner.setCommand(c);
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.out.contains("UNREACHABLE"));
        QVERIFY(r.leaks.isEmpty());
        QVERIFY(!QFileInfo::exists(r.passwordFolder));
        qInfo("wrong SSH password: %lld ms", r.elapsedMs);
    }

    void wrongSudoPasswordFails() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.becomePassword = QStringLiteral("wrong-sudo-password");
        PlaybookRunner runner;
        runner.setCommand(c);
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.out.contains("become uid=0"));
        QVERIFY(r.leaks.isEmpty());
        qInfo("wrong sudo password: %lld ms", r.elapsedMs);
    }

    void closedPortIsUnreachable() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.hostsFile = m_hostsClosedPort;
        PlaybookRunner runner;
        runner.setCommand(c);
        // Kubespray's ConnectionAttempts=100 would retry for 100 s; extra environment overrides it here.
        runner.setExtraEnvironment(
            {{QStringLiteral("ANSIBLE_SSH_ARGS"), QStringLiteral("-o ControlMaster=auto -o ControlPersist=30m "
                                                                 "-o UserKnownHostsFile=/dev/null")}});
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.out.contains("UNREACHABLE"));
        qInfo("closed port: %lld ms", r.elapsedMs);
    }

    void failingTask() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.extraVars << QStringLiteral("ksw_fail=true");
        PlaybookRunner runner;
        runner.setCommand(c);
        runner.setLogFolder(logFolder());
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("failing on purpose"));
        QCOMPARE(r.out.count("PLAY RECAP"), 1); // no second attempt unless asked for
        QVERIFY(readFile(runner.logFilePath()).contains("# Exit status: exit code 2"));
        qInfo("failing task: %lld ms", r.elapsedMs);
    }

    void secondAttemptOfCluster() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.extraVars << QStringLiteral("ksw_fail=true");
        PlaybookRunner runner;
        runner.setCommand(c);
        runner.setLogFolder(logFolder());
        runner.setSecondAttemptEnabled(true);
        QSignalSpy second(&runner, &PlaybookRunner::secondAttemptStarted);
        const RunResult r = run(runner);
        dumpOnFailure(r);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(second.count(), 1);
        QCOMPARE(runner.attempt(), 2);
        QCOMPARE(r.out.count("PLAY RECAP"), 2);
        QVERIFY(r.messages.join(QLatin1Char('\n')).contains(QStringLiteral("second attempt")));
        const QByteArray log = readFile(runner.logFilePath());
        QVERIFY(log.contains("second attempt"));
        QVERIFY(log.contains("after a second attempt"));
        QVERIFY(!QFileInfo::exists(r.passwordFolder));
        qInfo("two attempts: %lld ms", r.elapsedMs);
    }

    void cancelInTheMiddle_data() {
        QTest::addColumn<bool>("pipelining");
        QTest::newRow("no pipelining (remote command on a pty)") << false;
        QTest::newRow("Kubespray's pipelining") << true;
    }

    void cancelInTheMiddle() {
        QFETCH(bool, pipelining);
        PlaybookRunner runner;
        runner.setCommand(command(QStringLiteral("long.yml")));
        runner.setLogFolder(logFolder());
        runner.setCancelTimeouts(3000, 2000);
        if (!pipelining)
            runner.setExtraEnvironment({{QStringLiteral("ANSIBLE_PIPELINING"), QStringLiteral("False")}});
        bool cancelSent = false;
        const RunResult r = run(runner, 60000, [&](PlaybookRunner &running, RunResult &) {
            if (!cancelSent && !remoteSleeps().isEmpty()) { // the become task is running on the node
                cancelSent = true;
                running.cancel();
            }
        });
        dumpOnFailure(r);
        QVERIFY(cancelSent);
        QVERIFY(r.cancelled);
        QVERIFY2(r.cancelToFinishMs >= 0 && r.cancelToFinishMs < 8000, qPrintable(QString::number(r.cancelToFinishMs)));
        QVERIFY2(r.leftInGroup.isEmpty(), "processes of the run's group are left");
        QVERIFY(test::liveProcessesInGroup(r.pgid).isEmpty());
        QVERIFY(!QFileInfo::exists(r.passwordFolder));
        QVERIFY(readFile(runner.logFilePath()).contains("# Exit status: cancelled"));
        if (!pipelining) {
            // The node side: the remote sleep ends with the connection (SIGHUP of its pty).
            QTRY_VERIFY_WITH_TIMEOUT(remoteSleeps().isEmpty(), 5000);
        } else {
            // With pipelining there is no pty: OpenSSH leaves the remote command running until it ends by itself.
            // Record what happens; the test user's processes are stopped by the node at the end.
            QTest::qWait(2000);
            qInfo("with pipelining, remote sleep still running after cancel: %s",
                  remoteSleeps().isEmpty() ? "no" : "yes");
            SshNode::stopByPid(remoteSleeps());
        }
        qInfo("cancel → finished: %lld ms, exit code %d, messages: %s", r.cancelToFinishMs, r.exitCode,
              qPrintable(r.messages.join(QStringLiteral(" | "))));
    }

    void cancelEscalatesToKill() {
        // A stand-in for an ansible-playbook that ignores SIGINT and SIGTERM, with a child of its own.
        const QString script = m_root->filePath(QStringLiteral("stubborn.sh"));
        QVERIFY(writeFile(script, "#!/bin/sh\ntrap '' INT TERM\necho ready\nsleep 60 &\nwait\n"));
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.program = script;
        PlaybookRunner runner;
        runner.setCommand(c);
        runner.setLogFolder(logFolder());
        runner.setCancelTimeouts(300, 300);
        bool cancelSent = false;
        const RunResult r = run(runner, 30000, [&](PlaybookRunner &running, RunResult &result) {
            if (!cancelSent && result.out.contains("ready") && test::liveProcessesInGroup(result.pgid).size() >= 2) {
                cancelSent = true;
                running.cancel();
            }
        });
        dumpOnFailure(r);
        QVERIFY(cancelSent);
        QVERIFY(r.finished);
        QVERIFY(r.cancelled);
        QCOMPARE(r.exitStatus, QProcess::CrashExit);
        const QString steps = r.messages.join(QStringLiteral(" | "));
        QVERIFY2(steps.contains(QStringLiteral("SIGINT")) && steps.contains(QStringLiteral("SIGTERM")) &&
                     steps.contains(QStringLiteral("SIGKILL")),
                 qPrintable(steps));
        QVERIFY(r.leftInGroup.isEmpty());
        QVERIFY2(r.cancelToFinishMs < 5000, qPrintable(QString::number(r.cancelToFinishMs)));
        QVERIFY(!QFileInfo::exists(r.passwordFolder));
        qInfo("SIGINT → SIGTERM → SIGKILL: %lld ms", r.cancelToFinishMs);
    }

    void leftoversOfTheGroupAreStopped() {
        // The leader ends but leaves a process of its group behind: `finished` waits until it is gone.
        const QString script = m_root->filePath(QStringLiteral("leaves.sh"));
        QVERIFY(writeFile(script, "#!/bin/sh\nsleep 60 >/dev/null 2>&1 &\nexit 3\n"));
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.program = script;
        PlaybookRunner runner;
        runner.setCommand(c);
        const RunResult r = run(runner, 30000);
        dumpOnFailure(r);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.messages.join(QLatin1Char(' ')).contains(QStringLiteral("still there")),
                 qPrintable(r.messages.join(QLatin1Char(' '))));
        QVERIFY(r.leftInGroup.isEmpty());
    }

    void destroyedWhileRunning() {
        QString passwordFolder;
        qint64 pgid = 0;
        {
            PlaybookRunner runner;
            runner.setCommand(command(QStringLiteral("long.yml")));
            runner.setLogFolder(logFolder());
            runner.setExtraEnvironment({{QStringLiteral("ANSIBLE_PIPELINING"), QStringLiteral("False")}});
            QString error;
            QVERIFY2(runner.start(&error), qPrintable(error));
            passwordFolder = runner.passwordFolder();
            pgid = runner.processGroup();
            QVERIFY(QFileInfo::exists(passwordFolder));
            QByteArray output;
            bool ended = false;
            connect(&runner, &PlaybookRunner::stdoutData, this, [&](const QByteArray &d) { output += d; });
            connect(&runner, &PlaybookRunner::stderrData, this, [&](const QByteArray &d) { output += d; });
            connect(&runner, &PlaybookRunner::finished, this, [&] { ended = true; });
            QElapsedTimer clock;
            clock.start();
            while (!ended && remoteSleeps().isEmpty() && clock.elapsed() < 30000)
                QTest::qWait(20);
            QVERIFY2(!ended && !remoteSleeps().isEmpty(), output.constData());
            runner.disconnect(this);
        }
        QVERIFY(test::liveProcessesInGroup(pgid).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(remoteSleeps().isEmpty(), 5000); // the pty of the remote command hung up
        QVERIFY(!QFileInfo::exists(passwordFolder));
        const QStringList logs = QDir(logFolder()).entryList(QDir::Files);
        QCOMPARE(logs.size(), 1);
        QVERIFY(readFile(QDir(logFolder()).filePath(logs.first())).contains("abandoned"));
    }

    void missingHostsFileIsRefused() {
        AnsibleCommand c = command(QStringLiteral("cluster.yml"));
        c.hostsFile = m_root->filePath(QStringLiteral("inventory/nosuch/hosts.yaml"));
        PlaybookRunner runner;
        runner.setCommand(c);
        runner.setLogFolder(logFolder());
        QSignalSpy started(&runner, &PlaybookRunner::started);
        QSignalSpy finished(&runner, &PlaybookRunner::finished);
        QString error;
        QVERIFY(!runner.start(&error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(!runner.isRunning());
        QCOMPARE(started.count(), 0);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!QFileInfo::exists(logFolder()) || QDir(logFolder()).isEmpty(QDir::Files));
    }
};

QTEST_GUILESS_MAIN(TestPlaybookRunner)
#include "TestPlaybookRunner.moc"
