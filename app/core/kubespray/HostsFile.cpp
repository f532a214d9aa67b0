// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/HostsFile.h"

#include "kubespray/GroupLinks.h"
#include "kubespray/HostPattern.h"

#include "util/InputLimits.h"
#include "yaml/CompactYaml.h"
#include "yaml/YamlAnsibleRules.h"
#include "yaml/YamlDocument.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ksw {

namespace detail {

/// The variables of one hosts file: their names, each once, and their values in one compact tree.
struct HostsFileValues {
    QStringList names;
    yaml::CompactTree values;
};

} // namespace detail

namespace {

using Index = yaml::CompactTree::Index;

YAML::Node iniValue(const QString &text);

/// Fills a HostsFile: each host and group once, members and children once per group, variable names once, every
/// value in one compact store.
class HostsBuilder {
public:
    explicit HostsBuilder(HostsFile &out)
        : m_out(out)
        , m_values(std::make_shared<detail::HostsFileValues>()) {
        m_values->values.shareEqualLeaves();
    }

    InventoryGroup &group(const QString &name) {
        InventoryGroup &group = m_out.groups[name];
        group.name = name;
        return group;
    }

    /// Why the host `name` cannot be added, as Ansible's add_host refuses an empty name, and past the limits.
    std::optional<QString> refusal(const QString &name) const {
        if (name.isEmpty())
            return QCoreApplication::translate("Inventory", "A host name must not be empty (Ansible: “Invalid empty "
                                                            "host name provided”).");
        if (m_out.hosts.contains(name))
            return std::nullopt;
        if (m_out.hosts.size() >= limits::MaxHosts)
            return tooManyHostsMessage();
        if (m_hostNameCharacters + name.size() > limits::MaxHostNameCharacters)
            return hostNamesTooLongMessage();
        return std::nullopt;
    }

    /// The host `name` (which refusal() accepts), a member of `group` from now on; declared at `line` when it is
    /// new. Valid until the next host is added.
    InventoryHost *addHost(InventoryGroup &group, const QString &name, int line) {
        const auto [host, index] = m_out.hosts.insert(name, line);
        if (m_out.hostOrder.size() < m_out.hosts.size()) {
            m_out.hostOrder.append(host->name);
            m_hostNameCharacters += name.size();
        }
        // A set beside each list: node[1:100000] would otherwise search the list for every name it adds.
        QSet<quint32> &members = m_members[group.name];
        if (!members.contains(index)) {
            members.insert(index);
            group.hosts.append(host->name);
        }
        return host;
    }

    void addChild(InventoryGroup &group, const QString &child) {
        QSet<QString> &children = m_children[group.name];
        if (!children.contains(child)) {
            children.insert(child);
            group.children.append(child);
        }
    }

    /// The index of a variable's name (UTF-8), each name stored once. Looked up by its bytes: the names of the
    /// YAML file's tree need no QString each.
    quint32 variableName(QByteArrayView utf8) {
        const quint32 found = m_nameIndex.find(qHash(utf8), [&](quint32 name) { return m_nameBytes.at(name) == utf8; });
        if (found != IndexSet::None)
            return found;
        m_values->names.append(QString::fromUtf8(utf8));
        m_nameBytes.append(utf8.toByteArray());
        const auto added = quint32(m_nameBytes.size() - 1);
        m_nameIndex.insert(added, [this](quint32 name) { return qHash(QByteArrayView(m_nameBytes.at(name))); });
        return added;
    }
    quint32 variableName(const QString &name) { return variableName(QByteArrayView(name.toUtf8())); }

    /// A value of the hosts file's YAML, copied into the store (once, however many hosts or aliases share it).
    InlineVariables::Value yamlValue(const yaml::CompactDocument &document, Index node) {
        return {m_values->values.copy(document.tree, node, document.hasAliases ? &m_copied : nullptr), false};
    }
    /// The text of an INI value, typed when asked for.
    InlineVariables::Value iniText(const QString &text) { return {m_values->values.addScalar(text.toUtf8()), true}; }

    void set(InlineVariables &vars, quint32 name, int line, InlineVariables::Value value) {
        vars.set(m_values, name, line, value);
    }

    /// Gives back what was reserved for growth, once everything is read.
    void finish() {
        m_out.hosts.squeeze();
        m_out.hostOrder.squeeze();
        for (InventoryGroup &group : m_out.groups) {
            group.hosts.squeeze();
            group.vars.squeeze();
        }
        m_values->values.squeeze();
    }

private:
    HostsFile &m_out;
    std::shared_ptr<detail::HostsFileValues> m_values;
    QList<QByteArray> m_nameBytes; // the names in UTF-8, by index
    IndexSet m_nameIndex;
    QHash<QString, QSet<quint32>> m_members;
    QHash<QString, QSet<QString>> m_children;
    std::vector<Index> m_copied; // store index of each value of the file's tree already copied
    qint64 m_hostNameCharacters = 0;
};

// ---- YAML ------------------------------------------------------------------------------------------

/// Reads the groups of a YAML hosts file from its compact tree, with the checks and messages Ansible's YAML
/// inventory plugin needs. An alias is the node of its anchor: a group, host or variable may be written once and
/// used in several places, as in Ansible.
class YamlHostsReader {
public:
    YamlHostsReader(HostsBuilder &builder, const yaml::CompactDocument &document, const QString &path)
        : m_builder(builder)
        , m_document(document)
        , m_tree(document.tree)
        , m_path(path) {}

    /// `nameKey` is where the group is named; for a group at the top, `line` is 0 (the caller sets its line).
    std::optional<Error> readGroup(const QString &name, Index nameKey, int line, Index body) {
        m_links.declare(name, locationOf(nameKey));
        InventoryGroup &group = m_builder.group(name);
        if (group.line == 0)
            group.line = line;
        if (m_tree.isNull(body))
            return std::nullopt;
        if (!m_tree.isMap(body))
            return error(
                body, name,
                QCoreApplication::translate("Inventory", "A group must be a mapping with hosts, children or vars."));
        for (qsizetype i = 0; i < m_tree.childCount(body); i += 2) {
            const Index key = m_tree.child(body, i);
            const Index value = m_tree.child(body, i + 1);
            const QString section = m_tree.scalar(key);
            std::optional<Error> problem;
            if (section == u"hosts")
                problem = readHosts(group, value);
            else if (section == u"children")
                problem = readChildren(group, value);
            else if (section == u"vars")
                problem = readVars(group, value);
            else
                problem = error(key, name + QLatin1Char('.') + section,
                                QCoreApplication::translate(
                                    "Inventory", "Unknown key in a group: only hosts, children and vars are allowed."));
            if (problem)
                return problem;
        }
        return std::nullopt;
    }

    /// The refusal to give for `problem`: Ansible meets a loop of groups made before it first.
    Error firstOf(const Error &problem) const { return m_links.firstLoop().value_or(problem); }
    /// Ansible's refusal of a loop of groups, once every group is read.
    std::optional<Error> loop() const {
        if (auto loop = m_links.firstLoop())
            return loop;
        return m_links.loopThroughAll();
    }

private:
    std::optional<Error> readHosts(InventoryGroup &group, Index hosts) {
        if (m_tree.isNull(hosts))
            return std::nullopt;
        if (!m_tree.isMap(hosts))
            return error(hosts, group.name + QStringLiteral(".hosts"),
                         QCoreApplication::translate("Inventory", "“hosts” must be a mapping of host names."));
        for (qsizetype i = 0; i < m_tree.childCount(hosts); i += 2) {
            if (auto problem = readHost(group, m_tree.child(hosts, i), m_tree.child(hosts, i + 1)))
                return problem;
        }
        return std::nullopt;
    }

    std::optional<Error> readChildren(InventoryGroup &group, Index children) {
        if (m_tree.isNull(children))
            return std::nullopt;
        if (!m_tree.isMap(children))
            return error(children, group.name + QStringLiteral(".children"),
                         QCoreApplication::translate("Inventory", "“children” must be a mapping of group names."));
        for (qsizetype i = 0; i < m_tree.childCount(children); i += 2) {
            const Index key = m_tree.child(children, i);
            const QString childName = m_tree.scalar(key);
            m_builder.addChild(group, childName);
            if (auto problem = readGroup(childName, key, m_tree.line(key) + 1, m_tree.child(children, i + 1)))
                return problem;
            m_links.link(group.name, childName, locationOf(key)); // as Ansible: once the child is read
        }
        return std::nullopt;
    }

    std::optional<Error> readVars(InventoryGroup &group, Index vars) {
        if (m_tree.isNull(vars))
            return std::nullopt;
        if (!m_tree.isMap(vars))
            return error(vars, group.name + QStringLiteral(".vars"),
                         QCoreApplication::translate("Inventory", "“vars” must be a mapping."));
        for (qsizetype i = 0; i < m_tree.childCount(vars); i += 2) {
            const Index key = m_tree.child(vars, i);
            m_builder.set(group.vars, m_builder.variableName(m_tree.text(key)), m_tree.line(key) + 1,
                          m_builder.yamlValue(m_document, m_tree.child(vars, i + 1)));
        }
        return std::nullopt;
    }

    std::optional<Error> readHost(InventoryGroup &group, Index key, Index body) {
        // Ansible's YAML plugin expands keys like "node[1:3]" and "node9:2222" just as its INI plugin does.
        const auto parsed = HostPattern::parse(m_tree.scalar(key), locationOf(key));
        if (!parsed)
            return parsed.error();
        const HostPattern &pattern = *parsed;
        if (!m_tree.isNull(body) && !m_tree.isMap(body))
            return error(
                body, pattern.names.value(0),
                QCoreApplication::translate("Inventory", "A host entry must be a mapping of variables, or empty."));
        const int line = m_tree.line(key) + 1;
        // The port of the pattern first, so that an explicit ansible_port in the body wins, as in Ansible. Each
        // value is stored once for all the hosts of the pattern.
        m_hostVars.clear();
        if (!pattern.port.isEmpty())
            m_hostVars.push_back(
                {m_builder.variableName(QStringLiteral("ansible_port")), line, m_builder.iniText(pattern.port)});
        for (qsizetype i = 0; i < m_tree.childCount(body); i += 2) {
            const Index name = m_tree.child(body, i);
            m_hostVars.push_back({m_builder.variableName(m_tree.text(name)), m_tree.line(name) + 1,
                                  m_builder.yamlValue(m_document, m_tree.child(body, i + 1))});
        }
        for (const QString &name : pattern.names) {
            if (auto refusal = m_builder.refusal(name))
                return Error{locationOf(key), name, *refusal};
            InventoryHost *host = m_builder.addHost(group, name, line);
            host->vars.reserve(host->vars.size() + qsizetype(m_hostVars.size()));
            for (const HostVariable &variable : m_hostVars)
                m_builder.set(host->vars, variable.name, variable.line, variable.value);
        }
        return std::nullopt;
    }

    SourceLocation locationOf(Index node) const { return {m_path, m_tree.line(node) + 1, m_tree.column(node) + 1}; }

    Error error(Index node, const QString &field, const QString &message) const {
        return Error{locationOf(node), field, message};
    }

    struct HostVariable {
        quint32 name;
        int line;
        InlineVariables::Value value;
    };

    HostsBuilder &m_builder;
    const yaml::CompactDocument &m_document;
    const yaml::CompactTree &m_tree;
    QString m_path;
    std::vector<HostVariable> m_hostVars; // of the host entry being read
    GroupLinks m_links;
};

// ---- INI -------------------------------------------------------------------------------------------

/// A line split into words as Python's shlex.split(line, comments=True) splits it (POSIX mode, as Ansible's INI
/// plugin reads host lines): quotes group and are dropped, a backslash escapes (inside double quotes only before
/// '"' and '\'), '#' ends the line; only space, tab, CR and LF separate words.
struct ShellWords {
    QStringList words;
    QList<qsizetype> starts; ///< where each word starts in the line
    qsizetype errorAt = -1;  ///< where shlex fails: a quote never closed, a backslash at the end
    bool unclosedQuote = false;
};

ShellWords shellSplit(const QString &line) {
    ShellWords out;
    enum class State { Between, Word, Quote, Escape } state = State::Between;
    State escapedFrom = State::Word;
    QChar quote;
    QString token;
    bool quoted = false;
    qsizetype start = 0;
    const auto endWord = [&] {
        if (!token.isEmpty() || quoted) {
            out.words.append(token);
            out.starts.append(start);
        }
        token.clear();
        quoted = false;
    };
    const auto isSeparator = [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (state) {
        case State::Between:
        case State::Word:
            if (isSeparator(c) || c == u'#') {
                if (state == State::Word)
                    endWord();
                state = State::Between;
                if (c == u'#')
                    return out;
                continue;
            }
            if (state == State::Between)
                start = i;
            if (c == u'"' || c == u'\'') {
                quote = c;
                state = State::Quote;
                out.errorAt = i;
            } else if (c == u'\\') {
                escapedFrom = State::Word;
                state = State::Escape;
                out.errorAt = i;
            } else {
                token += c;
                state = State::Word;
            }
            break;
        case State::Quote:
            quoted = true;
            if (c == quote) {
                state = State::Word;
            } else if (c == u'\\' && quote == u'"') {
                escapedFrom = State::Quote;
                state = State::Escape;
                out.errorAt = i;
            } else {
                token += c;
            }
            break;
        case State::Escape:
            if (escapedFrom == State::Quote && c != quote && c != u'\\')
                token += u'\\'; // inside quotes, only the quote and the backslash itself can be escaped
            token += c;
            state = escapedFrom;
            break;
        }
    }
    if (state == State::Quote || state == State::Escape) {
        out.unclosedQuote = state == State::Quote;
        return out;
    }
    endWord();
    out.errorAt = -1;
    return out;
}

/// True when `text` has '&' or '*' outside quotes. YAML would read an anchor or an alias there (and nested aliases
/// on one line can stand for billions of values); Python's ast.literal_eval refuses both, so Ansible keeps the text.
bool hasUnquotedAnchorOrAlias(const QString &text) {
    QChar quote;
    for (const QChar c : text) {
        if (!quote.isNull())
            quote = c == quote ? QChar() : quote;
        else if (c == u'"' || c == u'\'')
            quote = c;
        else if (c == u'&' || c == u'*')
            return true;
    }
    return false;
}

/// An INI value as Ansible's INI plugin reads it: ast.literal_eval of the text, else the text itself. So Python
/// literals are typed (True/False, None, integers, floats, quoted strings, lists, dicts) and the rest are strings;
/// "true" is a string there, and quotes around a [group:vars] value are not part of it.
YAML::Node iniValue(const QString &text) {
    if (text == u"True" || text == u"False")
        return YAML::Node(text == u"True");
    if (text == u"None")
        return YAML::Node(YAML::NodeType::Null);
    // Python 3 refuses leading zeros, so "010" stays the string "010".
    static const QRegularExpression integer(QStringLiteral("^[-+]?(?:0|[1-9][0-9]*)$"));
    if (integer.match(text).hasMatch())
        return YAML::Node(text.toLongLong());
    static const QRegularExpression floating(
        QStringLiteral("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"));
    if (floating.match(text).hasMatch())
        return YAML::Node(text.toStdString()); // untagged: YAML 1.1 types it as the float it is
    if (text.size() >= 2 && (text.front() == u'"' || text.front() == u'\'') && text.back() == text.front()) {
        YAML::Node node(text.mid(1, text.size() - 2).toStdString());
        node.SetTag("!");
        return node;
    }
    if ((text.startsWith(u'[') || text.startsWith(u'{')) && !hasUnquotedAnchorOrAlias(text)) {
        try {
            return YAML::Load(text.toStdString());
        } catch (const YAML::Exception &) {
        }
    }
    YAML::Node node(text.toStdString());
    node.SetTag("!"); // a string, whatever it looks like
    return node;
}

/// One line of the file as Python decodes it: a byte order mark stays part of the text (Ansible's INI plugin
/// keeps it, so "[group]" after one is no header), where QString::fromUtf8 would drop it.
QString decodeLine(QByteArrayView bytes) {
    static const QByteArrayView byteOrderMark("\xEF\xBB\xBF");
    if (bytes.startsWith(byteOrderMark))
        return QChar(0xFEFF) + QString::fromUtf8(bytes);
    return QString::fromUtf8(bytes);
}

/// Where Python's str.splitlines() breaks lines, besides "\n" and "\r\n".
bool isLineBreak(QChar c) {
    switch (c.unicode()) {
    case u'\r':
    case 0x0B:
    case 0x0C:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
        return true;
    default:
        return false;
    }
}

/// Reads an INI hosts file line by line as Ansible's INI inventory plugin does, with its refusals: the sections
/// and what each line of them may hold, the groups a [group:vars] or [group:children] section names before they
/// are declared (pending until their own section, refused if it never comes), the loops of groups.
class IniHostsReader {
public:
    IniHostsReader(HostsBuilder &builder, const QString &path)
        : m_builder(builder)
        , m_path(path) {}

    /// One line, numbered as Python numbers the lines of str.splitlines().
    std::optional<Error> read(const QString &raw, int number) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            return std::nullopt;
        const SourceLocation where{m_path, number, static_cast<int>(raw.indexOf(line.front())) + 1};
        static const QRegularExpression header(QStringLiteral("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$"),
                                               QRegularExpression::UseUnicodePropertiesOption);
        if (const auto match = header.match(line); match.hasMatch())
            return readHeader(match.captured(1), match.captured(2), where);
        if (line.startsWith(u'[') && line.endsWith(u']'))
            return Error{where,
                         {},
                         QCoreApplication::translate("Inventory", "This section header is not of the form [group], "
                                                                  "[group:vars] or [group:children].")};
        InventoryGroup &current = m_builder.group(m_group);
        switch (m_section) {
        case Section::Hosts:
            return readHosts(current, line, where);
        case Section::Vars:
            return readVariable(current, line, where);
        case Section::Children:
            return readChild(current, line, where);
        }
        return std::nullopt;
    }

    /// After the last line: groups still pending, then loops, as Ansible checks them.
    std::optional<Error> finish() const {
        if (auto loop = m_links.firstLoop())
            return loop;
        const Pending *first = nullptr;
        for (const Pending &pending : m_pending) {
            if (!first || pending.order < first->order)
                first = &pending;
        }
        if (first && first->kind == Section::Vars)
            return Error{first->where, first->name,
                         QCoreApplication::translate("Inventory", "[%1:vars] sets variables of a group that no "
                                                                  "[%1] or [%1:children] section declares; Ansible "
                                                                  "refuses that.")
                             .arg(first->name)};
        if (first)
            return Error{first->where, first->name,
                         QCoreApplication::translate("Inventory", "[%1:children] names the group “%2”, which no [%2] "
                                                                  "or [%2:children] section declares; Ansible refuses "
                                                                  "that.")
                             .arg(first->parents.last(), first->name)};
        return m_links.loopThroughAll();
    }

    /// The refusal to give for `problem`: Ansible meets a loop of groups made before it first.
    Error firstOf(const Error &problem) const { return m_links.firstLoop().value_or(problem); }

private:
    enum class Section { Hosts, Vars, Children };

    /// A group named before it is declared: by [group:vars], or as a child.
    struct Pending {
        QString name;
        Section kind;
        SourceLocation where;
        QStringList parents; ///< of a child, in the order they name it
        quint64 order;       ///< when it became pending (Python's dicts keep that order)
    };

    std::optional<Error> readHeader(const QString &group, const QString &kind, const SourceLocation &where) {
        if (kind == u"vars")
            m_section = Section::Vars;
        else if (kind == u"children")
            m_section = Section::Children;
        else if (kind.isEmpty())
            m_section = Section::Hosts;
        else
            return Error{
                where, group + QLatin1Char(':') + kind,
                QCoreApplication::translate("Inventory", "Unknown section kind: only :vars and :children exist.")};
        m_group = group;
        InventoryGroup &entry = m_builder.group(group);
        if (entry.line == 0)
            entry.line = where.line;
        if (!m_declared.contains(group)) {
            if (m_section == Section::Vars && !m_pending.contains(group))
                m_pending.insert(group, {group, Section::Vars, where, {}, m_pendingCount++});
            m_declared.insert(group);
            m_links.declare(group, where);
        }
        const auto pending = m_pending.constFind(group);
        if (pending == m_pending.cend() || m_section == Section::Vars)
            return std::nullopt;
        // Its own section at last: a child is linked under each group that named it, where Ansible links it.
        for (const QString &parent : pending->parents)
            m_links.link(parent, group, pending->where);
        m_pending.erase(pending);
        return std::nullopt;
    }

    std::optional<Error> readHosts(InventoryGroup &group, const QString &line, SourceLocation where) {
        const ShellWords split = shellSplit(line);
        const int lineStart = where.column - 1;
        if (split.errorAt >= 0)
            return Error{{m_path, where.line, lineStart + static_cast<int>(split.errorAt) + 1},
                         {},
                         split.unclosedQuote ? QCoreApplication::translate("Inventory", "A quote on this host line is "
                                                                                        "never closed.")
                                             : QCoreApplication::translate("Inventory", "This host line ends with a "
                                                                                        "backslash that escapes "
                                                                                        "nothing.")};
        if (split.words.isEmpty())
            return std::nullopt;
        const QString &patternText = split.words.at(0);
        const auto parsed = HostPattern::parse(patternText, where);
        if (!parsed)
            return parsed.error();
        if (auto refusal = iniPatternRefusal(patternText, *parsed))
            return Error{where, patternText, *refusal};
        // Variables after the pattern; an explicit ansible_port=… wins over "host:port", as in Ansible.
        std::vector<std::pair<quint32, InlineVariables::Value>> vars;
        const quint32 portName = m_builder.variableName(QStringLiteral("ansible_port"));
        if (!parsed->port.isEmpty())
            vars.push_back({portName, m_builder.iniText(parsed->port)});
        for (qsizetype w = 1; w < split.words.size(); ++w) {
            const QString &word = split.words.at(w);
            const qsizetype equals = word.indexOf(u'=');
            if (equals < 0)
                return Error{{m_path, where.line, lineStart + static_cast<int>(split.starts.at(w)) + 1},
                             patternText,
                             QCoreApplication::translate("Inventory", "Host variables must be written key=value.")};
            vars.push_back({m_builder.variableName(word.left(equals)), m_builder.iniText(word.mid(equals + 1))});
        }
        for (const QString &name : parsed->names) {
            if (auto refusal = m_builder.refusal(name))
                return Error{where, name, *refusal};
            InventoryHost *host = m_builder.addHost(group, name, where.line);
            for (const auto &[variable, value] : vars)
                m_builder.set(host->vars, variable, where.line, value);
        }
        return std::nullopt;
    }

    /// The checks Ansible's INI plugin adds to host patterns.
    static std::optional<QString> iniPatternRefusal(const QString &text, const HostPattern &pattern) {
        if (text.trimmed().endsWith(u':') && pattern.port.isEmpty())
            return QCoreApplication::translate("Inventory", "A host pattern must not end with “:”, which Ansible "
                                                            "keeps for a port (“host:2222”).");
        for (const QString &name : pattern.names) {
            if (name.trimmed() == u"---")
                return QCoreApplication::translate("Inventory", "“---” is no host: it starts a YAML document, and "
                                                                "Ansible refuses it in an INI hosts file (is this "
                                                                "file YAML?).");
        }
        return std::nullopt;
    }

    std::optional<Error> readVariable(InventoryGroup &group, const QString &line, const SourceLocation &where) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return Error{where, m_group + QStringLiteral(":vars"),
                         QCoreApplication::translate("Inventory", "Group variables must be written key=value.")};
        m_builder.set(group.vars, m_builder.variableName(line.left(equals).trimmed()), where.line,
                      m_builder.iniText(line.mid(equals + 1).trimmed()));
        return std::nullopt;
    }

    std::optional<Error> readChild(InventoryGroup &group, const QString &line, const SourceLocation &where) {
        static const QRegularExpression groupName(QStringLiteral("^([^:\\]\\s]+)\\s*(?:#.*)?$"),
                                                  QRegularExpression::UseUnicodePropertiesOption);
        const auto match = groupName.match(line);
        if (!match.hasMatch())
            return Error{where, m_group + QStringLiteral(":children"),
                         QCoreApplication::translate("Inventory", "“%1” is not a group name: each line of a "
                                                                  "[group:children] section names one group, without "
                                                                  "spaces, “:” or “]”.")
                             .arg(line)};
        const QString child = match.captured(1);
        m_builder.addChild(group, child);
        InventoryGroup &childGroup = m_builder.group(child);
        if (childGroup.line == 0)
            childGroup.line = where.line;
        if (m_declared.contains(child)) {
            m_links.link(m_group, child, where);
        } else if (const auto pending = m_pending.find(child); pending != m_pending.end()) {
            pending->parents.append(m_group);
        } else {
            m_pending.insert(child, {child, Section::Children, where, {m_group}, m_pendingCount++});
        }
        return std::nullopt;
    }

    HostsBuilder &m_builder;
    QString m_path;
    QString m_group = QStringLiteral("ungrouped");
    Section m_section = Section::Hosts;
    QSet<QString> m_declared{QStringLiteral("all"), QStringLiteral("ungrouped")}; // Ansible's inventory.groups
    QHash<QString, Pending> m_pending;
    quint64 m_pendingCount = 0;
    GroupLinks m_links;
};

} // namespace

// ---- InlineVariables and HostTable --------------------------------------------------------------------

InlineVariable InlineVariables::value(const QString &name) const {
    const auto found = find(name);
    return found == m_entries.cend() ? InlineVariable{} : variable(*found);
}

QStringList InlineVariables::keys() const {
    QStringList names;
    names.reserve(size());
    for (const Entry &entry : m_entries)
        names.append(nameOf(entry));
    return names;
}

InlineVariables::const_iterator InlineVariables::cbegin() const {
    return {this, m_entries.cbegin()};
}
InlineVariables::const_iterator InlineVariables::cend() const {
    return {this, m_entries.cend()};
}
InlineVariables::const_iterator InlineVariables::begin() const {
    return cbegin();
}
InlineVariables::const_iterator InlineVariables::end() const {
    return cend();
}

void InlineVariables::set(const std::shared_ptr<const detail::HostsFileValues> &values, quint32 name, int line,
                          Value value) {
    if (!m_values)
        m_values = values;
    const QString &newName = values->names.at(name);
    const auto place =
        std::lower_bound(m_entries.begin(), m_entries.end(), newName,
                         [this](const Entry &entry, const QString &text) { return nameOf(entry) < text; });
    const Entry entry{name, line, value.index, value.iniText ? 1u : 0u};
    if (place != m_entries.end() && place->name == name)
        *place = entry;
    else
        m_entries.insert(place, entry);
}

std::vector<InlineVariables::Entry>::const_iterator InlineVariables::find(const QString &name) const {
    const auto place =
        std::lower_bound(m_entries.cbegin(), m_entries.cend(), name,
                         [this](const Entry &entry, const QString &text) { return nameOf(entry) < text; });
    return place != m_entries.cend() && nameOf(*place) == name ? place : m_entries.cend();
}

const QString &InlineVariables::nameOf(const Entry &entry) const {
    return m_values->names.at(entry.name);
}

InlineVariable InlineVariables::variable(const Entry &entry) const {
    const yaml::CompactTree &store = m_values->values;
    return {entry.iniText ? iniValue(store.scalar(entry.value)) : store.toNode(entry.value), entry.line};
}

const InventoryHost &HostTable::value(const QString &name) const {
    static const InventoryHost none;
    const quint32 found = position(name);
    return found == IndexSet::None ? none : m_hosts[found];
}

quint32 HostTable::position(const QString &name) const {
    return m_index.find(qHash(name), [&](quint32 host) { return m_hosts[host].name == name; });
}

std::pair<InventoryHost *, quint32> HostTable::insert(const QString &name, int line) {
    const quint32 found = position(name);
    if (found != IndexSet::None)
        return {&m_hosts[found], found};
    m_hosts.push_back({name, line, {}});
    const auto added = quint32(m_hosts.size() - 1);
    m_index.insert(added, [this](quint32 host) { return qHash(m_hosts[host].name); });
    return {&m_hosts.back(), added};
}

void HostTable::squeeze() {
    m_hosts.shrink_to_fit();
    for (InventoryHost &host : m_hosts)
        host.vars.squeeze();
}

// ---- Parsers -------------------------------------------------------------------------------------------

Expected<HostsFile> HostsFile::parseYaml(const QByteArray &bytes, const QString &path) {
    // What Ansible's YAML reader refuses before any value is built, as YamlDocument::parse refuses it in vars files:
    // bytes that are not UTF-8 or not YAML's characters, and tokens its scanner refuses (a quote the file ends in,
    // a tab as indentation).
    const bool json = yaml::isJson(bytes);
    if (auto refusal = yaml::encodingRefusal(bytes, !json))
        return Error{{path, refusal->line, refusal->column}, {}, refusal->message};
    const std::optional<yaml::ReadRefusal> scanned =
        json ? std::nullopt : yaml::scannerRefusal(yaml::readerText(bytes));
    const auto document = yaml::CompactDocument::parse(bytes, path);
    if (!document) {
        const Error &error = document.error();
        if (!scanned || std::pair(error.where.line, error.where.column) < std::pair(scanned->line, scanned->column))
            return error;
    }
    if (scanned)
        return Error{{path, scanned->line, scanned->column},
                     {},
                     QCoreApplication::translate("Yaml", "This is not valid YAML: %1").arg(scanned->message)};
    HostsFile file;
    file.path = path;
    file.format = Format::Yaml;
    file.duplicates = document->duplicates;
    if (!document->root)
        return file;
    const yaml::CompactTree &tree = document->tree;
    HostsBuilder builder(file);
    YamlHostsReader reader(builder, *document, path);
    for (qsizetype i = 0; i < tree.childCount(*document->root); i += 2) {
        const Index key = tree.child(*document->root, i);
        const QString name = tree.scalar(key);
        if (auto problem = reader.readGroup(name, key, 0, tree.child(*document->root, i + 1)))
            return reader.firstOf(*problem);
        file.groups[name].line = tree.line(key) + 1;
    }
    if (auto loop = reader.loop())
        return *loop;
    builder.finish();
    return file;
}

Expected<HostsFile> HostsFile::parseIni(const QByteArray &bytes, const QString &path) {
    HostsFile file;
    file.path = path;
    file.format = Format::Ini;
    HostsBuilder builder(file);
    IniHostsReader reader(builder, path);
    // Line by line, as Python's str.splitlines() cuts the decoded file (a lone CR breaks a line too). Decoding the
    // whole file at once, and splitting that, would hold it three times over.
    int number = 0;
    for (qsizetype start = 0; start < bytes.size();) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        QString text = decodeLine(QByteArrayView(bytes).sliced(start, end - start));
        start = end + 1;
        if (text.endsWith(u'\r'))
            text.chop(1); // "\r\n" is one line break
        for (qsizetype from = 0; from <= text.size();) {
            qsizetype to = from;
            while (to < text.size() && !isLineBreak(text.at(to)))
                ++to;
            if (auto problem = reader.read(text.sliced(from, to - from), ++number))
                return reader.firstOf(*problem);
            from = to + 1;
        }
    }
    if (auto problem = reader.finish())
        return *problem;
    builder.finish();
    return file;
}

} // namespace ksw
