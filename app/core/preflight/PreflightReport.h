// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What the preflight (resources/ansible/preflight.yml) found on each node: its addresses and routes as `ip -j`
// shows them, its resolv.conf, each company name as each company DNS server answered the node, and each registry's
// answer to GET /v2/ from the node; plus what kept a node from being examined (unreachable, a failed task).
// The playbook writes one JSON file per node ("<inventory host>.json", format 1); this reads them.

#include "net/Cidr.h"
#include "net/IpAddress.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

struct PreflightReport {
    /// An address of an interface (`ip -j address show`: addr_info[].local/prefixlen).
    struct Address {
        QString device;
        IpAddress address;
        int prefixLength = 0;
        QString scope; ///< global, link, host

        /// The network the address lies in ("192.168.56.0/24").
        Cidr network() const;
        /// "192.168.56.10/24"
        QString toString() const;
    };

    /// A route of the main table (`ip -j -4/-6 route show`).
    struct Route {
        QString destination;       ///< "default" or the CIDR as ip prints it ("10.0.0.0/8", a host route as "1.2.3.4")
        std::optional<Cidr> range; ///< the destination as a range; nothing for default (and unparsable text)
        QString device;
        QString gateway;
        QString protocol; ///< kernel, boot, static, dhcp, bird…
        QString scope;
        QString type; ///< empty for unicast; blackhole, unreachable, prohibit…

        bool isDefault() const { return destination == u"default"; }
        /// "10.0.0.0/8 via 192.168.56.1 dev eth0", as `ip route` prints it.
        QString toString() const;
    };

    /// One name as one company DNS server answered it to the node.
    struct Resolution {
        QString name;
        QString server;
        QStringList addresses;
        QString errorKind; ///< name-not-found, no-address, timeout, refused, server-error, unreachable, …; empty = ok
        QString error;     ///< the node's words (English)

        bool resolved() const { return errorKind.isEmpty() && !addresses.isEmpty(); }
    };

    /// One registry's answer to GET /v2/ from the node.
    struct RegistryCheck {
        QString host;   ///< "host" or "host:port"
        QString scheme; ///< the scheme that was used: http or https
        QString url;
        int status = 0;     ///< the HTTP status; 0 when no answer came
        QString apiVersion; ///< Docker-Distribution-Api-Version header (a registry sends it)
        QString errorKind;  ///< refused, timeout, name-not-found, certificate, tls, protocol, unreachable, error
        QString error;      ///< the node's words (English)

        bool reached() const { return status > 0; }
    };

    struct Host {
        QString name;             ///< the inventory host name
        bool examined = false;    ///< its results file was read
        bool unreachable = false; ///< Ansible could not connect
        QStringList errors;       ///< what went wrong on this host (Ansible's or the node's words)
        QList<Address> addresses;
        QList<Route> routes;
        QStringList nameservers; ///< resolv.conf, in order
        QStringList search;      ///< resolv.conf search (or domain) entries
        QList<Resolution> resolutions;
        QList<RegistryCheck> registries;
    };

    QList<Host> hosts; ///< sorted by name

    const Host *host(const QString &name) const;
    Host &hostEntry(const QString &name); ///< the host, added (in name order) when missing

    /// One results file of the playbook; errors name `file` and the field.
    static Expected<Host> parseHostFile(const QByteArray &json, const QString &file);
    /// Every "*.json" of the folder the playbook wrote.
    static Expected<PreflightReport> readFolder(const QString &folder);

    /// `ip -j address show` output. Interfaces without addresses are fine; nothing on error (with the reason).
    static std::optional<QList<Address>> parseAddresses(const QByteArray &json, QString *error);
    /// `ip -j route show` output (either family).
    static std::optional<QList<Route>> parseRoutes(const QByteArray &json, QString *error);
    /// nameserver and search/domain lines of a resolv.conf (comments, options and unknown lines skipped).
    static void parseResolvConf(const QByteArray &text, QStringList *nameservers, QStringList *search);
};

} // namespace ksw
