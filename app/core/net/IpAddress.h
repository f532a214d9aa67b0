// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <compare>
#include <optional>

namespace ksw {

/// An IPv4 or IPv6 address held as 128 bits (IPv4 in the low 32 bits), strictly parsed.
class IpAddress {
public:
    enum class Family { V4, V6 };

    IpAddress() = default;

    /// Dotted quad with four decimal octets (no shortened or octal forms), or any RFC 4291 IPv6 text
    /// form without a zone id. Returns nothing for anything else, with surrounding spaces trimmed.
    static std::optional<IpAddress> parse(QStringView text);
    static IpAddress fromV4(quint32 value);
    static IpAddress fromBytes(Family family, const std::array<quint8, 16> &bytes);

    Family family() const { return m_family; }
    bool isV4() const { return m_family == Family::V4; }
    bool isV6() const { return m_family == Family::V6; }
    int bitCount() const { return isV4() ? 32 : 128; }

    /// Bit `index` counted from the most significant bit of this family's width.
    bool bit(int index) const;
    /// The address with every bit after the first `prefixLength` cleared (or set, for `setHostBits`).
    IpAddress masked(int prefixLength, bool setHostBits = false) const;
    /// The address plus `offset` within the family's width; nothing on overflow.
    std::optional<IpAddress> added(quint64 offset) const;
    quint32 toV4() const;
    const std::array<quint8, 16> &bytes() const { return m_bytes; }

    /// Canonical text: dotted quad, or RFC 5952 IPv6.
    QString toString() const;

    friend bool operator==(const IpAddress &, const IpAddress &) = default;
    friend std::strong_ordering operator<=>(const IpAddress &, const IpAddress &) = default;

private:
    Family m_family = Family::V4;
    std::array<quint8, 16> m_bytes{}; // big-endian; IPv4 lives in bytes 12..15
};

} // namespace ksw
