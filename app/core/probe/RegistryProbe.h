// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QNetworkAccessManager;

namespace ksw {

/// Asks a registry, over the network, how it can be reached: HTTPS, HTTPS with a certificate nobody vouches
/// for, plain HTTP only, not at all (and why), not a registry, or only with credentials. Reads the catalog
/// and checks that an image reference exists. Asynchronous; every request is bounded in time and size and
/// never follows a redirect to another host.
///
/// How it decides: `GET /v2/` over HTTPS first. An HTTP answer there decides (200 with
/// `Docker-Distribution-Api-Version: registry/2.0` → Https; 401 with a Bearer/Basic challenge → NeedsCredentials;
/// a redirect, a 404 or no such header → NotARegistry). A certificate problem → HttpsUntrusted (if `/v2/`, asked
/// again ignoring exactly those certificate errors, answers like a registry). A name that does not resolve, or a
/// refused explicit port → Unreachable at once. Anything else at the TLS layer ("wrong version number") → the same
/// over plain HTTP, where a registry answer means HttpOnly. Then `/v2/_catalog` and `HEAD` of the image's manifest
/// over the scheme that worked. The probe talks to the registry directly, never through a proxy of this machine,
/// as a node would; redirects are reported, not followed.
class RegistryProbe : public QObject {
    Q_OBJECT

public:
    enum class Verdict { Https, HttpsUntrusted, HttpOnly, Unreachable, NotARegistry, NeedsCredentials, InvalidInput };
    enum class UnreachableReason { None, Refused, TimedOut, NameNotFound, Other };

    /// How the probe found the address it talked to (the name always goes along as HTTP Host and TLS server name).
    struct Resolution {
        enum class Via {
            Literal,        ///< the host is an address
            SystemResolver, ///< this machine's resolver
            CompanyDns,     ///< a company DNS server of the site profile answered the name
            ProfileAddress, ///< the site profile's address for the service (no company DNS knew the name)
        };
        Via via = Via::SystemResolver;
        QString address;              ///< what was connected to (empty: whatever this machine's resolver gave)
        QString dnsServer;            ///< CompanyDns: which server answered
        QString name;                 ///< the host name that was resolved
        bool companyDnsAsked = false; ///< ProfileAddress: a company DNS server was asked and did not know the name

        /// "system-resolver", "company-dns", "profile-address" or "address".
        static QString viaName(Via via);
        /// One translated sentence on how the address was found; empty for Literal.
        QString sentence() const;
    };

    struct Result {
        QString host; ///< "name" or "name:port", as given
        Resolution resolution;
        Verdict verdict = Verdict::Unreachable;
        UnreachableReason reason = UnreachableReason::None;
        /// Words for people: the certificate problem, the WWW-Authenticate realm, the network error, ...
        QString detail;
        bool catalogRead = false;
        QStringList repositories; ///< from /v2/_catalog, when readable
        QString image;            ///< the reference checked, if one was given
        std::optional<bool> imageFound;
        QString imageDetail;

        /// "https", "https-untrusted", "http-only", "unreachable", "not-a-registry", "needs-credentials", "invalid"
        static QString verdictName(Verdict verdict);
        /// One translated sentence ("HTTP only: it answers plain HTTP on /v2/ and no HTTPS.").
        QString summary() const;
    };

    explicit RegistryProbe(QObject *parent = nullptr);
    ~RegistryProbe() override;

    /// Time allowed for each request (default 5000 ms).
    void setTimeout(int milliseconds);
    /// Largest body read from any answer (default 1 MiB); more is cut off, not waited for.
    void setMaxBodyBytes(qint64 bytes);
    /// Connect to `address` (IPv4 or IPv6) instead of resolving the host name here: the name still goes along as
    /// the HTTP Host, the TLS server name (SNI) and the name the certificate must carry. Empty: resolve here.
    /// Kept for the next start() calls.
    void setConnectAddress(const QString &address);

    /// `hostPort` is "name", "name:port", "1.2.3.4:5000" or "[::1]:5000" — no scheme, no path.
    /// `imageReference` (optional) is a full reference on that registry ("host/name:tag" or "host/name@digest").
    /// Emits finished() exactly once, also for bad input (verdict InvalidInput).
    void start(const QString &hostPort, const QString &imageReference = {});
    bool isRunning() const;
    /// Stops everything; finished() is not emitted.
    void abort();

    /// Why `hostPort` is not "host[:port]"; nothing when it is.
    static std::optional<QString> hostProblem(const QString &hostPort);
    /// Splits "host/name:tag" into repository and tag (or digest); nothing for a malformed reference.
    static std::optional<std::pair<QString, QString>> splitImage(const QString &imageReference,
                                                                 const QString &registryHost);

signals:
    void finished(const ksw::RegistryProbe::Result &result);

private:
    struct State;
    State *d;
};

} // namespace ksw
