// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QWizardPage>

class FindingsView;
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
    /// A fixing page's two lists of its topic: what breaks with the files as they are today (the inventory on disk)
    /// and what would after saving the page's choices. While a field of the page is invalid, `fieldsProblem` says
    /// so in the second list instead of findings that describe the values before the typing.
    void showTodayAndAfter(FindingsView *today, FindingsView *after, const QString &fieldsProblem = {}) const;
    /// Shows `message` in `label` (hidden when empty) and marks `field` as invalid or valid.
    static void showProblem(QLabel *label, QLineEdit *field, const QString &message);

    void initializePage() override;

private:
    ksw::WizardSession *m_session;
};
