// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/DeployPage.h"
#include "ui_DeployPage.h"

#include "Dialogs.h"
#include "MainWizard.h"
#include "analysis/Analyzer.h"
#include "deploy/DeployPipeline.h"
#include "preflight/Preflight.h"
#include "run/RunSession.h"
#include "session/WizardSession.h"
#include "widgets/FindingsView.h"
#include "widgets/RunView.h"
#include "yaml/YamlValues.h"

#include <QDir>

DeployPage::DeployPage(ksw::WizardSession *session, ksw::DeployPipeline *pipeline, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::DeployPage>())
    , m_pipeline(pipeline)
    , m_preflight(std::make_unique<ksw::Preflight>()) {
    m_ui->setupUi(this);
    m_ui->nodeFindingsView->hide();
    m_ui->runView->hide(); // until something runs
    m_ui->settingsPushButton->hide();
    // Ansible and kubectl on this machine: what Kubespray's first play would stop on, shown before it starts.
    m_ui->accessFindingsView->setTopic(ksw::Topic::Access);
    m_ui->accessFindingsView->setAllClearText(
        tr("Ansible fits this Kubespray release, and the deploy leaves kubectl access behind.", "@info findings"));
    connect(m_ui->settingsPushButton, &QPushButton::toggled, this, [this] { showRunning(isRunning()); });
    setTitle(tr("Deploy", "@title:page"));
    setSubTitle(tr("Run Kubespray's playbooks on the nodes with the saved settings.", "@subtitle:page"));
    m_ui->verbosityComboBox->addItem(tr("Normal", "@item:inlistbox log detail"), 0);
    m_ui->verbosityComboBox->addItem(tr("More (-v)", "@item:inlistbox log detail"), 1);
    m_ui->verbosityComboBox->addItem(tr("Much more (-vv)", "@item:inlistbox log detail"), 2);
    m_ui->verbosityComboBox->addItem(tr("Connection debugging (-vvv)", "@item:inlistbox log detail"), 3);
    m_ui->verbosityComboBox->addItem(tr("Everything (-vvvv)", "@item:inlistbox log detail"), 4);

    for (QAbstractButton *button :
         {static_cast<QAbstractButton *>(m_ui->redeployRadioButton),
          static_cast<QAbstractButton *>(m_ui->clusterRadioButton),
          static_cast<QAbstractButton *>(m_ui->resetRadioButton), static_cast<QAbstractButton *>(m_ui->verifyCheckBox)})
        connect(button, &QAbstractButton::toggled, this, &DeployPage::updateState);
    connect(m_ui->becomeSameCheckBox, &QCheckBox::toggled, this, &DeployPage::updateState);
    connect(m_ui->deployPushButton, &QPushButton::clicked, this, &DeployPage::startDeploy);
    connect(m_ui->preflightPushButton, &QPushButton::clicked, this, &DeployPage::startPreflight);
    connect(m_preflight.get(), &ksw::Preflight::finished, this,
            [this](const ksw::PreflightReport &report, const QString &error) { showPreflight(report, error); });

    connect(m_pipeline, &ksw::DeployPipeline::runStarted, this, [this](ksw::RunSession *run) {
        // One log for the whole deploy: reset.yml's lines stay above cluster.yml's.
        const bool laterStep = m_pipeline->currentStep() != m_pipeline->steps().value(0);
        m_ui->runView->setSession(run, laterStep);
        m_ui->runView->show();
    });
    connect(
        m_pipeline, &ksw::DeployPipeline::stepStarted, this,
        [this](ksw::DeployPipeline::Step step, int index, int count) {
            m_ui->stepLabel->setText(
                tr("Step %1 of %2: %3", "@info").arg(index + 1).arg(count).arg(ksw::DeployPipeline::stepName(step)));
            emit completeChanged();
            // The verification has a page of its own.
            if (step == ksw::DeployPipeline::Step::Verify && wizard() && wizard()->currentPage() == this)
                wizard()->next();
        });
    connect(m_pipeline, &ksw::DeployPipeline::finished, this, [this](const ksw::DeployPipeline::Result &result) {
        m_ui->stepLabel->setText(result.summary);
        // The run stays on screen below the settings, for the next attempt.
        showRunning(false);
        emit completeChanged();
        updateState();
    });
}

DeployPage::~DeployPage() = default;

RunView *DeployPage::runView() const {
    return m_ui->runView;
}

void DeployPage::showRun(ksw::RunSession *run) {
    m_ui->runView->setSession(run);
    m_ui->runView->show();
    m_ui->stepLabel->setText(run->command().playbook);
    showRunning(true);
    connect(run, &ksw::RunSession::finished, this, [this] { showRunning(false); });
}

bool DeployPage::isRunning() const {
    return m_pipeline->isRunning() || m_preflight->isRunning();
}

bool DeployPage::isComplete() const {
    // On to verification: on demand when nothing runs, by itself when the deploy reaches it.
    return !m_pipeline->isRunning() || m_pipeline->currentStep() == ksw::DeployPipeline::Step::Verify;
}

int DeployPage::nextId() const {
    return MainWizard::VerifyPageId;
}

void DeployPage::initializePage() {
    WizardPage::initializePage();
    m_ui->sshPasswordLineEdit->setFocus();
}

void DeployPage::applyChoices(const ksw::DeployRecord::Choices &choices) {
    switch (choices.action) {
    case ksw::DeployAction::Redeploy:
        m_ui->redeployRadioButton->setChecked(true);
        break;
    case ksw::DeployAction::ClusterOnly:
        m_ui->clusterRadioButton->setChecked(true);
        break;
    case ksw::DeployAction::ResetOnly:
        m_ui->resetRadioButton->setChecked(true);
        break;
    }
    m_ui->retryOnceCheckBox->setChecked(choices.retryOnce);
    m_ui->verifyCheckBox->setChecked(choices.verifyAfter);
    m_ui->becomeSameCheckBox->setChecked(choices.becomeSameAsSsh);
    const int index = m_ui->verbosityComboBox->findData(choices.verbosity);
    m_ui->verbosityComboBox->setCurrentIndex(index >= 0 ? index : m_ui->verbosityComboBox->count() - 1);
    updateState();
}

ksw::DeployAction DeployPage::action() const {
    if (m_ui->clusterRadioButton->isChecked())
        return ksw::DeployAction::ClusterOnly;
    if (m_ui->resetRadioButton->isChecked())
        return ksw::DeployAction::ResetOnly;
    return ksw::DeployAction::Redeploy;
}

void DeployPage::refresh() {
    updateState();
}

QString DeployPage::blockedReason() const {
    const ksw::Assessment *assessment = session()->assessment();
    if (!assessment)
        return tr("Open an inventory first.", "@info");
    if (m_pipeline->isRunning())
        return {};
    const auto &edit = session()->edit();
    if (edit && !edit->files().isEmpty())
        return tr("The pages hold changes that are not saved yet (%n file(s)); the playbooks would run with the "
                  "files as they are on disk. Save them on the Review page first.",
                  "@info", int(edit->files().size()));
    ksw::DeployPipeline::Options options;
    options.action = action();
    options.verify = m_ui->verifyCheckBox->isChecked();
    return ksw::DeployPipeline::refusal(ksw::DeployPipeline::Target::from(*assessment, session()->site()), options);
}

QString DeployPage::planText() const {
    const ksw::Assessment *assessment = session()->assessment();
    if (!assessment)
        return {};
    const ksw::Inventory &inventory = assessment->config().inventory();
    QStringList playbooks;
    if (action() != ksw::DeployAction::ClusterOnly)
        playbooks << QStringLiteral("reset.yml");
    if (action() != ksw::DeployAction::ResetOnly)
        playbooks << QStringLiteral("cluster.yml");
    // The SSH user Ansible will log in as on the hosts (their ansible_user, else Ansible's default: this user).
    QStringList users;
    for (const ksw::Inventory::Value &value : inventory.valuesOn(QStringLiteral("ansible_user"), inventory.hostNames()))
        users << (value.setting.isDefined() ? ksw::yaml::scalarText(value.setting.value)
                                            : tr("%1 (Ansible's default: the user running the wizard)", "@info")
                                                  .arg(qEnvironmentVariable("USER", QStringLiteral("root"))));
    users.removeDuplicates();
    return tr("Runs %1 from %2 on %n host(s) (%3), logging in over SSH as %4.", "@info",
              int(inventory.hostNames().size()))
        .arg(playbooks.join(tr(", then ", "@info list of playbooks")),
             QDir::toNativeSeparators(assessment->checkout().root()), inventory.hostNames().join(QStringLiteral(", ")),
             users.join(QStringLiteral(", ")));
}

void DeployPage::updateState() {
    const bool separateBecome = !m_ui->becomeSameCheckBox->isChecked();
    m_ui->becomePasswordLabel->setEnabled(separateBecome);
    m_ui->becomePasswordLineEdit->setEnabled(separateBecome);
    m_ui->retryOnceCheckBox->setEnabled(action() != ksw::DeployAction::ResetOnly);
    m_ui->verifyCheckBox->setEnabled(action() != ksw::DeployAction::ResetOnly);
    const QString reason = blockedReason();
    const bool busy = m_pipeline->isRunning() || m_preflight->isRunning();
    m_ui->deployPushButton->setEnabled(!busy && reason.isEmpty());
    m_ui->preflightPushButton->setEnabled(!busy && session()->isOpen());
    m_ui->statusLabel->setText(reason);
    m_ui->statusLabel->setVisible(!reason.isEmpty());
    m_ui->planLabel->setText(planText());
    if (const ksw::Assessment *assessment = session()->assessment())
        m_ui->accessFindingsView->setFindings(assessment->findings());
}

void DeployPage::showRunning(bool running) {
    // A run gets the page: the settings fold away while it runs and stay folded once it ended (the log is what
    // people read then); the Settings button brings them back.
    const bool runShown = running || !m_ui->runView->isHidden();
    m_ui->settingsPushButton->setVisible(runShown && !running);
    if (running)
        m_ui->settingsPushButton->setChecked(false);
    m_ui->settingsWidget->setVisible(!running && (!runShown || m_ui->settingsPushButton->isChecked()));
    m_ui->deployPushButton->setVisible(!running);
    m_ui->preflightPushButton->setVisible(!running);
}

bool DeployPage::startDeploy() {
    const ksw::Assessment *assessment = session()->assessment();
    const QString reason = blockedReason();
    if (!assessment || !reason.isEmpty()) {
        m_ui->statusLabel->setText(reason);
        m_ui->statusLabel->show();
        return false;
    }
    if (assessment->hasBlocking() &&
        Dialogs::question(this, tr("Deploy with blocking findings?", "@title:window"),
                          tr("The inventory still has blocking findings; the cluster is likely to fail in "
                             "the way they describe. Deploy anyway?")) != QMessageBox::Yes)
        return false;
    const ksw::DeployAction chosen = action();
    if (chosen != ksw::DeployAction::ClusterOnly &&
        Dialogs::question(this, tr("Reset the cluster?", "@title:window"),
                          tr("%1\n\nReset the nodes of %2 now?")
                              .arg(ksw::DeployPlan::resetConsequences(),
                                   QDir::toNativeSeparators(session()->inventoryDirectory()))) != QMessageBox::Yes)
        return false;

    ksw::DeployPipeline::Options options;
    options.action = chosen;
    options.verify = m_ui->verifyCheckBox->isChecked();
    options.retryOnce = m_ui->retryOnceCheckBox->isChecked();
    options.verbosity = m_ui->verbosityComboBox->currentData().toInt();
    options.connectionPassword = m_ui->sshPasswordLineEdit->text();
    options.becomePassword = becomePassword();
    QString error;
    const bool started =
        m_pipeline->start(ksw::DeployPipeline::Target::from(*assessment, session()->site()), options, &error);
    options.connectionPassword.fill(QLatin1Char(' '));
    options.becomePassword.fill(QLatin1Char(' '));
    if (!started) {
        m_ui->statusLabel->setText(error);
        m_ui->statusLabel->show();
        return false;
    }
    // The pipeline has them now; nothing on the page keeps them.
    m_ui->sshPasswordLineEdit->clear();
    m_ui->becomePasswordLineEdit->clear();
    m_ui->statusLabel->hide();
    showRunning(true);
    emit completeChanged();
    return true;
}

QString DeployPage::becomePassword() const {
    return m_ui->becomeSameCheckBox->isChecked() ? m_ui->sshPasswordLineEdit->text()
                                                 : m_ui->becomePasswordLineEdit->text();
}

bool DeployPage::startPreflight() {
    const ksw::Assessment *assessment = session()->assessment();
    if (!assessment || m_pipeline->isRunning() || m_preflight->isRunning())
        return false;
    m_preflight->setInventory(*assessment, session()->site());
    m_preflight->setEnvironment(m_pipeline->environment());
    if (!m_pipeline->pluginFolder().isEmpty())
        m_preflight->setPluginFolder(m_pipeline->pluginFolder());
    // The passwords stay in the fields for the deploy that usually follows; the preflight forgets them at start.
    m_preflight->setConnectionPassword(m_ui->sshPasswordLineEdit->text());
    m_preflight->setBecomePassword(becomePassword());
    QString error;
    if (!m_preflight->start(&error)) {
        m_ui->statusLabel->setText(tr("The check of the nodes could not start: %1", "@info").arg(error));
        m_ui->statusLabel->show();
        return false;
    }
    m_ui->runView->setSession(m_preflight->session());
    m_ui->runView->show();
    m_ui->nodeFindingsView->hide();
    m_ui->stepLabel->setText(tr("Checking the nodes (read-only)…", "@info"));
    showRunning(true);
    updateState();
    return true;
}

void DeployPage::showPreflight(const ksw::PreflightReport &report, const QString &error) {
    session()->setPreflightReport(report);
    const ksw::Assessment *assessment = session()->assessment();
    if (assessment) {
        const QStringList fromNodes = ksw::Analyzer::preflightCodes();
        QList<ksw::Finding> answered;
        for (const ksw::Finding &finding : assessment->findings()) {
            if (fromNodes.contains(finding.code))
                answered.append(finding);
        }
        m_ui->nodeFindingsView->setFindings(answered);
    }
    m_ui->nodeFindingsView->show();
    m_ui->stepLabel->setText(error.isEmpty() ? tr("The nodes answered; what they said is below.", "@info")
                                             : tr("The check of the nodes ended early: %1", "@info").arg(error));
    showRunning(false);
    updateState();
}
