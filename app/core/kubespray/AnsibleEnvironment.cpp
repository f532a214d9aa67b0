// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/AnsibleEnvironment.h"

#include "kubespray/Checkout.h"
#include "util/ChildLocale.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ksw {

namespace {

constexpr int ProcessTimeoutMs = 20000;

struct ProcessResult {
    bool ok = false;
    QString output;
    QString problem;
};

ProcessResult run(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(withInstalledLocale(QProcessEnvironment::systemEnvironment()));
    process.start();
    if (!process.waitForStarted(ProcessTimeoutMs))
        return {false, {}, process.errorString()};
    if (!process.waitForFinished(ProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {false, {}, QCoreApplication::translate("Ansible", "%1 did not answer in time.").arg(program)};
    }
    const QString output = QString::fromUtf8(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {false, output, QCoreApplication::translate("Ansible", "%1 failed: %2").arg(program, output.trimmed())};
    return {true, output, {}};
}

} // namespace

AnsibleEnvironment AnsibleEnvironment::detect(const Checkout &checkout) {
    const QString venv = checkout.venvAnsiblePlaybook();
    if (!venv.isEmpty())
        return inspect(venv, true);
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
    if (onPath.isEmpty()) {
        AnsibleEnvironment environment;
        environment.problem = QCoreApplication::translate(
            "Ansible", "No ansible-playbook found: neither in the checkout's venv/bin nor on PATH.");
        return environment;
    }
    return inspect(onPath, false);
}

AnsibleEnvironment AnsibleEnvironment::inspect(const QString &playbookPath, bool fromVenv) {
    AnsibleEnvironment environment;
    environment.playbookPath = playbookPath;
    environment.fromVenv = fromVenv;

    // "ansible-playbook [core 2.14.18]" ... "python version = 3.11.2 (main, ...) [GCC 12.2.0] (/usr/bin/python3)"
    const ProcessResult version = run(playbookPath, {QStringLiteral("--version")});
    if (!version.ok) {
        environment.problem = version.problem;
        return environment;
    }
    static const QRegularExpression corePattern(QStringLiteral("\\[core ([0-9][0-9.]*)"));
    static const QRegularExpression pythonPattern(QStringLiteral("python version = .*\\((/[^()]+)\\)\\s*$"),
                                                  QRegularExpression::MultilineOption);
    if (const auto match = corePattern.match(version.output); match.hasMatch())
        environment.coreVersion = AnsibleVersion::parse(match.capturedView(1));
    if (const auto match = pythonPattern.match(version.output); match.hasMatch())
        environment.pythonPath = match.captured(1).trimmed();
    if (!environment.coreVersion) {
        environment.problem =
            QCoreApplication::translate("Ansible", "Could not read the ansible-core version from %1 --version.")
                .arg(playbookPath);
        return environment;
    }
    if (environment.pythonPath.isEmpty()) {
        environment.problem =
            QCoreApplication::translate("Ansible", "Could not find which Python %1 runs on.").arg(playbookPath);
        return environment;
    }

    const QString script =
        QStringLiteral("import importlib.util, sys\n"
                       "print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))");
    const ProcessResult modules =
        run(environment.pythonPath, QStringList{QStringLiteral("-c"), script} + requiredModules());
    if (!modules.ok) {
        environment.problem = modules.problem;
        return environment;
    }
    environment.missingModules = modules.output.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return environment;
}

} // namespace ksw
