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
        QStringList caFiles;       ///< CA files containerd checks its certificate with (a mirror's ca, v2.28+;
                                   ///< ca_file in containerd_extra_args, v2.21/v2.22)
        bool tlsTableInExtraArgs = false; ///< v2.21/v2.22: containerd_extra_args has its CRI TLS table
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
    /// v2.21/v2.22 write config_path into config.toml (v2.21 with containerd_insecure_registries, v2.22 with
    /// containerd_use_config_path); containerd then refuses every TLS table of config.toml (measured, 1.6.20).
    bool legacyConfigPath() const;
    /// The header of the CRI plugin's TLS table for a registry in config.toml (containerd 1.x):
    /// `[plugins."io.containerd.grpc.v1.cri".registry.configs."HOST".tls]`.
    static QString legacyTlsTable(const QString &registryHost);

private:
    const ClusterConfig &m_config;
};

} // namespace ksw
