// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "deploy/DeployPipeline.h"

#include "analysis/Assessment.h"
#include "run/RunSession.h"
#include "site/SiteProfile.h"
#include "store/History.h"
#include "store/InventoryStore.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTimer>

namespace ksw {

namespace {

/// An object that emitted the signal being handled must not be deleted inside the handler.
template <typename T> void disposeLater(std::unique_ptr<T> &object) {
    if (object) {
        object->disconnect();
        object.release()->deleteLater();
    }
}

} // namespace

DeployPipeline::Target DeployPipeline::Target::from(const Assessment &assessment, const SiteProfile &site) {
    Target target;
    const Checkout &checkout = assessment.checkout();
    const ClusterConfig &config = assessment.config();
    target.kubesprayRoot = checkout.root();
    target.hostsFile = config.inventory().hostsFilePath();
    target.inventoryDirectory = QFileInfo(target.hostsFile).absolutePath();
    if (checkout.version())
        target.kubesprayVersion = checkout.version()->toString();
    target.ansibleRange = checkout.ansibleRange();
    if (const auto &ansible = assessment.ansible()) {
        target.ansiblePlaybook = ansible->playbookPath;
        if (ansible->coreVersion)
            target.ansibleVersion = ansible->coreVersion->toString();
    }
    target.verificationImage = site.verificationImage();
    for (const QString &name :
         {QStringLiteral("kube_pods_subnet"), QStringLiteral("kube_service_addresses"),
          QStringLiteral("kube_pods_subnet_ipv6"), QStringLiteral("kube_service_addresses_ipv6")}) {
        const Cidr::ParseResult parsed = Cidr::parse(yaml::scalarText(config.value(name).value));
        if (parsed.cidr)
            target.clusterRanges.append(*parsed.cidr);
    }
    target.ranges = DeployRecord::rangesOf(config);
    const auto record = DeployRecord::load(History::dataFolder(target.inventoryDirectory));
    target.baseline = DeployPlan::baseline(target.inventoryDirectory, config, record ? *record : DeployRecord());
    if (!checkout.hasRoot())
        target.problem = tr("No Kubespray checkout holds this inventory (no folder above it has cluster.yml and "
                            "roles/), so there is nothing to run the playbooks from.");
    return target;
}

DeployPipeline::DeployPipeline(QObject *parent)
    : QObject(parent) {}

DeployPipeline::~DeployPipeline() {
    // RunSession and Verifier stop their children in their own destructors.
    m_options.connectionPassword.fill(QLatin1Char(' '));
    m_options.becomePassword.fill(QLatin1Char(' '));
}

void DeployPipeline::setCancelTimeouts(int interruptMs, int terminateMs) {
    m_interruptMs = interruptMs;
    m_terminateMs = terminateMs;
}

QString DeployPipeline::stepName(Step step) {
    switch (step) {
    case Step::Reset:
        return tr("Reset");
    case Step::Cluster:
        return tr("Cluster");
    case Step::Verify:
        return tr("Verification");
    }
    return {};
}

QString DeployPipeline::refusal(const Target &target, const Options &options) {
    if (!target.problem.isEmpty())
        return target.problem;
    if (!options.force) {
        const QString refused =
            DeployPlan::refusal(options.action, DeployPlan::rangeChanges(target.baseline, target.ranges));
        if (!refused.isEmpty())
            return refused;
    }
    if (options.verify && options.action != DeployAction::ResetOnly && target.verificationImage.trimmed().isEmpty())
        return tr("There is no verification image: set one in the site profile (verification: image:) or turn the "
                  "verification off.");
    return {};
}

bool DeployPipeline::start(const Target &target, const Options &options, QString *error) {
    if (m_running) {
        if (error)
            *error = tr("A deploy is already running.");
        return false;
    }
    const QString refused = refusal(target, options);
    if (!refused.isEmpty()) {
        if (error)
            *error = refused;
        return false;
    }
    m_target = target;
    m_options = options;
    m_becomeSameAsSsh = options.becomePassword == options.connectionPassword;
    m_steps.clear();
    if (options.action != DeployAction::ClusterOnly)
        m_steps << Step::Reset;
    if (options.action != DeployAction::ResetOnly)
        m_steps << Step::Cluster;
    if (options.verify && options.action != DeployAction::ResetOnly)
        m_steps << Step::Verify;
    begin();
    return true;
}

void DeployPipeline::begin() {
    m_index = -1;
    m_cancelled = false;
    m_verification.reset();
    m_running = true;
    // Every outcome, even a first step that cannot start, comes through `finished`, after start() has returned.
    QTimer::singleShot(0, this, &DeployPipeline::startNext);
}

bool DeployPipeline::startVerification(const Target &target, int timeoutMs, QString *error) {
    if (m_running) {
        if (error)
            *error = tr("A deploy is already running.");
        return false;
    }
    if (target.verificationImage.trimmed().isEmpty()) {
        if (error)
            *error = tr("There is no verification image: set one in the site profile (verification: image:).");
        return false;
    }
    m_target = target;
    m_options = Options();
    m_options.verifyTimeoutMs = timeoutMs;
    m_steps = {Step::Verify};
    begin();
    return true;
}

void DeployPipeline::cancel() {
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    emit message(tr("Cancelling…"));
    if (m_run && m_run->isRunning())
        m_run->cancel();
    else if (m_verifier && m_verifier->isRunning())
        m_verifier->cancel();
    else
        finish(Outcome::Cancelled, tr("Cancelled."));
}

void DeployPipeline::startNext() {
    if (!m_running) // cancelled before the step began
        return;
    ++m_index;
    if (m_index >= m_steps.size()) {
        QString summary = tr("Deploy finished.");
        if (m_verification)
            summary = m_verification->summary();
        else if (m_steps == QList<Step>{Step::Reset})
            summary = tr("Reset finished: the nodes no longer run Kubernetes.");
        finish(Outcome::Succeeded, summary);
        return;
    }
    const Step step = m_steps.at(m_index);
    emit stepStarted(step, m_index, m_steps.size());
    emit message(tr("Step %1 of %2: %3").arg(m_index + 1).arg(m_steps.size()).arg(stepName(step)));
    if (step == Step::Verify)
        startVerifier();
    else
        startPlaybook(step);
}

void DeployPipeline::startPlaybook(Step step) {
    AnsibleCommand command;
    command.kubesprayRoot = m_target.kubesprayRoot;
    command.hostsFile = m_target.hostsFile;
    command.playbook = step == Step::Reset ? QStringLiteral("reset.yml") : QStringLiteral("cluster.yml");
    command.program = m_target.ansiblePlaybook;
    command.verbosity = m_options.verbosity;
    command.environment = m_environment;
    command.connectionPassword = m_options.connectionPassword;
    command.becomePassword = m_options.becomePassword;

    disposeLater(m_run);
    m_run = std::make_unique<RunSession>();
    m_run->setCommand(command);
    if (!m_pluginFolder.isEmpty())
        m_run->setPluginFolder(m_pluginFolder);
    m_run->setLogFolder(m_logFolder.isEmpty() ? InventoryStore(m_target.inventoryDirectory).runLogFolder()
                                              : m_logFolder);
    m_run->setKubesprayVersion(m_target.kubesprayVersion);
    m_run->setAnsibleVersion(m_target.ansibleVersion);
    m_run->setAnsibleRange(m_target.ansibleRange);
    m_run->setSecondAttemptEnabled(step == Step::Cluster && m_options.retryOnce);
    m_run->setCancelTimeouts(m_interruptMs, m_terminateMs);
    connect(m_run.get(), &RunSession::finished, this, [this, step](int exitCode, bool cancelled, const Recap &recap) {
        onRunFinished(step, exitCode, cancelled, recap);
    });
    emit runStarted(m_run.get());
    QString reason;
    if (!m_run->start(&reason)) {
        emit stepFinished(step, false, reason);
        finish(Outcome::Failed, tr("%1 could not start: %2").arg(stepName(step), reason), step, -1);
    }
}

void DeployPipeline::onRunFinished(Step step, int exitCode, bool cancelled, const Recap &recap) {
    Q_UNUSED(recap)
    const bool succeeded = !cancelled && exitCode == 0;
    QString summary;
    if (cancelled)
        summary = tr("%1 was cancelled.").arg(stepName(step));
    else if (succeeded)
        summary = tr("%1 finished.").arg(stepName(step));
    else
        summary = tr("%1 failed (ansible-playbook exit code %2).").arg(stepName(step)).arg(exitCode);
    emit stepFinished(step, succeeded, summary);
    if (succeeded && step == Step::Cluster)
        rememberDeployed();
    // Leave the RunSession's signal handler before the next step replaces it.
    QTimer::singleShot(0, this, [this, step, exitCode, cancelled, succeeded, summary] {
        if (cancelled || m_cancelled)
            finish(Outcome::Cancelled, summary, step, exitCode);
        else if (!succeeded)
            finish(Outcome::Failed, summary, step, exitCode);
        else
            startNext();
    });
}

void DeployPipeline::startVerifier() {
    VerificationRequest request;
    request.access = ClusterAccess::locate(m_target.inventoryDirectory, m_kubectl);
    request.image = m_target.verificationImage;
    request.timeoutMs = m_options.verifyTimeoutMs;
    request.pollIntervalMs = m_verifyPollMs;
    request.clusterRanges = m_target.clusterRanges;
    disposeLater(m_verifier);
    m_verifier = std::make_unique<Verifier>();
    connect(m_verifier.get(), &Verifier::step, this, &DeployPipeline::message);
    connect(m_verifier.get(), &Verifier::finished, this, &DeployPipeline::onVerified);
    emit verificationStarted(m_verifier.get());
    QString reason;
    if (!m_verifier->start(request, &reason)) {
        VerificationResult result;
        result.outcome =
            request.access.isUsable() ? VerificationResult::Outcome::Error : VerificationResult::Outcome::NoAccess;
        result.reason = request.access.isUsable() ? reason : request.access.problem;
        onVerified(result);
    }
}

void DeployPipeline::onVerified(const VerificationResult &verification) {
    m_verification = verification;
    rememberVerification(verification);
    const bool succeeded = verification.succeeded();
    QString summary = verification.summary();
    if (!succeeded && summary.isEmpty())
        summary = verification.reason;
    emit stepFinished(Step::Verify, succeeded, summary);
    QTimer::singleShot(0, this, [this, succeeded, summary, verification] {
        if (verification.outcome == VerificationResult::Outcome::Cancelled || m_cancelled)
            finish(Outcome::Cancelled, summary, Step::Verify);
        else if (!succeeded)
            finish(Outcome::Failed, summary, Step::Verify);
        else
            startNext();
    });
}

void DeployPipeline::finish(Outcome outcome, const QString &summary, std::optional<Step> failedStep, int exitCode) {
    if (!m_running)
        return;
    m_running = false;
    // The secrets are needed no more.
    m_options.connectionPassword.fill(QLatin1Char(' '));
    m_options.connectionPassword.clear();
    m_options.becomePassword.fill(QLatin1Char(' '));
    m_options.becomePassword.clear();
    Result result;
    result.outcome = outcome;
    result.failedStep = outcome == Outcome::Succeeded ? std::nullopt : failedStep;
    result.exitCode = exitCode;
    result.verification = m_verification;
    result.summary = summary;
    // One-click re-deploy repeats what last worked; a failed or cancelled attempt changes nothing there.
    if (outcome == Outcome::Succeeded && m_steps.contains(Step::Cluster))
        rememberChoices();
    emit message(summary);
    emit finished(result);
}

void DeployPipeline::updateRecord(const std::function<void(DeployRecord &)> &change) {
    const QString folder = History::dataFolder(m_target.inventoryDirectory);
    auto record = DeployRecord::load(folder);
    if (!record) {
        emit message(record.error().toString());
        return;
    }
    change(*record);
    if (const auto problem = record->save(folder))
        emit message(problem->toString());
}

void DeployPipeline::rememberChoices() {
    updateRecord([this](DeployRecord &record) {
        record.choices = DeployRecord::Choices{m_options.action, m_options.retryOnce, m_options.verbosity,
                                               m_options.verify, m_becomeSameAsSsh};
    });
}

void DeployPipeline::rememberDeployed() {
    updateRecord([this](DeployRecord &record) {
        record.deployed =
            DeployRecord::Deployed{QDateTime::currentDateTimeUtc(), m_target.kubesprayVersion, m_target.ranges};
    });
}

void DeployPipeline::rememberVerification(const VerificationResult &verification) {
    updateRecord([&verification](DeployRecord &record) {
        record.lastVerification =
            QStringLiteral("%1 %2").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), verification.summary());
    });
}

} // namespace ksw
