// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "HistoryCommands.h"

#include "kubespray/Inventory.h"
#include "store/FileTransaction.h"
#include "store/History.h"
#include "store/InventoryEdit.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace ksw::cli {

namespace {

/// Parses the options both commands share and finds the inventory folder; an exit code when it must stop.
std::optional<int> inventoryFolder(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                   Console console, int positional, QString &folder) {
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"), QCoreApplication::translate("Cli", "The inventory: a hosts file or its folder."),
        QCoreApplication::translate("Cli", "PATH"));
    parser.addOption(inventoryOption);
    if (const auto exit = parseCommandLine(parser, command, arguments, console, positional))
        return exit;
    if (!parser.isSet(inventoryOption)) {
        console.err << QCoreApplication::translate("Cli", "error: --inventory PATH is required.") << Qt::endl;
        return ExitError;
    }
    const auto inventory = Inventory::load(parser.value(inventoryOption));
    if (!inventory) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(inventory.error().toString()) << Qt::endl;
        return ExitError;
    }
    folder = inventory->directory();
    const auto recovery = FileTransaction::recover(folder);
    if (!recovery) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(recovery.error().toString()) << Qt::endl;
        return ExitError;
    }
    if (!recovery->summary().isEmpty())
        console.err << recovery->summary() << Qt::endl;
    return std::nullopt;
}

} // namespace

int runHistory(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Lists the earlier versions of the inventory's files that were kept "
                                           "before each write."));
    QString folder;
    if (const auto exit = inventoryFolder(parser, QStringLiteral("history"), arguments, console, 0, folder))
        return *exit;
    const History history(folder);
    const QList<History::Entry> entries = history.entries();
    if (entries.isEmpty()) {
        console.out << QCoreApplication::translate("Cli", "No earlier versions are kept for this inventory.")
                    << Qt::endl;
        return ExitOk;
    }
    for (const History::Entry &entry : entries) {
        console.out << entry.id << "  " << entry.time.toLocalTime().toString(Qt::ISODate) << "  " << entry.reason
                    << '\n';
        for (const QString &file : entry.files)
            console.out << "    " << file << '\n';
    }
    console.out << QCoreApplication::translate("Cli", "Kept in %1").arg(QDir::toNativeSeparators(history.folder()))
                << Qt::endl;
    return ExitOk;
}

int runRestore(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Puts back the files of an earlier version. The files as they are now "
                                           "are kept as a new version first, so a restore can be undone."));
    parser.addPositionalArgument(QStringLiteral("VERSION"),
                                 QCoreApplication::translate("Cli", "A version listed by “history”."));
    QString folder;
    if (const auto exit = inventoryFolder(parser, QStringLiteral("restore"), arguments, console, 1, folder))
        return *exit;
    if (parser.positionalArguments().isEmpty()) {
        console.err << QCoreApplication::translate("Cli", "error: which version? Run “history” to list them.")
                    << Qt::endl;
        return ExitError;
    }
    History history(folder);
    const QString version = parser.positionalArguments().first();
    const auto entry = InventoryEdit::restore(folder, history, version);
    if (!entry) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(entry.error().toString()) << Qt::endl;
        return ExitError;
    }
    console.out << QCoreApplication::translate("Cli", "Restored %1. The files as they were are kept as version %2.")
                       .arg(version, entry->id)
                << Qt::endl;
    return ExitOk;
}

} // namespace ksw::cli
