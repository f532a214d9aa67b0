// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class VerifyPage;
}
namespace ksw {
class DeployPipeline;
struct VerificationResult;
} // namespace ksw

/// The proof: the verification job (by itself after a deploy, or on demand), its steps, and the end — "Complete,
/// exit code 0" or a diagnosis in plain words with a button to the page that fixes it.
class VerifyPage : public WizardPage {
    Q_OBJECT

public:
    VerifyPage(ksw::WizardSession *session, ksw::DeployPipeline *pipeline, QWidget *parent = nullptr);
    ~VerifyPage() override;

    /// The verification on its own (the button). False when it did not start (the reason is shown).
    bool startVerification();
    /// The result line as shown ("Complete, exit code 0" or the failure's summary).
    QString resultText() const;
    /// The page the diagnosis points at (a MainWizard::PageId), -1 for none.
    int fixPageId() const { return m_fixPageId; }

protected:
    void refresh() override;

private:
    void showResult(const ksw::VerificationResult &result);
    void clearResult();

    std::unique_ptr<Ui::VerifyPage> m_ui;
    ksw::DeployPipeline *m_pipeline;
    int m_fixPageId = -1;
};
