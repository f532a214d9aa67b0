// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <string>

namespace ksw {

namespace {

SourceLocation locationOf(const QString &path, const YAML::Mark &mark) {
    if (mark.is_null())
        return {path, 0, 0};
    return {path, mark.line + 1, mark.column + 1};
}

void collectDuplicates(const YAML::Node &node, const QString &path, QList<YamlDocument::DuplicateKey> &out) {
    if (node.IsMap()) {
        QHash<QString, int> firstLineOf;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QString();
            const QString childPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            const int line = it->first.Mark().line + 1;
            if (!key.isEmpty()) {
                if (const auto found = firstLineOf.constFind(key); found != firstLineOf.constEnd())
                    out.append({childPath, found.value(), line});
                else
                    firstLineOf.insert(key, line);
            }
            collectDuplicates(it->second, childPath, out);
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            collectDuplicates(node[i], path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), out);
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
    QFile file(path);
    if (!file.exists())
        return Error{{path}, {}, QCoreApplication::translate("Yaml", "The file does not exist.")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            {path}, {}, QCoreApplication::translate("Yaml", "Cannot read the file: %1").arg(file.errorString())};
    return parse(file.readAll(), path);
}

Expected<YamlDocument> YamlDocument::parse(const QByteArray &bytes, const QString &path) {
    YamlDocument document;
    document.m_path = path;
    document.m_bytes = bytes;

    YAML::Node root;
    try {
        root = YAML::Load(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const YAML::Exception &e) {
        return Error{
            locationOf(path, e.mark),
            {},
            QCoreApplication::translate("Yaml", "This is not valid YAML: %1").arg(QString::fromStdString(e.msg))};
    }

    if (root.IsNull())
        return document; // empty, or comments only: no variables
    if (!root.IsMap()) {
        return Error{locationOf(path, root.Mark()),
                     {},
                     QCoreApplication::translate("Yaml", "Expected a mapping of variables (key: value) at the top "
                                                         "of the file.")};
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it->first.IsScalar()) {
            return Error{locationOf(path, it->first.Mark()),
                         {},
                         QCoreApplication::translate("Yaml", "A variable name must be a plain text key.")};
        }
        const YAML::Mark mark = it->first.Mark();
        document.m_keys.append(
            {QString::fromStdString(it->first.Scalar()), mark.line + 1, mark.column + 1, it->second});
    }
    collectDuplicates(root, QString(), document.m_duplicates);
    return document;
}

std::optional<YamlDocument::Key> YamlDocument::value(const QString &name) const {
    for (auto it = m_keys.crbegin(); it != m_keys.crend(); ++it) {
        if (it->name != name)
            continue;
        Key key = *it;
        // Copying loses yaml-cpp's marks, which error messages need: copy only when there is something to resolve.
        const bool hasInnerDuplicates =
            std::any_of(m_duplicates.cbegin(), m_duplicates.cend(), [&](const DuplicateKey &d) {
                return d.path.startsWith(name + QLatin1Char('.')) || d.path.startsWith(name + QLatin1Char('['));
            });
        if (hasInnerDuplicates)
            key.value = resolveDuplicateKeys(key.value);
        return key;
    }
    return std::nullopt;
}

} // namespace ksw
