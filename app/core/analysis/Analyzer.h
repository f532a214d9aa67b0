// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"

#include <QList>
#include <QStringList>

namespace ksw {

class Checkout;
class ClusterConfig;
class SiteProfile;
struct AnsibleEnvironment;
struct PreflightReport;
struct ProbeReport;

/// Everything the analysis looks at. Only `config` is required.
struct AnalysisInput {
    const ClusterConfig *config = nullptr;
    const Checkout *checkout = nullptr;
    const AnsibleEnvironment *ansible = nullptr; ///< skipped when null (the caller did not look)
    const SiteProfile *site = nullptr;           ///< company services; skipped when null
    const ProbeReport *probe = nullptr;          ///< what the network answered; skipped when null
    const PreflightReport *preflight = nullptr;  ///< what the nodes answered (preflight run); skipped when null
};

/// Finds the faults of an inventory: address conflicts, registries, DNS, artifacts, Ansible, layout.
class Analyzer {
public:
    /// Blocking findings first, then warnings, then information; stable order within each.
    static QList<Finding> analyze(const AnalysisInput &input);

    /// Every code the analyzer can raise, with its severity and topic: the one place they are set.
    static const QList<FindingKind> &kinds();
    static std::optional<FindingKind> kind(const QString &code);
    /// The codes only a preflight report raises (what `preflight` prints).
    static QStringList preflightCodes();
};

} // namespace ksw
