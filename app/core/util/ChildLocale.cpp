// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "util/ChildLocale.h"

#include <QStringList>

#include <clocale>
#include <locale.h>

namespace ksw {

namespace {

bool isInstalled(const QString &name) {
    const locale_t locale = ::newlocale(LC_ALL_MASK, name.toLocal8Bit().constData(), static_cast<locale_t>(nullptr));
    if (locale == static_cast<locale_t>(nullptr))
        return false;
    ::freelocale(locale);
    return true;
}

} // namespace

QString missingLocale(const QProcessEnvironment &environment) {
    QStringList names;
    const QString all = environment.value(QStringLiteral("LC_ALL"));
    if (!all.isEmpty()) {
        names.append(all);
    } else {
        for (const QString &variable : environment.keys()) {
            if (variable.startsWith(QLatin1String("LC_")) || variable == u"LANG")
                names.append(environment.value(variable));
        }
    }
    for (const QString &name : std::as_const(names)) {
        if (!name.isEmpty() && !isInstalled(name))
            return name;
    }
    return {};
}

QProcessEnvironment withInstalledLocale(QProcessEnvironment environment) {
    if (!missingLocale(environment).isEmpty())
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

} // namespace ksw
