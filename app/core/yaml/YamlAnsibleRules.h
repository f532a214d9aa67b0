// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What Ansible's YAML reader (PyYAML 6 on libyaml, ansible-core 2.14) refuses and yaml-cpp 0.7 accepts, and what
// yaml-cpp must be handed to read what Ansible reads. Each function covers one stage of Ansible's reading;
// YamlDocument::parse() runs them around yaml-cpp, which judges the grammar.

#include <QByteArray>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace ksw::yaml {

/// Where and why Ansible would refuse to read a YAML text (1-based line and byte column, as yaml-cpp counts them).
struct ReadRefusal {
    int line = 0;
    int column = 0;
    QString message; ///< translated, plain words
};

/// Where yaml-cpp 0.7 must be handed a slightly different text to read what libyaml (or Python's JSON) reads; lines
/// and the places of nodes stay the same.
struct YamlCppText {
    /// '?' inside plain scalars of flow collections ([http://x/?a=b]), which yaml-cpp refuses: it reads
    /// QuestionMarkStandIn there, and the caller puts the '?' back in the values.
    std::vector<std::size_t> questionMarks;
    /// An indicator (',', '}' or, in JSON, ':') at .second that yaml-cpp needs right after the key ending at .first
    /// ({a⏎}, {"a"⏎: 1}); the blanks between move one byte on.
    std::vector<std::pair<std::size_t, std::size_t>> moves;
};
/// Stands for '?' in textForYamlCpp(); never in an accepted text (encodingRefusal() refuses it).
inline constexpr char QuestionMarkStandIn = '\x01';

/// Stage 1, the bytes: Ansible decodes a vars file as strict UTF-8 (Python's codec: no overlong forms, no
/// surrogates, nothing past U+10FFFF), so Latin-1, UTF-16 and UTF-32 files are refused; then the YAML reader refuses
/// every character outside YAML's printable set (C0 controls but tab and line breaks, DEL, C1 controls but NEL,
/// surrogates, U+FFFE, U+FFFF) — unless `yamlCharacters` is false, for a JSON text (see isJson()).
std::optional<ReadRefusal> encodingRefusal(const QByteArray &bytes, bool yamlCharacters = true);

/// True when the text is JSON as Python's json.loads reads it: Ansible tries JSON first, and then neither
/// the YAML character set nor YAML's tab and token rules apply (yaml-cpp reads JSON as the YAML it also is).
bool isJson(const QByteArray &bytes, YamlCppText *fixes = nullptr);

/// The text as Ansible's reader sees its lines: a CR alone, NEL, LS and PS are line breaks in YAML 1.1 (yaml-cpp knows
/// only LF and CRLF), so they become LF. Line numbers and columns stay those of the file for every line without
/// such a character. Without `yamlLineBreaks` (a JSON text), only a CR alone becomes LF.
std::string readerText(const QByteArray &bytes, bool yamlLineBreaks = true);
/// readerText() for yaml-cpp: a byte order mark at the start of a later line, which libyaml skips there as one
/// column, becomes one blank (scannerRefusal() refuses it where libyaml would not skip it).
std::string withLineStartMarksAsBlanks(std::string text);
/// True when the text has any of the line breaks readerText() changes, or a byte order mark starting a later line:
/// such a file is read, never edited.
bool hasForeignLineBreaks(const QByteArray &bytes);
/// The tag written at `offset` of `text` (after an anchor, if any), resolved as yaml-cpp resolves "!!" and "!<…>";
/// empty when none is written there. For tagged empty values, which yaml-cpp reports without their tag.
std::string tagAt(const std::string &text, std::size_t offset);

/// Stage 2, the tokens of readerText(): what libyaml's scanner refuses where yaml-cpp's does not — a tab where YAML
/// wants indentation or a separating space (at the start of a line in block context, after "- ", "? " or a complex
/// ": ", in the indentation of block scalars and of plain scalars' next lines); a quoted scalar the file ends in; a
/// key at its mapping's column with no ':' after it on its line; a ':' or "- " where no mapping or sequence may
/// start; anchors and aliases whose names are not ASCII letters, digits, '-' and '_'; an anchor defined twice;
/// a tag not followed by a blank; directives other than %YAML and %TAG, inside a document, or not followed by
/// "---"; and a second document (Ansible reads exactly one). `fixes`, if given, receives what yaml-cpp needs to read
/// the text as libyaml does.
std::optional<ReadRefusal> scannerRefusal(const std::string &text, YamlCppText *fixes = nullptr);

/// readerText() with `fixes` applied and withLineStartMarksAsBlanks().
std::string textForYamlCpp(std::string readerText, const YamlCppText &fixes);

/// Stage 3, the values (Ansible's constructor): whether a node with yaml-cpp's resolved `tag` ("?" for plain
/// scalars, "!" for quoted ones and for collections without a tag) of this kind and text can be built. Refused:
/// unknown tags (only YAML's standard ones and Ansible's !unsafe, !vault, !vault-encrypted exist), tags on the wrong
/// kind of node (!!str on a mapping), texts the tag cannot hold (!!int abc, !!bool y, dates such as 2001-13-45 even
/// untagged), !!binary and !!set (which ansible-inventory cannot print), and a plain '=' or '<<' as a value.
enum class NodeKind { Scalar, Sequence, Mapping };
std::optional<QString> constructorRefusal(const std::string &tag, NodeKind kind, const std::string &text, bool isKey);
/// The same stage for what a collection holds: the items of !!omap and !!pairs (one-key mappings), the value of a
/// merge key << (a mapping or a list of mappings), and keys that are lists or mappings (Python cannot hash them).
std::optional<QString> collectionRefusal(const YAML::Node &collection);

} // namespace ksw::yaml
