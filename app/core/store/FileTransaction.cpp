// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/FileTransaction.h"

#include "store/DurableFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ksw {

namespace {

QString hashOf(const std::optional<QByteArray> &bytes) {
    return bytes ? QString::fromLatin1(QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex())
                 : QString();
}

QByteArray encoded(const QString &path) {
    return QFile::encodeName(path);
}

/// One file of a save, as the journal names it.
struct JournalFile {
    QString path;      ///< relative to the inventory folder
    QString target;    ///< absolute, symbolic links resolved: the file Ansible reads
    QString temporary; ///< the new version before the swap, the displaced old one after it
    QString oldHash;   ///< empty: the file did not exist
    QString newHash;   ///< empty: the file is removed
    bool existed() const { return !oldHash.isEmpty(); }
    bool removed() const { return newHash.isEmpty(); }
};

struct Journal {
    QString entryId;
    QString reason;
    QDateTime time;
    QList<JournalFile> files;
    QStringList folders; ///< created by the save, outermost first

    QByteArray toJson() const {
        QJsonArray fileArray;
        for (const JournalFile &file : files)
            fileArray.append(QJsonObject{{QStringLiteral("path"), file.path},
                                         {QStringLiteral("target"), file.target},
                                         {QStringLiteral("temporary"), file.temporary},
                                         {QStringLiteral("old"), file.oldHash},
                                         {QStringLiteral("new"), file.newHash}});
        return QJsonDocument(QJsonObject{{QStringLiteral("entry"), entryId},
                                         {QStringLiteral("reason"), reason},
                                         {QStringLiteral("time"), time.toString(Qt::ISODate)},
                                         {QStringLiteral("files"), fileArray},
                                         {QStringLiteral("folders"), QJsonArray::fromStringList(folders)}})
            .toJson();
    }

    static std::optional<Journal> fromJson(const QByteArray &bytes) {
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(bytes, &error).object();
        if (error.error != QJsonParseError::NoError || !json.value(QStringLiteral("files")).isArray())
            return std::nullopt;
        Journal journal;
        journal.entryId = json.value(QStringLiteral("entry")).toString();
        journal.reason = json.value(QStringLiteral("reason")).toString();
        journal.time = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODate);
        for (const QJsonValue &value : json.value(QStringLiteral("files")).toArray()) {
            const QJsonObject file = value.toObject();
            journal.files.append(JournalFile{
                file.value(QStringLiteral("path")).toString(), file.value(QStringLiteral("target")).toString(),
                file.value(QStringLiteral("temporary")).toString(), file.value(QStringLiteral("old")).toString(),
                file.value(QStringLiteral("new")).toString()});
        }
        for (const QJsonValue &folder : json.value(QStringLiteral("folders")).toArray())
            journal.folders.append(folder.toString());
        return journal;
    }
};

/// The file Ansible reads at `path`: a symbolic link is followed, so that the link stays a link.
QString resolvedTarget(const QString &path) {
    const QFileInfo info(path);
    if (info.isSymLink() && !info.canonicalFilePath().isEmpty())
        return info.canonicalFilePath();
    return info.absoluteFilePath();
}

/// The folders between the inventory folder and `folder` that do not exist yet, outermost first.
QStringList missingFolders(const QString &folder) {
    QStringList missing;
    for (QString at = QDir::cleanPath(folder); !QFileInfo::exists(at) && at != QFileInfo(at).absolutePath();
         at = QFileInfo(at).absolutePath())
        missing.prepend(at);
    return missing;
}

Error conflict(const QString &path) {
    return Error{
        {path},
        {},
        QCoreApplication::translate("FileTransaction",
                                    "The file changed on disk since it was read; nothing was written. Load it again.")};
}

Error systemError(const QString &path, const char *what, int error) {
    return Error{
        {path},
        {},
        QCoreApplication::translate("FileTransaction", what).arg(QString::fromLocal8Bit(std::strerror(error)))};
}

/// Where the file stands against the journal: as the save found it, as the save wanted it, or neither.
struct FileState {
    bool isOld = false;
    bool isNew = false;
};

FileState stateOf(const JournalFile &file) {
    const auto bytes = durable::readIfExists(file.target);
    if (!bytes)
        return {};
    const QString hash = hashOf(*bytes);
    const bool exists = bytes->has_value();
    return FileState{file.existed() ? exists && hash == file.oldHash : !exists,
                     file.removed() ? !exists : exists && hash == file.newHash};
}

/// One file swapped into place, and how to undo it.
struct Swapped {
    enum class How { Exchanged, Created, MovedAside, Renamed };
    How how;
    const JournalFile *file;
    QByteArray oldBytes; ///< for Renamed, where the old version was not kept beside the file
};

/// renameat2 with flags; false with errno set when it fails.
bool renameWith(const QString &from, const QString &to, unsigned flags) {
    return ::renameat2(AT_FDCWD, encoded(from).constData(), AT_FDCWD, encoded(to).constData(), flags) == 0;
}

bool cannotExchange(int error) {
    return error == EINVAL || error == ENOSYS || error == EOPNOTSUPP;
}

/// Puts a swapped file back as it was. Best effort: a rollback has nowhere else to report to but the
/// recovery at the next start, which the journal still allows.
void undo(const Swapped &swapped) {
    const JournalFile &file = *swapped.file;
    switch (swapped.how) {
    case Swapped::How::Exchanged:
        durable::step("rename");
        renameWith(file.temporary, file.target, RENAME_EXCHANGE);
        break;
    case Swapped::How::Created:
        (void)durable::remove(file.target);
        break;
    case Swapped::How::MovedAside:
        durable::step("rename");
        renameWith(file.temporary, file.target, RENAME_NOREPLACE);
        break;
    case Swapped::How::Renamed:
        (void)durable::write(file.target, swapped.oldBytes);
        break;
    }
}

/// Swaps one prepared file into place after checking that the file there is still `expected`.
std::optional<Error> swapIn(const JournalFile &file, const std::optional<QByteArray> &expected, QList<Swapped> &done) {
    const auto displacedIsExpected = [&]() {
        const auto displaced = durable::readIfExists(file.temporary);
        return displaced && *displaced == expected;
    };
    if (!file.removed() && file.existed()) {
        durable::step("rename");
        if (renameWith(file.temporary, file.target, RENAME_EXCHANGE)) {
            if (!displacedIsExpected()) { // changed by someone since it was read: theirs goes back
                durable::step("rename");
                renameWith(file.temporary, file.target, RENAME_EXCHANGE);
                return conflict(file.target);
            }
            done.append({Swapped::How::Exchanged, &file, {}});
            return std::nullopt;
        }
        if (!cannotExchange(errno))
            return systemError(file.target, QT_TRANSLATE_NOOP("FileTransaction", "Cannot replace the file: %1"), errno);
        // A file system without RENAME_EXCHANGE: compare, then rename, as late as that allows.
        const auto now = durable::readIfExists(file.target);
        if (!now || *now != expected)
            return conflict(file.target);
        if (auto problem = durable::renameInto(file.temporary, file.target))
            return problem;
        done.append({Swapped::How::Renamed, &file, **now});
        return std::nullopt;
    }
    if (!file.removed()) { // a new file: it must still not exist
        durable::step("rename");
        if (renameWith(file.temporary, file.target, RENAME_NOREPLACE)) {
            done.append({Swapped::How::Created, &file, {}});
            return std::nullopt;
        }
        if (errno == EEXIST)
            return conflict(file.target);
        if (!cannotExchange(errno))
            return systemError(file.target, QT_TRANSLATE_NOOP("FileTransaction", "Cannot create the file: %1"), errno);
        if (QFileInfo::exists(file.target))
            return conflict(file.target);
        if (auto problem = durable::renameInto(file.temporary, file.target))
            return problem;
        done.append({Swapped::How::Created, &file, {}});
        return std::nullopt;
    }
    // A removal: the file is moved aside first, so that what it held can be compared and put back.
    durable::step("rename");
    if (!renameWith(file.target, file.temporary, RENAME_NOREPLACE) &&
        !(cannotExchange(errno) &&
          ::rename(encoded(file.target).constData(), encoded(file.temporary).constData()) == 0))
        return systemError(file.target, QT_TRANSLATE_NOOP("FileTransaction", "Cannot remove the file: %1"), errno);
    if (!displacedIsExpected()) {
        durable::step("rename");
        renameWith(file.temporary, file.target, RENAME_NOREPLACE);
        return conflict(file.target);
    }
    done.append({Swapped::How::MovedAside, &file, {}});
    return std::nullopt;
}

void removeCreatedFolders(const QStringList &folders) {
    for (auto it = folders.crbegin(); it != folders.crend(); ++it)
        durable::removeFolderIfEmpty(*it);
}

/// Removes the leftovers of killed single-file writes (hidden temporaries) anywhere below `folder`.
void sweepTemporaries(const QString &folder) {
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (durable::isTemporaryName(it.fileName()))
            (void)durable::remove(path);
    }
}

/// One save or recovery of an inventory at a time, across processes (the wizard and `apply` side by side): an
/// flock(2) on save.lock in the data folder, released when the process ends however it ends. Waits a little,
/// never long: the GUI thread calls this.
class SaveLock {
public:
    explicit SaveLock(const QString &dataFolder)
        : m_path(dataFolder + QStringLiteral("/save.lock")) {
        m_fd = ::open(encoded(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        for (int tries = 0; m_fd >= 0 && tries < 50; ++tries) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
                m_locked = true;
                return;
            }
            ::usleep(40 * 1000);
        }
    }
    ~SaveLock() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SaveLock(const SaveLock &) = delete;
    SaveLock &operator=(const SaveLock &) = delete;

    std::optional<Error> problem() const {
        if (m_locked)
            return std::nullopt;
        return Error{{m_path},
                     {},
                     QCoreApplication::translate("FileTransaction", "Another save of this inventory is in progress; "
                                                                    "nothing was written. Try again when it is done.")};
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_locked = false;
};

} // namespace

QString FileTransaction::Recovery::summary() const {
    QString text;
    switch (outcome) {
    case Outcome::NothingToDo:
        return QString();
    case Outcome::Completed:
        text = QCoreApplication::translate("FileTransaction", "An interrupted save was completed: %1.")
                   .arg(files.join(QStringLiteral(", ")));
        break;
    case Outcome::RolledBack:
        text = QCoreApplication::translate("FileTransaction",
                                           "An interrupted save was undone; the files are as they were before it: %1.")
                   .arg(files.join(QStringLiteral(", ")));
        break;
    }
    if (!untouched.isEmpty())
        text += QLatin1Char(' ') + QCoreApplication::translate(
                                       "FileTransaction", "Changed by someone else since, and left as they are: %1.")
                                       .arg(untouched.join(QStringLiteral(", ")));
    return text;
}

FileTransaction::FileTransaction(const QString &inventoryDirectory)
    : m_directory(QDir(inventoryDirectory).absolutePath()) {}

Expected<History::Entry> FileTransaction::commit(const QList<Change> &changes, History &history,
                                                 const QString &reason) {
    const QString dataFolder = History::dataFolder(m_directory);
    if (auto problem = durable::makeFolders(dataFolder))
        return *problem;
    const SaveLock lock(dataFolder);
    if (auto problem = lock.problem())
        return *problem;
    const auto recovered = recoverLocked(m_directory);
    if (!recovered)
        return recovered.error();

    // Everything is decided and checked before the disk is touched.
    Journal journal;
    History::Snapshot previous;
    QList<std::optional<QByteArray>> expectations;
    for (const Change &change : changes) {
        if (change.expected == change.wanted)
            continue;
        JournalFile file;
        file.path = change.path;
        file.target = resolvedTarget(m_directory + QLatin1Char('/') + change.path);
        const auto now = durable::readIfExists(file.target);
        if (!now)
            return now.error();
        if (*now != change.expected)
            return conflict(file.target);
        file.oldHash = hashOf(change.expected);
        file.newHash = hashOf(change.wanted);
        file.temporary = durable::temporaryPathFor(file.target);
        for (const QString &folder : missingFolders(QFileInfo(file.target).absolutePath())) {
            if (!journal.folders.contains(folder))
                journal.folders.append(folder);
        }
        journal.files.append(file);
        previous.insert(change.path, change.expected);
        expectations.append(change.expected);
    }
    if (journal.files.isEmpty())
        return Error{
            {m_directory},
            {},
            QCoreApplication::translate("FileTransaction", "Nothing to write: the files already hold these contents.")};

    const QString journalPath = dataFolder + QLatin1Char('/') + journalName();
    auto entry = history.begin(reason, previous);
    if (!entry)
        return entry.error();
    journal.entryId = entry->id;
    journal.reason = entry->reason;
    journal.time = entry->time;
    if (auto problem = durable::write(journalPath, journal.toJson())) {
        history.discard(entry->id);
        return *problem;
    }

    QList<Swapped> done;
    const auto rollBack = [&](const Error &error) -> Expected<History::Entry> {
        for (auto it = done.crbegin(); it != done.crend(); ++it)
            undo(*it);
        for (const JournalFile &file : std::as_const(journal.files))
            ::unlink(encoded(file.temporary).constData());
        removeCreatedFolders(journal.folders);
        history.discard(entry->id);
        (void)durable::remove(journalPath);
        return error;
    };

    for (const QString &folder : std::as_const(journal.folders)) {
        if (auto problem = durable::makeFolders(folder))
            return rollBack(*problem);
    }
    for (int i = 0; i < journal.files.size(); ++i) {
        const JournalFile &file = journal.files.at(i);
        if (file.removed())
            continue;
        const auto wanted = std::find_if(changes.cbegin(), changes.cend(), [&](const Change &change) {
                                return change.path == file.path;
                            })->wanted;
        if (auto problem = durable::writeTemporary(file.temporary, *wanted, durable::modeFor(file.target)))
            return rollBack(*problem);
    }
    for (int i = 0; i < journal.files.size(); ++i) {
        if (auto problem = swapIn(journal.files.at(i), expectations.at(i), done))
            return rollBack(*problem);
    }
    if (auto problem = history.complete(*entry))
        return rollBack(*problem);

    // Done: what was displaced is kept in the history now.
    for (const JournalFile &file : std::as_const(journal.files))
        (void)durable::remove(file.temporary);
    (void)durable::remove(journalPath);
    return entry;
}

Expected<FileTransaction::Recovery> FileTransaction::recover(const QString &inventoryDirectory) {
    const QString dataFolder = History::dataFolder(inventoryDirectory);
    if (!QFileInfo(dataFolder).isDir())
        return Recovery(); // nothing was ever saved: nothing to recover, and no folder made for it
    const SaveLock lock(dataFolder);
    if (auto problem = lock.problem())
        return *problem;
    return recoverLocked(inventoryDirectory);
}

Expected<FileTransaction::Recovery> FileTransaction::recoverLocked(const QString &inventoryDirectory) {
    const QString dataFolder = History::dataFolder(inventoryDirectory);
    const QString journalPath = dataFolder + QLatin1Char('/') + journalName();
    History history(inventoryDirectory);
    Recovery recovery;

    const auto bytes = durable::readIfExists(journalPath);
    if (!bytes)
        return bytes.error();
    if (bytes->has_value()) {
        const auto journal = Journal::fromJson(**bytes);
        if (!journal)
            return Error{{journalPath},
                         {},
                         QCoreApplication::translate(
                             "FileTransaction",
                             "The journal of an interrupted save cannot be read; the inventory may be half "
                             "written. Compare it with the history, then remove this file.")};
        const QString entryFolder = history.folder() + QLatin1Char('/') + journal->entryId + QStringLiteral("/files/");
        bool allNew = true;
        bool copiesKept = true;
        QList<FileState> states;
        for (const JournalFile &file : journal->files) {
            recovery.files.append(file.path);
            states.append(stateOf(file));
            allNew = allNew && states.last().isNew;
            if (file.existed()) {
                const auto copy = durable::readIfExists(entryFolder + file.path);
                copiesKept = copiesKept && copy && hashOf(*copy) == file.oldHash;
            }
        }
        if (allNew && copiesKept) {
            History::Entry entry;
            entry.id = journal->entryId;
            entry.reason = journal->reason;
            entry.time = journal->time;
            for (const JournalFile &file : journal->files) {
                entry.files.append(file.path);
                if (!file.existed())
                    entry.absent.append(file.path);
            }
            if (auto problem = history.complete(entry))
                return *problem;
            recovery.outcome = Recovery::Outcome::Completed;
        } else {
            for (int i = 0; i < journal->files.size(); ++i) {
                const JournalFile &file = journal->files.at(i);
                const FileState state = states.at(i);
                if (state.isOld)
                    continue;
                if (!state.isNew) {
                    recovery.untouched.append(file.path);
                    continue;
                }
                if (!file.existed()) {
                    if (auto problem = durable::remove(file.target))
                        return *problem;
                    continue;
                }
                const auto copy = durable::readIfExists(entryFolder + file.path);
                if (!copy || !copy->has_value() || hashOf(*copy) != file.oldHash) {
                    recovery.untouched.append(file.path); // cannot happen: copies are synced before any swap
                    continue;
                }
                if (auto problem = durable::write(file.target, **copy))
                    return *problem;
            }
            history.discard(journal->entryId);
            recovery.outcome = Recovery::Outcome::RolledBack;
        }
        for (const JournalFile &file : journal->files)
            (void)durable::remove(file.temporary);
        removeCreatedFolders(journal->folders);
        if (auto problem = durable::remove(journalPath))
            return *problem;
    }
    // What a kill left outside any journal: entries begun before their journal, hidden temporaries.
    for (const QString &entryId : history.incompleteEntries())
        history.discard(entryId);
    sweepTemporaries(dataFolder);
    return recovery;
}

} // namespace ksw
