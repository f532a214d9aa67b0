// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "CommandLine.h"
#include "MainWizard.h"
#include "pages/OpenPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int ExitNoDisplay = 3;

void setApplicationNames() {
    QCoreApplication::setApplicationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setOrganizationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KSW_VERSION));
}

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

int runWizard(int argc, char *argv[]) {
    if (!hasDisplay()) {
        // No QCoreApplication yet, so no translator: this one message stays English.
        std::fputs("kubespray-wizard: no display to open the wizard on (DISPLAY is not set).\n"
                   "Log in with `ssh -X` or start it on the desktop; every feature also works from the command "
                   "line: kubespray-wizard --help\n",
                   stderr);
        return ExitNoDisplay;
    }
    // Over ssh -X the X server is remote: shared memory images would fail, so Qt must not try them.
    const QByteArray display = qgetenv("DISPLAY");
    if (!display.startsWith(':') && !display.isEmpty())
        qputenv("QT_XCB_NO_MITSHM", "1");

    QApplication app(argc, argv);
    setApplicationNames();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "Kubespray Wizard"));
    // Parsed before the translations are installed (--lang chooses them): the option texts are English.
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: en or ja."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption siteOption(QStringLiteral("site"), QStringLiteral("The site profile (company services)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption inventoryOption(QStringLiteral("inventory"),
                                             QStringLiteral("The inventory: a hosts file or its folder."),
                                             QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Open a fresh copy of the demo."));
    parser.addOptions({langOption, siteOption, inventoryOption, demoOption});
    parser.addPositionalArgument(QStringLiteral("inventory"), QStringLiteral("inventory"), QStringLiteral("[PATH]"));
    parser.process(app);
    const QString language = parser.value(langOption);
    if (!language.isEmpty() && language != u"en" && language != u"ja") {
        std::fprintf(stderr, "kubespray-wizard: --lang takes en or ja\n");
        return ksw::cli::ExitError;
    }
    ksw::cli::installTranslations(language);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kubespray_wizard.KubesprayWizard"));
    MainWizard::applyLocaleFont();

    MainWizard wizard;
    wizard.show();
    const QString inventory =
        parser.isSet(inventoryOption) ? parser.value(inventoryOption) : parser.positionalArguments().value(0);
    // After the window is up, so the page can show that it is reading.
    QTimer::singleShot(0, &wizard, [&] {
        if (!inventory.isEmpty())
            wizard.openPage()->openInventory(inventory, parser.value(siteOption));
        else if (parser.isSet(demoOption))
            wizard.openPage()->openDemo();
    });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[]) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const bool looksLikeCommand = !arguments.isEmpty() && !arguments.first().startsWith(u'-');
    const bool isPath = looksLikeCommand && (arguments.first().contains(u'/') || arguments.first().contains(u'.'));
    if (ksw::cli::isCommand(arguments) || (looksLikeCommand && !isPath)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return ksw::cli::run(QCoreApplication::arguments().mid(1), {out, err});
    }
    return runWizard(argc, argv);
}
