// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace ksw {

/// The locale a child process asks for (LC_ALL, else the LC_* variables and LANG), when one of them names a locale
/// this machine does not have. Empty when all are installed (or none is set).
QString missingLocale(const QProcessEnvironment &environment);

/// `environment`, or, when missingLocale() names one, the same with LC_ALL=C.UTF-8 (always present on Debian).
/// Python programs such as Ansible refuse to start under a locale that is not installed ("could not initialize
/// the preferred locale"); the wizard's own language does not depend on it.
QProcessEnvironment withInstalledLocale(QProcessEnvironment environment);

} // namespace ksw
