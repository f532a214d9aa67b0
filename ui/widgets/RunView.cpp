// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "widgets/RunView.h"
#include "ui_RunView.h"

#include "run/HostStatusModel.h"
#include "run/RunSession.h"
#include "widgets/LogView.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTextDocument>
#include <QTime>

namespace {
const QString SplitterKey = QStringLiteral("runView/splitter");
} // namespace

RunView::RunView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunView>()) {
    m_ui->setupUi(this);
    m_ui->summaryWidget->hide();
    m_ui->cancelPushButton->setEnabled(false);
    m_ui->hostTableView->verticalHeader()->hide();
    m_ui->hostTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The log is what a run is read by: it takes the height; the host table and the summary keep a few lines,
    // and where the user drags the splitter is remembered.
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setChildrenCollapsible(false);
    const int line = fontMetrics().height();
    if (!m_ui->splitter->restoreState(QSettings().value(SplitterKey).toByteArray()))
        m_ui->splitter->setSizes({line * 6, line * 100});
    // The end's summary sits under the log and never takes more than a few lines of it.
    m_ui->failuresListWidget->setMaximumHeight(line * 6);
    connect(m_ui->splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(SplitterKey, m_ui->splitter->saveState()); });
    connect(m_ui->failuresListWidget, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showFailureInLog(m_ui->failuresListWidget->row(item)); });
    connect(m_ui->failuresListWidget, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showFailureInLog(m_ui->failuresListWidget->row(item)); });
}

RunView::~RunView() = default;

LogView *RunView::logView() const {
    return m_ui->logView;
}

void RunView::setSession(ksw::RunSession *session, bool continueLog) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (continueLog) {
        m_ui->logView->flush();
        m_firstLine = m_ui->logView->textEdit()->document()->blockCount();
        m_ui->logView->appendMessage(tr("Next playbook: %1", "@info run").arg(session->command().playbook));
    } else {
        m_ui->logView->clear();
        m_firstLine = 0;
    }
    m_ui->summaryWidget->hide();
    m_ui->hostTableView->setModel(session->hostModel());
    m_ui->progressBar->setRange(0, 0); // unknown until an estimate or the end says otherwise
    m_ui->progressBar->setFormat(QString());
    m_ui->currentTaskLabel->setText(tr("Starting…", "@info run"));

    // Cancel from the first moment, the --list-tasks count included, until the run has ended.
    m_cancelRequested = false;
    m_failuresAtCancel = -1;
    m_ui->cancelPushButton->setEnabled(session->isRunning());
    m_ui->currentTaskLabel->show();
    connect(session, &ksw::RunSession::started, this,
            [this] { m_ui->cancelPushButton->setEnabled(!m_cancelRequested); });
    connect(session, &ksw::RunSession::outputData, this,
            [this](const QByteArray &bytes, QProcess::ProcessChannel channel) {
                m_ui->logView->appendOutput(bytes, channel == QProcess::StandardError ? LogView::Channel::Stderr
                                                                                      : LogView::Channel::Stdout);
            });
    connect(session, &ksw::RunSession::message, m_ui->logView, &LogView::appendMessage);
    connect(session, &ksw::RunSession::progressChanged, this, &RunView::showProgress);
    connect(session, &ksw::RunSession::finished, this, &RunView::showEnd);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, session, [this] { cancel(); });
}

void RunView::cancel() {
    if (!m_session || !m_session->isRunning() || m_cancelRequested)
        return;
    m_cancelRequested = true;
    // Ansible reports the hosts it was talking to as unreachable when interrupted: only what failed before the
    // cancel is a failure.
    m_failuresAtCancel = static_cast<int>(m_session->hostModel()->failures().size());
    m_ui->cancelPushButton->setEnabled(false);
    m_ui->currentTaskLabel->setText(tr("Cancelling: interrupting Ansible and everything it started…", "@info run"));
    m_session->cancel();
}

void RunView::showProgress(int done, int estimated, const QString &play, const QString &task, qint64 elapsedMs) {
    if (estimated > 0) {
        m_ui->progressBar->setRange(0, qMax(estimated, done));
        m_ui->progressBar->setValue(done);
        m_ui->progressBar->setFormat(tr("%v of about %m tasks", "@info progress"));
    } else {
        m_ui->progressBar->setRange(0, 0);
    }
    const QString elapsed = QTime(0, 0).addMSecs(static_cast<int>(elapsedMs)).toString(QStringLiteral("HH:mm:ss"));
    m_ui->currentTaskLabel->setText(tr("%1 — play “%2”, task “%3” (%4 tasks done)", "@info run: elapsed, play, task")
                                        .arg(elapsed, play, task)
                                        .arg(done));
}

void RunView::showEnd(int exitCode, bool cancelled, const ksw::Recap &recap) {
    Q_UNUSED(recap);
    m_ui->cancelPushButton->setEnabled(false);
    m_ui->logView->finishOutput();
    const int done = m_session ? m_session->tasksDone() : 0;
    if (cancelled) {
        // A cancelled run stops where it was: the bar is not filled, and says so.
        // Without an estimate the share done is unknown: an empty bar rather than a full one.
        if (m_ui->progressBar->maximum() == 0) {
            m_ui->progressBar->setRange(0, 1);
            m_ui->progressBar->setValue(0);
        } else {
            m_ui->progressBar->setValue(qMin(done, m_ui->progressBar->maximum()));
        }
        m_ui->progressBar->setFormat(tr("Cancelled after %n task(s)", "@info progress", done));
    } else {
        if (m_ui->progressBar->maximum() == 0) {
            // No estimate was known: the end shows what was done, not an "of about" that never was.
            m_ui->progressBar->setRange(0, qMax(1, done));
            m_ui->progressBar->setFormat(tr("%n task(s)", "@info progress", done));
        }
        m_ui->progressBar->setValue(m_ui->progressBar->maximum());
    }

    QList<ksw::HostStatusModel::Failure> failures =
        m_session ? m_session->hostModel()->failures() : QList<ksw::HostStatusModel::Failure>();
    if (cancelled && m_failuresAtCancel >= 0)
        failures = failures.mid(0, m_failuresAtCancel);
    const QList<ksw::HostStatusModel::Failure> firstAttempt =
        m_session ? m_session->firstAttemptFailures() : QList<ksw::HostStatusModel::Failure>();
    m_ui->failuresListWidget->clear();
    const auto list = [this](const QList<ksw::HostStatusModel::Failure> &shown) {
        for (const ksw::HostStatusModel::Failure &failure : shown) {
            const QString what =
                failure.unreachable ? tr("unreachable", "@info failure kind") : tr("failed", "@info failure kind");
            m_ui->failuresListWidget->addItem(tr("%1 — %2 (%3): %4", "@item host — task (kind): message")
                                                  .arg(failure.host, failure.task, what, failure.message));
        }
    };
    list(failures);
    if (cancelled) {
        m_ui->summaryLabel->setText(tr(
            "Cancelled. Ansible and the processes it started here are stopped. SSH's shared connections stay open for "
            "reuse (ControlPersist in Kubespray's ansible.cfg), and a command already running on a node may still "
            "finish there.",
            "@info run"));
    } else if (exitCode == 0 && !firstAttempt.isEmpty()) {
        // The retry made it; what made the first attempt fail is still worth a look.
        m_ui->summaryLabel->setText(tr("Finished on the second attempt. The first attempt failed here:", "@info run"));
        list(firstAttempt);
    } else if (exitCode == 0) {
        m_ui->summaryLabel->setText(tr("Finished without a failed task.", "@info run"));
    } else if (failures.isEmpty()) {
        m_ui->summaryLabel->setText(tr("Ended with exit code %1 before any task failed on a host: Ansible itself "
                                       "stopped. Its reason is at the end of the log.",
                                       "@info run")
                                        .arg(exitCode));
        m_ui->logView->showLine(m_ui->logView->textEdit()->document()->blockCount() - 1);
    } else {
        m_ui->summaryLabel->setText(
            tr("Ended with exit code %1. Failed tasks per host (click one to see it in the log):", "@info run")
                .arg(exitCode));
    }
    // The summary says it all: the running line above would only repeat it.
    m_ui->currentTaskLabel->hide();
    m_ui->failuresListWidget->setVisible(m_ui->failuresListWidget->count() > 0);
    m_ui->summaryWidget->show();
}

void RunView::showFailureInLog(int row) {
    if (!m_session)
        return;
    // The list shows this attempt's failures, then (after a successful second attempt) the first attempt's.
    const QList<ksw::HostStatusModel::Failure> failures =
        m_session->hostModel()->failures() + m_session->firstAttemptFailures();
    if (row < 0 || row >= failures.size())
        return;
    const ksw::HostStatusModel::Failure &failure = failures.at(row);
    // The log holds the run's lines as Ansible printed them: the task's banner, then the host's line.
    LogView *log = m_ui->logView;
    log->showLine(m_firstLine); // this run's lines, not an earlier playbook's of the same deploy
    log->find(failure.task);
    log->find(QLatin1Char('[') + failure.host + QLatin1Char(']'));
}
