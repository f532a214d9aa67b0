// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace Ui {
class ServicesPage;
}
namespace ksw {
class SiteProfile;
}

/// The company services and networks (the site profile): edited in tables, checked cell by cell,
/// imported from and exported to a site profile file.
class ServicesPage : public WizardPage {
    Q_OBJECT

public:
    enum ServiceColumn { NameColumn, AddressColumn, DomainsColumn, RoleColumn, SchemeColumn };
    enum NetworkColumn { NetworkNameColumn, NetworkRangeColumn };

    explicit ServicesPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~ServicesPage() override;

    bool isComplete() const override;
    void initializePage() override;
    /// Reads a site profile file into the tables (the Import button, tests).
    bool importProfile(const QString &path);

private:
    void fillTables(const ksw::SiteProfile &site);
    /// Reads the tables; marks invalid cells; hands a valid profile to the session.
    void tablesEdited();
    std::optional<ksw::SiteProfile> profileFromTables(QStringList &problems);
    void addServiceRow(const QString &name, const QString &address, const QString &domains, const QString &role,
                       const QString &scheme);
    void addNetworkRow(const QString &name, const QString &range);

    std::unique_ptr<Ui::ServicesPage> m_ui;
    bool m_filling = false;
    bool m_valid = true;
};
