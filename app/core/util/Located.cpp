// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "util/Located.h"

namespace ksw {

QString SourceLocation::toString() const {
    QString text = file;
    if (line > 0) {
        text += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            text += QLatin1Char(':') + QString::number(column);
    }
    return text;
}

QString Error::toString() const {
    QString text;
    if (where.isValid())
        text = where.toString() + QStringLiteral(": ");
    if (!field.isEmpty())
        text += field + QStringLiteral(": ");
    return text + message;
}

} // namespace ksw
