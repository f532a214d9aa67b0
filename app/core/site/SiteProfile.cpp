// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "site/SiteProfile.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace ksw {

namespace {

/// Edit distance between two keys, for the "did you mean" hint on a misspelt one.
int editDistance(const QString &a, const QString &b) {
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            current[j] =
                std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(previous, current);
    }
    return previous[b.size()];
}

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

    /// The node to point at for `key` of `map`: its value, or the key itself when the value is empty (yaml-cpp 0.7
    /// misplaces the marks of empty values) or missing (then the mapping).
    static YAML::Node anchor(const YAML::Node &map, const QString &key) {
        const std::string name = key.toStdString();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == name)
                return it->second.IsNull() ? it->first : it->second;
        }
        return map;
    }

    /// Unknown keys are errors at every level: a misspelt key would otherwise be ignored without a word.
    std::optional<Error> unknownKeys(const YAML::Node &map, const QStringList &known, const QString &field,
                                     const QString &message) const {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>(""));
            if (known.contains(key))
                continue;
            return error(it->first, field.isEmpty() ? key : field + QLatin1Char('.') + key,
                         withHint(message, key, known));
        }
        return std::nullopt;
    }

    static QString withHint(const QString &message, const QString &key, const QStringList &known) {
        QString best;
        int bestDistance = 3; // farther than two edits is not a typo
        for (const QString &candidate : known) {
            const int distance = editDistance(key.toLower(), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best.isEmpty())
            return message;
        return message + QLatin1Char(' ') + QCoreApplication::translate("SiteProfile", "Did you mean “%1”?").arg(best);
    }

    /// A single value (`name: x`); empty when absent. A list or mapping there is an error.
    std::optional<Error> scalar(const YAML::Node &map, const char *key, const QString &field, QString &out) const {
        const YAML::Node node = map[key];
        out.clear();
        if (!node.IsDefined() || node.IsNull())
            return std::nullopt;
        if (!node.IsScalar())
            return error(node, field,
                         QCoreApplication::translate("SiteProfile", "Expected a single value, not a list or mapping."));
        out = yaml::scalarText(node).trimmed();
        return std::nullopt;
    }

    /// A list of names (`domains: [a.example]`). A single name is an error that shows the list form, so that the
    /// file has one shape only.
    std::optional<Error> nameList(const YAML::Node &node, const QString &field, QStringList &out,
                                  QList<YAML::Node> &nodes) const {
        out.clear();
        nodes.clear();
        if (!node.IsDefined() || node.IsNull())
            return std::nullopt;
        if (node.IsScalar())
            return error(node, field,
                         QCoreApplication::translate("SiteProfile", "Expected a list of names: write [%1].")
                             .arg(yaml::scalarText(node)));
        if (!node.IsSequence())
            return error(node, field, QCoreApplication::translate("SiteProfile", "Expected a list of names."));
        int index = 0;
        for (const auto &item : node) {
            if (!item.IsScalar())
                return error(item, field + QStringLiteral("[%1]").arg(index),
                             QCoreApplication::translate("SiteProfile", "Expected a name, not a list or mapping."));
            out.append(yaml::scalarText(item).trimmed());
            nodes.append(item);
            ++index;
        }
        return std::nullopt;
    }

private:
    QString m_path;
};

/// `tls:` of a registry service: verify, skip-verify or {ca-file: PATH}. Only with scheme https: a certificate
/// exists only there.
std::optional<Error> readTls(const Reader &reader, const YAML::Node &item, const QString &field,
                             SiteProfile::Service &service) {
    const YAML::Node node = item["tls"];
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    const YAML::Node where = Reader::anchor(item, QStringLiteral("tls"));
    if (service.role != SiteProfile::Role::Registry)
        return reader.error(
            where, field,
            QCoreApplication::translate("SiteProfile", "tls applies only to a service with role: registry."));
    if (service.scheme != SiteProfile::Scheme::Https)
        return reader.error(where, field,
                            QCoreApplication::translate("SiteProfile", "tls applies only with scheme: https (only "
                                                                       "HTTPS has a certificate to check)."));
    const QString forms = QCoreApplication::translate(
        "SiteProfile", "tls is verify, skip-verify or {ca-file: PATH} (the CA's file on the nodes)");
    if (node.IsScalar()) {
        const QString word = yaml::scalarText(node).trimmed();
        if (word == u"verify")
            service.tls = SiteProfile::Tls::Verify;
        else if (word == u"skip-verify")
            service.tls = SiteProfile::Tls::SkipVerify;
        else if (word == u"ca-file")
            return reader.error(node, field,
                                QCoreApplication::translate("SiteProfile",
                                                            "Name the CA's file on the nodes: write "
                                                            "tls: {ca-file: /etc/ssl/certs/company-ca.pem}."));
        else
            return reader.error(node, field,
                                QCoreApplication::translate("SiteProfile", "%1, not “%2”.").arg(forms, word));
        return std::nullopt;
    }
    if (!node.IsMap())
        return reader.error(node, field, forms + QLatin1Char('.'));
    if (auto problem = reader.unknownKeys(node, {QStringLiteral("ca-file")}, field,
                                          QCoreApplication::translate("SiteProfile", "Unknown key; %1.").arg(forms)))
        return problem;
    const QString caField = field + QStringLiteral(".ca-file");
    if (auto problem = reader.scalar(node, "ca-file", caField, service.caFile))
        return problem;
    const YAML::Node caNode = Reader::anchor(node, QStringLiteral("ca-file"));
    if (service.caFile.isEmpty())
        return reader.error(caNode, caField,
                            QCoreApplication::translate("SiteProfile", "Name the CA's file on the nodes, e.g. "
                                                                       "/etc/ssl/certs/company-ca.pem."));
    if (!service.caFile.startsWith(QLatin1Char('/')))
        return reader.error(caNode, caField,
                            QCoreApplication::translate("SiteProfile", "“%1” is not an absolute path; containerd "
                                                                       "reads the file on the nodes, e.g. "
                                                                       "/etc/ssl/certs/company-ca.pem.")
                                .arg(service.caFile));
    // Kubespray writes the path into a TOML string without escaping it.
    for (const QChar c : std::as_const(service.caFile)) {
        if (c == u'"' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return reader.error(caNode, caField,
                                QCoreApplication::translate("SiteProfile", "The path may not contain quotes, "
                                                                           "backslashes or control characters: "
                                                                           "Kubespray writes it into containerd's "
                                                                           "configuration as it is."));
    }
    service.tls = SiteProfile::Tls::CaFile;
    return std::nullopt;
}

constexpr int FormatVersion = 1;

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
                         Reader::withHint(QCoreApplication::translate("SiteProfile",
                                                                      "Unknown key; a site profile has version, "
                                                                      "services, zones, networks and verification."),
                                          key.name, knownKeys)};
    }

    // Optional (a hand-written profile of three lines needs no header); a newer format is refused, not half read.
    if (const auto version = document->value(QStringLiteral("version"))) {
        const auto number = yaml::toInt(version->value);
        QString problem;
        if (!number)
            problem = QCoreApplication::translate("SiteProfile", "The version is a whole number; this Kubespray "
                                                                 "Wizard reads version %1.")
                          .arg(FormatVersion);
        else if (*number > FormatVersion)
            problem = QCoreApplication::translate("SiteProfile", "Version %1 is newer than this Kubespray Wizard "
                                                                 "understands (%2).")
                          .arg(*number)
                          .arg(FormatVersion);
        else if (*number < FormatVersion)
            problem = QCoreApplication::translate("SiteProfile", "There is no version %1; this Kubespray Wizard "
                                                                 "reads version %2.")
                          .arg(*number)
                          .arg(FormatVersion);
        if (!problem.isEmpty()) {
            if (!version->value.IsNull()) // yaml-cpp misplaces empty values: point at the key then
                return reader.error(version->value, QStringLiteral("version"), problem);
            return Error{{path, version->line, version->column}, QStringLiteral("version"), problem};
        }
    }

    if (const auto services = document->value(QStringLiteral("services")); services && !services->value.IsNull()) {
        if (!services->value.IsSequence())
            return reader.error(services->value, QStringLiteral("services"),
                                QCoreApplication::translate("SiteProfile", "Expected a list of services."));
        static const QStringList serviceKeys = {
            QStringLiteral("name"),   QStringLiteral("address"), QStringLiteral("domains"), QStringLiteral("role"),
            QStringLiteral("scheme"), QStringLiteral("port"),    QStringLiteral("tls")};
        int index = 0;
        for (const auto &item : services->value) {
            const QString field = QStringLiteral("services[%1]").arg(index++);
            if (!item.IsMap())
                return reader.error(item, field,
                                    QCoreApplication::translate(
                                        "SiteProfile", "Each service is a mapping with name, address and role."));
            if (auto problem = reader.unknownKeys(
                    item, serviceKeys, field,
                    QCoreApplication::translate(
                        "SiteProfile",
                        "Unknown key; a service has name, address, domains, role, scheme, port and tls.")))
                return *problem;
            Service service;
            service.line = item.Mark().line + 1;

            if (auto problem = reader.scalar(item, "name", field + QStringLiteral(".name"), service.name))
                return *problem;
            if (service.name.isEmpty())
                return reader.error(Reader::anchor(item, QStringLiteral("name")), field + QStringLiteral(".name"),
                                    QCoreApplication::translate("SiteProfile", "Every service needs a name."));
            const bool taken = std::any_of(profile.m_services.cbegin(), profile.m_services.cend(),
                                           [&](const Service &other) { return other.name == service.name; });
            if (taken)
                return reader.error(
                    Reader::anchor(item, QStringLiteral("name")), field + QStringLiteral(".name"),
                    QCoreApplication::translate("SiteProfile",
                                                "Another service is already called “%1”; each name must be unique.")
                        .arg(service.name));

            QString address;
            if (auto problem = reader.scalar(item, "address", field + QStringLiteral(".address"), address))
                return *problem;
            if (address.isEmpty())
                return reader.error(
                    Reader::anchor(item, QStringLiteral("address")), field + QStringLiteral(".address"),
                    QCoreApplication::translate("SiteProfile", "Every service needs an address (IPv4 or IPv6)."));
            const auto parsed = IpAddress::parse(address);
            if (!parsed)
                return reader.error(
                    Reader::anchor(item, QStringLiteral("address")), field + QStringLiteral(".address"),
                    QCoreApplication::translate("SiteProfile", "“%1” is not an IPv4 or IPv6 address.").arg(address));
            service.address = *parsed;

            QList<YAML::Node> domainNodes;
            if (auto problem =
                    reader.nameList(item["domains"], field + QStringLiteral(".domains"), service.domains, domainNodes))
                return *problem;
            for (int d = 0; d < service.domains.size(); ++d) {
                if (!isDomainName(service.domains.at(d)))
                    return reader.error(domainNodes.at(d), field + QStringLiteral(".domains[%1]").arg(d),
                                        QCoreApplication::translate("SiteProfile", "“%1” is not a domain name.")
                                            .arg(service.domains.at(d)));
            }

            QString role;
            if (auto problem = reader.scalar(item, "role", field + QStringLiteral(".role"), role))
                return *problem;
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

            QString scheme;
            if (auto problem = reader.scalar(item, "scheme", field + QStringLiteral(".scheme"), scheme))
                return *problem;
            if (item["scheme"].IsDefined() && service.role != Role::Registry)
                return reader.error(Reader::anchor(item, QStringLiteral("scheme")), field + QStringLiteral(".scheme"),
                                    QCoreApplication::translate("SiteProfile",
                                                                "A scheme applies only to a service with role: "
                                                                "registry."));
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
                if (service.role != Role::Registry)
                    return reader.error(Reader::anchor(item, QStringLiteral("port")), field + QStringLiteral(".port"),
                                        QCoreApplication::translate(
                                            "SiteProfile", "A port applies only to a service with role: registry."));
                const auto port = yaml::toInt(item["port"]);
                if (!port || *port < 1 || *port > 65535)
                    return reader.error(
                        Reader::anchor(item, QStringLiteral("port")), field + QStringLiteral(".port"),
                        QCoreApplication::translate("SiteProfile", "The port is a number from 1 to 65535."));
                service.port = static_cast<int>(*port);
            }
            if (auto problem = readTls(reader, item, field + QStringLiteral(".tls"), service))
                return *problem;
            profile.m_services.append(service);
        }
    }

    if (const auto zones = document->value(QStringLiteral("zones"))) {
        QList<YAML::Node> zoneNodes;
        if (auto problem = reader.nameList(zones->value, QStringLiteral("zones"), profile.m_zones, zoneNodes))
            return *problem;
        for (int z = 0; z < profile.m_zones.size(); ++z) {
            QString &zone = profile.m_zones[z];
            if (!isDomainName(zone))
                return reader.error(zoneNodes.at(z), QStringLiteral("zones[%1]").arg(z),
                                    QCoreApplication::translate("SiteProfile", "“%1” is not a DNS zone.").arg(zone));
            if (zone.endsWith(u'.')) // "corp.example." is the same zone, and Kubespray's templates want it bare
                zone.chop(1);
        }
        if (!profile.m_zones.isEmpty() && profile.dnsServers().isEmpty())
            return reader.error(zones->value, QStringLiteral("zones"),
                                QCoreApplication::translate("SiteProfile", "Zones need at least one service with "
                                                                           "role: dns to send their names to."));
    }

    if (const auto networks = document->value(QStringLiteral("networks")); networks && !networks->value.IsNull()) {
        if (!networks->value.IsSequence())
            return reader.error(networks->value, QStringLiteral("networks"),
                                QCoreApplication::translate("SiteProfile", "Expected a list of networks."));
        static const QStringList networkKeys = {QStringLiteral("name"), QStringLiteral("cidr")};
        int index = 0;
        for (const auto &item : networks->value) {
            const QString field = QStringLiteral("networks[%1]").arg(index++);
            Network network;
            network.line = item.Mark().line + 1;
            QString cidrText;
            YAML::Node cidrNode = item;
            if (item.IsMap()) {
                if (auto problem = reader.unknownKeys(
                        item, networkKeys, field,
                        QCoreApplication::translate("SiteProfile", "Unknown key; a network has name and cidr.")))
                    return *problem;
                if (auto problem = reader.scalar(item, "name", field + QStringLiteral(".name"), network.name))
                    return *problem;
                if (auto problem = reader.scalar(item, "cidr", field + QStringLiteral(".cidr"), cidrText))
                    return *problem;
                cidrNode = Reader::anchor(item, QStringLiteral("cidr"));
            } else if (item.IsScalar()) {
                cidrText = yaml::scalarText(item).trimmed(); // the short form: "- 10.10.0.0/16"
            } else {
                return reader.error(item, field,
                                    QCoreApplication::translate("SiteProfile", "Each network is a mapping with name "
                                                                               "and cidr, or a range such as "
                                                                               "10.10.0.0/16."));
            }
            const auto parsed = Cidr::parse(cidrText);
            if (!parsed.cidr)
                return reader.error(cidrNode, field + QStringLiteral(".cidr"), parsed.message);
            network.range = *parsed.cidr;
            if (network.name.isEmpty())
                network.name = network.range.toString();
            profile.m_networks.append(network);
        }
    }

    if (const auto verification = document->value(QStringLiteral("verification"));
        verification && !verification->value.IsNull()) {
        const YAML::Node &node = verification->value;
        if (!node.IsMap())
            return reader.error(node, QStringLiteral("verification"),
                                QCoreApplication::translate("SiteProfile", "Expected a mapping with an image."));
        if (auto problem = reader.unknownKeys(
                node, {QStringLiteral("image")}, QStringLiteral("verification"),
                QCoreApplication::translate("SiteProfile", "Unknown key; verification has only an image.")))
            return *problem;
        if (auto problem =
                reader.scalar(node, "image", QStringLiteral("verification.image"), profile.m_verificationImage))
            return *problem;
        if (profile.m_verificationImage.isEmpty())
            return reader.error(Reader::anchor(node, QStringLiteral("image")), QStringLiteral("verification.image"),
                                QCoreApplication::translate("SiteProfile", "The verification needs an image, e.g. "
                                                                           "registry.example.com/app:1.0."));
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
            result.append({registryHost(service), service.scheme, service.name, service.tls, service.caFile,
                           service.tlsFromProbe, service.address.toString()});
    }
    if (!m_verificationImage.isEmpty()) {
        const QString host = registryOfImage(m_verificationImage);
        // Host names are case-insensitive; an image may spell the registry differently from the profile.
        const bool known = std::any_of(result.cbegin(), result.cend(), [&](const Registry &r) {
            return r.host.compare(host, Qt::CaseInsensitive) == 0;
        });
        if (!known && host != u"docker.io") {
            const bool untrusted = m_probedUntrusted.contains(host);
            result.append({host,
                           m_probedSchemes.value(host, Scheme::Unknown),
                           {},
                           untrusted ? Tls::SkipVerify : Tls::Unstated,
                           {},
                           untrusted,
                           {}});
        }
    }
    return result;
}

QString SiteProfile::registryOfImage(const QString &image) {
    // Docker's rule (distribution/reference): the first path component is a registry when it has a dot or a colon,
    // is "localhost", or has an upper-case letter (repository names are lower case).
    const int slash = image.indexOf(u'/');
    if (slash <= 0)
        return QStringLiteral("docker.io");
    const QString first = image.left(slash);
    if (first.contains(u'.') || first.contains(u':') || first == u"localhost" || first != first.toLower())
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

QString SiteProfile::tlsName(Tls tls) {
    switch (tls) {
    case Tls::Verify:
        return QStringLiteral("verify");
    case Tls::SkipVerify:
        return QStringLiteral("skip-verify");
    case Tls::CaFile:
        return QStringLiteral("ca-file");
    case Tls::Unstated:
        break;
    }
    return {};
}

bool SiteProfile::isDomainName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                                                           ")(\\.[A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return pattern.match(name).hasMatch();
}

QByteArray SiteProfile::toYaml() const {
    const auto roleName = [](Role role) {
        switch (role) {
        case Role::Dns:
            return "dns";
        case Role::Registry:
            return "registry";
        case Role::Other:
            break;
        }
        return "other";
    };
    YAML::Emitter out;
    out << YAML::Comment("Kubespray Wizard site profile: the company services a cluster must respect.");
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << FormatVersion;
    out << YAML::Key << "services" << YAML::Value << YAML::BeginSeq;
    for (const Service &service : m_services) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << service.name.toStdString();
        out << YAML::Key << "address" << YAML::Value << service.address.toString().toStdString();
        out << YAML::Key << "domains" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const QString &domain : service.domains)
            out << domain.toStdString();
        out << YAML::EndSeq;
        out << YAML::Key << "role" << YAML::Value << roleName(service.role);
        if (service.role == Role::Registry) {
            if (service.scheme != Scheme::Unknown)
                out << YAML::Key << "scheme" << YAML::Value << schemeName(service.scheme).toStdString();
            if (service.port > 0)
                out << YAML::Key << "port" << YAML::Value << service.port;
            if (service.scheme == Scheme::Https && service.tls == Tls::CaFile) {
                out << YAML::Key << "tls" << YAML::Value << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "ca-file" << YAML::Value << service.caFile.toStdString() << YAML::EndMap;
            } else if (service.scheme == Scheme::Https && service.tls != Tls::Unstated) {
                out << YAML::Key << "tls" << YAML::Value << tlsName(service.tls).toStdString();
            }
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "zones" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &zone : m_zones)
        out << zone.toStdString();
    out << YAML::EndSeq;
    out << YAML::Key << "networks" << YAML::Value << YAML::BeginSeq;
    for (const Network &network : m_networks) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << network.name.toStdString();
        out << YAML::Key << "cidr" << YAML::Value << network.range.toString().toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (!m_verificationImage.isEmpty()) {
        out << YAML::Key << "verification" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "image" << YAML::Value << m_verificationImage.toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return QByteArray(out.c_str(), static_cast<qsizetype>(out.size())) + '\n';
}

} // namespace ksw
