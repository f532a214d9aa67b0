// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace ksw::yaml {

/// How Ansible's YAML 1.1 reader (PyYAML) types a scalar.
enum class ScalarType { Null, Bool, Int, Float, String };

/// The YAML 1.1 type of a scalar node: quoted scalars are strings; plain ones follow YAML 1.1's
/// resolvers (yes/no/on/off are booleans, 0o17/0x1F/1_000 are integers, 1.20 is a float, ~ is null).
ScalarType scalarType(const YAML::Node &node);
/// The same for a plain (unquoted) scalar text.
ScalarType plainScalarType(const QString &text);

QString scalarText(const YAML::Node &node);
/// True when the value is a Jinja template string that Ansible evaluates ("{{ ... }}").
bool isTemplate(const YAML::Node &node);
/// What Ansible's `| bool` filter makes of the value; nothing when it is a template or a collection.
std::optional<bool> toBool(const YAML::Node &node);
/// An integer value (YAML 1.1 int or a string of digits); nothing otherwise.
std::optional<qint64> toInt(const YAML::Node &node);
/// A scalar as a one-item list, a sequence of scalars as a list; nothing for anything else.
std::optional<QStringList> toStringList(const YAML::Node &node);
/// One-line YAML (flow style) for messages and tables.
QString toDisplayText(const YAML::Node &node);
/// JSON with YAML 1.1 scalar types.
QJsonValue toJson(const YAML::Node &node);
/// Parses a YAML literal written in our own code (tables of defaults); throws on a programming error.
YAML::Node fromText(const char *text);

} // namespace ksw::yaml
