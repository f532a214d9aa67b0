// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/KubesprayVersion.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

class Checkout;

/// Which ansible-playbook would run for a checkout, its ansible-core version, and whether its Python has
/// the modules Kubespray's filters need (netaddr for ipaddr, jmespath for json_query).
struct AnsibleEnvironment {
    QString playbookPath;  ///< empty when none was found
    bool fromVenv = false; ///< <root>/venv/bin/ansible-playbook, as Kubespray's docs set it up
    std::optional<AnsibleVersion> coreVersion;
    QString pythonPath; ///< the interpreter ansible-playbook runs on
    QStringList missingModules;
    QString problem; ///< why something could not be found out; empty when all went well

    static QStringList requiredModules() { return {QStringLiteral("netaddr"), QStringLiteral("jmespath")}; }

    /// Finds and asks ansible-playbook (the venv's first, then PATH). Blocking, a few seconds at most:
    /// call it from a worker thread in the GUI.
    static AnsibleEnvironment detect(const Checkout &checkout);
    /// The same for a given ansible-playbook.
    static AnsibleEnvironment inspect(const QString &playbookPath, bool fromVenv);
};

} // namespace ksw
