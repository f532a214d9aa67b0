// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlValues.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

Q_DECLARE_METATYPE(YAML::Node)

namespace {

YAML::Node node(const char *yamlText) {
    return YAML::Load(yamlText);
}

/// Applies one edit and returns the new bytes, or the error text prefixed with "refused: ".
QByteArray edited(const QByteArray &bytes, const QString &key, const YAML::Node &value) {
    auto document = YamlDocument::parse(bytes, QStringLiteral("f.yml"));
    if (!document)
        return "parse error: " + document.error().toString().toUtf8();
    const auto placement = document->setValue(key, value);
    if (!placement) {
        if (document->bytes() != bytes)
            return "refused but changed";
        return "refused: " + placement.error().toString().toUtf8();
    }
    return document->bytes();
}

/// The list item the wizard adds to containerd_registries_mirrors for a company registry (FixProposals' shape).
YAML::Node mirrorEntry(const QString &host, bool plainHttp) {
    const std::string url = ((plainHttp ? QStringLiteral("http://") : QStringLiteral("https://")) + host).toStdString();
    YAML::Node mirror(YAML::NodeType::Map);
    mirror["host"] = url;
    YAML::Node capabilities(YAML::NodeType::Sequence);
    capabilities.push_back("pull");
    capabilities.push_back("resolve");
    mirror["capabilities"] = yaml::flow(capabilities);
    mirror["skip_verify"] = plainHttp;
    YAML::Node mirrors(YAML::NodeType::Sequence);
    mirrors.push_back(mirror);
    YAML::Node entry(YAML::NodeType::Map);
    entry["prefix"] = host.toStdString();
    entry["server"] = url;
    entry["mirrors"] = mirrors;
    return entry;
}

/// `base` (YAML text) with `item` appended.
YAML::Node withItem(const char *base, const YAML::Node &item) {
    YAML::Node list = YAML::Clone(YAML::Load(base));
    list.push_back(item);
    return list;
}

/// `base` (YAML text) with `key` set to `value`.
YAML::Node withKey(const char *base, const char *key, const YAML::Node &value) {
    YAML::Node map = YAML::Clone(YAML::Load(base));
    map[key] = value;
    return map;
}

/// Random small YAML structures, and YAML text for them in random styles with comments everywhere a user puts
/// them: the round-trip property test's input.
class RandomYaml {
public:
    explicit RandomYaml(quint32 seed)
        : m_random(seed) {}

    int bounded(int n) { return int(m_random.bounded(n)); }

    YAML::Node scalar() {
        static const char *const texts[] = {"a",        "b c",
                                            "yes",      "1.20",
                                            "10.0.0.1", "http://r.example:5000",
                                            "x, y",     "a: b",
                                            "#no",      "h\xC3\xA9llo",
                                            "it's",     "[x]",
                                            "~",        "",
                                            "-1",       "on"};
        switch (bounded(6)) {
        case 0:
            return YAML::Node(bounded(100));
        case 1:
            return YAML::Node(bounded(2) == 0);
        case 2:
            return YAML::Node();
        default:
            return yaml::string(QString::fromUtf8(texts[bounded(int(std::size(texts)))]));
        }
    }

    YAML::Node value(int depth) {
        const int kind = depth >= 3 ? 0 : bounded(3);
        if (kind == 0)
            return scalar();
        YAML::Node node(kind == 1 ? YAML::NodeType::Sequence : YAML::NodeType::Map);
        const int size = bounded(4);
        for (int i = 0; i < size; ++i) {
            if (kind == 1)
                node.push_back(value(depth + 1));
            else
                node[key().toStdString()] = value(depth + 1);
        }
        return node;
    }

    QString key() {
        static const char *const keys[] = {
            "a",   "b",      "name",        "prefix", "mirrors", "x y", "\xE6\x97\xA5\xE6\x9C\xAC",
            "yes", "server", "skip_verify", "c",      "d"};
        return QString::fromUtf8(keys[bounded(int(std::size(keys)))]);
    }

    /// The text of "k: <node>" (node a non-empty collection) in block style; `chunks` receives the text of each of
    /// its items (with the comment lines above it).
    QByteArray document(const YAML::Node &node, QList<QByteArray> &chunks) {
        m_step = bounded(2) == 0 ? 2 : 4;
        QByteArray out = "# header\nk:";
        const int style = bounded(6);
        if (style >= 4) {
            writeFlow(node, style == 5, out, chunks);
        } else {
            out += comment() + "\n";
            const int indent = node.IsSequence() && bounded(3) == 0 ? 0 : m_step;
            if (node.IsSequence())
                writeSequence(node, indent, out, &chunks);
            else
                writeMapping(node, indent, false, out, &chunks);
        }
        out += "# after\nother: 1\n";
        return out;
    }

private:
    /// A trailing comment, or nothing; right after a dash, Ansible takes a tab for indentation, so none there.
    QByteArray comment(bool afterDash = false) {
        static const char *const texts[] = {"  # c", " # \xE7\xA4\xBE\xE5\x86\x85", "   # do not remove", "\t# tab"};
        return bounded(3) == 0 ? QByteArray(texts[bounded(afterDash ? 3 : 4)]) : QByteArray();
    }

    void commentLine(int indent, QByteArray &out) {
        if (bounded(4) == 0)
            out += QByteArray(indent, ' ') + "# about the next one\n";
    }

    QByteArray inlineText(const YAML::Node &node) {
        const yaml::Quoting quoting = yaml::Quoting(bounded(3));
        if (node.IsMap() || node.IsSequence())
            return yaml::emitValue(yaml::flow(YAML::Clone(node)), false);
        return yaml::emitValue(node, false, quoting);
    }

    /// `node` after "key:" or "-" (at column `indent`); block collections go on the lines below.
    void writeValue(const YAML::Node &node, int indent, bool afterDash, QByteArray &out) {
        const bool collection = (node.IsMap() || node.IsSequence()) && node.size() > 0;
        if (!collection || bounded(4) == 0) {
            if (node.IsNull() && bounded(2) == 0)
                out += comment(afterDash) + "\n"; // null written as nothing
            else
                out += ' ' + inlineText(node) + comment() + "\n";
            return;
        }
        if (afterDash && node.IsMap() && bounded(2) == 0) {
            writeMapping(node, indent + 2, true, out, nullptr); // "- key: value" and the keys below
            return;
        }
        out += comment(afterDash) + "\n";
        if (node.IsMap())
            writeMapping(node, indent + m_step, false, out, nullptr);
        else
            writeSequence(node, !afterDash && bounded(3) == 0 ? indent : indent + m_step, out, nullptr);
    }

    void writeMapping(const YAML::Node &node, int indent, bool onDashLine, QByteArray &out, QList<QByteArray> *chunks) {
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it, first = false) {
            const qsizetype start = out.size();
            if (first && onDashLine) {
                out += ' ';
            } else {
                commentLine(indent, out);
                out += QByteArray(indent, ' ');
            }
            out += yaml::emitValue(it->first, false, yaml::Quoting(bounded(3))) + ':';
            writeValue(it->second, indent, false, out);
            if (chunks)
                chunks->append(out.mid(start));
        }
    }

    /// A flow collection on one line, or one item a line with a trailing comma and comments.
    void writeFlow(const YAML::Node &node, bool multiLine, QByteArray &out, QList<QByteArray> &chunks) {
        out += node.IsSequence() ? " [" : " {";
        if (multiLine)
            out += comment() + "\n";
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it, first = false) {
            const QByteArray text = node.IsSequence()
                                        ? yaml::emitValue(*it, true, yaml::Quoting(bounded(3)))
                                        : yaml::emitEntry(it->first, it->second, true, yaml::Quoting(bounded(3)),
                                                          yaml::Quoting(bounded(3)));
            if (multiLine) {
                const qsizetype start = out.size();
                commentLine(m_step, out);
                out += QByteArray(m_step, ' ') + text + ',' + comment() + "\n";
                chunks.append(out.mid(start));
            } else {
                out += (first ? "" : ", ") + text;
                chunks.append(text);
            }
        }
        out += node.IsSequence() ? "]" : "}";
        out += comment() + "\n";
    }

    void writeSequence(const YAML::Node &node, int indent, QByteArray &out, QList<QByteArray> *chunks) {
        for (const auto &item : node) {
            const qsizetype start = out.size();
            commentLine(indent, out);
            out += QByteArray(indent, ' ') + '-';
            writeValue(item, indent, true, out);
            if (chunks)
                chunks->append(out.mid(start));
        }
    }

    QRandomGenerator m_random;
    int m_step = 2;
};

/// True when no two items of `node` (a sequence) are equal.
bool distinctItems(const YAML::Node &node) {
    for (std::size_t i = 0; i < node.size(); ++i) {
        for (std::size_t j = i + 1; j < node.size(); ++j) {
            if (yaml::sameValue(node[i], node[j]))
                return false;
        }
    }
    return true;
}

/// One edit inside a value and the bytes it must give.
struct InsideCase {
    const char *name;
    QByteArray before;
    QString key;
    YAML::Node value;
    QByteArray after;
};

/// The issue's own examples (issue 12, item 3) and the v2.21 registry mapping.
QList<InsideCase> issueInsideCases() {
    QList<InsideCase> cases;
    const QString mirrorsKey = QStringLiteral("containerd_registries_mirrors");
    const QByteArray userMirrors = "containerd_registries_mirrors:\n"
                                   "  # pull-through cache, do not remove\n"
                                   "  - prefix: docker.io\n"
                                   "    mirrors:\n"
                                   "      - host: https://mirror.gcr.io  # Google's public Docker Hub cache\n"
                                   "        capabilities: [\"pull\", \"resolve\"]\n"
                                   "        skip_verify: false\n"
                                   "\n"
                                   "# next section\n"
                                   "containerd_use_config_path: true\n";
    const char *userMirrorsValue = "- prefix: docker.io\n"
                                   "  mirrors:\n"
                                   "    - host: https://mirror.gcr.io\n"
                                   "      capabilities: [\"pull\", \"resolve\"]\n"
                                   "      skip_verify: false\n";
    cases.append({"issue 12.3: the user's mirror list gains the company registry", userMirrors, mirrorsKey,
                  withItem(userMirrorsValue, mirrorEntry(QStringLiteral("registry.example.com:5000"), true)),
                  QByteArray("containerd_registries_mirrors:\n"
                             "  # pull-through cache, do not remove\n"
                             "  - prefix: docker.io\n"
                             "    mirrors:\n"
                             "      - host: https://mirror.gcr.io  # Google's public Docker Hub cache\n"
                             "        capabilities: [\"pull\", \"resolve\"]\n"
                             "        skip_verify: false\n"
                             "  - prefix: registry.example.com:5000\n"
                             "    server: http://registry.example.com:5000\n"
                             "    mirrors:\n"
                             "      - host: http://registry.example.com:5000\n"
                             "        capabilities: [pull, resolve]\n"
                             "        skip_verify: true\n"
                             "\n"
                             "# next section\n"
                             "containerd_use_config_path: true\n")});
    cases.append({"issue 12.3: the user's item for the registry is set, key by key",
                  QByteArray("containerd_registries_mirrors:\n"
                             "  - prefix: docker.io  # Docker Hub\n"
                             "    mirrors:\n"
                             "      - host: https://mirror.gcr.io\n"
                             "  # ours\n"
                             "  - prefix: registry.example.com:5000\n"
                             "    mirrors:\n"
                             "      # the old name, still in DNS\n"
                             "      - host: \"https://registry.example.com:5000\"  # TLS, they said\n"
                             "        capabilities: [\"pull\", \"resolve\"]\n"
                             "        skip_verify: false  # keep verifying\n"),
                  mirrorsKey,
                  node("- prefix: docker.io\n"
                       "  mirrors:\n"
                       "    - host: https://mirror.gcr.io\n"
                       "- prefix: registry.example.com:5000\n"
                       "  mirrors:\n"
                       "    - host: http://registry.example.com:5000\n"
                       "      capabilities: [pull, resolve]\n"
                       "      skip_verify: true\n"
                       "  server: http://registry.example.com:5000\n"),
                  QByteArray("containerd_registries_mirrors:\n"
                             "  - prefix: docker.io  # Docker Hub\n"
                             "    mirrors:\n"
                             "      - host: https://mirror.gcr.io\n"
                             "  # ours\n"
                             "  - prefix: registry.example.com:5000\n"
                             "    mirrors:\n"
                             "      # the old name, still in DNS\n"
                             "      - host: \"http://registry.example.com:5000\"  # TLS, they said\n"
                             "        capabilities: [\"pull\", \"resolve\"]\n"
                             "        skip_verify: true  # keep verifying\n"
                             "    server: http://registry.example.com:5000\n")});
    cases.append({"issue 12.3: v2.21 containerd_registries gains a key, the user's line kept",
                  QByteArray("containerd_registries:\n"
                             "  \"docker.io\": \"https://mirror.gcr.io\"  # pull-through cache, do not remove\n"
                             "containerd_max_container_log_line_size: -1\n"),
                  QStringLiteral("containerd_registries"),
                  withKey("{\"docker.io\": \"https://mirror.gcr.io\"}", "registry.example.com:5000",
                          YAML::Node("http://registry.example.com:5000")),
                  QByteArray("containerd_registries:\n"
                             "  \"docker.io\": \"https://mirror.gcr.io\"  # pull-through cache, do not remove\n"
                             "  \"registry.example.com:5000\": \"http://registry.example.com:5000\"\n"
                             "containerd_max_container_log_line_size: -1\n")});
    cases.append({"v2.21 containerd_registries: one key set, its comment kept",
                  QByteArray("containerd_registries:\n"
                             "  \"docker.io\": \"https://mirror.gcr.io\"  # pull-through cache, do not remove\n"
                             "  registry.example.com:5000: https://registry.example.com:5000  # wrong scheme\n"),
                  QStringLiteral("containerd_registries"),
                  node("{\"docker.io\": \"https://mirror.gcr.io\", "
                       "registry.example.com:5000: \"http://registry.example.com:5000\"}"),
                  QByteArray("containerd_registries:\n"
                             "  \"docker.io\": \"https://mirror.gcr.io\"  # pull-through cache, do not remove\n"
                             "  registry.example.com:5000: http://registry.example.com:5000  # wrong scheme\n")});
    return cases;
}

/// Flow collections, on one line and one item a line.
QList<InsideCase> flowInsideCases() {
    QList<InsideCase> cases;
    cases.append({"flow list gains an item quoted like its siblings",
                  QByteArray("caps: [\"pull\"]  # what we may do\n"), QStringLiteral("caps"), node("[pull, resolve]"),
                  QByteArray("caps: [\"pull\", \"resolve\"]  # what we may do\n")});
    cases.append({"flow list keeps its own separator", QByteArray("servers: [8.8.8.8,8.8.4.4]\n"),
                  QStringLiteral("servers"), node("[8.8.8.8, 8.8.4.4, 10.244.10.130]"),
                  QByteArray("servers: [8.8.8.8,8.8.4.4,10.244.10.130]\n")});
    cases.append({"multi-line flow list: one item a line, comments after items stay with them",
                  QByteArray("upstream_dns_servers: [\n"
                             "  \"8.8.8.8\",  # Google\n"
                             "  \"1.1.1.1\"   # Cloudflare\n"
                             "]\n"),
                  QStringLiteral("upstream_dns_servers"), node("[8.8.8.8, 1.1.1.1, 10.244.10.130]"),
                  QByteArray("upstream_dns_servers: [\n"
                             "  \"8.8.8.8\",  # Google\n"
                             "  \"1.1.1.1\",   # Cloudflare\n"
                             "  \"10.244.10.130\"\n"
                             "]\n")});
    cases.append({"multi-line flow list with a trailing comma and a comment line inside",
                  QByteArray("upstream_dns_servers: [\n"
                             "  # public\n"
                             "  8.8.8.8,\n"
                             "]\n"),
                  QStringLiteral("upstream_dns_servers"), node("[8.8.8.8, 10.244.10.130]"),
                  QByteArray("upstream_dns_servers: [\n"
                             "  # public\n"
                             "  8.8.8.8,\n"
                             "  10.244.10.130,\n"
                             "]\n")});
    cases.append({"multi-line flow list closed on the last item's line", QByteArray("servers: [a,\n          b]\n"),
                  QStringLiteral("servers"), node("[a, b, c]"),
                  QByteArray("servers: [a,\n          b,\n          c]\n")});
    cases.append({"flow list item removed with its separator", QByteArray("servers: ['a', \"b\", c]  # three\n"),
                  QStringLiteral("servers"), node("[a, c]"), QByteArray("servers: ['a', c]  # three\n")});
    cases.append({"multi-line flow list item removed with its own line",
                  QByteArray("servers: [\n  a,  # first\n  b,  # second\n  c   # third\n]\n"),
                  QStringLiteral("servers"), node("[a, c]"),
                  QByteArray("servers: [\n  a,  # first\n  c   # third\n]\n")});
    cases.append({"flow mapping gains a key", QByteArray("zone: {name: 'example.com', cache: 5}  # company\n"),
                  QStringLiteral("zone"), node("{name: example.com, cache: 5, ttl: 30}"),
                  QByteArray("zone: {name: 'example.com', cache: 5, ttl: 30}  # company\n")});
    return cases;
}

/// Block collections: items and keys added, removed, changed; line endings, comments, markers.
QList<InsideCase> blockInsideCases() {
    QList<InsideCase> cases;
    cases.append({"block list item removed with its lines; the comment above it stays",
                  QByteArray("upstream_dns_servers:\n"
                             "  - 8.8.8.8\n"
                             "  # the old company resolver\n"
                             "  - 10.0.0.53  # retired\n"
                             "  - 1.1.1.1\n"),
                  QStringLiteral("upstream_dns_servers"), node("[8.8.8.8, 1.1.1.1]"),
                  QByteArray("upstream_dns_servers:\n"
                             "  - 8.8.8.8\n"
                             "  # the old company resolver\n"
                             "  - 1.1.1.1\n")});
    cases.append({"block mapping key removed with its lines",
                  QByteArray("zone:\n  name: example.com\n  servers:  # two\n    - a\n    - b\n  cache: 5\n"),
                  QStringLiteral("zone"), node("{name: example.com, cache: 5}"),
                  QByteArray("zone:\n  name: example.com\n  cache: 5\n")});
    cases.append({"a new first item goes above the comments that describe the old first one",
                  QByteArray("servers:\n  # public\n  - 8.8.8.8\n"), QStringLiteral("servers"),
                  node("[10.244.10.130, 8.8.8.8]"),
                  QByteArray("servers:\n  - 10.244.10.130\n  # public\n  - 8.8.8.8\n")});
    cases.append({"comment lines after the last item stay after the new one",
                  QByteArray("servers:\n  - a\n  # - b (off for now)\nnext: 1\n"), QStringLiteral("servers"),
                  node("[a, c]"), QByteArray("servers:\n  - a\n  - c\n  # - b (off for now)\nnext: 1\n")});
    cases.append({"indentless sequence gains an item at its column", QByteArray("servers:\n- a\n- b\nnext: 1\n"),
                  QStringLiteral("servers"), node("[a, b, c]"), QByteArray("servers:\n- a\n- b\n- c\nnext: 1\n")});
    cases.append({"wider dash gap kept for a new item", QByteArray("zones:\n  -   name: a\n      cache: 5\n"),
                  QStringLiteral("zones"), node("- {name: a, cache: 5}\n- name: b\n  cache: 30\n"),
                  QByteArray("zones:\n  -   name: a\n      cache: 5\n  -   name: b\n      cache: 30\n")});
    cases.append({"CRLF inside a value", QByteArray("servers:\r\n  - a  # first\r\n  - b\r\nnext: 1\r\n"),
                  QStringLiteral("servers"), node("[a, x, c]"),
                  QByteArray("servers:\r\n  - a  # first\r\n  - x\r\n  - c\r\nnext: 1\r\n")});
    cases.append({"tabs and non-ASCII in comments inside a value",
                  QByteArray("servers:\n  #\t\xE7\xA4\xBE\xE5\x86\x85 DNS\n  - a\t# \xE4\xB8\xBB\n"),
                  QStringLiteral("servers"), node("[a, b]"),
                  QByteArray("servers:\n  #\t\xE7\xA4\xBE\xE5\x86\x85 DNS\n  - a\t# \xE4\xB8\xBB\n  - b\n")});
    cases.append({"last line without newline", QByteArray("servers:\n  - a"), QStringLiteral("servers"), node("[a, b]"),
                  QByteArray("servers:\n  - a\n  - b")});
    cases.append({"document end marker after the list", QByteArray("---\nservers:\n  - a\n...\n"),
                  QStringLiteral("servers"), node("[a, b]"), QByteArray("---\nservers:\n  - a\n  - b\n...\n")});
    cases.append({"a block scalar elsewhere in the value keeps its bytes",
                  QByteArray("item:\n  script: |\n    echo 1\n    # not a comment\n  name: a\n"),
                  QStringLiteral("item"), node("{script: \"echo 1\\n# not a comment\\n\", name: b}"),
                  QByteArray("item:\n  script: |\n    echo 1\n    # not a comment\n  name: b\n")});
    cases.append({"an alias item keeps its bytes", QByteArray("mirror: &m https://mirror.gcr.io\nhosts:\n  - *m\n"),
                  QStringLiteral("hosts"), node("[https://mirror.gcr.io, http://r.example]"),
                  QByteArray("mirror: &m https://mirror.gcr.io\nhosts:\n  - *m\n  - http://r.example\n")});
    cases.append({"an item that changes kind is replaced alone", QByteArray("items:\n  - a  # was text\n  - b\n"),
                  QStringLiteral("items"), node("- x: 1\n  y: 2\n- b\n"),
                  QByteArray("items:\n  - x: 1  # was text\n    y: 2\n  - b\n")});
    cases.append({"an empty mapping value becomes a list",
                  QByteArray("zone:\n  name: a\n  servers:  # none yet\n  cache: 5\n"), QStringLiteral("zone"),
                  node("name: a\nservers: [10.0.0.53]\ncache: 5\n"),
                  QByteArray("zone:\n  name: a\n  servers: [10.0.0.53]  # none yet\n  cache: 5\n")});
    cases.append({"a scalar becomes a block list below its key, the key's comment kept",
                  QByteArray("zone:\n  servers: 10.0.0.53  # one\n"), QStringLiteral("zone"),
                  node("servers:\n  - 10.0.0.53\n  - 10.0.0.54\n"),
                  QByteArray("zone:\n  servers:  # one\n    - 10.0.0.53\n    - 10.0.0.54\n")});
    cases.append({"strings YAML 1.1 would misread are quoted inside too", QByteArray("flags:\n  - a\n"),
                  QStringLiteral("flags"), withItem("[a]", yaml::string(QStringLiteral("yes"))),
                  QByteArray("flags:\n  - a\n  - \"yes\"\n")});
    cases.append({"a nested list gains an item",
                  QByteArray("mirrors:\n  - prefix: docker.io\n    mirrors:\n      - host: https://a  # first\n"),
                  QStringLiteral("mirrors"),
                  node("- prefix: docker.io\n  mirrors:\n    - host: https://a\n    - host: https://b\n"),
                  QByteArray("mirrors:\n  - prefix: docker.io\n    mirrors:\n      - host: https://a  # first\n"
                             "      - host: https://b\n")});
    return cases;
}

QList<InsideCase> insideCases() {
    return issueInsideCases() + flowInsideCases() + blockInsideCases();
}

} // namespace

class TestYamlDocument : public QObject {
    Q_OBJECT

private slots:
    void keysWithTheirLines() {
        const auto document = YamlDocument::parse("# header\n---\nfirst: 1\n\n# about second\nsecond:\n  - a\n"
                                                  "  - b\nthird: {x: 1}\n",
                                                  QStringLiteral("f.yml"));
        QVERIFY(document);
        QCOMPARE(document->keys().size(), 3);
        QCOMPARE(document->keys().at(0).name, QStringLiteral("first"));
        QCOMPARE(document->keys().at(0).line, 3);
        QCOMPARE(document->keys().at(1).line, 6);
        QCOMPARE(document->keys().at(2).line, 9);
        QCOMPARE(yaml::toDisplayText(document->value(QStringLiteral("second"))->value), QStringLiteral("[a, b]"));
    }

    void emptyAndCommentOnlyFilesHaveNoKeys_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comments only") << QByteArray("# nothing here\n#   upstream_dns_servers:\n");
        QTest::newRow("document marker only") << QByteArray("---\n");
    }

    void emptyAndCommentOnlyFilesHaveNoKeys() {
        QFETCH(QByteArray, bytes);
        const auto document = YamlDocument::parse(bytes, QStringLiteral("f.yml"));
        QVERIFY(document);
        QVERIFY(document->keys().isEmpty());
        QCOMPARE(document->bytes(), bytes);
    }

    void duplicateKeysLastWins() {
        const auto document = YamlDocument::parse("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n", QStringLiteral("f.yml"));
        QVERIFY(document);
        QCOMPARE(yaml::scalarText(document->value(QStringLiteral("a"))->value), QStringLiteral("3"));
        QCOMPARE(document->value(QStringLiteral("a"))->line, 3);
        QCOMPARE(yaml::scalarText(document->value(QStringLiteral("c"))->value["x"]), QStringLiteral("2"));
        QCOMPARE(document->duplicates().size(), 2);
        QCOMPARE(document->duplicates().at(0).path, QStringLiteral("a"));
        QCOMPARE(document->duplicates().at(0).firstLine, 1);
        QCOMPARE(document->duplicates().at(0).line, 3);
        QCOMPARE(document->duplicates().at(1).path, QStringLiteral("c.x"));
    }

    void byteOrderMarkAndCrlf() {
        const auto document = YamlDocument::parse("\xEF\xBB\xBFkey: v\r\nother: w\r\n", QStringLiteral("f.yml"));
        QVERIFY(document);
        QCOMPARE(document->keys().size(), 2);
        QCOMPARE(document->keys().at(0).name, QStringLiteral("key"));
        QCOMPARE(document->keys().at(1).line, 2);
        QCOMPARE(yaml::scalarText(document->value(QStringLiteral("other"))->value), QStringLiteral("w"));
    }

    void errorsNameLineAndColumn_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("unclosed flow sequence") << QByteArray("a: 1\nb: [1, 2\n") << 3 << 1;
        QTest::newRow("bad indentation") << QByteArray("a:\n  - 1\n - 2\n") << 3 << 2;
        QTest::newRow("sequence at the top") << QByteArray("- a\n- b\n") << 1 << 1;
        QTest::newRow("scalar at the top") << QByteArray("just text\n") << 1 << 1;
    }

    void errorsNameLineAndColumn() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto document = YamlDocument::parse(bytes, QStringLiteral("group_vars/all/all.yml"));
        QVERIFY(!document);
        QCOMPARE(document.error().where.file, QStringLiteral("group_vars/all/all.yml"));
        QCOMPARE(document.error().where.line, line);
        QCOMPARE(document.error().where.column, column);
        QVERIFY(document.error().toString().startsWith(
            QStringLiteral("group_vars/all/all.yml:%1:%2: ").arg(line).arg(column)));
    }

    void edits_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("key");
        QTest::addColumn<YAML::Node>("value");
        QTest::addColumn<QByteArray>("after");

        QTest::newRow("scalar keeps its trailing comment")
            << QByteArray("a: 1\nkube_pods_subnet: 10.233.64.0/18  # pods\nb: 2\n")
            << QStringLiteral("kube_pods_subnet") << yaml::string(QStringLiteral("10.233.128.0/18"))
            << QByteArray("a: 1\nkube_pods_subnet: 10.233.128.0/18  # pods\nb: 2\n");
        QTest::newRow("block list keeps the comments leading into the next key")
            << QByteArray("upstream_dns_servers:\n  - 8.8.8.8\n\n## Next\nnext: 1\n")
            << QStringLiteral("upstream_dns_servers") << node("- 10.244.10.130")
            << QByteArray("upstream_dns_servers:\n  - 10.244.10.130\n\n## Next\nnext: 1\n");
        QTest::newRow("commented sample is replaced in place")
            << QByteArray("## Upstream dns servers\n# upstream_dns_servers:\n#   - 8.8.8.8\n#   - 8.8.4.4\n\n## Other\n"
                          "# other: 1\n")
            << QStringLiteral("upstream_dns_servers") << node("- 10.244.10.130")
            << QByteArray(
                   "## Upstream dns servers\nupstream_dns_servers:\n  - 10.244.10.130\n\n## Other\n# other: 1\n");
        QTest::newRow("commented sample without a space after #")
            << QByteArray("#kubectl_localhost: false\nz: 1\n") << QStringLiteral("kubectl_localhost") << node("true")
            << QByteArray("kubectl_localhost: true\nz: 1\n");
        QTest::newRow("appended when nowhere, final newline added")
            << QByteArray("a: 1") << QStringLiteral("key") << yaml::string(QStringLiteral("v"))
            << QByteArray("a: 1\nkey: v\n");
        QTest::newRow("appended to an empty file")
            << QByteArray() << QStringLiteral("key") << node("true") << QByteArray("key: true\n");
        QTest::newRow("CRLF survives") << QByteArray("a: 1\r\nb:\r\n  - x\r\n# c\r\n") << QStringLiteral("b")
                                       << node("- y\n- z") << QByteArray("a: 1\r\nb:\r\n  - y\r\n  - z\r\n# c\r\n");
        QTest::newRow("byte order mark survives") << QByteArray("\xEF\xBB\xBF"
                                                                "a: 1\nb: 2\n")
                                                  << QStringLiteral("a") << node("3")
                                                  << QByteArray("\xEF\xBB\xBF"
                                                                "a: 3\nb: 2\n");
        QTest::newRow("last line without newline")
            << QByteArray("a: 1\nb: 2") << QStringLiteral("b") << node("3") << QByteArray("a: 1\nb: 3");
        QTest::newRow("document markers survive")
            << QByteArray("---\na: 1\n...\n") << QStringLiteral("a") << node("2") << QByteArray("---\na: 2\n...\n");
        QTest::newRow("non-ASCII comments and tabs in comments survive")
            << QByteArray(
                   "# \xE4\xBC\x9A\xE7\xA4\xBE\xE3\x81\xAE DNS\t(company)\nupstream_dns_servers: []\t# \xE7\xA9\xBA\n")
            << QStringLiteral("upstream_dns_servers") << node("- 10.244.10.130")
            << QByteArray(
                   "# \xE4\xBC\x9A\xE7\xA4\xBE\xE3\x81\xAE DNS\t(company)\nupstream_dns_servers:\t# \xE7\xA9\xBA\n"
                   "  - 10.244.10.130\n");
        QTest::newRow("the last of duplicate keys is edited")
            << QByteArray("a: 1\na: 2\n") << QStringLiteral("a") << node("3") << QByteArray("a: 1\na: 3\n");
        QTest::newRow("yes is quoted for YAML 1.1")
            << QByteArray("x: 1\n") << QStringLiteral("x") << yaml::string(QStringLiteral("yes"))
            << QByteArray("x: \"yes\"\n");
        QTest::newRow("on is quoted") << QByteArray("x: 1\n") << QStringLiteral("x")
                                      << yaml::string(QStringLiteral("on")) << QByteArray("x: \"on\"\n");
        QTest::newRow("24 as a string is quoted") << QByteArray("x: 1\n") << QStringLiteral("x")
                                                  << yaml::string(QStringLiteral("24")) << QByteArray("x: \"24\"\n");
        QTest::newRow("1.20 as a string is quoted")
            << QByteArray("x: 1\n") << QStringLiteral("x") << yaml::string(QStringLiteral("1.20"))
            << QByteArray("x: \"1.20\"\n");
        QTest::newRow("a bool stays a bool")
            << QByteArray("x: 1\n") << QStringLiteral("x") << YAML::Node(true) << QByteArray("x: true\n");
        QTest::newRow("block scalar value replaced whole")
            << QByteArray("a: |\n  line one\n  line two\nb: 1\n") << QStringLiteral("a")
            << yaml::string(QStringLiteral("x")) << QByteArray("a: x\nb: 1\n");
        QTest::newRow("block list from block text") << QByteArray("servers: []\n") << QStringLiteral("servers")
                                                    << node("- a\n- b") << QByteArray("servers:\n  - a\n  - b\n");
        QTest::newRow("flow list keeps its style when given")
            << QByteArray("caps: [pull]\n") << QStringLiteral("caps") << yaml::flow(node("[pull, resolve]"))
            << QByteArray("caps: [pull, resolve]\n");
        QTest::newRow("same value: unchanged bytes") << QByteArray("a:   1   # spaced\n") << QStringLiteral("a")
                                                     << node("1") << QByteArray("a:   1   # spaced\n");
        QTest::newRow("quoted value with a hash inside")
            << QByteArray("a: \"x # not a comment\"  # real\nb: 1\n") << QStringLiteral("a")
            << yaml::string(QStringLiteral("y")) << QByteArray("a: \"y\"  # real\nb: 1\n");
        QTest::newRow("a changed string keeps its single quotes")
            << QByteArray("a: 'x'  # real\n") << QStringLiteral("a") << yaml::string(QStringLiteral("it's"))
            << QByteArray("a: 'it''s'  # real\n");
        QTest::newRow("a string that becomes a number loses its quotes")
            << QByteArray("a: \"x\"\n") << QStringLiteral("a") << node("5") << QByteArray("a: 5\n");
    }

    void edits() {
        QFETCH(QByteArray, before);
        QFETCH(QString, key);
        QFETCH(YAML::Node, value);
        QFETCH(QByteArray, after);
        QCOMPARE(edited(before, key, value), after);
    }

    void insideEdits_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("key");
        QTest::addColumn<YAML::Node>("value");
        QTest::addColumn<QByteArray>("after");
        for (const InsideCase &edit : insideCases())
            QTest::newRow(edit.name) << edit.before << edit.key << edit.value << edit.after;
    }

    void insideEdits() {
        QFETCH(QByteArray, before);
        QFETCH(QString, key);
        QFETCH(YAML::Node, value);
        QFETCH(QByteArray, after);
        auto document = YamlDocument::parse(before, QStringLiteral("f.yml"));
        QVERIFY(document);
        const auto placement = document->setValue(key, value);
        QVERIFY2(placement, placement ? "" : qPrintable(placement.error().toString()));
        QCOMPARE(document->bytes(), after);
        QCOMPARE(*placement, YamlDocument::Placement::EditedInside);
    }

    // Random small structures written in random styles with comments, then changed once at a random depth: the
    // edit reads back as intended, is made inside the value, and every item it did not touch keeps its bytes.
    void roundTripInsideEdits() {
        RandomYaml random(20261203); // fixed: a failure must be reproducible
        int checked = 0;
        for (int round = 0; round < 1500; ++round) {
            const bool sequence = random.bounded(2) == 0;
            YAML::Node before(sequence ? YAML::NodeType::Sequence : YAML::NodeType::Map);
            for (int i = 0, size = 1 + random.bounded(4); i < size; ++i) {
                if (sequence)
                    before.push_back(random.value(1));
                else
                    before[random.key().toStdString()] = random.value(1);
            }
            if (sequence && !distinctItems(before))
                continue;
            QList<QByteArray> chunks;
            QByteArray text = random.document(before, chunks);
            if (random.bounded(4) == 0)
                text.replace("\n", "\r\n");
            auto document = YamlDocument::parse(text, QStringLiteral("f.yml"));
            QVERIFY2(document, text.constData());
            QVERIFY2(yaml::sameValue(document->value(QStringLiteral("k"))->value, before), text.constData());

            // One change: an item added, removed or replaced, or one changed inside (at any depth).
            YAML::Node after = YAML::Clone(before);
            const int index = random.bounded(int(before.size()));
            int touched = index;
            switch (random.bounded(4)) {
            case 0:
                touched = -1;
                if (sequence) {
                    after.push_back(random.value(1));
                } else {
                    const std::string key = random.key().toStdString();
                    int position = 0;
                    for (auto it = before.begin(); it != before.end(); ++it, ++position) {
                        if (it->first.Scalar() == key)
                            touched = position; // an existing key: set, not added
                    }
                    after[key] = random.value(1);
                }
                break;
            case 1:
                if (sequence)
                    after.remove(std::size_t(index));
                else
                    after.remove(std::next(after.begin(), index)->first);
                break;
            case 2: {
                YAML::Node inner = sequence ? after[index] : std::next(after.begin(), index)->second;
                if (inner.IsSequence() && inner.size() > 0)
                    inner[random.bounded(int(inner.size()))] = random.value(2);
                else if (inner.IsMap() && inner.size() > 0)
                    std::next(inner.begin(), random.bounded(int(inner.size())))->second = random.value(2);
                else if (sequence)
                    after[index] = random.value(2);
                else
                    after[std::next(after.begin(), index)->first] = random.value(2);
                break;
            }
            default:
                if (sequence)
                    after[index] = random.value(1);
                else
                    after[std::next(after.begin(), index)->first] = random.value(1);
            }
            if (yaml::sameValue(before, after) || after.size() == 0 || (sequence && !distinctItems(after)))
                continue;
            const auto placement = document->setValue(QStringLiteral("k"), after);
            QVERIFY2(placement, placement ? "" : qPrintable(placement.error().toString()));
            const QByteArray result = document->bytes();
            const auto reparsed = YamlDocument::parse(result, QStringLiteral("f.yml"));
            QVERIFY(reparsed);
            QVERIFY2(yaml::sameValue(reparsed->value(QStringLiteral("k"))->value, after), result.constData());
            QVERIFY2(*placement == YamlDocument::Placement::EditedInside, (text + "----\n" + result).constData());
            QVERIFY(result.startsWith(text.startsWith("# header\r\n") ? "# header\r\nk:" : "# header\nk:"));
            QVERIFY(result.endsWith(text.right(text.size() - text.indexOf("# after"))));
            // Items the change did not touch keep their bytes, comments included, in their order.
            qsizetype from = 0;
            for (int i = 0; i < chunks.size(); ++i) {
                if (i == touched)
                    continue;
                QByteArray chunk = chunks.at(i);
                if (text.contains("\r\n"))
                    chunk.replace("\n", "\r\n");
                const qsizetype found = result.indexOf(chunk, from);
                QVERIFY2(found >= 0, (text + "----\n" + result + "----\nmissing:\n" + chunk).constData());
                from = found + chunk.size();
            }
            ++checked;
        }
        QVERIFY2(checked > 800, qPrintable(QString::number(checked)));
    }

    // Debian's ansible-inventory reads every edited file of insideEdits() as the intended value.
    void insideEditsReadByAnsible() {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("ansible-inventory"));
        QVERIFY2(!program.isEmpty(), "ansible-inventory is missing: scripts/setup installs Debian's ansible");
        QTemporaryDir dir;
        const QList<InsideCase> cases = insideCases();
        QByteArray hosts = "all:\n  hosts:\n";
        for (qsizetype i = 0; i < cases.size(); ++i) {
            auto document = YamlDocument::parse(cases.at(i).before, QStringLiteral("f.yml"));
            QVERIFY(document && document->setValue(cases.at(i).key, cases.at(i).value));
            QCOMPARE(document->bytes(), cases.at(i).after);
            const QString host = QStringLiteral("node%1").arg(i);
            hosts += "    " + host.toUtf8() + ":\n";
            QVERIFY(test::writeAll(dir.filePath(QStringLiteral("host_vars/%1.yml").arg(host)), document->bytes()));
        }
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("hosts.yaml")), hosts));
        QProcess ansible;
        ansible.setWorkingDirectory(dir.path());
        ansible.start(program, {QStringLiteral("-i"), QStringLiteral("hosts.yaml"), QStringLiteral("--list")});
        QVERIFY(ansible.waitForFinished(120000));
        QVERIFY2(ansible.exitCode() == 0, ansible.readAllStandardError().constData());
        const QJsonObject hostVars = QJsonDocument::fromJson(ansible.readAllStandardOutput())
                                         .object()[QStringLiteral("_meta")]
                                         .toObject()[QStringLiteral("hostvars")]
                                         .toObject();
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QJsonObject vars = hostVars[QStringLiteral("node%1").arg(i)].toObject();
            QVERIFY2(vars.contains(cases.at(i).key), cases.at(i).name);
            QCOMPARE(vars[cases.at(i).key], yaml::toJson(cases.at(i).value));
        }
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        QTest::newRow("flow-style root") << QByteArray("{a: 1, b: 2}\n") << QStringLiteral("a")
                                         << QStringLiteral("flow");
        QTest::newRow("anchor used elsewhere")
            << QByteArray("a: &x [1]\nb: *x\n") << QStringLiteral("a") << QStringLiteral("&x");
        QTest::newRow("merge key in the value") << QByteArray("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")
                                                << QStringLiteral("derived") << QStringLiteral("merge");
        QTest::newRow("merge key is the key")
            << QByteArray("<<: {x: 1}\ny: 2\n") << QStringLiteral("<<") << QStringLiteral("merge");
        QTest::newRow("CR alone as line break: read, not edited")
            << QByteArray("a: 1\rb: [2]\r") << QStringLiteral("b") << QStringLiteral("line breaks");
    }

    void refusals() {
        QFETCH(QByteArray, before);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        const QByteArray result = edited(before, key, node("[9]"));
        QVERIFY2(result.startsWith("refused: f.yml:"), result.constData());
        QVERIFY2(result.contains(reason.toUtf8()), result.constData());
    }

    // Ansible's reader takes a CR alone, NEL, LS and PS for line breaks: so does the document (lines as Ansible
    // counts them).
    void foreignLineBreaksAreLineBreaks() {
        const auto document = YamlDocument::parse("a: 1\rb: 2\xC2\x85"
                                                  "c: 3\xE2\x80\xA8"
                                                  "d: \"x\xE2\x80\xA9y\"\n",
                                                  QStringLiteral("f.yml"));
        QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
        QCOMPARE(document->keys().size(), 4);
        QCOMPARE(document->keys().at(3).line, 4);
        QCOMPARE(yaml::scalarText(document->value(QStringLiteral("d"))->value), QStringLiteral("x y"));
    }

    void anchorUsedNowhereElseMayBeReplaced() {
        QCOMPARE(edited("a: &x [1]\nb: 2\n", QStringLiteral("a"), node("[3]")), QByteArray("a: [3]\nb: 2\n"));
    }

    // Random sequences of edits on the era fixtures: only the edited key's lines change (its value's lines, for a
    // key that exists), the file always parses again, and every other key keeps its value.
    void randomEditsKeepEverythingElse() {
        const QStringList keys = {QStringLiteral("kube_pods_subnet"),
                                  QStringLiteral("kube_service_addresses"),
                                  QStringLiteral("upstream_dns_servers"),
                                  QStringLiteral("kubectl_localhost"),
                                  QStringLiteral("kubeconfig_localhost"),
                                  QStringLiteral("nodelocaldns_external_zones"),
                                  QStringLiteral("containerd_registries_mirrors"),
                                  QStringLiteral("dns_mode"),
                                  QStringLiteral("brand_new_key")};
        const QList<YAML::Node> values = {yaml::string(QStringLiteral("10.240.0.0/18")),
                                          node("[10.244.10.130]"),
                                          node("true"),
                                          node("{a: 1}"),
                                          yaml::string(QStringLiteral("no")),
                                          node("[{prefix: r.example, mirrors: [{host: 'http://r.example'}]}]"),
                                          node("42"),
                                          yaml::string(QStringLiteral("héllo wörld"))};
        QRandomGenerator random(20261126); // fixed: a failure must be reproducible
        int files = 0, editsDone = 0;
        QDirIterator it(test::fixturePath(QStringLiteral("inventories")), {QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            auto document = YamlDocument::load(path);
            QVERIFY2(document, qPrintable(path));
            ++files;
            for (int round = 0; round < 12; ++round) {
                const QString key = keys.at(random.bounded(keys.size()));
                const YAML::Node value = values.at(random.bounded(values.size()));
                const QByteArray before = document->bytes();
                const YamlDocument previous = *document;
                const auto placement = document->setValue(key, value);
                QVERIFY2(placement, placement ? "" : qPrintable(placement.error().toString()));
                ++editsDone;
                const QByteArray after = document->bytes();

                // One contiguous region changed: a common prefix and suffix of whole lines cover the rest.
                const QList<QByteArray> a = before.split('\n'), b = after.split('\n');
                qsizetype prefix = 0;
                while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
                    ++prefix;
                qsizetype suffix = 0;
                while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
                       a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
                    ++suffix;
                const auto live = previous.value(key);
                if (live && *placement != YamlDocument::Placement::Unchanged) {
                    // Only lines of the key's own value changed (inside it, or all of them).
                    int nextKeyLine = int(a.size()) + 1;
                    for (const auto &other : previous.keys()) {
                        if (other.line > live->line)
                            nextKeyLine = std::min(nextKeyLine, other.line);
                    }
                    QVERIFY2(prefix >= live->line - 1, qPrintable(path + QStringLiteral(": ") + key));
                    QVERIFY2(a.size() - suffix <= nextKeyLine - 1, qPrintable(path + QStringLiteral(": ") + key));
                } else if (*placement != YamlDocument::Placement::Unchanged) {
                    QVERIFY2(prefix < b.size() && b[prefix].startsWith(key.toUtf8() + ':'),
                             qPrintable(path + QStringLiteral(": ") + key));
                    if (prefix < a.size() - suffix) {
                        const QByteArray old = a[prefix];
                        QVERIFY2(old.startsWith(key.toUtf8() + ':') || old.startsWith('#') || old.isEmpty(),
                                 old.constData());
                    }
                } else {
                    QCOMPARE(after, before);
                }
                const auto reparsed = YamlDocument::parse(after, path);
                QVERIFY(reparsed);
                QVERIFY(yaml::sameValue(reparsed->value(key)->value, value));
                for (const auto &other : previous.keys()) {
                    if (other.name != key)
                        QVERIFY2(yaml::sameValue(previous.value(other.name)->value, reparsed->value(other.name)->value),
                                 qPrintable(other.name));
                }
            }
        }
        QVERIFY(files >= 15);
        QVERIFY(editsDone >= 180);
    }

    void missingFile() {
        const auto document = YamlDocument::load(QStringLiteral("/nonexistent/file.yml"));
        QVERIFY(!document);
        QVERIFY(document.error().toString().startsWith(u"/nonexistent/file.yml: "));
    }

    void yaml11ScalarTypes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("type");
        using T = yaml::ScalarType;
        QTest::newRow("yes is a bool") << QByteArray("v: yes") << int(T::Bool);
        QTest::newRow("On is a bool") << QByteArray("v: On") << int(T::Bool);
        QTest::newRow("quoted yes is a string") << QByteArray("v: \"yes\"") << int(T::String);
        QTest::newRow("24 is an int") << QByteArray("v: 24") << int(T::Int);
        QTest::newRow("0x1F is an int") << QByteArray("v: 0x1F") << int(T::Int);
        QTest::newRow("1:20 is a sexagesimal int") << QByteArray("v: 1:20") << int(T::Int);
        QTest::newRow("1.20 is a float") << QByteArray("v: 1.20") << int(T::Float);
        QTest::newRow("~ is null") << QByteArray("v: ~") << int(T::Null);
        QTest::newRow("empty is null") << QByteArray("v:") << int(T::Null);
        QTest::newRow("a CIDR is a string") << QByteArray("v: 10.233.64.0/18") << int(T::String);
        QTest::newRow("an address is a string") << QByteArray("v: 10.244.10.130") << int(T::String);
        QTest::newRow("y is a string in YAML 1.1 as PyYAML reads it") << QByteArray("v: y") << int(T::String);
    }

    void yaml11ScalarTypes() {
        QFETCH(QByteArray, text);
        QFETCH(int, type);
        const auto document = YamlDocument::parse(text, QStringLiteral("f.yml"));
        QVERIFY(document);
        QCOMPARE(int(yaml::scalarType(document->value(QStringLiteral("v"))->value)), type);
    }
};

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "TestYamlDocument.moc"
