// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "PasswordInput.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ksw::cli {

namespace {

// The terminal's settings while echo is off, so that a signal during the prompt can put them back before the
// process ends: a shell left without echo is worse than a lost password.
int g_ttyFd = -1;
struct termios g_savedTermios;

extern "C" void restoreTerminalAndDie(int signalNumber) {
    if (g_ttyFd >= 0)
        ::tcsetattr(g_ttyFd, TCSANOW, &g_savedTermios); // async-signal-safe
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

} // namespace

std::optional<QString> readPasswordFile(const QString &path, QString *error) {
    auto fail = [error](const QString &reason) -> std::optional<QString> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QCoreApplication::translate("Cli", "%1 is a folder, not a password file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QCoreApplication::translate("Cli", "cannot read the password file %1: %2").arg(path, file.errorString()));
    // One line is all a password file holds; a FIFO may never end, so read no further than the first line.
    QByteArray line = file.readLine(4096);
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);
    line.fill('\0');
    if (password.isEmpty())
        return fail(QCoreApplication::translate("Cli", "the password file %1 is empty.").arg(path));
    return password;
}

std::optional<QString> promptPassword(const QString &prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct termios saved;
    if (!::isatty(fd) || ::tcgetattr(fd, &saved) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    g_savedTermios = saved;
    g_ttyFd = fd;
    struct sigaction restore = {};
    restore.sa_handler = restoreTerminalAndDie;
    sigemptyset(&restore.sa_mask);
    struct sigaction previousInt, previousTerm, previousHup, previousQuit;
    ::sigaction(SIGINT, &restore, &previousInt);
    ::sigaction(SIGTERM, &restore, &previousTerm);
    ::sigaction(SIGHUP, &restore, &previousHup);
    ::sigaction(SIGQUIT, &restore, &previousQuit);

    struct termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    silent.c_lflag |= ECHONL; // the Enter still moves to the next line
    ::tcsetattr(fd, TCSAFLUSH, &silent);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);

    QByteArray bytes;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n' || c == '\r' || bytes.size() >= 4096)
            break;
        bytes.append(c);
    }
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::sigaction(SIGTERM, &previousTerm, nullptr);
    ::sigaction(SIGHUP, &previousHup, nullptr);
    ::sigaction(SIGQUIT, &previousQuit, nullptr);
    g_ttyFd = -1;
    ::close(fd);
    const QString password = QString::fromUtf8(bytes);
    bytes.fill('\0');
    c = 0;
    return password;
}

} // namespace ksw::cli
