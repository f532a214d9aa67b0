// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace ksw {
class WizardSession;
}

/// A page of the wizard: it shows and edits the shared WizardSession and keeps no state of its own.
class WizardPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardPage(ksw::WizardSession *session, QWidget *parent = nullptr);

protected:
    ksw::WizardSession *session() const { return m_session; }
    /// Called whenever the session changed (and when the page is shown): update the widgets from it.
    virtual void refresh() {}
    /// Shows `message` in `label` (hidden when empty) and marks `field` as invalid or valid.
    static void showProblem(QLabel *label, QLineEdit *field, const QString &message);

    void initializePage() override;

private:
    ksw::WizardSession *m_session;
};
