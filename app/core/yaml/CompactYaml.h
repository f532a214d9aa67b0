// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"
#include "util/IndexSet.h"
#include "yaml/YamlDocument.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ksw::yaml {

/// YAML values in flat arrays: 20 bytes per value plus its text, where a YAML::Node costs a few hundred bytes.
/// An alias is the very node of its anchor, as in a tree from YAML::Load, so a value may be reached from several
/// places; values become YAML::Nodes only when asked for (toNode).
class CompactTree {
public:
    using Index = quint32;
    enum class Kind : quint8 { Null, Scalar, Sequence, Map };

    Kind kind(Index node) const { return static_cast<Kind>(m_nodes[node].kind); }
    bool isScalar(Index node) const { return kind(node) == Kind::Scalar; }
    bool isMap(Index node) const { return kind(node) == Kind::Map; }
    bool isNull(Index node) const { return kind(node) == Kind::Null; }
    /// The text of a scalar (empty for anything else), as UTF-8.
    QByteArrayView text(Index node) const;
    /// The text of a scalar, or `fallback` for anything else (YAML::Node::as<std::string>(fallback)).
    QString scalar(Index node, const QString &fallback = {}) const;
    /// Where the value starts, 0-based as YAML::Mark (line, column).
    int line(Index node) const { return m_nodes[node].line; }
    int column(Index node) const { return m_nodes[node].column; }

    /// Sequence items, or a mapping's keys and values in turn (key 0, value 0, key 1, ...), in document order.
    qsizetype childCount(Index node) const;
    Index child(Index node, qsizetype i) const { return m_children[m_nodes[node].first + i]; }

    /// The value as a YAML::Node, with duplicate keys resolved as Ansible resolves them (the last one wins, in
    /// the place of the first). Each use of an alias is a copy, as resolveDuplicateKeys() makes; marks are null.
    YAML::Node toNode(Index node) const;

    /// Copies `node` of `other` (and everything it holds) into this tree. `copied`, when given, maps indices of
    /// `other` to indices here (Invalid: not yet copied), so that a value reached from several places (through
    /// aliases) is copied once and stays shared.
    Index copy(const CompactTree &other, Index node, std::vector<Index> *copied);
    static constexpr Index Invalid = ~Index(0);

    /// Adds a scalar holding `text` (no mark, plain tag).
    Index addScalar(QByteArrayView text);
    /// From now on, scalars and nulls that copy() and addScalar() add are stored once for each text and tag:
    /// a value repeated for every host (ansible_user: ubuntu, an address in ip and access_ip) costs one node.
    void shareEqualLeaves() { m_shareLeaves = true; }
    qsizetype size() const { return static_cast<qsizetype>(m_nodes.size()); }
    /// Makes room for `values` and `textBytes` of scalar text up front.
    void reserve(qsizetype values, qsizetype textBytes);
    /// Gives back the room reserved or grown beyond what is used.
    void squeeze();

private:
    friend class CompactTreeBuilder;

    struct Node {
        quint32 kind : 2;
        quint32 style : 2;      ///< YAML::EmitterStyle of a collection
        quint32 duplicates : 1; ///< a mapping that repeats a key
        quint32 tag : 27;       ///< index in m_tags
        qint32 line;
        qint32 column;
        quint32 first; ///< scalar: offset in m_text; collection: offset in m_children
        quint32 count; ///< scalar: bytes of text; collection: children (a mapping: two per entry)
    };
    static_assert(sizeof(Node) == 20);

    quint32 tagIndex(const std::string &tag);
    Index addLeaf(Kind kind, quint32 tag, QByteArrayView text);
    YAML::Node toNode(Index node, int depth) const;

    std::vector<Node> m_nodes;
    std::vector<Index> m_children;
    std::string m_text;
    std::vector<std::string> m_tags{"?", "!", ""};       // yaml-cpp's plain and quoted scalars, and no tag
    std::unordered_map<std::string, quint32> m_tagIndex; // the other tags
    bool m_shareLeaves = false;
    IndexSet m_leaves; // with m_shareLeaves: the scalars and nulls, by text and tag
};

/// A YAML file of variables read into a CompactTree with the checks, limits and messages of YamlDocument::parse
/// (only the first document; a mapping at the top; plain text keys there; limits::MaxYamlNodes,
/// limits::MaxAliasExpansion and values that contain themselves refused; duplicate keys at any depth reported),
/// from yaml-cpp's parser events, without a YAML::Node tree.
struct CompactDocument {
    CompactTree tree;
    std::optional<CompactTree::Index> root; ///< the mapping at the top; none for an empty file
    QList<YamlDocument::DuplicateKey> duplicates;
    bool hasAliases = false; ///< some value is reached from more than one place

    static Expected<CompactDocument> parse(const QByteArray &bytes, const QString &path);
};

} // namespace ksw::yaml
