// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "pages/WizardPage.h"

#include <QStringList>

#include <memory>

namespace Ui {
class DnsPage;
}

/// How pods reach the company DNS: everything, or only the company zones; with where each name will go.
class DnsPage : public WizardPage {
    Q_OBJECT

public:
    explicit DnsPage(ksw::WizardSession *session, QWidget *parent = nullptr);
    ~DnsPage() override;

    bool isComplete() const override;
    /// A field's text as a list: addresses or zones separated by commas and/or spaces.
    static QStringList splitList(const QString &text);

protected:
    void refresh() override;
    void changeEvent(QEvent *event) override;

private:
    void fieldsEdited();
    void modeChosen();
    void colourProblemLabels();

    std::unique_ptr<Ui::DnsPage> m_ui;
};
