// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Writing a file so that it is either wholly there or not changed at all, and says so when it is not.
//
// Why not QSaveFile: Qt 6.4's QSaveFile buffers small writes, and when the final flush fails (a full disk:
// ENOSPC) commit() still renames the empty file into place — "Written." over an emptied file. Here every
// write(2) is checked, the data is fsync'ed and its size verified before the rename, and the folder is synced
// after it. A replaced file keeps its owner, group and mode; a new one takes the owner of its folder (so root
// editing a user's inventory leaves the user's files the user's).

#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <sys/types.h>

namespace ksw {

namespace durable {

/// Owner, group and permission bits to give a written file.
struct FileMode {
    uid_t owner = 0;
    gid_t group = 0;
    mode_t permissions = 0644;
};

/// The mode a file at `path` must keep: its own when it exists, else its folder's owner and group with the
/// permissions a new file gets under the current umask.
FileMode modeFor(const QString &path);

/// The hidden name a new version of `path` is prepared under, in the same folder (so the rename is atomic).
/// Ansible skips hidden files in group_vars, and recovery recognises the pattern to sweep up after a kill.
QString temporaryPathFor(const QString &path);
/// True for a name temporaryPathFor() makes.
bool isTemporaryName(const QString &fileName);

/// Writes `bytes` into a new file at `temporaryPath` (which must not exist) with `mode`, checked to the last
/// byte and synced. On failure nothing is left behind.
std::optional<Error> writeTemporary(const QString &temporaryPath, const QByteArray &bytes, const FileMode &mode);
/// rename(2), then the folder synced.
std::optional<Error> renameInto(const QString &temporaryPath, const QString &path);
/// unlink(2), then the folder synced. A file that is already gone is fine.
std::optional<Error> remove(const QString &path);
/// Creates the missing folders of `folder` (each owned like its parent), syncing each parent. `created` receives
/// the folders it made, outermost first.
std::optional<Error> makeFolders(const QString &folder, QStringList *created = nullptr);
/// Removes `folder` when it is empty; ignores a folder that is not.
void removeFolderIfEmpty(const QString &folder);

/// The whole sequence for a single file: temporary, checked, synced, renamed, folder synced; the file's mode
/// kept. On failure the file is as it was.
std::optional<Error> write(const QString &path, const QByteArray &bytes);

/// The bytes of a file, or nothing when it does not exist. An unreadable file is an error.
Expected<std::optional<QByteArray>> readIfExists(const QString &path);

/// A test seam: each step that changes the disk (a write, a sync, a rename, a removal) is counted; when the
/// environment variable KSW_TEST_KILL_AT_STEP is N, the process kills itself with SIGKILL just before step N,
/// as a power cut would. Unset in every normal run.
void step(const char *what);
/// The in-process form of the seam, for tests: called with each step's name just before it is taken.
void setStepObserver(std::function<void(const char *what)> observer);

} // namespace durable

} // namespace ksw
