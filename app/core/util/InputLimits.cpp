// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "util/InputLimits.h"

#include <QCoreApplication>
#include <QFile>

namespace ksw {

namespace {

Error tooLarge(const QByteArray &bytes, const QString &displayPath) {
    // Where the first byte past the limit lies, so the message points into the file like any other refusal.
    const QByteArrayView kept(bytes.constData(), limits::MaxFileBytes);
    const qsizetype lastNewline = kept.lastIndexOf('\n');
    const int line = static_cast<int>(kept.count('\n')) + 1;
    const int column = static_cast<int>(limits::MaxFileBytes - lastNewline);
    return Error{{displayPath, line, column},
                 {},
                 QCoreApplication::translate("Inventory", "This file is larger than %1 MiB, the most Kubespray Wizard "
                                                          "reads from one inventory file; the limit is crossed here.")
                     .arg(limits::MaxFileBytes / (1024 * 1024))};
}

/// The file to its end, but no more than `most` bytes. A file of known size is read into a buffer of that size
/// (readAll() grows a buffer to up to twice the file); one that grows meanwhile, a pipe or a device is read up to
/// `most`.
QByteArray readAtMost(QFile &file, qint64 most) {
    if (file.isSequential() || file.size() == 0 || file.size() >= most)
        return file.read(most);
    QByteArray bytes = file.read(file.size());
    if (!file.atEnd())
        bytes += file.read(most - bytes.size());
    return bytes;
}

} // namespace

std::optional<Error> fileSizeRefusal(const QByteArray &bytes, const QString &displayPath) {
    if (bytes.size() <= limits::MaxFileBytes)
        return std::nullopt;
    return tooLarge(bytes, displayPath);
}

Expected<QByteArray> readBoundedFile(const QString &path, const QString &displayPath) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            {displayPath}, {}, QCoreApplication::translate("Yaml", "Cannot read the file: %1").arg(file.errorString())};
    // Past the limit, one byte more than allowed is read to place the refusal, and nothing beyond.
    const QByteArray bytes = readAtMost(file, limits::MaxFileBytes + 1);
    if (auto refusal = fileSizeRefusal(bytes, displayPath))
        return *refusal;
    return bytes;
}

} // namespace ksw
