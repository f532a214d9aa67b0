// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "probe/SiteProbe.h"

#include <QCoreApplication>
#include <QTimer>

namespace ksw {

const RegistryProbe::Result *ProbeReport::registry(const QString &host) const {
    for (const RegistryProbe::Result &result : registries) {
        if (result.host == host)
            return &result;
    }
    return nullptr;
}

SiteProfile ProbeReport::completed(const SiteProfile &site) const {
    const auto schemeOf = [&](const QString &host) {
        const RegistryProbe::Result *result = registry(host);
        if (!result)
            return SiteProfile::Scheme::Unknown;
        switch (result->verdict) {
        case RegistryProbe::Verdict::HttpOnly:
            return SiteProfile::Scheme::Http;
        case RegistryProbe::Verdict::Https:
        case RegistryProbe::Verdict::HttpsUntrusted:
        case RegistryProbe::Verdict::NeedsCredentials:
            return SiteProfile::Scheme::Https;
        default:
            return SiteProfile::Scheme::Unknown;
        }
    };
    SiteProfile profile = site;
    QList<SiteProfile::Service> services = site.services();
    for (SiteProfile::Service &service : services) {
        if (service.role == SiteProfile::Role::Registry && service.scheme == SiteProfile::Scheme::Unknown)
            service.scheme = schemeOf(SiteProfile::registryHost(service));
    }
    profile.setServices(services);
    for (const SiteProfile::Registry &registry : site.registries()) {
        if (registry.serviceName.isEmpty() && registry.scheme == SiteProfile::Scheme::Unknown)
            profile.setProbedScheme(registry.host, schemeOf(registry.host));
    }
    return profile;
}

QStringList ProbeReport::namesOnlyCompanyDnsKnows() const {
    QStringList names;
    for (const DnsProbe::Result &result : dns) {
        for (const DnsProbe::NameResult &name : result.names) {
            if (name.onlyServerKnows() && !names.contains(name.name))
                names.append(name.name);
        }
    }
    return names;
}

SiteProbe::SiteProbe(QObject *parent)
    : QObject(parent) {}

void SiteProbe::start(const SiteProfile &site) {
    abort();
    m_report = {};
    const QList<SiteProfile::Registry> registries = site.registries();
    QStringList names;
    for (const SiteProfile::Service &service : site.services())
        names += service.domains;
    const QList<SiteProfile::Service> servers = site.dnsServers();
    m_total = static_cast<int>(registries.size() + (names.isEmpty() ? 0 : servers.size()));
    m_pending = m_total;
    if (m_total == 0) {
        // Nothing to ask: still answer asynchronously, as the callers expect.
        QTimer::singleShot(0, this, [this] { emit finished(m_report); });
        return;
    }
    const QString imageRegistry = SiteProfile::registryOfImage(site.verificationImage());
    for (const SiteProfile::Registry &registry : registries) {
        auto *probe = new RegistryProbe(this);
        probe->setTimeout(m_timeout);
        m_probes.append(probe);
        connect(probe, &RegistryProbe::finished, this, [this, probe](const RegistryProbe::Result &result) {
            m_report.registries.append(result);
            m_probes.removeOne(probe);
            probe->deleteLater();
            oneDone(result.host);
        });
        probe->start(registry.host, registry.host == imageRegistry ? site.verificationImage() : QString());
    }
    if (names.isEmpty())
        return;
    for (const SiteProfile::Service &server : servers) {
        auto *probe = new DnsProbe(this);
        probe->setTimeout(m_timeout);
        m_probes.append(probe);
        connect(probe, &DnsProbe::finished, this, [this, probe](const DnsProbe::Result &result) {
            m_report.dns.append(result);
            m_probes.removeOne(probe);
            probe->deleteLater();
            oneDone(result.server);
        });
        probe->start(server.address.toString(), names);
    }
}

void SiteProbe::oneDone(const QString &what) {
    --m_pending;
    emit progress(m_total - m_pending, m_total, what);
    if (m_pending == 0)
        emit finished(m_report);
}

void SiteProbe::abort() {
    for (QObject *probe : std::as_const(m_probes)) {
        if (auto *registry = qobject_cast<RegistryProbe *>(probe))
            registry->abort();
        else if (auto *dns = qobject_cast<DnsProbe *>(probe))
            dns->abort();
        probe->deleteLater();
    }
    m_probes.clear();
    m_pending = 0;
}

} // namespace ksw
