// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Topic.h"

#include <QWizard>

namespace ksw {
class DeployPipeline;
class WizardSession;
} // namespace ksw
class DeployPage;
class OpenPage;
class VerifyPage;

/// The wizard window: owns the one session model its pages share.
class MainWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId {
        OpenPageId,
        ServicesPageId,
        RangesPageId,
        RegistriesPageId,
        DnsPageId,
        ReviewPageId,
        DeployPageId,
        VerifyPageId
    };

    explicit MainWizard(QWidget *parent = nullptr);
    ~MainWizard() override;

    /// For Japanese, one CJK family for the whole window: text next to digits and Latin words then reads
    /// evenly instead of mixing per-glyph fallback fonts. Call after the translations are installed.
    static void applyLocaleFont();

    ksw::WizardSession *session() const { return m_session; }
    /// The deploy (playbooks and verification) the Deploy and Verify pages share.
    ksw::DeployPipeline *deployPipeline() const { return m_pipeline; }
    OpenPage *openPage() const;
    DeployPage *deployPage() const;
    VerifyPage *verifyPage() const;

    /// The page that explains and fixes a topic's findings (one place for the whole wizard).
    static PageId pageFor(ksw::Topic topic);

    /// Shows `id`: back through the pages when it was visited, else forward from the Open page (a diagnosis
    /// points at the page that fixes it, whichever way the user came).
    void goToPage(PageId id);

public slots:
    /// Cancel, Escape and closing the window: asks first while a deploy runs (and cancels it), and while the
    /// pages hold unsaved changes.
    void reject() override;
    /// Finish: asks first while the pages hold unsaved changes.
    void accept() override;

protected:
    void done(int result) override;

private:
    /// Save / Discard / Back when the pages hold unsaved changes; true when leaving may go on.
    bool confirmLeavingUnsaved();

    ksw::WizardSession *m_session;
    ksw::DeployPipeline *m_pipeline;
};
