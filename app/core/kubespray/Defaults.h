// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/KubesprayVersion.h"
#include "kubespray/Setting.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ksw {

class Checkout;

/// Kubespray's role defaults for the tracked variables of one release.
class Defaults {
public:
    /// The checkout's own role default files when it has them (a Jinja expression stays an expression);
    /// else the built-in table for the detected release; else nothing.
    static Defaults forCheckout(const Checkout &checkout);
    /// Our table of the defaults of `version` (FACTS.md §2.3).
    static Defaults builtIn(const KubesprayVersion &version);

    /// The default, or an Unset setting when Kubespray defines none in this release.
    Setting value(const QString &name) const;
    bool readFromCheckout() const { return m_fromCheckout; }
    /// Role default files of the checkout that could not be read (their values are missing).
    const QStringList &problems() const { return m_problems; }

private:
    QHash<QString, Setting> m_values;
    bool m_fromCheckout = false;
    QStringList m_problems;
};

} // namespace ksw
