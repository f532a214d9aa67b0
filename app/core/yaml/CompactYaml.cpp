// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/CompactYaml.h"

#include "util/IndexSet.h"
#include "util/InputLimits.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <istream>
#include <streambuf>

namespace ksw::yaml {

using Index = CompactTree::Index;

// ---- CompactTree -----------------------------------------------------------------------------------

QByteArrayView CompactTree::text(Index node) const {
    const Node &n = m_nodes[node];
    if (n.kind != quint32(Kind::Scalar))
        return {};
    return QByteArrayView(m_text.data() + n.first, n.count);
}

QString CompactTree::scalar(Index node, const QString &fallback) const {
    return isScalar(node) ? QString::fromUtf8(text(node)) : fallback;
}

qsizetype CompactTree::childCount(Index node) const {
    const Node &n = m_nodes[node];
    return n.kind == quint32(Kind::Sequence) || n.kind == quint32(Kind::Map) ? qsizetype(n.count) : 0;
}

quint32 CompactTree::tagIndex(const std::string &tag) {
    // Nearly every value has one of the first three tags; a file of many tags stays linear through the index.
    for (quint32 i = 0; i < 3; ++i) {
        if (m_tags[i] == tag)
            return i;
    }
    const auto found = m_tagIndex.find(tag);
    if (found != m_tagIndex.end())
        return found->second;
    m_tags.push_back(tag);
    m_tagIndex.emplace(tag, quint32(m_tags.size() - 1));
    return quint32(m_tags.size() - 1);
}

void CompactTree::reserve(qsizetype values, qsizetype textBytes) {
    m_nodes.reserve(std::size_t(values));
    m_children.reserve(std::size_t(values));
    m_text.reserve(std::size_t(textBytes));
}

void CompactTree::squeeze() {
    m_shareLeaves = false;
    m_leaves = {};
    m_nodes.shrink_to_fit();
    m_children.shrink_to_fit();
    m_text.shrink_to_fit();
}

Index CompactTree::addLeaf(Kind kind, quint32 tag, QByteArrayView text) {
    const std::size_t hash = qHash(text, tag) ^ std::size_t(kind);
    const auto same = [&](Index leaf) {
        const Node &n = m_nodes[leaf];
        return n.kind == quint32(kind) && n.tag == tag && this->text(leaf) == text;
    };
    if (m_shareLeaves) {
        if (const Index found = m_leaves.find(hash, same); found != IndexSet::None)
            return found;
    }
    Node node{};
    node.kind = quint32(kind);
    node.tag = tag;
    node.first = quint32(m_text.size());
    node.count = quint32(text.size());
    m_text.append(text.data(), std::size_t(text.size()));
    m_nodes.push_back(node);
    const auto added = Index(m_nodes.size() - 1);
    if (m_shareLeaves)
        m_leaves.insert(added, [this](Index leaf) {
            return qHash(this->text(leaf), m_nodes[leaf].tag) ^ std::size_t(m_nodes[leaf].kind);
        });
    return added;
}

Index CompactTree::addScalar(QByteArrayView text) {
    return addLeaf(Kind::Scalar, 0, text);
}

Index CompactTree::copy(const CompactTree &other, Index node, std::vector<Index> *copied) {
    if (copied) {
        if (copied->size() < other.m_nodes.size())
            copied->resize(other.m_nodes.size(), Invalid);
        if ((*copied)[node] != Invalid)
            return (*copied)[node];
    }
    const Node &source = other.m_nodes[node];
    Index result = 0;
    if (source.kind == quint32(Kind::Scalar) || source.kind == quint32(Kind::Null)) {
        result = addLeaf(Kind(source.kind), tagIndex(other.m_tags[source.tag]), other.text(node));
    } else {
        std::vector<Index> children;
        children.reserve(source.count);
        for (quint32 i = 0; i < source.count; ++i)
            children.push_back(copy(other, other.m_children[source.first + i], copied));
        Node collection = source;
        collection.tag = tagIndex(other.m_tags[source.tag]);
        collection.first = quint32(m_children.size());
        m_children.insert(m_children.end(), children.cbegin(), children.cend());
        m_nodes.push_back(collection);
        result = Index(m_nodes.size() - 1);
    }
    if (copied)
        (*copied)[node] = result;
    return result;
}

YAML::Node CompactTree::toNode(Index node) const {
    const Node &n = m_nodes[node];
    switch (Kind(n.kind)) {
    case Kind::Null:
        return YAML::Node(YAML::NodeType::Null);
    case Kind::Scalar: {
        YAML::Node scalar(std::string(m_text, n.first, n.count));
        scalar.SetTag(m_tags[n.tag]);
        return scalar;
    }
    case Kind::Sequence: {
        YAML::Node sequence(YAML::NodeType::Sequence);
        sequence.SetStyle(YAML::EmitterStyle::value(n.style));
        sequence.SetTag(m_tags[n.tag]);
        for (quint32 i = 0; i < n.count; ++i)
            sequence.push_back(toNode(m_children[n.first + i]));
        return sequence;
    }
    case Kind::Map:
        break;
    }
    YAML::Node map(YAML::NodeType::Map);
    map.SetStyle(YAML::EmitterStyle::value(n.style));
    map.SetTag(m_tags[n.tag]);
    // A repeated key keeps the place of its first occurrence and takes the value of its last.
    QHash<QByteArrayView, Index> lastValue;
    if (n.duplicates) {
        for (quint32 i = 0; i < n.count; i += 2) {
            if (isScalar(m_children[n.first + i]))
                lastValue.insert(text(m_children[n.first + i]), m_children[n.first + i + 1]);
        }
    }
    for (quint32 i = 0; i < n.count; i += 2) {
        const Index key = m_children[n.first + i];
        Index value = m_children[n.first + i + 1];
        if (!isScalar(key)) {
            map.force_insert(toNode(key), toNode(value));
            continue;
        }
        if (n.duplicates) {
            const auto last = lastValue.find(text(key));
            if (last == lastValue.end())
                continue; // a later occurrence of a key already placed
            value = last.value();
            lastValue.erase(last);
        }
        map.force_insert(std::string(m_text, m_nodes[key].first, m_nodes[key].count), toNode(value));
    }
    return map;
}

// ---- Building from parser events ---------------------------------------------------------------------

namespace {

/// Bytes held elsewhere as a stream for yaml-cpp's parser, without the copy a std::istringstream makes.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(const QByteArray &bytes) {
        char *begin = const_cast<char *>(bytes.constData()); // only ever read
        setg(begin, begin, begin + bytes.size());
    }
};

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

qint64 saturatedSum(qint64 a, qint64 b) {
    constexpr qint64 Saturated = qint64(1) << 62; // far above any limit, and no overflow
    return std::min(a + b, Saturated);
}

} // namespace

/// Builds a CompactTree from yaml-cpp's events and makes, on the way, the checks YamlDocument::parse makes on its
/// YAML::Node tree: limits, duplicate keys (reported where first reached, an anchor's once), values that contain
/// themselves, the values aliases add. Problems of meaning wait until the whole text is read, so that a syntax
/// error later in the file comes first, as there.
class CompactTreeBuilder : public YAML::EventHandler {
public:
    /// Thrown at the first value past limits::MaxYamlNodes, to stop the parser there.
    struct LimitCrossed {
        YAML::Mark mark;
    };

    CompactTreeBuilder(CompactDocument &out, const QString &path)
        : m_out(out)
        , m_tree(out.tree)
        , m_path(path) {}

    const std::optional<Error> &problem() const { return m_problem; }
    bool hasAliases() const { return m_hasAliases; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
        const Index node = add(mark, CompactTree::Kind::Null, std::string(), YAML::EmitterStyle::Default);
        remember(anchor, node, 1);
        place(node, 1);
    }
    void OnAlias(const YAML::Mark &, YAML::anchor_t anchor) override {
        m_hasAliases = true;
        const Anchor target = m_anchors.at(anchor);
        if (target.open) {
            m_rootValueContainsItself = true;
            return place(target.node, 0);
        }
        // An alias to a mapping or sequence stands for all its values once more; to a scalar, for one value, as
        // any scalar written in the text.
        const CompactTree::Kind kind = m_tree.kind(target.node);
        if (kind == CompactTree::Kind::Map || kind == CompactTree::Kind::Sequence)
            m_aliasValues = saturatedSum(m_aliasValues, target.extent);
        place(target.node, target.extent);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override {
        const Index node = add(mark, CompactTree::Kind::Scalar, tag, YAML::EmitterStyle::Default);
        CompactTree::Node &n = m_tree.m_nodes[node];
        n.first = quint32(m_tree.m_text.size());
        n.count = quint32(value.size());
        m_tree.m_text.append(value);
        remember(anchor, node, 1);
        place(node, 1);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(add(mark, CompactTree::Kind::Sequence, tag, style), anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(add(mark, CompactTree::Kind::Map, tag, style), anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Anchor {
        Index node = 0;
        qint64 extent = 0; ///< values it stands for, aliases expanded
        bool open = false; ///< a mapping or sequence not yet ended
    };
    struct Open {
        Index node;
        std::size_t firstPending; ///< where its children start in m_pending
        YAML::anchor_t anchor;
        qint64 extent = 1;
        quint32 placed = 0; ///< children so far (in a mapping: keys and values)
        Index lastKey = CompactTree::Invalid;
        IndexSet keys; ///< of a mapping, to find a repeated one
    };

    Index add(const YAML::Mark &mark, CompactTree::Kind kind, const std::string &tag, YAML::EmitterStyle::value style) {
        if (++m_values > limits::MaxYamlNodes)
            throw LimitCrossed{mark};
        CompactTree::Node node{};
        node.kind = quint32(kind);
        node.style = quint32(style);
        node.tag = m_tree.tagIndex(tag);
        node.line = mark.line;
        node.column = mark.column;
        m_tree.m_nodes.push_back(node);
        return Index(m_tree.m_nodes.size() - 1);
    }

    void remember(YAML::anchor_t anchor, Index node, qint64 extent) {
        if (anchor == YAML::NullAnchor)
            return;
        if (m_anchors.size() <= anchor)
            m_anchors.resize(anchor + 1);
        m_anchors[anchor] = {node, extent, false};
    }

    void open(Index node, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            remember(anchor, node, 0);
            m_anchors[anchor].open = true;
        }
        m_open.push_back({node, m_pending.size(), anchor, 1, 0, CompactTree::Invalid, {}});
    }

    void close() {
        Open done = std::move(m_open.back());
        m_open.pop_back();
        CompactTree::Node &node = m_tree.m_nodes[done.node];
        node.first = quint32(m_tree.m_children.size());
        node.count = quint32(m_pending.size() - done.firstPending);
        m_tree.m_children.insert(m_tree.m_children.end(), m_pending.cbegin() + qsizetype(done.firstPending),
                                 m_pending.cend());
        m_pending.resize(done.firstPending);
        if (done.anchor != YAML::NullAnchor)
            m_anchors[done.anchor] = {done.node, done.extent, false};
        place(done.node, done.extent);
    }

    /// A finished value takes its place in the collection around it (or becomes the document).
    void place(Index node, qint64 extent) {
        if (m_open.empty())
            return placeRoot(node);
        Open &parent = m_open.back();
        const bool isMap = m_tree.isMap(parent.node);
        const bool isKey = isMap && parent.placed % 2 == 0;
        if (isKey)
            placeKey(parent, node);
        m_pending.push_back(node);
        ++parent.placed;
        parent.extent = saturatedSum(parent.extent, extent);
        if (isMap && !isKey && m_open.size() == 1)
            rootValueRead(parent.lastKey);
    }

    void placeRoot(Index node) {
        if (m_tree.isNull(node))
            return; // empty, or comments only: no variables
        if (!m_tree.isMap(node))
            return fail(node, {},
                        QCoreApplication::translate("Yaml", "Expected a mapping of variables (key: value) at the top "
                                                            "of the file."));
        m_out.root = node;
    }

    void placeKey(Open &map, Index key) {
        map.lastKey = key;
        const bool atTop = m_open.size() == 1;
        if (atTop && !m_tree.isScalar(key))
            return fail(key, {}, QCoreApplication::translate("Yaml", "A variable name must be a plain text key."));
        if (!m_tree.isScalar(key) || (!atTop && m_tree.text(key).isEmpty()))
            return;
        const QByteArrayView text = m_tree.text(key);
        const Index first = map.keys.find(qHash(text), [&](Index earlier) { return m_tree.text(earlier) == text; });
        if (first == IndexSet::None) {
            map.keys.insert(key, [this](Index member) { return qHash(m_tree.text(member)); });
            return;
        }
        m_out.duplicates.append({pathOf(key), m_tree.line(first) + 1, m_tree.line(key) + 1});
        m_tree.m_nodes[map.node].duplicates = 1;
    }

    /// Checked key by key, as YamlDocument::parse does, so that a refusal names the key where it happens.
    void rootValueRead(Index key) {
        const QString name = m_tree.scalar(key);
        if (m_rootValueContainsItself)
            fail(key, name, QCoreApplication::translate("Yaml", "This value contains itself through an alias."));
        else if (m_aliasValues > limits::MaxAliasExpansion)
            fail(key, name,
                 QCoreApplication::translate("Yaml", "Aliases make this file stand for more than %1 values "
                                                     "beyond those written in it, the most Kubespray Wizard "
                                                     "reads; the limit is crossed at this key.")
                     .arg(limits::MaxAliasExpansion));
        m_rootValueContainsItself = false;
    }

    /// The dotted path of `key` in the mapping being read ("all.hosts.node1", "users[3].name").
    QString pathOf(Index key) const {
        QString path;
        for (std::size_t i = 0; i + 1 < m_open.size(); ++i) {
            const Open &level = m_open[i];
            if (m_tree.isMap(level.node)) {
                const bool insideKey = level.placed % 2 == 0;
                const QString name = insideKey ? QString() : m_tree.scalar(level.lastKey);
                path = path.isEmpty() ? name : path + QLatin1Char('.') + name;
            } else {
                path += QLatin1Char('[') + QString::number(level.placed) + QLatin1Char(']');
            }
        }
        const QString name = m_tree.scalar(key);
        return path.isEmpty() ? name : path + QLatin1Char('.') + name;
    }

    void fail(Index node, const QString &field, const QString &message) {
        if (!m_problem)
            m_problem = Error{{m_path, m_tree.line(node) + 1, m_tree.column(node) + 1}, field, message};
    }

    CompactDocument &m_out;
    CompactTree &m_tree;
    QString m_path;
    std::vector<Open> m_open;
    std::vector<Index> m_pending; // children of the open collections, innermost last
    std::vector<Anchor> m_anchors;
    qint64 m_values = 0;
    qint64 m_aliasValues = 0; ///< values that aliases to mappings and sequences add
    bool m_rootValueContainsItself = false;
    bool m_hasAliases = false;
    std::optional<Error> m_problem;
};

Expected<CompactDocument> CompactDocument::parse(const QByteArray &bytes, const QString &path) {
    if (auto refusal = fileSizeRefusal(bytes, path))
        return *refusal;
    CompactDocument document;
    // Room for as many values as the text could hold, so that the arrays never move while they grow. Only the
    // part written takes memory: the rest is address space that the system backs with pages on first use.
    document.tree.reserve(std::min<qint64>(bytes.size(), limits::MaxYamlNodes) + 1, bytes.size());
    try {
        ViewBuffer buffer(bytes);
        std::istream stream(&buffer);
        YAML::Parser parser(stream);
        CompactTreeBuilder builder(document, path);
        parser.HandleNextDocument(builder); // only the first document, as YAML::Load
        if (builder.problem())
            return *builder.problem();
        document.hasAliases = builder.hasAliases();
    } catch (const CompactTreeBuilder::LimitCrossed &crossed) {
        return Error{{path, crossed.mark.line + 1, crossed.mark.column + 1},
                     {},
                     QCoreApplication::translate("Yaml", "This file holds more than %1 YAML values, the most Kubespray "
                                                         "Wizard reads from one file; the limit is crossed here.")
                         .arg(limits::MaxYamlNodes)};
    } catch (const YAML::DeepRecursion &) {
        // yaml-cpp marks the end of the line; the place worth showing is where the nesting gets deepest.
        return Error{deepestNesting(path, bytes),
                     {},
                     QCoreApplication::translate("Yaml", "This value is nested too deeply to be read (Ansible "
                                                         "cannot read it either).")};
    } catch (const YAML::Exception &e) {
        const SourceLocation where =
            e.mark.is_null() ? SourceLocation{path, 0, 0} : SourceLocation{path, e.mark.line + 1, e.mark.column + 1};
        return Error{
            where,
            {},
            QCoreApplication::translate("Yaml", "This is not valid YAML: %1").arg(QString::fromStdString(e.msg))};
    }
    return document;
}

} // namespace ksw::yaml
