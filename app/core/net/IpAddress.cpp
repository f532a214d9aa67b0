// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/IpAddress.h"

#include <QList>

#include <algorithm>

namespace ksw {

namespace {

constexpr int V4Offset = 12; // IPv4 lives in the last four bytes

// QChar::isDigit() and friends accept non-ASCII digits, which no address parser downstream would.
bool isAsciiDigit(QChar c) {
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

std::optional<quint32> parseV4(QStringView text) {
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QStringView part : parts) {
        // inet_aton() reads "010" as octal 8, other tools as decimal 10: refuse rather than guess.
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        quint32 octet = 0;
        for (const QChar c : part) {
            if (!isAsciiDigit(c))
                return std::nullopt;
            octet = octet * 10 + (c.unicode() - u'0');
        }
        if (octet > 255)
            return std::nullopt;
        value = (value << 8) | octet;
    }
    return value;
}

// One side of an optional "::". An embedded IPv4 address may only close the whole address.
bool parseV6Groups(QStringView text, bool allowV4Tail, QList<quint16> &groups) {
    if (text.isEmpty())
        return true;
    const QList<QStringView> parts = text.split(u':');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (allowV4Tail && i == parts.size() - 1 && part.contains(u'.')) {
            const std::optional<quint32> v4 = parseV4(part);
            if (!v4)
                return false;
            groups.append(static_cast<quint16>(*v4 >> 16));
            groups.append(static_cast<quint16>(*v4 & 0xffff));
            continue;
        }
        if (part.isEmpty() || part.size() > 4)
            return false;
        quint16 group = 0;
        for (const QChar c : part) {
            const int digit = hexValue(c);
            if (digit < 0)
                return false;
            group = static_cast<quint16>((group << 4) | digit);
        }
        groups.append(group);
    }
    return true;
}

std::optional<std::array<quint8, 16>> parseV6(QStringView text) {
    QList<quint16> head;
    QList<quint16> tail;
    const qsizetype gap = text.indexOf(u"::");
    if (gap < 0) {
        if (!parseV6Groups(text, true, head) || head.size() != 8)
            return std::nullopt;
    } else {
        const QStringView before = text.left(gap);
        const QStringView after = text.mid(gap + 2);
        if (after.contains(u"::"))
            return std::nullopt;
        if (!parseV6Groups(before, false, head) || !parseV6Groups(after, true, tail))
            return std::nullopt;
        // "::" stands for at least one zero group.
        if (head.size() + tail.size() > 7)
            return std::nullopt;
    }
    std::array<quint8, 16> bytes{};
    const auto put = [&bytes](qsizetype group, quint16 value) {
        bytes[static_cast<size_t>(2 * group)] = static_cast<quint8>(value >> 8);
        bytes[static_cast<size_t>(2 * group + 1)] = static_cast<quint8>(value & 0xff);
    };
    for (qsizetype i = 0; i < head.size(); ++i)
        put(i, head.at(i));
    for (qsizetype i = 0; i < tail.size(); ++i)
        put(8 - tail.size() + i, tail.at(i));
    return bytes;
}

QString v4Text(quint32 value) {
    return QStringLiteral("%1.%2.%3.%4")
        .arg((value >> 24) & 0xff)
        .arg((value >> 16) & 0xff)
        .arg((value >> 8) & 0xff)
        .arg(value & 0xff);
}

} // namespace

std::optional<IpAddress> IpAddress::parse(QStringView text) {
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (trimmed.contains(u':')) {
        const std::optional<std::array<quint8, 16>> bytes = parseV6(trimmed);
        if (!bytes)
            return std::nullopt;
        return fromBytes(Family::V6, *bytes);
    }
    const std::optional<quint32> value = parseV4(trimmed);
    if (!value)
        return std::nullopt;
    return fromV4(*value);
}

IpAddress IpAddress::fromV4(quint32 value) {
    IpAddress address;
    address.m_family = Family::V4;
    for (int i = 0; i < 4; ++i)
        address.m_bytes[static_cast<size_t>(V4Offset + i)] = static_cast<quint8>(value >> (24 - 8 * i));
    return address;
}

IpAddress IpAddress::fromBytes(Family family, const std::array<quint8, 16> &bytes) {
    IpAddress address;
    address.m_family = family;
    address.m_bytes = bytes;
    // Equality and ordering compare all 16 bytes, so an IPv4 address must not carry stray upper bytes.
    if (family == Family::V4)
        std::fill(address.m_bytes.begin(), address.m_bytes.begin() + V4Offset, quint8(0));
    return address;
}

bool IpAddress::bit(int index) const {
    if (index < 0 || index >= bitCount())
        return false;
    const int absolute = (isV4() ? V4Offset * 8 : 0) + index;
    return (m_bytes[static_cast<size_t>(absolute / 8)] >> (7 - absolute % 8)) & 1;
}

IpAddress IpAddress::masked(int prefixLength, bool setHostBits) const {
    IpAddress result = *this;
    const int start = isV4() ? V4Offset * 8 : 0;
    const int keep = std::clamp(prefixLength, 0, bitCount());
    for (int byte = (start + keep) / 8; byte < 16; ++byte) {
        const int firstHostBit = std::max(start + keep - byte * 8, 0); // within this byte, from the top
        const quint8 hostMask = static_cast<quint8>(0xff >> firstHostBit);
        quint8 &value = result.m_bytes[static_cast<size_t>(byte)];
        value = setHostBits ? static_cast<quint8>(value | hostMask) : static_cast<quint8>(value & ~hostMask);
    }
    return result;
}

std::optional<IpAddress> IpAddress::added(quint64 offset) const {
    IpAddress result = *this;
    const int first = isV4() ? V4Offset : 0;
    quint64 carry = offset;
    for (int byte = 15; byte >= first && carry != 0; --byte) {
        quint8 &value = result.m_bytes[static_cast<size_t>(byte)];
        const quint64 sum = value + (carry & 0xff);
        value = static_cast<quint8>(sum & 0xff);
        carry = (carry >> 8) + (sum >> 8);
    }
    if (carry != 0)
        return std::nullopt;
    return result;
}

quint32 IpAddress::toV4() const {
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | m_bytes[static_cast<size_t>(V4Offset + i)];
    return value;
}

QString IpAddress::toString() const {
    if (isV4())
        return v4Text(toV4());

    // RFC 5952 section 5: IPv4-mapped addresses keep their dotted tail, as inet_ntop() writes them.
    const bool mapped = std::all_of(m_bytes.begin(), m_bytes.begin() + 10, [](quint8 b) { return b == 0; }) &&
                        m_bytes[10] == 0xff && m_bytes[11] == 0xff;
    if (mapped)
        return QStringLiteral("::ffff:") + v4Text(toV4());

    std::array<quint16, 8> groups{};
    for (size_t i = 0; i < groups.size(); ++i)
        groups[i] = static_cast<quint16>((m_bytes[2 * i] << 8) | m_bytes[2 * i + 1]);

    // The longest run of zero groups, the first on ties; a lone zero group is never compressed.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[static_cast<size_t>(i)] != 0) {
            ++i;
            continue;
        }
        int end = i;
        while (end < 8 && groups[static_cast<size_t>(end)] == 0)
            ++end;
        if (end - i > bestLength) {
            bestStart = i;
            bestLength = end - i;
        }
        i = end;
    }

    QString text;
    for (int i = 0; i < 8;) {
        if (i == bestStart) {
            text += QStringLiteral("::");
            i += bestLength;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(u':'))
            text += u':';
        text += QString::number(groups[static_cast<size_t>(i)], 16);
        ++i;
    }
    return text;
}

} // namespace ksw
