// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class RunView;
}
namespace ksw {
class RunSession;
struct Recap;
} // namespace ksw
class LogView;

/// A playbook run on screen: progress (tasks done of the estimate, current play and task, elapsed time), the
/// per-host table, the live log, Cancel, and a closing summary of the failed tasks per host — clicking one
/// shows its place in the log. It shows a RunSession; it does not own the run.
class RunView : public QWidget {
    Q_OBJECT

public:
    explicit RunView(QWidget *parent = nullptr);
    ~RunView() override;

    /// Follows `session` from now on (its output, events, progress and end). `continueLog`: the log keeps the
    /// previous run's lines above this one's (reset.yml, then cluster.yml), with a line naming the new playbook.
    void setSession(ksw::RunSession *session, bool continueLog = false);
    LogView *logView() const;
    /// As the Cancel button: stops the run, whatever phase it is in; the end then shows it cancelled.
    void cancel();

private:
    void showProgress(int done, int estimated, const QString &play, const QString &task, qint64 elapsedMs);
    void showEnd(int exitCode, bool cancelled, const ksw::Recap &recap);
    void showFailureInLog(int row);

    std::unique_ptr<Ui::RunView> m_ui;
    QPointer<ksw::RunSession> m_session; ///< the run may be deleted by its owner while shown
    int m_firstLine = 0;                 ///< where this run's lines start in the log
    bool m_cancelRequested = false;
    int m_failuresAtCancel = -1; ///< failures known when Cancel was pressed; -1 before
};
