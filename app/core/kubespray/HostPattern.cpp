// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/HostPattern.h"

#include "util/InputLimits.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace ksw {

namespace {

/// Python turns at most 4300 digits into an integer (sys.get_int_max_str_digits()); Ansible's int() of a longer
/// bound fails.
constexpr qsizetype MaxIntegerDigits = 4300;

/// A Python integer, as large as a bound of a range may be: a sign and decimal digits, most significant first,
/// without leading zeros ("0" for zero, never negative).
struct Integer {
    bool negative = false;
    QByteArray digits = QByteArrayLiteral("0");

    bool isZero() const { return digits == "0"; }
};

int compareMagnitudes(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return std::clamp(a.compare(b), -1, 1); // equal lengths: the text orders as the numbers
}

QByteArray withoutLeadingZeros(const QByteArray &digits) {
    qsizetype leading = 0;
    while (leading + 1 < digits.size() && digits.at(leading) == '0')
        ++leading;
    return digits.mid(leading);
}

/// Digits, least significant first, turned into the usual order.
QByteArray reversed(QByteArray digits) {
    std::reverse(digits.begin(), digits.end());
    return digits;
}

QByteArray addMagnitudes(const QByteArray &a, const QByteArray &b) {
    QByteArray sum;
    int carry = 0;
    for (qsizetype i = a.size() - 1, j = b.size() - 1; i >= 0 || j >= 0 || carry > 0; --i, --j) {
        const int digit = carry + (i >= 0 ? a.at(i) - '0' : 0) + (j >= 0 ? b.at(j) - '0' : 0);
        sum.append(char('0' + digit % 10));
        carry = digit / 10;
    }
    return reversed(sum);
}

/// a - b, for a ≥ b.
QByteArray subtractMagnitudes(const QByteArray &a, const QByteArray &b) {
    QByteArray difference;
    int borrow = 0;
    for (qsizetype i = a.size() - 1, j = b.size() - 1; i >= 0; --i, --j) {
        int digit = a.at(i) - '0' - borrow - (j >= 0 ? b.at(j) - '0' : 0);
        borrow = digit < 0 ? 1 : 0;
        difference.append(char('0' + (digit + 10) % 10));
    }
    while (difference.size() > 1 && difference.endsWith('0'))
        difference.chop(1);
    return reversed(difference);
}

Integer sum(const Integer &a, const Integer &b) {
    if (a.negative == b.negative)
        return {a.negative, addMagnitudes(a.digits, b.digits)};
    const int order = compareMagnitudes(a.digits, b.digits);
    if (order == 0)
        return {};
    return order > 0 ? Integer{a.negative, subtractMagnitudes(a.digits, b.digits)}
                     : Integer{b.negative, subtractMagnitudes(b.digits, a.digits)};
}

Integer negated(Integer value) {
    value.negative = !value.negative && !value.isZero();
    return value;
}

QByteArray multiplied(const QByteArray &digits, quint32 factor) {
    if (factor == 0)
        return QByteArrayLiteral("0");
    QByteArray product;
    quint64 carry = 0;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const quint64 digit = quint64(digits.at(i) - '0') * factor + carry;
        product.append(char('0' + digit % 10));
        carry = digit / 10;
    }
    for (; carry > 0; carry /= 10)
        product.append(char('0' + carry % 10));
    return reversed(product);
}

/// str(value).zfill(width), as Ansible writes each number of a range.
QString rangeText(const Integer &value, int width) {
    QString text = QString::fromLatin1(value.digits);
    const qsizetype length = text.size() + (value.negative ? 1 : 0);
    if (length < width)
        text.prepend(QString(width - length, u'0'));
    return value.negative ? u'-' + text : text;
}

/// Python's int(text), or why it fails.
struct PythonInt {
    std::optional<Integer> value;
    bool tooManyDigits = false;
};

/// Python's int(text): surrounding white space, a sign, decimal digits of any script (int('٣') is 3) with single
/// underscores between them, at most MaxIntegerDigits digits (leading zeros count).
PythonInt pythonInt(const QString &text) {
    const QList<uint> points = text.trimmed().toUcs4();
    qsizetype i = 0;
    const bool negative = !points.isEmpty() && points.front() == '-';
    if (negative || (!points.isEmpty() && points.front() == '+'))
        ++i;
    QByteArray digits;
    bool lastWasDigit = false;
    for (; i < points.size(); ++i) {
        const char32_t c = points.at(i);
        if (c == '_' && lastWasDigit && i + 1 < points.size()) {
            lastWasDigit = false;
            continue;
        }
        if (QChar::category(c) != QChar::Number_DecimalDigit)
            return {};
        digits.append(char('0' + QChar::digitValue(c)));
        lastWasDigit = true;
    }
    if (!lastWasDigit)
        return {};
    if (digits.size() > MaxIntegerDigits)
        return {std::nullopt, true};
    Integer value{negative, withoutLeadingZeros(digits)};
    value.negative = value.negative && !value.isZero();
    return {value, false};
}

/// Ansible's expand_hostname_range, with the same results and the same refusals: the first [begin:end] or
/// [begin:end:step] is expanded, then each name again until none has a '['. Numbers keep the width of a begin
/// with a leading zero; letters run through a–z then A–Z. At most `names` names of `characters` in all.
class HostRangeExpander {
public:
    HostRangeExpander(qsizetype names, qint64 characters)
        : m_names(names)
        , m_characters(characters) {}

    /// Appends the names of `pattern` to `names`; the reason when Ansible (or a budget) refuses it.
    std::optional<QString> expand(const QString &pattern, QStringList &names) {
        if (!pattern.contains(u'['))
            return add(pattern, names);
        // Ansible replaces the first '[' and the first ']' by '|' and splits at '|' into exactly three parts.
        QString marked = pattern;
        marked[marked.indexOf(u'[')] = u'|';
        if (const qsizetype close = marked.indexOf(u']'); close >= 0)
            marked[close] = u'|';
        const QStringList parts = marked.split(u'|');
        if (parts.size() != 3)
            return notARange();
        const QStringList bounds = parts.at(1).split(u':');
        if (bounds.size() != 2 && bounds.size() != 3)
            return notARange();
        const QString begin = bounds.at(0).isEmpty() ? QStringLiteral("0") : bounds.at(0);
        const QString &end = bounds.at(1);
        const QString step = bounds.size() == 3 ? bounds.at(2) : QStringLiteral("1");
        if (end.isEmpty())
            return QCoreApplication::translate("Inventory", "A host range must give its end value.");
        int width = 0;
        if (begin.startsWith(u'0') && begin.size() > 1) {
            width = static_cast<int>(begin.size());
            if (end.size() != begin.size())
                return QCoreApplication::translate("Inventory", "The two ends of a host range that starts with 0 "
                                                                "must have the same number of digits.");
        }
        const qsizetype firstLetter = letters().indexOf(begin); // a substring search, as Python's str.index
        const qsizetype lastLetter = letters().indexOf(end);
        if (firstLetter >= 0 && lastLetter >= 0)
            return expandLetters(parts.at(0), {begin, firstLetter, lastLetter}, step, parts.at(2), names);
        return expandNumbers(parts.at(0), {begin, end, step}, width, parts.at(2), names);
    }

private:
    /// The begin of a range of letters as written, and the positions of both ends among the letters.
    struct LetterRange {
        QString begin;
        qsizetype first;
        qsizetype last;
    };

    std::optional<QString> expandLetters(const QString &head, const LetterRange &range, const QString &step,
                                         const QString &tail, QStringList &names) {
        const auto [begin, first, last] = range;
        if (first > last)
            return QCoreApplication::translate("Inventory", "A host range of letters must not run backwards.");
        // A step that is no usable slice step makes Ansible read the range as numbers, which fails.
        const PythonInt by = pythonInt(step);
        if (!by.value || by.value->isZero())
            return notANumber(begin);
        if (by.value->negative)
            return std::nullopt; // an empty slice
        const qsizetype stride = by.value->digits.size() > 2 ? last + 1 : by.value->digits.toLongLong();
        for (qsizetype i = first; i <= last; i += stride) {
            if (auto refusal = expand(head + letters().at(i) + tail, names))
                return refusal;
        }
        return std::nullopt;
    }

    /// Python's range(begin, end + 1, step), counted before anything is built.
    std::optional<QString> expandNumbers(const QString &head, const QStringList &bounds, int width, const QString &tail,
                                         QStringList &names) {
        Integer values[3];
        for (int i = 0; i < 3; ++i) { // in Ansible's order: begin, end, step
            const PythonInt parsed = pythonInt(bounds.at(i));
            if (parsed.tooManyDigits)
                return QCoreApplication::translate("Inventory", "A number in a host range may have at most %1 digits "
                                                                "(leading zeros count): Python, which runs Ansible, "
                                                                "reads no longer number.")
                    .arg(MaxIntegerDigits);
            if (!parsed.value)
                return notANumber(bounds.at(i));
            values[i] = *parsed.value;
        }
        const Integer &first = values[0];
        const Integer &by = values[2];
        if (by.isZero())
            return QCoreApplication::translate("Inventory", "The step of a host range must not be 0.");
        const Integer stop = sum(values[1], Integer{false, QByteArrayLiteral("1")});
        const Integer span = by.negative ? sum(first, negated(stop)) : sum(stop, negated(first));
        qsizetype count = 0;
        if (!span.negative && !span.isZero()) {
            const auto room = quint32(std::max<qsizetype>(0, m_names - names.size()));
            if (compareMagnitudes(span.digits, multiplied(by.digits, room)) > 0)
                return tooManyHostsMessage();
            // The fewest steps that cover the span: at most `room`, found in a few multiplications.
            quint32 fewest = 1;
            quint32 most = room;
            while (fewest < most) {
                const quint32 middle = fewest + (most - fewest) / 2;
                if (compareMagnitudes(multiplied(by.digits, middle), span.digits) >= 0)
                    most = middle;
                else
                    fewest = middle + 1;
            }
            count = most;
        }
        Integer value = first;
        for (qsizetype i = 0; i < count; ++i, value = sum(value, by)) {
            if (auto refusal = expand(head + rangeText(value, width) + tail, names))
                return refusal;
        }
        return std::nullopt;
    }

    std::optional<QString> add(const QString &name, QStringList &names) {
        if (names.size() >= m_names)
            return tooManyHostsMessage();
        m_characters -= name.size();
        if (m_characters < 0)
            return hostNamesTooLongMessage();
        names.append(name);
        return std::nullopt;
    }

    static const QString &letters() {
        static const QString all = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        return all;
    }
    static QString notARange() {
        return QCoreApplication::translate("Inventory", "A host range must be written [begin:end] or "
                                                        "[begin:end:step].");
    }
    static QString notANumber(const QString &text) {
        return QCoreApplication::translate("Inventory", "“%1” in a host range is neither a number nor a letter.")
            .arg(text);
    }

    qsizetype m_names;
    qint64 m_characters;
};

} // namespace

QString tooManyHostsMessage() {
    return QCoreApplication::translate("Inventory", "The inventory would hold more than %1 hosts, the most "
                                                    "Kubespray Wizard reads; the limit is crossed here.")
        .arg(limits::MaxHosts);
}

QString hostNamesTooLongMessage() {
    return QCoreApplication::translate("Inventory", "The names of the hosts would hold more than %1 characters in "
                                                    "all, the most Kubespray Wizard reads; the limit is crossed here.")
        .arg(limits::MaxHostNameCharacters);
}

Expected<HostPattern> HostPattern::parse(const QString &pattern, const SourceLocation &where) {
    // Ansible's parse_address: "host:port" where the host part has colons only inside [...] (so a bare IPv6
    // address has no port), or "[host]:port". When the host part is no valid name or address, Ansible drops the
    // port and expands the whole pattern.
    static const QRegularExpression hostPort(QStringLiteral("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$"));
    static const QRegularExpression bracketedHostPort(QStringLiteral("^\\[(.+)\\]:([0-9]+)$"));
    static const QString range = QStringLiteral("\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]");
    static const QString label = QStringLiteral("(?:\\w|%1)(?:[\\w-]|%1)*(?<![_-])").arg(range);
    static const QRegularExpression hostName(QStringLiteral("^%1(?:\\.%1)*$").arg(label),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression ipv6(QStringLiteral("^[0-9a-f:.\\[\\]]*:[0-9a-f:.\\[\\]]*$"),
                                         QRegularExpression::CaseInsensitiveOption);
    HostPattern result;
    QString host = pattern;
    auto match = bracketedHostPort.match(pattern);
    if (!match.hasMatch())
        match = hostPort.match(pattern);
    if (match.hasMatch() &&
        (hostName.match(match.captured(1)).hasMatch() || ipv6.match(match.captured(1)).hasMatch())) {
        host = match.captured(1);
        result.port = match.captured(2);
    }
    HostRangeExpander expander(limits::MaxHosts, limits::MaxHostNameCharacters);
    if (auto refusal = expander.expand(host, result.names))
        return Error{where, pattern, *refusal};
    return result;
}

} // namespace ksw
