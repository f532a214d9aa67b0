// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "site/SiteProfile.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace ksw {

namespace {

class Reader {
public:
    explicit Reader(QString path)
        : m_path(std::move(path)) {}

    Error error(const YAML::Node &node, const QString &field, const QString &message) const {
        const YAML::Mark mark = node.Mark();
        if (mark.is_null())
            return Error{{m_path}, field, message};
        return Error{{m_path, mark.line + 1, mark.column + 1}, field, message};
    }

    std::optional<Error> stringList(const YAML::Node &node, const QString &field, QStringList &out) const {
        if (!node.IsDefined() || node.IsNull())
            return std::nullopt;
        const auto list = yaml::toStringList(node);
        if (!list)
            return error(node, field, QCoreApplication::translate("SiteProfile", "Expected a list of names."));
        out = *list;
        return std::nullopt;
    }

private:
    QString m_path;
};

bool isDomainName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                                                           ")(\\.[A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return pattern.match(name).hasMatch();
}

} // namespace

Expected<SiteProfile> SiteProfile::load(const QString &path) {
    QFile file(path);
    if (!file.exists())
        return Error{{path}, {}, QCoreApplication::translate("SiteProfile", "The site profile does not exist.")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            {path},
            {},
            QCoreApplication::translate("SiteProfile", "Cannot read the site profile: %1").arg(file.errorString())};
    return parse(file.readAll(), path);
}

Expected<SiteProfile> SiteProfile::parse(const QByteArray &bytes, const QString &path) {
    const auto document = YamlDocument::parse(bytes, path);
    if (!document)
        return document.error();
    const Reader reader(path);
    SiteProfile profile;
    profile.m_path = path;

    static const QStringList knownKeys = {QStringLiteral("version"), QStringLiteral("services"),
                                          QStringLiteral("zones"), QStringLiteral("networks"),
                                          QStringLiteral("verification")};
    for (const auto &key : document->keys()) {
        if (!knownKeys.contains(key.name))
            return Error{{path, key.line, key.column},
                         key.name,
                         QCoreApplication::translate(
                             "SiteProfile",
                             "Unknown key; a site profile has version, services, zones, networks and verification.")};
    }

    if (const auto version = document->value(QStringLiteral("version"))) {
        if (yaml::toInt(version->value).value_or(0) != 1)
            return Error{{path, version->line, version->column},
                         QStringLiteral("version"),
                         QCoreApplication::translate("SiteProfile", "Only version 1 of the site profile exists.")};
    }

    if (const auto services = document->value(QStringLiteral("services")); services && !services->value.IsNull()) {
        if (!services->value.IsSequence())
            return reader.error(services->value, QStringLiteral("services"),
                                QCoreApplication::translate("SiteProfile", "Expected a list of services."));
        int index = 0;
        for (const auto &item : services->value) {
            const QString field = QStringLiteral("services[%1]").arg(index++);
            if (!item.IsMap())
                return reader.error(item, field,
                                    QCoreApplication::translate(
                                        "SiteProfile", "Each service is a mapping with name, address and role."));
            Service service;
            service.line = item.Mark().line + 1;
            service.name = yaml::scalarText(item["name"]).trimmed();
            if (service.name.isEmpty())
                return reader.error(item, field + QStringLiteral(".name"),
                                    QCoreApplication::translate("SiteProfile", "Every service needs a name."));
            const YAML::Node address = item["address"];
            const auto parsed = IpAddress::parse(yaml::scalarText(address));
            if (!address.IsDefined() || !parsed)
                return reader.error(address.IsDefined() ? address : item, field + QStringLiteral(".address"),
                                    QCoreApplication::translate("SiteProfile", "“%1” is not an IPv4 or IPv6 address.")
                                        .arg(yaml::scalarText(address)));
            service.address = *parsed;
            if (auto problem = reader.stringList(item["domains"], field + QStringLiteral(".domains"), service.domains))
                return *problem;
            for (const QString &domain : std::as_const(service.domains)) {
                if (!isDomainName(domain))
                    return reader.error(
                        item["domains"], field + QStringLiteral(".domains"),
                        QCoreApplication::translate("SiteProfile", "“%1” is not a domain name.").arg(domain));
            }
            const QString role = yaml::scalarText(item["role"]).trimmed();
            if (role == u"dns")
                service.role = Role::Dns;
            else if (role == u"registry")
                service.role = Role::Registry;
            else if (role.isEmpty() || role == u"other")
                service.role = Role::Other;
            else
                return reader.error(
                    item["role"], field + QStringLiteral(".role"),
                    QCoreApplication::translate("SiteProfile", "The role is dns, registry or other, not “%1”.")
                        .arg(role));
            const QString scheme = yaml::scalarText(item["scheme"]).trimmed();
            if (scheme == u"http")
                service.scheme = Scheme::Http;
            else if (scheme == u"https")
                service.scheme = Scheme::Https;
            else if (scheme.isEmpty() || scheme == u"unknown")
                service.scheme = Scheme::Unknown;
            else
                return reader.error(
                    item["scheme"], field + QStringLiteral(".scheme"),
                    QCoreApplication::translate("SiteProfile", "The scheme is http, https or unknown, not “%1”.")
                        .arg(scheme));
            if (item["port"].IsDefined()) {
                const auto port = yaml::toInt(item["port"]);
                if (!port || *port < 1 || *port > 65535)
                    return reader.error(
                        item["port"], field + QStringLiteral(".port"),
                        QCoreApplication::translate("SiteProfile", "The port is a number from 1 to 65535."));
                service.port = static_cast<int>(*port);
            }
            profile.m_services.append(service);
        }
    }

    if (const auto zones = document->value(QStringLiteral("zones"))) {
        if (auto problem = reader.stringList(zones->value, QStringLiteral("zones"), profile.m_zones))
            return *problem;
        for (const QString &zone : std::as_const(profile.m_zones)) {
            if (!isDomainName(zone))
                return reader.error(zones->value, QStringLiteral("zones"),
                                    QCoreApplication::translate("SiteProfile", "“%1” is not a DNS zone.").arg(zone));
        }
    }

    if (const auto networks = document->value(QStringLiteral("networks")); networks && !networks->value.IsNull()) {
        if (!networks->value.IsSequence())
            return reader.error(networks->value, QStringLiteral("networks"),
                                QCoreApplication::translate("SiteProfile", "Expected a list of networks."));
        int index = 0;
        for (const auto &item : networks->value) {
            const QString field = QStringLiteral("networks[%1]").arg(index++);
            Network network;
            network.line = item.Mark().line + 1;
            YAML::Node cidrNode = item;
            if (item.IsMap()) {
                network.name = yaml::scalarText(item["name"]).trimmed();
                cidrNode = item["cidr"];
            }
            const auto parsed = Cidr::parse(yaml::scalarText(cidrNode));
            if (!parsed.cidr)
                return reader.error(cidrNode.IsDefined() ? cidrNode : YAML::Node(item), field + QStringLiteral(".cidr"),
                                    parsed.message);
            network.range = *parsed.cidr;
            if (network.name.isEmpty())
                network.name = network.range.toString();
            profile.m_networks.append(network);
        }
    }

    if (const auto verification = document->value(QStringLiteral("verification"));
        verification && !verification->value.IsNull()) {
        if (!verification->value.IsMap())
            return reader.error(verification->value, QStringLiteral("verification"),
                                QCoreApplication::translate("SiteProfile", "Expected a mapping with an image."));
        profile.m_verificationImage = yaml::scalarText(verification->value["image"]).trimmed();
    }
    return profile;
}

QList<SiteProfile::Service> SiteProfile::dnsServers() const {
    QList<Service> result;
    for (const Service &service : m_services) {
        if (service.role == Role::Dns)
            result.append(service);
    }
    return result;
}

QString SiteProfile::registryHost(const Service &service) {
    QString host = service.domains.isEmpty() ? service.address.toString() : service.domains.first();
    if (service.domains.isEmpty() && service.address.isV6())
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (service.port > 0)
        host += QLatin1Char(':') + QString::number(service.port);
    return host;
}

QList<SiteProfile::Registry> SiteProfile::registries() const {
    QList<Registry> result;
    for (const Service &service : m_services) {
        if (service.role == Role::Registry)
            result.append({registryHost(service), service.scheme, service.name});
    }
    if (!m_verificationImage.isEmpty()) {
        const QString host = registryOfImage(m_verificationImage);
        const bool known =
            std::any_of(result.cbegin(), result.cend(), [&](const Registry &r) { return r.host == host; });
        if (!known && host != u"docker.io")
            result.append({host, Scheme::Unknown, {}});
    }
    return result;
}

QString SiteProfile::registryOfImage(const QString &image) {
    // Docker's rule: the first path component is a registry when it has a dot or a colon, or is "localhost".
    const int slash = image.indexOf(u'/');
    if (slash <= 0)
        return QStringLiteral("docker.io");
    const QString first = image.left(slash);
    if (first.contains(u'.') || first.contains(u':') || first == u"localhost")
        return first;
    return QStringLiteral("docker.io");
}

QString SiteProfile::schemeName(Scheme scheme) {
    switch (scheme) {
    case Scheme::Http:
        return QStringLiteral("http");
    case Scheme::Https:
        return QStringLiteral("https");
    case Scheme::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace ksw
