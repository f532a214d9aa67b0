// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "DeployCommands.h"

#include "CheckCommand.h"
#include "RunSupport.h"
#include "analysis/Assessment.h"
#include "deploy/DeployPipeline.h"
#include "run/RunSession.h"
#include "site/SiteProfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace ksw::cli {

namespace {

QString exitCodesHelp() {
    return QCoreApplication::translate(
        "Cli", "Exit codes: 0 done (and, with verification, the job completed with exit code 0); 1 a playbook failed, "
               "the verification failed, or blocking findings stopped the deploy; 2 bad input or refused (nothing "
               "ran); 130 cancelled with Ctrl+C.");
}

/// The most seconds a time-out option takes: its milliseconds must fit an int.
constexpr int kMostSeconds = std::numeric_limits<int>::max() / 1000;

/// The option's value as a whole number from `minimum` to `maximum`; nothing, with `problem` (its %1: the text
/// given) on stderr, otherwise.
std::optional<int> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
                                int maximum, const QString &problem, Console console) {
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (ok && value >= minimum && value <= maximum)
        return value;
    console.err << problem.arg(parser.value(option)) << Qt::endl;
    return std::nullopt;
}

/// --kubectl PROGRAM, for deploy and verify.
QCommandLineOption kubectlProgramOption() {
    return QCommandLineOption(QStringLiteral("kubectl"),
                              QCoreApplication::translate("Cli", "The kubectl to use with artifacts/admin.conf "
                                                                 "(default: artifacts/kubectl, else PATH)."),
                              QCoreApplication::translate("Cli", "PROGRAM"));
}

/// The diagnosis of a failed verification, in words, for a terminal.
void printVerification(const VerificationResult &result, QTextStream &out) {
    out << result.summary() << '\n';
    if (!result.jobName.isEmpty())
        out << QCoreApplication::translate("Cli", "  job %1, pod %2")
                   .arg(result.jobName, result.podName.isEmpty() ? QStringLiteral("-") : result.podName)
            << '\n';
    if (result.succeeded())
        return;
    if (!result.diagnosis.summary.isEmpty())
        out << "  " << result.diagnosis.summary << '\n';
    else if (!result.reason.isEmpty() && result.outcome != VerificationResult::Outcome::Failed)
        out << "  " << result.reason << '\n'; // no access, an error of kubectl: the reason is the explanation
    if (!result.diagnosis.evidence.isEmpty())
        out << "  " << QCoreApplication::translate("Cli", "What the cluster said: %1").arg(result.diagnosis.evidence)
            << '\n';
    if (result.diagnosis.topic)
        out << "  "
            << QCoreApplication::translate("Cli", "Fix it in the wizard on the page “%1”.")
                   .arg(topicTitle(*result.diagnosis.topic))
            << '\n';
    for (const QString &event : result.events)
        out << "  " << QCoreApplication::translate("Cli", "event: %1").arg(event) << '\n';
    if (!result.log.isEmpty()) {
        out << "  " << QCoreApplication::translate("Cli", "container log:") << '\n';
        for (const QString &line : result.log.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out << "    " << line << '\n';
    }
}

QJsonObject toJson(const VerificationResult &result) {
    return QJsonObject{
        {QStringLiteral("outcome"), VerificationResult::outcomeName(result.outcome)},
        {QStringLiteral("summary"), result.summary()},
        {QStringLiteral("succeeded"), result.succeeded()},
        {QStringLiteral("exit_code"), result.exitCode ? QJsonValue(*result.exitCode) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("job"), result.jobName},
        {QStringLiteral("pod"), result.podName},
        {QStringLiteral("namespace"), result.namespaceName},
        {QStringLiteral("reason"), result.reason},
        {QStringLiteral("events"), QJsonArray::fromStringList(result.events)},
        {QStringLiteral("log"), result.log},
        {QStringLiteral("cleaned_up"), result.cleanedUp},
        {QStringLiteral("diagnosis"),
         QJsonObject{{QStringLiteral("page"),
                      result.diagnosis.topic ? topicKey(*result.diagnosis.topic) : QStringLiteral("none")},
                     {QStringLiteral("summary"), result.diagnosis.summary},
                     {QStringLiteral("evidence"), result.diagnosis.evidence}}},
    };
}

int exitCodeOf(const DeployPipeline::Result &result) {
    switch (result.outcome) {
    case DeployPipeline::Outcome::Succeeded:
        return ExitOk;
    case DeployPipeline::Outcome::Failed:
        return ExitRunFailed;
    case DeployPipeline::Outcome::Cancelled:
        return ExitCancelled;
    }
    return ExitRunFailed;
}

/// Runs the pipeline to its end with a progress line and Ctrl+C; `begin` starts it.
DeployPipeline::Result runPipeline(DeployPipeline &pipeline, Console console,
                                   const std::function<bool(QString *)> &begin, bool *started) {
    ProgressLine progress(console.err);
    DeployPipeline::Result result;
    QEventLoop loop;
    QString stepPrefix;
    QObject::connect(
        &pipeline, &DeployPipeline::stepStarted, &loop, [&](DeployPipeline::Step step, int index, int count) {
            stepPrefix = QStringLiteral("%1 %2/%3").arg(DeployPipeline::stepName(step)).arg(index + 1).arg(count);
            progress.print(QCoreApplication::translate("Cli", "Step %1 of %2: %3")
                               .arg(index + 1)
                               .arg(count)
                               .arg(DeployPipeline::stepName(step)));
        });
    QObject::connect(&pipeline, &DeployPipeline::runStarted, &loop, [&](RunSession *run) {
        QObject::connect(run, &RunSession::progressChanged, &loop,
                         [&](int done, int estimated, const QString &, const QString &task, qint64 elapsedMs) {
                             progress.show(stepPrefix, done, estimated, task, elapsedMs);
                         });
        QObject::connect(run, &RunSession::message, &loop, [&](const QString &line) { progress.print(line); });
    });
    QObject::connect(&pipeline, &DeployPipeline::stepFinished, &loop,
                     [&](DeployPipeline::Step step, bool, const QString &summary) {
                         progress.print(summary);
                         if (step != DeployPipeline::Step::Verify && pipeline.currentRun() &&
                             !pipeline.currentRun()->logFilePath().isEmpty())
                             progress.print(QCoreApplication::translate("Cli", "  run log: %1")
                                                .arg(QDir::toNativeSeparators(pipeline.currentRun()->logFilePath())));
                     });
    QObject::connect(&pipeline, &DeployPipeline::message, &loop, [&](const QString &line) {
        if (pipeline.currentStep() == DeployPipeline::Step::Verify)
            progress.print(line);
    });
    QObject::connect(&pipeline, &DeployPipeline::finished, &loop, [&](const DeployPipeline::Result &r) {
        result = r;
        loop.quit();
    });
    bool cancelling = false;
    InterruptWatcher interrupt([&] {
        if (!cancelling)
            progress.print(
                QCoreApplication::translate("Cli", "Cancelling: stopping Ansible and everything it started…"));
        cancelling = true;
        pipeline.cancel();
    });
    QString error;
    *started = begin(&error);
    if (!*started) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(error) << Qt::endl;
        return result;
    }
    loop.exec();
    progress.clear();
    return result;
}

/// deploy and reset: the same steps with different actions.
int runPlaybooks(const QString &command, const QStringList &arguments, Console console, bool resetOnly) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        resetOnly
            ? QCoreApplication::translate(
                  "Cli", "Runs Kubespray's reset.yml on the inventory's nodes (no prompt): Kubernetes is removed.")
            : QCoreApplication::translate(
                  "Cli", "Runs Kubespray's cluster.yml on the inventory's nodes; with --reset, reset.yml first."));
    const InventoryOptions inventoryOptions;
    inventoryOptions.addTo(parser);
    const PasswordOptions passwordOptions;
    passwordOptions.addTo(parser);
    const QCommandLineOption resetOption(
        QStringLiteral("reset"),
        QCoreApplication::translate("Cli", "Reset first (reset.yml, then cluster.yml): needed after a range change."));
    const QCommandLineOption verifyOption(
        QStringLiteral("verify"),
        QCoreApplication::translate("Cli", "Run the verification job after a successful deploy."));
    const QCommandLineOption retryOption(
        QStringLiteral("retry-once"),
        QCoreApplication::translate("Cli", "Run cluster.yml once more when it fails (announced in the log)."));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QCoreApplication::translate("Cli", "Deploy despite blocking findings or a range change without --reset."));
    const QCommandLineOption verbosityOption(
        QStringLiteral("verbosity"), QCoreApplication::translate("Cli", "Ansible's detail level, 0 to 4 (-v … -vvvv)."),
        QCoreApplication::translate("Cli", "N"), QStringLiteral("0"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("verify-timeout"),
        QCoreApplication::translate("Cli", "How long the verification job may take, in seconds (default 600)."),
        QCoreApplication::translate("Cli", "SECONDS"), QStringLiteral("600"));
    const QCommandLineOption kubectlOption = kubectlProgramOption();
    if (!resetOnly)
        parser.addOptions({resetOption, verifyOption, retryOption, forceOption, timeoutOption, kubectlOption});
    parser.addOption(verbosityOption);
    if (const auto exit = parseCommandLine(parser, command, arguments, console, 0, exitCodesHelp()))
        return *exit;
    Assessment::Request request;
    if (const auto exit = inventoryOptions.fill(parser, request, console))
        return *exit;
    const auto verbosity = numberOption(
        parser, verbosityOption, 0, 4,
        QCoreApplication::translate("Cli", "error: --verbosity: “%1” is not a number from 0 to 4."), console);
    if (!verbosity)
        return ExitError;
    const auto verifySeconds =
        resetOnly ? std::optional<int>(1)
                  : numberOption(
                        parser, timeoutOption, 1, kMostSeconds,
                        QCoreApplication::translate("Cli", "error: --verify-timeout: “%1” is not a number of seconds."),
                        console);
    if (!verifySeconds)
        return ExitError;

    // Passwords before anything slow, so a wrong path is said at once.
    DeployPipeline::Options options;
    if (const auto exit =
            passwordOptions.read(parser, console, true, options.connectionPassword, options.becomePassword))
        return *exit;
    options.action = resetOnly                   ? DeployAction::ResetOnly
                     : parser.isSet(resetOption) ? DeployAction::Redeploy
                                                 : DeployAction::ClusterOnly;
    options.verify = !resetOnly && parser.isSet(verifyOption);
    options.retryOnce = !resetOnly && parser.isSet(retryOption);
    options.force = !resetOnly && parser.isSet(forceOption);
    options.verbosity = *verbosity;
    options.verifyTimeoutMs = *verifySeconds * 1000;

    auto assessment = Assessment::run(request);
    if (!assessment) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(assessment.error().toString()) << Qt::endl;
        return ExitError;
    }
    if (!resetOnly && assessment->hasBlocking()) {
        QList<Finding> blocking;
        for (const Finding &finding : assessment->findings()) {
            if (finding.severity == Finding::Severity::Blocking)
                blocking.append(finding);
        }
        printFindings(blocking, console.err);
        if (!options.force) {
            console.err << QCoreApplication::translate(
                               "Cli", "Not deployed: the inventory has blocking findings (fix them with `apply` or the "
                                      "wizard, or deploy anyway with --force).")
                        << Qt::endl;
            return ExitRunFailed;
        }
        console.err << QCoreApplication::translate("Cli", "Deploying anyway (--force).") << Qt::endl;
    }

    const SiteProfile site = assessment->site().value_or(SiteProfile());
    const DeployPipeline::Target target = DeployPipeline::Target::from(*assessment, site);
    DeployPipeline pipeline;
    if (!resetOnly && parser.isSet(kubectlOption))
        pipeline.setKubectl(parser.value(kubectlOption));
    bool started = false;
    const DeployPipeline::Result result = runPipeline(
        pipeline, console, [&](QString *error) { return pipeline.start(target, options, error); }, &started);
    options.connectionPassword.fill(QLatin1Char(' '));
    options.becomePassword.fill(QLatin1Char(' '));
    if (!started)
        return ExitError;
    if (result.verification)
        printVerification(*result.verification, console.out);
    else
        console.out << result.summary << '\n';
    console.out.flush();
    return exitCodeOf(result);
}

} // namespace

int runDeploy(const QStringList &arguments, Console console) {
    return runPlaybooks(QStringLiteral("deploy"), arguments, console, false);
}

int runReset(const QStringList &arguments, Console console) {
    return runPlaybooks(QStringLiteral("reset"), arguments, console, true);
}

int runVerify(const QStringList &arguments, Console console) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Runs a job with the verification image on the cluster (through the inventory's artifacts/kubectl.sh or "
               "artifacts/admin.conf) and says whether it completed with exit code 0, or why not."));
    const InventoryOptions inventoryOptions;
    inventoryOptions.addTo(parser);
    const QCommandLineOption imageOption(
        QStringLiteral("image"),
        QCoreApplication::translate("Cli", "The image to run (default: the site profile's verification image)."),
        QCoreApplication::translate("Cli", "IMAGE"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QCoreApplication::translate("Cli", "How long the job may take, in seconds (default 600)."),
        QCoreApplication::translate("Cli", "SECONDS"), QStringLiteral("600"));
    const QCommandLineOption kubectlOption = kubectlProgramOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("Cli", "Print JSON instead of text."));
    parser.addOptions({imageOption, timeoutOption, kubectlOption, jsonOption});
    const QString exitCodes = QCoreApplication::translate(
        "Cli", "Exit codes: 0 the job completed with exit code 0; 1 it did not (the diagnosis "
               "says why); 2 bad input or no way to reach the cluster; 130 cancelled with Ctrl+C.");
    if (const auto exit = parseCommandLine(parser, QStringLiteral("verify"), arguments, console, 0, exitCodes))
        return *exit;
    Assessment::Request request;
    if (const auto exit = inventoryOptions.fill(parser, request, console))
        return *exit;
    request.inspectAnsible = false;
    const auto seconds =
        numberOption(parser, timeoutOption, 1, kMostSeconds,
                     QCoreApplication::translate("Cli", "error: --timeout: “%1” is not a number of seconds."), console);
    if (!seconds)
        return ExitError;
    auto assessment = Assessment::run(request);
    if (!assessment) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(assessment.error().toString()) << Qt::endl;
        return ExitError;
    }
    DeployPipeline::Target target =
        DeployPipeline::Target::from(*assessment, assessment->site().value_or(SiteProfile()));
    if (parser.isSet(imageOption))
        target.verificationImage = parser.value(imageOption);
    DeployPipeline pipeline;
    if (parser.isSet(kubectlOption))
        pipeline.setKubectl(parser.value(kubectlOption));
    const ClusterAccess access = ClusterAccess::locate(target.inventoryDirectory, pipeline.kubectl());
    if (!access.isUsable()) {
        console.err << QCoreApplication::translate("Cli", "error: %1").arg(access.problem) << Qt::endl;
        return ExitError;
    }
    bool started = false;
    const DeployPipeline::Result result = runPipeline(
        pipeline, console, [&](QString *error) { return pipeline.startVerification(target, *seconds * 1000, error); },
        &started);
    if (!started)
        return ExitError;
    if (parser.isSet(jsonOption)) {
        console.out << QJsonDocument(result.verification ? toJson(*result.verification) : QJsonObject())
                           .toJson(QJsonDocument::Indented);
    } else if (result.verification) {
        printVerification(*result.verification, console.out);
    } else {
        console.out << result.summary << '\n';
    }
    console.out.flush();
    return exitCodeOf(result);
}

} // namespace ksw::cli
