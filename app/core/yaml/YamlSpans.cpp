// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlSpans.h"

#include <algorithm>

namespace ksw::yaml {

TextLines::TextLines(const QByteArray &text)
    : m_text(text) {
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\n')
            m_lineStarts.append(i + 1);
    }
    if (text.startsWith("\xEF\xBB\xBF"))
        m_bomSize = 3;
}

qsizetype TextLines::offsetAt(int line, int column) const {
    return m_lineStarts.at(line) + column + (line == 0 ? m_bomSize : 0);
}

int TextLines::lineOf(qsizetype offset) const {
    const auto after = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    return static_cast<int>(after - m_lineStarts.cbegin()) - 1;
}

qsizetype TextLines::lineStart(qsizetype offset) const {
    return m_lineStarts.at(lineOf(offset));
}

qsizetype TextLines::lineEnd(qsizetype offset) const {
    const qsizetype newline = m_text.indexOf('\n', offset);
    if (newline < 0)
        return m_text.size();
    return newline > offset && m_text.at(newline - 1) == '\r' ? newline - 1 : newline;
}

qsizetype TextLines::nextLine(qsizetype offset) const {
    const qsizetype newline = m_text.indexOf('\n', offset);
    return newline < 0 ? m_text.size() : newline + 1;
}

int TextLines::column(qsizetype offset) const {
    const qsizetype start = lineStart(offset);
    const qsizetype column = offset - start;
    return static_cast<int>(start == 0 && column >= m_bomSize ? column - m_bomSize : column);
}

qsizetype TextLines::firstNonSpace(qsizetype lineStartOffset) const {
    qsizetype p = lineStartOffset == 0 ? m_bomSize : lineStartOffset;
    while (at(p) == ' ')
        ++p;
    return p;
}

bool TextLines::isBlankOrCommentLine(qsizetype offset) const {
    qsizetype p = firstNonSpace(lineStart(offset));
    while (at(p) == '\t')
        ++p;
    return p >= lineEnd(p) || at(p) == '#';
}

bool TextLines::isDocumentMarkerLine(qsizetype offset) const {
    const qsizetype start = lineStart(offset) == 0 ? m_bomSize : lineStart(offset);
    const QByteArrayView line(m_text.constData() + start, lineEnd(offset) - start);
    if (!line.startsWith("---") && !line.startsWith("..."))
        return false;
    return line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t';
}

QByteArray TextLines::newline() const {
    return m_text.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

namespace {

/// Thrown where the text uses YAML that the scanner does not follow; the caller then edits nothing inside.
struct Unsupported {};

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
bool isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\0'; // '\0': past the end of the text
}
bool isBlankOrBreak(char c) {
    return isSpace(c) || isBreak(c);
}
bool isFlowIndicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// Reads the nodes of a YAML text as spans: block and flow collections, plain, quoted and block scalars,
/// aliases, anchors and tags, comments anywhere YAML allows them.
class Scanner {
public:
    explicit Scanner(const TextLines &lines)
        : m(lines) {}

    /// A key of a block mapping (plain or quoted, on one line).
    Span blockKey(qsizetype p) const {
        if (at(p) == '"' || at(p) == '\'') {
            Span key = quoted(p);
            if (m.lineOf(key.end - 1) != m.lineOf(p))
                throw Unsupported{};
            return key;
        }
        if (at(p) == '?' || at(p) == '&' || at(p) == '!' || at(p) == '*' || at(p) == '[' || at(p) == '{')
            throw Unsupported{};
        qsizetype q = p;
        while (!isBreak(at(q)) && !(at(q) == ':' && isBlankOrBreak(at(q + 1))))
            ++q;
        if (at(q) != ':')
            throw Unsupported{};
        while (q > p && isSpace(at(q - 1)))
            --q;
        return scalar(p, q, 0);
    }

    /// The node after a block mapping's colon or a block sequence's dash at `after`, inside a collection at
    /// column `parentIndent`.
    Span blockNode(qsizetype after, int parentIndent, bool sequenceItem) const {
        Span properties;
        qsizetype p = skipSpaces(after);
        if (at(p) == '&' || at(p) == '!') {
            properties.begin = p;
            properties.hasProperties = true;
            p = skipProperties(p, false);
        }
        if (isBreak(at(p)) || at(p) == '#') {
            const qsizetype next = contentAfter(p);
            if (next >= 0) {
                const int indent = m.column(next);
                if (isIndicator(next, '-') && (indent > parentIndent || (indent == parentIndent && !sequenceItem)))
                    return withProperties(properties, blockSequence(next, indent));
                if (indent > parentIndent) {
                    if (isIndicator(next, '?'))
                        throw Unsupported{};
                    return withProperties(properties, startsWithKey(next) ? blockMapping(next, indent)
                                                                          : inlineNode(next, parentIndent));
                }
            }
            if (properties.hasProperties)
                throw Unsupported{}; // "&anchor" before nothing
            Span empty;
            empty.begin = empty.end = after;
            return empty;
        }
        if (isIndicator(p, '-') || isIndicator(p, '?'))
            throw Unsupported{}; // "- - a" or an explicit key
        if (startsWithKey(p)) {
            if (!sequenceItem || properties.hasProperties)
                throw Unsupported{};
            return blockMapping(p, m.column(p)); // "- key: value", a mapping that starts on the dash's line
        }
        return withProperties(properties, inlineNode(p, parentIndent));
    }

private:
    char at(qsizetype p) const { return m.at(p); }

    qsizetype skipSpaces(qsizetype p) const {
        while (isSpace(at(p)))
            ++p;
        return p;
    }

    bool isIndicator(qsizetype p, char indicator) const { return at(p) == indicator && isBlankOrBreak(at(p + 1)); }

    static Span scalar(qsizetype begin, qsizetype end, char style) {
        Span span;
        span.kind = Span::Kind::Scalar;
        span.begin = begin;
        span.end = end;
        span.style = style;
        return span;
    }

    static Span withProperties(const Span &properties, Span node) {
        if (properties.hasProperties) {
            node.begin = properties.begin;
            node.hasProperties = true;
        }
        return node;
    }

    qsizetype skipProperties(qsizetype p, bool flow) const {
        while (at(p) == '&' || at(p) == '!') {
            while (!isBlankOrBreak(at(p)) && !(flow && isFlowIndicator(at(p))))
                ++p;
            p = flow ? skipFlowSpace(p) : skipSpaces(p);
        }
        return p;
    }

    /// The first byte of the next line that holds more than blanks and a comment; -1 at a document marker or the end.
    qsizetype contentAfter(qsizetype p) const {
        for (qsizetype line = m.nextLine(p); line < m.size(); line = m.nextLine(line)) {
            if (m.isDocumentMarkerLine(line))
                return -1;
            if (m.isBlankOrCommentLine(line))
                continue;
            const qsizetype first = m.firstNonSpace(line);
            if (at(first) == '\t')
                throw Unsupported{}; // a tab in the indentation
            return first;
        }
        return -1;
    }

    /// True when the line at `p` starts with an implicit key ("key:" or "'key':" followed by a blank).
    bool startsWithKey(qsizetype p) const {
        qsizetype q = p;
        if (at(p) == '"' || at(p) == '\'') {
            q = quoted(p).end;
            if (m.lineOf(q - 1) != m.lineOf(p))
                return false;
            q = skipSpaces(q);
            return isIndicator(q, ':');
        }
        if (at(p) == '[' || at(p) == '{' || at(p) == '#')
            return false;
        for (; !isBreak(at(q)); ++q) {
            if (isIndicator(q, ':'))
                return true;
            if (at(q) == '#' && q > p && isSpace(at(q - 1)))
                return false;
        }
        return false;
    }

    Span blockMapping(qsizetype p, int indent) const {
        Span map;
        map.kind = Span::Kind::BlockMapping;
        map.begin = p;
        for (;;) {
            Span::Entry entry;
            entry.begin = p;
            entry.key = blockKey(p);
            const qsizetype colon = skipSpaces(entry.key.end);
            if (at(colon) != ':')
                throw Unsupported{};
            entry.after = colon + 1;
            entry.value = blockNode(entry.after, indent, false);
            map.end = entry.end();
            map.entries.push_back(std::move(entry));
            const qsizetype next = contentAfter(map.end);
            if (next < 0 || m.column(next) < indent)
                return map;
            if (m.column(next) > indent || isIndicator(next, '-'))
                throw Unsupported{};
            p = next;
        }
    }

    Span blockSequence(qsizetype p, int indent) const {
        Span sequence;
        sequence.kind = Span::Kind::BlockSequence;
        sequence.begin = p;
        for (;;) {
            Span::Entry entry;
            entry.begin = p;
            entry.after = p + 1;
            entry.value = blockNode(entry.after, indent, true);
            sequence.end = entry.end();
            sequence.entries.push_back(std::move(entry));
            const qsizetype next = contentAfter(sequence.end);
            if (next < 0 || m.column(next) < indent)
                return sequence;
            if (m.column(next) > indent)
                throw Unsupported{};
            if (!isIndicator(next, '-'))
                return sequence; // the next key of the mapping that holds this sequence at its own column
            p = next;
        }
    }

    /// A node that starts at `p` and is not a block collection.
    Span inlineNode(qsizetype p, int parentIndent) const {
        switch (at(p)) {
        case '[':
        case '{':
            return flowCollection(p);
        case '"':
        case '\'':
            return quoted(p);
        case '|':
        case '>':
            return blockScalar(p, parentIndent);
        case '*':
            return alias(p, false);
        default:
            return plainBlock(p, parentIndent);
        }
    }

    Span quoted(qsizetype p) const {
        const char quote = at(p);
        for (qsizetype q = p + 1; q < m.size(); ++q) {
            const char c = at(q);
            if (quote == '"' && c == '\\') {
                ++q;
            } else if (c == quote) {
                if (quote == '\'' && at(q + 1) == '\'')
                    ++q;
                else
                    return scalar(p, q + 1, quote);
            }
        }
        throw Unsupported{};
    }

    Span alias(qsizetype p, bool flow) const {
        qsizetype q = p + 1;
        while (!isBlankOrBreak(at(q)) && !(flow && isFlowIndicator(at(q))))
            ++q;
        Span span = scalar(p, q, 0);
        span.kind = Span::Kind::Alias;
        return span;
    }

    /// One past the last non-blank byte of the plain scalar text that starts at `p` on this line.
    qsizetype plainLineEnd(qsizetype p, bool flow) const {
        qsizetype last = p;
        for (qsizetype q = p; !isBreak(at(q)); ++q) {
            const char c = at(q);
            if (c == '#' && q > p && isSpace(at(q - 1)))
                break;
            if (c == ':' && (isBlankOrBreak(at(q + 1)) || (flow && isFlowIndicator(at(q + 1)))))
                break;
            if (flow && isFlowIndicator(c))
                break;
            if (!isSpace(c))
                last = q + 1;
        }
        return last;
    }

    /// A plain scalar in block context; it may go on over more deeply indented lines.
    Span plainBlock(qsizetype p, int parentIndent) const {
        qsizetype end = plainLineEnd(p, false);
        if (end == p)
            throw Unsupported{};
        for (qsizetype line = m.nextLine(end); line < m.size(); line = m.nextLine(line)) {
            if (m.isDocumentMarkerLine(line))
                break;
            const qsizetype first = skipSpaces(m.firstNonSpace(line));
            if (isBreak(at(first)))
                continue; // a blank line folds into the scalar
            if (m.column(m.firstNonSpace(line)) <= parentIndent || at(first) == '#')
                break;
            end = plainLineEnd(first, false);
            line = end;
        }
        return scalar(p, end, 0);
    }

    Span blockScalar(qsizetype p, int parentIndent) const {
        qsizetype q = p + 1;
        int blockIndent = -1;
        while (at(q) == '+' || at(q) == '-' || (at(q) >= '1' && at(q) <= '9')) {
            if (at(q) != '+' && at(q) != '-')
                blockIndent = std::max(parentIndent, 0) + (at(q) - '0');
            ++q;
        }
        Span span = scalar(p, q, at(p));
        for (qsizetype line = m.nextLine(q); line < m.size(); line = m.nextLine(line)) {
            const qsizetype first = m.firstNonSpace(line);
            if (isBreak(at(first)))
                continue;
            const int indent = m.column(first);
            if (blockIndent < 0) {
                if (indent <= parentIndent)
                    break;
                blockIndent = indent;
            }
            if (indent < blockIndent)
                break;
            span.end = m.lineEnd(line);
        }
        return span;
    }

    qsizetype skipFlowSpace(qsizetype p) const {
        for (;;) {
            const char c = at(p);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++p;
            else if (c == '#' && isBlankOrBreak(at(p - 1)))
                p = m.lineEnd(p);
            else
                return p;
        }
    }

    Span flowNode(qsizetype p) const {
        if (p >= m.size())
            throw Unsupported{};
        Span properties;
        if (at(p) == '&' || at(p) == '!') {
            properties.begin = p;
            properties.hasProperties = true;
            p = skipProperties(p, true);
        }
        switch (at(p)) {
        case '[':
        case '{':
            return withProperties(properties, flowCollection(p));
        case '"':
        case '\'':
            return withProperties(properties, quoted(p));
        case '*':
            return withProperties(properties, alias(p, true));
        default:
            break;
        }
        const qsizetype end = plainLineEnd(p, true);
        if (end == p)
            throw Unsupported{};
        // A plain scalar that goes on over the next line: rare in flow collections, not followed here.
        qsizetype after = skipSpaces(end);
        if (isBreak(at(after)) && after < m.size()) {
            after = skipFlowSpace(after);
            if (after < m.size() && !isFlowIndicator(at(after)) && at(after) != ':')
                throw Unsupported{};
        }
        return withProperties(properties, scalar(p, end, 0));
    }

    Span flowCollection(qsizetype p) const {
        const bool mapping = at(p) == '{';
        const char close = mapping ? '}' : ']';
        Span collection;
        collection.kind = mapping ? Span::Kind::FlowMapping : Span::Kind::FlowSequence;
        collection.begin = p;
        qsizetype q = skipFlowSpace(p + 1);
        while (at(q) != close) {
            if (q >= m.size() || at(q) == '?')
                throw Unsupported{};
            Span::Entry entry;
            entry.begin = q;
            if (mapping) {
                if (at(q) == '&' || at(q) == '!' || at(q) == '*' || at(q) == '[' || at(q) == '{')
                    throw Unsupported{};
                entry.key = flowNode(q);
                q = skipFlowSpace(entry.key.end);
                if (at(q) != ':')
                    throw Unsupported{}; // a key without a value
                entry.after = q + 1;
                q = skipFlowSpace(q + 1);
                if (at(q) == ',' || at(q) == close) {
                    entry.value.begin = entry.value.end = entry.after;
                } else {
                    entry.value = flowNode(q);
                    q = skipFlowSpace(entry.value.end);
                }
            } else {
                entry.value = flowNode(q);
                entry.after = entry.value.end;
                q = skipFlowSpace(entry.value.end);
                if (at(q) == ':')
                    throw Unsupported{}; // a one-pair mapping inside a sequence
            }
            collection.entries.push_back(std::move(entry));
            if (at(q) == ',')
                q = skipFlowSpace(q + 1);
            else if (at(q) != close)
                throw Unsupported{};
        }
        collection.end = q + 1;
        return collection;
    }

    const TextLines &m;
};

bool isNullWord(const QByteArray &text) {
    return text == "~" || text == "null" || text == "Null" || text == "NULL";
}

} // namespace

std::optional<std::pair<qsizetype, Span>> scanKeyValue(const TextLines &lines, qsizetype keyOffset, int keyColumn) {
    try {
        const Scanner scanner(lines);
        const Span key = scanner.blockKey(keyOffset);
        qsizetype colon = key.end;
        while (isSpace(lines.at(colon)))
            ++colon;
        if (lines.at(colon) != ':')
            return std::nullopt;
        return std::pair{colon + 1, scanner.blockNode(colon + 1, keyColumn, false)};
    } catch (const Unsupported &) {
        return std::nullopt;
    }
}

bool spansMatch(const TextLines &lines, const Span &span, const YAML::Node &node) {
    const auto startsWhereMarked = [&] {
        const YAML::Mark mark = node.Mark();
        return mark.line == lines.lineOf(span.begin) && mark.column == lines.column(span.begin);
    };
    const QByteArray text = lines.text().mid(span.begin, span.end - span.begin);
    switch (span.kind) {
    case Span::Kind::Empty:
        return node.IsNull();
    case Span::Kind::Alias:
        return node.IsDefined(); // the anchor's node, marked where the anchor is
    case Span::Kind::Scalar:
        if (node.IsNull())
            return span.style == 0 && !span.hasProperties && isNullWord(text);
        if (!node.IsScalar() || !startsWhereMarked())
            return false;
        // A plain scalar on one line is its own text: a cheap proof that the end is right.
        return span.style != 0 || span.hasProperties || text.contains('\n') || text.toStdString() == node.Scalar();
    case Span::Kind::BlockSequence:
    case Span::Kind::FlowSequence:
    case Span::Kind::BlockMapping:
    case Span::Kind::FlowMapping:
        break;
    }
    const YAML::EmitterStyle::value style = span.isFlow() ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    if ((span.isSequence() ? !node.IsSequence() : !node.IsMap()) || node.Style() != style ||
        node.size() != span.entries.size() || !startsWhereMarked())
        return false;
    std::size_t index = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++index) {
        const Span::Entry &entry = span.entries.at(index);
        if (span.isSequence() ? !spansMatch(lines, entry.value, *it)
                              : !it->first.IsScalar() || !spansMatch(lines, entry.key, it->first) ||
                                    !spansMatch(lines, entry.value, it->second))
            return false;
    }
    return true;
}

} // namespace ksw::yaml
