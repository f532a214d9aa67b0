// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/ChangeSet.h"
#include "kubespray/ClusterConfig.h"
#include "site/SiteProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ksw {

/// What a person chose on the wizard's pages, before it becomes settings: the ranges as typed, how
/// containerd should reach each registry, how pods should reach the company DNS.
struct FixPlan {
    struct Registry {
        QString host; ///< "name" or "name:port"
        SiteProfile::Scheme scheme = SiteProfile::Scheme::Unknown;
        bool skipVerify = false;
        QString serviceName; ///< empty when only the verification image names it
    };

    enum class DnsMode {
        ForwardEverything, ///< upstream_dns_servers: every non-cluster name goes to the company DNS
        CompanyZones,      ///< only the company zones go there (CoreDNS and, when on, NodeLocalDNS)
    };

    /// A value that cannot be used, for the field that holds it.
    struct Problem {
        QString field; ///< "serviceRange", "podRange", "nodePrefix", "dnsServers", "zones"
        QString message;
    };

    QString serviceRange; ///< kube_service_addresses as typed
    QString podRange;     ///< kube_pods_subnet as typed
    QString nodePrefix;   ///< kube_network_node_prefix as typed
    QList<Registry> registries;
    DnsMode dnsMode = DnsMode::ForwardEverything;
    QStringList dnsServers;
    QStringList zones;
    bool kubectlArtifacts = true; ///< turn on kubeconfig_localhost + kubectl_localhost when they are off

    /// The plan that changes nothing yet: today's effective ranges, the profile's registries and DNS.
    static FixPlan fromCurrent(const ClusterConfig &config, const SiteProfile &site);

    /// Values that cannot be written, each with a sentence for the field.
    QList<Problem> problems() const;
    /// The settings this plan writes: only those that differ from what `config` has now. Fields with
    /// problems are left out.
    ChangeSet changes(const ClusterConfig &config) const;
};

} // namespace ksw
