// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/Cidr.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ksw {

namespace {

Cidr::ParseResult failure(Cidr::ParseError error, const QString &message) {
    Cidr::ParseResult result;
    result.error = error;
    result.message = message;
    return result;
}

bool hasSpace(QStringView text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

} // namespace

Cidr::Cidr(const IpAddress &network, int prefixLength)
    : m_prefixLength(std::clamp(prefixLength, 0, network.bitCount())) {
    // Masking keeps equality and containment meaningful even if a caller breaks the precondition.
    m_network = network.masked(m_prefixLength);
}

Cidr::ParseResult Cidr::parse(QStringView text) {
    const QStringView trimmed = text.trimmed();
    const QString quoted = trimmed.toString();
    if (trimmed.isEmpty())
        return failure(ParseError::Empty, QCoreApplication::translate("Cidr", "No address range given."));

    const qsizetype slash = trimmed.indexOf(u'/');
    const QStringView addressText = slash < 0 ? trimmed : trimmed.left(slash);
    // IpAddress::parse() forgives surrounding spaces; inside a range text they mean a typo.
    const std::optional<IpAddress> address = hasSpace(addressText) ? std::nullopt : IpAddress::parse(addressText);
    if (!address)
        return failure(ParseError::Garbage,
                       QCoreApplication::translate("Cidr", "“%1” is not an address range.").arg(quoted));
    if (slash < 0)
        return failure(ParseError::BareAddress,
                       QCoreApplication::translate("Cidr", "“%1” is an address, not a range: add a prefix such as %2.")
                           .arg(quoted, address->isV4() ? QStringLiteral("/18") : QStringLiteral("/64")));

    const QStringView prefixText = trimmed.mid(slash + 1);
    if (prefixText.isEmpty())
        return failure(ParseError::BadPrefix,
                       QCoreApplication::translate("Cidr", "“%1” has no prefix after the “/”: add one such as %2.")
                           .arg(quoted, address->isV4() ? QStringLiteral("/18") : QStringLiteral("/64")));
    const bool digitsOnly = std::all_of(prefixText.begin(), prefixText.end(),
                                        [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; });
    if (!digitsOnly)
        return failure(ParseError::BadPrefix,
                       QCoreApplication::translate("Cidr", "In “%1” the prefix “%2” is not a number from 0 to %3.")
                           .arg(quoted, prefixText.toString())
                           .arg(address->bitCount()));
    bool ok = false;
    const uint prefix = prefixText.toUInt(&ok);
    if (!ok || prefix > static_cast<uint>(address->bitCount())) {
        const QString tooLong =
            address->isV4()
                ? QCoreApplication::translate("Cidr", "“/%1” is too long a prefix: an IPv4 range has at most /32.")
                : QCoreApplication::translate("Cidr", "“/%1” is too long a prefix: an IPv6 range has at most /128.");
        return failure(ParseError::BadPrefix, tooLong.arg(prefixText.toString()));
    }

    const Cidr range(*address, static_cast<int>(prefix));
    if (range.network() != *address) {
        ParseResult result =
            failure(ParseError::HostBitsSet,
                    QCoreApplication::translate("Cidr", "“%1” has host bits set: the range it lies in is %2.")
                        .arg(quoted, range.toString()));
        result.suggestion = range;
        return result;
    }
    ParseResult result;
    result.cidr = range;
    return result;
}

Cidr Cidr::host(const IpAddress &address) {
    return Cidr(address, address.bitCount());
}

IpAddress Cidr::lastAddress() const {
    return m_network.masked(m_prefixLength, true);
}

double Cidr::size() const {
    return std::ldexp(1.0, hostBits());
}

bool Cidr::contains(const IpAddress &address) const {
    return address.family() == m_network.family() && address.masked(m_prefixLength) == m_network;
}

bool Cidr::contains(const Cidr &other) const {
    return other.m_prefixLength >= m_prefixLength && contains(other.m_network);
}

bool Cidr::overlaps(const Cidr &other) const {
    // Two aligned ranges either nest or are disjoint.
    return contains(other) || other.contains(*this);
}

std::optional<Cidr> Cidr::next() const {
    const std::optional<IpAddress> start = lastAddress().added(1);
    if (!start)
        return std::nullopt;
    return Cidr(*start, m_prefixLength);
}

QString Cidr::toString() const {
    return m_network.toString() + u'/' + QString::number(m_prefixLength);
}

} // namespace ksw
