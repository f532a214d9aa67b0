// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "widgets/FindingsView.h"

#include <QStyle>

FindingsView::FindingsView(QWidget *parent)
    : QListWidget(parent) {
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(false);
}

void FindingsView::setFindings(const QList<ksw::Finding> &findings) {
    clear();
    for (const ksw::Finding &finding : findings) {
        if (m_topic && finding.topic != *m_topic)
            continue;
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        if (finding.severity == ksw::Finding::Severity::Blocking)
            icon = QStyle::SP_MessageBoxCritical;
        else if (finding.severity == ksw::Finding::Severity::Warning)
            icon = QStyle::SP_MessageBoxWarning;
        QString text = finding.message.translated();
        if (!finding.explanation.isEmpty())
            text += QLatin1Char('\n') + finding.explanation.translated();
        auto *item = new QListWidgetItem(style()->standardIcon(icon), text, this);
        item->setData(Qt::UserRole, finding.code);
        item->setToolTip(finding.code);
    }
    if (count() == 0) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                         m_allClearText.isEmpty()
                                             ? tr("Nothing found here that would break the cluster.", "@info findings")
                                             : m_allClearText,
                                         this);
        item->setData(Qt::UserRole, QString());
    }
}

void FindingsView::showNote(const QString &text) {
    clear();
    auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxInformation), text, this);
    item->setData(Qt::UserRole, QString());
}

QStringList FindingsView::shownCodes() const {
    QStringList codes;
    for (int row = 0; row < count(); ++row) {
        const QString code = item(row)->data(Qt::UserRole).toString();
        if (!code.isEmpty())
            codes.append(code);
    }
    return codes;
}
