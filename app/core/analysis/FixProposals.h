// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Finding.h"
#include "kubespray/ClusterConfig.h"
#include "net/Cidr.h"
#include "site/SiteProfile.h"

#include <optional>

namespace ksw {

/// Turns an intent ("registry X speaks only HTTP") into the settings this Kubespray release reads.
class FixProposals {
public:
    explicit FixProposals(const ClusterConfig &config);

    /// `key` set to `value` in the file Ansible reads it from on every node: where the inventory sets it today,
    /// else the group Kubespray's sample keeps it for (all: all.yml, containerd.yml; k8s_cluster:
    /// k8s-cluster.yml), in the files Ansible already reads for that group. Without such a file, the change says
    /// why (SettingChange::unwritable).
    SettingChange change(const QString &key, const YAML::Node &value) const;
    /// The same, but a key the inventory sets for no node goes into the file of `companion`, the change it works
    /// with.
    SettingChange changeBeside(const QString &key, const YAML::Node &value, const SettingChange &companion) const;

    /// Moves the service and/or pod range (only those given); IPv6 names when `ipv6`.
    FixProposal ranges(const std::optional<Cidr> &services, const std::optional<Cidr> &pods, bool ipv6) const;
    /// How containerd should reach one registry.
    struct MirrorRequest {
        QString host;           ///< "name" or "name:port", as image references name it
        bool plainHttp = true;  ///< http:// (else https://)
        bool skipVerify = true; ///< accept a certificate nobody vouches for (https only; harmless for http)
        QString caFile;         ///< https without skipVerify: the CA's file on the nodes
    };

    /// Why this release cannot make containerd trust an https `request` as it asks; empty when it can (and for
    /// plain HTTP).
    Message trustLimit(const MirrorRequest &request) const;

    /// Plain HTTP for each of `registryHosts`, in this release's shape, keeping every other registry entry.
    FixProposal httpRegistries(const QStringList &registryHosts) const;
    /// A mirror entry for each request, in this release's shape, keeping every other registry entry.
    FixProposal registryMirrors(const QList<MirrorRequest> &requests) const;
    /// Company DNS for pods: upstream_dns_servers, or per-zone forwarding for `zones`
    /// (both CoreDNS and NodeLocalDNS while NodeLocalDNS is on).
    FixProposal companyDns(const QStringList &servers, const QStringList &zones) const;
    /// kubeconfig_localhost and kubectl_localhost on, so artifacts/kubectl.sh exists after a deploy.
    FixProposal kubectlArtifacts() const;

private:
    /// v2.23+: containerd_registries_mirrors.
    FixProposal mirrorList(const QList<MirrorRequest> &requests) const;
    /// v2.21/v2.22: containerd_registries for plain HTTP, a TLS table in containerd_extra_args for HTTPS.
    FixProposal legacyRegistries(const QList<MirrorRequest> &requests) const;

    const ClusterConfig &m_config;
};

} // namespace ksw
