// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class RangesPage;
}

/// The pod and service address ranges: each value with where it comes from, conflicts, and free ranges.
class RangesPage : public WizardPage {
    Q_OBJECT

public:
    explicit RangesPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~RangesPage() override;

private:
    std::unique_ptr<Ui::RangesPage> m_ui;
};
