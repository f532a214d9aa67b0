// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

namespace ksw::cli {

/// `kubespray-wizard check --inventory PATH [--site FILE] [--json] [--kubespray-version V] [--lang en|ja]`
int runCheck(const QStringList &arguments, Console console);

/// Prints findings as `check` does (severity, code, message, explanation, origins, proposed fix), then the counts.
void printFindings(const QList<Finding> &findings, QTextStream &out);

} // namespace ksw::cli
