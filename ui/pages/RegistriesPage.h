// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <QStringList>

#include <memory>

namespace Ui {
class RegistriesPage;
}
namespace ksw {
struct FixPlan;
}

/// How containerd reaches each registry: HTTPS, untrusted HTTPS, or plain HTTP through a mirror entry; with
/// the exact files Kubespray will write for it.
class RegistriesPage : public WizardPage {
    Q_OBJECT

public:
    enum Column { HostColumn, SourceColumn, SchemeColumn, SkipVerifyColumn };
    /// The items of each row's scheme combo box, in order.
    enum SchemeChoice { UnknownChoice, HttpChoice, HttpsChoice, UntrustedHttpsChoice };

    explicit RegistriesPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~RegistriesPage() override;

    bool isComplete() const override;
    /// The findings this page answers for.

protected:
    void refresh() override;

private:
    /// Rebuilds the rows when the plan's registries are not the ones shown.
    void syncRows(const ksw::FixPlan &plan);
    void updateRow(int row, const ksw::FixPlan &plan);
    void schemeChosen(const QString &host, int choice);
    /// The host column's items, in order.
    QStringList shownHosts() const;

    std::unique_ptr<Ui::RegistriesPage> m_ui;
};
