// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace ksw::yaml {

/// A string scalar: emitted quoted whenever YAML 1.1 (Ansible's reader) would take it for anything else.
YAML::Node string(const QString &text);
/// Marks a sequence or mapping for flow style ([a, b]), as Kubespray's samples write short lists.
YAML::Node flow(YAML::Node node);

/// How a string scalar is quoted when it could be written plain: to match the text around it.
enum class Quoting { Plain, Double, Single };

/// True for a scalar that Ansible reads as a string (quoted, tagged !!str, or plain text that is no bool, number
/// or null).
bool isString(const YAML::Node &node);

/// `value` alone, as emitKeyValue() writes values: one line for scalars, flow-style and empty collections,
/// several ("\n", not indented) for block collections. `inFlow` writes it as an item of a flow collection (quoted
/// where a flow indicator would end it). `quoting` applies when `value` is a string.
QByteArray emitValue(const YAML::Node &value, bool inFlow, Quoting quoting = Quoting::Plain);
/// `key: value` likewise, the key quoted as `keyQuoting` and the value as `valueQuoting` says when they are strings.
QByteArray emitEntry(const YAML::Node &key, const YAML::Node &value, bool inFlow, Quoting keyQuoting,
                     Quoting valueQuoting);

/// `name: value` as block YAML with two-space indentation, lines ending in "\n", no trailing newline.
/// Strings (tag "!") that YAML 1.1 would read as a bool, number or null are double-quoted.
QByteArray emitKeyValue(const QString &name, const YAML::Node &value);

/// True when both nodes mean the same to Ansible: same structure, same scalar texts and YAML 1.1 types
/// (mapping order does not matter).
bool sameValue(const YAML::Node &a, const YAML::Node &b);

} // namespace ksw::yaml
