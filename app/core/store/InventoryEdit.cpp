// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/InventoryEdit.h"

#include "kubespray/Inventory.h"
#include "store/DurableFile.h"
#include "store/FileTransaction.h"
#include "util/UnifiedDiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ksw {

namespace {

bool staysInside(const QString &directory, const QString &relative) {
    const QString cleaned = QDir::cleanPath(relative);
    return !relative.isEmpty() && QDir::isRelativePath(relative) && !cleaned.startsWith(QLatin1String("../")) &&
           cleaned != u".." &&
           QDir::cleanPath(directory + QLatin1Char('/') + cleaned).startsWith(QDir::cleanPath(directory));
}

} // namespace

Expected<InventoryEdit> InventoryEdit::prepare(const Inventory &loaded, const ChangeSet &changes) {
    Baseline baseline;
    for (const Inventory::VarsFile &file : loaded.varsFiles())
        baseline.insert(file.displayPath, file.document.bytes());
    return prepare(loaded.directory(), changes, baseline);
}

Expected<InventoryEdit> InventoryEdit::prepare(const QString &inventoryDirectory, const ChangeSet &changes,
                                               const Baseline &baseline) {
    InventoryEdit edit;
    edit.m_directory = QDir(inventoryDirectory).absolutePath();
    for (const SettingChange &change : changes.changes()) {
        if (!change.unwritable.isEmpty())
            return Error{{edit.m_directory},
                         change.key,
                         change.unwritable + u' ' +
                             QCoreApplication::translate("InventoryEdit", "Nothing was written.")};
    }
    for (const QString &relative : changes.files()) {
        if (!staysInside(edit.m_directory, relative))
            return Error{{relative},
                         {},
                         QCoreApplication::translate("InventoryEdit", "This file lies outside the inventory folder.")};
        const QString path = edit.m_directory + QLatin1Char('/') + relative;
        const auto current = durable::readIfExists(path);
        if (!current)
            return current.error();
        // The proposal was computed from the bytes the inventory was read with; an edit made on disk since must
        // not be overwritten by it.
        if (baseline.contains(relative) && *current != std::optional<QByteArray>(baseline.value(relative)))
            return Error{{path},
                         {},
                         QCoreApplication::translate("InventoryEdit", "The file changed on disk since it was read; "
                                                                      "nothing was written. Load it again.")};
        // Never a new path that changes which files Ansible reads (a group_vars/all/ that hides group_vars/all.yml).
        if (!current->has_value()) {
            if (const auto problem = varsFileCreationProblem(edit.m_directory, relative))
                return Error{
                    {path}, {}, *problem + u' ' + QCoreApplication::translate("InventoryEdit", "Nothing was written.")};
        }
        FileEdit file;
        file.path = relative;
        file.existed = current->has_value();
        file.before = current->value_or(QByteArray());
        auto document = YamlDocument::parse(file.before, relative);
        if (!document)
            return document.error();
        for (const SettingChange &change : changes.changes()) {
            if (change.file != relative)
                continue;
            const auto placement = document->setValue(change.key, change.value);
            if (!placement)
                return placement.error();
            file.keys.append({change.key, *placement});
        }
        file.after = document->bytes();
        if (file.after != file.before || !file.existed)
            edit.m_files.append(file);
    }
    return edit;
}

QString InventoryEdit::unifiedDiff() const {
    QString text;
    for (const FileEdit &file : m_files)
        text += ksw::unifiedDiff(file.path, file.before, file.after, file.existed);
    return text;
}

Expected<History::Entry> InventoryEdit::write(History &history, const QString &reason) const {
    QList<FileTransaction::Change> changes;
    for (const FileEdit &file : m_files)
        changes.append({file.path, file.existed ? std::optional<QByteArray>(file.before) : std::nullopt, file.after});
    return FileTransaction(m_directory).commit(changes, history, reason);
}

Expected<History::Entry> InventoryEdit::restore(const QString &inventoryDirectory, History &history,
                                                const QString &entryId) {
    const auto kept = history.snapshot(entryId);
    if (!kept)
        return kept.error();
    const QString directory = QDir(inventoryDirectory).absolutePath();
    QList<FileTransaction::Change> changes;
    bool differs = false;
    for (auto it = kept->cbegin(); it != kept->cend(); ++it) {
        if (!staysInside(directory, it.key()))
            return Error{{it.key()},
                         {},
                         QCoreApplication::translate("InventoryEdit", "This file lies outside the inventory folder.")};
        const auto now = durable::readIfExists(directory + QLatin1Char('/') + it.key());
        if (!now)
            return now.error();
        differs = differs || *now != it.value();
        changes.append({it.key(), *now, it.value()});
    }
    if (!differs)
        return Error{{history.folder() + QLatin1Char('/') + entryId},
                     {},
                     QCoreApplication::translate("InventoryEdit", "The files are already as in version %1; "
                                                                  "nothing was written.")
                         .arg(entryId)};
    return FileTransaction(directory).commit(
        changes, history, QCoreApplication::translate("InventoryEdit", "before restoring %1").arg(entryId));
}

} // namespace ksw
