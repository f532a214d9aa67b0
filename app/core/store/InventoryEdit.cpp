// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/InventoryEdit.h"

#include "util/UnifiedDiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ksw {

namespace {

/// The file's bytes, or nothing when it does not exist.
Expected<std::optional<QByteArray>> readIfExists(const QString &path) {
    QFile file(path);
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{{path},
                     {},
                     QCoreApplication::translate("InventoryEdit", "Cannot read the file: %1").arg(file.errorString())};
    return std::optional<QByteArray>(file.readAll());
}

std::optional<Error> writeAtomically(const QString &path, const QByteArray &bytes) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{{path}, {}, QCoreApplication::translate("InventoryEdit", "Cannot create the folder.")};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{{path},
                     {},
                     QCoreApplication::translate("InventoryEdit", "Cannot write the file: %1").arg(file.errorString())};
    return std::nullopt;
}

bool staysInside(const QString &directory, const QString &relative) {
    const QString cleaned = QDir::cleanPath(relative);
    return !relative.isEmpty() && QDir::isRelativePath(relative) && !cleaned.startsWith(QLatin1String("../")) &&
           cleaned != u".." &&
           QDir::cleanPath(directory + QLatin1Char('/') + cleaned).startsWith(QDir::cleanPath(directory));
}

} // namespace

Expected<InventoryEdit> InventoryEdit::prepare(const QString &inventoryDirectory, const ChangeSet &changes) {
    InventoryEdit edit;
    edit.m_directory = QDir(inventoryDirectory).absolutePath();
    for (const QString &relative : changes.files()) {
        if (!staysInside(edit.m_directory, relative))
            return Error{{relative},
                         {},
                         QCoreApplication::translate("InventoryEdit", "This file lies outside the inventory folder.")};
        const QString path = edit.m_directory + QLatin1Char('/') + relative;
        const auto current = readIfExists(path);
        if (!current)
            return current.error();
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
    History::Snapshot previous;
    for (const FileEdit &file : m_files) {
        const QString path = m_directory + QLatin1Char('/') + file.path;
        const auto now = readIfExists(path);
        if (!now)
            return now.error();
        if (now->has_value() != file.existed || now->value_or(QByteArray()) != file.before)
            return Error{{path},
                         {},
                         QCoreApplication::translate("InventoryEdit", "The file changed on disk since it was read; "
                                                                      "nothing was written. Load it again.")};
        previous.insert(file.path, *now);
    }
    const auto entry = history.record(reason, previous);
    if (!entry)
        return entry.error();
    for (const FileEdit &file : m_files) {
        if (auto problem = writeAtomically(m_directory + QLatin1Char('/') + file.path, file.after))
            return *problem;
    }
    return entry;
}

Expected<History::Entry> InventoryEdit::restore(const QString &inventoryDirectory, History &history,
                                                const QString &entryId) {
    const auto kept = history.snapshot(entryId);
    if (!kept)
        return kept.error();
    const QString directory = QDir(inventoryDirectory).absolutePath();
    History::Snapshot current;
    for (auto it = kept->cbegin(); it != kept->cend(); ++it) {
        if (!staysInside(directory, it.key()))
            return Error{{it.key()},
                         {},
                         QCoreApplication::translate("InventoryEdit", "This file lies outside the inventory folder.")};
        const auto now = readIfExists(directory + QLatin1Char('/') + it.key());
        if (!now)
            return now.error();
        current.insert(it.key(), *now);
    }
    const auto entry =
        history.record(QCoreApplication::translate("InventoryEdit", "before restoring %1").arg(entryId), current);
    if (!entry)
        return entry.error();
    for (auto it = kept->cbegin(); it != kept->cend(); ++it) {
        const QString path = directory + QLatin1Char('/') + it.key();
        if (!it.value()) {
            if (QFile::exists(path) && !QFile::remove(path))
                return Error{{path}, {}, QCoreApplication::translate("InventoryEdit", "Cannot remove the file.")};
            continue;
        }
        if (auto problem = writeAtomically(path, *it.value()))
            return *problem;
    }
    return entry;
}

} // namespace ksw
