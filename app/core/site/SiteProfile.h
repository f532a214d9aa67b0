// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "net/Cidr.h"
#include "net/IpAddress.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// What the company network offers that a cluster must respect (docs/site-profile.md).
class SiteProfile {
public:
    enum class Role { Dns, Registry, Other };
    enum class Scheme { Unknown, Http, Https };
    /// How containerd must check a registry's certificate (`tls:`; registries with scheme https only).
    enum class Tls {
        Unstated,   ///< not said: containerd's default (verify), unless a probe finds the certificate untrusted
        Verify,     ///< the nodes trust the certificate already
        SkipVerify, ///< nobody vouches for it: containerd must not check it
        CaFile,     ///< the nodes hold the CA that signed it, at `caFile`
    };

    struct Service {
        QString name;
        IpAddress address;
        QStringList domains;
        Role role = Role::Other;
        Scheme scheme = Scheme::Unknown; ///< registries only
        int port = 0;                    ///< registries only; 0 = the scheme's default
        Tls tls = Tls::Unstated;         ///< registries with scheme https only
        QString caFile;                  ///< with Tls::CaFile: an absolute path on the nodes
        bool tlsFromProbe = false;       ///< `tls` was decided by a probe, not stated in the file
        int line = 0;
    };

    struct Network {
        QString name;
        Cidr range;
        int line = 0;
    };

    /// A registry the cluster pulls from, as containerd names it ("host" or "host:port").
    struct Registry {
        QString host;
        Scheme scheme = Scheme::Unknown;
        QString serviceName; ///< empty when it is only known from the verification image
        Tls tls = Tls::Unstated;
        QString caFile;
        bool tlsFromProbe = false;
        /// The address the profile gives for it (empty when only the verification image names it).
        QString address;
    };

    static Expected<SiteProfile> load(const QString &path);
    static Expected<SiteProfile> parse(const QByteArray &bytes, const QString &path);

    /// A profile built in the wizard; `path` is where it came from or will be saved (may be empty).
    void setPath(const QString &path) { m_path = path; }
    void setServices(const QList<Service> &services) { m_services = services; }
    void setZones(const QStringList &zones) { m_zones = zones; }
    void setNetworks(const QList<Network> &networks) { m_networks = networks; }
    void setVerificationImage(const QString &image) { m_verificationImage = image; }
    /// The scheme a probe found for a registry that no service names (the verification image's registry).
    void setProbedScheme(const QString &registryHost, Scheme scheme) { m_probedSchemes.insert(registryHost, scheme); }
    /// Certificate checks off for a registry that no service names, because a probe found nobody vouches for it.
    void setProbedUntrusted(const QString &registryHost) { m_probedUntrusted.insert(registryHost); }
    /// The profile in the documented format (docs/site-profile.md); parse() reads it back unchanged.
    QByteArray toYaml() const;
    /// True for a DNS name as the profile accepts it (letters, digits, '-', '_', dots; 253 characters at most).
    static bool isDomainName(const QString &name);

    QString path() const { return m_path; }
    const QList<Service> &services() const { return m_services; }
    const QStringList &zones() const { return m_zones; }
    const QList<Network> &networks() const { return m_networks; }
    QString verificationImage() const { return m_verificationImage; }

    QList<Service> dnsServers() const;
    /// Registries of the services, then the verification image's registry when it is not one of them.
    QList<Registry> registries() const;
    bool isEmpty() const { return m_services.isEmpty() && m_networks.isEmpty() && m_zones.isEmpty(); }

    /// The registry part of an image reference as containerd resolves it ("docker.io" when there is none).
    static QString registryOfImage(const QString &image);
    /// "host" or "host:port" of a registry service: its first domain name, else its address.
    static QString registryHost(const Service &service);
    static QString schemeName(Scheme scheme);
    /// "verify", "skip-verify", "ca-file" (and "" for Unstated), as the file spells them.
    static QString tlsName(Tls tls);

private:
    QString m_path;
    QList<Service> m_services;
    QStringList m_zones;
    QList<Network> m_networks;
    QString m_verificationImage;
    QMap<QString, Scheme> m_probedSchemes;
    QSet<QString> m_probedUntrusted;
};

} // namespace ksw
