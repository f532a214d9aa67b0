// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// Earlier versions of an inventory's files, kept in the app's data folder
/// ($XDG_DATA_HOME/kubespray-wizard/<inventory id>/history), never inside the inventory, where Ansible
/// would read them.
class History {
public:
    /// The bytes of a file before a write; nothing when the file did not exist.
    using Snapshot = QMap<QString, std::optional<QByteArray>>; // path relative to the inventory → bytes

    struct Entry {
        QString id; ///< "0001-20261126T181502"; ordered, unique
        QDateTime time;
        QString reason;
        QStringList files;
        QStringList absent; ///< those of `files` that did not exist then
    };

    explicit History(const QString &inventoryDirectory);

    /// "<folder name>-<16 hex digits of the path's SHA-1>": stable per inventory folder.
    static QString inventoryId(const QString &inventoryDirectory);
    /// $XDG_DATA_HOME/kubespray-wizard/<inventory id>: the inventory's own data folder.
    static QString dataFolder(const QString &inventoryDirectory);

    QString folder() const { return m_folder; }
    QList<Entry> entries() const;
    /// Keeps `previous` (the files as they are before a write) as a new entry: begin, then complete.
    Expected<Entry> record(const QString &reason, const Snapshot &previous);
    /// The first half of record(): the copies, written and synced, in a new entry folder that entries() does not
    /// list yet (it has no entry.json). A save keeps them before it replaces anything, so that a save killed
    /// half-way can be rolled back from them.
    Expected<Entry> begin(const QString &reason, const Snapshot &previous);
    /// The second half: entry.json, which makes the entry part of the history.
    std::optional<Error> complete(const Entry &entry);
    /// Removes an entry folder that was begun but not completed (a save that failed or was rolled back).
    void discard(const QString &entryId);
    /// Entry folders never completed: what a save killed before it wrote its journal leaves behind.
    QStringList incompleteEntries() const;
    /// What an entry kept.
    Expected<Snapshot> snapshot(const QString &entryId) const;

private:
    QString m_folder;
};

} // namespace ksw
