// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/VerifyPage.h"
#include "ui_VerifyPage.h"

#include "MainWizard.h"
#include "deploy/DeployPipeline.h"
#include "session/WizardSession.h"
#include "verify/Verifier.h"

#include <QScrollBar>

VerifyPage::VerifyPage(ksw::WizardSession *session, ksw::DeployPipeline *pipeline, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::VerifyPage>())
    , m_pipeline(pipeline) {
    m_ui->setupUi(this);
    setTitle(tr("Verify", "@title:page"));
    setSubTitle(tr("Does a job with the company image run to the end on the cluster?", "@subtitle:page"));
    setFinalPage(true);
    m_ui->timeoutSpinBox->setSuffix(tr(" min", "@item:valuesuffix minutes"));
    clearResult();

    connect(m_ui->verifyPushButton, &QPushButton::clicked, this, &VerifyPage::startVerification);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, m_pipeline, &ksw::DeployPipeline::cancel);
    connect(m_ui->fixPushButton, &QPushButton::clicked, this, [this] {
        if (auto *mainWizard = qobject_cast<MainWizard *>(wizard()); mainWizard && m_fixPageId >= 0)
            mainWizard->goToPage(MainWizard::PageId(m_fixPageId));
    });
    connect(m_pipeline, &ksw::DeployPipeline::verificationStarted, this, [this](ksw::Verifier *verifier) {
        clearResult();
        m_ui->verifyPushButton->setEnabled(false);
        m_ui->cancelPushButton->setEnabled(true);
        connect(verifier, &ksw::Verifier::step, this,
                [this](const QString &line) { m_ui->stepsPlainTextEdit->appendPlainText(line); });
    });
    connect(m_pipeline, &ksw::DeployPipeline::finished, this, [this](const ksw::DeployPipeline::Result &result) {
        m_ui->verifyPushButton->setEnabled(true);
        m_ui->cancelPushButton->setEnabled(false);
        if (result.verification)
            showResult(*result.verification);
        else if (result.failedStep == ksw::DeployPipeline::Step::Verify)
            m_ui->resultLabel->setText(result.summary);
    });
}

VerifyPage::~VerifyPage() = default;

QString VerifyPage::resultText() const {
    return m_ui->resultLabel->text();
}

void VerifyPage::refresh() {
    if (m_ui->imageLineEdit->text().isEmpty())
        m_ui->imageLineEdit->setText(session()->site().verificationImage());
    const ksw::ClusterAccess access = ksw::ClusterAccess::locate(
        session()->isOpen() ? session()->inventoryDirectory() : QString(), m_pipeline->kubectl());
    m_ui->accessValueLabel->setText(access.isUsable() ? access.describe() : access.problem);
    m_ui->verifyPushButton->setEnabled(!m_pipeline->isRunning() && session()->isOpen() && access.isUsable());
    m_ui->cancelPushButton->setEnabled(m_pipeline->currentStep() == ksw::DeployPipeline::Step::Verify);
}

bool VerifyPage::startVerification() {
    const ksw::Assessment *assessment = session()->assessment();
    if (!assessment || m_pipeline->isRunning())
        return false;
    ksw::DeployPipeline::Target target = ksw::DeployPipeline::Target::from(*assessment, session()->site());
    target.verificationImage = m_ui->imageLineEdit->text().trimmed();
    QString error;
    if (!m_pipeline->startVerification(target, m_ui->timeoutSpinBox->value() * 60 * 1000, &error)) {
        clearResult();
        m_ui->resultLabel->setText(error);
        return false;
    }
    return true;
}

void VerifyPage::clearResult() {
    m_fixPageId = -1;
    m_ui->stepsPlainTextEdit->clear();
    m_ui->resultLabel->clear();
    m_ui->resultLabel->setStyleSheet(QString());
    m_ui->diagnosisLabel->clear();
    m_ui->diagnosisLabel->hide();
    m_ui->fixPushButton->hide();
    m_ui->detailsPlainTextEdit->clear();
    m_ui->detailsPlainTextEdit->hide();
}

void VerifyPage::showResult(const ksw::VerificationResult &result) {
    m_ui->resultLabel->setText(result.summary());
    // Colour says pass/fail at a glance; the words say it too.
    m_ui->resultLabel->setStyleSheet(result.succeeded() ? QStringLiteral("font-weight: bold; color: #1e7d32;")
                                                        : QStringLiteral("font-weight: bold; color: #b71c1c;"));
    if (result.succeeded())
        return;
    const ksw::Diagnosis &diagnosis = result.diagnosis;
    // Without a diagnosis (no access, an error of kubectl), the reason is the explanation.
    QString text = diagnosis.summary.isEmpty() ? result.reason : diagnosis.summary;
    if (!diagnosis.evidence.isEmpty())
        text += QLatin1Char('\n') + tr("What the cluster said: %1", "@info").arg(diagnosis.evidence);
    m_ui->diagnosisLabel->setText(text);
    m_ui->diagnosisLabel->setVisible(!text.isEmpty());
    m_fixPageId = diagnosis.topic ? MainWizard::pageFor(*diagnosis.topic) : -1;
    if (m_fixPageId >= 0 && wizard() && wizard()->page(m_fixPageId)) {
        m_ui->fixPushButton->setText(
            tr("Open \"%1\"", "@action:button page title").arg(wizard()->page(m_fixPageId)->title()));
        m_ui->fixPushButton->show();
    }
    QStringList details;
    if (!result.jobName.isEmpty())
        details << tr("Job: %1   Pod: %2", "@info").arg(result.jobName, result.podName);
    if (!result.events.isEmpty())
        details << tr("Events:", "@info") << result.events;
    if (!result.log.isEmpty())
        details << tr("Container log:", "@info") << result.log;
    m_ui->detailsPlainTextEdit->setPlainText(details.join(QLatin1Char('\n')));
    m_ui->detailsPlainTextEdit->setVisible(!details.isEmpty());
}
