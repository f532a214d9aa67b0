// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QPlainTextEdit>

/// A read-only unified diff with added lines green, removed lines red and hunk headers blue.
class DiffView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);
    void setDiff(const QString &diff);
};
