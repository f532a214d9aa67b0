// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// What Ansible refuses to read, we refuse; what it reads, we read (issue 12, item 4). Each case is a group_vars file
// holding the bytes, judged by Debian's ansible-inventory (--host node1) and by YamlDocument; the verdicts must be
// the same, and a refusal must name file:line:column, make `check` exit 2 and `apply` write nothing.
#include "TestSupport.h"

#include "yaml/YamlDocument.h"

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ksw;

namespace {

struct VerdictCase {
    const char *name;
    QByteArray bytes;
    bool refused; ///< what Ansible does with it (checked against ansible-inventory too)
    int line = 0; ///< where we refuse it (0: not checked)
    int column = 0;
};

QByteArray utf16(const char *text, bool bigEndian, bool byteOrderMark) {
    QByteArray bytes;
    if (byteOrderMark)
        bytes += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char *c = text; *c; ++c)
        bytes += bigEndian ? QByteArray(1, '\0') + *c : QByteArray(1, *c) + '\0';
    return bytes;
}

/// Bytes that are not UTF-8 text, and characters YAML does not allow.
QList<VerdictCase> encodingCases() {
    return {
        {"invalid UTF-8 byte", "a: 1\nb: \xFF\n", true, 2, 4},
        {"Latin-1 comment", "# caf\xE9\na: 1\n", true, 1, 6},
        {"Latin-1 value", "kube_pods_subnet: caf\xE9\n", true, 1, 22},
        {"UTF-16LE with BOM", utf16("a: 1\n", false, true), true, 1, 1},
        {"UTF-16BE with BOM", utf16("a: 1\n", true, true), true, 1, 1},
        {"UTF-16LE without BOM", utf16("a: 1\n", false, false), true, 1, 2},
        {"UTF-16BE without BOM", utf16("a: 1\n", true, false), true, 1, 1},
        {"UTF-32 with BOM", QByteArray("\xFF\xFE\x00\x00", 4) + QByteArray("a\0\0\0", 4), true, 1, 1},
        {"UTF-8 surrogate", "a: \xED\xA0\x80\n", true, 1, 4},
        {"UTF-8 overlong slash", "a: \xC0\xAF\n", true, 1, 4},
        {"UTF-8 with BOM",
         "\xEF\xBB\xBF"
         "a: 1\n",
         false},
        {"emoji", "a: \xF0\x9F\x98\x80\n", false},
        {"NUL", QByteArray("a: 1\0\n", 6), true, 1, 5},
        {"NUL in a comment", QByteArray("# x\0\na: 1\n", 10), true, 1, 4},
        {"control character U+0001", "a: x\x01y\n", true, 1, 5},
        {"DEL", "a: x\x7Fy\n", true, 1, 5},
        {"C1 control U+0080", "a: x\xC2\x80y\n", true, 1, 5},
        {"escape in a quoted value", "a: \"x\x1By\"\n", true, 1, 6},
        {"U+FFFE", "a: x\xEF\xBF\xBEy\n", true, 1, 5},
        {"NEL inside a plain value", "a: x\xC2\x85y\n", true},
        {"NEL ending a comment", "# c\xC2\x85\na: 1\n", false},
        {"LS ending a comment, a key after it",
         "# c\xE2\x80\xA8"
         "b: 2\na: 1\n",
         false},
        {"CR alone as line break", "a: 1\rb: 2\r", false},
        {"CR alone and CRLF mixed", "a: 1\r\nb: 2\rc: 3\n", false},
        {"byte order mark starting a later line",
         "a: 1\n\xEF\xBB\xBF"
         "b: 2\n",
         true, 2, 1},
        {"byte order mark after a document start",
         "---\n\xEF\xBB\xBF"
         "a: 1\n",
         false},
    };
}

/// Quotes, tabs, directives and documents.
QList<VerdictCase> scannerCases() {
    return {
        {"file ends right after an opening quote", "kube_pods_subnet: \"", true, 1, 19},
        {"file ends in a quoted value", "kube_pods_subnet: \"\n", true, 1, 19},
        {"file ends in a single-quoted value", "a: 'abc\n", true, 1, 4},
        {"tab as indentation", "a:\n\tb: 1\n", true},
        {"tab before a comment line", "a:\n\t# c\n  - x\n", true, 2, 1},
        {"tab on a blank line", "a: 1\n\t\nb: 2\n", true},
        {"tab after a dash", "a:\n  -\t1\n", true, 2, 4},
        {"tab after a dash and a space", "a:\n  - \t1\n", true, 2, 5},
        {"tab before the first comment", "\t# c\na: 1\n", true, 1, 1},
        {"tab after an explicit key", "?\ta\n: 1\n", true, 1, 2},
        {"tab after a key's colon", "a:\t1\n", false},
        {"tab before a trailing comment", "a: 1\t# c\n", false},
        {"tab in a flow list's indentation", "a: [\n\t1]\n", false},
        {"tab inside a plain value", "a: x\ty\n", false},
        {"tab after spaces before a comment", "a: 1\n  \t# c\n", false},
        {"tab inside a block scalar's text", "a: |\n  x\n  \ty\n", false},
        {"tab in a block scalar's indentation", "a: |\n\tx\n", true},
        {"%YAML 1.2 directive", "%YAML 1.2\n---\na: 1\n", false},
        {"%YAML 1.1 directive", "%YAML 1.1\n---\na: 1\n", false},
        {"%YAML 2.0 directive", "%YAML 2.0\n---\na: 1\n", true},
        {"%TAG directive", "%TAG ! tag:example.com,2000:\n---\na: 1\n", false},
        {"unknown directive", "%FOO bar\n---\na: 1\n", true, 1, 1},
        {"directive without a document start", "%YAML 1.1\na: 1\n", true, 2, 1},
        {"directive inside a document", "b: 1\n%a: 1\n", true, 2, 1},
        {"second document", "a: 1\n---\nb: 2\n", true, 2, 1},
        {"second, empty document", "a: 1\n---\n", true, 2, 1},
        {"document end, then another", "a: 1\n...\n---\nb: 2\n", true, 3, 1},
        {"document end, then text", "a: 1\n...\njunk\n", true, 3, 1},
        {"two document starts", "---\n---\na: 1\n", true, 2, 1},
        {"document end before any document", "...\na: 1\n", true, 1, 1},
        {"document end only", "a: 1\n...\n", false},
        {"document end twice", "a: 1\n...\n...\n", false},
        {"document start only", "---\n", false},
        {"empty file", "", false},
        {"comments only", "# nothing\n#   upstream_dns_servers:\n", false},
    };
}

/// Keys, anchors, tags and values Ansible cannot build.
QList<VerdictCase> valueCases() {
    return {
        {"unknown local tag", "a: !foo 1\n", true, 1, 4},
        {"Python tag", "a: !!python/name:os.system\n", true, 1, 4},
        {"!!binary", "a: !!binary aGVsbG8=\n", true, 1, 4},
        {"!!set", "a: !!set {x: null}\n", true, 1, 4},
        {"!!int on text", "a: !!int abc\n", true, 1, 4},
        {"!!int on nothing", "a: !!int\n", true, 1, 4},
        {"!!bool y", "a: !!bool y\n", true, 1, 4},
        {"!!str on a mapping", "a: !!str {b: 1}\n", true, 1, 4},
        {"!!omap with a plain item", "a: !!omap [{x: 1}, y]\n", true, 1, 4},
        {"a date that does not exist", "a: 2001-13-45\n", true, 1, 4},
        {"a plain = as a value", "a: =\n", true, 1, 4},
        {"a plain << as a value", "a: <<\n", true, 1, 4},
        {"merge key with a scalar", "a:\n  <<: 1\n", true},
        {"!!str", "a: !!str 1\n", false},
        {"!unsafe on a mapping", "a: !unsafe {b: 1}\n", false},
        {"!vault", "a: !vault |\n  xx\n", false},
        {"verbatim tag", "a: !<tag:yaml.org,2002:str> 1\n", false},
        {"%TAG to YAML's own tags", "%TAG !y! tag:yaml.org,2002:\n---\na: !y!str 1\n", false},
        {"a valid date", "a: 2001-12-14\n", false},
        {"an anchor defined twice", "a: &x 1\nb: &x 2\nc: *x\n", true, 2, 4},
        {"an anchor defined twice, unused", "a: &x 1\nb: &x 2\n", true, 2, 4},
        {"a non-ASCII anchor name", "a: &\xE6\x97\xA5 1\n", true, 1, 4},
        {"an anchor name ending in a colon", "a: &x: 1\n", true},
        {"an alias to nothing", "a: *x\n", true},
        {"a key of 1100 characters", QByteArray(1100, 'k') + ": 1\n", true},
        {"a key of 1024 characters", QByteArray(1024, 'k') + ": 1\n", false},
        {"a null key", "~: a\nb: 1\n", false},
        {"a number as a key", "1: a\n", false},
        {"a key without its colon", "a:\nb\n", true, 2, 1},
        {"a nested key without its colon", "a:\n  b: 1\n  c\n", true, 3, 3},
        {"a colon with no key", "a: 1\n:\n", true, 2, 1},
        {"a list as a key", "[a]: 1\n", true},
        {"indented top-level mapping, then a line at column 0", " a: 1\nb: 2\n", true, 2, 1},
        {"a flow mapping at the top, then a key", "{a: 1}\nb: 2\n", true, 2, 1},
        {"an empty entry in a flow list", "a: [1, , 2]\n", true, 1, 8},
        {"a value starting with a comma", ",a: 1\n", true, 1, 1},
        {"'?' inside a flow list's value", "a: [http://r.example/?x=1, b? c]\n", false},
        {"'?' in a flow value, lines starting with byte order marks",
         "---\n\xEF\xBB\xBF"
         "a: [x?y]\n\xEF\xBB\xBF"
         "b: 1\n",
         false},
        {"duplicate keys", "a: 1\na: 2\n", false},
        {"a flow mapping's key alone on its line", "a: {b,\n  c\n}\n", false},
        {"a ':' in a flow list with no key", "a: [: 1]\n", true, 1, 5},
        {"JSON with DEL in a string", "{\"a\": \"x\x7Fy\"}", false},
        {"JSON starting with a tab", "\t{\"a\": 1}", false},
        {"JSON key whose ':' is on the next line", "{\"a\"\n: 1}\n", false},
        {"JSON with NEL in a key", "{\"a\xC2\x85\": 1}\n", false},
    };
}

/// The inventory of one case: node1 in all, group_vars/all.yml holding the bytes.
void writeInventory(const QString &directory, const QByteArray &bytes) {
    test::writeAll(directory + QStringLiteral("/hosts.yaml"), "all:\n  hosts:\n    node1:\n");
    test::writeAll(directory + QStringLiteral("/group_vars/all.yml"), bytes);
}

} // namespace

class TestYamlVerdicts : public QObject {
    Q_OBJECT

private slots:
    // ansible-inventory takes a second or more: every case is judged up front, a few at a time.
    void initTestCase() {
        const QString ansible = QStandardPaths::findExecutable(QStringLiteral("ansible-inventory"));
        QVERIFY2(!ansible.isEmpty(), "ansible-inventory is missing: scripts/setup installs Debian's ansible");
        QVERIFY(m_root.isValid());
        const QList<VerdictCase> cases = allCases();
        qsizetype next = 0;
        QList<std::pair<QString, std::shared_ptr<QProcess>>> running;
        while (next < cases.size() || !running.isEmpty()) {
            while (next < cases.size() && running.size() < 3) {
                const QString name = QString::fromUtf8(cases.at(next).name);
                const QString directory = m_root.filePath(QStringLiteral("ansible%1").arg(next));
                writeInventory(directory, cases.at(next).bytes);
                auto process = std::make_shared<QProcess>();
                process->setWorkingDirectory(directory);
                process->start(ansible, {QStringLiteral("-i"), QStringLiteral("hosts.yaml"), QStringLiteral("--host"),
                                         QStringLiteral("node1")});
                running.append({name, process});
                ++next;
            }
            auto &[name, process] = running.first();
            QVERIFY2(process->waitForFinished(120000), qPrintable(name));
            m_ansibleRefused.insert(name, process->exitCode() != 0);
            m_ansibleSaid.insert(name, QString::fromUtf8(process->readAllStandardError()));
            running.removeFirst();
        }
    }

    void sameVerdictAsAnsible_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        for (const VerdictCase &verdict : allCases())
            QTest::newRow(verdict.name) << verdict.bytes << verdict.refused << verdict.line << verdict.column;
    }

    void sameVerdictAsAnsible() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, refused);
        QFETCH(int, line);
        QFETCH(int, column);
        const QString name = QString::fromUtf8(QTest::currentDataTag());
        QVERIFY2(m_ansibleRefused.contains(name), "ansible-inventory did not judge this case");
        // The table says what Ansible does; Ansible must still do it, or the case no longer tests its claim.
        QVERIFY2(m_ansibleRefused.value(name) == refused, qPrintable(m_ansibleSaid.value(name)));

        const QString path = QStringLiteral("group_vars/all.yml");
        const auto document = YamlDocument::parse(bytes, path);
        if (!refused) {
            QVERIFY2(document, document ? "" : qPrintable(document.error().toString()));
            return;
        }
        QVERIFY2(!document, "accepted what Ansible refuses");
        const Error &error = document.error();
        QCOMPARE(error.where.file, path);
        QVERIFY2(error.where.line >= 1 && error.where.column >= 1, qPrintable(error.toString()));
        if (line > 0) {
            QCOMPARE(error.where.line, line);
            QCOMPARE(error.where.column, column);
        }
        QVERIFY(!error.message.isEmpty());
    }

    // A refused file stops `check` (exit 2, the place named) and `apply` (exit 2, nothing written).
    void refusalsStopCheckAndApply_data() {
        QTest::addColumn<QByteArray>("bytes");
        for (const VerdictCase &verdict : allCases()) {
            if (verdict.refused)
                QTest::newRow(verdict.name) << verdict.bytes;
        }
    }

    void refusalsStopCheckAndApply() {
        QFETCH(QByteArray, bytes);
        QTemporaryDir inventory, data;
        writeInventory(inventory.path(), bytes);
        const auto before = test::snapshot(inventory.path());
        const QString expected = YamlDocument::parse(bytes, QStringLiteral("group_vars/all.yml")).error().toString();

        for (const QString &command : {QStringLiteral("check"), QStringLiteral("apply")}) {
            QProcess wizard;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
            wizard.setProcessEnvironment(environment);
            QStringList arguments{command, QStringLiteral("--inventory"), inventory.path()};
            if (command == u"apply")
                arguments << QStringLiteral("--site") << test::sourcePath(QStringLiteral("resources/demo/site.yaml"));
            wizard.start(QStringLiteral(KSW_BINARY), arguments);
            QVERIFY(wizard.waitForFinished(60000));
            QCOMPARE(wizard.exitCode(), 2);
            QVERIFY2(QString::fromUtf8(wizard.readAllStandardError()).contains(expected), qPrintable(expected));
        }
        QCOMPARE(test::snapshot(inventory.path()), before);
    }

private:
    static QList<VerdictCase> allCases() { return encodingCases() + scannerCases() + valueCases(); }

    QTemporaryDir m_root;
    QHash<QString, bool> m_ansibleRefused;
    QHash<QString, QString> m_ansibleSaid;
};

QTEST_GUILESS_MAIN(TestYamlVerdicts)
#include "TestYamlVerdicts.moc"
