// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "session/WizardSession.h"

#include "analysis/Analyzer.h"
#include "store/InventoryStore.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QThread>

namespace ksw {

WizardSession::WizardSession(QObject *parent)
    : QObject(parent) {}

WizardSession::~WizardSession() {
    waitForOpen();
}

void WizardSession::open(const QString &inventoryPath, const QString &siteProfilePath,
                         std::optional<KubesprayVersion> kubesprayVersion) {
    if (m_busy)
        return;
    m_request = {inventoryPath, siteProfilePath, kubesprayVersion, true};
    m_busy = true;
    emit busyChanged(true);

    auto result = std::make_shared<Expected<Assessment>>(Error{});
    const Assessment::Request request = m_request;
    // git describe and ansible-playbook --version take a second or two: never on the GUI thread.
    m_worker = QThread::create([result, request] { *result = Assessment::run(request); });
    connect(m_worker, &QThread::finished, this, [this, result, siteProfilePath] {
        m_worker->deleteLater();
        finishOpen(result, siteProfilePath);
    });
    m_worker->start();
}

void WizardSession::waitForOpen() {
    if (m_worker) {
        m_worker->wait();
        QCoreApplication::sendPostedEvents(this);
        // The finished() connection is queued to this thread: deliver it now.
        QCoreApplication::processEvents();
    }
}

void WizardSession::finishOpen(std::shared_ptr<Expected<Assessment>> result, const QString &siteProfilePath) {
    Q_UNUSED(siteProfilePath);
    m_busy = false;
    if (!*result) {
        emit busyChanged(false);
        emit openFailed(result->error().toString());
        return;
    }
    m_assessment = std::make_unique<Assessment>(std::move(result->value()));
    m_preflightReport.reset(); // the nodes of another inventory said it
    m_site = m_assessment->site().value_or(SiteProfile());
    m_plan = FixPlan::fromCurrent(m_assessment->config(), m_site);
    recompute();
    emit busyChanged(false);
    emit opened();
}

QString WizardSession::inventoryDirectory() const {
    return m_assessment ? m_assessment->config().inventory().directory() : QString();
}

void WizardSession::setSite(const SiteProfile &site) {
    m_site = site;
    m_siteKeepError.clear();
    if (m_assessment && !m_site.isEmpty()) {
        if (auto problem = InventoryStore(inventoryDirectory()).keepSiteProfile(m_site.toYaml()))
            m_siteKeepError = problem->toString();
    }
    if (m_assessment) {
        // Registries and DNS come from the profile; the ranges typed so far stay.
        const FixPlan fresh = FixPlan::fromCurrent(m_assessment->config(), m_site);
        m_plan.registries = fresh.registries;
        m_plan.dnsServers = fresh.dnsServers;
        m_plan.zones = fresh.zones;
        m_plan.dnsMode = fresh.dnsMode;
    }
    recompute();
}

void WizardSession::setPlan(const FixPlan &plan) {
    m_plan = plan;
    recompute();
}

void WizardSession::proposeFreeRanges() {
    if (!m_assessment)
        return;
    // The analysis of the inventory as the plan leaves it knows the first free ranges (typed values that
    // cannot be used fall back to today's).
    AnalysisInput input;
    input.config = m_plannedConfig ? m_plannedConfig.get() : &m_assessment->config();
    input.checkout = &m_assessment->checkout();
    const SiteProfile site = siteForAnalysis();
    input.site = &site;
    for (const Finding &finding : Analyzer::analyze(input)) {
        for (const SettingChange &change : finding.fix.changes) {
            if (change.key == u"kube_service_addresses")
                m_plan.serviceRange = yaml::scalarText(change.value);
            else if (change.key == u"kube_pods_subnet")
                m_plan.podRange = yaml::scalarText(change.value);
        }
    }
    recompute();
}

bool WizardSession::hasBlocking(std::optional<Topic> topic) const {
    return std::any_of(m_findings.cbegin(), m_findings.cend(), [&](const Finding &finding) {
        return finding.severity == Finding::Severity::Blocking && (!topic || finding.topic == *topic);
    });
}

SiteProfile WizardSession::siteForAnalysis() const {
    // The DNS page names the company DNS servers: what is typed there is what pods must reach. Registry
    // schemes stay the profile's: they are facts about the registry that the registry choices must fit.
    const QList<FixPlan::Problem> problems = m_plan.problems();
    const bool serversValid = std::none_of(problems.cbegin(), problems.cend(),
                                           [](const FixPlan::Problem &p) { return p.field == u"dnsServers"; });
    QStringList siteServers;
    for (const SiteProfile::Service &service : m_site.dnsServers())
        siteServers.append(service.address.toString());
    if (!serversValid || m_plan.dnsServers.isEmpty() || m_plan.dnsServers == siteServers)
        return m_site;

    SiteProfile site = m_site;
    QList<SiteProfile::Service> services;
    SiteProfile::Service templateService;
    for (const SiteProfile::Service &service : m_site.services()) {
        if (service.role == SiteProfile::Role::Dns)
            templateService = service;
        else
            services.append(service);
    }
    for (const QString &server : m_plan.dnsServers) {
        SiteProfile::Service dns = templateService;
        dns.role = SiteProfile::Role::Dns;
        dns.address = *IpAddress::parse(server);
        if (dns.name.isEmpty() || m_plan.dnsServers.size() > 1)
            dns.name = QCoreApplication::translate("WizardSession", "Company DNS %1").arg(server);
        services.append(dns);
    }
    site.setServices(services);
    return site;
}

void WizardSession::recompute() {
    if (!m_assessment)
        return;
    const ClusterConfig &config = m_assessment->config();
    m_changes = m_plan.changes(config);
    m_edit.reset();
    m_editError.clear();
    Inventory::Overlay overlay;
    const auto edit = InventoryEdit::prepare(config.inventory(), m_changes);
    if (edit) {
        m_edit = *edit;
        for (const InventoryEdit::FileEdit &file : m_edit->files())
            overlay.insert(file.path, file.after);
    } else {
        m_editError = edit.error().toString();
    }

    // The inventory as it would be after saving, analysed with the profile being edited.
    auto planned = Inventory::load(config.inventory().hostsFilePath(), overlay);
    if (planned) {
        m_plannedConfig = std::make_unique<ClusterConfig>(std::move(*planned), config.defaults(), config.version());
        AnalysisInput input;
        input.config = m_plannedConfig.get();
        input.checkout = &m_assessment->checkout();
        input.ansible = m_assessment->ansible() ? &*m_assessment->ansible() : nullptr;
        const SiteProfile site = siteForAnalysis();
        input.site = &site;
        input.probe = m_probeReport ? &*m_probeReport : nullptr;
        input.preflight = m_preflightReport ? &*m_preflightReport : nullptr;
        m_findings = Analyzer::analyze(input);
    } else {
        m_editError = planned.error().toString();
        m_findings = m_assessment->findings();
    }
    emit changed();
}

Expected<History::Entry> WizardSession::save() {
    if (!m_assessment)
        return Error{{}, {}, QCoreApplication::translate("WizardSession", "No inventory is open.")};
    if (!m_edit)
        return Error{{inventoryDirectory()}, {}, m_editError};
    History history(inventoryDirectory());
    QStringList keys;
    for (const SettingChange &change : m_changes.changes())
        keys.append(change.key);
    const auto entry = m_edit->write(history, QStringLiteral("wizard: ") + keys.join(QStringLiteral(", ")));
    if (!entry)
        return entry;
    if (!m_site.isEmpty()) {
        if (auto problem = InventoryStore(inventoryDirectory()).keepSiteProfile(m_site.toYaml()))
            return *problem;
    }
    reload();
    return entry;
}

void WizardSession::reload() {
    if (auto problem = m_assessment->reload(m_site.isEmpty() ? std::nullopt : std::optional<SiteProfile>(m_site)))
        m_editError = problem->toString();
    recompute();
}

void WizardSession::setPreflightReport(const PreflightReport &report) {
    m_preflightReport = report;
    if (m_assessment)
        m_assessment->applyPreflight(report);
    recompute();
}

void WizardSession::probe(int timeoutMs) {
    if (isProbing())
        return;
    if (!m_siteProbe) {
        m_siteProbe = new SiteProbe(this);
        connect(m_siteProbe, &SiteProbe::progress, this, &WizardSession::probeProgress);
        connect(m_siteProbe, &SiteProbe::finished, this, [this](const ProbeReport &report) {
            m_probeReport = report;
            m_site = report.completed(m_site);
            // What the registry answered decides the schemes nobody chose; an untrusted certificate needs
            // skip_verify to be pulled from at all.
            for (FixPlan::Registry &registry : m_plan.registries) {
                const RegistryProbe::Result *result = report.registry(registry.host);
                if (!result || registry.scheme != SiteProfile::Scheme::Unknown)
                    continue;
                if (result->verdict == RegistryProbe::Verdict::HttpOnly) {
                    registry.scheme = SiteProfile::Scheme::Http;
                    registry.skipVerify = true;
                } else if (result->verdict == RegistryProbe::Verdict::HttpsUntrusted) {
                    registry.scheme = SiteProfile::Scheme::Https;
                    registry.skipVerify = true;
                } else if (result->verdict == RegistryProbe::Verdict::Https) {
                    registry.scheme = SiteProfile::Scheme::Https;
                }
            }
            recompute();
            emit probeFinished();
        });
    }
    m_siteProbe->setTimeout(timeoutMs);
    m_siteProbe->start(m_site);
}

QList<History::Entry> WizardSession::history() const {
    return m_assessment ? History(inventoryDirectory()).entries() : QList<History::Entry>();
}

Expected<History::Entry> WizardSession::restore(const QString &entryId) {
    if (!m_assessment)
        return Error{{}, {}, QCoreApplication::translate("WizardSession", "No inventory is open.")};
    History history(inventoryDirectory());
    const auto entry = InventoryEdit::restore(inventoryDirectory(), history, entryId);
    if (entry)
        reload();
    return entry;
}

} // namespace ksw
