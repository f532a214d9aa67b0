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

void emitNode(YAML::Emitter &emitter, const YAML::Node &node) {
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

} // namespace

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
