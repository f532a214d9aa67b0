// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"
#include "kubespray/AnsibleEnvironment.h"
#include "kubespray/Checkout.h"
#include "kubespray/ClusterConfig.h"
#include "preflight/PreflightReport.h"
#include "probe/SiteProbe.h"
#include "site/SiteProfile.h"
#include "util/Expected.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ksw {

/// Everything known about one inventory: its checkout, effective settings, site profile and findings.
/// The command line and the wizard both start here.
class Assessment {
public:
    struct Request {
        QString inventoryPath;
        QString siteProfilePath;                          ///< optional
        std::optional<KubesprayVersion> kubesprayVersion; ///< overrides detection
        bool inspectAnsible = true;                       ///< runs ansible-playbook --version (a second or two)
    };

    /// Loads and analyses. Blocking (it may run git and ansible-playbook): use a worker thread in the GUI.
    static Expected<Assessment> run(const Request &request);

    const Checkout &checkout() const { return m_checkout; }
    const ClusterConfig &config() const { return *m_config; }
    const std::optional<SiteProfile> &site() const { return m_site; }
    /// True when the site profile is the one kept from an earlier run rather than one given now.
    bool siteProfileWasKept() const { return m_siteWasKept; }
    const std::optional<AnsibleEnvironment> &ansible() const { return m_ansible; }
    const QList<Finding> &findings() const { return m_findings; }

    /// Reads the inventory from disk again and analyses it with `site`, keeping what was found out about the
    /// checkout and Ansible (after a save or restore).
    std::optional<Error> reload(const std::optional<SiteProfile> &site);
    /// Takes what the network answered into account: registry schemes nobody stated are decided by the probe,
    /// and the probe's own findings join the others.
    void applyProbe(const ProbeReport &report);
    const std::optional<ProbeReport> &probe() const { return m_probe; }
    /// Takes what the nodes answered (the preflight run) into account: their routes and addresses join the ranges'
    /// conflicts (and the fix avoids them), and what the nodes could not reach or resolve becomes findings.
    void applyPreflight(const PreflightReport &report);
    const std::optional<PreflightReport> &preflight() const { return m_preflight; }

    bool hasBlocking() const;
    /// Blocking or warning findings: what makes `check` exit 1.
    bool hasProblems() const;

private:
    /// Runs the Analyzer over everything known so far.
    void analyze();

    Checkout m_checkout;
    std::shared_ptr<ClusterConfig> m_config;
    std::optional<SiteProfile> m_site;
    bool m_siteWasKept = false;
    std::optional<AnsibleEnvironment> m_ansible;
    std::optional<ProbeReport> m_probe;
    std::optional<PreflightReport> m_preflight;
    QList<Finding> m_findings;
};

} // namespace ksw
