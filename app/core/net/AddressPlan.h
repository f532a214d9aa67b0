// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "net/Cidr.h"

#include <QList>
#include <QString>

#include <optional>

namespace ksw {

/// Something a cluster range must stay clear of: a company service, a node, the other cluster range, ...
struct ReservedRange {
    Cidr range;
    QString label; ///< what it is, for messages ("Docker Registry", "node1 ip", "kube_service_addresses")
};

/// Finds replacement ranges for the pod and service networks.
class AddressPlan {
public:
    /// Ranges every proposal avoids whatever the caller passes: 169.254.0.0/16, 127.0.0.0/8, 0.0.0.0/8,
    /// 224.0.0.0/4, 240.0.0.0/4 (IPv4) and ::1/128, fe80::/10, ff00::/8 (IPv6).
    static QList<ReservedRange> alwaysReserved();

    /// The first range of `current`'s size that overlaps none of `reserved` (nor alwaysReserved()).
    /// Deterministic: it walks aligned ranges upward from `current` to the end of the private block that
    /// holds it, then the private blocks in order (IPv4: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16; IPv6:
    /// fd00::/8), each from its start. `current` itself is returned when it is already clear.
    /// Nothing when no private block has room.
    static std::optional<Cidr> findFree(const Cidr &current, const QList<ReservedRange> &reserved);

    /// The reserved ranges that overlap `range`.
    static QList<ReservedRange> conflicts(const Cidr &range, const QList<ReservedRange> &reserved);
};

} // namespace ksw
