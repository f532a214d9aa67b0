// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/AnsibleFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ksw::AnsibleFiles {

QString folder() {
    const QString fromEnvironment = qEnvironmentVariable("KUBESPRAY_WIZARD_ANSIBLE_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment);
    const QString programDir = QCoreApplication::applicationDirPath();
    const QString installed = QDir::cleanPath(programDir + QStringLiteral("/../share/kubespray-wizard/ansible"));
    const QString buildTree = QDir::cleanPath(programDir + QStringLiteral("/ansible"));
    if (!QFileInfo(installed).isDir() && QFileInfo(buildTree).isDir())
        return buildTree;
    return installed;
}

QString callbackPluginFolder() {
    return folder() + QStringLiteral("/callback_plugins");
}

} // namespace ksw::AnsibleFiles
