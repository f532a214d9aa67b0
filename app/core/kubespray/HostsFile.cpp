// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/HostsFile.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ksw {

namespace {

/// Expands Ansible host ranges: node[1:3] → node1 node2 node3, node[01:03] keeps the width.
QStringList expandHostPattern(const QString &pattern);

/// A host pattern as Ansible's parse_address reads it: "node[1:3]" or "node9:2222" (not an IPv6 literal, which
/// has more than one colon). The YAML and the INI format both accept it.
struct HostPattern {
    QStringList names;
    QString port; ///< empty when the pattern names none
};

HostPattern parseHostPattern(QString pattern) {
    HostPattern result;
    if (pattern.count(u':') == 1 && !pattern.contains(u'[')) {
        result.port = pattern.section(u':', 1);
        pattern = pattern.section(u':', 0, 0);
    }
    result.names = expandHostPattern(pattern);
    return result;
}

YAML::Node iniValue(const QString &text);

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
                    if (!group.children.contains(childName))
                        group.children.append(childName);
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
        const HostPattern pattern = parseHostPattern(QString::fromStdString(key.as<std::string>("")));
        if (!body.IsNull() && !body.IsMap())
            return error(
                body, pattern.names.value(0),
                QCoreApplication::translate("Inventory", "A host entry must be a mapping of variables, or empty."));
        for (const QString &name : pattern.names) {
            if (!group.hosts.contains(name))
                group.hosts.append(name);
            InventoryHost &host = m_out.hosts[name];
            if (host.name.isEmpty()) {
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

    Error error(const YAML::Node &node, const QString &field, const QString &message) const {
        const YAML::Mark mark = node.Mark();
        return Error{
            {m_out.path, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1}, field, message};
    }

    HostsFile &m_out;
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
    if (text.startsWith(u'[') || text.startsWith(u'{')) {
        try {
            return YAML::Load(text.toStdString());
        } catch (const YAML::Exception &) {
        }
    }
    YAML::Node node(text.toStdString());
    node.SetTag("!"); // a string, whatever it looks like
    return node;
}

/// Expands Ansible host ranges: node[1:3] → node1 node2 node3, node[01:03] keeps the width.
QStringList expandHostPattern(const QString &pattern) {
    static const QRegularExpression range(QStringLiteral("^(.*)\\[([0-9]+):([0-9]+)(?::([0-9]+))?\\](.*)$"));
    const auto match = range.match(pattern);
    if (!match.hasMatch())
        return {pattern};
    const QString first = match.captured(2);
    const int start = first.toInt();
    const int end = match.captured(3).toInt();
    const int step = match.captured(4).isEmpty() ? 1 : qMax(1, match.captured(4).toInt());
    const int width = first.startsWith(u'0') ? first.size() : 0;
    QStringList names;
    for (int i = start; i <= end && names.size() < 100000; i += step) {
        for (const QString &rest : expandHostPattern(match.captured(5)))
            names.append(match.captured(1) + QStringLiteral("%1").arg(i, width, 10, QLatin1Char('0')) + rest);
    }
    return names;
}

} // namespace

Expected<HostsFile> HostsFile::parseYaml(const QByteArray &bytes, const QString &path) {
    const auto document = YamlDocument::parse(bytes, path);
    if (!document)
        return document.error();
    HostsFile file;
    file.path = path;
    file.format = Format::Yaml;
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
            const HostPattern pattern = parseHostPattern(words.at(0));
            // An explicit ansible_port=… wins over "host:port", as in Ansible.
            if (!pattern.port.isEmpty() && !vars.contains(QStringLiteral("ansible_port")))
                vars.insert(QStringLiteral("ansible_port"), {iniValue(pattern.port), lineNumber});
            for (const QString &name : pattern.names) {
                InventoryHost &host = file.hosts[name];
                if (host.name.isEmpty()) {
                    host.name = name;
                    host.line = lineNumber;
                    file.hostOrder.append(name);
                }
                for (auto it = vars.cbegin(); it != vars.cend(); ++it)
                    host.vars.insert(it.key(), it.value());
                if (!current.hosts.contains(name))
                    current.hosts.append(name);
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
            if (!current.children.contains(child))
                current.children.append(child);
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
