// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setOrganizationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KSW_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool looksLikeCommand = !arguments.isEmpty() && !arguments.first().startsWith(u'-');
    if (!ksw::cli::isCommand(arguments) && !looksLikeCommand) {
        // The wizard itself arrives with the GUI; until then, say what the command line offers.
        err << ksw::cli::usage();
        return arguments.isEmpty() ? ksw::cli::ExitOk : ksw::cli::ExitError;
    }
    return ksw::cli::run(arguments, {out, err});
}
