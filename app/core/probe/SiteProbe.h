// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "probe/DnsProbe.h"
#include "probe/RegistryProbe.h"
#include "site/SiteProfile.h"

#include <QList>
#include <QObject>

namespace ksw {

/// What the network answered about a site profile's registries and DNS servers.
struct ProbeReport {
    QList<RegistryProbe::Result> registries;
    QList<DnsProbe::Result> dns;

    const RegistryProbe::Result *registry(const QString &host) const;
    /// The profile with every registry scheme nobody stated decided by the probe (http-only → http,
    /// https or https-untrusted → https). Stated schemes stay: they are the person's word.
    SiteProfile completed(const SiteProfile &site) const;
    /// Names that only a company DNS server resolves (what pods will miss without forwarding).
    QStringList namesOnlyCompanyDnsKnows() const;
};

/// Probes everything a site profile names: each company DNS server with every domain name of the profile (and
/// the verification image's registry), then each registry (and the verification image on its registry). A
/// registry's name is resolved as a node would: through the company DNS servers of the profile; when none of them
/// knows it, the profile's address for that service is used — never this machine's resolver, which may not know
/// company names. Only a registry that no service describes is left to this machine's resolver.
class SiteProbe : public QObject {
    Q_OBJECT

public:
    explicit SiteProbe(QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeout = milliseconds; }
    /// Emits progress() as each probe ends, then finished() once.
    void start(const SiteProfile &site);
    bool isRunning() const { return m_pending > 0; }
    void abort();

signals:
    void progress(int done, int total, const QString &what);
    void finished(const ksw::ProbeReport &report);

private:
    void startDns(const QList<SiteProfile::Service> &servers, const QStringList &names);
    void startRegistries();
    /// Where to connect for `registry`, from what the company DNS answered.
    RegistryProbe::Resolution resolve(const SiteProfile::Registry &registry) const;
    void oneDone(const QString &what);

    SiteProfile m_site;
    QStringList m_dnsOrder; ///< the profile's DNS servers, in its order: the first that knows a name decides
    int m_dnsPending = 0;
    int m_timeout = 5000;
    int m_pending = 0;
    int m_total = 0;
    ProbeReport m_report;
    QList<QObject *> m_probes;
};

} // namespace ksw
