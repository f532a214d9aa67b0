// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "CommandLine.h"

#include <optional>

namespace ksw {
struct ProbeReport;
class SiteProfile;
} // namespace ksw

namespace ksw::cli {

/// `kubespray-wizard probe --site FILE [--json] [--timeout MS]`
int runProbe(const QStringList &arguments, Console console);

/// Runs every probe of `site` and waits for the report (the command line has no window to keep alive).
ProbeReport probeSite(const SiteProfile &site, int timeoutMs, Console console, bool showProgress);

} // namespace ksw::cli
