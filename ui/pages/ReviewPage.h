// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class ReviewPage;
}

/// The exact changes, file by file, as coloured unified diffs; Save (history kept, atomic write), and
/// restoring an earlier version.
class ReviewPage : public WizardPage {
    Q_OBJECT

public:
    explicit ReviewPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~ReviewPage() override;

    /// Writes the changes (the Save button). True when written.
    bool save();

protected:
    void refresh() override;

private:
    void fillHistory();

    std::unique_ptr<Ui::ReviewPage> m_ui;
};
