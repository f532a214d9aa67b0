// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

namespace ksw::cli {

/// `kubespray-wizard preflight --inventory PATH [--site FILE] [--kubespray-version V] [--password-file FILE]
/// [--become-password-file FILE] [--json]`: runs the read-only preflight playbook on the inventory's nodes and
/// prints what they answered and the findings it raises.
int runPreflight(const QStringList &arguments, Console console);

} // namespace ksw::cli
