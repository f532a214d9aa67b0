// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "ProbeStatus.h"

#include "session/WizardSession.h"

#include <QLabel>
#include <QPushButton>

ProbeStatus::ProbeStatus(ksw::WizardSession *session, QPushButton *button, QLabel *label, Describe describe,
                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_button(button)
    , m_label(label)
    , m_describe(std::move(describe)) {
    m_label->setVisible(false);
    connect(m_button, &QPushButton::clicked, this, [this] {
        m_button->setEnabled(false);
        m_label->setText(tr("Asking…", "@info probe"));
        m_label->setVisible(true);
        m_session->probe();
    });
    connect(m_session, &ksw::WizardSession::probeProgress, this, [this](int done, int total, const QString &what) {
        m_label->setText(tr("Asking… %1 answered (%2 of %3).", "@info probe").arg(what).arg(done).arg(total));
    });
    connect(m_session, &ksw::WizardSession::probeFinished, this, [this] {
        m_button->setEnabled(true);
        if (const auto &report = m_session->probeReport())
            m_label->setText(m_describe(*report));
        m_label->setVisible(true);
    });
}
