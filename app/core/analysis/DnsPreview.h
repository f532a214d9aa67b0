// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/ClusterConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ksw {

/// Where the cluster's DNS servers send which names, for the effective settings (FACTS.md §2.5): a few plain
/// sentences, and short Corefile-like snippets of CoreDNS and, when on, NodeLocalDNS.
class DnsPreview {
public:
    struct Server {
        QString name;     ///< "CoreDNS", "NodeLocalDNS"
        QString corefile; ///< the server blocks that decide forwarding (other plugins left out)

        friend bool operator==(const Server &, const Server &) = default;
    };

    /// Who asks whom, in the order a pod's query travels; translated (context "DnsPreview").
    static QStringList summary(const ClusterConfig &config);
    /// CoreDNS first, then NodeLocalDNS when it is on; nothing when Kubespray does not deploy CoreDNS.
    static QList<Server> render(const ClusterConfig &config);
    /// The sentences, then each snippet under a "# <server>" line.
    static QString toText(const ClusterConfig &config);
};

} // namespace ksw
