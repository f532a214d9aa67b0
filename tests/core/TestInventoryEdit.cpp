// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include "analysis/Assessment.h"
#include "analysis/ChangeSet.h"
#include "kubespray/Inventory.h"
#include "store/History.h"
#include "store/InventoryEdit.h"
#include "util/UnifiedDiff.h"
#include "yaml/YamlEmit.h"
#include "yaml/YamlValues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ksw;

class TestInventoryEdit : public QObject {
    Q_OBJECT

private slots:
    void init() { qputenv("XDG_DATA_HOME", m_data.path().toUtf8()); }

    void changeSetKeepsOneValuePerKey() {
        ChangeSet set;
        set.add({QStringLiteral("a.yml"), QStringLiteral("k"), YAML::Node(1), {}});
        set.add({QStringLiteral("b.yml"), QStringLiteral("k"), YAML::Node(2), {}});
        set.add({QStringLiteral("a.yml"), QStringLiteral("k"), YAML::Node(3), {}});
        QCOMPARE(set.changes().size(), 2);
        QCOMPARE(set.changes().at(0).value.as<int>(), 3);
        QCOMPARE(set.files(), (QStringList{QStringLiteral("a.yml"), QStringLiteral("b.yml")}));
    }

    void refusesWhenTheFileChangedOnDisk() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("group_vars/all/all.yml"));
        QVERIFY(test::writeAll(file, "a: 1\n"));
        ChangeSet set;
        set.add({QStringLiteral("group_vars/all/all.yml"), QStringLiteral("a"), YAML::Node(2), {}});
        const auto edit = InventoryEdit::prepare(dir.path(), set);
        QVERIFY(edit);
        QVERIFY(test::writeAll(file, "a: 1\nb: someone else\n"));
        History history(dir.path());
        const auto written = edit->write(history, QStringLiteral("test"));
        QVERIFY(!written);
        QVERIFY(written.error().message.contains(u"changed on disk"));
        QCOMPARE(test::readAll(file), QByteArray("a: 1\nb: someone else\n"));
        QVERIFY(history.entries().isEmpty());
    }

    void refusesPathsOutsideTheInventory() {
        QTemporaryDir dir;
        ChangeSet set;
        set.add({QStringLiteral("../elsewhere.yml"), QStringLiteral("a"), YAML::Node(2), {}});
        const auto edit = InventoryEdit::prepare(dir.path() + QStringLiteral("/inv"), set);
        QVERIFY(!edit);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("elsewhere.yml"))));
    }

    void historyLivesOutsideTheInventory() {
        QTemporaryDir dir;
        const History history(dir.path());
        QVERIFY(history.folder().startsWith(m_data.path() + QStringLiteral("/kubespray-wizard/")));
        QVERIFY(!history.folder().startsWith(dir.path()));
        QCOMPARE(History::inventoryId(dir.path()), History::inventoryId(dir.path() + QStringLiteral("/")));
        QVERIFY(History::inventoryId(dir.path()) != History::inventoryId(m_data.path()));
    }

    void unifiedDiff_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one line changed")
            << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("a\nb\nC\nd\ne\n")
            << QStringLiteral("--- a/f.yml\n+++ b/f.yml\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+C\n d\n e\n");
        QTest::newRow("no newline at end")
            << QByteArray("a\nb") << QByteArray("a\nc")
            << QStringLiteral("--- a/f.yml\n+++ b/f.yml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
                              "\\ No newline at end of file\n");
        QTest::newRow("equal") << QByteArray("a\n") << QByteArray("a\n") << QString();
    }

    void unifiedDiff() {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QString, expected);
        QCOMPARE(ksw::unifiedDiff(QStringLiteral("f.yml"), before, after), expected);
    }

    void newFileDiffsAgainstDevNull() {
        QCOMPARE(ksw::unifiedDiff(QStringLiteral("n.yml"), QByteArray(), "k: v\n", false),
                 QStringLiteral("--- /dev/null\n+++ b/n.yml\n@@ -0,0 +1,1 @@\n+k: v\n"));
    }

    void overlayShowsTheInventoryAsItWouldBe() {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(test::sourcePath(QStringLiteral("resources/demo/mycluster")), dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("group_vars/all/containerd.yml"))));
        Inventory::Overlay overlay;
        overlay.insert(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"), "kube_pods_subnet: 10.240.0.0/18\n");
        overlay.insert(QStringLiteral("group_vars/all/containerd.yml"), "containerd_use_config_path: true\n");
        const auto inventory = Inventory::load(dir.path(), overlay);
        QVERIFY(inventory);
        QCOMPARE(yaml::scalarText(inventory->clusterValue(QStringLiteral("kube_pods_subnet"))->value),
                 QStringLiteral("10.240.0.0/18"));
        QCOMPARE(yaml::scalarText(inventory->clusterValue(QStringLiteral("containerd_use_config_path"))->value),
                 QStringLiteral("true"));
        // The disk is untouched.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("group_vars/all/containerd.yml"))));
        QVERIFY(test::readAll(dir.filePath(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml")))
                    .contains("kube_pods_subnet: 10.233.64.0/18"));
    }

    // Issue 12, item 3: the fixes for the company registry reach inside the user's own registry settings; every
    // comment, quote and flow list of theirs stays, and Ansible reads the value the fix meant.
    void fixesKeepTheCommentsInsideValues_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("key");
        QTest::newRow("v2.25 mirror list gains the company registry")
            << QStringLiteral("mirrors-v2.25") << QStringLiteral("v2.25.0")
            << QStringLiteral("containerd_registries_mirrors");
        QTest::newRow("v2.21 registries mapping gains the company registry, CRLF")
            << QStringLiteral("registries-v2.21") << QStringLiteral("v2.21.0")
            << QStringLiteral("containerd_registries");
    }

    void fixesKeepTheCommentsInsideValues() {
        QFETCH(QString, fixture);
        QFETCH(QString, version);
        QFETCH(QString, key);
        QTemporaryDir dir;
        QVERIFY(test::copyTree(test::sourcePath(QStringLiteral("resources/demo/mycluster")), dir.path()));
        const QString relative = QStringLiteral("group_vars/all/containerd.yml");
        QVERIFY(test::writeAll(dir.filePath(relative),
                               test::readAll(test::fixturePath(QStringLiteral("yaml-inside/%1.yml").arg(fixture)))));

        Assessment::Request request;
        request.inventoryPath = dir.path();
        request.siteProfilePath = test::sourcePath(QStringLiteral("resources/demo/site.yaml"));
        request.kubesprayVersion = KubesprayVersion::parse(version);
        request.inspectAnsible = false;
        const auto assessment = Assessment::run(request);
        QVERIFY2(assessment, assessment ? "" : qPrintable(assessment.error().toString()));
        const ChangeSet changes = ChangeSet::fromFindings(assessment->findings());
        const auto edit = InventoryEdit::prepare(assessment->config().inventory(), changes);
        QVERIFY2(edit, edit ? "" : qPrintable(edit.error().toString()));

        const auto file = std::find_if(edit->files().cbegin(), edit->files().cend(),
                                       [&](const InventoryEdit::FileEdit &f) { return f.path == relative; });
        QVERIFY(file != edit->files().cend());
        QCOMPARE(file->after,
                 test::readAll(test::fixturePath(QStringLiteral("yaml-inside/%1.expected.yml").arg(fixture))));
        QVERIFY(file->keys.contains(std::pair{key, YamlDocument::Placement::EditedInside}));
        // Lines were only added to this file.
        const QString diff = ksw::unifiedDiff(relative, file->before, file->after);
        for (const QString &line : diff.split(u'\n')) {
            if (!line.startsWith(u"---"))
                QVERIFY2(!line.startsWith(u'-'), qPrintable(diff));
        }

        // Ansible reads the value the change meant.
        QVERIFY(test::writeAll(dir.filePath(relative), file->after));
        QProcess ansible;
        ansible.start(QStringLiteral("ansible-inventory"),
                      {QStringLiteral("-i"), dir.filePath(QStringLiteral("hosts.yaml")), QStringLiteral("--host"),
                       QStringLiteral("node1")});
        QVERIFY(ansible.waitForFinished(120000));
        QVERIFY2(ansible.exitCode() == 0, ansible.readAllStandardError().constData());
        const QJsonObject vars = QJsonDocument::fromJson(ansible.readAllStandardOutput()).object();
        const auto intended = std::find_if(changes.changes().cbegin(), changes.changes().cend(),
                                           [&](const auto &change) { return change.key == key; });
        QVERIFY(intended != changes.changes().cend());
        QCOMPARE(vars.value(key), yaml::toJson(intended->value));
    }

private:
    QTemporaryDir m_data;
};

QTEST_GUILESS_MAIN(TestInventoryEdit)
#include "TestInventoryEdit.moc"
