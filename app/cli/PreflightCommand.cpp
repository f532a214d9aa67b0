// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "PreflightCommand.h"

#include "CheckCommand.h"
#include "RunSupport.h"
#include "analysis/Analyzer.h"
#include "analysis/Assessment.h"
#include "preflight/Preflight.h"
#include "site/SiteProfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ksw::cli {

namespace {

QJsonObject toJson(const PreflightReport::Host &host) {
    QJsonArray addresses, routes, dns, registries;
    for (const PreflightReport::Address &address : host.addresses)
        addresses.append(QJsonObject{{QStringLiteral("device"), address.device},
                                     {QStringLiteral("address"), address.toString()},
                                     {QStringLiteral("scope"), address.scope}});
    for (const PreflightReport::Route &route : host.routes)
        routes.append(QJsonObject{{QStringLiteral("destination"), route.destination},
                                  {QStringLiteral("device"), route.device},
                                  {QStringLiteral("gateway"), route.gateway},
                                  {QStringLiteral("protocol"), route.protocol},
                                  {QStringLiteral("type"), route.type}});
    for (const PreflightReport::Resolution &resolution : host.resolutions)
        dns.append(QJsonObject{{QStringLiteral("name"), resolution.name},
                               {QStringLiteral("server"), resolution.server},
                               {QStringLiteral("addresses"), QJsonArray::fromStringList(resolution.addresses)},
                               {QStringLiteral("error_kind"), resolution.errorKind},
                               {QStringLiteral("error"), resolution.error}});
    for (const PreflightReport::RegistryCheck &check : host.registries)
        registries.append(QJsonObject{{QStringLiteral("host"), check.host},
                                      {QStringLiteral("url"), check.url},
                                      {QStringLiteral("status"), check.status},
                                      {QStringLiteral("api_version"), check.apiVersion},
                                      {QStringLiteral("error_kind"), check.errorKind},
                                      {QStringLiteral("error"), check.error}});
    return QJsonObject{{QStringLiteral("name"), host.name},
                       {QStringLiteral("examined"), host.examined},
                       {QStringLiteral("unreachable"), host.unreachable},
                       {QStringLiteral("errors"), QJsonArray::fromStringList(host.errors)},
                       {QStringLiteral("addresses"), addresses},
                       {QStringLiteral("routes"), routes},
                       {QStringLiteral("nameservers"), QJsonArray::fromStringList(host.nameservers)},
                       {QStringLiteral("search"), QJsonArray::fromStringList(host.search)},
                       {QStringLiteral("dns"), dns},
                       {QStringLiteral("registries"), registries}};
}

void printHost(const PreflightReport::Host &host, QTextStream &out) {
    out << QCoreApplication::translate("Cli", "Node %1").arg(host.name) << '\n';
    if (host.unreachable)
        out << "  " << QCoreApplication::translate("Cli", "unreachable") << '\n';
    if (host.examined) {
        QStringList addresses;
        for (const PreflightReport::Address &address : host.addresses)
            addresses << address.toString() + QStringLiteral(" (") + address.device + QLatin1Char(')');
        out << "  " << QCoreApplication::translate("Cli", "addresses: %1").arg(addresses.join(QStringLiteral(", ")))
            << '\n';
        out << "  " << QCoreApplication::translate("Cli", "routes:") << '\n';
        for (const PreflightReport::Route &route : host.routes)
            out << "    " << route.toString() << '\n';
        out << "  "
            << QCoreApplication::translate("Cli", "resolv.conf: nameserver %1")
                   .arg(host.nameservers.join(QStringLiteral(", ")));
        if (!host.search.isEmpty())
            out << QCoreApplication::translate("Cli", "; search %1").arg(host.search.join(QLatin1Char(' ')));
        out << '\n';
        for (const PreflightReport::Resolution &resolution : host.resolutions)
            out << "  "
                << QCoreApplication::translate("Cli", "DNS %1: %2 → %3")
                       .arg(resolution.server, resolution.name,
                            resolution.resolved() ? resolution.addresses.join(QStringLiteral(", ")) : resolution.error)
                << '\n';
        for (const PreflightReport::RegistryCheck &check : host.registries)
            out << "  "
                << QCoreApplication::translate("Cli", "registry %1: %2")
                       .arg(check.url.isEmpty() ? check.host : check.url,
                            check.reached() ? QStringLiteral("HTTP %1").arg(check.status) : check.error)
                << '\n';
    }
    for (const QString &error : host.errors)
        out << "  " << QCoreApplication::translate("Cli", "problem: %1").arg(error) << '\n';
}

} // namespace

int runPreflight(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Looks at every node of the inventory with Ansible, read-only: its addresses and routes, its "
               "resolv.conf, the company names through the company DNS, and each registry from the node."));
    const InventoryOptions inventoryOptions;
    inventoryOptions.addTo(parser);
    const PasswordOptions passwordOptions;
    passwordOptions.addTo(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("Cli", "Print JSON instead of text."));
    parser.addOption(jsonOption);
    const QString exitCodes = QCoreApplication::translate(
        "Cli", "Exit codes: 0 the nodes see nothing known to break the cluster; 1 findings; 2 error (bad input, or "
               "Ansible could not run); 130 cancelled with Ctrl+C.");
    if (const auto exit = parseCommandLine(parser, QStringLiteral("preflight"), arguments, console, 0, exitCodes))
        return *exit;
    Assessment::Request request;
    if (const auto exit = inventoryOptions.fill(parser, request, console))
        return *exit;
    request.inspectAnsible = false; // `check` reports on Ansible; here it just runs

    // Passwords before anything slow, so a typo in a path is said at once. The preflight never uses sudo, so the
    // sudo password is only taken when given.
    QString connectionPassword, becomePassword;
    if (const auto exit = passwordOptions.read(parser, console, false, connectionPassword, becomePassword))
        return *exit;

    auto assessment = Assessment::run(request);
    if (!assessment) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(assessment.error().toString()) << Qt::endl;
        return ExitError;
    }
    const Inventory &inventory = assessment->config().inventory();
    Preflight preflight;
    preflight.setInventory(*assessment, assessment->site().value_or(SiteProfile()));
    if (!assessment->checkout().hasRoot())
        console.err << QCoreApplication::translate("Cli", "note: the inventory is not inside a Kubespray checkout; "
                                                          "running from %1.")
                           .arg(QDir::toNativeSeparators(preflight.command().kubesprayRoot))
                    << Qt::endl;
    preflight.setConnectionPassword(connectionPassword);
    preflight.setBecomePassword(becomePassword);
    connectionPassword.fill(QLatin1Char('\0'));
    becomePassword.fill(QLatin1Char('\0'));

    const bool json = parser.isSet(jsonOption);
    PreflightReport report;
    QString runError;
    bool cancelRequested = false;
    QEventLoop loop;
    ProgressLine progress(console.err);
    QObject::connect(&preflight, &Preflight::progressChanged, &loop,
                     [&](int done, int estimated, const QString &play, const QString &task, qint64 elapsedMs) {
                         const QString shown = !task.isEmpty() ? task
                                               : !play.isEmpty()
                                                   ? play
                                                   : QCoreApplication::translate("Cli", "starting ansible-playbook");
                         progress.show(QStringLiteral("preflight"), done, estimated, shown, elapsedMs);
                     });
    QObject::connect(&preflight, &Preflight::message, &loop, [&](const QString &line) { progress.print(line); });
    QObject::connect(&preflight, &Preflight::finished, &loop, [&](const PreflightReport &result, const QString &error) {
        report = result;
        runError = error;
        loop.quit();
    });
    const InterruptWatcher interrupt([&] {
        if (!cancelRequested)
            progress.print(QCoreApplication::translate("Cli", "Cancelling the preflight…"));
        cancelRequested = true;
        preflight.cancel();
    });

    QString startError;
    if (!preflight.start(&startError)) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(startError) << Qt::endl;
        return ExitError;
    }
    loop.exec();
    progress.clear();
    if (preflight.session() && !preflight.session()->logFilePath().isEmpty())
        console.err << QCoreApplication::translate("Cli", "Run log: %1")
                           .arg(QDir::toNativeSeparators(preflight.session()->logFilePath()))
                    << Qt::endl;
    if (cancelRequested) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(runError) << Qt::endl;
        return ExitCancelled;
    }
    if (!runError.isEmpty() && report.hosts.isEmpty()) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(runError) << Qt::endl;
        return ExitError;
    }

    assessment->applyPreflight(report);
    const QStringList preflightCodes = Analyzer::preflightCodes();
    QList<Finding> findings;
    for (const Finding &finding : assessment->findings()) {
        if (preflightCodes.contains(finding.code))
            findings.append(finding);
    }
    if (json) {
        QJsonArray hosts, findingArray;
        for (const PreflightReport::Host &host : report.hosts)
            hosts.append(toJson(host));
        for (const Finding &finding : findings)
            findingArray.append(finding.toJson());
        console.out << QJsonDocument(
                           QJsonObject{{QStringLiteral("hosts_file"), inventory.hostsFilePath()},
                                       {QStringLiteral("hosts"), hosts},
                                       {QStringLiteral("findings"), findingArray},
                                       {QStringLiteral("error"),
                                        runError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(runError)}})
                           .toJson(QJsonDocument::Indented);
    } else {
        for (const PreflightReport::Host &host : report.hosts)
            printHost(host, console.out);
        console.out << '\n';
        if (findings.isEmpty())
            console.out << QCoreApplication::translate("Cli", "No findings: the nodes see nothing known to break the "
                                                              "cluster.")
                        << '\n';
        else
            printFindings(findings, console.out);
    }
    console.out.flush();
    if (!runError.isEmpty()) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(runError) << Qt::endl;
        return ExitError;
    }
    const bool problems = std::any_of(findings.cbegin(), findings.cend(),
                                      [](const Finding &f) { return f.severity != Finding::Severity::Info; });
    return problems ? ExitFindings : ExitOk;
}

} // namespace ksw::cli
