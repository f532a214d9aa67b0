// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlValues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace ksw::yaml {

namespace {

bool isQuoted(const YAML::Node &node) {
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!" (non-specific).
    return node.Tag() == "!";
}

} // namespace

ScalarType plainScalarType(const QString &text) {
    // The resolvers of YAML 1.1 as PyYAML implements them (yaml/resolver.py).
    static const QRegularExpression boolPattern(
        QStringLiteral("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"));
    static const QRegularExpression intPattern(
        QStringLiteral("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*"
                       "(?::[0-5]?[0-9])+)$"));
    static const QRegularExpression floatPattern(
        QStringLiteral("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?|"
                       "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    static const QRegularExpression nullPattern(QStringLiteral("^(?:~|null|Null|NULL|)$"));

    if (nullPattern.match(text).hasMatch())
        return ScalarType::Null;
    if (boolPattern.match(text).hasMatch())
        return ScalarType::Bool;
    if (intPattern.match(text).hasMatch())
        return ScalarType::Int;
    if (floatPattern.match(text).hasMatch())
        return ScalarType::Float;
    return ScalarType::String;
}

ScalarType scalarType(const YAML::Node &node) {
    if (!node.IsDefined() || node.IsNull())
        return ScalarType::Null;
    if (!node.IsScalar() || isQuoted(node))
        return ScalarType::String;
    if (node.Tag() == "tag:yaml.org,2002:str")
        return ScalarType::String;
    return plainScalarType(QString::fromStdString(node.Scalar()));
}

QString scalarText(const YAML::Node &node) {
    if (!node.IsDefined() || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

bool isTemplate(const YAML::Node &node) {
    if (!node.IsDefined() || !node.IsScalar())
        return false;
    // An Ansible Vault value is its ciphertext here; like a template, it is known only while the playbook runs.
    if (node.Tag() == "!vault")
        return true;
    const QString text = scalarText(node);
    return text.contains(QLatin1String("{{")) || text.contains(QLatin1String("{%"));
}

std::optional<bool> toBool(const YAML::Node &node) {
    if (!node.IsDefined() || node.IsNull())
        return false;
    if (!node.IsScalar() || isTemplate(node))
        return std::nullopt;
    // Ansible's bool filter: true for yes/on/1/true/y/t (any case), false for everything else that is a
    // scalar; YAML 1.1 booleans arrive as Python booleans and behave the same.
    const QString text = scalarText(node).trimmed().toLower();
    static const QStringList truthy = {QStringLiteral("yes"),  QStringLiteral("on"), QStringLiteral("1"),
                                       QStringLiteral("true"), QStringLiteral("y"),  QStringLiteral("t")};
    return truthy.contains(text);
}

std::optional<qint64> toInt(const YAML::Node &node) {
    if (!node.IsDefined() || !node.IsScalar() || isTemplate(node))
        return std::nullopt;
    bool ok = false;
    const qint64 value = scalarText(node).trimmed().toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<QStringList> toStringList(const YAML::Node &node) {
    if (!node.IsDefined() || node.IsNull())
        return QStringList();
    if (node.IsScalar())
        return QStringList{scalarText(node)};
    if (!node.IsSequence())
        return std::nullopt;
    QStringList items;
    for (const auto &item : node) {
        if (!item.IsScalar())
            return std::nullopt;
        items.append(scalarText(item));
    }
    return items;
}

QString toDisplayText(const YAML::Node &node) {
    if (!node.IsDefined())
        return QStringLiteral("(undefined)");
    if (node.IsScalar())
        return scalarText(node);
    YAML::Emitter emitter;
    emitter.SetMapFormat(YAML::Flow);
    emitter.SetSeqFormat(YAML::Flow);
    emitter << node;
    return QString::fromUtf8(emitter.c_str());
}

QJsonValue toJson(const YAML::Node &node) {
    if (!node.IsDefined() || node.IsNull())
        return QJsonValue::Null;
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    if (node.IsMap()) {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it)
            object.insert(QString::fromStdString(it->first.as<std::string>("")), toJson(it->second));
        return object;
    }
    const QString text = scalarText(node);
    // What ansible-inventory prints for Ansible's own tags: an encrypted value, and a string Jinja never expands.
    if (node.Tag() == "!vault")
        return QJsonObject{{QStringLiteral("__ansible_vault"), text}};
    if (node.Tag() == "!unsafe")
        return QJsonObject{{QStringLiteral("__ansible_unsafe"), text}};
    switch (scalarType(node)) {
    case ScalarType::Null:
        return QJsonValue::Null;
    case ScalarType::Bool:
        return text.at(0).toLower() == QLatin1Char('y') || text.at(0).toLower() == QLatin1Char('t') ||
               text.toLower() == QLatin1String("on");
    case ScalarType::Int: {
        bool ok = false;
        const qint64 value = QString(text).remove(QLatin1Char('_')).toLongLong(&ok, 0);
        return ok ? QJsonValue(value) : QJsonValue(text);
    }
    case ScalarType::Float: {
        bool ok = false;
        const double value = text.toDouble(&ok);
        return ok ? QJsonValue(value) : QJsonValue(text);
    }
    case ScalarType::String:
        break;
    }
    return text;
}

YAML::Node fromText(const char *text) {
    return YAML::Load(text);
}

} // namespace ksw::yaml
