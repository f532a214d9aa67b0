// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class RegistriesPage;
}

/// How containerd reaches each registry: HTTPS, untrusted HTTPS, or plain HTTP through a mirror entry.
class RegistriesPage : public WizardPage {
    Q_OBJECT

public:
    explicit RegistriesPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~RegistriesPage() override;

private:
    std::unique_ptr<Ui::RegistriesPage> m_ui;
};
