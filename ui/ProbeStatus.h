// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QObject>

#include <functional>

class QLabel;
class QPushButton;

namespace ksw {
class WizardSession;
struct ProbeReport;
} // namespace ksw

/// Wires a "probe" button and its status label to the session: the button starts the probe and waits while it
/// runs, the label shows progress and then, in words, what the network answered.
class ProbeStatus : public QObject {
    Q_OBJECT

public:
    using Describe = std::function<QString(const ksw::ProbeReport &)>;

    ProbeStatus(ksw::WizardSession *session, QPushButton *button, QLabel *label, Describe describe,
                QObject *parent = nullptr);

private:
    ksw::WizardSession *m_session;
    QPushButton *m_button;
    QLabel *m_label;
    Describe m_describe;
};
