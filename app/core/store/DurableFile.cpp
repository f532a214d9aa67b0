// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/DurableFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ksw::durable {

namespace {

const QLatin1String TemporaryMarker(".ksw-new-");

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

Error fileError(const QString &path, const char *what, int error) {
    return Error{{path}, {}, QCoreApplication::translate("DurableFile", what).arg(systemError(error))};
}

QByteArray encoded(const QString &path) {
    return QFile::encodeName(path);
}

/// fsync(2) on a folder, so that a rename or removal in it survives a power cut.
std::optional<Error> syncFolder(const QString &folder) {
    step("sync folder");
    const int fd = ::open(encoded(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fileError(folder, QT_TRANSLATE_NOOP("DurableFile", "Cannot open the folder to sync it: %1"), errno);
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!synced)
        return fileError(folder, QT_TRANSLATE_NOOP("DurableFile", "Cannot sync the folder: %1"), error);
    return std::nullopt;
}

mode_t currentUmask() {
    // umask(2) can only be read by setting it; the value is put back at once.
    const mode_t mask = ::umask(022);
    ::umask(mask);
    return mask;
}

} // namespace

FileMode modeFor(const QString &path) {
    struct stat info {};
    if (::stat(encoded(path).constData(), &info) == 0)
        return FileMode{info.st_uid, info.st_gid, static_cast<mode_t>(info.st_mode & 07777)};
    FileMode mode;
    mode.permissions = 0666 & ~currentUmask();
    if (::stat(encoded(QFileInfo(path).absolutePath()).constData(), &info) == 0) {
        mode.owner = info.st_uid;
        mode.group = info.st_gid;
    } else {
        mode.owner = ::geteuid();
        mode.group = ::getegid();
    }
    return mode;
}

QString temporaryPathFor(const QString &path) {
    const QFileInfo info(path);
    const QString suffix = QString::number(QRandomGenerator::global()->generate64(), 36);
    return info.absolutePath() + QLatin1String("/.") + info.fileName() + TemporaryMarker + suffix;
}

bool isTemporaryName(const QString &fileName) {
    return fileName.startsWith(QLatin1Char('.')) && fileName.contains(TemporaryMarker);
}

std::optional<Error> writeTemporary(const QString &temporaryPath, const QByteArray &bytes, const FileMode &mode) {
    step("create");
    const int fd = ::open(encoded(temporaryPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fileError(temporaryPath, QT_TRANSLATE_NOOP("DurableFile", "Cannot create the file: %1"), errno);
    const auto fail = [&](const char *what, int error) {
        ::close(fd);
        ::unlink(encoded(temporaryPath).constData());
        return fileError(temporaryPath, what, error);
    };
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    step("write");
    while (left > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot write the file: %1"), written < 0 ? errno : ENOSPC);
        data += written;
        left -= written;
    }
    // The owner first: chown(2) clears set-id bits, which the chmod then puts back.
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot read back the file: %1"), errno);
    if ((info.st_uid != mode.owner || info.st_gid != mode.group) && ::fchown(fd, mode.owner, mode.group) != 0)
        return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot give the file its owner and group back: %1"), errno);
    if (::fchmod(fd, mode.permissions) != 0)
        return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot give the file its permissions back: %1"), errno);
    step("sync");
    if (::fsync(fd) != 0)
        return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot write the file to disk: %1"), errno);
    // The size the disk reports, after the sync: a short file must never be renamed into place.
    if (::fstat(fd, &info) != 0)
        return fail(QT_TRANSLATE_NOOP("DurableFile", "Cannot read back the file: %1"), errno);
    if (info.st_size != bytes.size())
        return fail(QT_TRANSLATE_NOOP("DurableFile", "The written file is incomplete: %1"), EIO);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(encoded(temporaryPath).constData());
        return fileError(temporaryPath, QT_TRANSLATE_NOOP("DurableFile", "Cannot write the file to disk: %1"), error);
    }
    return std::nullopt;
}

std::optional<Error> renameInto(const QString &temporaryPath, const QString &path) {
    step("rename");
    if (::rename(encoded(temporaryPath).constData(), encoded(path).constData()) != 0)
        return fileError(path, QT_TRANSLATE_NOOP("DurableFile", "Cannot replace the file: %1"), errno);
    return syncFolder(QFileInfo(path).absolutePath());
}

std::optional<Error> remove(const QString &path) {
    step("remove");
    if (::unlink(encoded(path).constData()) != 0) {
        if (errno == ENOENT)
            return std::nullopt;
        return fileError(path, QT_TRANSLATE_NOOP("DurableFile", "Cannot remove the file: %1"), errno);
    }
    return syncFolder(QFileInfo(path).absolutePath());
}

std::optional<Error> makeFolders(const QString &folder, QStringList *created) {
    const QString absolute = QDir::cleanPath(QDir(folder).absolutePath());
    QStringList missing;
    for (QString at = absolute; !QFileInfo::exists(at); at = QFileInfo(at).absolutePath()) {
        if (at == QFileInfo(at).absolutePath()) // the root, which always exists
            break;
        missing.prepend(at);
    }
    for (const QString &path : std::as_const(missing)) {
        const QString parent = QFileInfo(path).absolutePath();
        const FileMode parentMode = modeFor(parent);
        step("create folder");
        if (::mkdir(encoded(path).constData(), 0777) != 0 && errno != EEXIST)
            return fileError(path, QT_TRANSLATE_NOOP("DurableFile", "Cannot create the folder: %1"), errno);
        struct stat info {};
        if (::stat(encoded(path).constData(), &info) == 0 &&
            (info.st_uid != parentMode.owner || info.st_gid != parentMode.group))
            (void)::chown(encoded(path).constData(), parentMode.owner, parentMode.group); // best effort, as cp -r
        if (created)
            created->append(path);
        if (auto problem = syncFolder(parent))
            return problem;
    }
    return std::nullopt;
}

void removeFolderIfEmpty(const QString &folder) {
    ::rmdir(encoded(folder).constData());
}

std::optional<Error> write(const QString &path, const QByteArray &bytes) {
    if (auto problem = makeFolders(QFileInfo(path).absolutePath()))
        return problem;
    const QString temporary = temporaryPathFor(path);
    if (auto problem = writeTemporary(temporary, bytes, modeFor(path)))
        return problem;
    if (auto problem = renameInto(temporary, path)) {
        ::unlink(encoded(temporary).constData());
        return problem;
    }
    return std::nullopt;
}

Expected<std::optional<QByteArray>> readIfExists(const QString &path) {
    QFile file(path);
    if (!file.exists() && !QFileInfo(path).isSymLink())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            {path}, {}, QCoreApplication::translate("DurableFile", "Cannot read the file: %1").arg(file.errorString())};
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{
            {path}, {}, QCoreApplication::translate("DurableFile", "Cannot read the file: %1").arg(file.errorString())};
    return std::optional<QByteArray>(std::move(bytes));
}

namespace {
std::function<void(const char *)> &stepObserver() {
    static std::function<void(const char *)> observer;
    return observer;
}
} // namespace

void step(const char *what) {
    static const int killAt = qEnvironmentVariableIntValue("KSW_TEST_KILL_AT_STEP");
    static int count = 0;
    if (killAt > 0 && ++count == killAt)
        ::kill(::getpid(), SIGKILL);
    if (stepObserver())
        stepObserver()(what);
}

void setStepObserver(std::function<void(const char *what)> observer) {
    stepObserver() = std::move(observer);
}

} // namespace ksw::durable
