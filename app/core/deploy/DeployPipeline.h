// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// One deploy from start to proof, shared by the Deploy page and `kubespray-wizard deploy`: the playbooks of the
// action (reset.yml, cluster.yml) one after the other through RunSession, then the verification job (Verifier).
// The passwords live in this object only while it runs (the runner puts them in 0600 files that are gone after
// each playbook) and are cleared when it ends; the choices of a successful deploy and the ranges a successful
// cluster.yml built are kept in the inventory's deploy record, so the next deploy is one click and "cluster only"
// can be refused after a range change.

#include "deploy/DeployPlan.h"
#include "kubespray/KubesprayVersion.h"
#include "net/Cidr.h"
#include "run/AnsibleEvents.h"
#include "verify/Verifier.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace ksw {

class Assessment;
class RunSession;
class SiteProfile;

class DeployPipeline : public QObject {
    Q_OBJECT
public:
    enum class Step { Reset, Cluster, Verify };
    Q_ENUM(Step)

    /// What the inventory and the site say (from the Assessment), plus where things run.
    struct Target {
        QString kubesprayRoot;
        QString hostsFile;
        QString inventoryDirectory;
        QString kubesprayVersion;
        QString ansibleVersion;
        std::optional<AnsibleRange> ansibleRange;
        QString ansiblePlaybook; ///< the program; empty = the venv's, else PATH's
        QString verificationImage;
        QList<Cidr> clusterRanges;     ///< pod and service ranges, for the verifier's diagnosis
        QMap<QString, QString> ranges; ///< DeployRecord::rangesOf(the inventory on disk)
        DeployPlan::Baseline baseline; ///< the ranges the running cluster has
        QString problem;               ///< why nothing can be deployed (no Kubespray root…); empty when fine

        static Target from(const Assessment &assessment, const SiteProfile &site);
    };

    struct Options {
        DeployAction action = DeployAction::Redeploy;
        bool verify = true;
        bool retryOnce = false;
        int verbosity = 0;
        QString connectionPassword; ///< secret; empty = none (key-based SSH)
        QString becomePassword;     ///< secret; empty = none (passwordless sudo)
        int verifyTimeoutMs = 600000;
        bool force = false; ///< run "cluster only" despite a range change (the CLI's --force)
    };

    enum class Outcome { Succeeded, Failed, Cancelled };
    Q_ENUM(Outcome)
    struct Result {
        Outcome outcome = Outcome::Failed;
        std::optional<Step> failedStep;
        int exitCode = 0; ///< of the failed playbook
        std::optional<VerificationResult> verification;
        QString summary; ///< translated, one line
    };

    explicit DeployPipeline(QObject *parent = nullptr);
    ~DeployPipeline() override;

    // Where things are: defaults fit an installed program; tests point them at their own folders.
    void setPluginFolder(const QString &folder) { m_pluginFolder = folder; }
    QString pluginFolder() const { return m_pluginFolder; }
    /// Run logs; default <inventory data folder>/runs.
    void setLogFolder(const QString &folder) { m_logFolder = folder; }
    /// Added to every playbook's environment (tests: their own ssh control-path folder).
    void setEnvironment(const QMap<QString, QString> &environment) { m_environment = environment; }
    QMap<QString, QString> environment() const { return m_environment; }
    /// The kubectl to pair with artifacts/admin.conf (tests); empty = artifacts/kubectl, else PATH.
    void setKubectl(const QString &program) { m_kubectl = program; }
    QString kubectl() const { return m_kubectl; }
    void setVerifyPollInterval(int ms) { m_verifyPollMs = ms; }
    void setCancelTimeouts(int interruptMs, int terminateMs);

    /// Why `options` cannot run on `target` (translated): no Kubespray root, a refused action, no image to verify
    /// with. Empty when it can.
    static QString refusal(const Target &target, const Options &options);

    /// Starts the first step (from the event loop). False with the reason (nothing started) when refusal() says so;
    /// any later failure, even of the first step, comes through `finished`.
    bool start(const Target &target, const Options &options, QString *error = nullptr);
    /// Cancels the current playbook (process-group rules of PlaybookRunner) or the verification (which still
    /// deletes its job); `finished` follows with Cancelled.
    void cancel();
    /// Verification alone (the Verify page's "Run again", `kubespray-wizard verify`).
    bool startVerification(const Target &target, int timeoutMs, QString *error = nullptr);

    bool isRunning() const { return m_running; }
    QList<Step> steps() const { return m_steps; }
    /// The step that runs now; nothing when none does.
    std::optional<Step> currentStep() const {
        return m_running && m_index >= 0 && m_index < m_steps.size() ? std::optional<Step>(m_steps.at(m_index))
                                                                     : std::nullopt;
    }
    RunSession *currentRun() const { return m_run.get(); }
    Verifier *verifier() const { return m_verifier.get(); }

    static QString stepName(Step step); ///< translated: "Reset", "Cluster", "Verification"

signals:
    void stepStarted(ksw::DeployPipeline::Step step, int index, int count);
    /// A playbook started: the run page attaches its view to `run` (valid until the next runStarted/finished).
    void runStarted(ksw::RunSession *run);
    void verificationStarted(ksw::Verifier *verifier);
    void stepFinished(ksw::DeployPipeline::Step step, bool succeeded, const QString &summary);
    /// Lines of the pipeline itself (step boundaries), for a log or a terminal.
    void message(const QString &line);
    void finished(const ksw::DeployPipeline::Result &result);

private:
    /// Resets the progress and starts the first of m_steps from the event loop.
    void begin();
    void startNext();
    void startPlaybook(Step step);
    void onRunFinished(Step step, int exitCode, bool cancelled, const Recap &recap);
    void startVerifier();
    void onVerified(const VerificationResult &verification);
    void finish(Outcome outcome, const QString &summary, std::optional<Step> failedStep = std::nullopt,
                int exitCode = 0);
    void rememberChoices();
    void rememberDeployed();
    void rememberVerification(const VerificationResult &verification);
    /// Loads the inventory's deploy record, applies `change` and saves it; a problem becomes a message.
    void updateRecord(const std::function<void(DeployRecord &)> &change);

    QString m_pluginFolder;
    QString m_logFolder;
    QMap<QString, QString> m_environment;
    QString m_kubectl;
    int m_verifyPollMs = 2000;
    int m_interruptMs = 5000;
    int m_terminateMs = 3000;

    Target m_target;
    Options m_options;
    bool m_becomeSameAsSsh = true;
    QList<Step> m_steps;
    int m_index = -1;
    bool m_running = false;
    bool m_cancelled = false;
    std::unique_ptr<RunSession> m_run;
    std::unique_ptr<Verifier> m_verifier;
    std::optional<VerificationResult> m_verification;
};

} // namespace ksw
