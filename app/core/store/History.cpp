// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/History.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

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
        for (const QJsonValue &file : json.value(QStringLiteral("files")).toArray())
            entry.files.append(file.toObject().value(QStringLiteral("path")).toString());
        result.append(entry);
    }
    return result;
}

Expected<History::Entry> History::record(const QString &reason, const Snapshot &previous) {
    const QList<Entry> existing = entries();
    const int number = existing.isEmpty() ? 1 : existing.last().id.section(u'-', 0, 0).toInt() + 1;
    Entry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.id = QStringLiteral("%1-%2")
                   .arg(number, 4, 10, QLatin1Char('0'))
                   .arg(entry.time.toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
    entry.reason = reason;

    const QString entryFolder = m_folder + QLatin1Char('/') + entry.id;
    if (!QDir().mkpath(entryFolder))
        return writeError(entryFolder, QCoreApplication::translate("History", "the folder cannot be created."));
    QJsonArray files;
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        QJsonObject file{{QStringLiteral("path"), it.key()}, {QStringLiteral("existed"), it.value().has_value()}};
        if (it.value()) {
            const QString copy = entryFolder + QStringLiteral("/files/") + it.key();
            QDir().mkpath(QFileInfo(copy).absolutePath());
            QSaveFile out(copy);
            if (!out.open(QIODevice::WriteOnly) || out.write(*it.value()) != it.value()->size() || !out.commit())
                return writeError(copy, out.errorString());
        }
        files.append(file);
        entry.files.append(it.key());
    }
    QSaveFile manifest(entryFolder + QLatin1Char('/') + ManifestName);
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("time"), entry.time.toString(Qt::ISODate)},
                                                      {QStringLiteral("reason"), reason},
                                                      {QStringLiteral("files"), files}})
                                .toJson();
    if (!manifest.open(QIODevice::WriteOnly) || manifest.write(json) != json.size() || !manifest.commit())
        return writeError(manifest.fileName(), manifest.errorString());
    return entry;
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
