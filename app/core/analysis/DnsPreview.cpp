// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/DnsPreview.h"

#include "net/Cidr.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ksw {

namespace {

/// One item of coredns_external_zones / nodelocaldns_external_zones.
struct Zone {
    QStringList zones;
    QStringList nameservers;
    QString cache;
    QStringList rewrites;
};

QList<Zone> zonesOf(const YAML::Node &list, int defaultCache) {
    QList<Zone> result;
    if (!list.IsDefined() || !list.IsSequence())
        return result;
    for (const auto &item : list) {
        if (!item.IsMap())
            continue;
        Zone zone;
        zone.zones = yaml::toStringList(item["zones"]).value_or(QStringList());
        zone.nameservers = yaml::toStringList(item["nameservers"]).value_or(QStringList());
        zone.cache = item["cache"].IsDefined() ? yaml::scalarText(item["cache"]) : QString::number(defaultCache);
        zone.rewrites = yaml::toStringList(item["rewrite"]).value_or(QStringList());
        result.append(zone);
    }
    return result;
}

/// A scalar variable, following a plain "{{ other }}" reference (dns_domain: "{{ cluster_name }}").
QString resolved(const ClusterConfig &config, const QString &name, const QString &fallback, int depth = 0) {
    const YAML::Node value = config.value(name).value;
    if (!value.IsDefined() || value.IsNull() || !value.IsScalar())
        return fallback;
    const QString text = yaml::scalarText(value).trimmed();
    if (!yaml::isTemplate(value))
        return text;
    static const QRegularExpression reference(QStringLiteral("^\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}$"));
    const QRegularExpressionMatch match = reference.match(text);
    if (match.hasMatch() && depth < 5)
        return resolved(config, match.captured(1), fallback, depth + 1);
    return fallback;
}

/// Everything the templates of coredns-config.yml.j2 and nodelocaldns-config.yml.j2 forward by.
struct DnsSetup {
    QString mode;
    bool nodeLocal = false;
    QString nodeLocalIp;
    QString domain;
    QStringList clusterDns; ///< skydns_server (and skydns_server_secondary for coredns_dual)
    QStringList upstream;   ///< empty: /etc/resolv.conf
    QList<Zone> coreZones;
    QList<Zone> localZones;

    explicit DnsSetup(const ClusterConfig &config) {
        mode = resolved(config, QStringLiteral("dns_mode"), QStringLiteral("coredns"));
        nodeLocal = config.nodeLocalDnsEnabled();
        nodeLocalIp = resolved(config, QStringLiteral("nodelocaldns_ip"), QStringLiteral("169.254.25.10"));
        domain = resolved(config, QStringLiteral("dns_domain"),
                          resolved(config, QStringLiteral("cluster_name"), QStringLiteral("cluster.local")));

        // skydns_server is the third address of the service range unless the inventory names one.
        const auto services =
            Cidr::parse(resolved(config, QStringLiteral("kube_service_addresses"), QStringLiteral("10.233.0.0/18")));
        const auto nth = [&](const QString &variable, quint64 offset) {
            const QString named = resolved(config, variable, QString());
            if (!named.isEmpty())
                return named;
            if (!services.cidr)
                return QStringLiteral("skydns_server");
            const auto address = services.cidr->network().added(offset);
            return address ? address->toString() : QString();
        };
        clusterDns.append(nth(QStringLiteral("skydns_server"), 3));
        if (mode == u"coredns_dual")
            clusterDns.append(nth(QStringLiteral("skydns_server_secondary"), 4));

        const YAML::Node servers = config.value(QStringLiteral("upstream_dns_servers")).value;
        upstream = yaml::isTemplate(servers) ? QStringList{yaml::scalarText(servers)}
                                             : yaml::toStringList(servers).value_or(QStringList());
        upstream.removeAll(QString());
        coreZones = zonesOf(config.value(QStringLiteral("coredns_external_zones")).value, 5);
        localZones = zonesOf(config.value(QStringLiteral("nodelocaldns_external_zones")).value, 30);
    }

    bool kubesprayDns() const { return mode == u"coredns" || mode == u"coredns_dual"; }
    QString forwardTarget() const {
        return upstream.isEmpty() ? QStringLiteral("/etc/resolv.conf") : upstream.join(u' ');
    }
    QString upstreamWords() const {
        return upstream.isEmpty()
                   ? QCoreApplication::translate("DnsPreview", "the DNS servers in the node's /etc/resolv.conf")
                   : upstream.join(QStringLiteral(", "));
    }
};

QString zoneBlock(const Zone &zone, const QString &bind) {
    QString text = zone.zones.join(u' ') + QStringLiteral(" {\n");
    if (!bind.isEmpty())
        text += QStringLiteral("    bind ") + bind + u'\n';
    for (const QString &rule : zone.rewrites)
        text += QStringLiteral("    rewrite ") + rule + u'\n';
    text += QStringLiteral("    forward . ") + zone.nameservers.join(u' ') + u'\n';
    text += QStringLiteral("    cache ") + zone.cache + QStringLiteral("\n}\n");
    return text;
}

QString forwardBlock(const QString &name, const QString &bind, const QString &target) {
    return name + QStringLiteral(" {\n    bind ") + bind + QStringLiteral("\n    forward . ") + target +
           QStringLiteral("\n}\n");
}

} // namespace

QStringList DnsPreview::summary(const ClusterConfig &config) {
    const DnsSetup dns(config);
    if (!dns.kubesprayDns())
        return {QCoreApplication::translate(
                    "DnsPreview", "dns_mode is %1: Kubespray does not set up CoreDNS, so it decides no forwarding.")
                    .arg(dns.mode)};
    QStringList lines;
    const QString coreDns = dns.clusterDns.join(QStringLiteral(", "));
    if (dns.nodeLocal) {
        lines.append(QCoreApplication::translate("DnsPreview", "Pods ask NodeLocalDNS at %1 on their own node.")
                         .arg(dns.nodeLocalIp));
        lines.append(QCoreApplication::translate(
                         "DnsPreview", "NodeLocalDNS sends cluster names (%1) and reverse lookups to CoreDNS at %2.")
                         .arg(dns.domain, coreDns));
        for (const Zone &zone : dns.localZones)
            lines.append(QCoreApplication::translate("DnsPreview", "NodeLocalDNS sends %1 to %2.")
                             .arg(zone.zones.join(QStringLiteral(", ")), zone.nameservers.join(QStringLiteral(", "))));
        lines.append(QCoreApplication::translate("DnsPreview", "NodeLocalDNS sends every other name straight to %1.")
                         .arg(dns.upstreamWords()));
        for (const Zone &zone : dns.coreZones)
            lines.append(
                QCoreApplication::translate(
                    "DnsPreview", "CoreDNS would send %1 to %2, but NodeLocalDNS never passes these names to it.")
                    .arg(zone.zones.join(QStringLiteral(", ")), zone.nameservers.join(QStringLiteral(", "))));
    } else {
        lines.append(QCoreApplication::translate("DnsPreview", "Pods ask CoreDNS at %1.").arg(coreDns));
        lines.append(
            QCoreApplication::translate("DnsPreview", "CoreDNS answers cluster names (%1) itself.").arg(dns.domain));
        for (const Zone &zone : dns.coreZones)
            lines.append(QCoreApplication::translate("DnsPreview", "CoreDNS sends %1 to %2.")
                             .arg(zone.zones.join(QStringLiteral(", ")), zone.nameservers.join(QStringLiteral(", "))));
        lines.append(QCoreApplication::translate("DnsPreview", "CoreDNS sends every other name to %1.")
                         .arg(dns.upstreamWords()));
    }
    return lines;
}

QList<DnsPreview::Server> DnsPreview::render(const ClusterConfig &config) {
    const DnsSetup dns(config);
    if (!dns.kubesprayDns())
        return {};
    QString core;
    for (const Zone &zone : dns.coreZones)
        core += zoneBlock(zone, {});
    core += QStringLiteral(".:53 {\n    kubernetes ") + dns.domain + QStringLiteral(" in-addr.arpa ip6.arpa\n") +
            QStringLiteral("    forward . ") + dns.forwardTarget() + QStringLiteral("\n}\n");
    QList<Server> servers{{QStringLiteral("CoreDNS"), core}};
    if (!dns.nodeLocal)
        return servers;

    QString local;
    for (const Zone &zone : dns.localZones)
        local += zoneBlock(zone, dns.nodeLocalIp);
    const QString clusterDns = dns.clusterDns.join(u' ');
    for (const QString &zone : {dns.domain, QStringLiteral("in-addr.arpa"), QStringLiteral("ip6.arpa")})
        local += forwardBlock(zone + QStringLiteral(":53"), dns.nodeLocalIp, clusterDns);
    local += forwardBlock(QStringLiteral(".:53"), dns.nodeLocalIp, dns.forwardTarget());
    servers.append({QStringLiteral("NodeLocalDNS"), local});
    return servers;
}

QString DnsPreview::toText(const ClusterConfig &config) {
    QString text = summary(config).join(u'\n') + u'\n';
    for (const Server &server : render(config)) {
        text += QStringLiteral("\n# ") + server.name + QStringLiteral(" (ConfigMap kube-system/") +
                server.name.toLower() + QStringLiteral(")\n") + server.corefile;
    }
    return text;
}

} // namespace ksw
