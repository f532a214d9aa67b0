// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace ksw::yaml {

/// The text after an edit inside one value.
struct InsideEdit {
    QByteArray text;
    bool inside = false; ///< items or keys were edited; false when the value was replaced as a whole
};

/// `text` with the value of the top-level key at 0-based `line` and `column` changed from `before` (as yaml-cpp
/// read it from this text) to `after` by the smallest text edits:
/// - equal values keep their bytes (quoting, comments, flow or block style);
/// - sequences are aligned item by item (longest common subsequence): equal items stay, an item that changed is
///   edited in turn, a new item is written after the item it follows (or before the first) in its siblings' style
///   (block: same dash column; flow: same separator, one item a line when the list has one item a line), a removed
///   item goes with its own lines and the comment at their ends;
/// - mappings are matched key by key: a changed value is edited in turn, a new key is written after the last one
///   at the same column, a removed key goes with its own lines;
/// - a changed scalar is replaced alone (comments after it stay), keeping its quotes when it is still a string;
///   new strings are quoted like all their siblings are, if they all are.
/// Comment lines directly above a removed item or key stay: they are the user's, and the diff shows them.
/// A node is replaced whole where no such edit is safe: when its kind changes, it becomes or was empty, it carries an
/// anchor or a tag, it is an alias, a mapping in it repeats a key, or a removal would cut a line it shares with
/// another node. Nothing is returned when the text uses YAML this reader does not follow (complex keys, compact
/// nested sequences, plain scalars over several lines in flow collections) or does not match what yaml-cpp read;
/// the caller then replaces the whole value. The caller re-parses the result and checks it.
std::optional<InsideEdit> editValueInside(const QByteArray &text, int line, int column, const YAML::Node &before,
                                          const YAML::Node &after);

} // namespace ksw::yaml
