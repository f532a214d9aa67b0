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
    // Past the limit, one byte more than allowed is read to place the refusal, and nothing beyond. (A read of
    // the limit's size up front would reserve that much for every small file.)
    const QByteArray bytes = file.size() > limits::MaxFileBytes ? file.read(limits::MaxFileBytes + 1) : file.readAll();
    if (auto refusal = fileSizeRefusal(bytes, displayPath))
        return *refusal;
    return bytes;
}

} // namespace ksw
