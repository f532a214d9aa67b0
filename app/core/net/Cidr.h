// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "net/IpAddress.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace ksw {

/// An IPv4 or IPv6 network range in CIDR notation (address/prefix, host bits clear).
class Cidr {
public:
    /// Why a text is not a range; each has its own message.
    enum class ParseError {
        None,
        Empty,       ///< nothing given
        Garbage,     ///< not an address/prefix at all
        BareAddress, ///< an address without "/prefix"
        BadPrefix,   ///< prefix missing after "/", not a number, or beyond 32 (IPv4) / 128 (IPv6)
        HostBitsSet, ///< "10.233.64.5/18": a valid address and prefix, but not the network's first address
    };

    /// Defined after the class: std::optional<Cidr> needs Cidr complete, which it is not inside its own body.
    struct ParseResult;

    Cidr() = default;
    /// `network` must have its host bits clear; `prefixLength` within the family's width.
    Cidr(const IpAddress &network, int prefixLength);

    static ParseResult parse(QStringView text);
    /// The single-address range (/32 or /128).
    static Cidr host(const IpAddress &address);

    IpAddress network() const { return m_network; }
    IpAddress lastAddress() const;
    int prefixLength() const { return m_prefixLength; }
    bool isV4() const { return m_network.isV4(); }
    bool isV6() const { return m_network.isV6(); }
    /// Number of host bits (32 or 128 minus the prefix).
    int hostBits() const { return m_network.bitCount() - m_prefixLength; }
    /// Number of addresses, as a double since an IPv6 range can hold 2^128.
    double size() const;

    bool contains(const IpAddress &address) const;
    bool contains(const Cidr &other) const;
    bool overlaps(const Cidr &other) const;

    /// The aligned range of the same size right after this one; nothing past the family's end.
    std::optional<Cidr> next() const;

    QString toString() const;

    friend bool operator==(const Cidr &, const Cidr &) = default;

private:
    IpAddress m_network;
    int m_prefixLength = 0;
};

struct Cidr::ParseResult {
    std::optional<Cidr> cidr; ///< set only when error == None
    ParseError error = ParseError::None;
    /// For HostBitsSet: the network the text lies in ("10.233.64.0/18"); else empty.
    std::optional<Cidr> suggestion;
    /// A plain English sentence naming the problem (translatable: context "Cidr").
    QString message;
};

} // namespace ksw
