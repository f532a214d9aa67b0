// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/Assessment.h"

#include "analysis/Analyzer.h"
#include "store/FileTransaction.h"
#include "store/InventoryStore.h"

#include <algorithm>

namespace ksw {

Expected<Assessment> Assessment::run(const Request &request) {
    auto inventory = Inventory::load(request.inventoryPath);
    if (!inventory)
        return inventory.error();
    // A save killed half-way is completed or undone before anything reads the files.
    const auto recovery = FileTransaction::recover(inventory->directory());
    if (!recovery)
        return recovery.error();
    if (recovery->outcome != FileTransaction::Recovery::Outcome::NothingToDo) {
        inventory = Inventory::load(request.inventoryPath);
        if (!inventory)
            return inventory.error();
        inventory->addNote(recovery->summary());
    }

    Assessment assessment;
    QString sitePath = request.siteProfilePath;
    if (sitePath.isEmpty()) {
        sitePath = InventoryStore(inventory->directory()).siteProfilePath();
        assessment.m_siteWasKept = !sitePath.isEmpty();
    }
    if (!sitePath.isEmpty()) {
        auto site = SiteProfile::load(sitePath);
        if (!site)
            return site.error();
        assessment.m_site = std::move(*site);
    }
    assessment.m_checkout = Checkout::forInventory(inventory->hostsFilePath(), request.kubesprayVersion);
    Defaults defaults = Defaults::forCheckout(assessment.m_checkout);
    assessment.m_config =
        std::make_shared<ClusterConfig>(std::move(*inventory), std::move(defaults), assessment.m_checkout.version());
    if (request.inspectAnsible)
        assessment.m_ansible = AnsibleEnvironment::detect(assessment.m_checkout);

    assessment.analyze();
    return assessment;
}

std::optional<Error> Assessment::reload(const std::optional<SiteProfile> &site) {
    auto inventory = Inventory::load(m_config->inventory().hostsFilePath());
    if (!inventory)
        return inventory.error();
    m_config = std::make_shared<ClusterConfig>(std::move(*inventory), m_config->defaults(), m_checkout.version());
    m_site = site;
    analyze();
    return std::nullopt;
}

void Assessment::applyProbe(const ProbeReport &report) {
    m_probe = report;
    if (m_site)
        m_site = report.completed(*m_site);
    analyze();
}

void Assessment::applyPreflight(const PreflightReport &report) {
    m_preflight = report;
    analyze();
}

void Assessment::analyze() {
    AnalysisInput input;
    input.config = m_config.get();
    input.checkout = &m_checkout;
    input.ansible = m_ansible ? &*m_ansible : nullptr;
    input.site = m_site ? &*m_site : nullptr;
    input.probe = m_probe ? &*m_probe : nullptr;
    input.preflight = m_preflight ? &*m_preflight : nullptr;
    m_findings = Analyzer::analyze(input);
}

bool Assessment::hasBlocking() const {
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [](const Finding &f) { return f.severity == Finding::Severity::Blocking; });
}

bool Assessment::hasProblems() const {
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [](const Finding &f) { return f.severity != Finding::Severity::Info; });
}

} // namespace ksw
