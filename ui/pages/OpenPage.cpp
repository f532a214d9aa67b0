// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/OpenPage.h"
#include "ui_OpenPage.h"

#include "Dialogs.h"
#include "MainWizard.h"
#include "kubespray/Checkout.h"
#include "pages/DeployPage.h"
#include "session/DemoWorkspace.h"
#include "session/WizardSession.h"
#include "store/DeployRecord.h"
#include "store/History.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {

const QString RecentKey = QStringLiteral("recentInventories");
constexpr int MaxRecent = 8;

} // namespace

OpenPage::OpenPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::OpenPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("Open the inventory", "@title:page"));
    setSubTitle(tr("Which Kubespray cluster settings should the wizard look at?", "@subtitle:page"));
    m_ui->statusLabel->hide();
    fillInventoryChoices();

    connect(m_ui->browsePushButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFile(this, tr("Choose the hosts file", "@title:window"),
                                               tr("Ansible inventories (hosts.yaml hosts.yml inventory.ini hosts.ini);;"
                                                  "All files (*)"),
                                               m_ui->inventoryComboBox->currentText());
        if (!path.isEmpty())
            m_ui->inventoryComboBox->setCurrentText(path);
    });
    connect(m_ui->siteBrowsePushButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFile(this, tr("Choose the site profile", "@title:window"),
                                               tr("Site profiles (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            m_ui->siteLineEdit->setText(path);
    });
    connect(m_ui->openPushButton, &QPushButton::clicked, this, [this] {
        openInventory(m_ui->inventoryComboBox->currentText().trimmed(), m_ui->siteLineEdit->text().trimmed());
    });
    connect(m_ui->demoPushButton, &QPushButton::clicked, this, &OpenPage::openDemo);
    connect(m_ui->redeployPushButton, &QPushButton::clicked, this, &OpenPage::redeploy);
    connect(m_ui->inventoryComboBox, &QComboBox::currentTextChanged, this, &OpenPage::updateRedeployButton);
    updateRedeployButton();

    connect(session, &ksw::WizardSession::busyChanged, this, [this](bool busy) {
        m_ui->openPushButton->setEnabled(!busy);
        m_ui->demoPushButton->setEnabled(!busy);
        if (busy) {
            m_ui->statusLabel->setText(tr("Reading the inventory and asking git and ansible-playbook…", "@info"));
            m_ui->statusLabel->show();
        }
        emit completeChanged();
    });
    connect(session, &ksw::WizardSession::opened, this, [this] {
        m_ui->statusLabel->hide();
        rememberRecent(this->session()->assessment()->config().inventory().hostsFilePath());
        refresh();
        emit completeChanged();
        if (m_redeployPending)
            continueRedeploy();
    });
    connect(session, &ksw::WizardSession::openFailed, this, [this](const QString &message) {
        m_redeployPending = false;
        m_ui->statusLabel->setText(tr("Cannot open it: %1", "@info").arg(message));
        m_ui->statusLabel->show();
        emit completeChanged();
    });
    refresh();
}

OpenPage::~OpenPage() = default;

namespace {

/// The inventory folder of what the user typed or chose: the hosts file's folder, or the folder itself.
QString inventoryFolderOf(const QString &path) {
    const QFileInfo info(path);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

std::optional<ksw::DeployRecord::Choices> lastChoices(const QString &path) {
    if (path.trimmed().isEmpty() || !QFileInfo::exists(path))
        return std::nullopt;
    const auto record = ksw::DeployRecord::load(ksw::History::dataFolder(inventoryFolderOf(path)));
    return record ? record->choices : std::nullopt;
}

} // namespace

int OpenPage::nextId() const {
    return m_redeployRequested ? MainWizard::DeployPageId : WizardPage::nextId();
}

void OpenPage::updateRedeployButton() {
    const QString path = m_ui->inventoryComboBox->currentText().trimmed();
    const auto choices = lastChoices(path);
    m_ui->redeployPushButton->setVisible(choices.has_value());
    if (!choices)
        return;
    m_ui->redeployPushButton->setText(
        tr("Re-deplo&y %1", "@action:button inventory name").arg(QFileInfo(inventoryFolderOf(path)).fileName()));
    m_ui->redeployPushButton->setToolTip(
        tr("Runs the last deploy again with the saved settings; only the passwords are asked.", "@info:tooltip"));
}

void OpenPage::redeploy() {
    const QString path = m_ui->inventoryComboBox->currentText().trimmed();
    if (!lastChoices(path))
        return;
    m_redeployPending = true;
    if (session()->isOpen() && !session()->isBusy() && session()->inventoryDirectory() == inventoryFolderOf(path))
        continueRedeploy();
    else
        openInventory(path, m_ui->siteLineEdit->text().trimmed());
}

void OpenPage::continueRedeploy() {
    m_redeployPending = false;
    auto *mainWizard = qobject_cast<MainWizard *>(wizard());
    const auto choices = lastChoices(session()->inventoryDirectory());
    if (!mainWizard || !choices)
        return;
    mainWizard->deployPage()->applyChoices(*choices);
    m_redeployRequested = true;
    mainWizard->next();
}

bool OpenPage::isComplete() const {
    return session()->isOpen() && !session()->isBusy();
}

void OpenPage::openInventory(const QString &inventoryPath, const QString &siteProfilePath) {
    if (inventoryPath.isEmpty()) {
        m_ui->statusLabel->setText(tr("Enter or choose an inventory first.", "@info"));
        m_ui->statusLabel->show();
        return;
    }
    m_ui->inventoryComboBox->setCurrentText(inventoryPath);
    m_ui->siteLineEdit->setText(siteProfilePath);
    session()->open(inventoryPath, siteProfilePath);
}

void OpenPage::openDemo() {
    const auto demo = ksw::DemoWorkspace::create();
    if (!demo) {
        m_ui->statusLabel->setText(tr("Cannot create the demo: %1", "@info").arg(demo.error().toString()));
        m_ui->statusLabel->show();
        return;
    }
    openInventory(demo->inventoryPath, demo->siteProfilePath);
}

void OpenPage::refresh() {
    updateRedeployButton();
    const ksw::Assessment *assessment = session()->assessment();
    m_ui->detectedGroupBox->setVisible(assessment != nullptr);
    m_ui->currentFindingsLabel->setVisible(assessment != nullptr);
    m_ui->currentFindingsView->setVisible(assessment != nullptr);
    if (!assessment)
        return;
    // The inventory as it is on disk: the pages that follow fix these.
    m_ui->currentFindingsView->setFindings(assessment->findings());
    const ksw::Inventory &inventory = assessment->config().inventory();
    m_ui->hostsFileValueLabel->setText(QDir::toNativeSeparators(inventory.hostsFilePath()));
    const ksw::Checkout &checkout = assessment->checkout();
    m_ui->versionValueLabel->setText(
        checkout.version()
            ? tr("%1 (%2)", "@info version (evidence)").arg(checkout.version()->toString(), checkout.versionEvidence())
            : tr("unknown: the newest release's rules are assumed", "@info"));
    QString ansible;
    if (const auto &environment = assessment->ansible(); environment && !environment->playbookPath.isEmpty()) {
        ansible = tr("%1, ansible-core %2", "@info path, version")
                      .arg(QDir::toNativeSeparators(environment->playbookPath),
                           environment->coreVersion ? environment->coreVersion->toString() : tr("unknown"));
        const auto range = checkout.ansibleRange();
        if (range && environment->coreVersion) {
            ansible += QLatin1Char('\n') +
                       (range->contains(*environment->coreVersion)
                            ? tr("fits this release (%1)", "@info").arg(range->toString())
                            : tr("does not fit this release, which needs %1", "@info").arg(range->toString()));
        }
    } else {
        ansible = tr("none found", "@info ansible-playbook");
    }
    m_ui->ansibleValueLabel->setText(ansible);
    m_ui->notesValueLabel->setText(inventory.notes().join(QLatin1Char('\n')));
    m_ui->notesLabel->setVisible(!inventory.notes().isEmpty());
    m_ui->notesValueLabel->setVisible(!inventory.notes().isEmpty());
}

void OpenPage::fillInventoryChoices() {
    QStringList choices = QSettings().value(RecentKey).toStringList();
    // Kubespray's docs put checkouts in ~/kubespray: offer its inventories too.
    for (const QString &found : ksw::Checkout::findInventories(QDir::homePath() + QStringLiteral("/kubespray"))) {
        if (!choices.contains(found))
            choices.append(found);
    }
    m_ui->inventoryComboBox->addItems(choices);
    m_ui->inventoryComboBox->setCurrentText(choices.value(0));
}

void OpenPage::rememberRecent(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(RecentKey, recent);
}
