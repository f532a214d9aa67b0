// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/ClusterConfig.h"

#include <QList>
#include <QString>

namespace ksw {

/// The containerd registry configuration Kubespray writes on every node for the effective settings of a
/// release (FACTS.md §2.4): the registry part of config.toml, and the hosts.toml files containerd reads.
class ContainerdPreview {
public:
    struct File {
        QString path;         ///< absolute path on a node
        QString text;         ///< exactly as Kubespray renders it
        bool excerpt = false; ///< only the registry part of a larger file (config.toml)

        friend bool operator==(const File &, const File &) = default;
    };

    /// The files, config.toml's registry part first; nothing when containerd is not the container manager.
    static QList<File> render(const ClusterConfig &config);
    /// One sentence naming the shape this release reads ("Kubespray v2.25.0: containerd_registries_mirrors
    /// with server:, …"), translated (context "ContainerdPreview").
    static QString summary(const ClusterConfig &config);
    /// The files one after the other, each under a "# <path>" line, for a preview pane or the terminal.
    static QString toText(const QList<File> &files);
};

} // namespace ksw
