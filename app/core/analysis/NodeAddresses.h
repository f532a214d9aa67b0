// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Setting.h"
#include "net/IpAddress.h"

#include <QList>
#include <QString>

#include <memory>

namespace ksw {

class Inventory;

/// An address a node is reached on, as the inventory gives it. Small: an inventory of many nodes has several
/// addresses for each.
struct NodeAddress {
    QString host;
    QString variable; ///< ansible_host, ip, access_ip (IPv4) or ip6, access_ip6, ansible_host (IPv6)
    IpAddress address;
    int line = 0;                       ///< where it is set in `file`
    std::shared_ptr<const Origin> file; ///< the file it is set in (without a line), shared by its addresses

    Origin origin() const {
        Origin origin = *file;
        origin.line = line;
        return origin;
    }
};

/// The literal addresses of every host as Ansible resolves its addressing variables (host names in ansible_host
/// are skipped), in host order.
QList<NodeAddress> nodeAddresses(const Inventory &inventory, bool ipv6);

} // namespace ksw
