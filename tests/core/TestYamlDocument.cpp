// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlValues.h"

#include <QDirIterator>
#include <QObject>
#include <QRandomGenerator>
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
            << yaml::string(QStringLiteral("y")) << QByteArray("a: y  # real\nb: 1\n");
    }

    void edits() {
        QFETCH(QByteArray, before);
        QFETCH(QString, key);
        QFETCH(YAML::Node, value);
        QFETCH(QByteArray, after);
        QCOMPARE(edited(before, key, value), after);
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
    }

    void refusals() {
        QFETCH(QByteArray, before);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        const QByteArray result = edited(before, key, node("[9]"));
        QVERIFY2(result.startsWith("refused: f.yml:"), result.constData());
        QVERIFY2(result.contains(reason.toUtf8()), result.constData());
    }

    void anchorUsedNowhereElseMayBeReplaced() {
        QCOMPARE(edited("a: &x [1]\nb: 2\n", QStringLiteral("a"), node("[3]")), QByteArray("a: [3]\nb: 2\n"));
    }

    // Random sequences of edits on the era fixtures: only the edited key's lines change, the file always
    // parses again, and every other key keeps its value.
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
                if (*placement != YamlDocument::Placement::Unchanged) {
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
