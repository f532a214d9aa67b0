// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "ProbeCommand.h"

#include "probe/SiteProbe.h"
#include "site/SiteProfile.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ksw::cli {

namespace {

QJsonObject toJson(const RegistryProbe::Result &result) {
    QJsonObject object{{QStringLiteral("host"), result.host},
                       {QStringLiteral("verdict"), RegistryProbe::Result::verdictName(result.verdict)},
                       {QStringLiteral("detail"), result.detail},
                       {QStringLiteral("summary"), result.summary()}};
    const RegistryProbe::Resolution &resolution = result.resolution;
    if (result.verdict != RegistryProbe::Verdict::InvalidInput) {
        QJsonObject how{{QStringLiteral("via"), RegistryProbe::Resolution::viaName(resolution.via)},
                        {QStringLiteral("address"),
                         resolution.address.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(resolution.address)},
                        {QStringLiteral("sentence"), resolution.sentence()}};
        if (resolution.via != RegistryProbe::Resolution::Via::Literal)
            how.insert(QStringLiteral("name"), resolution.name);
        if (!resolution.dnsServer.isEmpty())
            how.insert(QStringLiteral("dns_server"), resolution.dnsServer);
        object.insert(QStringLiteral("resolution"), how);
    }
    if (result.catalogRead)
        object.insert(QStringLiteral("repositories"), QJsonArray::fromStringList(result.repositories));
    if (!result.image.isEmpty()) {
        object.insert(QStringLiteral("image"), result.image);
        object.insert(QStringLiteral("image_found"),
                      result.imageFound ? QJsonValue(*result.imageFound) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("image_detail"), result.imageDetail);
    }
    return object;
}

QJsonObject toJson(const DnsProbe::Result &result) {
    QJsonArray names;
    for (const DnsProbe::NameResult &name : result.names) {
        names.append(QJsonObject{{QStringLiteral("name"), name.name},
                                 {QStringLiteral("via_server"), QJsonArray::fromStringList(name.viaServer)},
                                 {QStringLiteral("server_error"), name.serverError},
                                 {QStringLiteral("via_system"), QJsonArray::fromStringList(name.viaSystem)},
                                 {QStringLiteral("system_error"), name.systemError},
                                 {QStringLiteral("only_server_knows"), name.onlyServerKnows()}});
    }
    return QJsonObject{{QStringLiteral("server"), result.server},
                       {QStringLiteral("error"), result.error},
                       {QStringLiteral("names"), names}};
}

/// Something a person must look at: a registry that is not usable as it is, or an image that is missing.
bool hasProblems(const ProbeReport &report) {
    for (const RegistryProbe::Result &result : report.registries) {
        using Verdict = RegistryProbe::Verdict;
        if (result.verdict != Verdict::Https && result.verdict != Verdict::HttpOnly &&
            result.verdict != Verdict::HttpsUntrusted)
            return true;
        if (result.imageFound.has_value() && !*result.imageFound)
            return true;
    }
    for (const DnsProbe::Result &result : report.dns) {
        if (!result.error.isEmpty())
            return true;
    }
    return false;
}

} // namespace

ProbeReport probeSite(const SiteProfile &site, int timeoutMs, Console console, bool showProgress) {
    SiteProbe probe;
    probe.setTimeout(timeoutMs);
    ProbeReport report;
    QEventLoop loop;
    QObject::connect(&probe, &SiteProbe::progress, &loop, [&](int done, int total, const QString &what) {
        if (showProgress)
            console.err << QCoreApplication::translate("Cli", "probed %1 (%2 of %3)").arg(what).arg(done).arg(total)
                        << Qt::endl;
    });
    QObject::connect(&probe, &SiteProbe::finished, &loop, [&](const ProbeReport &result) {
        report = result;
        loop.quit();
    });
    probe.start(site);
    loop.exec();
    return report;
}

int runProbe(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Asks the company network, from this machine: how each registry of the site profile is reached "
               "(HTTPS, untrusted HTTPS, HTTP only), whether the verification image exists, and which names only "
               "the company DNS resolves."));
    const QCommandLineOption siteOption(QStringLiteral("site"),
                                        QCoreApplication::translate("Cli", "The site profile (company services)."),
                                        QCoreApplication::translate("Cli", "FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("Cli", "Print JSON instead of text."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QCoreApplication::translate("Cli", "Time allowed for each request (default 5000)."),
        QCoreApplication::translate("Cli", "MS"));
    parser.addOptions({siteOption, jsonOption, timeoutOption});
    if (const auto exit = parseCommandLine(parser, QStringLiteral("probe"), arguments, console))
        return *exit;
    if (!parser.isSet(siteOption)) {
        console.err << QCoreApplication::translate("Cli", "error: --site FILE is required.") << Qt::endl;
        return ExitError;
    }
    bool ok = true;
    const int timeout = parser.isSet(timeoutOption) ? parser.value(timeoutOption).toInt(&ok) : 5000;
    if (!ok || timeout < 100 || timeout > 600000) {
        console.err << QCoreApplication::translate("Cli", "error: --timeout takes milliseconds from 100 to 600000.")
                    << Qt::endl;
        return ExitError;
    }
    const auto site = SiteProfile::load(parser.value(siteOption));
    if (!site) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(site.error().toString()) << Qt::endl;
        return ExitError;
    }

    const ProbeReport report = probeSite(*site, timeout, console, !parser.isSet(jsonOption));
    if (parser.isSet(jsonOption)) {
        QJsonArray registries, dns;
        for (const RegistryProbe::Result &result : report.registries)
            registries.append(toJson(result));
        for (const DnsProbe::Result &result : report.dns)
            dns.append(toJson(result));
        console.out << QJsonDocument(QJsonObject{{QStringLiteral("registries"), registries},
                                                 {QStringLiteral("dns"), dns},
                                                 {QStringLiteral("names_only_company_dns_knows"),
                                                  QJsonArray::fromStringList(report.namesOnlyCompanyDnsKnows())}})
                           .toJson(QJsonDocument::Indented);
    } else {
        for (const RegistryProbe::Result &result : report.registries) {
            console.out << result.host << ": " << result.summary() << '\n';
            if (const QString how = result.resolution.sentence(); !how.isEmpty())
                console.out << "    " << how << '\n';
            if (result.catalogRead)
                console.out << "    "
                            << QCoreApplication::translate("Cli", "repositories: %1")
                                   .arg(result.repositories.join(QStringLiteral(", ")))
                            << '\n';
            if (result.imageFound.has_value())
                console.out << "    "
                            << (*result.imageFound
                                    ? QCoreApplication::translate("Cli", "image %1 exists").arg(result.image)
                                    : QCoreApplication::translate("Cli", "image %1 is missing: %2")
                                          .arg(result.image, result.imageDetail))
                            << '\n';
        }
        for (const DnsProbe::Result &result : report.dns)
            console.out << QCoreApplication::translate("Cli", "DNS %1: %2").arg(result.server, result.summary())
                        << '\n';
        const QStringList only = report.namesOnlyCompanyDnsKnows();
        if (!only.isEmpty())
            console.out << QCoreApplication::translate("Cli", "Only the company DNS resolves: %1. Pods need "
                                                              "upstream_dns_servers or zone forwarding for them.")
                               .arg(only.join(QStringLiteral(", ")))
                        << '\n';
        console.out.flush();
    }
    return hasProblems(report) ? ExitFindings : ExitOk;
}

} // namespace ksw::cli
