// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>
#include <QStringList>

namespace ksw {

/// How this machine reaches the cluster: the files Kubespray leaves in `<inventory>/artifacts` (FACTS.md §7).
///
/// Kubespray writes `artifacts/admin.conf` when `kubeconfig_localhost` is true, `artifacts/kubectl` when
/// `kubectl_localhost` is true, and `artifacts/kubectl.sh` (kubectl with that admin.conf) when both are. The
/// cluster is whatever that kubeconfig names; nothing here assumes it is this machine or a Kubespray node.
struct ClusterAccess {
    enum class Kind { None, KubectlScript, AdminConf };

    Kind kind = Kind::None;
    /// `<inv>/artifacts/kubectl.sh`, or a kubectl binary (the override, `artifacts/kubectl` if executable, else
    /// the one on PATH).
    QString program;
    /// For AdminConf: {"--kubeconfig=<inv>/artifacts/admin.conf"}; empty for the script, which passes it itself.
    QStringList baseArguments;
    QString artifactsFolder;
    /// Kind::None: translated words on what is missing and how to get it at the next deploy.
    QString problem;

    bool isUsable() const { return kind != Kind::None; }
    /// Translated, for the UI: "artifacts/kubectl.sh" or "kubectl with artifacts/admin.conf".
    QString describe() const;
    /// The whole command line a person would type (program and base arguments), for logs and messages.
    QString commandLine() const;

    /// `inventoryFolder` is the folder of the hosts file (Ansible's `inventory_dir`). `kubectlOverride` (tests,
    /// `--kubectl`) is an explicit kubectl program: it is paired with admin.conf and, being an explicit choice,
    /// wins over kubectl.sh. Without it, kubectl.sh is preferred (it is what Kubespray meant to be used).
    static ClusterAccess locate(const QString &inventoryFolder, const QString &kubectlOverride = {});
};

} // namespace ksw
