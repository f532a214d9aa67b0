// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/RangesPage.h"
#include "ui_RangesPage.h"

RangesPage::RangesPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::RangesPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("Address ranges", "@title:page"));
}

RangesPage::~RangesPage() = default;
