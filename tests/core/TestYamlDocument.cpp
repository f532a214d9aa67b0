// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QObject>
#include <QTest>

using namespace ksw;

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
