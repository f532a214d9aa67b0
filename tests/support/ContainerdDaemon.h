// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Debian's real `containerd` for tests, as root, with everything of its own in one temporary folder: its
// config.toml, root, state, socket, and the folders it would otherwise create on the machine (/opt/containerd,
// /etc/cni/net.d). A machine's own containerd, if any, is never touched: it has another socket, root and state.
// Started here and stopped here, by its own QProcess (its pid): terminate, then kill.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace ksw::test {

class ContainerdDaemon {
public:
    /// What one `ctr` run did.
    struct CtrRun {
        bool ok = false; ///< ran to its end with exit code 0
        QString output;  ///< stdout and stderr together, as a person would see them
        qint64 elapsedMs = 0;
    };

    ContainerdDaemon() = default;
    ContainerdDaemon(const ContainerdDaemon &) = delete;
    ContainerdDaemon &operator=(const ContainerdDaemon &) = delete;
    ~ContainerdDaemon() {
        stop();
        removeFolder();
    }

    /// Writes the configuration, starts containerd and waits until `ctr version` gets an answer over its socket.
    bool start(QString *error, int readyTimeoutMs = 15000) {
        auto fail = [error](const QString &why) {
            if (error)
                *error = why;
            return false;
        };
        if (isRunning())
            return fail(QStringLiteral("already running"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder: %1").arg(m_dir.errorString()));
        // A Unix socket path holds at most 107 bytes; a long TMPDIR would make containerd fail obscurely.
        if (socketPath().toLocal8Bit().size() > 100)
            return fail(QStringLiteral("the socket path %1 is too long for a Unix socket").arg(socketPath()));
        for (const QString &sub : {QStringLiteral("root"), QStringLiteral("state"), QStringLiteral("certs.d"),
                                   QStringLiteral("opt"), QStringLiteral("cni/net.d"), QStringLiteral("cni/bin")}) {
            if (!QDir().mkpath(m_dir.filePath(sub)))
                return fail(QStringLiteral("cannot make %1").arg(m_dir.filePath(sub)));
        }

        // version = 2 is the format Kubespray writes for containerd 1.x. The CRI plugin's registry config_path is
        // set as Kubespray sets it, to a folder of this daemon. The opt plugin and the CRI plugin's CNI settings
        // are moved in here because their defaults are folders of the machine, which they would create.
        const QString config = QStringLiteral("version = 2\n"
                                              "root = \"%1/root\"\n"
                                              "state = \"%1/state\"\n"
                                              "\n"
                                              "[grpc]\n"
                                              "  address = \"%2\"\n"
                                              "\n"
                                              "[plugins]\n"
                                              "  [plugins.\"io.containerd.internal.v1.opt\"]\n"
                                              "    path = \"%1/opt\"\n"
                                              "  [plugins.\"io.containerd.grpc.v1.cri\"]\n"
                                              "    [plugins.\"io.containerd.grpc.v1.cri\".cni]\n"
                                              "      bin_dir = \"%1/cni/bin\"\n"
                                              "      conf_dir = \"%1/cni/net.d\"\n"
                                              "%3")
                                   .arg(m_dir.path(), socketPath(),
                                        m_registryConfig.isEmpty()
                                            ? QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                                             "      config_path = \"%1\"\n")
                                                  .arg(hostsDirectory())
                                            : m_registryConfig);
        QFile file(configPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0)
            return fail(QStringLiteral("cannot write %1").arg(configPath()));
        file.close();

        QElapsedTimer clock;
        clock.start();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("containerd"), {QStringLiteral("--config"), configPath()});
        if (!m_process.waitForStarted(10000))
            return fail(QStringLiteral("containerd did not start: %1").arg(m_process.errorString()));
        // Ready when its API answers, not merely when the socket file exists: the plugins load after it appears.
        while (clock.elapsed() < readyTimeoutMs) {
            if (m_process.state() != QProcess::Running)
                return fail(QStringLiteral("containerd ended: %1").arg(log()));
            if (ctr({QStringLiteral("version")}, {}, 5000).ok) {
                m_startMs = clock.elapsed();
                return true;
            }
            QTest::qWait(50);
        }
        const QString why = QStringLiteral("containerd did not answer on %1 within %2 ms: %3")
                                .arg(socketPath())
                                .arg(readyTimeoutMs)
                                .arg(log());
        stop();
        return fail(why);
    }

    /// The CRI plugin's registry part of config.toml and anything after it (e.g. what Kubespray renders from
    /// containerd_registries and appends from containerd_extra_args), instead of config_path = hostsDirectory().
    /// Before start().
    void setRegistryConfig(const QString &toml) { m_registryConfig = toml; }

    /// The status ctr reports for the CRI plugin ("ok", "error", ...): containerd loads it only when it accepts
    /// the plugin's configuration.
    QString criPluginStatus() const {
        const CtrRun run = ctr({QStringLiteral("plugins"), QStringLiteral("ls")});
        for (const QString &line : run.output.split(QLatin1Char('\n'))) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            if (fields.size() >= 4 && fields.at(0) == u"io.containerd.grpc.v1" && fields.at(1) == u"cri")
                return fields.last();
        }
        return {};
    }

    /// Stops the process this object started (SIGTERM to its pid, then SIGKILL), by its own handle.
    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }
    /// How long start() waited for the first answer.
    qint64 startMs() const { return m_startMs; }
    QString folder() const { return m_dir.path(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("config.toml")); }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("containerd.sock")); }
    /// The CRI plugin's registry config_path: a node's /etc/containerd/certs.d. Empty after start().
    QString hostsDirectory() const { return m_dir.filePath(QStringLiteral("certs.d")); }
    /// What containerd printed so far.
    QString log() { return QString::fromLocal8Bit(m_process.readAll()); }

    /// Runs `ctr --address SOCKET ARGUMENTS` to its end (bounded).
    ///
    /// With `etcHosts`, ctr runs in a mount namespace of its own (`unshare --mount`, private propagation) in which
    /// that file is /etc/hosts and /etc/nsswitch.conf says "hosts: files": a registry name of the test resolves
    /// there and nowhere else, no lookup leaves the machine, and the machine's files stay untouched. ctr 1.6
    /// resolves and fetches in its own process (the daemon only stores), so the daemon needs no such name.
    CtrRun ctr(const QStringList &arguments, const QString &etcHosts = {}, int timeoutMs = 60000) const {
        QStringList command{QStringLiteral("ctr"), QStringLiteral("--address"), socketPath()};
        command += arguments;
        QString program = command.takeFirst();
        QStringList programArguments = command;
        QTemporaryDir nsswitchDir;
        if (!etcHosts.isEmpty()) {
            const QString nsswitch = nsswitchDir.filePath(QStringLiteral("nsswitch.conf"));
            QFile file(nsswitch);
            if (!nsswitchDir.isValid() || !file.open(QIODevice::WriteOnly) || file.write("hosts: files\n") < 0)
                return {false, QStringLiteral("cannot write %1").arg(nsswitch), 0};
            file.close();
            programArguments = QStringList{QStringLiteral("--mount"),
                                           QStringLiteral("--propagation"),
                                           QStringLiteral("private"),
                                           QStringLiteral("--"),
                                           QStringLiteral("sh"),
                                           QStringLiteral("-c"),
                                           QStringLiteral("mount --bind \"$1\" /etc/hosts && "
                                                          "mount --bind \"$2\" /etc/nsswitch.conf && "
                                                          "shift 2 && exec \"$@\""),
                                           QStringLiteral("sh"),
                                           etcHosts,
                                           nsswitch,
                                           program} +
                               programArguments;
            program = QStringLiteral("unshare");
        }

        QElapsedTimer clock;
        clock.start();
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, programArguments);
        if (!process.waitForStarted(10000))
            return {false, QStringLiteral("%1 did not start: %2").arg(program, process.errorString()), 0};
        const bool ended = process.waitForFinished(timeoutMs);
        if (!ended) {
            process.kill(); // our own child, by its handle
            process.waitForFinished(5000);
        }
        CtrRun run;
        run.output = QString::fromLocal8Bit(process.readAll());
        run.elapsedMs = clock.elapsed();
        run.ok = ended && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (!ended)
            run.output += QStringLiteral("\n(ctr did not end within %1 ms)").arg(timeoutMs);
        return run;
    }

private:
    /// Removes the folder once containerd is gone, unless something is still mounted below it: a recursive
    /// removal must never walk into a mount. Pulls with the native snapshotter mount nothing, so this is a guard.
    void removeFolder() {
        if (!m_dir.isValid())
            return;
        QFile mounts(QStringLiteral("/proc/self/mountinfo"));
        if (mounts.open(QIODevice::ReadOnly)) {
            const QByteArray prefix = QFile::encodeName(m_dir.path()) + '/';
            for (const QByteArray &line : mounts.readAll().split('\n')) {
                const QList<QByteArray> fields = line.split(' ');
                if (fields.size() > 4 && fields.at(4).startsWith(prefix)) {
                    qWarning("containerd left a mount at %s: %s kept", fields.at(4).constData(),
                             qPrintable(m_dir.path()));
                    m_dir.setAutoRemove(false);
                    return;
                }
            }
        }
        m_dir.remove();
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_startMs = 0;
    QString m_registryConfig;
};

} // namespace ksw::test
