// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Setting.h"
#include "net/IpAddress.h"

#include <QList>
#include <QString>

namespace ksw {

class Inventory;

/// An address a node is reached on, as the inventory gives it.
struct NodeAddress {
    QString host;
    QString variable; ///< ansible_host, ip, access_ip (IPv4) or ip6, access_ip6, ansible_host (IPv6)
    IpAddress address;
    Origin origin;
};

/// The literal addresses of every host as Ansible resolves its addressing variables (host names in ansible_host
/// are skipped), in host order.
QList<NodeAddress> nodeAddresses(const Inventory &inventory, bool ipv6);

} // namespace ksw
