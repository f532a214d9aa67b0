// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/WizardPage.h"

#include "session/WizardSession.h"
#include "widgets/FindingsView.h"

#include <QLabel>
#include <QLineEdit>
#include <QStyle>

WizardPage::WizardPage(ksw::WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session) {
    connect(m_session, &ksw::WizardSession::changed, this, [this] {
        // Only the visible page needs to follow every keystroke; the others refresh when shown.
        if (isVisible())
            refresh();
        emit completeChanged();
    });
}

void WizardPage::initializePage() {
    refresh();
}

void WizardPage::showTodayAndAfter(FindingsView *today, FindingsView *after, const QString &fieldsProblem) const {
    if (const ksw::Assessment *assessment = m_session->assessment())
        today->setFindings(assessment->findings());
    if (fieldsProblem.isEmpty()) {
        after->setFindings(m_session->findings());
        return;
    }
    after->showNote(fieldsProblem);
}

void WizardPage::showProblem(QLabel *label, QLineEdit *field, const QString &message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (field) {
        // A property, not a colour: the style sheet of MainWizard decides how an invalid field looks.
        field->setProperty("invalid", !message.isEmpty());
        field->setToolTip(message);
        field->style()->unpolish(field);
        field->style()->polish(field);
    }
}
