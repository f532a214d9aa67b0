// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

namespace ksw::cli {

/// `kubespray-wizard apply --inventory PATH [--site FILE] [--dry-run] [--kubespray-version V]`
int runApply(const QStringList &arguments, Console console);

} // namespace ksw::cli
