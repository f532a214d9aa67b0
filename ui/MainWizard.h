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

    ksw::WizardSession *session() const { return m_session; }
    OpenPage *openPage() const;

private:
    ksw::WizardSession *m_session;
};
