// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "TestSupport.h"

#include "MainWizard.h"
#include "session/WizardSession.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ksw::test {

/// The real wizard opened on a fresh copy of the scenario's demo (inventory and site profile), its session
/// loaded. Set XDG_DATA_HOME before making one: the wizard keeps recent files and history there.
class DemoWizard {
public:
    DemoWizard() {
        if (!copyTree(sourcePath(QStringLiteral("resources/demo")), m_demo.path()))
            return;
        m_wizard = std::make_unique<MainWizard>();
        m_wizard->session()->open(inventoryPath(), m_demo.path() + QStringLiteral("/site.yaml"));
        m_wizard->session()->waitForOpen();
    }

    /// False when the copy failed or the session did not open (the test should stop there).
    bool isOpen() const { return m_wizard && m_wizard->session()->isOpen(); }
    MainWizard *wizard() const { return m_wizard.get(); }
    MainWizard *operator->() const { return m_wizard.get(); }
    /// Shows the window starting at `pageId`, as the user sees it (a visible page follows every change of the
    /// session); the page, or null when the window did not show.
    QWizardPage *showPage(int pageId) {
        m_wizard->setStartId(pageId);
        m_wizard->show();
        if (!QTest::qWaitForWindowExposed(m_wizard.get()))
            return nullptr;
        m_wizard->restart();
        return m_wizard->currentId() == pageId ? m_wizard->currentPage() : nullptr;
    }

    QString folder() const { return m_demo.path(); }
    QString inventoryPath() const { return m_demo.path() + QStringLiteral("/mycluster"); }

private:
    QTemporaryDir m_demo;
    std::unique_ptr<MainWizard> m_wizard;
};

} // namespace ksw::test
