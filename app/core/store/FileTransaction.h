// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// A save of several inventory files as one transaction: after it the inventory is wholly as it was or wholly as
// asked, whatever fails and wherever the process is killed.
//
// 1. A journal (save-journal.json in the inventory's data folder) names every file, its new and old hashes and
//    every temporary and folder the save will create — before anything is created.
// 2. The files as they are are kept in a new history entry (not yet listed), written and synced.
// 3. Each new version is written beside its file under a hidden name, checked and synced, its mode kept.
// 4. Each is swapped into place with renameat2(RENAME_EXCHANGE), so that what it displaced can be compared with
//    the bytes the inventory was read with: a file someone changed since is swapped back, and the whole save
//    undone (their edit is never overwritten nor lost). Where the file system cannot exchange, a plain rename
//    follows the same comparison.
// 5. The history entry is completed, the displaced files and the journal removed.
// A save killed on the way leaves the journal; recover() — run by every command and the wizard before they read
// the inventory — completes it when every file is already new, and rolls it back from the kept copies otherwise.

#include "store/History.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

class FileTransaction {
public:
    struct Change {
        QString path;                       ///< relative to the inventory folder
        std::optional<QByteArray> expected; ///< the bytes the file must still have; nothing: it must not exist
        std::optional<QByteArray> wanted;   ///< the new bytes; nothing: the file is removed
    };

    /// What recover() did.
    struct Recovery {
        enum class Outcome { NothingToDo, Completed, RolledBack };
        Outcome outcome = Outcome::NothingToDo;
        QStringList files;     ///< the files of the interrupted save
        QStringList untouched; ///< files changed by someone else since: left exactly as they are
        /// One sentence for the user; empty when there was nothing to do.
        QString summary() const;
    };

    explicit FileTransaction(const QString &inventoryDirectory);

    /// Writes every change, or none. The files as they were are kept in `history` as one entry with `reason`.
    /// On an error nothing in the inventory changed and no history entry was added.
    Expected<History::Entry> commit(const QList<Change> &changes, History &history, const QString &reason);

    /// Completes or rolls back a save that was interrupted, and sweeps up what a killed write left behind. Waits
    /// for a save another process is making of the same inventory (briefly: an error past that).
    static Expected<Recovery> recover(const QString &inventoryDirectory);

    static QString journalName() { return QStringLiteral("save-journal.json"); }

private:
    /// recover() while this process holds the inventory's save lock.
    static Expected<Recovery> recoverLocked(const QString &inventoryDirectory);

    QString m_directory;
};

} // namespace ksw
