// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What every command that runs Ansible needs on a terminal: the SSH and sudo passwords (from files, or asked
// without echo), Ctrl+C turned into a clean cancel, and one progress line rewritten in place.

#include "CommandLine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSocketNotifier;

namespace ksw::cli {

/// --password-file / --become-password-file, and the prompt when neither file is given on a terminal.
struct PasswordOptions {
    PasswordOptions();
    void addTo(QCommandLineParser &parser) const;
    /// Reads the passwords. `becomeDefaultsToSsh`: without --become-password-file the sudo password is the SSH
    /// one. An exit code (message on stderr) when a file cannot be read.
    std::optional<int> read(const QCommandLineParser &parser, Console console, bool becomeDefaultsToSsh,
                            QString &connectionPassword, QString &becomePassword) const;

    QCommandLineOption passwordFile;
    QCommandLineOption becomePasswordFile;
};

/// Ctrl+C while Ansible runs: the handler only writes a byte into a pipe (all a signal handler may safely do); the
/// event loop reads it and calls `onInterrupt`, which cancels the run — Ansible runs in a session of its own and
/// never sees the terminal's SIGINT, so the whole process group is stopped by the runner. The previous handler is
/// back when this object goes.
class InterruptWatcher {
public:
    explicit InterruptWatcher(std::function<void()> onInterrupt);
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher &) = delete;
    InterruptWatcher &operator=(const InterruptWatcher &) = delete;
    bool isActive() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// A progress line: rewritten in place on a terminal, a new line per change of task otherwise (logs, CI).
class ProgressLine {
public:
    explicit ProgressLine(QTextStream &stream);
    bool isTerminal() const { return m_terminal; }
    /// `prefix` names the step ("cluster 2/3"); `done`/`estimated` tasks (estimated 0 = unknown).
    void show(const QString &prefix, int done, int estimated, const QString &task, qint64 elapsedMs);
    /// A whole line above the progress line.
    void print(const QString &line);
    /// Clears the progress line (before the final report).
    void clear();

private:
    QTextStream &m_stream;
    bool m_terminal = false;
    bool m_shown = false;
    QString m_lastTask;
};

} // namespace ksw::cli
