// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "RunSupport.h"

#include "PasswordInput.h"

#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace ksw::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onSigint(int) {
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(g_signalPipe[1], &byte, 1);
    errno = saved;
}

} // namespace

PasswordOptions::PasswordOptions()
    : passwordFile(
          QStringLiteral("password-file"),
          QCoreApplication::translate(
              "Cli", "The SSH password of the nodes, from the first line of FILE (never on the command line)."),
          QCoreApplication::translate("Cli", "FILE"))
    , becomePasswordFile(QStringLiteral("become-password-file"),
                         QCoreApplication::translate(
                             "Cli", "The sudo password, from the first line of FILE (default: the SSH password)."),
                         QCoreApplication::translate("Cli", "FILE")) {}

void PasswordOptions::addTo(QCommandLineParser &parser) const {
    parser.addOptions({passwordFile, becomePasswordFile});
}

std::optional<int> PasswordOptions::read(const QCommandLineParser &parser, Console console, bool becomeDefaultsToSsh,
                                         QString &connectionPassword, QString &becomePassword) const {
    // The first line of the option's file into `target`; false (with the reason on stderr) when unreadable.
    const auto readInto = [&](const QCommandLineOption &option, QString &target) {
        QString why;
        const auto password = readPasswordFile(parser.value(option), &why);
        if (!password)
            console.err << QCoreApplication::translate("Cli", "error: %1").arg(why) << Qt::endl;
        target = password.value_or(QString());
        return password.has_value();
    };
    if (parser.isSet(passwordFile)) {
        if (!readInto(passwordFile, connectionPassword))
            return ExitError;
    } else if (::isatty(STDIN_FILENO)) {
        // Without a terminal (CI, cron) there is nobody to ask: key-based SSH.
        console.err.flush();
        connectionPassword =
            promptPassword(QCoreApplication::translate("Cli", "SSH password for the nodes (Enter: key-based login): "))
                .value_or(QString());
    }
    if (parser.isSet(becomePasswordFile)) {
        if (!readInto(becomePasswordFile, becomePassword))
            return ExitError;
    } else if (becomeDefaultsToSsh) {
        becomePassword = connectionPassword;
    }
    return std::nullopt;
}

struct InterruptWatcher::Private {
    std::function<void()> onInterrupt;
    bool installed = false;
    struct sigaction previous = {};
    std::unique_ptr<QSocketNotifier> notifier;
};

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt)
    : d(std::make_unique<Private>()) {
    d->onInterrupt = std::move(onInterrupt);
    if (g_signalPipe[0] >= 0 || ::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    d->installed = ::sigaction(SIGINT, &action, &d->previous) == 0;
    if (!d->installed)
        return;
    d->notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(d->notifier.get(), &QSocketNotifier::activated, d->notifier.get(), [this] {
        char bytes[16];
        while (::read(g_signalPipe[0], bytes, sizeof bytes) > 0) {
        }
        if (d->onInterrupt)
            d->onInterrupt();
    });
}

InterruptWatcher::~InterruptWatcher() {
    d->notifier.reset();
    if (d->installed)
        ::sigaction(SIGINT, &d->previous, nullptr);
    if (d->installed || g_signalPipe[0] >= 0) {
        for (int &fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
}

bool InterruptWatcher::isActive() const {
    return d->installed;
}

ProgressLine::ProgressLine(QTextStream &stream)
    : m_stream(stream)
    , m_terminal(::isatty(STDERR_FILENO)) {}

void ProgressLine::show(const QString &prefix, int done, int estimated, const QString &task, qint64 elapsedMs) {
    const QString count = estimated > 0 ? QStringLiteral("%1/%2").arg(done).arg(estimated) : QString::number(done);
    const qint64 seconds = elapsedMs / 1000;
    const QString elapsed =
        QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (m_terminal) {
        // One line, rewritten in place; cut so it never wraps on an 80-column terminal.
        QString line = QCoreApplication::translate("Cli", "%1 [%2] %3 %4").arg(prefix, count, elapsed, task);
        if (line.size() > 79)
            line = line.left(78) + QChar(0x2026);
        m_stream << "\r\033[K" << line;
        m_stream.flush();
        m_shown = true;
    } else if (task != m_lastTask && !task.isEmpty()) {
        m_stream << QCoreApplication::translate("Cli", "%1 [%2] %3 %4").arg(prefix, count, elapsed, task) << Qt::endl;
    }
    m_lastTask = task;
}

void ProgressLine::print(const QString &line) {
    clear();
    m_stream << line << Qt::endl;
}

void ProgressLine::clear() {
    if (m_terminal && m_shown) {
        m_stream << "\r\033[K";
        m_stream.flush();
    }
    m_shown = false;
}

} // namespace ksw::cli
