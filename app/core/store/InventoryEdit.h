// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/ChangeSet.h"
#include "store/History.h"
#include "util/Expected.h"
#include "yaml/YamlDocument.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace ksw {

class Inventory;

/// A ChangeSet made concrete: each inventory file before and after, ready to review and write.
class InventoryEdit {
public:
    struct FileEdit {
        QString path;         ///< relative to the inventory folder
        bool existed = false; ///< false: the file is created
        QByteArray before;
        QByteArray after;
        QList<std::pair<QString, YamlDocument::Placement>> keys;
    };

    /// The bytes each file had when the inventory was read, by path relative to the inventory folder.
    using Baseline = QMap<QString, QByteArray>;

    /// Reads the files the changes touch and edits their text (YamlDocument::setValue). Nothing is written.
    /// Fails, naming the file and key, when an edit is impossible, or when a file of `baseline` no longer has
    /// those bytes (the changes were computed from them).
    static Expected<InventoryEdit> prepare(const QString &inventoryDirectory, const ChangeSet &changes,
                                           const Baseline &baseline = {});
    /// The same, with the bytes `loaded` was read with as the baseline.
    static Expected<InventoryEdit> prepare(const Inventory &loaded, const ChangeSet &changes);

    QString inventoryDirectory() const { return m_directory; }
    /// The files whose bytes change.
    const QList<FileEdit> &files() const { return m_files; }
    bool isEmpty() const { return m_files.isEmpty(); }
    /// One unified diff for all files.
    QString unifiedDiff() const;

    /// Keeps the current files in `history`, then writes them all or none (FileTransaction). Refuses, writing
    /// nothing, when a file changed on disk since prepare().
    Expected<History::Entry> write(History &history, const QString &reason) const;

    /// Puts back the files an entry kept (deleting those that did not exist then), all or none; the files as
    /// they are now are kept as a new entry.
    static Expected<History::Entry> restore(const QString &inventoryDirectory, History &history,
                                            const QString &entryId);

private:
    QString m_directory;
    QList<FileEdit> m_files;
};

} // namespace ksw
