// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "probe/SiteProbe.h"

#include <QCoreApplication>
#include <QHostAddress>
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
    const auto untrusted = [&](const QString &host) {
        const RegistryProbe::Result *result = registry(host);
        return result && result->verdict == RegistryProbe::Verdict::HttpsUntrusted;
    };
    SiteProfile profile = site;
    QList<SiteProfile::Service> services = site.services();
    for (SiteProfile::Service &service : services) {
        if (service.role != SiteProfile::Role::Registry)
            continue;
        const QString host = SiteProfile::registryHost(service);
        if (service.scheme == SiteProfile::Scheme::Unknown)
            service.scheme = schemeOf(host);
        // A certificate nobody vouches for and a profile that says nothing about trust: containerd must skip the
        // check. A stated tls (verify, skip-verify, ca-file) is the person's word and stays.
        if (service.scheme == SiteProfile::Scheme::Https && service.tls == SiteProfile::Tls::Unstated &&
            untrusted(host)) {
            service.tls = SiteProfile::Tls::SkipVerify;
            service.tlsFromProbe = true;
        }
    }
    profile.setServices(services);
    for (const SiteProfile::Registry &registry : site.registries()) {
        if (!registry.serviceName.isEmpty())
            continue;
        if (registry.scheme == SiteProfile::Scheme::Unknown)
            profile.setProbedScheme(registry.host, schemeOf(registry.host));
        if (untrusted(registry.host))
            profile.setProbedUntrusted(registry.host);
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

namespace {

/// The host name of "name[:port]"; empty for an address.
QString hostName(const QString &registryHost) {
    if (registryHost.startsWith(QLatin1Char('[')))
        return {};
    const QString name = registryHost.section(QLatin1Char(':'), 0, 0);
    return QHostAddress(name).isNull() ? name : QString();
}

} // namespace

void SiteProbe::start(const SiteProfile &site) {
    abort();
    m_report = {};
    m_site = site;
    QStringList names;
    for (const SiteProfile::Service &service : site.services()) {
        for (const QString &domain : service.domains) {
            if (!names.contains(domain, Qt::CaseInsensitive))
                names.append(domain);
        }
    }
    // The verification image's registry, when no service describes it, is resolved like the others.
    for (const SiteProfile::Registry &registry : site.registries()) {
        const QString name = hostName(registry.host);
        if (registry.serviceName.isEmpty() && !name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    const QList<SiteProfile::Service> servers = site.dnsServers();
    m_dnsOrder.clear();
    for (const SiteProfile::Service &server : servers)
        m_dnsOrder.append(server.address.toString());
    m_dnsPending = names.isEmpty() ? 0 : static_cast<int>(servers.size());
    m_total = static_cast<int>(site.registries().size()) + m_dnsPending;
    m_pending = m_total;
    if (m_total == 0) {
        // Nothing to ask: still answer asynchronously, as the callers expect.
        QTimer::singleShot(0, this, [this] { emit finished(m_report); });
        return;
    }
    if (m_dnsPending > 0)
        startDns(servers, names);
    else
        startRegistries();
}

void SiteProbe::startDns(const QList<SiteProfile::Service> &servers, const QStringList &names) {
    for (const SiteProfile::Service &server : servers) {
        auto *probe = new DnsProbe(this);
        probe->setTimeout(m_timeout);
        m_probes.append(probe);
        connect(probe, &DnsProbe::finished, this, [this, probe](const DnsProbe::Result &result) {
            m_report.dns.append(result);
            m_probes.removeOne(probe);
            probe->deleteLater();
            // The registries go next: their names are resolved from these answers.
            if (--m_dnsPending == 0)
                startRegistries();
            oneDone(result.server);
        });
        probe->start(server.address.toString(), names);
    }
}

RegistryProbe::Resolution SiteProbe::resolve(const SiteProfile::Registry &registry) const {
    using Via = RegistryProbe::Resolution::Via;
    RegistryProbe::Resolution resolution;
    resolution.name = hostName(registry.host);
    if (resolution.name.isEmpty()) {
        resolution.via = Via::Literal;
        return resolution;
    }
    for (const QString &server : m_dnsOrder) {
        for (const DnsProbe::Result &result : m_report.dns) {
            if (result.server != server)
                continue;
            for (const DnsProbe::NameResult &name : result.names) {
                if (name.name.compare(resolution.name, Qt::CaseInsensitive) != 0 || name.viaServer.isEmpty())
                    continue;
                // IPv4 first, as a node with both would usually connect.
                QString address = name.viaServer.first();
                for (const QString &candidate : name.viaServer) {
                    if (QHostAddress(candidate).protocol() == QAbstractSocket::IPv4Protocol) {
                        address = candidate;
                        break;
                    }
                }
                resolution.via = Via::CompanyDns;
                resolution.address = address;
                resolution.dnsServer = server;
                return resolution;
            }
        }
    }
    resolution.companyDnsAsked = !m_report.dns.isEmpty();
    if (!registry.address.isEmpty()) {
        resolution.via = Via::ProfileAddress;
        resolution.address = registry.address;
    }
    return resolution;
}

void SiteProbe::startRegistries() {
    const QString imageRegistry = SiteProfile::registryOfImage(m_site.verificationImage());
    for (const SiteProfile::Registry &registry : m_site.registries()) {
        const RegistryProbe::Resolution resolution = resolve(registry);
        auto *probe = new RegistryProbe(this);
        probe->setTimeout(m_timeout);
        probe->setConnectAddress(resolution.address);
        m_probes.append(probe);
        connect(probe, &RegistryProbe::finished, this,
                [this, probe, resolution](const RegistryProbe::Result &finished) {
                    RegistryProbe::Result result = finished;
                    if (result.verdict != RegistryProbe::Verdict::InvalidInput) {
                        result.resolution = resolution;
                        // Said first: every finding and report built from the detail then tells how it was reached.
                        const QString how = resolution.sentence();
                        if (!how.isEmpty())
                            result.detail = result.detail.isEmpty() ? how : how + QLatin1Char(' ') + result.detail;
                    }
                    m_report.registries.append(result);
                    m_probes.removeOne(probe);
                    probe->deleteLater();
                    oneDone(result.host);
                });
        probe->start(registry.host, registry.host == imageRegistry ? m_site.verificationImage() : QString());
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
    m_dnsPending = 0;
}

} // namespace ksw
