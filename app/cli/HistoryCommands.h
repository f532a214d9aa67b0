// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

namespace ksw::cli {

/// `kubespray-wizard history --inventory PATH`
int runHistory(const QStringList &arguments, Console console);
/// `kubespray-wizard restore --inventory PATH VERSION`
int runRestore(const QStringList &arguments, Console console);

} // namespace ksw::cli
