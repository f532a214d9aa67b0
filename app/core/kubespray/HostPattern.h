// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QString>
#include <QStringList>

namespace ksw {

/// What a host pattern of a hosts file stands for: the names, and the port it gives them.
struct HostPattern {
    QStringList names;
    QString port; ///< empty when the pattern names none

    /// Expands a host pattern as Ansible's inventory plugins do (parse_address, then expand_hostname_range, with
    /// Python's integers: any number of digits up to Python's 4300), or gives Ansible's reason for refusing it;
    /// `where` is the place of the pattern. At most limits::MaxHosts names of limits::MaxHostNameCharacters in
    /// all, counted before a range is built.
    static Expected<HostPattern> parse(const QString &pattern, const SourceLocation &where);
};

/// The refusal past limits::MaxHosts.
QString tooManyHostsMessage();
/// The refusal past limits::MaxHostNameCharacters.
QString hostNamesTooLongMessage();

} // namespace ksw
