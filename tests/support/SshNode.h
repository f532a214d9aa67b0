// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// A real "node" on loopback for tests that run Ansible (PLATFORM.md): as root, a user of its own with a password,
// a sudo rule that asks for that password, and an sshd of its own (own config, host key and free port) allowing
// password login for that user alone. The destructor stops everything it started, by pid (ssh ControlPersist
// masters under its control-path folder, the user's processes, sshd), and removes the user and the sudoers file,
// whatever happened in the test.

#include "util/ProcessTable.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <pwd.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

namespace ksw::test {

/// One process as /proc shows it.
struct ProcInfo {
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgid = 0;
    qint64 uid = -1;
    char state = '?';
    QByteArray cmdline; ///< arguments joined by spaces
};

/// Every process of the machine (zombies included; see `state`).
inline QList<ProcInfo> listProcesses() {
    QList<ProcInfo> result;
    for (const ProcessEntry &process : processTable()) {
        const QString entry = QString::number(process.pid);
        ProcInfo info;
        info.pid = process.pid;
        info.state = process.state;
        info.ppid = process.ppid;
        info.pgid = process.pgid;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly)) {
            QByteArray args = cmdline.readAll();
            while (args.endsWith('\0'))
                args.chop(1);
            info.cmdline = args.replace('\0', ' ');
        }
        QFile status(QStringLiteral("/proc/%1/status").arg(entry));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("Uid:")) {
                    const QList<QByteArray> ids = line.mid(4).simplified().split(' ');
                    if (!ids.isEmpty())
                        info.uid = ids.first().toLongLong();
                }
            }
        }
        result << info;
    }
    return result;
}

/// Live (not zombie) processes of a process group.
inline QList<ProcInfo> liveProcessesInGroup(qint64 pgid) {
    QList<ProcInfo> found;
    for (const ProcInfo &p : listProcesses()) {
        if (p.pgid == pgid && p.state != 'Z' && p.state != 'X')
            found << p;
    }
    return found;
}

/// Runs a program to its end; false with the reason in `error`.
inline bool runProgram(const QString &program, const QStringList &arguments, QString *error = nullptr,
                       const QByteArray &input = {}, QByteArray *output = nullptr, int timeoutMs = 60000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    bool ok = process.waitForStarted(10000);
    if (ok) {
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        ok = process.waitForFinished(timeoutMs);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    const QByteArray text = process.readAll();
    if (output)
        *output = text;
    ok = ok && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok && error)
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(program, arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(text).trimmed());
    return ok;
}

class SshNode {
public:
    SshNode() {
        m_user = QStringLiteral("kswtest%1").arg(::getpid());
        m_password =
            QStringLiteral("ksw-Pw-%1-%2").arg(QRandomGenerator::global()->generate64(), 0, 16).arg(::getpid());
    }
    ~SshNode() { stop(); }
    SshNode(const SshNode &) = delete;
    SshNode &operator=(const SshNode &) = delete;

    /// Why this machine cannot host a node (empty when it can).
    static QString skipReason() {
        if (::geteuid() != 0)
            return QStringLiteral("needs root (creates a user, a sudoers file and an sshd)");
        for (const char *tool : {"/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/sbin/useradd", "/usr/sbin/chpasswd",
                                 "/usr/sbin/userdel", "/usr/sbin/visudo", "/usr/bin/sudo", "/usr/bin/sshpass"}) {
            if (!QFileInfo(QString::fromLatin1(tool)).isExecutable())
                return QStringLiteral("%1 is missing (openssh-server, sudo, sshpass)").arg(QString::fromLatin1(tool));
        }
        return {};
    }

    QString user() const { return m_user; }
    QString password() const { return m_password; }
    quint16 port() const { return m_port; }
    QString folder() const { return m_dir.path(); }
    /// For ANSIBLE_SSH_CONTROL_PATH_DIR: this node's ControlPersist masters live here.
    QString controlPathDir() const { return m_dir.filePath(QStringLiteral("cp")); }
    qint64 sshdPid() const { return m_sshd.processId(); }

    bool start(QString *error) {
        if (!m_dir.isValid())
            return fail(error, QStringLiteral("no temporary folder"));
        QDir().mkpath(controlPathDir());
        QString reason;
        if (!runProgram(QStringLiteral("/usr/sbin/useradd"),
                        {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), m_user}, &reason))
            return fail(error, reason);
        m_userCreated = true;
        if (!runProgram(QStringLiteral("/usr/sbin/chpasswd"), {}, &reason,
                        (m_user + QLatin1Char(':') + m_password + QLatin1Char('\n')).toUtf8()))
            return fail(error, reason);

        m_sudoers = QStringLiteral("/etc/sudoers.d/%1").arg(m_user);
        {
            QFile file(m_sudoers);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                return fail(error, QStringLiteral("cannot write %1").arg(m_sudoers));
            m_sudoersCreated = true;
            file.write(QStringLiteral("%1 ALL=(ALL:ALL) ALL\n").arg(m_user).toUtf8());
            file.close();
            QFile::setPermissions(m_sudoers, QFile::ReadOwner | QFile::ReadGroup);
        }
        if (!runProgram(QStringLiteral("/usr/sbin/visudo"), {QStringLiteral("-cqf"), m_sudoers}, &reason))
            return fail(error, reason);

        const QString hostKey = m_dir.filePath(QStringLiteral("ssh_host_ed25519_key"));
        if (!runProgram(QStringLiteral("/usr/bin/ssh-keygen"),
                        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                         QString(), QStringLiteral("-f"), hostKey},
                        &reason))
            return fail(error, reason);

        m_port = freePort();
        if (m_port == 0)
            return fail(error, QStringLiteral("no free port"));
        const QString config = m_dir.filePath(QStringLiteral("sshd_config"));
        {
            QFile file(config);
            if (!file.open(QIODevice::WriteOnly))
                return fail(error, QStringLiteral("cannot write sshd_config"));
            file.write(QStringLiteral("ListenAddress 127.0.0.1\nPort %1\nHostKey %2\nPidFile %3\n"
                                      "PasswordAuthentication yes\nKbdInteractiveAuthentication no\nUsePAM yes\n"
                                      "PubkeyAuthentication no\nAllowUsers %4\nMaxStartups 100\nMaxSessions 100\n"
                                      "Subsystem sftp internal-sftp\n")
                           .arg(m_port)
                           .arg(hostKey, m_dir.filePath(QStringLiteral("sshd.pid")), m_user)
                           .toUtf8());
        }
        QDir().mkpath(QStringLiteral("/run/sshd"));
        if (!runProgram(QStringLiteral("/usr/sbin/sshd"), {QStringLiteral("-t"), QStringLiteral("-f"), config},
                        &reason))
            return fail(error, reason);

        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.setStandardOutputFile(m_dir.filePath(QStringLiteral("sshd.log")));
        m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
                     {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
        if (!m_sshd.waitForStarted(10000))
            return fail(error, QStringLiteral("sshd did not start: %1").arg(m_sshd.errorString()));
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 15000) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(500)) {
                socket.disconnectFromHost();
                return true;
            }
            if (m_sshd.state() == QProcess::NotRunning)
                return fail(error, QStringLiteral("sshd ended: %1").arg(sshdLog()));
            QThread::msleep(50);
        }
        return fail(error, QStringLiteral("sshd does not accept connections on port %1").arg(m_port));
    }

    QString sshdLog() const {
        QFile file(m_dir.filePath(QStringLiteral("sshd.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
    }

    /// ssh ControlPersist masters ("ssh: <control path> [mux]") whose control path is under controlPathDir().
    QList<qint64> muxMasters() const {
        QList<qint64> found;
        const QByteArray prefix = QByteArray("ssh: ") + QFile::encodeName(controlPathDir()) + '/';
        for (const ProcInfo &p : listProcesses()) {
            if (p.state != 'Z' && p.cmdline.startsWith(prefix) && p.cmdline.contains("[mux]"))
                found << p.pid;
        }
        return found;
    }

    void stopMuxMasters() { stopByPid(muxMasters()); }

    /// Processes on the "node side": descendants of this node's sshd, and processes of the test user.
    QList<ProcInfo> nodeProcesses() const {
        const QList<ProcInfo> all = listProcesses();
        QList<qint64> roots;
        if (m_sshd.processId() > 0)
            roots << m_sshd.processId();
        const qint64 uid = userId();
        QList<ProcInfo> found;
        QList<qint64> seen = roots;
        bool grew = true;
        while (grew) {
            grew = false;
            for (const ProcInfo &p : all) {
                if (p.state == 'Z' || seen.contains(p.pid))
                    continue;
                const bool sshdConnection = p.cmdline.startsWith(QByteArray("sshd: ") + m_user.toUtf8());
                if (seen.contains(p.ppid) || (uid >= 0 && p.uid == uid) || sshdConnection) {
                    seen << p.pid;
                    found << p;
                    grew = true;
                }
            }
        }
        return found;
    }

    void stop() {
        stopMuxMasters();
        QList<qint64> pids;
        for (const ProcInfo &p : nodeProcesses())
            pids << p.pid;
        stopByPid(pids);
        if (m_sshd.state() != QProcess::NotRunning) {
            m_sshd.terminate();
            if (!m_sshd.waitForFinished(5000)) {
                m_sshd.kill();
                m_sshd.waitForFinished(5000);
            }
        }
        if (m_userCreated) {
            QString ignored;
            // userdel refuses while the user still has processes; they were stopped above.
            if (!runProgram(QStringLiteral("/usr/sbin/userdel"), {QStringLiteral("-r"), m_user}, &ignored))
                runProgram(QStringLiteral("/usr/sbin/userdel"), {QStringLiteral("-f"), QStringLiteral("-r"), m_user});
            m_userCreated = false;
        }
        if (m_sudoersCreated) {
            QFile::remove(m_sudoers);
            m_sudoersCreated = false;
        }
    }

    /// SIGTERM to each pid, then SIGKILL to the ones still alive after a second.
    static void stopByPid(const QList<qint64> &pids) {
        if (pids.isEmpty())
            return;
        for (const qint64 pid : pids) {
            if (pid > 1)
                ::kill(static_cast<pid_t>(pid), SIGTERM);
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 1000 && anyAlive(pids))
            QThread::msleep(20);
        for (const qint64 pid : pids) {
            if (pid > 1 && isAlive(pid))
                ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
        clock.restart();
        while (clock.elapsed() < 2000 && anyAlive(pids))
            QThread::msleep(20);
    }

private:
    static bool fail(QString *error, const QString &reason) {
        if (error)
            *error = reason;
        return false;
    }
    static quint16 freePort() {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }
    static bool isAlive(qint64 pid) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        return close >= 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
    }
    static bool anyAlive(const QList<qint64> &pids) {
        for (const qint64 pid : pids) {
            if (isAlive(pid))
                return true;
        }
        return false;
    }
    qint64 userId() const {
        if (!m_userCreated)
            return -1;
        const struct passwd *entry = ::getpwnam(m_user.toUtf8().constData());
        return entry ? static_cast<qint64>(entry->pw_uid) : -1;
    }

    QTemporaryDir m_dir;
    QString m_user;
    QString m_password;
    QString m_sudoers;
    quint16 m_port = 0;
    bool m_userCreated = false;
    bool m_sudoersCreated = false;
    QProcess m_sshd;
};

} // namespace ksw::test
