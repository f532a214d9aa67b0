// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"

#include <QListWidget>
#include <QStringList>

/// Findings as a list a newcomer can read: severity icon, the sentence, and why it matters.
class FindingsView : public QListWidget {
    Q_OBJECT

public:
    explicit FindingsView(QWidget *parent = nullptr);

    /// Shows the findings whose code is in `codes` (all when empty); an "all clear" line when none.
    void setFindings(const QList<ksw::Finding> &findings, const QStringList &codes = {});
    /// The codes shown, in order (tests).
    QStringList shownCodes() const;
};
