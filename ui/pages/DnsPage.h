// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class DnsPage;
}

/// How pods reach the company DNS: everything, or only the company zones.
class DnsPage : public WizardPage {
    Q_OBJECT

public:
    explicit DnsPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~DnsPage() override;

private:
    std::unique_ptr<Ui::DnsPage> m_ui;
};
