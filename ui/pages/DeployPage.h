// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"
#include "store/DeployRecord.h"

#include <memory>

namespace Ui {
class DeployPage;
}
namespace ksw {
class DeployPipeline;
class Preflight;
struct PreflightReport;
} // namespace ksw
class RunView;
namespace ksw {
class RunSession;
}

/// Runs Kubespray: the action (re-deploy = reset then cluster; cluster only, refused after a range change;
/// reset only), the SSH and sudo passwords (never stored), a second attempt and the log's detail; a reset asks
/// first, saying what it destroys. The run shows below (RunView); a successful deploy goes on to verification.
class DeployPage : public WizardPage {
    Q_OBJECT

public:
    DeployPage(ksw::WizardSession *session, ksw::DeployPipeline *pipeline, QWidget *parent = nullptr);
    ~DeployPage() override;

    bool isComplete() const override;
    int nextId() const override;
    /// A deploy or a preflight runs.
    bool isRunning() const;

    /// The Deploy button: asks before a reset, then starts the pipeline. False when it did not start (the reason
    /// is shown on the page).
    bool startDeploy();
    /// Puts the choices of an earlier deploy back (one-click re-deploy); the passwords stay empty.
    void applyChoices(const ksw::DeployRecord::Choices &choices);
    RunView *runView() const;
    /// Shows a run someone else started (the screenshot tool: a local playbook) as the page shows its own.
    void showRun(ksw::RunSession *run);

    /// The "Check the nodes first" button: the read-only preflight playbook with the passwords typed; what the
    /// nodes answer joins the findings. False when it did not start (the reason is shown on the page).
    bool startPreflight();
    /// The preflight runner (tests point it at the source tree's playbook).
    ksw::Preflight *preflight() const { return m_preflight.get(); }

protected:
    void initializePage() override;
    void refresh() override;

private:
    ksw::DeployAction action() const;
    /// Why the Deploy button cannot start now (translated); empty when it can.
    QString blockedReason() const;
    /// What a deploy would run, where and as whom, in one sentence.
    QString planText() const;
    void updateState();
    void showRunning(bool running);
    void showPreflight(const ksw::PreflightReport &report, const QString &error);
    QString becomePassword() const;

    std::unique_ptr<Ui::DeployPage> m_ui;
    ksw::DeployPipeline *m_pipeline;
    std::unique_ptr<ksw::Preflight> m_preflight;
};
