// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlInsideEdit.h"

#include "yaml/YamlEmit.h"
#include "yaml/YamlSpans.h"

#include <QList>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <vector>

namespace ksw::yaml {

namespace {

/// Sequences longer than this (old items times new items) are not aligned item by item but replaced whole: the
/// alignment costs that many comparisons, and no list the wizard edits comes near it.
constexpr qint64 MaxAlignmentCells = 250'000;

/// Where a node sits in its parent, which decides how a replacement is laid out.
struct Slot {
    enum class Kind { MappingValue, SequenceItem, Flow };
    Kind kind = Kind::MappingValue;
    int column = 0;      ///< block: the column of the key or of the dash
    qsizetype after = 0; ///< block: one past the colon or the dash
};

Quoting quotingOf(const Span &span) {
    if (span.kind != Span::Kind::Scalar)
        return Quoting::Plain;
    return span.style == '"' ? Quoting::Double : span.style == '\'' ? Quoting::Single : Quoting::Plain;
}

/// The quoting that all scalar keys (or values) of `entries` share; plain when they differ.
Quoting siblingQuoting(const std::vector<Span::Entry> &entries, bool keys) {
    std::optional<Quoting> common;
    for (const Span::Entry &entry : entries) {
        const Span &span = keys ? entry.key : entry.value;
        if (span.kind != Span::Kind::Scalar)
            continue;
        if (common && *common != quotingOf(span))
            return Quoting::Plain;
        common = quotingOf(span);
    }
    return common.value_or(Quoting::Plain);
}

/// True when `node` is written on lines of its own (a non-empty block collection).
bool rendersAsBlock(const YAML::Node &node) {
    return (node.IsMap() || node.IsSequence()) && node.size() > 0 && node.Style() != YAML::EmitterStyle::Flow;
}

QByteArray spaces(int count) {
    return QByteArray(count, ' ');
}

/// Collects text edits for one value, then applies them all at once.
class Editor {
public:
    explicit Editor(const TextLines &lines)
        : m(lines)
        , m_newline(lines.newline()) {}

    bool edit(const Span &span, const YAML::Node &before, const YAML::Node &after, const Slot &slot);
    std::optional<QByteArray> apply() const;
    bool editedInside() const { return m_inside; }

private:
    struct TextEdit {
        qsizetype begin = 0;
        qsizetype end = 0;
        QByteArray text;
    };

    void add(qsizetype begin, qsizetype end, const QByteArray &text) { m_edits.append({begin, end, text}); }
    QByteArray commentAt(qsizetype p) const;
    QByteArray indented(const QByteArray &emitted, int column) const;
    bool ownsLines(qsizetype begin, qsizetype end) const;
    qsizetype attachedCommentsStart(qsizetype p) const;

    bool replace(const Span &span, const YAML::Node &value, const Slot &slot);
    bool replaceWithBlock(const Span &span, const YAML::Node &value, const Slot &slot);
    bool editSequence(const Span &span, const YAML::Node &before, const YAML::Node &after);
    bool editMapping(const Span &span, const YAML::Node &before, const YAML::Node &after);
    QByteArray blockItemText(const Span &span, const YAML::Node &item, Quoting quoting) const;
    bool insertEntries(const Span &span, int anchor, const QList<QByteArray> &texts);
    bool insertFlowEntries(const Span &span, int anchor, const QList<QByteArray> &texts);
    bool removeEntry(const Span &span, int index, const QList<bool> &removed);
    Slot slotOf(const Span &collection, const Span::Entry &entry) const;

    const TextLines &m;
    QByteArray m_newline;
    QList<TextEdit> m_edits;
    bool m_inside = false;
};

bool Editor::edit(const Span &span, const YAML::Node &before, const YAML::Node &after, const Slot &slot) {
    if (sameValue(before, after))
        return true;
    const bool sequences = span.isSequence() && before.IsSequence() && after.IsSequence();
    const bool mappings = span.isMapping() && before.IsMap() && after.IsMap();
    if ((sequences || mappings) && !span.hasProperties && before.size() > 0 && after.size() > 0) {
        const qsizetype savedEdits = m_edits.size();
        const bool savedInside = m_inside;
        if (sequences ? editSequence(span, before, after) : editMapping(span, before, after)) {
            m_inside = true;
            return true;
        }
        m_edits.resize(savedEdits);
        m_inside = savedInside;
    }
    return replace(span, after, slot);
}

std::optional<QByteArray> Editor::apply() const {
    QList<TextEdit> edits = m_edits;
    // By position; at one position an insertion goes before a replacement that starts there.
    std::stable_sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) {
        return std::pair(a.begin, a.end > a.begin) < std::pair(b.begin, b.end > b.begin);
    });
    QByteArray result;
    qsizetype cursor = 0;
    for (const TextEdit &edit : edits) {
        if (edit.begin < cursor)
            return std::nullopt; // two edits overlap: the caller replaces the value whole
        result += m.text().mid(cursor, edit.begin - cursor) + edit.text;
        cursor = edit.end;
    }
    result += m.text().mid(cursor);
    return result;
}

/// The comment that ends the line after `p` (with the blanks before it), or nothing.
QByteArray Editor::commentAt(qsizetype p) const {
    const QByteArray rest = m.text().mid(p, m.lineEnd(p) - p);
    return rest.trimmed().startsWith('#') ? rest : QByteArray();
}

/// Emitted text ("\n" lines) with the file's line ending, every line but the first indented to `column`.
QByteArray Editor::indented(const QByteArray &emitted, int column) const {
    const QList<QByteArray> lines = emitted.split('\n');
    QByteArray text = lines.first();
    for (qsizetype i = 1; i < lines.size(); ++i)
        text += m_newline + spaces(column) + lines.at(i);
    return text;
}

/// True when [begin, end) starts its line and nothing but a comma and a comment follows it on its last line.
bool Editor::ownsLines(qsizetype begin, qsizetype end) const {
    if (m.firstNonSpace(m.lineStart(begin)) != begin)
        return false;
    qsizetype p = end;
    while (m.at(p) == ' ' || m.at(p) == '\t')
        ++p;
    if (m.at(p) == ',')
        ++p;
    return commentAt(p).size() > 0 || m.text().mid(p, m.lineEnd(p) - p).trimmed().isEmpty();
}

/// The start of the comment lines directly above the line of `p` (no blank line between), else of that line.
qsizetype Editor::attachedCommentsStart(qsizetype p) const {
    qsizetype start = m.lineStart(p);
    while (start > 0) {
        const qsizetype previous = m.lineStart(start - 1);
        if (!m.isBlankOrCommentLine(previous) || commentAt(m.firstNonSpace(previous)).isEmpty())
            break;
        start = previous;
    }
    return start;
}

Slot Editor::slotOf(const Span &collection, const Span::Entry &entry) const {
    if (collection.isFlow())
        return Slot{Slot::Kind::Flow, 0, entry.after};
    return Slot{collection.isSequence() ? Slot::Kind::SequenceItem : Slot::Kind::MappingValue, m.column(entry.begin),
                entry.after};
}

bool Editor::replace(const Span &span, const YAML::Node &value, const Slot &slot) {
    if (span.hasProperties)
        return false; // an anchor or a tag: what it should become is not ours to guess
    const Quoting quoting = isString(value) ? quotingOf(span) : Quoting::Plain;
    if (slot.kind == Slot::Kind::Flow) {
        const QByteArray text = emitValue(value, true, quoting);
        add(span.begin, span.end, span.kind == Span::Kind::Empty ? ' ' + text : text);
        return true;
    }
    if (rendersAsBlock(value))
        return replaceWithBlock(span, value, slot);
    const QByteArray text = emitValue(value, false, quoting);
    if (span.kind == Span::Kind::Empty)
        add(slot.after, slot.after, ' ' + text);
    else if (m.lineOf(span.begin) == m.lineOf(slot.after))
        add(span.begin, span.end, text);
    else // a block collection below the key: the value moves up to the key's line, the key's comment stays last
        add(slot.after, span.end, ' ' + text + commentAt(slot.after));
    return true;
}

bool Editor::replaceWithBlock(const Span &span, const YAML::Node &value, const Slot &slot) {
    const bool onSlotLine = span.kind == Span::Kind::Empty || m.lineOf(span.begin) == m.lineOf(slot.after);
    int column = slot.column + 2;
    if (!onSlotLine && span.isCollection() && !(value.IsMap() && m.column(span.begin) <= slot.column))
        column = m.column(span.begin); // where the old block was (a sequence may sit at its key's column)
    else if (onSlotLine && slot.kind == Slot::Kind::SequenceItem && span.kind != Span::Kind::Empty)
        column = m.column(span.begin);
    const QByteArray text = indented(emitValue(value, false), column);
    if (!onSlotLine) {
        add(m.lineStart(span.begin), span.end, spaces(column) + text);
        return true;
    }
    const qsizetype valueEnd = span.kind == Span::Kind::Empty ? slot.after : span.end;
    const QByteArray comment = m.lineOf(slot.after) == m.lineOf(valueEnd) ? commentAt(valueEnd) : QByteArray();
    if (slot.kind == Slot::Kind::MappingValue) {
        add(slot.after, m.lineEnd(valueEnd), comment + m_newline + spaces(column) + text);
        return true;
    }
    // A sequence item written on the dash's line: the comment of that line stays after its first line.
    const qsizetype firstBreak = text.indexOf(m_newline);
    const QByteArray first = firstBreak < 0 ? text : text.left(firstBreak);
    const QByteArray rest = firstBreak < 0 ? QByteArray() : text.mid(firstBreak);
    if (span.kind == Span::Kind::Empty)
        add(slot.after, m.lineEnd(slot.after), ' ' + first + comment + rest);
    else
        add(span.begin, comment.isEmpty() ? span.end : m.lineEnd(valueEnd), first + comment + rest);
    return true;
}

bool Editor::editSequence(const Span &span, const YAML::Node &before, const YAML::Node &after) {
    const int oldCount = static_cast<int>(before.size());
    const int newCount = static_cast<int>(after.size());
    if (qint64(oldCount) * newCount > MaxAlignmentCells)
        return false;
    // The longest common subsequence of equal items: those keep their bytes.
    std::vector<char> equal(std::size_t(oldCount) * newCount);
    for (int i = 0; i < oldCount; ++i) {
        for (int j = 0; j < newCount; ++j)
            equal[std::size_t(i) * newCount + j] = sameValue(before[i], after[j]);
    }
    std::vector<int> common(std::size_t(oldCount + 1) * (newCount + 1), 0);
    const auto length = [&](int i, int j) -> int & {
        return common[std::size_t(i) * (newCount + 1) + j];
    };
    for (int i = oldCount - 1; i >= 0; --i) {
        for (int j = newCount - 1; j >= 0; --j)
            length(i, j) = equal[std::size_t(i) * newCount + j] ? length(i + 1, j + 1) + 1
                                                                : std::max(length(i + 1, j), length(i, j + 1));
    }
    QList<std::pair<int, int>> matches;
    for (int i = 0, j = 0; i < oldCount && j < newCount;) {
        if (equal[std::size_t(i) * newCount + j])
            matches.append({i++, j++});
        else if (length(i + 1, j) >= length(i, j + 1))
            ++i;
        else
            ++j;
    }
    matches.append({oldCount, newCount});

    // Between two equal items, the old and new items left over pair up in order (an item that changed); what
    // remains is removed, or inserted after the last old item of that stretch.
    QList<bool> removed(oldCount, false);
    QMap<int, QList<YAML::Node>> inserted; // anchor (old index, -1 = before the first) → new items
    int previousOld = -1, previousNew = -1;
    for (const auto &[i, j] : matches) {
        const int paired = std::min(i - previousOld - 1, j - previousNew - 1);
        for (int t = 1; t <= paired; ++t) {
            const Span::Entry &entry = span.entries.at(previousOld + t);
            if (!edit(entry.value, before[previousOld + t], after[previousNew + t], slotOf(span, entry)))
                return false;
        }
        for (int o = previousOld + paired + 1; o < i; ++o)
            removed[o] = true;
        for (int n = previousNew + paired + 1; n < j; ++n)
            inserted[previousOld + paired].append(after[n]);
        previousOld = i;
        previousNew = j;
    }
    for (int o = 0; o < oldCount; ++o) {
        if (removed.at(o) && !removeEntry(span, o, removed))
            return false;
    }
    const Quoting quoting = siblingQuoting(span.entries, false);
    for (auto it = inserted.cbegin(); it != inserted.cend(); ++it) {
        QList<QByteArray> texts;
        for (const YAML::Node &item : it.value())
            texts.append(span.isFlow() ? emitValue(item, true, quoting) : blockItemText(span, item, quoting));
        if (!insertEntries(span, it.key(), texts))
            return false;
    }
    return true;
}

/// A new item of a block sequence: its dash, the blanks that follow the last item's dash, the item.
QByteArray Editor::blockItemText(const Span &span, const YAML::Node &item, Quoting quoting) const {
    const Span::Entry &last = span.entries.back();
    QByteArray gap = " ";
    if (last.value.kind != Span::Kind::Empty && m.lineOf(last.value.begin) == m.lineOf(last.begin))
        gap = m.text().mid(last.after, last.value.begin - last.after);
    const int column = m.column(last.begin) + 1 + static_cast<int>(gap.size());
    const QByteArray text = rendersAsBlock(item) ? indented(emitValue(item, false), column)
                                                 : emitValue(item, false, isString(item) ? quoting : Quoting::Plain);
    return '-' + gap + text;
}

bool Editor::editMapping(const Span &span, const YAML::Node &before, const YAML::Node &after) {
    // A repeated key: which occurrence counts is Ansible's rule (the last); a whole rewrite keeps one.
    QSet<std::string> seen;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (seen.contains(it->first.Scalar()))
            return false;
        seen.insert(it->first.Scalar());
    }
    QList<bool> removed(static_cast<qsizetype>(span.entries.size()), false);
    QList<bool> matched(static_cast<qsizetype>(after.size()), false);
    int index = 0;
    int lastKept = -1;
    for (auto it = before.begin(); it != before.end(); ++it, ++index) {
        int position = 0;
        auto counterpart = after.begin();
        while (counterpart != after.end() && !sameValue(it->first, counterpart->first)) {
            ++counterpart;
            ++position;
        }
        const Span::Entry &entry = span.entries.at(index);
        if (counterpart == after.end()) {
            removed[index] = true;
            continue;
        }
        matched[position] = true;
        lastKept = index;
        if (!edit(entry.value, it->second, counterpart->second, slotOf(span, entry)))
            return false;
    }
    if (lastKept < 0)
        return false; // no key stays: a whole rewrite says it better
    for (int o = 0; o < index; ++o) {
        if (removed.at(o) && !removeEntry(span, o, removed))
            return false;
    }
    const Quoting keyQuoting = siblingQuoting(span.entries, true);
    const Quoting valueQuoting = siblingQuoting(span.entries, false);
    const int column = m.column(span.entries.front().begin);
    QList<QByteArray> texts;
    int position = 0;
    for (auto it = after.begin(); it != after.end(); ++it, ++position) {
        if (matched.at(position))
            continue;
        const QByteArray text = emitEntry(it->first, it->second, span.isFlow(), keyQuoting,
                                          isString(it->second) ? valueQuoting : Quoting::Plain);
        texts.append(span.isFlow() ? text : indented(text, column));
    }
    return texts.isEmpty() || insertEntries(span, lastKept, texts);
}

bool Editor::insertEntries(const Span &span, int anchor, const QList<QByteArray> &texts) {
    if (span.isFlow())
        return insertFlowEntries(span, anchor, texts);
    const int column = m.column(span.entries.front().begin);
    QByteArray text;
    if (anchor >= 0) {
        // At the start of the next line, so that the removal of lines inside the anchor never overlaps it.
        const qsizetype lineEnd = m.lineEnd(span.entries.at(anchor).end());
        if (lineEnd == m.size()) {
            for (const QByteArray &entry : texts)
                text += m_newline + spaces(column) + entry;
        } else {
            for (const QByteArray &entry : texts)
                text += spaces(column) + entry + m_newline;
        }
        const qsizetype at = lineEnd == m.size() ? lineEnd : m.nextLine(lineEnd);
        add(at, at, text);
        return true;
    }
    // Before the first item, and before the comments right above it, which describe it.
    const qsizetype first = span.entries.front().begin;
    if (m.firstNonSpace(m.lineStart(first)) != first)
        return false;
    for (const QByteArray &entry : texts)
        text += spaces(column) + entry + m_newline;
    const qsizetype at = attachedCommentsStart(first);
    add(at, at, text);
    return true;
}

bool Editor::insertFlowEntries(const Span &span, int anchor, const QList<QByteArray> &texts) {
    const Span::Entry &front = span.entries.front();
    const Span::Entry &back = span.entries.back();
    const bool multiLine =
        m.lineOf(front.begin) != m.lineOf(back.begin) || m.lineOf(back.end()) != m.lineOf(span.end - 1);
    QByteArray separator = ", ";
    if (span.entries.size() >= 2) {
        const QByteArray gap = m.text().mid(front.end(), span.entries.at(1).begin - front.end());
        if (!gap.contains('\n') && !gap.contains('#') && gap.trimmed() == ",")
            separator = gap;
    }
    const Span::Entry &neighbour = span.entries.at(std::max(anchor, 0));
    if (multiLine)
        separator = ',' + m_newline + spaces(m.column(neighbour.begin));
    QByteArray text;
    if (anchor < 0) {
        for (const QByteArray &entry : texts)
            text += entry + separator;
        add(front.begin, front.begin, text);
        return true;
    }
    qsizetype after = neighbour.end();
    while (m.at(after) == ' ' || m.at(after) == '\t')
        ++after;
    const bool commaFollows = m.at(after) == ',';
    after += commaFollows ? 1 : 0;
    const bool restOfLineBlank =
        !commentAt(after).isEmpty() || m.text().mid(after, m.lineEnd(after) - after).trimmed().isEmpty();
    if (!multiLine || !restOfLineBlank) {
        // Right after the item: a closing bracket or another item follows on its line.
        for (const QByteArray &entry : texts)
            text += separator + entry;
        add(neighbour.end(), neighbour.end(), text);
        return true;
    }
    // One item a line: the new ones go on lines of their own, after the comment that ends the item's line.
    if (!commaFollows)
        add(neighbour.end(), neighbour.end(), ",");
    for (qsizetype i = 0; i < texts.size(); ++i)
        text += m_newline + spaces(m.column(neighbour.begin)) + texts.at(i) +
                (commaFollows || i + 1 < texts.size() ? "," : "");
    add(m.lineEnd(after), m.lineEnd(after), text);
    return true;
}

bool Editor::removeEntry(const Span &span, int index, const QList<bool> &removed) {
    const Span::Entry &entry = span.entries.at(index);
    const bool multiLine = m.lineOf(span.begin) != m.lineOf(span.end - 1);
    if (!span.isFlow() || multiLine) {
        if (ownsLines(entry.begin, entry.end())) {
            add(m.lineStart(entry.begin), m.nextLine(m.lineEnd(entry.end())), {});
            return true;
        }
        if (!span.isFlow())
            return false; // it shares a line with its parent ("- key: value"): the parent is replaced instead
    }
    // In a flow collection: the item and the separator before it (after it, for the first kept one).
    const bool keptBefore = std::find(removed.cbegin(), removed.cbegin() + index, false) != removed.cbegin() + index;
    qsizetype begin = entry.begin, end = entry.end();
    qsizetype separatorBegin = 0, separatorEnd = 0;
    if (keptBefore) {
        begin = separatorBegin = span.entries.at(index - 1).end();
        separatorEnd = entry.begin;
    } else if (index + 1 < static_cast<int>(span.entries.size())) {
        separatorBegin = entry.end();
        end = separatorEnd = span.entries.at(index + 1).begin;
    } else {
        return false;
    }
    if (m.text().mid(separatorBegin, separatorEnd - separatorBegin).contains('#'))
        return false; // a comment lies between: the collection is replaced instead
    add(begin, end, {});
    return true;
}

} // namespace

std::optional<InsideEdit> editValueInside(const QByteArray &text, int line, int column, const YAML::Node &before,
                                          const YAML::Node &after) {
    const TextLines lines(text);
    const auto scanned = scanKeyValue(lines, lines.offsetAt(line, column), column);
    if (!scanned || !spansMatch(lines, scanned->second, before))
        return std::nullopt;
    Editor editor(lines);
    if (!editor.edit(scanned->second, before, after, Slot{Slot::Kind::MappingValue, column, scanned->first}))
        return std::nullopt;
    const auto edited = editor.apply();
    if (!edited)
        return std::nullopt;
    return InsideEdit{*edited, editor.editedInside()};
}

} // namespace ksw::yaml
