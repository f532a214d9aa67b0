// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace ksw::test {

/// Absolute path of a file or folder under tests/fixtures.
inline QString fixturePath(const QString &relative) {
    return QStringLiteral(KSW_TEST_DATA_DIR "/") + relative;
}

/// Absolute path of something in the source tree (resources/demo, ...).
inline QString sourcePath(const QString &relative) {
    return QStringLiteral(KSW_SOURCE_DIR "/") + relative;
}

/// Copies a folder tree (files and sub-folders) into `target`, which must exist.
inline bool copyTree(const QString &source, const QString &target) {
    const QDir sourceDir(source);
    if (!sourceDir.exists())
        return false;
    QDirIterator it(source, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString destination = target + QLatin1Char('/') + sourceDir.relativeFilePath(file);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()))
            return false;
        if (!QFile::copy(file, destination))
            return false;
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    }
    return true;
}

inline QByteArray readAll(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

/// Every file below `root` (path relative to it → bytes): to prove what a command wrote, or that it wrote nothing.
inline QMap<QString, QByteArray> snapshot(const QString &root) {
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        files.insert(QDir(root).relativeFilePath(file), readAll(file));
    }
    return files;
}

} // namespace ksw::test
