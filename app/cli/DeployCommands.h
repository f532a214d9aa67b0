// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

namespace ksw::cli {

/// `kubespray-wizard deploy --inventory PATH [--reset] [--verify] [--retry-once] [--password-file FILE]
/// [--become-password-file FILE] [--force]`
int runDeploy(const QStringList &arguments, Console console);
/// `kubespray-wizard reset --inventory PATH [--password-file FILE] [--become-password-file FILE]`
int runReset(const QStringList &arguments, Console console);
/// `kubespray-wizard verify --inventory PATH [--image IMAGE] [--timeout SECONDS] [--kubectl PROGRAM] [--json]`
int runVerify(const QStringList &arguments, Console console);

/// deploy, reset and verify exit with 1 when a playbook failed or the verification job did not complete with exit
/// code 0 (their --help and the README say the same); ExitCancelled after Ctrl+C.
constexpr int ExitRunFailed = ExitFindings;

} // namespace ksw::cli
