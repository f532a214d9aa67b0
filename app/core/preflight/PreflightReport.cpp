// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "preflight/PreflightReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ksw {

namespace {

/// The 1-based line and column of a byte offset (for JSON syntax errors).
SourceLocation locationOf(const QByteArray &bytes, qsizetype offset, const QString &file) {
    SourceLocation where{file, 1, 1};
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++where.line;
            where.column = 1;
        } else {
            ++where.column;
        }
    }
    return where;
}

Error fieldError(const QString &file, const QString &field, const QString &message) {
    return Error{SourceLocation{file, 0, 0}, field, message};
}

/// A string member; `ok` false when present with another type.
QString stringMember(const QJsonObject &object, const QString &key, bool *ok) {
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        *ok = false;
    return value.toString();
}

/// Ansible's words about a step that did not work: the command's stderr, else its msg.
QString stepProblem(const QJsonObject &step) {
    const QString stderrText = step.value(QStringLiteral("stderr")).toString().trimmed();
    const QString msg = step.value(QStringLiteral("msg")).toString().trimmed();
    return !stderrText.isEmpty() ? stderrText : msg;
}

} // namespace

Cidr PreflightReport::Address::network() const {
    return Cidr(address.masked(prefixLength), prefixLength);
}

QString PreflightReport::Address::toString() const {
    return address.toString() + QLatin1Char('/') + QString::number(prefixLength);
}

QString PreflightReport::Route::toString() const {
    QString text = type.isEmpty() ? destination : type + QLatin1Char(' ') + destination;
    if (!gateway.isEmpty())
        text += QStringLiteral(" via ") + gateway;
    if (!device.isEmpty())
        text += QStringLiteral(" dev ") + device;
    if (!protocol.isEmpty())
        text += QStringLiteral(" proto ") + protocol;
    return text;
}

const PreflightReport::Host *PreflightReport::host(const QString &name) const {
    for (const Host &entry : hosts) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

PreflightReport::Host &PreflightReport::hostEntry(const QString &name) {
    auto it = std::lower_bound(hosts.begin(), hosts.end(), name,
                               [](const Host &entry, const QString &key) { return entry.name < key; });
    if (it != hosts.end() && it->name == name)
        return *it;
    Host entry;
    entry.name = name;
    return *hosts.insert(it, entry);
}

namespace {

/// The JSON list `json` holds; nullopt with `failure` (its %1: what is wrong) in `error` otherwise.
std::optional<QJsonArray> jsonList(const QByteArray &json, const QString &failure, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isArray())
        return document.array();
    *error = failure.arg(parseError.error != QJsonParseError::NoError
                             ? parseError.errorString()
                             : QCoreApplication::translate("PreflightReport", "another JSON value"));
    return std::nullopt;
}

} // namespace

std::optional<QList<PreflightReport::Address>> PreflightReport::parseAddresses(const QByteArray &json, QString *error) {
    const std::optional<QJsonArray> links = jsonList(
        json, QCoreApplication::translate("PreflightReport", "ip -j address show did not print a JSON list: %1"),
        error);
    if (!links)
        return std::nullopt;
    QList<Address> result;
    for (const QJsonValue &linkValue : *links) {
        const QJsonObject link = linkValue.toObject();
        const QString device = link.value(QStringLiteral("ifname")).toString();
        for (const QJsonValue &infoValue : link.value(QStringLiteral("addr_info")).toArray()) {
            const QJsonObject info = infoValue.toObject();
            const QString local = info.value(QStringLiteral("local")).toString();
            const int prefix = info.value(QStringLiteral("prefixlen")).toInt(-1);
            const auto address = IpAddress::parse(local);
            if (!address || prefix < 0 || prefix > address->bitCount()) {
                *error = QCoreApplication::translate("PreflightReport",
                                                     "an address of %1 is not an address with a prefix: %2/%3")
                             .arg(device, local, QString::number(prefix));
                return std::nullopt;
            }
            result.append({device, *address, prefix, info.value(QStringLiteral("scope")).toString()});
        }
    }
    return result;
}

std::optional<QList<PreflightReport::Route>> PreflightReport::parseRoutes(const QByteArray &json, QString *error) {
    const std::optional<QJsonArray> routes = jsonList(
        json, QCoreApplication::translate("PreflightReport", "ip -j route show did not print a JSON list: %1"), error);
    if (!routes)
        return std::nullopt;
    QList<Route> result;
    for (const QJsonValue &value : *routes) {
        const QJsonObject object = value.toObject();
        Route route;
        route.destination = object.value(QStringLiteral("dst")).toString();
        route.device = object.value(QStringLiteral("dev")).toString();
        route.gateway = object.value(QStringLiteral("gateway")).toString();
        route.protocol = object.value(QStringLiteral("protocol")).toString();
        route.scope = object.value(QStringLiteral("scope")).toString();
        route.type = object.value(QStringLiteral("type")).toString();
        if (route.destination.isEmpty()) {
            *error = QCoreApplication::translate("PreflightReport", "a route has no destination (dst)");
            return std::nullopt;
        }
        if (!route.isDefault()) {
            // ip prints a host route without its prefix ("10.1.2.3").
            if (route.destination.contains(u'/')) {
                route.range = Cidr::parse(route.destination).cidr;
            } else if (const auto address = IpAddress::parse(route.destination)) {
                route.range = Cidr::host(*address);
            }
            if (!route.range) {
                *error = QCoreApplication::translate("PreflightReport", "a route's destination is not a network: %1")
                             .arg(route.destination);
                return std::nullopt;
            }
        }
        result.append(route);
    }
    return result;
}

void PreflightReport::parseResolvConf(const QByteArray &text, QStringList *nameservers, QStringList *search) {
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const QStringList words = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (words.size() < 2)
            continue;
        if (words.first() == u"nameserver") {
            nameservers->append(words.at(1));
        } else if (words.first() == u"search" || words.first() == u"domain") {
            // The last search or domain line wins, as in the resolver.
            *search = words.mid(1);
        }
    }
}

Expected<PreflightReport::Host> PreflightReport::parseHostFile(const QByteArray &json, const QString &file) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            locationOf(json, parseError.offset, file), QString(),
            QCoreApplication::translate("PreflightReport", "not valid JSON: %1").arg(parseError.errorString())};
    if (!document.isObject())
        return fieldError(
            file, QString(),
            QCoreApplication::translate("PreflightReport", "a preflight results file holds one JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return fieldError(
            file, QStringLiteral("format"),
            QCoreApplication::translate("PreflightReport",
                                        "unknown format; this wizard reads format 1 of the preflight results"));
    Host host;
    host.examined = true;
    host.name = root.value(QStringLiteral("host")).toString();
    if (host.name.isEmpty())
        return fieldError(file, QStringLiteral("host"),
                          QCoreApplication::translate("PreflightReport", "the host name is missing"));

    // Addresses and routes: the command's output, or why there is none.
    const auto commandStep = [&](const QString &key) -> std::optional<QByteArray> {
        const QJsonObject step = root.value(key).toObject();
        const QJsonValue rc = step.value(QStringLiteral("rc"));
        if (rc.isDouble() && rc.toInt() == 0)
            return step.value(QStringLiteral("stdout")).toString().toUtf8();
        const QString problem = stepProblem(step);
        host.errors.append(
            QCoreApplication::translate("PreflightReport", "%1: %2")
                .arg(key, problem.isEmpty() ? QCoreApplication::translate("PreflightReport", "not run") : problem));
        return std::nullopt;
    };
    QString error;
    if (const auto out = commandStep(QStringLiteral("addresses"))) {
        const auto addresses = parseAddresses(*out, &error);
        if (!addresses)
            return fieldError(file, QStringLiteral("addresses.stdout"), error);
        host.addresses = *addresses;
    }
    for (const QString &key : {QStringLiteral("routes4"), QStringLiteral("routes6")}) {
        if (const auto out = commandStep(key)) {
            const auto routes = parseRoutes(*out, &error);
            if (!routes)
                return fieldError(file, key + QStringLiteral(".stdout"), error);
            host.routes += *routes;
        }
    }

    const QJsonObject resolv = root.value(QStringLiteral("resolv_conf")).toObject();
    const QString content = resolv.value(QStringLiteral("content")).toString();
    if (!content.isEmpty()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(content.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fieldError(file, QStringLiteral("resolv_conf.content"),
                              QCoreApplication::translate("PreflightReport", "not base64"));
        parseResolvConf(*decoded, &host.nameservers, &host.search);
    } else {
        const QString problem = stepProblem(resolv);
        host.errors.append(
            QCoreApplication::translate("PreflightReport", "/etc/resolv.conf: %1")
                .arg(problem.isEmpty() ? QCoreApplication::translate("PreflightReport", "not read") : problem));
    }

    const QJsonObject probe = root.value(QStringLiteral("probe")).toObject();
    if (probe.value(QStringLiteral("failed")).toBool() || !probe.value(QStringLiteral("msg")).toString().isEmpty())
        host.errors.append(
            QCoreApplication::translate("PreflightReport", "DNS and registry checks: %1").arg(stepProblem(probe)));
    const QJsonArray dns = probe.value(QStringLiteral("dns")).toArray();
    for (qsizetype i = 0; i < dns.size(); ++i) {
        const QJsonObject object = dns.at(i).toObject();
        const QString field = QStringLiteral("probe.dns[%1]").arg(i);
        bool ok = dns.at(i).isObject();
        Resolution resolution;
        resolution.name = stringMember(object, QStringLiteral("name"), &ok);
        resolution.server = stringMember(object, QStringLiteral("server"), &ok);
        resolution.errorKind = stringMember(object, QStringLiteral("error_kind"), &ok);
        resolution.error = stringMember(object, QStringLiteral("error"), &ok);
        for (const QJsonValue &address : object.value(QStringLiteral("addresses")).toArray()) {
            ok = ok && address.isString();
            resolution.addresses.append(address.toString());
        }
        if (!ok || resolution.name.isEmpty() || resolution.server.isEmpty())
            return fieldError(file, field,
                              QCoreApplication::translate("PreflightReport",
                                                          "expected {name, server, addresses, error_kind, error}"));
        host.resolutions.append(resolution);
    }
    const QJsonArray registries = probe.value(QStringLiteral("registries")).toArray();
    for (qsizetype i = 0; i < registries.size(); ++i) {
        const QJsonObject object = registries.at(i).toObject();
        const QString field = QStringLiteral("probe.registries[%1]").arg(i);
        bool ok = registries.at(i).isObject();
        RegistryCheck check;
        check.host = stringMember(object, QStringLiteral("host"), &ok);
        check.scheme = stringMember(object, QStringLiteral("scheme"), &ok);
        check.url = stringMember(object, QStringLiteral("url"), &ok);
        check.apiVersion = stringMember(object, QStringLiteral("api_version"), &ok);
        check.errorKind = stringMember(object, QStringLiteral("error_kind"), &ok);
        check.error = stringMember(object, QStringLiteral("error"), &ok);
        const QJsonValue status = object.value(QStringLiteral("status"));
        ok = ok && (status.isUndefined() || status.isDouble());
        check.status = status.toInt();
        if (!ok || check.host.isEmpty())
            return fieldError(file, field,
                              QCoreApplication::translate("PreflightReport",
                                                          "expected {host, scheme, url, status, error_kind, error}"));
        if (check.status <= 0 && check.errorKind.isEmpty())
            return fieldError(file, field,
                              QCoreApplication::translate("PreflightReport", "neither an HTTP status nor an error"));
        host.registries.append(check);
    }
    return host;
}

Expected<PreflightReport> PreflightReport::readFolder(const QString &folder) {
    const QDir dir(folder);
    if (!dir.exists())
        return Error{SourceLocation{folder, 0, 0}, QString(),
                     QCoreApplication::translate("PreflightReport", "the preflight results folder does not exist")};
    PreflightReport report;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{SourceLocation{path, 0, 0}, QString(),
                         QCoreApplication::translate("PreflightReport", "cannot be read: %1").arg(file.errorString())};
        auto host = parseHostFile(file.readAll(), path);
        if (!host)
            return host.error();
        Host &entry = report.hostEntry(host->name);
        const QStringList earlier = entry.errors;
        entry = *host;
        entry.errors = earlier + host->errors;
    }
    return report;
}

} // namespace ksw
