// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QString>

namespace ksw {

/// A unified diff (three lines of context) of two versions of a text file, with "--- a/path" and
/// "+++ b/path" headers as git writes them; empty when the bytes are equal. Line endings are kept.
QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after, bool beforeExists = true);

} // namespace ksw
