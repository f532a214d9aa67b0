// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/AddressPlan.h"

#include <QCoreApplication>

#include <algorithm>

namespace ksw {

namespace {

Cidr cidr(QStringView text) {
    // Only called with the constants below, which are known to parse.
    return *Cidr::parse(text).cidr;
}

QList<Cidr> privateBlocks(bool v4) {
    if (v4)
        return {cidr(u"10.0.0.0/8"), cidr(u"172.16.0.0/12"), cidr(u"192.168.0.0/16")};
    return {cidr(u"fd00::/8")};
}

/// `ranges` sorted by address, each range inside another dropped: CIDR ranges nest or are disjoint, so what is left
/// is disjoint and any address lies in at most one of them.
QList<Cidr> outermost(QList<Cidr> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const Cidr &a, const Cidr &b) {
        return a.network() != b.network() ? a.network() < b.network() : a.prefixLength() < b.prefixLength();
    });
    QList<Cidr> result;
    for (const Cidr &range : ranges) {
        if (result.isEmpty() || !result.last().contains(range))
            result.append(range);
    }
    return result;
}

/// The first aligned range of `prefixLength` in `block`, from `start` upward and before `stop`, that overlaps
/// nothing in `avoid` (as outermost() leaves it).
///
/// A candidate meets at most one range that reaches past its start (found by binary search); the walk then jumps
/// past the larger of the two (aligned ranges nest), so no range is met twice: at most avoid.size() + 1 steps of
/// log(avoid.size()) each, however large the block (a /64 walk over fd00::/8) or the number of node addresses.
std::optional<Cidr> walk(const Cidr &block, const IpAddress &start, const std::optional<IpAddress> &stop,
                         int prefixLength, const QList<Cidr> &avoid) {
    std::optional<Cidr> candidate = Cidr(start, prefixLength);
    for (qsizetype step = 0; step <= avoid.size() && candidate && block.contains(*candidate); ++step) {
        if (stop && candidate->network() >= *stop)
            return std::nullopt;
        const auto first =
            std::lower_bound(avoid.cbegin(), avoid.cend(), candidate->network(),
                             [](const Cidr &range, const IpAddress &address) { return range.lastAddress() < address; });
        if (first == avoid.cend() || !first->overlaps(*candidate))
            return candidate;
        const Cidr &outer = first->prefixLength() < candidate->prefixLength() ? *first : *candidate;
        const std::optional<IpAddress> after = outer.lastAddress().added(1);
        if (!after)
            return std::nullopt;
        candidate = Cidr(*after, prefixLength);
    }
    return std::nullopt;
}

} // namespace

QList<ReservedRange> AddressPlan::alwaysReserved() {
    return {
        {cidr(u"169.254.0.0/16"), QCoreApplication::translate("AddressPlan", "link-local addresses")},
        {cidr(u"127.0.0.0/8"), QCoreApplication::translate("AddressPlan", "loopback addresses")},
        {cidr(u"0.0.0.0/8"), QCoreApplication::translate("AddressPlan", "“this network” addresses")},
        {cidr(u"224.0.0.0/4"), QCoreApplication::translate("AddressPlan", "multicast addresses")},
        {cidr(u"240.0.0.0/4"), QCoreApplication::translate("AddressPlan", "reserved addresses")},
        {cidr(u"::1/128"), QCoreApplication::translate("AddressPlan", "loopback address")},
        {cidr(u"fe80::/10"), QCoreApplication::translate("AddressPlan", "link-local addresses")},
        {cidr(u"ff00::/8"), QCoreApplication::translate("AddressPlan", "multicast addresses")},
    };
}

std::optional<Cidr> AddressPlan::findFree(const Cidr &current, const QList<ReservedRange> &reserved) {
    QList<Cidr> avoid;
    for (const QList<ReservedRange> &list : {reserved, alwaysReserved()}) {
        for (const ReservedRange &entry : list) {
            if (entry.range.isV4() == current.isV4())
                avoid.append(entry.range);
        }
    }

    const auto isClear = [&avoid](const Cidr &range) {
        return std::none_of(avoid.begin(), avoid.end(), [&range](const Cidr &r) { return r.overlaps(range); });
    };
    if (isClear(current))
        return current;
    avoid = outermost(avoid);

    const QList<Cidr> blocks = privateBlocks(current.isV4());
    const int prefixLength = current.prefixLength();
    std::optional<Cidr> home;
    for (const Cidr &block : blocks) {
        if (block.contains(current))
            home = block;
    }
    if (home) {
        if (const std::optional<Cidr> found = walk(*home, current.network(), std::nullopt, prefixLength, avoid))
            return found;
    }
    for (const Cidr &block : blocks) {
        if (prefixLength < block.prefixLength())
            continue; // the request is larger than the whole block
        // The home block's upper part was just walked; only what lies below `current` is left to try.
        const std::optional<IpAddress> stop = block == home ? std::optional(current.network()) : std::nullopt;
        if (const std::optional<Cidr> found = walk(block, block.network(), stop, prefixLength, avoid))
            return found;
    }
    return std::nullopt;
}

QList<ReservedRange> AddressPlan::conflicts(const Cidr &range, const QList<ReservedRange> &reserved) {
    QList<ReservedRange> result;
    for (const ReservedRange &entry : reserved) {
        if (entry.range.overlaps(range))
            result.append(entry);
    }
    return result;
}

} // namespace ksw
