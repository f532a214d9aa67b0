// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QList>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <vector>

namespace ksw::yaml {

/// Lines of a YAML text by byte offset: where a line starts and ends, which column an offset is in.
class TextLines {
public:
    explicit TextLines(const QByteArray &text);

    const QByteArray &text() const { return m_text; }
    qsizetype size() const { return m_text.size(); }
    /// The byte at `offset`, or '\0' outside the text.
    char at(qsizetype offset) const { return offset >= 0 && offset < m_text.size() ? m_text.at(offset) : '\0'; }
    /// The offset of 0-based `line` and `column` as yaml-cpp counts them.
    qsizetype offsetAt(int line, int column) const;

    /// 0-based line of `offset`.
    int lineOf(qsizetype offset) const;
    qsizetype lineStart(qsizetype offset) const;
    /// Where the line of `offset` ends: its "\n" or "\r\n" (or the end of the text).
    qsizetype lineEnd(qsizetype offset) const;
    /// The start of the line after the one of `offset` (or the end of the text).
    qsizetype nextLine(qsizetype offset) const;
    /// 0-based column of `offset` in bytes, as yaml-cpp counts it (a byte order mark does not count).
    int column(qsizetype offset) const;
    /// The first byte of `line` that is not a space (or its line end).
    qsizetype firstNonSpace(qsizetype lineStartOffset) const;
    /// True when the line of `offset` holds nothing but spaces, tabs and perhaps a comment.
    bool isBlankOrCommentLine(qsizetype offset) const;
    /// True when the line of `offset` is a document marker (--- or ...).
    bool isDocumentMarkerLine(qsizetype offset) const;
    /// The file's line ending ("\r\n" when any line uses it).
    QByteArray newline() const;

private:
    const QByteArray &m_text;
    QList<qsizetype> m_lineStarts;
    qsizetype m_bomSize = 0;
};

/// Where one YAML node lies in the text. Found by reading the text, because yaml-cpp 0.7 marks only where a
/// node starts (and misplaces empty values and aliases); checked against yaml-cpp's tree by spansMatch().
struct Span {
    enum class Kind { Empty, Scalar, Alias, BlockSequence, BlockMapping, FlowSequence, FlowMapping };
    struct Entry;

    Kind kind = Kind::Empty;
    qsizetype begin = 0;        ///< first byte, properties (&anchor, !tag) included; an empty node is where it would go
    qsizetype end = 0;          ///< one past the last byte; comments after the node are not part of it
    char style = 0;             ///< scalars: '"' or '\'' when quoted, '|' or '>' for block scalars, 0 when plain
    bool hasProperties = false; ///< an anchor or a tag precedes the node
    std::vector<Entry> entries; ///< items of a sequence, key/value pairs of a mapping, in text order

    bool isCollection() const { return kind >= Kind::BlockSequence; }
    bool isFlow() const { return kind == Kind::FlowSequence || kind == Kind::FlowMapping; }
    bool isSequence() const { return kind == Kind::BlockSequence || kind == Kind::FlowSequence; }
    bool isMapping() const { return kind == Kind::BlockMapping || kind == Kind::FlowMapping; }
};

struct Span::Entry {
    qsizetype begin = 0; ///< a block item's dash, else the item or the key
    qsizetype after = 0; ///< one past the dash or the colon: where an empty value would be written
    Span key;            ///< mappings only
    Span value;
    /// One past the entry's last byte (its value's end, or `after` when the value is empty).
    qsizetype end() const { return value.kind == Kind::Empty ? after : value.end; }
};

/// The spans of the value of the block-mapping key that starts at `keyOffset` (column `keyColumn`), and the
/// offset one past its colon; nothing when the text uses YAML this reader does not follow (complex keys,
/// compact nested sequences, ...): callers then replace the value whole.
std::optional<std::pair<qsizetype, Span>> scanKeyValue(const TextLines &lines, qsizetype keyOffset, int keyColumn);

/// True when `span` describes `node` exactly as yaml-cpp read it: same kinds, styles, sizes and keys, and every
/// node starting where yaml-cpp marks it (empty values and aliases, which yaml-cpp misplaces, excepted).
bool spansMatch(const TextLines &lines, const Span &span, const YAML::Node &node);

} // namespace ksw::yaml
