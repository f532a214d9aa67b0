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

    /// The topic whose findings this view shows (its page's); every topic when none.
    void setTopic(std::optional<ksw::Topic> topic) { m_topic = topic; }
    std::optional<ksw::Topic> topic() const { return m_topic; }
    /// Shows those of `findings` that are of the view's topic; the "all clear" line when there are none.
    void setFindings(const QList<ksw::Finding> &findings);
    /// What the all-clear line says: what was checked and found fine, in the page's own words.
    void setAllClearText(const QString &text) { m_allClearText = text; }
    /// Shows one line of information instead of findings (while the findings cannot be known).
    void showNote(const QString &text);
    /// The codes shown, in order (tests).
    QStringList shownCodes() const;

private:
    std::optional<ksw::Topic> m_topic;
    QString m_allClearText;
};
