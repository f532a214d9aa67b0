// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/ReviewPage.h"
#include "ui_ReviewPage.h"

#include "Dialogs.h"
#include "session/WizardSession.h"
#include "util/UnifiedDiff.h"
#include "widgets/DiffView.h"

#include <QDir>
#include <QLocale>

ReviewPage::ReviewPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::ReviewPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("Review and save", "@title:page"));
    setSubTitle(tr("Exactly what will change in Kubespray's files.", "@subtitle:page"));
    setFinalPage(true);
    connect(m_ui->savePushButton, &QPushButton::clicked, this, &ReviewPage::save);
    connect(m_ui->restorePushButton, &QPushButton::clicked, this, [this] {
        const QString id = m_ui->historyComboBox->currentData().toString();
        if (id.isEmpty())
            return;
        if (Dialogs::question(this, tr("Restore an earlier version", "@title:window"),
                              tr("Put back the files as they were before %1? The files as they are now are kept "
                                 "as a new version, so this can be undone.")
                                  .arg(m_ui->historyComboBox->currentText())) != QMessageBox::Yes)
            return;
        const auto entry = this->session()->restore(id);
        if (!entry) {
            Dialogs::warning(this, tr("Restore an earlier version", "@title:window"), entry.error().toString());
            return;
        }
        m_ui->saveStatusLabel->setText(tr("Restored. The files as they were are kept as version %1.").arg(entry->id));
        refresh();
    });
}

ReviewPage::~ReviewPage() = default;

bool ReviewPage::save() {
    const auto entry = session()->save();
    if (!entry) {
        m_ui->saveStatusLabel->setText(tr("Not saved: %1").arg(entry.error().toString()));
        return false;
    }
    const ksw::History history(session()->inventoryDirectory());
    m_ui->saveStatusLabel->setText(tr("Saved. The files as they were are kept as version %1 in %2.")
                                       .arg(entry->id, QDir::toNativeSeparators(history.folder())));
    refresh();
    return true;
}

void ReviewPage::refresh() {
    // Rebuild the tabs: one coloured diff per file.
    while (m_ui->filesTabWidget->count() > 0) {
        QWidget *tab = m_ui->filesTabWidget->widget(0);
        m_ui->filesTabWidget->removeTab(0);
        delete tab;
    }
    const auto &edit = session()->edit();
    if (edit) {
        for (const auto &file : edit->files()) {
            auto *view = new DiffView(m_ui->filesTabWidget);
            view->setObjectName(QStringLiteral("diffView"));
            view->setDiff(ksw::unifiedDiff(file.path, file.before, file.after, file.existed));
            m_ui->filesTabWidget->addTab(view, file.path);
        }
    }
    const bool nothing = !edit || edit->isEmpty();
    m_ui->filesTabWidget->setVisible(!nothing);
    m_ui->nothingToSaveLabel->setVisible(nothing);
    if (!session()->editError().isEmpty())
        m_ui->nothingToSaveLabel->setText(tr("The files cannot be changed safely: %1").arg(session()->editError()));
    m_ui->savePushButton->setEnabled(!nothing);
    m_ui->remainingFindingsView->setFindings(session()->findings());
    fillHistory();
}

void ReviewPage::fillHistory() {
    m_ui->historyComboBox->clear();
    const auto entries = session()->history();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        m_ui->historyComboBox->addItem(
            tr("%1 — %2", "@item history: time — reason")
                .arg(QLocale().toString(it->time.toLocalTime(), QLocale::ShortFormat), it->reason),
            it->id);
    }
    m_ui->historyComboBox->setEnabled(!entries.isEmpty());
    m_ui->restorePushButton->setEnabled(!entries.isEmpty());
}
