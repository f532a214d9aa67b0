// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <memory>

namespace Ui {
class OpenPage;
}

/// Choose the inventory (recent, detected under ~/kubespray/inventory, browsed, or the demo) and see what
/// was found: the Kubespray release, which ansible-playbook would run and whether it fits.
class OpenPage : public WizardPage {
    Q_OBJECT

public:
    explicit OpenPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~OpenPage() override;

    bool isComplete() const override;
    /// Opens `inventoryPath` as if typed and confirmed (command line start, tests).
    void openInventory(const QString &inventoryPath, const QString &siteProfilePath = {});
    void openDemo();

protected:
    void refresh() override;

private:
    void fillInventoryChoices();
    void rememberRecent(const QString &path);

    std::unique_ptr<Ui::OpenPage> m_ui;
};
