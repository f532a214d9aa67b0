// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QWizard>

namespace ksw {
class WizardSession;
}
class OpenPage;

/// The wizard window: owns the one session model its pages share.
class MainWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { OpenPageId, ServicesPageId, RangesPageId, RegistriesPageId, DnsPageId, ReviewPageId };

    explicit MainWizard(QWidget *parent = nullptr);
    ~MainWizard() override;

    /// For Japanese, one CJK family for the whole window: text next to digits and Latin words then reads
    /// evenly instead of mixing per-glyph fallback fonts. Call after the translations are installed.
    static void applyLocaleFont();

    ksw::WizardSession *session() const { return m_session; }
    OpenPage *openPage() const;

private:
    ksw::WizardSession *m_session;
};
