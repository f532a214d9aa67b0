// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Passwords for commands that run Ansible (preflight, deploy): from a file the user names, or typed on the terminal
// without echo. Never from argv or the environment, where `ps` and /proc show them.

#include <QString>

#include <optional>

namespace ksw::cli {

/// The first line of FILE (without its newline); an error naming the file when unreadable, empty or a folder.
std::optional<QString> readPasswordFile(const QString &path, QString *error);
/// Asks on the terminal without echo (stderr prompt, /dev/tty); nullopt when there is no terminal.
std::optional<QString> promptPassword(const QString &prompt);

} // namespace ksw::cli
