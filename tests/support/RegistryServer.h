// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Debian's real `docker-registry` on loopback for tests (plain HTTP, or TLS with a self-signed certificate made
// by `openssl`), and a small busybox image built on the spot (no internet) and pushed with `skopeo`.
// Every process is started here and stopped here, by its own QProcess: terminate, then kill.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace ksw::test {

/// A TCP port on 127.0.0.1 that nothing listens on right now, as the kernel hands it out.
inline quint16 freeLoopbackPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

/// Runs a program to its end (bounded); false with the reason in `error` when it fails.
inline bool runToEnd(const QString &program, const QStringList &arguments, QString *error = nullptr,
                     QByteArray *output = nullptr, int timeoutMs = 60000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool started = process.waitForStarted(10000);
    const bool ended = started && process.waitForFinished(timeoutMs);
    if (!ended && process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    const QByteArray text = process.readAll();
    if (output)
        *output = text;
    if (started && ended && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error) {
        *error = QStringLiteral("%1 %2 failed (%3): %4")
                     .arg(program, arguments.join(QLatin1Char(' ')),
                          started ? (ended ? QStringLiteral("exit code %1").arg(process.exitCode())
                                           : QStringLiteral("did not end in time"))
                                  : process.errorString(),
                          QString::fromLocal8Bit(text.right(2000)));
    }
    return false;
}

/// A self-signed certificate and its key for `name` and 127.0.0.1, valid for two days.
struct SelfSignedCertificate {
    QString certificatePath;
    QString keyPath;

    /// Makes `name`.crt and `name`.key in `directory` with `openssl req -x509`.
    bool make(const QString &directory, const QString &name, QString *error = nullptr) {
        certificatePath = directory + QStringLiteral("/%1.crt").arg(name);
        keyPath = directory + QStringLiteral("/%1.key").arg(name);
        return runToEnd(QStringLiteral("openssl"),
                        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=%1").arg(name),
                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:%1,IP:127.0.0.1").arg(name),
                         QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath},
                        error);
    }
};

/// One `docker-registry serve CONF` on 127.0.0.1 (or another loopback address) with its storage in a temporary
/// folder; stopped when destroyed.
class RegistryServer {
public:
    RegistryServer() = default;
    /// Listens on `address` (127.0.0.0/8) instead of 127.0.0.1; before start().
    explicit RegistryServer(const QString &address)
        : m_address(address) {}
    RegistryServer(const RegistryServer &) = delete;
    RegistryServer &operator=(const RegistryServer &) = delete;
    ~RegistryServer() { stop(); }

    /// Starts it on a free port (TLS when `tls` is given) and waits until it accepts connections.
    bool start(QString *error, const SelfSignedCertificate *tls = nullptr, int readyTimeoutMs = 15000) {
        stop();
        if (!m_dir.isValid()) {
            if (error)
                *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
            return false;
        }
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            if (error)
                *error = QStringLiteral("no free port on 127.0.0.1");
            return false;
        }
        QString config = QStringLiteral("version: 0.1\n"
                                        "log:\n"
                                        "  level: warn\n"
                                        "  accesslog:\n"
                                        "    disabled: true\n"
                                        "storage:\n"
                                        "  filesystem:\n"
                                        "    rootdirectory: %1/storage\n"
                                        "  delete:\n"
                                        "    enabled: true\n"
                                        "http:\n"
                                        "  addr: %3:%2\n")
                             .arg(m_dir.path())
                             .arg(m_port)
                             .arg(m_address);
        if (tls) {
            config += QStringLiteral("  tls:\n"
                                     "    certificate: %1\n"
                                     "    key: %2\n")
                          .arg(tls->certificatePath, tls->keyPath);
        }
        const QString configPath = m_dir.filePath(QStringLiteral("config.yml"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
            if (error)
                *error = QStringLiteral("cannot write %1").arg(configPath);
            return false;
        }
        file.close();

        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("docker-registry"), {QStringLiteral("serve"), configPath});
        if (!m_process.waitForStarted(10000)) {
            if (error)
                *error = QStringLiteral("docker-registry did not start: %1").arg(m_process.errorString());
            return false;
        }
        // Ready when it accepts a connection; bounded.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < readyTimeoutMs) {
            if (m_process.state() != QProcess::Running) {
                if (error)
                    *error = QStringLiteral("docker-registry ended: %1").arg(output());
                return false;
            }
            QTcpSocket socket;
            socket.connectToHost(QHostAddress(m_address), m_port);
            if (socket.waitForConnected(200)) {
                socket.disconnectFromHost();
                return true;
            }
            QTest::qWait(50);
        }
        if (error)
            *error = QStringLiteral("docker-registry did not listen on %4:%1 within %2 ms: %3")
                         .arg(m_port)
                         .arg(readyTimeoutMs)
                         .arg(output(), m_address);
        stop();
        return false;
    }

    /// Stops the process this object started (terminate, then kill), by its own handle.
    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    /// "127.0.0.1:PORT", as a registry host is written in an image reference.
    QString hostPort() const { return QStringLiteral("%1:%2").arg(m_address).arg(m_port); }
    /// What it printed so far (warnings and errors only).
    QString output() { return QString::fromLocal8Bit(m_process.readAll()); }

private:
    QString m_address = QStringLiteral("127.0.0.1");
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

namespace detail {

inline QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// Writes a blob into an OCI layout; its descriptor ("sha256:…", size).
inline bool writeBlob(const QString &layout, const QByteArray &bytes, QString *digest) {
    const QString hex = sha256Hex(bytes);
    QDir().mkpath(layout + QStringLiteral("/blobs/sha256"));
    QFile file(layout + QStringLiteral("/blobs/sha256/") + hex);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    *digest = QStringLiteral("sha256:") + hex;
    return true;
}

inline QString goArchitecture() {
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == u"x86_64")
        return QStringLiteral("amd64");
    if (cpu == u"i386")
        return QStringLiteral("386");
    return cpu; // arm64, riscv64, ... are spelt alike
}

} // namespace detail

/// Builds a one-layer busybox image (/bin/busybox from busybox-static, /bin/sh → busybox, Cmd
/// ["/bin/sh","-c","exit 0"]) as an OCI layout in `layout`, with the tag `tag`. Reproducible: same bytes each run.
inline bool buildBusyboxImage(const QString &layout, const QString &tag, QString *error) {
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString rootfs = layout + QStringLiteral(".rootfs");
    if (!QDir().mkpath(rootfs + QStringLiteral("/bin")) || !QDir().mkpath(layout))
        return fail(QStringLiteral("cannot make %1").arg(rootfs));
    QFile::remove(rootfs + QStringLiteral("/bin/busybox"));
    QFile::remove(rootfs + QStringLiteral("/bin/sh"));
    if (!QFile::copy(QStringLiteral("/bin/busybox"), rootfs + QStringLiteral("/bin/busybox")))
        return fail(QStringLiteral("no /bin/busybox (install busybox-static)"));
    QFile::setPermissions(rootfs + QStringLiteral("/bin/busybox"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                              QFile::ReadOther | QFile::ExeOther);
    if (!QFile::link(QStringLiteral("busybox"), rootfs + QStringLiteral("/bin/sh")))
        return fail(QStringLiteral("cannot link bin/sh"));

    // tar --sort=name --mtime=@0 --owner=0 --group=0 -C DIR -cf - bin | gzip -n
    QString why;
    QByteArray tar;
    if (!runToEnd(QStringLiteral("tar"),
                  {QStringLiteral("--sort=name"), QStringLiteral("--mtime=@0"), QStringLiteral("--owner=0"),
                   QStringLiteral("--group=0"), QStringLiteral("-C"), rootfs, QStringLiteral("-cf"),
                   QStringLiteral("-"), QStringLiteral("bin")},
                  &why, &tar))
        return fail(why);
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-n")});
    if (!gzip.waitForStarted(10000))
        return fail(QStringLiteral("gzip did not start: %1").arg(gzip.errorString()));
    gzip.write(tar);
    gzip.closeWriteChannel();
    if (!gzip.waitForFinished(60000) || gzip.exitCode() != 0)
        return fail(QStringLiteral("gzip failed"));
    const QByteArray layer = gzip.readAllStandardOutput();

    QString layerDigest;
    if (!detail::writeBlob(layout, layer, &layerDigest))
        return fail(QStringLiteral("cannot write the layer"));
    const QJsonObject config{
        {QStringLiteral("architecture"), detail::goArchitecture()},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("Cmd"),
                      QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("exit 0")}}}},
        {QStringLiteral("rootfs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                     {QStringLiteral("diff_ids"), QJsonArray{QStringLiteral("sha256:") + detail::sha256Hex(tar)}}}}};
    const QByteArray configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
    QString configDigest;
    if (!detail::writeBlob(layout, configBytes, &configDigest))
        return fail(QStringLiteral("cannot write the config"));
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")},
                     {QStringLiteral("digest"), configDigest},
                     {QStringLiteral("size"), configBytes.size()}}},
        {QStringLiteral("layers"),
         QJsonArray{
             QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")},
                         {QStringLiteral("digest"), layerDigest},
                         {QStringLiteral("size"), layer.size()}}}}};
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    QString manifestDigest;
    if (!detail::writeBlob(layout, manifestBytes, &manifestDigest))
        return fail(QStringLiteral("cannot write the manifest"));
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("manifests"),
         QJsonArray{
             QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                         {QStringLiteral("digest"), manifestDigest},
                         {QStringLiteral("size"), manifestBytes.size()},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"), tag}}}}}}};
    QFile indexFile(layout + QStringLiteral("/index.json"));
    QFile layoutFile(layout + QStringLiteral("/oci-layout"));
    if (!indexFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        indexFile.write(QJsonDocument(index).toJson(QJsonDocument::Compact)) < 0 ||
        !layoutFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        layoutFile.write(R"({"imageLayoutVersion":"1.0.0"})") < 0)
        return fail(QStringLiteral("cannot write index.json or oci-layout"));
    return true;
}

/// Builds the busybox image and copies it to `registryHostPort`/`repository`:`tag` with skopeo (HTTP or
/// untrusted TLS: no verification).
inline bool pushBusyboxImage(const QString &registryHostPort, const QString &repository, const QString &tag,
                             QString *error) {
    QTemporaryDir work;
    if (!work.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString layout = work.filePath(QStringLiteral("oci"));
    if (!buildBusyboxImage(layout, tag, error))
        return false;
    return runToEnd(QStringLiteral("skopeo"),
                    {QStringLiteral("copy"), QStringLiteral("--insecure-policy"),
                     QStringLiteral("--dest-tls-verify=false"), QStringLiteral("oci:%1:%2").arg(layout, tag),
                     QStringLiteral("docker://%1/%2:%3").arg(registryHostPort, repository, tag)},
                    error);
}

/// Whether a program is on PATH.
inline bool hasProgram(const QString &name) {
    return !QStandardPaths::findExecutable(name).isEmpty();
}

} // namespace ksw::test
