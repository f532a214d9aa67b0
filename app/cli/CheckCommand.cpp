// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "CheckCommand.h"

#include "ProbeCommand.h"
#include "analysis/Assessment.h"
#include "yaml/YamlValues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ksw::cli {

void printFindings(const QList<Finding> &findings, QTextStream &out) {
    for (const Finding &finding : findings) {
        out << '[' << Finding::translatedSeverityName(finding.severity) << "] " << finding.code << '\n';
        out << "  " << finding.message.translated() << '\n';
        if (!finding.explanation.isEmpty())
            out << "  " << finding.explanation.translated() << '\n';
        for (const Finding::NamedOrigin &origin : finding.origins)
            out << "    " << QCoreApplication::translate("Cli", "%1: %2").arg(origin.name, origin.origin.describe())
                << '\n';
        if (!finding.fix.isEmpty()) {
            out << "  " << QCoreApplication::translate("Cli", "Proposed fix:") << '\n';
            for (const SettingChange &change : finding.fix.changes) {
                if (change.unwritable.isEmpty())
                    out << "    " << change.file << ": " << change.key << ": " << yaml::toDisplayText(change.value)
                        << '\n';
                else
                    out << "    " << change.key << ": " << yaml::toDisplayText(change.value) << '\n'
                        << "      " << change.unwritable << '\n';
            }
            if (!finding.fix.note.isEmpty())
                out << "    " << finding.fix.note.translated() << '\n';
        }
        out << '\n';
    }
    int blocking = 0, warnings = 0, infos = 0;
    for (const Finding &finding : findings) {
        if (finding.severity == Finding::Severity::Blocking)
            ++blocking;
        else if (finding.severity == Finding::Severity::Warning)
            ++warnings;
        else
            ++infos;
    }
    out << QCoreApplication::translate("Cli", "Blocking: %1, warnings: %2, information: %3.")
               .arg(blocking)
               .arg(warnings)
               .arg(infos)
        << '\n';
}

namespace {

void printHuman(const Assessment &assessment, QTextStream &out) {
    const Inventory &inventory = assessment.config().inventory();
    out << QCoreApplication::translate("Cli", "Inventory:  %1").arg(QDir::toNativeSeparators(inventory.hostsFilePath()))
        << '\n';
    const Checkout &checkout = assessment.checkout();
    if (checkout.version())
        out << QCoreApplication::translate("Cli", "Kubespray:  %1 (%2)")
                   .arg(checkout.version()->toString(), checkout.versionEvidence())
            << '\n';
    else
        out << QCoreApplication::translate("Cli", "Kubespray:  version unknown") << '\n';
    if (const auto &ansible = assessment.ansible(); ansible && !ansible->playbookPath.isEmpty()) {
        out << QCoreApplication::translate("Cli", "Ansible:    %1 (ansible-core %2)")
                   .arg(ansible->playbookPath, ansible->coreVersion ? ansible->coreVersion->toString()
                                                                    : QCoreApplication::translate("Cli", "unknown"))
            << '\n';
    }
    if (const auto &site = assessment.site()) {
        out << QCoreApplication::translate("Cli", "Profile:    %1").arg(QDir::toNativeSeparators(site->path()));
        if (assessment.siteProfileWasKept())
            out << ' ' << QCoreApplication::translate("Cli", "(kept from an earlier apply)");
        out << '\n';
    }
    for (const QString &note : inventory.notes())
        out << QCoreApplication::translate("Cli", "Note:       %1").arg(note) << '\n';
    out << '\n';

    if (assessment.findings().isEmpty()) {
        out << QCoreApplication::translate("Cli",
                                           "No findings: nothing in this inventory is known to break the cluster.")
            << '\n';
        return;
    }
    printFindings(assessment.findings(), out);
}

QJsonObject valueJson(const Inventory::Value &value) {
    const Origin &origin = value.setting.origin;
    static const QHash<Origin::Kind, QString> kinds = {
        {Origin::Kind::Inventory, QStringLiteral("inventory")},
        {Origin::Kind::KubesprayRole, QStringLiteral("kubespray-role")},
        {Origin::Kind::BuiltInDefault, QStringLiteral("kubespray-default")},
        {Origin::Kind::Unset, QStringLiteral("unset")}};
    QJsonObject object{
        {QStringLiteral("value"),
         value.setting.isDefined() ? yaml::toJson(value.setting.value) : QJsonValue(QJsonValue::Undefined)},
        {QStringLiteral("origin"), origin.describe()},
        {QStringLiteral("kind"), kinds.value(origin.kind)},
        {QStringLiteral("hosts"), QJsonArray::fromStringList(value.hosts)},
    };
    if (!value.setting.isDefined())
        object.insert(QStringLiteral("value"), QJsonValue(QJsonValue::Null));
    if (!origin.displayPath.isEmpty())
        object.insert(QStringLiteral("file"), origin.displayPath);
    if (origin.line > 0)
        object.insert(QStringLiteral("line"), origin.line);
    // Where it is set, in words that do not depend on the language: group_vars of a group, host_vars of a host,
    // or the vars the hosts file gives a group or host.
    static const QHash<Inventory::Value::Place, QString> places = {
        {Inventory::Value::Place::GroupVars, QStringLiteral("group_vars")},
        {Inventory::Value::Place::HostVars, QStringLiteral("host_vars")},
        {Inventory::Value::Place::HostsFileGroup, QStringLiteral("hosts_file_group")},
        {Inventory::Value::Place::HostsFileHost, QStringLiteral("hosts_file_host")}};
    if (places.contains(value.place)) {
        object.insert(QStringLiteral("place"), places.value(value.place));
        object.insert(QStringLiteral("target"), value.target);
    }
    return object;
}

/// Every variable the analysis reads, as each node gets it: the cluster's settings on the cluster's nodes (with
/// Kubespray's defaults), the addressing variables on every host.
QJsonArray settingsJson(const ClusterConfig &config) {
    QJsonArray settings;
    const auto add = [&](const QString &name, const QList<Inventory::Value> &values) {
        QJsonArray entries;
        for (const Inventory::Value &value : values)
            entries.append(valueJson(value));
        settings.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("values"), entries}});
    };
    for (const QString &name : TrackedVariables::all())
        add(name, config.nodeValues(name));
    for (const QString &name : TrackedVariables::addressing())
        add(name, config.inventory().valuesOn(name, config.inventory().hostNames()));
    return settings;
}

QJsonObject toJson(const Assessment &assessment) {
    QJsonArray findings;
    for (const Finding &finding : assessment.findings())
        findings.append(finding.toJson());
    const Checkout &checkout = assessment.checkout();
    QJsonObject object{
        {QStringLiteral("kubespray_version"),
         checkout.version() ? QJsonValue(checkout.version()->toString()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("kubespray_version_evidence"), checkout.versionEvidence()},
        {QStringLiteral("hosts_file"), assessment.config().inventory().hostsFilePath()},
        {QStringLiteral("site_profile"),
         assessment.site() ? QJsonValue(assessment.site()->path()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(assessment.config().inventory().notes())},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("settings"), settingsJson(assessment.config())},
    };
    if (const auto &ansible = assessment.ansible()) {
        object.insert(QStringLiteral("ansible"),
                      QJsonObject{{QStringLiteral("ansible_playbook"), ansible->playbookPath},
                                  {QStringLiteral("core_version"), ansible->coreVersion
                                                                       ? QJsonValue(ansible->coreVersion->toString())
                                                                       : QJsonValue(QJsonValue::Null)},
                                  {QStringLiteral("python"), ansible->pythonPath}});
    }
    return object;
}

} // namespace

int runCheck(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Reads a Kubespray inventory and reports what will break the cluster."));
    const InventoryOptions inventoryOptions;
    inventoryOptions.addTo(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("Cli", "Print JSON instead of text."));
    parser.addOption(jsonOption);
    const QCommandLineOption probeOption(
        QStringLiteral("probe"),
        QCoreApplication::translate("Cli", "Also ask the registries and the company DNS how they answer from here."));
    parser.addOption(probeOption);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("check"), arguments, console))
        return *exit;
    Assessment::Request request;
    if (const auto exit = inventoryOptions.fill(parser, request, console))
        return *exit;

    auto assessment = Assessment::run(request);
    if (!assessment) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(assessment.error().toString()) << Qt::endl;
        return ExitError;
    }
    if (parser.isSet(probeOption)) {
        if (assessment->site())
            assessment->applyProbe(probeSite(*assessment->site(), 5000, console, !parser.isSet(jsonOption)));
        else
            console.err << QCoreApplication::translate("Cli", "note: --probe needs a site profile (--site FILE); "
                                                              "nothing was probed.")
                        << Qt::endl;
    }
    if (parser.isSet(jsonOption))
        console.out << QJsonDocument(toJson(*assessment)).toJson(QJsonDocument::Indented);
    else
        printHuman(*assessment, console.out);
    console.out.flush();
    return assessment->hasProblems() ? ExitFindings : ExitOk;
}

} // namespace ksw::cli
