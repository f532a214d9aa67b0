// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"
#include "util/IndexSet.h"
#include "yaml/YamlDocument.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <memory>
#include <vector>

namespace ksw {

namespace detail {
struct HostsFileValues;
}

/// A variable set in the hosts file itself (inline host vars, `vars:` or `[group:vars]`).
struct InlineVariable {
    YAML::Node value;
    int line = 0;
};

/// The variables the hosts file sets for one host or group, each name once (a later setting replaces an earlier
/// one, as in Ansible), in name order. Values are kept compactly (the YAML value, or the text of an INI value)
/// and become YAML::Nodes only when asked for.
class InlineVariables {
public:
    class const_iterator;

    bool contains(const QString &name) const { return find(name) != m_entries.cend(); }
    /// The variable, or an empty one (an undefined value, line 0) when it is not set.
    InlineVariable value(const QString &name) const;
    QStringList keys() const;
    qsizetype size() const { return static_cast<qsizetype>(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    const_iterator cbegin() const;
    const_iterator cend() const;
    const_iterator begin() const;
    const_iterator end() const;

    /// Where a value is kept: a value of the hosts file's own YAML, or the text of an INI value (typed as
    /// Ansible's INI plugin types it when asked for).
    struct Value {
        quint32 index = 0;
        bool iniText = false;
    };
    /// Sets the variable `name` (an index into the names of `values`), replacing an earlier setting.
    void set(const std::shared_ptr<const detail::HostsFileValues> &values, quint32 name, int line, Value value);
    /// Makes room for `count` variables in all.
    void reserve(qsizetype count) { m_entries.reserve(std::size_t(count)); }
    /// Gives back room reserved for more variables.
    void squeeze() { m_entries.shrink_to_fit(); }

private:
    struct Entry {
        quint32 name;
        qint32 line;
        quint32 value : 31;
        quint32 iniText : 1;
    };
    std::vector<Entry>::const_iterator find(const QString &name) const;
    const QString &nameOf(const Entry &entry) const;
    InlineVariable variable(const Entry &entry) const;

    std::shared_ptr<const detail::HostsFileValues> m_values; // null until a variable is set
    std::vector<Entry> m_entries;                            // sorted by name
};

class InlineVariables::const_iterator {
public:
    QString key() const { return m_owner->nameOf(*m_entry); }
    InlineVariable value() const { return m_owner->variable(*m_entry); }
    InlineVariable operator*() const { return value(); }
    /// `it->value`: the variable, made for this access.
    struct Arrow {
        InlineVariable variable;
        const InlineVariable *operator->() const { return &variable; }
    };
    Arrow operator->() const { return {value()}; }
    const_iterator &operator++() {
        ++m_entry;
        return *this;
    }
    bool operator==(const const_iterator &other) const { return m_entry == other.m_entry; }
    bool operator!=(const const_iterator &other) const { return m_entry != other.m_entry; }

private:
    friend class InlineVariables;
    const_iterator(const InlineVariables *owner, std::vector<Entry>::const_iterator entry)
        : m_owner(owner)
        , m_entry(entry) {}
    const InlineVariables *m_owner;
    std::vector<Entry>::const_iterator m_entry;
};

struct InventoryHost {
    QString name;
    int line = 0; ///< where the host is first declared
    InlineVariables vars;
};

struct InventoryGroup {
    QString name;
    int line = 0;
    QStringList hosts;    ///< direct members
    QStringList children; ///< child groups
    InlineVariables vars;
};

/// The hosts of a hosts file by name, in the order they were first declared: a flat list and an index of
/// positions, where a map would add a tree node and a copy of the name to each host.
class HostTable {
public:
    /// The host called `name`, or an empty host (no name) when there is none.
    const InventoryHost &value(const QString &name) const;
    bool contains(const QString &name) const { return position(name) != IndexSet::None; }
    qsizetype size() const { return static_cast<qsizetype>(m_hosts.size()); }

    /// The host called `name` and its position, added (declared at `line`) when it is new. The pointer is valid
    /// until the next host is added.
    std::pair<InventoryHost *, quint32> insert(const QString &name, int line);
    /// Gives back room reserved for more hosts and variables.
    void squeeze();

private:
    quint32 position(const QString &name) const;

    std::vector<InventoryHost> m_hosts;
    IndexSet m_index; // positions in m_hosts, by name
};

/// The hosts and groups of an Ansible hosts file (YAML or INI), as written.
struct HostsFile {
    enum class Format { Yaml, Ini };

    QString path;
    Format format = Format::Yaml;
    QStringList hostOrder;
    HostTable hosts;
    QMap<QString, InventoryGroup> groups;
    QList<YamlDocument::DuplicateKey> duplicates; ///< duplicate keys of a YAML hosts file

    /// Parses Ansible's YAML inventory format (all: hosts/children/vars, nested groups) from the YAML parser's
    /// events, with the checks and limits of YamlDocument::parse; memory stays a small multiple of the file.
    static Expected<HostsFile> parseYaml(const QByteArray &bytes, const QString &path);
    /// Parses Ansible's INI inventory format ([group], [group:vars], [group:children], host ranges a[1:3]).
    static Expected<HostsFile> parseIni(const QByteArray &bytes, const QString &path);
};

} // namespace ksw
