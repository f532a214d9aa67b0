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
    int nextId() const override;
    /// Next goes straight to the Deploy page (one-click re-deploy) instead of the Services page.
    void setRedeployRequested(bool requested) { m_redeployRequested = requested; }
    /// The "Re-deploy <inventory>" button: opens the inventory when needed, puts the last deploy's choices on the
    /// Deploy page and shows it, where only the passwords are asked.
    void redeploy();
    /// Opens `inventoryPath` as if typed and confirmed (command line start, tests).
    void openInventory(const QString &inventoryPath, const QString &siteProfilePath = {});
    void openDemo();

protected:
    void refresh() override;

private:
    void fillInventoryChoices();
    void rememberRecent(const QString &path);
    /// Shows "Re-deploy <name>" when the chosen inventory was deployed by the wizard before.
    void updateRedeployButton();
    void continueRedeploy();

    std::unique_ptr<Ui::OpenPage> m_ui;
    bool m_redeployRequested = false;
    bool m_redeployPending = false; ///< the button was clicked; the inventory is still opening
};
