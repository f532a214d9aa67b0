// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/RegistriesPage.h"
#include "ui_RegistriesPage.h"

RegistriesPage::RegistriesPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::RegistriesPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("Registries", "@title:page"));
}

RegistriesPage::~RegistriesPage() = default;
