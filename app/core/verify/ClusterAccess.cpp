// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "verify/ClusterAccess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ksw {

namespace {

bool isExecutableFile(const QString &path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

/// The sentence every "no access" message ends with: the two settings that make Kubespray write the artifacts.
QString howToGetArtifacts() {
    return QCoreApplication::translate(
        "Verifier",
        "Set kubeconfig_localhost: true and kubectl_localhost: true in the inventory "
        "(group_vars/k8s_cluster/k8s-cluster.yml): at the next deploy Kubespray writes artifacts/admin.conf, "
        "artifacts/kubectl and artifacts/kubectl.sh, the kubectl for this cluster.");
}

} // namespace

QString ClusterAccess::describe() const {
    switch (kind) {
    case Kind::KubectlScript:
        return QCoreApplication::translate("Verifier", "artifacts/kubectl.sh");
    case Kind::AdminConf:
        return QCoreApplication::translate("Verifier", "kubectl with artifacts/admin.conf");
    case Kind::None:
        break;
    }
    return QCoreApplication::translate("Verifier", "no access to the cluster");
}

QString ClusterAccess::commandLine() const {
    QStringList parts{program};
    parts += baseArguments;
    return parts.join(QLatin1Char(' '));
}

ClusterAccess ClusterAccess::locate(const QString &inventoryFolder, const QString &kubectlOverride) {
    ClusterAccess access;
    access.artifactsFolder = QDir(inventoryFolder).absoluteFilePath(QStringLiteral("artifacts"));
    const QDir artifacts(access.artifactsFolder);
    const QString script = artifacts.absoluteFilePath(QStringLiteral("kubectl.sh"));
    const QString adminConf = artifacts.absoluteFilePath(QStringLiteral("admin.conf"));
    const bool haveAdminConf = QFileInfo(adminConf).isFile();

    auto useAdminConf = [&](const QString &kubectl) {
        access.kind = Kind::AdminConf;
        access.program = kubectl;
        access.baseArguments = {QStringLiteral("--kubeconfig=%1").arg(adminConf)};
        return access;
    };

    if (!kubectlOverride.isEmpty() && haveAdminConf)
        return useAdminConf(kubectlOverride);
    if (isExecutableFile(script)) {
        access.kind = Kind::KubectlScript;
        access.program = script;
        return access;
    }
    if (haveAdminConf) {
        // Kubespray's artifacts/kubectl is built for the nodes' architecture; a copy may have lost its mode bits.
        const QString bundled = artifacts.absoluteFilePath(QStringLiteral("kubectl"));
        if (isExecutableFile(bundled))
            return useAdminConf(bundled);
        const QString fromPath = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (!fromPath.isEmpty())
            return useAdminConf(fromPath);
        access.problem =
            QCoreApplication::translate("Verifier", "%1 is there, but no kubectl program to use it: neither an "
                                                    "executable artifacts/kubectl nor kubectl on the PATH.")
                .arg(adminConf) +
            QLatin1Char(' ') + howToGetArtifacts();
        return access;
    }
    if (QFileInfo(script).isFile()) {
        access.problem =
            QCoreApplication::translate("Verifier", "%1 is there but not executable, and admin.conf is missing "
                                                    "beside it.")
                .arg(script) +
            QLatin1Char(' ') + howToGetArtifacts();
        return access;
    }
    access.problem =
        QCoreApplication::translate("Verifier", "No way to reach the cluster from here: %1 holds neither kubectl.sh "
                                                "nor admin.conf.")
            .arg(access.artifactsFolder) +
        QLatin1Char(' ') + howToGetArtifacts();
    return access;
}

} // namespace ksw
