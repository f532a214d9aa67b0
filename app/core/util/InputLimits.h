// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ksw {

/// What the wizard reads at most from an inventory, so that no input of any size makes it hang or exhaust
/// memory. Ansible has none of these limits; each is far above what a real Kubespray inventory holds, and
/// docs/inventory.md lists them. Past one, loading stops with an Error naming file:line:column.
namespace limits {

/// One inventory file (hosts file or vars file). Kubespray's sample files are under 100 KiB; a hosts.yaml of
/// MaxHosts hosts in the inventory builder's layout is about 24 MiB. Nothing past it is read.
inline constexpr qint64 MaxFileBytes = 32 * 1024 * 1024;

/// YAML values (mappings, sequences, scalars) in one file. yaml-cpp spends a few hundred bytes on each, whatever
/// the size of the text (4 MB of "0," are two million values), so this, not bytes, bounds a file's memory. A
/// hosts.yaml in the inventory builder's layout has about 10 values per host and reaches it at about 200,000.
inline constexpr qint64 MaxYamlNodes = 2'000'000;

/// Values that aliases (*name) may add to one file beyond those written in it. An alias repeats its anchor
/// without copying it; nested ones grow exponentially (a 500-byte "billion laughs"), and every reader that
/// expands values (JSON output, comparisons, copies) would pay for each repetition.
inline constexpr qint64 MaxAliasExpansion = 1'000'000;

/// Hosts in one inventory, and so from one range pattern such as node[1:100000].
inline constexpr qsizetype MaxHosts = 200'000;

/// Characters in the names of all hosts together, and so in the names one range pattern stands for: a range
/// repeats the text around it for each of its values (node[1:200000] followed by a long suffix, numbers of
/// thousands of digits). As many as the largest file holds; a hosts.yaml of MaxHosts hosts needs about 2 million.
inline constexpr qint64 MaxHostNameCharacters = MaxFileBytes;

} // namespace limits

/// The bytes of `path`, refused past limits::MaxFileBytes without reading further: the error names the line
/// and column where the limit is crossed. `displayPath` is the name used in messages.
Expected<QByteArray> readBoundedFile(const QString &path, const QString &displayPath);

/// The refusal of `bytes` when they exceed limits::MaxFileBytes (else nothing).
std::optional<Error> fileSizeRefusal(const QByteArray &bytes, const QString &displayPath);

} // namespace ksw
