// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlDocument.h"

#include "util/InputLimits.h"
#include "yaml/YamlAnsibleRules.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlInsideEdit.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace ksw {

namespace {

SourceLocation locationOf(const QString &path, const YAML::Mark &mark) {
    if (mark.is_null())
        return {path, 0, 0};
    return {path, mark.line + 1, mark.column + 1};
}

/// Where the flow brackets ([ and {, outside quotes and comments) first reach their deepest level: one pass.
SourceLocation deepestNesting(const QString &path, const QByteArray &bytes) {
    int depth = 0, deepest = 0, line = 1, column = 0, deepestLine = 1, deepestColumn = 1;
    char quote = 0;
    bool comment = false;
    for (const char c : bytes) {
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            comment = false;
            continue;
        }
        if (comment)
            continue;
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            comment = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest) {
                deepest = depth;
                deepestLine = line;
                deepestColumn = column;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return SourceLocation{path, deepestLine, deepestColumn};
}

/// Counts the nodes of a YAML text from the parser's events, without building any: yaml-cpp spends a few hundred
/// bytes on each node, so a text is refused before its tree could outgrow memory. On the way, each node is checked
/// against what Ansible's constructor can build (yaml::constructorRefusal()).
class NodeCounter : public YAML::EventHandler {
public:
    /// Thrown at the first node past the limit, to stop the parser there.
    struct LimitCrossed {
        YAML::Mark mark;
    };
    /// Thrown at the first node Ansible could not build.
    struct Refused {
        YAML::Mark mark;
        QString message;
    };

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    explicit NodeCounter(const std::string &text)
        : m_text(text) {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override {
        count(mark);
        // yaml-cpp reports a tagged empty value ("!!int" and nothing) without its tag; Ansible builds it from "".
        const std::size_t bom = m_text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
        if (!mark.is_null()) {
            if (const std::string tag = yaml::tagAt(m_text, std::size_t(mark.pos) + bom); !tag.empty())
                check(mark, tag, yaml::NodeKind::Scalar, {});
        }
        nodeDone();
    }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { nodeDone(); } // the anchor's node, not a new one
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t, const std::string &value) override {
        count(mark);
        check(mark, tag, yaml::NodeKind::Scalar, value);
        nodeDone();
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        count(mark);
        check(mark, tag, yaml::NodeKind::Sequence, {});
        m_open.push_back({false, false});
    }
    void OnSequenceEnd() override { closed(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        count(mark);
        check(mark, tag, yaml::NodeKind::Mapping, {});
        m_open.push_back({true, true});
    }
    void OnMapEnd() override { closed(); }

private:
    /// A collection being read; in a mapping, whether the next node is a key.
    struct Open {
        bool mapping = false;
        bool expectingKey = false;
    };

    void count(const YAML::Mark &mark) {
        if (++m_nodes > limits::MaxYamlNodes)
            throw LimitCrossed{mark};
    }
    void check(const YAML::Mark &mark, const std::string &tag, yaml::NodeKind kind, const std::string &value) const {
        const bool isKey = !m_open.empty() && m_open.back().expectingKey;
        if (auto refusal = yaml::constructorRefusal(tag, kind, value, isKey))
            throw Refused{mark, *refusal};
    }
    void nodeDone() {
        if (!m_open.empty() && m_open.back().mapping)
            m_open.back().expectingKey = !m_open.back().expectingKey;
    }
    void closed() {
        m_open.pop_back();
        nodeDone();
    }

    const std::string &m_text;
    qint64 m_nodes = 0;
    std::vector<Open> m_open;
};

/// One walk over a parsed file that finds duplicate keys and measures how far aliases expand it. An alias is the
/// very node of its anchor (yaml-cpp shares it, as PyYAML does), so a walk that follows aliases blindly is
/// exponential: a few hundred bytes of nested aliases stand for billions of values. Here each mapping and
/// sequence is entered once and what was found in it remembered.
class TreeSurvey {
public:
    struct Extent {
        qint64 values = 0;          ///< with aliases expanded (saturating far above any limit)
        bool duplicateKeys = false; ///< a mapping within repeats a key
    };

    explicit TreeSurvey(QList<YamlDocument::DuplicateKey> &duplicates)
        : m_duplicates(duplicates) {}

    /// What `node` holds, or nothing when it contains itself through an alias. Duplicates are reported where
    /// they are first reached.
    std::optional<Extent> survey(const YAML::Node &node, const QString &path) {
        if (!node.IsMap() && !node.IsSequence()) {
            ++m_written; // an alias to a scalar costs its own bytes in the text: no need to remember it
            return Extent{1, false};
        }
        if (const Extent *known = find(node))
            return known->values == InProgress ? std::nullopt : std::optional<Extent>(*known);
        ++m_written;
        remember(node, {InProgress, false});
        if (!m_refusal) {
            if (auto refusal = yaml::collectionRefusal(node))
                m_refusal = std::pair{node.Mark(), *refusal};
        }
        Extent extent{1, false};
        const auto add = [&](const YAML::Node &child, const QString &childPath) {
            const auto inner = survey(child, childPath);
            if (inner) {
                extent.values = std::min(extent.values + inner->values, Saturated);
                extent.duplicateKeys = extent.duplicateKeys || inner->duplicateKeys;
            }
            return inner.has_value();
        };
        if (node.IsMap()) {
            QHash<QString, int> firstLineOf;
            for (auto it = node.begin(); it != node.end(); ++it) {
                const QString key = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QString();
                const QString childPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                const int line = it->first.Mark().line + 1;
                if (!key.isEmpty()) {
                    if (const auto found = firstLineOf.constFind(key); found != firstLineOf.constEnd()) {
                        m_duplicates.append({childPath, found.value(), line});
                        extent.duplicateKeys = true;
                    } else {
                        firstLineOf.insert(key, line);
                    }
                }
                if (!add(it->first, childPath) || !add(it->second, childPath))
                    return std::nullopt;
            }
        } else {
            for (std::size_t i = 0; i < node.size(); ++i) {
                if (!add(node[i], path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']')))
                    return std::nullopt;
            }
        }
        *find(node) = extent;
        return extent;
    }

    /// Values written in the text so far (each mapping, sequence and scalar once; each alias to a scalar too).
    qint64 written() const { return m_written; }
    /// The first collection Ansible could not build (yaml::collectionRefusal()), where it starts.
    const std::optional<std::pair<YAML::Mark, QString>> &refusal() const { return m_refusal; }

private:
    static constexpr qint64 InProgress = -1;
    static constexpr qint64 Saturated = qint64(1) << 62;

    // yaml-cpp tells identity only through Node::is(); a node's source position narrows the candidates to the
    // few nodes that start at the same byte (a mapping and its first key, empty values).
    Extent *find(const YAML::Node &node) {
        const auto bucket = m_seen.find(node.Mark().pos);
        if (bucket == m_seen.end())
            return nullptr;
        for (auto &[seen, extent] : *bucket) {
            if (seen.is(node))
                return &extent;
        }
        return nullptr;
    }
    void remember(const YAML::Node &node, Extent extent) { m_seen[node.Mark().pos].append({node, extent}); }

    QList<YamlDocument::DuplicateKey> &m_duplicates;
    QHash<int, QList<std::pair<YAML::Node, Extent>>> m_seen;
    qint64 m_written = 0;
    std::optional<std::pair<YAML::Mark, QString>> m_refusal;
};

/// The file's lines, each with its own line ending (the last may have none).
QList<QByteArray> splitLines(const QByteArray &bytes) {
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        lines.append(bytes.mid(start, end - start));
        start = end;
    }
    return lines;
}

/// A line without its ending (and without a byte order mark on the first line).
QByteArray content(const QList<QByteArray> &lines, qsizetype index) {
    QByteArray line = lines.at(index);
    if (index == 0 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool isBlankOrComment(const QByteArray &line) {
    const QByteArray trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith('#');
}

bool isDocumentMarker(const QByteArray &line) {
    return line == "---" || line == "..." || line.startsWith("--- ") || line.startsWith("... ");
}

/// The "  # comment" that ends a key's line, if any; quotes are respected.
QByteArray trailingComment(const QByteArray &line) {
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return {};
    char quote = 0;
    for (qsizetype i = colon + 1; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if ((c == '"' || c == '\'') && (i == colon + 1 || line.at(i - 1) == ' '))
            quote = c;
        else if (c == '#' && (line.at(i - 1) == ' ' || line.at(i - 1) == '\t')) {
            qsizetype start = i;
            while (start > colon + 1 && (line.at(start - 1) == ' ' || line.at(start - 1) == '\t'))
                --start;
            return line.mid(start);
        }
    }
    return {};
}

/// The rendered key with the file's line ending; a trailing comment goes after the value's first line.
QByteArray render(const QString &name, const YAML::Node &value, const QByteArray &comment, const QByteArray &newline) {
    QList<QByteArray> lines = yaml::emitKeyValue(name, value).split('\n');
    if (!comment.isEmpty())
        lines.first() += comment;
    QByteArray text;
    for (const QByteArray &line : lines)
        text += line + newline;
    return text;
}

/// The lines [first, last) of a commented sample of `name`: "# name:" at the start of a line, with its more
/// deeply indented commented lines; (-1, -1) when there is none.
std::pair<qsizetype, qsizetype> commentedSample(const QList<QByteArray> &lines, const QString &name) {
    const QRegularExpression sample(QStringLiteral("^#(\\s*)%1\\s*:(\\s|$)").arg(QRegularExpression::escape(name)));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto match = sample.match(QString::fromUtf8(content(lines, i)));
        if (!match.hasMatch())
            continue;
        const qsizetype indent = match.capturedLength(1);
        qsizetype last = i + 1;
        static const QRegularExpression item(QStringLiteral("^#(\\s*)\\S"));
        while (last < lines.size()) {
            const auto next = item.match(QString::fromUtf8(content(lines, last)));
            if (!next.hasMatch() || next.capturedLength(1) <= indent)
                break;
            ++last;
        }
        return {i, last};
    }
    return {-1, -1};
}

/// yaml-cpp 0.7 cannot read a '?' inside a plain scalar of a flow collection ([http://x/?a=b]), which Ansible reads:
/// yaml-cpp read yaml::QuestionMarkStandIn in its place, and the '?' is put back in the values here.
void restoreQuestionMarks(YAML::Node root) {
    using yaml::QuestionMarkStandIn;
    // Each collection once (an alias is its anchor's node), by hand: the walk must not follow aliases blindly.
    QHash<int, QList<YAML::Node>> seen;
    std::vector<YAML::Node> pending{root};
    const auto restore = [&](YAML::Node node) {
        if (node.IsScalar() && node.Scalar().find(QuestionMarkStandIn) != std::string::npos) {
            std::string text = node.Scalar();
            std::replace(text.begin(), text.end(), QuestionMarkStandIn, '?');
            node = text; // keeps the tag and the mark
        } else if (node.IsMap() || node.IsSequence()) {
            auto &bucket = seen[node.Mark().pos];
            if (std::none_of(bucket.cbegin(), bucket.cend(), [&](const YAML::Node &other) { return other.is(node); })) {
                bucket.append(node);
                pending.push_back(node);
            }
        }
    };
    while (!pending.empty()) {
        const YAML::Node node = pending.back();
        pending.pop_back();
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap()) {
                restore(it->first);
                restore(it->second);
            } else {
                restore(*it);
            }
        }
    }
}

Error readError(const QString &path, const yaml::ReadRefusal &refusal) {
    return Error{{path, refusal.line, refusal.column}, {}, refusal.message};
}

/// A refusal of Ansible's scanner, worded like yaml-cpp's own syntax errors.
Error syntaxError(const QString &path, const yaml::ReadRefusal &refusal) {
    return Error{{path, refusal.line, refusal.column},
                 {},
                 QCoreApplication::translate("Yaml", "This is not valid YAML: %1").arg(refusal.message)};
}

/// The first document of `text` (readerText()) as yaml-cpp reads it, its nodes counted and checked against
/// Ansible's constructor on the way, and its tokens against Ansible's scanner (yaml::scannerRefusal()). When both
/// refuse, the refusal that lies first in the file is given, as Ansible stops at the first.
Expected<YAML::Node> loadFirstDocument(std::string readerText, const QString &path, const QByteArray &bytes,
                                       bool json) {
    yaml::YamlCppText fixes;
    std::optional<yaml::ReadRefusal> scanned;
    if (json)
        yaml::isJson(bytes, &fixes);
    else
        scanned = yaml::scannerRefusal(readerText, &fixes);
    const std::string text = yaml::textForYamlCpp(std::move(readerText), fixes); // no second copy of the file
    const auto scannedFirst = [&](const YAML::Mark &mark) {
        return scanned && (mark.is_null() ||
                           std::pair(scanned->line, scanned->column) <= std::pair(mark.line + 1, mark.column + 1));
    };
    try {
        {
            std::istringstream stream(text);
            YAML::Parser parser(stream);
            NodeCounter counter(text);
            parser.HandleNextDocument(counter); // only the first document, as YAML::Load
        }
        if (scanned)
            return syntaxError(path, *scanned);
        YAML::Node root = YAML::Load(text);
        if (!fixes.questionMarks.empty())
            restoreQuestionMarks(root);
        return root;
    } catch (const NodeCounter::LimitCrossed &crossed) {
        return Error{locationOf(path, crossed.mark),
                     {},
                     QCoreApplication::translate("Yaml", "This file holds more than %1 YAML values, the most Kubespray "
                                                         "Wizard reads from one file; the limit is crossed here.")
                         .arg(limits::MaxYamlNodes)};
    } catch (const NodeCounter::Refused &refused) {
        if (scannedFirst(refused.mark))
            return syntaxError(path, *scanned);
        return Error{locationOf(path, refused.mark), {}, refused.message};
    } catch (const YAML::DeepRecursion &) {
        if (scanned)
            return syntaxError(path, *scanned);
        // yaml-cpp marks the end of the line; the place worth showing is where the nesting gets deepest.
        return Error{deepestNesting(path, bytes),
                     {},
                     QCoreApplication::translate("Yaml", "This value is nested too deeply to be read (Ansible "
                                                         "cannot read it either).")};
    } catch (const YAML::Exception &e) {
        if (scannedFirst(e.mark))
            return syntaxError(path, *scanned);
        return Error{
            locationOf(path, e.mark),
            {},
            QCoreApplication::translate("Yaml", "This is not valid YAML: %1").arg(QString::fromStdString(e.msg))};
    }
}

} // namespace

YAML::Node resolveDuplicateKeys(const YAML::Node &node) {
    if (node.IsMap()) {
        YAML::Node result(YAML::NodeType::Map);
        result.SetStyle(node.Style());
        result.SetTag(node.Tag());
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar())
                result[it->first.Scalar()] = resolveDuplicateKeys(it->second); // the later one replaces
            else
                result.force_insert(it->first, resolveDuplicateKeys(it->second));
        }
        return result;
    }
    if (node.IsSequence()) {
        YAML::Node result(YAML::NodeType::Sequence);
        result.SetStyle(node.Style());
        result.SetTag(node.Tag());
        for (const auto &item : node)
            result.push_back(resolveDuplicateKeys(item));
        return result;
    }
    return node;
}

Expected<YamlDocument> YamlDocument::load(const QString &path) {
    if (!QFile::exists(path))
        return Error{{path}, {}, QCoreApplication::translate("Yaml", "The file does not exist.")};
    const auto bytes = readBoundedFile(path, path);
    if (!bytes)
        return bytes.error();
    return parse(*bytes, path);
}

Expected<YamlDocument> YamlDocument::parse(const QByteArray &bytes, const QString &path) {
    if (auto refusal = fileSizeRefusal(bytes, path))
        return *refusal;
    const bool json = yaml::isJson(bytes); // Ansible tries JSON first
    if (auto refusal = yaml::encodingRefusal(bytes, !json))
        return readError(path, *refusal);
    // JSON has no other line breaks than LF and CR (in a JSON string, NEL, LS and PS are characters).
    const auto root =
        loadFirstDocument(json ? yaml::readerText(bytes, false) : yaml::readerText(bytes), path, bytes, json);
    if (!root)
        return root.error();
    YamlDocument document;
    document.m_path = path;
    document.m_bytes = bytes;
    if (root->IsNull())
        return document; // empty, or comments only: no variables
    if (!root->IsMap()) {
        return Error{locationOf(path, root->Mark()),
                     {},
                     QCoreApplication::translate("Yaml", "Expected a mapping of variables (key: value) at the top "
                                                         "of the file.")};
    }
    if (auto refused = document.readKeys(*root))
        return *refused;
    return document;
}

std::optional<Error> YamlDocument::readKeys(const YAML::Node &root) {
    TreeSurvey survey(m_duplicates);
    qint64 expanded = 0;
    QHash<QString, int> firstLineOf;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it->first.IsScalar() && !it->first.IsNull()) {
            return Error{locationOf(m_path, it->first.Mark()),
                         {},
                         QCoreApplication::translate("Yaml", "A variable name must be a plain text key.")};
        }
        const YAML::Mark mark = it->first.Mark();
        // Ansible takes an empty or ~ key as None, which it shows as "null".
        const QString name = it->first.IsNull() ? QStringLiteral("null") : QString::fromStdString(it->first.Scalar());
        if (const auto found = firstLineOf.constFind(name); found != firstLineOf.constEnd())
            m_duplicates.append({name, found.value(), mark.line + 1});
        else
            firstLineOf.insert(name, mark.line + 1);

        // Checked key by key, so that the refusal points at the key where the limit is crossed.
        const auto extent = survey.survey(it->second, name);
        if (survey.refusal())
            return Error{locationOf(m_path, survey.refusal()->first), name, survey.refusal()->second};
        if (!extent)
            return Error{locationOf(m_path, mark), name,
                         QCoreApplication::translate("Yaml", "This value contains itself through an alias.")};
        m_keys.append({name, mark.line + 1, mark.column + 1, it->second, extent->duplicateKeys});
        expanded += extent->values;
        if (expanded - survey.written() > limits::MaxAliasExpansion)
            return Error{locationOf(m_path, mark), name,
                         QCoreApplication::translate("Yaml", "Aliases make this file stand for more than %1 values "
                                                             "beyond those written in it, the most Kubespray Wizard "
                                                             "reads; the limit is crossed at this key.")
                             .arg(limits::MaxAliasExpansion)};
    }
    if (auto refusal = yaml::collectionRefusal(root))
        return Error{locationOf(m_path, root.Mark()), {}, *refusal};
    return std::nullopt;
}

std::optional<YamlDocument::Key> YamlDocument::value(const QString &name) const {
    for (auto it = m_keys.crbegin(); it != m_keys.crend(); ++it) {
        if (it->name != name)
            continue;
        Key key = *it;
        // Copying loses yaml-cpp's marks, which error messages need: copy only when there is something to resolve.
        if (key.innerDuplicates)
            key.value = resolveDuplicateKeys(key.value);
        return key;
    }
    return std::nullopt;
}

Error YamlDocument::refusal(int line, const QString &name, const QString &message) const {
    return Error{{m_path, line, line > 0 ? 1 : 0}, name, message};
}

Expected<YamlDocument::Placement> YamlDocument::setValue(const QString &name, const YAML::Node &value) {
    if (yaml::hasForeignLineBreaks(m_bytes))
        return refusal(0, name,
                       QCoreApplication::translate("Yaml", "The file has line breaks Kubespray Wizard does not edit (a "
                                                           "CR alone, NEL, LS, PS, or a byte order mark starting a "
                                                           "line); nothing was changed."));
    try {
        const YAML::Node root = YAML::Load(yaml::readerText(m_bytes));
        if (root.IsMap() && root.Style() == YAML::EmitterStyle::Flow)
            return refusal(1, name,
                           QCoreApplication::translate("Yaml", "The file is one flow mapping ({...}); it cannot be "
                                                               "edited without rewriting it."));
    } catch (const YAML::Exception &) {
        // parse() accepted these bytes; nothing new can go wrong here.
    }

    if (const auto current = this->value(name); current && yaml::sameValue(current->value, value))
        return Placement::Unchanged;

    const auto whole = wholeValueEdit(name, value);
    if (!whole)
        return whole.error();
    QList<Edit> candidates;
    const Key *live = lastOccurrence(name);
    if (live && !live->innerDuplicates) {
        // Inside the value first (items and keys), so that comments, quotes and styles within it stay.
        if (const auto inside = yaml::editValueInside(m_bytes, live->line - 1, live->column - 1, live->value, value))
            candidates.append(
                {inside->text, inside->inside ? Placement::EditedInside : Placement::Replaced, live->line});
    }
    candidates.append(*whole);
    for (qsizetype i = 0;; ++i) {
        auto checked = checkedEdit(candidates.at(i), name, value);
        if (checked) {
            *this = std::move(*checked);
            return candidates.at(i).placement;
        }
        if (i + 1 == candidates.size())
            return checked.error(); // the whole replacement's reason: the inside edit was only a first try
    }
}

const YamlDocument::Key *YamlDocument::lastOccurrence(const QString &name) const {
    const Key *live = nullptr;
    for (const Key &key : m_keys) {
        if (key.name == name)
            live = &key;
    }
    return live;
}

Expected<YamlDocument::Edit> YamlDocument::wholeValueEdit(const QString &name, const YAML::Node &value) const {
    const QList<QByteArray> lines = splitLines(m_bytes);
    const QByteArray newline = m_bytes.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    qsizetype first = -1; // the lines [first, last) are replaced
    qsizetype last = -1;
    QByteArray comment;
    Placement placement = Placement::Appended;

    if (const Key *live = lastOccurrence(name)) {
        placement = Placement::Replaced;
        first = live->line - 1;
        last = lines.size();
        for (const Key &key : m_keys) {
            if (key.line > live->line && key.line - 1 < last)
                last = key.line - 1;
        }
        for (qsizetype i = first + 1; i < last; ++i) {
            if (isDocumentMarker(content(lines, i))) {
                last = i;
                break;
            }
        }
        while (last - 1 > first && isBlankOrComment(content(lines, last - 1)))
            --last;
        comment = trailingComment(content(lines, first));

        QByteArray span;
        for (qsizetype i = first; i < last; ++i)
            span += content(lines, i) + '\n';
        if (auto refused = editRefusal(*live, span))
            return *refused;
        if (content(lines, first).contains("*") &&
            QRegularExpression(QStringLiteral(":\\s*\\*")).match(QString::fromUtf8(content(lines, first))).hasMatch())
            comment.clear(); // an alias value is replaced whole; its comment position is ambiguous
    } else {
        std::tie(first, last) = commentedSample(lines, name);
        if (first >= 0)
            placement = Placement::ReplacedCommentedSample;
    }

    QByteArray result;
    if (first >= 0) {
        for (qsizetype i = 0; i < first; ++i)
            result += lines.at(i);
        if (first == 0 && lines.at(0).startsWith("\xEF\xBB\xBF"))
            result += "\xEF\xBB\xBF";
        result += render(name, value, comment, newline);
        // The last replaced line may have had no ending (end of file): keep it that way.
        if (last == lines.size() && !lines.last().endsWith('\n'))
            result.chop(newline.size());
        for (qsizetype i = last; i < lines.size(); ++i)
            result += lines.at(i);
    } else {
        result = m_bytes;
        if (!result.isEmpty() && !result.endsWith('\n'))
            result += newline;
        result += render(name, value, {}, newline);
    }
    return Edit{result, placement, first >= 0 ? static_cast<int>(first) + 1 : 0};
}

std::optional<Error> YamlDocument::editRefusal(const Key &live, const QByteArray &span) const {
    if (live.name == u"<<" || QRegularExpression(QStringLiteral("^\\s*<<\\s*:"), QRegularExpression::MultilineOption)
                                  .match(QString::fromUtf8(span))
                                  .hasMatch())
        return refusal(live.line, live.name,
                       QCoreApplication::translate("Yaml", "A merge key (<<) takes part in this value; editing "
                                                           "it could change other keys."));
    static const QRegularExpression anchor(QStringLiteral("&([^\\s,\\[\\]{}]+)"));
    auto anchors = anchor.globalMatch(QString::fromUtf8(span));
    while (anchors.hasNext()) {
        const QString anchorName = anchors.next().captured(1);
        QByteArray elsewhere = m_bytes;
        elsewhere.replace(span, QByteArray());
        if (elsewhere.contains(QByteArray("*") + anchorName.toUtf8()))
            return refusal(live.line, live.name,
                           QCoreApplication::translate("Yaml", "The value holds the anchor &%1, which is used "
                                                               "elsewhere; editing it would change those too.")
                               .arg(anchorName));
    }
    return std::nullopt;
}

Expected<YamlDocument> YamlDocument::checkedEdit(const Edit &edit, const QString &name, const YAML::Node &value) const {
    // Read it back: the key must mean `value`, every other key what it meant before.
    auto reparsed = parse(edit.bytes, m_path);
    if (!reparsed)
        return refusal(edit.line, name,
                       QCoreApplication::translate("Yaml", "The edit would make the file invalid (%1); nothing was "
                                                           "changed.")
                           .arg(reparsed.error().message));
    const auto readBack = reparsed->value(name);
    if (!readBack || !yaml::sameValue(readBack->value, value))
        return refusal(edit.line, name,
                       QCoreApplication::translate("Yaml", "The edited key does not read back as the intended value; "
                                                           "nothing was changed."));
    for (const Key &key : m_keys) {
        if (key.name == name)
            continue;
        const auto before = this->value(key.name);
        const auto after = reparsed->value(key.name);
        if (!after || !yaml::sameValue(before->value, after->value))
            return refusal(key.line, key.name,
                           QCoreApplication::translate("Yaml", "Editing %1 would change this key too; nothing was "
                                                               "changed.")
                               .arg(name));
    }
    return reparsed;
}

} // namespace ksw
