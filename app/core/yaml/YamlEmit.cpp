// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "yaml/YamlEmit.h"

#include "yaml/YamlValues.h"

namespace ksw::yaml {

namespace {

bool isStringTagged(const YAML::Node &node) {
    return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

ScalarType effectiveType(const YAML::Node &node) {
    if (!node.IsDefined() || node.IsNull())
        return ScalarType::Null;
    if (isStringTagged(node))
        return ScalarType::String;
    return plainScalarType(scalarText(node));
}

void emitNode(YAML::Emitter &emitter, const YAML::Node &node, Quoting quoting = Quoting::Plain) {
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        emitter << YAML::Null;
        return;
    case YAML::NodeType::Scalar: {
        const std::string &text = node.Scalar();
        const bool misread =
            isStringTagged(node) && plainScalarType(QString::fromStdString(text)) != ScalarType::String;
        if (misread || (isStringTagged(node) && text.empty()))
            emitter << YAML::DoubleQuoted << text;
        else if (quoting != Quoting::Plain && isString(node))
            emitter << (quoting == Quoting::Double ? YAML::DoubleQuoted : YAML::SingleQuoted) << text;
        else
            emitter << text;
        return;
    }
    case YAML::NodeType::Sequence:
        if (node.Style() == YAML::EmitterStyle::Flow)
            emitter << YAML::Flow;
        emitter << YAML::BeginSeq;
        for (const auto &item : node)
            emitNode(emitter, item);
        emitter << YAML::EndSeq;
        return;
    case YAML::NodeType::Map:
        if (node.Style() == YAML::EmitterStyle::Flow)
            emitter << YAML::Flow;
        emitter << YAML::BeginMap;
        for (auto it = node.begin(); it != node.end(); ++it) {
            emitter << YAML::Key;
            emitNode(emitter, it->first);
            emitter << YAML::Value;
            emitNode(emitter, it->second);
        }
        emitter << YAML::EndMap;
        return;
    }
}

QByteArray bytesOf(const YAML::Emitter &emitter) {
    return QByteArray(emitter.c_str(), static_cast<qsizetype>(emitter.size()));
}

/// The text of a one-item flow collection without its brackets: an item as it reads inside [...] or {...}.
/// (yaml-cpp writes "[ {}]" for an empty collection inside another; a quoted string keeps its own blanks.)
QByteArray withoutBrackets(const YAML::Emitter &emitter) {
    const QByteArray text = bytesOf(emitter);
    return text.mid(1, text.size() - 2).trimmed();
}

} // namespace

bool isString(const YAML::Node &node) {
    return node.IsDefined() && node.IsScalar() && effectiveType(node) == ScalarType::String;
}

QByteArray emitValue(const YAML::Node &value, bool inFlow, Quoting quoting) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    if (!inFlow) {
        emitNode(emitter, value, quoting);
        return bytesOf(emitter);
    }
    emitter << YAML::Flow << YAML::BeginSeq;
    emitNode(emitter, value, quoting);
    emitter << YAML::EndSeq;
    return withoutBrackets(emitter);
}

QByteArray emitEntry(const YAML::Node &key, const YAML::Node &value, bool inFlow, Quoting keyQuoting,
                     Quoting valueQuoting) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    if (inFlow)
        emitter << YAML::Flow;
    emitter << YAML::BeginMap << YAML::Key;
    emitNode(emitter, key, keyQuoting);
    emitter << YAML::Value;
    emitNode(emitter, value, valueQuoting);
    emitter << YAML::EndMap;
    return inFlow ? withoutBrackets(emitter) : bytesOf(emitter);
}

YAML::Node string(const QString &text) {
    YAML::Node node(text.toStdString());
    node.SetTag("!");
    return node;
}

YAML::Node flow(YAML::Node node) {
    node.SetStyle(YAML::EmitterStyle::Flow);
    return node;
}

QByteArray emitKeyValue(const QString &name, const YAML::Node &value) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emitter << YAML::BeginMap << YAML::Key << name.toStdString() << YAML::Value;
    emitNode(emitter, value);
    emitter << YAML::EndMap;
    return QByteArray(emitter.c_str(), static_cast<qsizetype>(emitter.size()));
}

bool sameValue(const YAML::Node &a, const YAML::Node &b) {
    const bool aNull = !a.IsDefined() || a.IsNull();
    const bool bNull = !b.IsDefined() || b.IsNull();
    if (aNull || bNull)
        return aNull == bNull;
    if (a.Type() != b.Type())
        return false;
    if (a.IsScalar())
        return a.Scalar() == b.Scalar() && effectiveType(a) == effectiveType(b);
    if (a.IsSequence()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameValue(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.size() != b.size())
        return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
        bool found = false;
        for (auto other = b.begin(); other != b.end(); ++other) {
            if (sameValue(it->first, other->first)) {
                if (!sameValue(it->second, other->second))
                    return false;
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace ksw::yaml
