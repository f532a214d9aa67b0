// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"
#include "widgets/AddressStrip.h"

#include <QList>
#include <QStringList>

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

    /// The finding codes this page is about (shown in its findings list; a blocking one holds Next back).

    bool isComplete() const override;

protected:
    void refresh() override;
    void changeEvent(QEvent *event) override;

private:
    /// Hands the typed ranges to the session.
    void fieldsEdited();
    /// What the address strip shows: the plan's ranges, company addresses, nodes, NodeLocalDNS.
    QList<AddressStrip::Item> stripItems() const;
    void showOrigins();
    void colourProblemLabels();

    std::unique_ptr<Ui::RangesPage> m_ui;
};
