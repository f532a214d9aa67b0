// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/ClusterConfig.h"

#include <QString>

namespace ksw {

/// What the effective containerd settings of a release do for one registry.
class RegistryConfig {
public:
    struct Handling {
        bool configured = false;   ///< some entry names this registry
        bool plainHttp = false;    ///< and containerd will speak plain HTTP to it
        bool skipVerify = false;   ///< and accepts a certificate nobody vouches for (an https mirror with skip_verify)
        bool inlineConfig = false; ///< v2.23–v2.26 without containerd_use_config_path: rendered into config.toml
        bool broken = false;       ///< configured in a way that makes containerd refuse its config (v2.21)
        QString variable;          ///< the variable that configures it
    };

    explicit RegistryConfig(const ClusterConfig &config);

    Handling handling(const QString &registryHost) const;

    /// v2.23 and later read containerd_registries_mirrors; older releases containerd_registries.
    bool usesMirrorList() const;
    /// v2.23–v2.26 render the list into config.toml unless containerd_use_config_path is on.
    bool rendersInline() const;
    /// v2.21: the registries of containerd_insecure_registries, when it stands next to a non-empty
    /// containerd_registries (its role default included). That release then writes config_path and mirrors into the
    /// same config.toml, and containerd refuses it (FACTS.md §2.4), whichever registries they name.
    QStringList brokenInsecureRegistries() const;

private:
    const ClusterConfig &m_config;
};

} // namespace ksw
