// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "CommandLine.h"

#include "ApplyCommand.h"
#include "CheckCommand.h"
#include "DeployCommands.h"
#include "HistoryCommands.h"
#include "PreflightCommand.h"
#include "ProbeCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ksw::cli {

namespace {

struct CommandEntry {
    const char *name;
    int (*run)(const QStringList &arguments, Console console);
};

const CommandEntry commands[] = {
    {"check", &runCheck},     {"apply", &runApply}, {"history", &runHistory},
    {"restore", &runRestore}, {"probe", &runProbe}, {"preflight", &runPreflight},
    {"deploy", &runDeploy},   {"reset", &runReset}, {"verify", &runVerify},
};

} // namespace

namespace {

/// The arguments without a leading "--lang X", which every command and the wizard accept first.
QStringList withoutLeadingLanguage(QStringList arguments) {
    if (arguments.size() >= 2 && arguments.first() == u"--lang")
        arguments.remove(0, 2);
    return arguments;
}

} // namespace

bool isCommand(const QStringList &allArguments) {
    const QStringList arguments = withoutLeadingLanguage(allArguments);
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    if (first == u"--help" || first == u"-h" || first == u"--version" || first == u"help")
        return true;
    for (const CommandEntry &command : commands) {
        if (first == QLatin1String(command.name))
            return true;
    }
    return false;
}

QString usage() {
    return QCoreApplication::translate(
        "Cli", "Usage: kubespray-wizard [COMMAND] [OPTIONS]\n"
               "       kubespray-wizard [--lang en|ja] [--site FILE] [INVENTORY | --demo]   (the wizard)\n"
               "\n"
               "Commands:\n"
               "  check   --inventory PATH [--site FILE] [--json] [--probe] [--kubespray-version VERSION]\n"
               "      Reads a Kubespray inventory and reports what will break the cluster.\n"
               "  apply   --inventory PATH [--site FILE] [--dry-run] [--kubespray-version VERSION]\n"
               "      Writes the proposed fixes into the inventory; the earlier files are kept.\n"
               "  history --inventory PATH\n"
               "      Lists the kept earlier versions of the inventory's files.\n"
               "  restore --inventory PATH VERSION\n"
               "      Puts back the files of an earlier version.\n"
               "  probe   --site FILE [--json] [--timeout MS]\n"
               "      Asks the registries and the company DNS how they answer from here.\n"
               "  preflight --inventory PATH [--site FILE] [--password-file FILE]\n"
               "          [--become-password-file FILE] [--json] [--kubespray-version VERSION]\n"
               "      Looks at every node with Ansible, read-only: routes, resolv.conf, company DNS, registries.\n"
               "  deploy  --inventory PATH [--reset] [--verify] [--retry-once] [--password-file FILE]\n"
               "          [--become-password-file FILE] [--force] [--verbosity N] [--verify-timeout SECONDS]\n"
               "      Runs cluster.yml (with --reset: reset.yml first), then optionally the verification job.\n"
               "  reset   --inventory PATH [--password-file FILE] [--become-password-file FILE]\n"
               "      Runs reset.yml without a prompt: Kubernetes is removed from the nodes.\n"
               "  verify  --inventory PATH [--image IMAGE] [--timeout SECONDS] [--json]\n"
               "      Runs the verification job on the cluster and diagnoses a failure.\n"
               "Every command takes --lang en|ja and --help.\n"
               "\n"
               "Exit codes: 0 done; 1 findings remain (check, apply, preflight) or the run or verification failed\n"
               "(deploy, reset, verify); 2 error (bad input; nothing written or run); 3 no display for the wizard;\n"
               "130 cancelled with Ctrl+C.\n");
}

void installTranslations(const QString &language) {
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(QCoreApplication::instance());
    if (appTranslator->load(locale, QStringLiteral("kubespray-wizard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

InventoryOptions::InventoryOptions()
    : inventory(QStringLiteral("inventory"),
                QCoreApplication::translate("Cli", "The inventory: a hosts file or its folder."),
                QCoreApplication::translate("Cli", "PATH"))
    , site(QStringLiteral("site"), QCoreApplication::translate("Cli", "The site profile (company services)."),
           QCoreApplication::translate("Cli", "FILE"))
    , kubesprayVersion(QStringLiteral("kubespray-version"),
                       QCoreApplication::translate("Cli", "The Kubespray release, when it cannot be detected."),
                       QCoreApplication::translate("Cli", "VERSION")) {}

void InventoryOptions::addTo(QCommandLineParser &parser) const {
    parser.addOptions({inventory, site, kubesprayVersion});
}

std::optional<int> InventoryOptions::fill(const QCommandLineParser &parser, Assessment::Request &request,
                                          Console console) const {
    if (!parser.isSet(inventory)) {
        console.err << QCoreApplication::translate("Cli", "error: --inventory PATH is required.") << Qt::endl;
        return ExitError;
    }
    request.inventoryPath = parser.value(inventory);
    request.siteProfilePath = parser.value(site);
    if (parser.isSet(kubesprayVersion)) {
        request.kubesprayVersion = KubesprayVersion::parse(parser.value(kubesprayVersion));
        if (!request.kubesprayVersion) {
            console.err << QCoreApplication::translate(
                               "Cli", "error: --kubespray-version: “%1” is not a version such as v2.25.0.")
                               .arg(parser.value(kubesprayVersion))
                        << Qt::endl;
            return ExitError;
        }
    }
    return std::nullopt;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                    Console console, int maxPositional, const QString &exitCodesHelp) {
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("Cli", "Language of the messages: en or ja."),
                                        QCoreApplication::translate("Cli", "LANG"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("Cli", "Show this help."));
    parser.addOption(langOption);
    parser.addOption(helpOption);
    if (!parser.parse(QStringList{QStringLiteral("kubespray-wizard ") + command} + arguments)) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(parser.errorText()) << Qt::endl;
        return ExitError;
    }
    if (parser.isSet(helpOption)) {
        console.out << parser.helpText()
                    << (exitCodesHelp.isEmpty()
                            ? QCoreApplication::translate("Cli", "Exit codes: 0 done, nothing left to report; 1 "
                                                                 "findings remain; 2 error (bad input; nothing was "
                                                                 "written).")
                            : exitCodesHelp)
                    << Qt::endl;
        return ExitOk;
    }
    if (parser.positionalArguments().size() > maxPositional) {
        console.err << QCoreApplication::translate("Cli", "error: unexpected argument “%1”.")
                           .arg(parser.positionalArguments().value(maxPositional))
                    << Qt::endl;
        return ExitError;
    }
    return std::nullopt;
}

int run(const QStringList &arguments, Console console) {
    // --lang is accepted by every command; it must be in effect before any text is made.
    QString language;
    const qsizetype langIndex = arguments.indexOf(QStringLiteral("--lang"));
    if (langIndex >= 0 && langIndex + 1 < arguments.size())
        language = arguments.at(langIndex + 1);
    if (!language.isEmpty() && language != u"en" && language != u"ja") {
        console.err << QCoreApplication::translate("Cli", "error: --lang takes en or ja, not “%1”.").arg(language)
                    << Qt::endl;
        return ExitError;
    }
    installTranslations(language);

    const QString first = withoutLeadingLanguage(arguments).value(0);
    if (first == u"--version") {
        console.out << "kubespray-wizard " << QStringLiteral(KSW_VERSION) << Qt::endl;
        return ExitOk;
    }
    if (first == u"--help" || first == u"-h" || first == u"help") {
        console.out << usage();
        return ExitOk;
    }
    for (const CommandEntry &command : commands) {
        if (first == QLatin1String(command.name))
            return command.run(withoutLeadingLanguage(arguments).mid(1), console);
    }
    console.err << QCoreApplication::translate("Cli", "error: unknown command “%1”.").arg(first) << Qt::endl << usage();
    return ExitError;
}

} // namespace ksw::cli
