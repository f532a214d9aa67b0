// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Assessment.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace ksw::cli {

/// Exit codes shared by every command (docs/cli.md).
enum ExitCode : int {
    ExitOk = 0,          ///< done; nothing blocking or worth a warning
    ExitFindings = 1,    ///< done, but findings remain (check) or could not be fixed (apply)
    ExitError = 2,       ///< bad input or a failure; nothing written
    ExitCancelled = 130, ///< stopped with Ctrl+C; nothing of the run is left running (preflight, deploy, reset, verify)
};

/// Standard output and error of a command, so tests can capture them.
struct Console {
    QTextStream &out;
    QTextStream &err;
};

/// Parses a command's options with --help and --lang already added. Returns an exit code when the command
/// must stop here (help shown: 0; bad options: 2, with the message on stderr), nothing to go on. `exitCodesHelp`
/// replaces the common exit-code text of --help for commands whose codes differ.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                    Console console, int maxPositional = 0, const QString &exitCodesHelp = {});

/// The options of every command that works on an inventory: --inventory, --site, --kubespray-version.
struct InventoryOptions {
    InventoryOptions();
    void addTo(QCommandLineParser &parser) const;
    /// Fills `request` from the parsed options; an exit code (with the message on stderr) when they are unusable.
    std::optional<int> fill(const QCommandLineParser &parser, Assessment::Request &request, Console console) const;

    QCommandLineOption inventory;
    QCommandLineOption site;
    QCommandLineOption kubesprayVersion;
};

/// True when `arguments` (without the program name) start with a command the CLI knows.
bool isCommand(const QStringList &arguments);
/// Runs a CLI command: arguments without the program name. Returns the process exit code.
int run(const QStringList &arguments, Console console);
/// Loads the program's (and Qt's) translations for `language` ("ja", "en", or empty for the system locale).
void installTranslations(const QString &language);
/// Text for `kubespray-wizard --help`.
QString usage();

} // namespace ksw::cli
