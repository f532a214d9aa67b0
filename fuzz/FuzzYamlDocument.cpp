// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// YamlDocument on any bytes: a document that parses keeps its bytes exactly; an edit either fails with a reason
// or yields a document that parses again and reads back the value written. Edits inside values too: an item
// appended to, and the first removed from, each list; a key added to, and the first set in, each mapping.
#include "FuzzSupport.h"

#include "yaml/YamlDocument.h"

#include <yaml-cpp/yaml.h>

namespace {

/// The same data, whatever the style (flow or block, quoting) it is written in.
bool same(const YAML::Node &a, const YAML::Node &b) {
    if (a.Type() != b.Type())
        return false;
    if (a.IsScalar())
        return a.Scalar() == b.Scalar();
    if (a.IsSequence()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!same(a[i], b[i]))
                return false;
        }
    }
    return true;
}

void checkEdit(const ksw::YamlDocument &document, const QString &key, const YAML::Node &value) {
    auto edited = document;
    if (!edited.setValue(key, value))
        return;
    const auto again = ksw::YamlDocument::parse(edited.bytes(), QStringLiteral("group_vars/all/all.yml"));
    if (!again)
        ksw::fuzz::fail("an edit produced a document that does not parse");
    const auto read = again->value(key);
    if (!read || !same(read->value, value))
        ksw::fuzz::fail("an edited key does not read back as written");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto document = ksw::YamlDocument::parse(bytes, QStringLiteral("group_vars/all/all.yml"));
    if (!document)
        return 0;
    if (document->bytes() != bytes)
        ksw::fuzz::fail("parsing changed the bytes");
    // Keys the wizard edits, with a scalar and a sequence value.
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back("10.0.0.53");
    const std::pair<QString, YAML::Node> edits[] = {{QStringLiteral("kube_pods_subnet"), YAML::Node("10.200.0.0/18")},
                                                    {QStringLiteral("upstream_dns_servers"), list}};
    for (const auto &[key, value] : edits)
        checkEdit(*document, key, value);
    for (const auto &key : document->keys()) {
        const YAML::Node current = document->value(key.name)->value;
        if (current.IsSequence() && current.size() > 0) {
            YAML::Node appended = YAML::Clone(current);
            appended.push_back(list);
            checkEdit(*document, key.name, appended);
            YAML::Node shortened = YAML::Clone(current);
            shortened.remove(std::size_t(0));
            checkEdit(*document, key.name, shortened);
        } else if (current.IsMap() && current.size() > 0) {
            YAML::Node added = YAML::Clone(current);
            added["registry.example.com:5000"] = "http://registry.example.com:5000";
            checkEdit(*document, key.name, added);
            YAML::Node set = YAML::Clone(current);
            set[current.begin()->first] = "yes";
            checkEdit(*document, key.name, set);
        }
    }
    return 0;
}
