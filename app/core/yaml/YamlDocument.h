// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace ksw {

/// One YAML file of variables (a mapping at the top), as bytes and as parsed values.
/// yaml-cpp validates and gives values; positions of top-level keys come from its key marks, which
/// are reliable (unlike the marks of empty values, aliases and values after a BOM).
class YamlDocument {
public:
    struct Key {
        QString name;
        int line = 0;   ///< 1-based line of the key
        int column = 0; ///< 1-based column of the key
        YAML::Node value;
        bool innerDuplicates = false; ///< a mapping within the value (aliases included) repeats a key
    };

    /// A key that appears more than once in one mapping; Ansible keeps the last one.
    struct DuplicateKey {
        QString path; ///< dotted path of the key ("containerd_registries_mirrors" or "all.hosts.node1")
        int firstLine = 0;
        int line = 0; ///< the occurrence that wins
    };

    /// Reads and parses `path`. An empty file, or one holding only comments, is an empty mapping.
    static Expected<YamlDocument> load(const QString &path);
    /// Parses `bytes` as if read from `path` (which is only used in messages). What Ansible refuses to read is
    /// refused, naming line and column (yaml/YamlAnsibleRules.h lists what yaml-cpp alone would accept).
    static Expected<YamlDocument> parse(const QByteArray &bytes, const QString &path);

    QString path() const { return m_path; }
    const QByteArray &bytes() const { return m_bytes; }

    /// The top-level keys in document order, duplicates included.
    const QList<Key> &keys() const { return m_keys; }
    /// The top-level key as Ansible sees it (the last occurrence), with duplicates resolved inside its value.
    std::optional<Key> value(const QString &name) const;
    /// Duplicate keys at any depth.
    const QList<DuplicateKey> &duplicates() const { return m_duplicates; }

    /// How setValue() placed the key.
    enum class Placement { Unchanged, Replaced, EditedInside, ReplacedCommentedSample, Appended };

    /// Sets the top-level key `name` to `value` by editing the text, never by re-emitting the file:
    /// - in a live key (the last, if it is duplicated) only what differs changes: items and keys inside the value
    ///   are appended, replaced or removed one by one, a changed scalar alone is rewritten, and everything equal
    ///   keeps its bytes (yaml::editValueInside() says how, and when it replaces a node whole instead);
    /// - where the value's text cannot be followed, exactly the lines of the value are replaced; comment and
    ///   blank lines leading into the next key and a trailing "# comment" on the key's line stay;
    /// - a key that exists only as a commented sample ("# name:" and its more deeply indented commented
    ///   lines) is written in place of that sample;
    /// - otherwise it is appended at the end.
    /// Every other byte stays as it was (CRLF, BOM, tabs, non-ASCII comments, markers, a missing final newline).
    /// The new text is parsed again: the key must read back as `value` (types as YAML 1.1 reads them) and
    /// every other key as before, else nothing changes. Refused, changing nothing: a flow-style root, a value
    /// holding an anchor used elsewhere, a merge key in or on the edited key.
    Expected<Placement> setValue(const QString &name, const YAML::Node &value);

private:
    /// New bytes for one setValue(), the placement they make and the line to name if they are refused.
    struct Edit {
        QByteArray bytes;
        Placement placement = Placement::Unchanged;
        int line = 0;
    };

    Error refusal(int line, const QString &name, const QString &message) const;
    /// Fills m_keys and m_duplicates from the parsed top-level mapping; the refusal, if Ansible would refuse it.
    std::optional<Error> readKeys(const YAML::Node &root);
    const Key *lastOccurrence(const QString &name) const;
    /// The value replaced as a whole (or written in place of its commented sample, or appended).
    Expected<Edit> wholeValueEdit(const QString &name, const YAML::Node &value) const;
    /// Why the value of `live`, whose text is `span`, must not be edited (merge keys, shared anchors), if it must not.
    std::optional<Error> editRefusal(const Key &live, const QByteArray &span) const;
    /// The document that `edit` makes, when `name` reads back as `value` and every other key as before.
    Expected<YamlDocument> checkedEdit(const Edit &edit, const QString &name, const YAML::Node &value) const;

    QString m_path;
    QByteArray m_bytes;
    QList<Key> m_keys;
    QList<DuplicateKey> m_duplicates;
};

/// A copy of `node` in which every mapping keeps only the last of duplicate keys, as Ansible does.
YAML::Node resolveDuplicateKeys(const YAML::Node &node);

} // namespace ksw
