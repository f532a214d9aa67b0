// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/HostsFile.h"

#include "util/InputLimits.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace ksw {

namespace {

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

/// Adds hosts and children to groups once each. A hash beside each list: node[1:100000] would otherwise
/// search the list for every name it adds.
class GroupMembers {
public:
    void add(InventoryGroup &group, const QString &host) { appendOnce(group.hosts, m_hosts[group.name], host); }
    void addChild(InventoryGroup &group, const QString &child) {
        appendOnce(group.children, m_children[group.name], child);
    }

private:
    static void appendOnce(QStringList &list, QSet<QString> &seen, const QString &name) {
        if (seen.size() != list.size()) // the list was filled elsewhere first
            seen = QSet<QString>(list.cbegin(), list.cend());
        if (!seen.contains(name)) {
            seen.insert(name);
            list.append(name);
        }
    }

    QHash<QString, QSet<QString>> m_hosts;
    QHash<QString, QSet<QString>> m_children;
};

// ---- YAML ------------------------------------------------------------------------------------------

class YamlHostsReader {
public:
    explicit YamlHostsReader(HostsFile &out)
        : m_out(out) {}

    std::optional<Error> readGroup(const QString &name, const YAML::Node &key, const YAML::Node &body) {
        InventoryGroup &group = m_out.groups[name];
        group.name = name;
        if (group.line == 0)
            group.line = key.Mark().line + 1;
        if (!body.IsDefined() || body.IsNull())
            return std::nullopt;
        if (!body.IsMap())
            return error(
                body, name,
                QCoreApplication::translate("Inventory", "A group must be a mapping with hosts, children or vars."));

        for (auto it = body.begin(); it != body.end(); ++it) {
            const QString section = QString::fromStdString(it->first.as<std::string>(""));
            const YAML::Node value = it->second;
            if (section == u"hosts") {
                if (value.IsNull())
                    continue;
                if (!value.IsMap())
                    return error(value, name + QStringLiteral(".hosts"),
                                 QCoreApplication::translate("Inventory", "“hosts” must be a mapping of host names."));
                for (auto host = value.begin(); host != value.end(); ++host) {
                    if (auto problem = readHost(group, host->first, host->second))
                        return problem;
                }
            } else if (section == u"children") {
                if (value.IsNull())
                    continue;
                if (!value.IsMap())
                    return error(
                        value, name + QStringLiteral(".children"),
                        QCoreApplication::translate("Inventory", "“children” must be a mapping of group names."));
                for (auto child = value.begin(); child != value.end(); ++child) {
                    const QString childName = QString::fromStdString(child->first.as<std::string>(""));
                    m_members.addChild(group, childName);
                    if (auto problem = readGroup(childName, child->first, child->second))
                        return problem;
                }
            } else if (section == u"vars") {
                if (value.IsNull())
                    continue;
                if (!value.IsMap())
                    return error(value, name + QStringLiteral(".vars"),
                                 QCoreApplication::translate("Inventory", "“vars” must be a mapping."));
                for (auto var = value.begin(); var != value.end(); ++var)
                    group.vars.insert(QString::fromStdString(var->first.as<std::string>("")),
                                      {resolveDuplicateKeys(var->second), var->first.Mark().line + 1});
            } else {
                return error(it->first, name + QLatin1Char('.') + section,
                             QCoreApplication::translate(
                                 "Inventory", "Unknown key in a group: only hosts, children and vars are allowed."));
            }
        }
        return std::nullopt;
    }

private:
    std::optional<Error> readHost(InventoryGroup &group, const YAML::Node &key, const YAML::Node &body) {
        // Ansible's YAML plugin expands keys like "node[1:3]" and "node9:2222" just as its INI plugin does.
        const auto parsed = parseHostPattern(QString::fromStdString(key.as<std::string>("")), locationOf(key));
        if (!parsed)
            return parsed.error();
        const HostPattern &pattern = *parsed;
        if (!body.IsNull() && !body.IsMap())
            return error(
                body, pattern.names.value(0),
                QCoreApplication::translate("Inventory", "A host entry must be a mapping of variables, or empty."));
        for (const QString &name : pattern.names) {
            m_members.add(group, name);
            InventoryHost &host = m_out.hosts[name];
            if (host.name.isEmpty()) {
                if (m_out.hostOrder.size() >= limits::MaxHosts)
                    return Error{locationOf(key), name, tooManyHosts()};
                host.name = name;
                host.line = key.Mark().line + 1;
                m_out.hostOrder.append(name);
            }
            // The port of the pattern first, so that an explicit ansible_port in the body wins, as in Ansible.
            if (!pattern.port.isEmpty())
                host.vars.insert(QStringLiteral("ansible_port"), {iniValue(pattern.port), key.Mark().line + 1});
            if (body.IsNull())
                continue;
            for (auto var = body.begin(); var != body.end(); ++var)
                host.vars.insert(QString::fromStdString(var->first.as<std::string>("")),
                                 {resolveDuplicateKeys(var->second), var->first.Mark().line + 1});
        }
        return std::nullopt;
    }

    SourceLocation locationOf(const YAML::Node &node) const {
        const YAML::Mark mark = node.Mark();
        return {m_out.path, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
    }

    Error error(const YAML::Node &node, const QString &field, const QString &message) const {
        return Error{locationOf(node), field, message};
    }

    HostsFile &m_out;
    GroupMembers m_members;
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

Expected<HostsFile> HostsFile::parseYaml(const QByteArray &bytes, const QString &path) {
    const auto document = YamlDocument::parse(bytes, path);
    if (!document)
        return document.error();
    HostsFile file;
    file.path = path;
    file.format = Format::Yaml;
    file.duplicates = document->duplicates();
    YamlHostsReader reader(file);
    for (const YamlDocument::Key &key : document->keys()) {
        YAML::Node keyNode(key.name.toStdString());
        // Marks of synthetic nodes are null; the reader takes the line from the real key where it can.
        if (auto problem = reader.readGroup(key.name, keyNode, key.value)) {
            return *problem;
        }
        file.groups[key.name].line = key.line;
    }
    return file;
}

Expected<HostsFile> HostsFile::parseIni(const QByteArray &bytes, const QString &path) {
    HostsFile file;
    file.path = path;
    file.format = Format::Ini;

    enum class Section { Hosts, Vars, Children };
    QString group = QStringLiteral("ungrouped");
    Section section = Section::Hosts;
    static const QRegularExpression header(QStringLiteral("^\\[([^\\]:\\s]+)(?::(\\w+))?\\]\\s*(?:[#;].*)?$"));
    GroupMembers members;

    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    for (int index = 0; index < lines.size(); ++index) {
        const int lineNumber = index + 1;
        const QString line = lines.at(index).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;

        if (line.startsWith(u'[')) {
            const auto match = header.match(line);
            if (!match.hasMatch())
                return Error{{path, lineNumber, 1},
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
                    {path, lineNumber, 1},
                    group + QLatin1Char(':') + kind,
                    QCoreApplication::translate("Inventory", "Unknown section kind: only :vars and :children exist.")};
            InventoryGroup &entry = file.groups[group];
            entry.name = group;
            if (entry.line == 0)
                entry.line = lineNumber;
            continue;
        }

        InventoryGroup &current = file.groups[group];
        current.name = group;
        switch (section) {
        case Section::Hosts: {
            const QStringList words = shellSplit(line);
            if (words.isEmpty())
                continue;
            QMap<QString, InlineVariable> vars;
            for (int w = 1; w < words.size(); ++w) {
                const int equals = words.at(w).indexOf(u'=');
                if (equals <= 0)
                    return Error{{path, lineNumber, static_cast<int>(lines.at(index).indexOf(words.at(w))) + 1},
                                 words.at(0),
                                 QCoreApplication::translate("Inventory", "Host variables must be written key=value.")};
                vars.insert(words.at(w).left(equals), {iniValue(words.at(w).mid(equals + 1)), lineNumber});
            }
            const int column = static_cast<int>(lines.at(index).indexOf(words.at(0))) + 1;
            const auto parsed = parseHostPattern(words.at(0), {path, lineNumber, column});
            if (!parsed)
                return parsed.error();
            const HostPattern &pattern = *parsed;
            // An explicit ansible_port=… wins over "host:port", as in Ansible.
            if (!pattern.port.isEmpty() && !vars.contains(QStringLiteral("ansible_port")))
                vars.insert(QStringLiteral("ansible_port"), {iniValue(pattern.port), lineNumber});
            for (const QString &name : pattern.names) {
                InventoryHost &host = file.hosts[name];
                if (host.name.isEmpty()) {
                    if (file.hostOrder.size() >= limits::MaxHosts)
                        return Error{{path, lineNumber, column}, name, tooManyHosts()};
                    host.name = name;
                    host.line = lineNumber;
                    file.hostOrder.append(name);
                }
                for (auto it = vars.cbegin(); it != vars.cend(); ++it)
                    host.vars.insert(it.key(), it.value());
                members.add(current, name);
            }
            break;
        }
        case Section::Vars: {
            const int equals = line.indexOf(u'=');
            if (equals <= 0)
                return Error{{path, lineNumber, 1},
                             group + QStringLiteral(":vars"),
                             QCoreApplication::translate("Inventory", "Group variables must be written key=value.")};
            current.vars.insert(line.left(equals).trimmed(), {iniValue(line.mid(equals + 1).trimmed()), lineNumber});
            break;
        }
        case Section::Children: {
            const QString child = shellSplit(line).value(0);
            if (child.isEmpty())
                continue;
            members.addChild(current, child);
            InventoryGroup &childGroup = file.groups[child];
            childGroup.name = child;
            if (childGroup.line == 0)
                childGroup.line = lineNumber;
            break;
        }
        }
    }
    return file;
}

} // namespace ksw
