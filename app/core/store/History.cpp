// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/History.h"

#include "store/DurableFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace ksw {

namespace {

const QString ManifestName = QStringLiteral("entry.json");

Error writeError(const QString &path, const QString &reason) {
    return Error{{path}, {}, QCoreApplication::translate("History", "Cannot keep the earlier version: %1").arg(reason)};
}

} // namespace

History::History(const QString &inventoryDirectory)
    : m_folder(dataFolder(inventoryDirectory) + QStringLiteral("/history")) {}

QString History::inventoryId(const QString &inventoryDirectory) {
    const QString canonical = QFileInfo(inventoryDirectory).canonicalFilePath().isEmpty()
                                  ? QDir(inventoryDirectory).absolutePath()
                                  : QFileInfo(inventoryDirectory).canonicalFilePath();
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QFileInfo(canonical).fileName() + QLatin1Char('-') + QString::fromLatin1(hash);
}

QString History::dataFolder(const QString &inventoryDirectory) {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/kubespray-wizard/") + inventoryId(inventoryDirectory);
}

QList<History::Entry> History::entries() const {
    QList<Entry> result;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QFile manifest(dir.filePath(name + QLatin1Char('/') + ManifestName));
        if (!manifest.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
        Entry entry;
        entry.id = name;
        entry.time = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODate);
        entry.reason = json.value(QStringLiteral("reason")).toString();
        for (const QJsonValue &file : json.value(QStringLiteral("files")).toArray()) {
            const QString path = file.toObject().value(QStringLiteral("path")).toString();
            entry.files.append(path);
            if (!file.toObject().value(QStringLiteral("existed")).toBool())
                entry.absent.append(path);
        }
        result.append(entry);
    }
    return result;
}

Expected<History::Entry> History::record(const QString &reason, const Snapshot &previous) {
    auto entry = begin(reason, previous);
    if (!entry)
        return entry;
    if (auto problem = complete(*entry)) {
        discard(entry->id);
        return *problem;
    }
    return entry;
}

Expected<History::Entry> History::begin(const QString &reason, const Snapshot &previous) {
    // Numbered after every folder, completed or not, so that an id is never given twice.
    int number = 0;
    for (const QString &name : QDir(m_folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        number = std::max(number, name.section(u'-', 0, 0).toInt());
    Entry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.id = QStringLiteral("%1-%2")
                   .arg(number + 1, 4, 10, QLatin1Char('0'))
                   .arg(entry.time.toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
    entry.reason = reason;

    const QString entryFolder = m_folder + QLatin1Char('/') + entry.id;
    if (auto problem = durable::makeFolders(entryFolder))
        return writeError(entryFolder, problem->message);
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        entry.files.append(it.key());
        if (!it.value()) {
            entry.absent.append(it.key());
            continue;
        }
        const QString copy = entryFolder + QStringLiteral("/files/") + it.key();
        if (auto problem = durable::write(copy, *it.value())) {
            discard(entry.id);
            return writeError(copy, problem->message);
        }
    }
    return entry;
}

std::optional<Error> History::complete(const Entry &entry) {
    QJsonArray files;
    for (const QString &path : entry.files) {
        files.append(
            QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("existed"), !entry.absent.contains(path)}});
    }
    const QString manifest = m_folder + QLatin1Char('/') + entry.id + QLatin1Char('/') + ManifestName;
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("time"), entry.time.toString(Qt::ISODate)},
                                                      {QStringLiteral("reason"), entry.reason},
                                                      {QStringLiteral("files"), files}})
                                .toJson();
    if (auto problem = durable::write(manifest, json))
        return writeError(manifest, problem->message);
    return std::nullopt;
}

void History::discard(const QString &entryId) {
    if (entryId.isEmpty() || entryId.contains(u'/'))
        return;
    QDir(m_folder + QLatin1Char('/') + entryId).removeRecursively();
}

QStringList History::incompleteEntries() const {
    QStringList result;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!QFileInfo::exists(dir.filePath(name + QLatin1Char('/') + ManifestName)))
            result.append(name);
    }
    return result;
}

Expected<History::Snapshot> History::snapshot(const QString &entryId) const {
    const QString entryFolder = m_folder + QLatin1Char('/') + entryId;
    QFile manifest(entryFolder + QLatin1Char('/') + ManifestName);
    if (entryId.isEmpty() || entryId.contains(u'/') || !manifest.open(QIODevice::ReadOnly))
        return Error{{m_folder}, {}, QCoreApplication::translate("History", "There is no version “%1”.").arg(entryId)};
    Snapshot result;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = value.toObject();
        const QString path = file.value(QStringLiteral("path")).toString();
        if (!file.value(QStringLiteral("existed")).toBool()) {
            result.insert(path, std::nullopt);
            continue;
        }
        QFile copy(entryFolder + QStringLiteral("/files/") + path);
        if (!copy.open(QIODevice::ReadOnly))
            return Error{
                {copy.fileName()},
                {},
                QCoreApplication::translate("History", "The kept copy cannot be read: %1").arg(copy.errorString())};
        result.insert(path, copy.readAll());
    }
    return result;
}

} // namespace ksw
