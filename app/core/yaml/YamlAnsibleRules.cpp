// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlAnsibleRules.h"

#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace ksw::yaml {

namespace {

/// 1-based line and byte column of `offset` (a byte order mark at the start does not count, as in yaml-cpp).
ReadRefusal refusalAt(QByteArrayView text, qsizetype offset, const QString &message) {
    const QByteArrayView before = text.first(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    qsizetype column = offset - lineStart;
    if (lineStart == 0 && text.startsWith("\xEF\xBB\xBF") && column >= 3)
        column -= 3;
    return {static_cast<int>(before.count('\n')) + 1, static_cast<int>(column) + 1, message};
}

QString hex(uint value, int width) {
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0')).toUpper();
}

/// The code point of the UTF-8 sequence at `i` and its length, or a length of 0 when Python's strict codec would
/// refuse it.
std::pair<char32_t, int> decodeUtf8(QByteArrayView text, qsizetype i) {
    const auto byte = [&](qsizetype at) {
        return at < text.size() ? uchar(text.at(at)) : 0u;
    };
    const uint lead = byte(i);
    if (lead < 0x80)
        return {lead, 1};
    int length = 0;
    char32_t minimum = 0, value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        minimum = 0x80;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        minimum = 0x800;
        value = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        minimum = 0x10000;
        value = lead & 0x07;
    } else {
        return {0, 0};
    }
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return {0, 0};
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {0, 0};
    return {value, length};
}

/// YAML 1.1's printable characters, as libyaml's reader checks them.
bool isPrintable(char32_t c) {
    return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<ReadRefusal> byteOrderMarkRefusal(QByteArrayView bytes) {
    const auto wide = [&](const char *encoding) {
        return ReadRefusal{1, 1,
                           QCoreApplication::translate("Yaml", "This file is %1 text (it starts with a %1 byte order "
                                                               "mark); Ansible reads YAML files as UTF-8 only.")
                               .arg(QString::fromLatin1(encoding))};
    };
    if (bytes.startsWith("\xFF\xFE\x00\x00") || bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return wide("UTF-32");
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return wide("UTF-16");
    return std::nullopt;
}

} // namespace

std::optional<ReadRefusal> encodingRefusal(const QByteArray &bytes, bool yamlCharacters) {
    if (auto refusal = byteOrderMarkRefusal(bytes))
        return refusal;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto [character, length] = decodeUtf8(bytes, i);
        if (length == 0)
            return refusalAt(bytes, i,
                             QCoreApplication::translate("Yaml", "This file is not UTF-8 text: the byte 0x%1 here "
                                                                 "cannot be read as UTF-8 (Latin-1 or another "
                                                                 "encoding?). Ansible reads YAML files as UTF-8 only.")
                                 .arg(hex(uchar(bytes.at(i)), 2)));
        if (yamlCharacters && !isPrintable(character)) {
            // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
            if (character == 0 && bytes.count('\0') * 3 >= bytes.size())
                return refusalAt(bytes, i,
                                 QCoreApplication::translate("Yaml", "This file looks like UTF-16 text (NUL bytes "
                                                                     "between its characters); Ansible reads YAML "
                                                                     "files as UTF-8 only."));
            return refusalAt(bytes, i,
                             QCoreApplication::translate("Yaml", "The control character U+%1 is not allowed in a "
                                                                 "YAML file; Ansible refuses it.")
                                 .arg(hex(character, 4)));
        }
        i += length;
    }
    return std::nullopt;
}

namespace {

/// Python's json.loads (strict) on a JSON text; Ansible tries it before YAML. Iterative, so that no nesting depth
/// recurses here; Python gives up past about a thousand levels, and so does this.
class JsonCheck {
public:
    JsonCheck(QByteArrayView text, YamlCppText *yamlCppFixes)
        : t(text)
        , fixes(yamlCppFixes) {}

    bool isJson() {
        std::vector<char> open; // '{' or '['
        for (;;) {
            skipBlanks();
            if (at() == '{' || at() == '[') {
                if (open.size() >= 1000)
                    return false;
                open.push_back(at());
                ++p;
                skipBlanks();
                if (at() == (open.back() == '{' ? '}' : ']')) {
                    ++p;
                    open.pop_back();
                } else if (!entryStart(open.back())) {
                    return false;
                } else {
                    continue;
                }
            } else if (!scalar()) {
                return false;
            }
            // After a value: ',' and the next entry, or the end of one or more collections.
            for (;;) {
                skipBlanks();
                if (open.empty())
                    return p == t.size();
                if (at() == ',') {
                    ++p;
                    skipBlanks();
                    if (!entryStart(open.back()))
                        return false;
                    break;
                }
                if (at() != (open.back() == '{' ? '}' : ']'))
                    return false;
                ++p;
                open.pop_back();
            }
        }
    }

private:
    char at() const { return p < t.size() ? t.at(p) : '\0'; }
    void skipBlanks() {
        while (at() == ' ' || at() == '\t' || at() == '\n' || at() == '\r')
            ++p;
    }
    /// In an object, a key and its ':' (the value follows); in an array, nothing to read yet.
    bool entryStart(char container) {
        if (container == '[')
            return true;
        if (!string())
            return false;
        const qsizetype keyEnd = p;
        skipBlanks();
        if (at() != ':')
            return false;
        // yaml-cpp cannot read a key whose ':' is on a later line: it is handed the ':' right after the key.
        const QByteArrayView blanks = QByteArrayView(t).sliced(keyEnd, p - keyEnd);
        if (fixes && (blanks.contains('\n') || blanks.contains('\r')))
            fixes->moves.push_back({std::size_t(keyEnd), std::size_t(p)});
        ++p;
        return true;
    }
    bool string() {
        if (at() != '"')
            return false;
        for (++p; p < t.size(); ++p) {
            const uchar c = uchar(t.at(p));
            if (c == '"') {
                ++p;
                return true;
            }
            if (c < 0x20)
                return false; // strict: no raw control characters
            if (c == '\\') {
                ++p;
                if (at() == 'u') {
                    for (int i = 0; i < 4; ++i) {
                        ++p;
                        if (!std::isxdigit(uchar(at())))
                            return false;
                    }
                } else if (!at() || !std::strchr("\"\\/bfnrt", at())) {
                    return false;
                }
            }
        }
        return false;
    }
    bool word(const char *text) {
        const qsizetype length = qsizetype(std::strlen(text));
        if (t.sliced(p).startsWith(QByteArrayView(text, length))) {
            p += length;
            return true;
        }
        return false;
    }
    bool number() {
        const qsizetype start = p;
        if (at() == '-')
            ++p;
        if (word("Infinity"))
            return true;
        const auto digits = [&] {
            const qsizetype from = p;
            while (std::isdigit(uchar(at())))
                ++p;
            return p > from;
        };
        if (at() == '0')
            ++p;
        else if (!digits())
            return (p = start, false);
        if (at() == '.') {
            ++p;
            if (!digits())
                return false;
        }
        if (at() == 'e' || at() == 'E') {
            ++p;
            if (at() == '+' || at() == '-')
                ++p;
            if (!digits())
                return false;
        }
        return true;
    }
    bool scalar() { return string() || word("true") || word("false") || word("null") || word("NaN") || number(); }

    QByteArrayView t;
    YamlCppText *fixes;
    qsizetype p = 0;
};

} // namespace

bool isJson(const QByteArray &bytes, YamlCppText *fixes) {
    return JsonCheck(bytes, fixes).isJson();
}

std::string readerText(const QByteArray &bytes, bool yamlLineBreaks) {
    const bool foreign = yamlLineBreaks && (bytes.contains("\xC2\x85") || bytes.contains("\xE2\x80\xA8") ||
                                            bytes.contains("\xE2\x80\xA9"));
    if (!foreign && !bytes.contains('\r'))
        return std::string(bytes.constData(), std::size_t(bytes.size())); // nearly every file
    std::string text;
    text.reserve(static_cast<std::size_t>(bytes.size()));
    const auto at = [&](qsizetype i) {
        return i < bytes.size() ? bytes.at(i) : '\0';
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\r' && at(i + 1) != '\n') {
            text += '\n';
        } else if (foreign && c == '\xC2' && at(i + 1) == '\x85') {
            text += '\n';
            i += 1;
        } else if (foreign && c == '\xE2' && at(i + 1) == '\x80' && (at(i + 2) == '\xA8' || at(i + 2) == '\xA9')) {
            text += '\n';
            i += 2;
        } else {
            text += c;
        }
    }
    return text;
}

std::string withLineStartMarksAsBlanks(std::string text) {
    for (std::size_t at = text.find("\n\xEF\xBB\xBF"); at != std::string::npos;
         at = text.find("\n\xEF\xBB\xBF", at + 1))
        text.replace(at + 1, 3, " "); // libyaml skips it there as one column
    return text;
}

bool hasForeignLineBreaks(const QByteArray &bytes) {
    const std::string text = readerText(bytes);
    return text.size() != static_cast<std::size_t>(bytes.size()) ||
           std::memcmp(text.data(), bytes.constData(), text.size()) != 0 || bytes.indexOf("\n\xEF\xBB\xBF") >= 0;
}

std::string tagAt(const std::string &text, std::size_t offset) {
    std::size_t at = offset;
    if (at < text.size() && text[at] == '&') { // an anchor before the tag
        while (at < text.size() && text[at] != ' ' && text[at] != '\t' && text[at] != '\n')
            ++at;
        at = text.find_first_not_of(" \t", at);
    }
    if (at == std::string::npos || at >= text.size() || text[at] != '!')
        return {};
    std::size_t end = at;
    while (end < text.size() && !std::strchr(" \t\r\n,]}", text[end]))
        ++end;
    const std::string tag = text.substr(at, end - at);
    if (tag.rfind("!<", 0) == 0 && tag.back() == '>')
        return tag.substr(2, tag.size() - 3);
    if (tag.rfind("!!", 0) == 0)
        return "tag:yaml.org,2002:" + tag.substr(2);
    return tag;
}

namespace {

/// A refusal found while scanning; it stops the scanner.
struct Refused {
    ReadRefusal refusal;
};

/// Follows readerText() token by token the way YAML 1.1 scanners do (the rules libyaml applies, written from the
/// specification): indentation levels, flow levels, where a simple key may start and where it must end with ':'.
/// It builds no tokens: yaml-cpp judges the grammar, and this finds only what yaml-cpp lets through.
class Scanner {
public:
    Scanner(const std::string &text, YamlCppText *yamlCppFixes)
        : t(text)
        , fixes(yamlCppFixes) {}

    std::optional<ReadRefusal> run();

private:
    struct SimpleKey {
        bool possible = false;
        bool required = false;
        qsizetype index = 0; ///< in characters, for the 1024-character limit
        int line = 0;
        int column = 0;
        qsizetype offset = 0;
    };
    enum class Document { NotYet, Open, Ended };

    char at(qsizetype i) const { return i >= 0 && i < qsizetype(t.size()) ? t[std::size_t(i)] : '\0'; }
    char current() const { return at(p); }
    bool atEnd() const { return p >= qsizetype(t.size()); }
    bool isBreakAt(qsizetype i) const { return at(i) == '\n' || at(i) == '\r'; }
    bool isBlankzAt(qsizetype i) const {
        return i >= qsizetype(t.size()) || at(i) == ' ' || at(i) == '\t' || isBreakAt(i);
    }
    /// A byte order mark at the start of a line other than the first.
    bool lineStartMark() const;
    /// True when the line holds only blanks and perhaps a comment from `offset` on.
    bool isBlankOrCommentAfter(qsizetype offset) const {
        while (at(offset) == ' ' || at(offset) == '\t')
            ++offset;
        return isBlankzAt(offset) || at(offset) == '#';
    }
    [[noreturn]] void refuseLineStartMark() const;
    bool isDocumentIndicator(const char *marker) const {
        return column == 0 && t.compare(std::size_t(p), 3, marker) == 0 && isBlankzAt(p + 3);
    }

    void advance();
    void advanceBreak();
    [[noreturn]] void refuse(qsizetype offset, const QString &message) const;

    void scanToNextToken();
    void nodeInFlow();
    void keyOnItsOwnLine();
    void fetchToken();
    void flowIndicator(bool afterEntryStart); ///< '[', '{', ']', '}' or ','
    void entryOrKeyIndicator();               ///< "- " or "? "
    void content();                           // a token of a document's content: only one document may have any
    void documentMarker(bool start);
    void directive();
    void value();
    void addIndent(int at);
    void unwindIndent(int at);
    void savePossibleSimpleKey();
    void removePossibleSimpleKey();
    void staleSimpleKeys();
    void anchorOrAlias(bool anchor);
    void tag();
    void quoted();
    void blockScalar();
    void blockScalarBreaks(int &blockIndent);
    void plain();

    const std::string &t;
    YamlCppText *fixes;
    qsizetype p = 0;
    int line = 0;
    int column = 0;      ///< in characters, as YAML counts indentation
    qsizetype index = 0; ///< characters read
    int flowLevel = 0;
    bool simpleKeyAllowed = true;
    int indent = -1;
    std::vector<int> indents;
    std::vector<SimpleKey> keys{SimpleKey{}}; ///< one per flow level, the block level first
    Document document = Document::NotYet;
    bool directivesPending = false;
    enum class RootEnd { Open, Dedented, Complete };
    RootEnd rootEnd = RootEnd::Open; ///< whether the document's one top-level node has ended, and how
    bool valueEndedAtTop = false;    ///< a scalar or flow collection has just ended at the top
    bool entryStart = false;         ///< the last token was '[', '{' or ','
    int explicitKeyColumn = -1;      ///< the column of the last block "? key" whose ':' has not come yet
    /// What the current entry of each flow collection holds so far.
    struct Flow {
        bool mapping = false;
        bool hasNode = false;
        bool hasValue = false;
        bool explicitKey = false;
    };
    std::vector<Flow> flows;
    qsizetype previousTokenEnd = 0;
    int previousTokenLine = 0;
    qsizetype plainEnd = -1; ///< where the plain scalar just read ends, before the blanks it read after it
    int plainEndLine = 0;
    QSet<std::string> anchors;
};

void Scanner::advance() {
    const uchar c = uchar(t[std::size_t(p)]);
    ++p;
    if (c == '\n') {
        ++line;
        column = 0;
        ++index;
    } else if ((c & 0xC0) != 0x80) {
        ++column;
        ++index;
    }
}

void Scanner::advanceBreak() {
    if (current() == '\r' && at(p + 1) == '\n')
        ++p;
    advance();
}

void Scanner::refuse(qsizetype offset, const QString &message) const {
    throw Refused{refusalAt(QByteArrayView(t.data(), qsizetype(t.size())), offset, message)};
}

void Scanner::nodeInFlow() {
    if (flowLevel > 0)
        flows.back().hasNode = true;
}

void Scanner::keyOnItsOwnLine() {
    // yaml-cpp cannot read a flow mapping's key without value when a line break follows it ({a⏎}): it is handed the
    // ',' or '}' right after the key instead.
    const Flow &flow = flows.back();
    if (fixes && flow.mapping && flow.hasNode && !flow.hasValue && previousTokenLine != line)
        fixes->moves.push_back({std::size_t(previousTokenEnd), std::size_t(p)});
}

void Scanner::refuseLineStartMark() const {
    refuse(p, QCoreApplication::translate("Yaml", "A byte order mark (U+FEFF) starts this line, inside a value; "
                                                  "Ansible refuses it."));
}

std::optional<ReadRefusal> Scanner::run() {
    if (t.compare(0, 3, "\xEF\xBB\xBF") == 0)
        p = 3; // the reader drops it; columns on the first line do not count it
    try {
        for (;;) {
            scanToNextToken();
            staleSimpleKeys();
            const bool open = indent >= 0;
            unwindIndent(column);
            // The top-level block collection has ended (a line less indented than its first one): the document's
            // one node is complete, and only a document marker may follow.
            if (open && indent < 0 && !atEnd() && rootEnd == RootEnd::Open)
                rootEnd = RootEnd::Dedented;
            if (atEnd()) {
                removePossibleSimpleKey();
                if (directivesPending)
                    refuse(p, QCoreApplication::translate("Yaml", "A directive (%YAML or %TAG) must be followed by a "
                                                                  "document that starts with ---."));
                return std::nullopt;
            }
            fetchToken();
            // A plain scalar has read the blanks and line breaks after it too: its own end is where it stopped.
            previousTokenEnd = plainEnd >= 0 ? plainEnd : p;
            previousTokenLine = plainEnd >= 0 ? plainEndLine : line;
            plainEnd = -1;
        }
    } catch (const Refused &refused) {
        return refused.refusal;
    }
}

bool Scanner::lineStartMark() const {
    return column == 0 && p > 0 && t.compare(std::size_t(p), 3, "\xEF\xBB\xBF") == 0;
}

void Scanner::scanToNextToken() {
    for (;;) {
        if (lineStartMark()) { // skipped here, counting one column
            advance();
            advance();
            advance();
        }
        // Tabs separate tokens only where no simple key may start; elsewhere they would stand for indentation.
        while (current() == ' ' || ((flowLevel > 0 || !simpleKeyAllowed) && current() == '\t'))
            advance();
        if (current() == '\t')
            refuse(p, QCoreApplication::translate("Yaml", "A tab stands here where YAML expects indentation or a "
                                                          "space; Ansible refuses it. Use spaces."));
        if (current() == '#') {
            while (!atEnd() && !isBreakAt(p))
                advance();
        }
        if (atEnd() || !isBreakAt(p))
            return;
        advanceBreak();
        if (flowLevel == 0)
            simpleKeyAllowed = true;
    }
}

void Scanner::fetchToken() {
    const char c = current();
    if (valueEndedAtTop) {
        // A scalar or flow collection at the top is the document's one node, unless a ':' makes it a key.
        valueEndedAtTop = false;
        const bool valueIndicator = c == ':' && isBlankzAt(p + 1);
        if (!valueIndicator && rootEnd == RootEnd::Open)
            rootEnd = RootEnd::Complete;
    }
    const bool afterEntryStart = entryStart; // right after '[', '{' or ','
    entryStart = false;
    if (column == 0 && c == '%')
        return directive();
    if (isDocumentIndicator("---") || isDocumentIndicator("..."))
        return documentMarker(c == '-');
    content();
    if (c == '[' || c == '{' || c == ']' || c == '}' || c == ',')
        return flowIndicator(afterEntryStart);
    const bool blankAfter = isBlankzAt(p + 1);
    if ((c == '-' && blankAfter) || (c == '?' && (flowLevel > 0 || blankAfter)))
        return entryOrKeyIndicator();
    if (c == ':' && (flowLevel > 0 || blankAfter))
        return value();
    if ((c == '|' || c == '>') && flowLevel == 0) {
        simpleKeyAllowed = true;
        removePossibleSimpleKey();
        blockScalar();
        valueEndedAtTop = indent < 0;
        return;
    }
    savePossibleSimpleKey();
    simpleKeyAllowed = false;
    nodeInFlow();
    if (c == '&' || c == '!')
        return c == '&' ? anchorOrAlias(true) : tag(); // properties: the node follows
    if (c == '*')
        anchorOrAlias(false);
    else if (c == '\'' || c == '"')
        quoted();
    else
        plain();
    valueEndedAtTop = flowLevel == 0 && indent < 0;
}

void Scanner::flowIndicator(bool afterEntryStart) {
    const char c = current();
    if (flowLevel == 0 && (c == ',' || c == ']' || c == '}'))
        refuse(p, QCoreApplication::translate("Yaml", "A value cannot start with '%1' outside brackets; Ansible "
                                                      "refuses it. Quote the value.")
                      .arg(QLatin1Char(c)));
    if (c == '[' || c == '{') {
        savePossibleSimpleKey();
        nodeInFlow();
        flows.push_back({c == '{'});
        ++flowLevel;
        keys.push_back({});
        simpleKeyAllowed = true;
        entryStart = true;
    } else if (c == ']' || c == '}') {
        removePossibleSimpleKey();
        keyOnItsOwnLine();
        flows.pop_back();
        --flowLevel;
        keys.pop_back();
        valueEndedAtTop = flowLevel == 0 && indent < 0;
        simpleKeyAllowed = false;
    } else {
        if (afterEntryStart)
            refuse(p, QCoreApplication::translate("Yaml", "An empty entry (a ',' with no value before it) stands "
                                                          "here; Ansible refuses it."));
        simpleKeyAllowed = true;
        entryStart = true;
        removePossibleSimpleKey();
        keyOnItsOwnLine();
        flows.back() = {flows.back().mapping};
    }
    advance();
}

void Scanner::entryOrKeyIndicator() {
    const char c = current();
    if (flowLevel == 0) {
        if (!simpleKeyAllowed)
            refuse(p, c == '-' ? QCoreApplication::translate("Yaml", "A list item (- ) cannot start here, on the "
                                                                     "line of another value.")
                               : QCoreApplication::translate("Yaml", "A complex key (? ) cannot start here."));
        addIndent(column);
    }
    simpleKeyAllowed = c == '-' || flowLevel == 0;
    if (c == '?' && flowLevel == 0)
        explicitKeyColumn = column;
    if (c == '?' && flowLevel > 0)
        flows.back().explicitKey = true;
    removePossibleSimpleKey();
    advance();
}

void Scanner::content() {
    if (rootEnd == RootEnd::Dedented)
        refuse(p, QCoreApplication::translate("Yaml", "This line is indented less than the first line of the file's "
                                                      "top-level mapping or list, which ends there; Ansible refuses "
                                                      "anything after it."));
    if (rootEnd == RootEnd::Complete)
        refuse(p, QCoreApplication::translate("Yaml", "The file's top-level value, a single value, ends before this; "
                                                      "Ansible refuses anything after it."));
    if (document == Document::Ended)
        refuse(p, QCoreApplication::translate("Yaml", "A second YAML document starts here; Ansible reads exactly one "
                                                      "document from a file."));
    if (document == Document::NotYet && directivesPending)
        refuse(p, QCoreApplication::translate("Yaml", "A directive (%YAML or %TAG) must be followed by a document "
                                                      "that starts with ---."));
    document = Document::Open;
}

void Scanner::documentMarker(bool start) {
    unwindIndent(-1);
    rootEnd = RootEnd::Open;
    valueEndedAtTop = false;
    removePossibleSimpleKey();
    simpleKeyAllowed = false;
    if (start) {
        if (document != Document::NotYet)
            refuse(p, QCoreApplication::translate("Yaml", "A second YAML document starts here; Ansible reads "
                                                          "exactly one document from a file."));
        document = Document::Open;
        directivesPending = false;
    } else if (document == Document::Open) {
        document = Document::Ended;
    } else if (document == Document::NotYet) {
        refuse(p, QCoreApplication::translate("Yaml", "A document end marker (...) stands before any document; "
                                                      "Ansible refuses it."));
    }
    advance();
    advance();
    advance();
}

void Scanner::directive() {
    unwindIndent(-1);
    removePossibleSimpleKey();
    simpleKeyAllowed = false;
    const qsizetype start = p;
    if (document != Document::NotYet)
        refuse(start, document == Document::Ended
                          ? QCoreApplication::translate("Yaml", "A second YAML document starts here; Ansible reads "
                                                                "exactly one document from a file.")
                          : QCoreApplication::translate("Yaml", "A directive (a line starting with %) cannot stand "
                                                                "inside a document."));
    advance();
    const qsizetype nameStart = p;
    while (std::isalnum(uchar(current())) || current() == '-' || current() == '_')
        advance();
    const std::string name = t.substr(std::size_t(nameStart), std::size_t(p - nameStart));
    if (name != "YAML" && name != "TAG")
        refuse(start, QCoreApplication::translate("Yaml", "Ansible does not know the directive %1 (only %YAML and "
                                                          "%TAG).")
                          .arg(QLatin1Char('%') + QString::fromStdString(name)));
    while (!atEnd() && !isBreakAt(p))
        advance();
    directivesPending = true;
}

void Scanner::value() {
    SimpleKey &key = keys.back();
    if (flowLevel > 0) {
        if (!key.possible && !flows.back().explicitKey)
            refuse(p, QCoreApplication::translate("Yaml", "A ':' stands here with no key before it; Ansible refuses "
                                                          "it."));
        flows.back().hasValue = true;
        flows.back().explicitKey = false;
    }
    if (key.possible) {
        if (flowLevel == 0)
            addIndent(key.column); // the key starts a mapping at its own column
        key.possible = false;
        simpleKeyAllowed = false;
    } else {
        if (flowLevel == 0) {
            if (!simpleKeyAllowed)
                refuse(p, QCoreApplication::translate("Yaml", "A mapping cannot start here, after another value on "
                                                              "the same line (a ':' followed by a blank)."));
            // Only the value of an explicit "? key" at this column may start with ':' alone.
            if (explicitKeyColumn != column)
                refuse(p, QCoreApplication::translate("Yaml", "A ':' stands here with no key before it; Ansible "
                                                              "refuses it."));
            addIndent(column);
        }
        explicitKeyColumn = -1;
        simpleKeyAllowed = flowLevel == 0;
    }
    advance();
}

void Scanner::addIndent(int at) {
    if (flowLevel == 0 && indent < at) {
        indents.push_back(indent);
        indent = at;
    }
}

void Scanner::unwindIndent(int at) {
    if (flowLevel > 0)
        return;
    while (indent > at) {
        indent = indents.back();
        indents.pop_back();
    }
}

void Scanner::savePossibleSimpleKey() {
    const bool required = flowLevel == 0 && indent == column;
    if (!simpleKeyAllowed)
        return;
    removePossibleSimpleKey();
    keys.back() = SimpleKey{true, required, index, line, column, p};
}

void Scanner::removePossibleSimpleKey() {
    SimpleKey &key = keys.back();
    if (key.possible && key.required)
        refuse(key.offset, QCoreApplication::translate("Yaml", "A key is expected here, at the column of the keys "
                                                               "above, but no ':' follows it on its line."));
    key.possible = false;
}

void Scanner::staleSimpleKeys() {
    for (SimpleKey &key : keys) {
        if (key.possible && (key.line != line || key.index + 1024 < index)) {
            if (key.required)
                refuse(key.offset, QCoreApplication::translate("Yaml", "A key is expected here, at the column of "
                                                                       "the keys above, but no ':' follows it on its "
                                                                       "line."));
            key.possible = false;
        }
    }
}

void Scanner::anchorOrAlias(bool anchor) {
    const qsizetype start = p;
    advance();
    const qsizetype nameStart = p;
    while (std::isalnum(uchar(current())) || current() == '-' || current() == '_')
        advance();
    const std::string name = t.substr(std::size_t(nameStart), std::size_t(p - nameStart));
    static const char *const followers = "?:,]}%@`";
    if (name.empty() || !(isBlankzAt(p) || std::strchr(followers, current())))
        refuse(start, QCoreApplication::translate("Yaml", "An anchor or alias name may hold only ASCII letters, "
                                                          "digits, '-' and '_' (Ansible refuses this one)."));
    if (!anchor)
        return;
    if (anchors.contains(name))
        refuse(start, QCoreApplication::translate("Yaml", "The anchor &%1 is defined a second time here; Ansible "
                                                          "refuses a file that defines one anchor twice.")
                          .arg(QString::fromStdString(name)));
    anchors.insert(name);
}

void Scanner::tag() {
    const qsizetype start = p;
    advance();
    if (current() == '<') {
        while (!atEnd() && current() != '>' && !isBlankzAt(p))
            advance();
        if (current() == '>')
            advance();
    } else {
        static const char *const uriCharacters = "-_;/?:@&=+$.!~*'()%";
        while (!atEnd() && (std::isalnum(uchar(current())) || std::strchr(uriCharacters, current()) ||
                            (flowLevel == 0 && std::strchr(",[]", current()))))
            advance();
    }
    if (!isBlankzAt(p) && !(flowLevel > 0 && current() == ','))
        refuse(start, QCoreApplication::translate("Yaml", "A tag must be followed by a blank, and may hold only "
                                                          "ASCII letters, digits and URI characters."));
}

void Scanner::quoted() {
    const qsizetype start = p;
    const char quote = current();
    advance();
    for (;;) {
        if (atEnd())
            refuse(start, QCoreApplication::translate("Yaml", "The quoted value that starts here is never closed: "
                                                              "the file ends before its closing quote."));
        if (isDocumentIndicator("---") || isDocumentIndicator("..."))
            refuse(p, QCoreApplication::translate("Yaml", "A document marker (--- or ...) stands inside a quoted "
                                                          "value."));
        const char c = current();
        if (quote == '\'' && c == '\'') {
            advance();
            if (current() != '\'')
                return;
            advance();
        } else if (quote == '"' && c == '\\') {
            advance();
            if (isBreakAt(p))
                advanceBreak();
            else if (!atEnd())
                advance();
        } else if (quote == '"' && c == '"') {
            return advance();
        } else if (isBreakAt(p)) {
            advanceBreak();
        } else {
            advance();
        }
    }
}

void Scanner::blockScalar() {
    advance();
    int increment = 0;
    for (int i = 0; i < 2; ++i) {
        if (current() == '+' || current() == '-')
            advance();
        else if (current() >= '1' && current() <= '9') {
            increment = current() - '0';
            advance();
        }
    }
    while (current() == ' ' || current() == '\t')
        advance();
    if (current() == '#') {
        while (!atEnd() && !isBreakAt(p))
            advance();
    }
    if (!isBreakAt(p))
        return; // yaml-cpp has judged what follows the header
    advanceBreak();
    int blockIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0;
    blockScalarBreaks(blockIndent);
    while (column == blockIndent && !atEnd()) {
        while (!atEnd() && !isBreakAt(p))
            advance();
        if (atEnd())
            return;
        advanceBreak();
        blockScalarBreaks(blockIndent);
    }
}

void Scanner::blockScalarBreaks(int &blockIndent) {
    int widest = 0;
    for (;;) {
        while ((blockIndent == 0 || column < blockIndent) && current() == ' ')
            advance();
        if (lineStartMark())
            refuseLineStartMark();
        widest = std::max(widest, column);
        if ((blockIndent == 0 || column < blockIndent) && current() == '\t')
            refuse(p, QCoreApplication::translate("Yaml", "A tab stands in the indentation of this block of text; "
                                                          "Ansible refuses it. Use spaces."));
        if (!isBreakAt(p))
            break;
        advanceBreak();
    }
    if (blockIndent == 0)
        blockIndent = std::max({widest, indent + 1, 1});
}

void Scanner::plain() {
    const int plainIndent = indent + 1;
    const qsizetype start = p;
    bool leadingBreak = false;
    for (;;) {
        if (isDocumentIndicator("---") || isDocumentIndicator("...") || current() == '#')
            break;
        const qsizetype chunk = p;
        while (!isBlankzAt(p)) {
            const char c = current();
            if (flowLevel > 0 && c == ':' && at(p + 1) != '\0' && std::strchr(",?[]{}", at(p + 1)))
                break;
            if ((c == ':' && isBlankzAt(p + 1)) || (flowLevel > 0 && std::strchr(",[]{}", c)))
                break;
            if (c == '?' && flowLevel > 0 && p != start && fixes)
                fixes->questionMarks.push_back(std::size_t(p));
            advance();
        }
        if (p == chunk)
            break;
        plainEnd = p;
        plainEndLine = line;
        leadingBreak = false;
        if (!(current() == ' ' || current() == '\t' || isBreakAt(p)))
            break;
        while (current() == ' ' || current() == '\t' || isBreakAt(p)) {
            if (isBreakAt(p)) {
                advanceBreak();
                leadingBreak = true;
                // Where this value could not go on at column 0, libyaml ends it and skips the mark, moving what
                // follows on the line one column in; elsewhere the mark is part of the value.
                if (lineStartMark() && flowLevel == 0 && plainIndent > 0 && !isBlankOrCommentAfter(p + 3))
                    refuseLineStartMark();
                continue;
            }
            if (leadingBreak && column < plainIndent && current() == '\t')
                refuse(p, QCoreApplication::translate("Yaml", "A tab stands in the indentation of this value's next "
                                                              "line; Ansible refuses it. Use spaces."));
            advance();
        }
        if (flowLevel == 0 && column < plainIndent)
            break;
    }
    if (leadingBreak)
        simpleKeyAllowed = true;
}

} // namespace

std::optional<ReadRefusal> scannerRefusal(const std::string &text, YamlCppText *fixes) {
    return Scanner(text, fixes).run();
}

std::string textForYamlCpp(std::string text, const YamlCppText &fixes) {
    for (const std::size_t at : fixes.questionMarks)
        text[at] = QuestionMarkStandIn;
    for (const auto &[to, from] : fixes.moves) {
        const char indicator = text[from];
        text.replace(to + 1, from - to, text, to, from - to); // the blanks move one byte on
        text[to] = indicator;
    }
    return withLineStartMarksAsBlanks(std::move(text));
}

namespace {

// The constructors of PyYAML's SafeConstructor, as far as whether they succeed.

std::string trimmed(const std::string &text) {
    const auto first = text.find_first_not_of(" \t\n\r\f\v");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\n\r\f\v") - first + 1);
}

/// Python's int(text, base).
bool pythonInt(std::string text, int base) {
    text = trimmed(text);
    if (!text.empty() && (text[0] == '+' || text[0] == '-'))
        text.erase(0, 1);
    const char prefix = base == 2 ? 'b' : base == 8 ? 'o' : base == 16 ? 'x' : '\0';
    if (prefix && text.size() >= 2 && text[0] == '0' && std::tolower(uchar(text[1])) == prefix)
        text.erase(0, 2);
    if (text.empty())
        return false;
    for (const char c : text) {
        const int digit = std::isdigit(uchar(c))   ? c - '0'
                          : std::isalpha(uchar(c)) ? std::tolower(uchar(c)) - 'a' + 10
                                                   : 99;
        if (digit >= base)
            return false;
    }
    return true;
}

/// Python's float(text).
bool pythonFloat(std::string text) {
    text = trimmed(text);
    if (!text.empty() && (text[0] == '+' || text[0] == '-'))
        text.erase(0, 1);
    for (char &c : text)
        c = char(std::tolower(uchar(c)));
    if (text == "inf" || text == "infinity" || text == "nan")
        return true;
    static const QRegularExpression decimal(QStringLiteral("^(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:e[-+]?[0-9]+)?$"));
    return decimal.match(QString::fromStdString(text)).hasMatch();
}

std::string withoutUnderscores(std::string text) {
    std::erase(text, '_');
    return text;
}

/// construct_yaml_int: sign, then 0, 0b…, 0x…, 0… (octal), sexagesimal a:b:c or decimal.
bool yamlInt(const std::string &value) {
    std::string text = withoutUnderscores(value);
    if (text.empty())
        return false;
    if (text[0] == '+' || text[0] == '-')
        text.erase(0, 1);
    if (text == "0")
        return true;
    if (text.rfind("0b", 0) == 0)
        return pythonInt(text.substr(2), 2);
    if (text.rfind("0x", 0) == 0)
        return pythonInt(text.substr(2), 16);
    if (text.empty())
        return false;
    if (text[0] == '0')
        return pythonInt(text, 8);
    if (text.find(':') != std::string::npos) {
        for (const QString &part : QString::fromStdString(text).split(QLatin1Char(':'))) {
            if (!pythonInt(part.toStdString(), 10))
                return false;
        }
        return true;
    }
    return pythonInt(text, 10);
}

/// construct_yaml_float: sign, then .inf, .nan, sexagesimal or Python's float().
bool yamlFloat(const std::string &value) {
    std::string text = withoutUnderscores(value);
    for (char &c : text)
        c = char(std::tolower(uchar(c)));
    if (text.empty())
        return false;
    if (text[0] == '+' || text[0] == '-')
        text.erase(0, 1);
    if (text == ".inf" || text == ".nan")
        return true;
    if (text.find(':') != std::string::npos) {
        for (const QString &part : QString::fromStdString(text).split(QLatin1Char(':'))) {
            if (!pythonFloat(part.toStdString()))
                return false;
        }
        return true;
    }
    return pythonFloat(text);
}

bool yamlBool(const std::string &value) {
    const QString text = QString::fromStdString(value).toLower();
    return text == u"yes" || text == u"no" || text == u"true" || text == u"false" || text == u"on" || text == u"off";
}

/// construct_yaml_timestamp: the form, then a real date (and time, and time zone under a day).
bool yamlTimestamp(const std::string &value) {
    static const QRegularExpression form(
        QStringLiteral("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
                       "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+]([0-9]{1,2})(?::([0-9]{2}))?))?)?$"));
    const auto match = form.match(QString::fromStdString(value));
    if (!match.hasMatch())
        return false;
    const auto number = [&](int group) {
        return match.captured(group).toInt();
    };
    const int year = number(1), month = number(2), day = number(3);
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > days[month - 1] + (month == 2 && leap ? 1 : 0))
        return false;
    if (match.captured(4).isEmpty())
        return true;
    if (number(4) > 23 || number(5) > 59 || number(6) > 59)
        return false;
    return number(7) * 60 + number(8) < 24 * 60; // a time zone under a day
}

/// The tag PyYAML's resolver gives a plain scalar, where it is one that can fail to construct.
enum class Implicit { Other, Int, Float, Timestamp, Merge, Value };

/// The tag that matters here, for the texts where it can: an int or float can fail to build only with a '_' in it
/// ("0b_", "._"), a timestamp starts with four digits and a '-'. Every other plain scalar is let through without
/// running the resolver's patterns (a large hosts.yaml has hundreds of thousands).
Implicit implicitTag(const std::string &text) {
    if (text == "<<")
        return Implicit::Merge;
    if (text == "=")
        return Implicit::Value;
    const bool datelike = text.size() >= 8 && text[4] == '-' && std::isdigit(uchar(text[0])) &&
                          std::isdigit(uchar(text[1])) && std::isdigit(uchar(text[2])) && std::isdigit(uchar(text[3]));
    if (!datelike && text.find('_') == std::string::npos)
        return Implicit::Other;
    const QString value = QString::fromStdString(text);
    switch (plainScalarType(value)) {
    case ScalarType::Int:
        return Implicit::Int;
    case ScalarType::Float:
        return Implicit::Float;
    case ScalarType::String:
        break;
    default:
        return Implicit::Other;
    }
    static const QRegularExpression timestamp(QStringLiteral(
        "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:"
        "[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$"));
    return datelike && timestamp.match(value).hasMatch() ? Implicit::Timestamp : Implicit::Other;
}

/// The start of a scalar's text for a message: its first line, at most 80 characters.
QString quotedText(const std::string &text) {
    return QStringLiteral("\u201C%1\u201D").arg(QString::fromStdString(text).section(QLatin1Char('\n'), 0, 0).left(80));
}

std::optional<QString> scalarValueRefusal(const std::string &kind, const std::string &text) {
    if (kind == "int" && !yamlInt(text))
        return QCoreApplication::translate("Yaml", "%1 is tagged or written as an integer but is not one; Ansible "
                                                   "refuses it.")
            .arg(quotedText(text));
    if (kind == "float" && !yamlFloat(text))
        return QCoreApplication::translate("Yaml", "%1 is tagged or written as a number but is not one; Ansible "
                                                   "refuses it.")
            .arg(quotedText(text));
    if (kind == "bool" && !yamlBool(text))
        return QCoreApplication::translate("Yaml", "%1 is tagged as a boolean but is none of yes, no, true, false, "
                                                   "on, off; Ansible refuses it.")
            .arg(quotedText(text));
    if (kind == "timestamp" && !yamlTimestamp(text))
        return QCoreApplication::translate("Yaml", "%1 has the form of a date (YYYY-MM-DD) but is not a valid date "
                                                   "or time; Ansible refuses it. Quote it to keep it as text.")
            .arg(quotedText(text));
    return std::nullopt;
}

std::optional<QString> implicitRefusal(const std::string &text, bool isKey) {
    switch (implicitTag(text)) {
    case Implicit::Int:
        return scalarValueRefusal("int", text);
    case Implicit::Float:
        return scalarValueRefusal("float", text);
    case Implicit::Timestamp:
        return scalarValueRefusal("timestamp", text);
    case Implicit::Merge:
    case Implicit::Value:
        if (isKey)
            return std::nullopt;
        return QCoreApplication::translate("Yaml", "A plain %1 as a value is a YAML merge or value marker, which "
                                                   "Ansible refuses; quote it to mean the text.")
            .arg(QString::fromStdString(text));
    case Implicit::Other:
        break;
    }
    return std::nullopt;
}

QString displayTag(const std::string &tag) {
    static const std::string yamlPrefix = "tag:yaml.org,2002:";
    return tag.rfind(yamlPrefix, 0) == 0 ? QStringLiteral("!!") + QString::fromStdString(tag.substr(yamlPrefix.size()))
                                         : QString::fromStdString(tag);
}

} // namespace

std::optional<QString> constructorRefusal(const std::string &tag, NodeKind kind, const std::string &text, bool isKey) {
    if (tag == "?")
        return kind == NodeKind::Scalar ? implicitRefusal(text, isKey) : std::nullopt;
    if (tag == "!" || tag == "!unsafe")
        return std::nullopt;
    static const std::string yamlPrefix = "tag:yaml.org,2002:";
    const std::string name = tag.rfind(yamlPrefix, 0) == 0 ? tag.substr(yamlPrefix.size()) : std::string();
    static const QSet<std::string> scalarTags = {"str",   "null",      "bool",   "int",
                                                 "float", "timestamp", "binary", "python/unicode"};
    static const QSet<std::string> sequenceTags = {"seq", "omap", "pairs"};
    static const QSet<std::string> mappingTags = {"map", "set", "python/dict"};
    NodeKind needed = NodeKind::Scalar;
    if (tag == "!vault" || tag == "!vault-encrypted" || scalarTags.contains(name))
        needed = NodeKind::Scalar;
    else if (sequenceTags.contains(name))
        needed = NodeKind::Sequence;
    else if (mappingTags.contains(name))
        needed = NodeKind::Mapping;
    else
        return QCoreApplication::translate("Yaml", "Ansible does not know the tag %1 (it knows YAML's own tags, "
                                                   "!unsafe and !vault).")
            .arg(displayTag(tag));
    if (kind != needed) {
        const QString tagText = displayTag(tag);
        switch (needed) {
        case NodeKind::Scalar:
            return QCoreApplication::translate("Yaml", "The tag %1 needs a single value, not a list or mapping; "
                                                       "Ansible refuses it.")
                .arg(tagText);
        case NodeKind::Sequence:
            return QCoreApplication::translate("Yaml", "The tag %1 needs a list; Ansible refuses it here.")
                .arg(tagText);
        case NodeKind::Mapping:
            return QCoreApplication::translate("Yaml", "The tag %1 needs a mapping; Ansible refuses it here.")
                .arg(tagText);
        }
    }
    if (name == "binary" || name == "set")
        return QCoreApplication::translate("Yaml", "Values tagged %1 cannot be used: ansible-inventory fails on them.")
            .arg(displayTag(tag));
    return scalarValueRefusal(name, text);
}

std::optional<QString> collectionRefusal(const YAML::Node &collection) {
    const std::string &tag = collection.Tag();
    if (collection.IsSequence() && (tag == "tag:yaml.org,2002:omap" || tag == "tag:yaml.org,2002:pairs")) {
        for (const auto &item : collection) {
            if (!item.IsMap() || item.size() != 1)
                return QCoreApplication::translate("Yaml", "Every item of a %1 list must be a mapping with exactly "
                                                           "one key; Ansible refuses this one.")
                    .arg(displayTag(tag));
        }
    }
    if (!collection.IsMap())
        return std::nullopt;
    for (auto it = collection.begin(); it != collection.end(); ++it) {
        if (it->first.IsMap() || it->first.IsSequence())
            return QCoreApplication::translate("Yaml", "A key must be text, a number or a date, not a list or a "
                                                       "mapping; Ansible refuses it.");
        const bool merge = it->first.IsScalar() && it->first.Tag() == "?" && it->first.Scalar() == "<<";
        if (!merge || it->second.IsMap())
            continue;
        bool mappings = it->second.IsSequence();
        for (std::size_t i = 0; mappings && i < it->second.size(); ++i)
            mappings = it->second[i].IsMap();
        if (!mappings)
            return QCoreApplication::translate("Yaml", "The merge key << needs a mapping or a list of mappings; "
                                                       "Ansible refuses anything else.");
    }
    return std::nullopt;
}

} // namespace ksw::yaml
