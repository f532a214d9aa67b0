// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/HostsFile.h"

#include "util/InputLimits.h"
#include "yaml/CompactYaml.h"
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

QString tooManyHosts();

/// What a host pattern of the hosts file stands for: the names, and the port it gives them.
struct HostPattern {
    QStringList names;
    QString port; ///< empty when the pattern names none
};

/// Expands a host pattern as Ansible's inventory plugins do (parse_address, then expand_hostname_range), or
/// gives Ansible's reason for refusing it. `error` names the place of the pattern.
Expected<HostPattern> parseHostPattern(const QString &pattern, const SourceLocation &where);

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

    /// The host `name`, a member of `group` from now on; declared at `line` when it is new. Null past
    /// limits::MaxHosts. Valid until the next host is added.
    InventoryHost *addHost(InventoryGroup &group, const QString &name, int line) {
        if (m_out.hosts.size() >= limits::MaxHosts && !m_out.hosts.contains(name))
            return nullptr;
        const auto [host, index] = m_out.hosts.insert(name, line);
        if (m_out.hostOrder.size() < m_out.hosts.size())
            m_out.hostOrder.append(host->name);
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

    quint32 variableName(const QString &name) {
        const auto found = m_nameIndex.constFind(name);
        if (found != m_nameIndex.constEnd())
            return found.value();
        m_values->names.append(name);
        m_nameIndex.insert(name, quint32(m_values->names.size() - 1));
        return quint32(m_values->names.size() - 1);
    }

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
    QHash<QString, quint32> m_nameIndex;
    QHash<QString, QSet<quint32>> m_members;
    QHash<QString, QSet<QString>> m_children;
    std::vector<Index> m_copied; // store index of each value of the file's tree already copied
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

    /// `line` is where the group is named (0 for a group at the top, whose line the caller knows).
    std::optional<Error> readGroup(const QString &name, int line, Index body) {
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
            if (auto problem = readGroup(childName, m_tree.line(key) + 1, m_tree.child(children, i + 1)))
                return problem;
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
            m_builder.set(group.vars, m_builder.variableName(m_tree.scalar(key)), m_tree.line(key) + 1,
                          m_builder.yamlValue(m_document, m_tree.child(vars, i + 1)));
        }
        return std::nullopt;
    }

    std::optional<Error> readHost(InventoryGroup &group, Index key, Index body) {
        // Ansible's YAML plugin expands keys like "node[1:3]" and "node9:2222" just as its INI plugin does.
        const auto parsed = parseHostPattern(m_tree.scalar(key), locationOf(key));
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
            m_hostVars.push_back({m_builder.variableName(m_tree.scalar(name)), m_tree.line(name) + 1,
                                  m_builder.yamlValue(m_document, m_tree.child(body, i + 1))});
        }
        for (const QString &name : pattern.names) {
            InventoryHost *host = m_builder.addHost(group, name, line);
            if (!host)
                return Error{locationOf(key), name, tooManyHosts()};
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
};

// ---- INI -------------------------------------------------------------------------------------------

/// Splits a line the way Python's shlex does with comments on: quotes group, '#' starts a comment.
QStringList shellSplit(const QString &line) {
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;
    for (const QChar c : line) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
            inWord = true;
        } else if (c == u'#') {
            break;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(current);
            current.clear();
            inWord = false;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(current);
    return words;
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

/// One line of a file, decoded as if the whole file were: QString::fromUtf8 drops a byte order mark only at the
/// start of what it decodes.
QString decodeLine(QByteArrayView bytes, bool firstLine) {
    static const QByteArrayView byteOrderMark("\xEF\xBB\xBF");
    if (!firstLine && bytes.startsWith(byteOrderMark))
        return QChar(0xFEFF) + QString::fromUtf8(bytes);
    return QString::fromUtf8(bytes);
}

/// A host line of an INI [group] section: a host pattern and key=value variables. `raw` is the line as written
/// (for columns), `line` without surrounding blanks; `where` gives file and line.
std::optional<Error> readIniHostLine(HostsBuilder &builder, InventoryGroup &group, const QString &raw,
                                     const QString &line, SourceLocation where) {
    const QStringList words = shellSplit(line);
    if (words.isEmpty())
        return std::nullopt;
    struct Variable {
        quint32 name;
        InlineVariables::Value value;
    };
    std::vector<Variable> vars;
    bool explicitPort = false;
    const quint32 portName = builder.variableName(QStringLiteral("ansible_port"));
    for (int w = 1; w < words.size(); ++w) {
        const int equals = static_cast<int>(words.at(w).indexOf(u'='));
        if (equals <= 0)
            return Error{{where.file, where.line, static_cast<int>(raw.indexOf(words.at(w))) + 1},
                         words.at(0),
                         QCoreApplication::translate("Inventory", "Host variables must be written key=value.")};
        vars.push_back({builder.variableName(words.at(w).left(equals)), builder.iniText(words.at(w).mid(equals + 1))});
        explicitPort = explicitPort || vars.back().name == portName;
    }
    where.column = static_cast<int>(raw.indexOf(words.at(0))) + 1;
    const auto parsed = parseHostPattern(words.at(0), where);
    if (!parsed)
        return parsed.error();
    const HostPattern &pattern = *parsed;
    // An explicit ansible_port=… wins over "host:port", as in Ansible.
    if (!pattern.port.isEmpty() && !explicitPort)
        vars.insert(vars.begin(), {portName, builder.iniText(pattern.port)});
    for (const QString &name : pattern.names) {
        InventoryHost *host = builder.addHost(group, name, where.line);
        if (!host)
            return Error{where, name, tooManyHosts()};
        for (const Variable &variable : vars)
            builder.set(host->vars, variable.name, where.line, variable.value);
    }
    return std::nullopt;
}

// ---- Host patterns -----------------------------------------------------------------------------

QString tooManyHosts() {
    return QCoreApplication::translate("Inventory", "The inventory would hold more than %1 hosts, the most "
                                                    "Kubespray Wizard reads; the limit is crossed here.")
        .arg(limits::MaxHosts);
}

// Numbers of a range are Python integers in Ansible; 36 digits cover any name a person writes, and their sums
// and differences cannot overflow 128 bits.
__extension__ using RangeNumber = __int128;
constexpr int MaxRangeDigits = 36;

/// Python's int(text): surrounding blanks, a sign, digits with single underscores between them.
std::optional<RangeNumber> pythonInt(const QString &text, bool *tooLong) {
    const QString trimmed = text.trimmed();
    qsizetype i = 0;
    const bool negative = trimmed.startsWith(u'-');
    if (negative || trimmed.startsWith(u'+'))
        ++i;
    RangeNumber value = 0;
    int digits = 0;
    bool lastWasDigit = false;
    for (; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == u'_' && lastWasDigit && i + 1 < trimmed.size()) {
            lastWasDigit = false;
            continue;
        }
        if (c < u'0' || c > u'9')
            return std::nullopt;
        if ((value != 0 || c != u'0') && ++digits > MaxRangeDigits) { // leading zeros are no digits here
            *tooLong = true;
            return std::nullopt;
        }
        value = value * 10 + (c.unicode() - u'0');
        lastWasDigit = true;
    }
    if (!lastWasDigit)
        return std::nullopt;
    return negative ? -value : value;
}

/// str(value).zfill(width), as Ansible writes each number of a range.
QString rangeText(RangeNumber value, int width) {
    QString digits;
    for (RangeNumber rest = value < 0 ? -value : value; rest > 0 || digits.isEmpty(); rest /= 10)
        digits.prepend(QChar(u'0' + static_cast<int>(rest % 10)));
    if (digits.size() + (value < 0 ? 1 : 0) < width)
        digits.prepend(QString(width - digits.size() - (value < 0 ? 1 : 0), u'0'));
    return value < 0 ? u'-' + digits : digits;
}

/// Ansible's expand_hostname_range, with the same results and the same refusals: the first [begin:end] or
/// [begin:end:step] is expanded, then each name again until none has a '['. Numbers keep the width of a begin
/// with a leading zero; letters run through a–z then A–Z. At most `budget` names.
class HostRangeExpander {
public:
    explicit HostRangeExpander(qsizetype budget)
        : m_budget(budget) {}

    /// Appends the names of `pattern` to `names`; the reason when Ansible (or the budget) refuses it.
    std::optional<QString> expand(const QString &pattern, QStringList &names) {
        if (!pattern.contains(u'['))
            return add(pattern, names);
        // Ansible replaces the first '[' and the first ']' by '|' and splits at '|' into exactly three parts.
        QString marked = pattern;
        marked[marked.indexOf(u'[')] = u'|';
        if (const qsizetype close = marked.indexOf(u']'); close >= 0)
            marked[close] = u'|';
        const QStringList parts = marked.split(u'|');
        if (parts.size() != 3)
            return notARange();
        const QString &head = parts.at(0);
        const QString &tail = parts.at(2);
        const QStringList bounds = parts.at(1).split(u':');
        if (bounds.size() != 2 && bounds.size() != 3)
            return notARange();
        const QString begin = bounds.at(0).isEmpty() ? QStringLiteral("0") : bounds.at(0);
        const QString &end = bounds.at(1);
        const QString step = bounds.size() == 3 ? bounds.at(2) : QStringLiteral("1");
        if (end.isEmpty())
            return QCoreApplication::translate("Inventory", "A host range must give its end value.");
        int width = 0;
        if (begin.startsWith(u'0') && begin.size() > 1) {
            width = static_cast<int>(begin.size());
            if (end.size() != begin.size())
                return QCoreApplication::translate("Inventory", "The two ends of a host range that starts with 0 "
                                                                "must have the same number of digits.");
        }

        bool tooLong = false;
        static const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        const qsizetype firstLetter = letters.indexOf(begin); // a substring search, as Python's str.index
        const qsizetype lastLetter = letters.indexOf(end);
        if (firstLetter >= 0 && lastLetter >= 0) {
            if (firstLetter > lastLetter)
                return QCoreApplication::translate("Inventory", "A host range of letters must not run backwards.");
            // A step that is no usable slice step makes Ansible read the range as numbers, which fails.
            const auto letterStep = pythonInt(step, &tooLong);
            if (!letterStep || *letterStep == 0)
                return notANumber(begin);
            QStringList values;
            for (qsizetype i = firstLetter; *letterStep > 0 && i <= lastLetter;
                 i += static_cast<qsizetype>(*letterStep))
                values.append(letters.at(i));
            return expandEach(head, values, tail, names);
        }

        const auto first = pythonInt(begin, &tooLong);
        const auto last = pythonInt(end, &tooLong);
        const auto by = pythonInt(step, &tooLong);
        if (tooLong)
            return QCoreApplication::translate("Inventory", "A number in a host range may have at most %1 digits.")
                .arg(MaxRangeDigits);
        if (!first || !last || !by)
            return notANumber(!first ? begin : !last ? end : step);
        if (*by == 0)
            return QCoreApplication::translate("Inventory", "The step of a host range must not be 0.");
        // Python's range(first, last + 1, by): counted before anything is built.
        const RangeNumber stop = *last + 1;
        const RangeNumber span = *by > 0 ? stop - *first : *first - stop;
        const RangeNumber magnitude = *by > 0 ? *by : -*by;
        const RangeNumber count = span <= 0 ? 0 : (span + magnitude - 1) / magnitude;
        if (count > m_budget - names.size())
            return tooManyHosts();
        QStringList values;
        values.reserve(static_cast<qsizetype>(count));
        for (RangeNumber i = 0, value = *first; i < count; ++i, value += *by)
            values.append(rangeText(value, width));
        return expandEach(head, values, tail, names);
    }

private:
    std::optional<QString> expandEach(const QString &head, const QStringList &values, const QString &tail,
                                      QStringList &names) {
        for (const QString &value : values) {
            if (auto refusal = expand(head + value + tail, names))
                return refusal;
        }
        return std::nullopt;
    }

    std::optional<QString> add(const QString &name, QStringList &names) {
        if (names.size() >= m_budget)
            return tooManyHosts();
        names.append(name);
        return std::nullopt;
    }

    static QString notARange() {
        return QCoreApplication::translate("Inventory", "A host range must be written [begin:end] or "
                                                        "[begin:end:step].");
    }
    static QString notANumber(const QString &text) {
        return QCoreApplication::translate("Inventory", "“%1” in a host range is neither a number nor a letter.")
            .arg(text);
    }

    qsizetype m_budget;
};

Expected<HostPattern> parseHostPattern(const QString &pattern, const SourceLocation &where) {
    // Ansible's parse_address: "host:port" where the host part has colons only inside [...] (so a bare IPv6
    // address has no port), or "[host]:port". When the host part is no valid name or address, Ansible drops the
    // port and expands the whole pattern.
    static const QRegularExpression hostPort(QStringLiteral("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$"));
    static const QRegularExpression bracketedHostPort(QStringLiteral("^\\[(.+)\\]:([0-9]+)$"));
    static const QString range = QStringLiteral("\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]");
    static const QString label = QStringLiteral("(?:\\w|%1)(?:[\\w-]|%1)*(?<![_-])").arg(range);
    static const QRegularExpression hostName(QStringLiteral("^%1(?:\\.%1)*$").arg(label),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression ipv6(QStringLiteral("^[0-9a-f:.\\[\\]]*:[0-9a-f:.\\[\\]]*$"),
                                         QRegularExpression::CaseInsensitiveOption);
    HostPattern result;
    QString host = pattern;
    auto match = bracketedHostPort.match(pattern);
    if (!match.hasMatch())
        match = hostPort.match(pattern);
    if (match.hasMatch() &&
        (hostName.match(match.captured(1)).hasMatch() || ipv6.match(match.captured(1)).hasMatch())) {
        host = match.captured(1);
        result.port = match.captured(2);
    }
    HostRangeExpander expander(limits::MaxHosts);
    if (auto refusal = expander.expand(host, result.names))
        return Error{where, pattern, *refusal};
    return result;
}

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
    const auto document = yaml::CompactDocument::parse(bytes, path);
    if (!document)
        return document.error();
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
        if (auto problem = reader.readGroup(name, 0, tree.child(*document->root, i + 1)))
            return *problem;
        file.groups[name].line = tree.line(key) + 1;
    }
    builder.finish();
    return file;
}

Expected<HostsFile> HostsFile::parseIni(const QByteArray &bytes, const QString &path) {
    HostsFile file;
    file.path = path;
    file.format = Format::Ini;
    HostsBuilder builder(file);

    enum class Section { Hosts, Vars, Children };
    QString group = QStringLiteral("ungrouped");
    Section section = Section::Hosts;
    static const QRegularExpression header(QStringLiteral("^\\[([^\\]:\\s]+)(?::(\\w+))?\\]\\s*(?:[#;].*)?$"));

    // Line by line: decoding the whole file at once, and splitting that, would hold it three times over.
    int lineNumber = 0;
    for (qsizetype start = 0; start <= bytes.size(); ++lineNumber) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        const QString raw = decodeLine(QByteArrayView(bytes).sliced(start, end - start), lineNumber == 0);
        start = end + 1;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        const int number = lineNumber + 1;

        if (line.startsWith(u'[')) {
            const auto match = header.match(line);
            if (!match.hasMatch())
                return Error{{path, number, 1},
                             {},
                             QCoreApplication::translate("Inventory", "This section header is not of the form [group], "
                                                                      "[group:vars] or [group:children].")};
            group = match.captured(1);
            const QString kind = match.captured(2);
            if (kind.isEmpty())
                section = Section::Hosts;
            else if (kind == u"vars")
                section = Section::Vars;
            else if (kind == u"children")
                section = Section::Children;
            else
                return Error{
                    {path, number, 1},
                    group + QLatin1Char(':') + kind,
                    QCoreApplication::translate("Inventory", "Unknown section kind: only :vars and :children exist.")};
            InventoryGroup &entry = builder.group(group);
            if (entry.line == 0)
                entry.line = number;
            continue;
        }

        InventoryGroup &current = builder.group(group);
        std::optional<Error> problem;
        switch (section) {
        case Section::Hosts:
            problem = readIniHostLine(builder, current, raw, line, {path, number, 0});
            break;
        case Section::Vars: {
            const int equals = static_cast<int>(line.indexOf(u'='));
            if (equals <= 0)
                return Error{{path, number, 1},
                             group + QStringLiteral(":vars"),
                             QCoreApplication::translate("Inventory", "Group variables must be written key=value.")};
            builder.set(current.vars, builder.variableName(line.left(equals).trimmed()), number,
                        builder.iniText(line.mid(equals + 1).trimmed()));
            break;
        }
        case Section::Children: {
            const QString child = shellSplit(line).value(0);
            if (child.isEmpty())
                continue;
            builder.addChild(current, child);
            InventoryGroup &childGroup = builder.group(child);
            if (childGroup.line == 0)
                childGroup.line = number;
            break;
        }
        }
        if (problem)
            return *problem;
    }
    builder.finish();
    return file;
}

} // namespace ksw
