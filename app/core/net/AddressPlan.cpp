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

/// The first aligned range of `prefixLength` in `block`, from `start` upward and before `stop`, that overlaps
/// nothing in `avoid`.
///
/// Every range that conflicts with a candidate lies wholly before the next candidate tried (aligned ranges
/// nest, so the walk jumps past the larger of the two), so no range is hit twice: the walk takes at most
/// avoid.size() + 1 steps however large the block is, which is what makes a /64 walk over fd00::/8 finish.
std::optional<Cidr> walk(const Cidr &block, const IpAddress &start, const std::optional<IpAddress> &stop,
                         int prefixLength, const QList<Cidr> &avoid) {
    std::optional<Cidr> candidate = Cidr(start, prefixLength);
    for (qsizetype step = 0; step <= avoid.size() && candidate && block.contains(*candidate); ++step) {
        if (stop && candidate->network() >= *stop)
            return std::nullopt;
        std::optional<IpAddress> resume;
        bool pastEnd = false;
        for (const Cidr &range : avoid) {
            if (!range.overlaps(*candidate))
                continue;
            const Cidr &outer = range.prefixLength() < candidate->prefixLength() ? range : *candidate;
            const std::optional<IpAddress> after = outer.lastAddress().added(1);
            if (!after) {
                pastEnd = true;
                break;
            }
            if (!resume || *after > *resume)
                resume = after;
        }
        if (pastEnd)
            return std::nullopt;
        if (!resume)
            return candidate;
        candidate = Cidr(*resume, prefixLength);
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
