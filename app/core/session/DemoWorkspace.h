// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QString>

namespace ksw {

/// The scenario bundled with the program (resources/demo): an inventory with Kubespray's defaults and the
/// company services that break it.
struct DemoWorkspace {
    QString folder;        ///< the fresh workspace
    QString inventoryPath; ///< <folder>/mycluster
    QString siteProfilePath;

    /// Copies the bundled demo into a new folder under `parent` (default: $XDG_DATA_HOME/kubespray-wizard/demo).
    static Expected<DemoWorkspace> create(const QString &parent = {});
};

} // namespace ksw
