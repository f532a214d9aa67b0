// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/DnsPage.h"
#include "ui_DnsPage.h"

DnsPage::DnsPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::DnsPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("DNS", "@title:page"));
}

DnsPage::~DnsPage() = default;
