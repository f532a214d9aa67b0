// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"

#include <QList>

namespace ksw {

class Checkout;
class ClusterConfig;
class SiteProfile;
struct AnsibleEnvironment;
struct ProbeReport;

/// Everything the analysis looks at. Only `config` is required.
struct AnalysisInput {
    const ClusterConfig *config = nullptr;
    const Checkout *checkout = nullptr;
    const AnsibleEnvironment *ansible = nullptr; ///< skipped when null (the caller did not look)
    const SiteProfile *site = nullptr;           ///< company services; skipped when null
    const ProbeReport *probe = nullptr;          ///< what the network answered; skipped when null
};

/// Finds the faults of an inventory: address conflicts, registries, DNS, artifacts, Ansible, layout.
class Analyzer {
public:
    /// Blocking findings first, then warnings, then information; stable order within each.
    static QList<Finding> analyze(const AnalysisInput &input);

    /// Every code the analyzer can raise, with its severity (for docs and tests).
    static QList<std::pair<QString, Finding::Severity>> codes();
};

} // namespace ksw
