// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "ApplyCommand.h"

#include "ProbeCommand.h"
#include "analysis/Assessment.h"
#include "analysis/ChangeSet.h"
#include "store/InventoryEdit.h"
#include "store/InventoryStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace ksw::cli {

namespace {

/// Blocking findings the proposals do not cover: apply cannot make those go away.
QStringList unfixable(const QList<Finding> &findings) {
    QStringList codes;
    for (const Finding &finding : findings) {
        if (finding.severity == Finding::Severity::Blocking && finding.fix.isEmpty() && !codes.contains(finding.code))
            codes.append(finding.code);
    }
    return codes;
}

} // namespace

int runApply(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Writes the proposed fixes into the inventory. Only the keys that must "
                                           "change are edited; comments and everything else stay as they are. The "
                                           "files as they were are kept in the history."));
    const InventoryOptions inventoryOptions;
    inventoryOptions.addTo(parser);
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QCoreApplication::translate("Cli", "Show the changes; write nothing."));
    parser.addOption(dryRunOption);
    const QCommandLineOption probeOption(
        QStringLiteral("probe"),
        QCoreApplication::translate("Cli", "First ask the registries and the company DNS of the site profile how they "
                                           "answer from here, and fix what they answer too (a registry's scheme or "
                                           "an untrusted certificate the profile does not state)."));
    parser.addOption(probeOption);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("apply"), arguments, console))
        return *exit;
    Assessment::Request request;
    if (const auto exit = inventoryOptions.fill(parser, request, console))
        return *exit;
    request.inspectAnsible = false; // writing settings does not need Ansible
    auto assessment = Assessment::run(request);
    if (!assessment) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(assessment.error().toString()) << Qt::endl;
        return ExitError;
    }
    if (parser.isSet(probeOption)) {
        if (!assessment->site()) {
            console.err << QCoreApplication::translate("Cli", "error: --probe needs a site profile (--site FILE).")
                        << Qt::endl;
            return ExitError;
        }
        // Progress on stderr: stdout carries the diff.
        assessment->applyProbe(probeSite(*assessment->site(), 5000, console, true));
    }
    const QString directory = assessment->config().inventory().directory();
    const ChangeSet changes = ChangeSet::fromFindings(assessment->findings());
    const auto edit = InventoryEdit::prepare(assessment->config().inventory(), changes);
    if (!edit) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(edit.error().toString()) << Qt::endl;
        return ExitError;
    }

    // The site profile given now is kept for this inventory, so later runs (and re-deploys) need not be told; only
    // once the inventory is saved, so that a failed apply changes nothing at all.
    const auto keepSiteProfile = [&]() -> std::optional<int> {
        if (!parser.isSet(inventoryOptions.site) || parser.isSet(dryRunOption))
            return std::nullopt;
        QFile site(parser.value(inventoryOptions.site));
        if (!site.open(QIODevice::ReadOnly))
            return std::nullopt;
        if (auto problem = InventoryStore(directory).keepSiteProfile(site.readAll())) {
            console.err << QCoreApplication::translate("Cli", "error: %1").arg(problem->toString()) << Qt::endl;
            return ExitError;
        }
        return std::nullopt;
    };

    const QStringList remaining = unfixable(assessment->findings());
    if (edit->isEmpty()) {
        console.out << QCoreApplication::translate("Cli", "Nothing to change.") << Qt::endl;
        if (const auto exit = keepSiteProfile())
            return *exit;
    } else {
        console.out << edit->unifiedDiff();
        if (parser.isSet(dryRunOption)) {
            console.out << QCoreApplication::translate("Cli", "Dry run: nothing was written.") << Qt::endl;
        } else {
            History history(directory);
            QStringList codes;
            for (const Finding &finding : assessment->findings()) {
                if (!finding.fix.isEmpty() && !codes.contains(finding.code))
                    codes.append(finding.code);
            }
            const auto entry = edit->write(history, QStringLiteral("apply: ") + codes.join(QStringLiteral(", ")));
            if (!entry) {
                console.err << QCoreApplication::translate("Cli", "error: %1").arg(entry.error().toString())
                            << Qt::endl;
                return ExitError;
            }
            console.out << QCoreApplication::translate("Cli", "Written. The earlier files are kept as version %1 "
                                                              "in %2.")
                               .arg(entry->id, QDir::toNativeSeparators(history.folder()))
                        << Qt::endl;
            if (const auto exit = keepSiteProfile())
                return *exit;
        }
    }
    if (!remaining.isEmpty()) {
        console.out << QCoreApplication::translate("Cli", "Not fixed automatically: %1. Run “check” for "
                                                          "details.")
                           .arg(remaining.join(QStringLiteral(", ")))
                    << Qt::endl;
        return ExitFindings;
    }
    return ExitOk;
}

} // namespace ksw::cli
