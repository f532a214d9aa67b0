// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "session/DemoWorkspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace ksw {

Expected<DemoWorkspace> DemoWorkspace::create(const QString &parent) {
    const QString base = parent.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                                QStringLiteral("/kubespray-wizard/demo")
                                          : parent;
    // A new folder each time: the demo is for trying things, and an earlier try must not leak into this one.
    QString folder = base + QLatin1Char('/') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (int suffix = 2; QFileInfo::exists(folder); ++suffix)
        folder = base + QLatin1Char('/') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
                 QLatin1Char('-') + QString::number(suffix);
    if (!QDir().mkpath(folder))
        return Error{{folder}, {}, QCoreApplication::translate("DemoWorkspace", "Cannot create the demo folder.")};

    QDirIterator it(QStringLiteral(":/demo"), QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = folder + source.mid(QStringLiteral(":/demo").size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return Error{{target}, {}, QCoreApplication::translate("DemoWorkspace", "Cannot copy the demo file.")};
        // Resource files are read-only; the copy is the user's to edit.
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        ++copied;
    }
    if (copied == 0)
        return Error{{folder}, {}, QCoreApplication::translate("DemoWorkspace", "The program carries no demo.")};
    return DemoWorkspace{folder, folder + QStringLiteral("/mycluster"), folder + QStringLiteral("/site.yaml")};
}

} // namespace ksw
