// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// Small inputs that once made the wizard hang or exhaust memory (issue 11, item 5). A hang fails this test by
// CTest's time-out (tests/CMakeLists.txt), never by a timed assertion. Where Ansible decides what an inventory
// means, Debian's real ansible-inventory reads the same file.
#include "analysis/Assessment.h"
#include "kubespray/Inventory.h"
#include "kubespray/KubesprayVersion.h"
#include "net/AddressPlan.h"
#include "net/Cidr.h"
#include "net/IpAddress.h"
#include "util/InputLimits.h"
#include "yaml/YamlValues.h"

#include "OwnMemory.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

/// What `ansible-inventory -i FILE --list` makes of a file: its JSON, or `parsed` false when Ansible refused it
/// (it then warns "Failed to parse" and lists only the implicit localhost).
struct AnsibleList {
    bool parsed = false;
    QJsonObject json;
    QString errors;

    /// The direct hosts of `group`, in Ansible's order.
    QStringList directHosts(const QString &group) const {
        QStringList hosts;
        for (const QJsonValue &host : json.value(group).toObject().value(u"hosts"_s).toArray())
            hosts.append(host.toString());
        return hosts;
    }
    /// Every host of `group` and its children, each once.
    QSet<QString> allHosts(const QString &group) const {
        QSet<QString> hosts;
        QStringList pending{group};
        QSet<QString> seen{group};
        while (!pending.isEmpty()) {
            const QJsonObject entry = json.value(pending.takeLast()).toObject();
            for (const QJsonValue &host : entry.value(u"hosts"_s).toArray())
                hosts.insert(host.toString());
            for (const QJsonValue &child : entry.value(u"children"_s).toArray()) {
                if (!seen.contains(child.toString())) {
                    seen.insert(child.toString());
                    pending.append(child.toString());
                }
            }
        }
        return hosts;
    }
};

AnsibleList ansibleList(const QString &hostsFile) {
    QProcess process;
    process.setWorkingDirectory(QFileInfo(hostsFile).absolutePath());
    process.start(u"ansible-inventory"_s, {u"-i"_s, hostsFile, u"--list"_s});
    if (!process.waitForFinished(100000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    AnsibleList result;
    result.errors = QString::fromUtf8(process.readAllStandardError());
    result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    result.parsed = process.exitCode() == 0 && !result.errors.contains(u"Failed to parse"_s);
    return result;
}

struct WizardRun {
    int exitCode = -1;
    QString err;
};

/// The real command line, with a data folder of its own.
WizardRun runCheck(const QString &inventory) {
    static QTemporaryDir dataHome;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dataHome.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KSW_BINARY),
                  {u"check"_s, u"--inventory"_s, inventory, u"--kubespray-version"_s, u"v2.25.0"_s});
    if (!process.waitForFinished(100000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

QString errorText(const Expected<Inventory> &inventory) {
    return inventory ? QString() : inventory.error().toString();
}

/// A minimal Kubespray hosts.yaml with one host, for tests whose subject is a vars file.
const QByteArray OneHost = "all:\n"
                           "  hosts:\n"
                           "    node1:\n"
                           "      ansible_host: 10.0.0.1\n"
                           "  children:\n"
                           "    kube_control_plane:\n"
                           "      hosts:\n"
                           "        node1:\n"
                           "    kube_node:\n"
                           "      hosts:\n"
                           "        node1:\n"
                           "    etcd:\n"
                           "      hosts:\n"
                           "        node1:\n"
                           "    k8s_cluster:\n"
                           "      children:\n"
                           "        kube_control_plane:\n"
                           "        kube_node:\n";

/// A hosts.yaml in the layout of Kubespray's inventory builder: every host under all.hosts with ansible_host, ip
/// and access_ip, three control-plane and etcd members, every host a worker.
QByteArray builderHostsYaml(int hosts) {
    QByteArray yaml = "all:\n  hosts:\n";
    QByteArray members;
    for (int i = 1; i <= hosts; ++i) {
        const QByteArray host = "node" + QByteArray::number(i);
        const QByteArray address = "10.10." + QByteArray::number(i / 250) + "." + QByteArray::number(i % 250 + 1);
        yaml += "    " + host + ":\n      ansible_host: " + address + "\n      ip: " + address +
                "\n      access_ip: " + address + "\n";
        members += "        " + host + ":\n";
    }
    return yaml +
           "  children:\n"
           "    kube_control_plane:\n      hosts:\n        node1:\n        node2:\n        node3:\n"
           "    etcd:\n      hosts:\n        node1:\n        node2:\n        node3:\n"
           "    kube_node:\n      hosts:\n" +
           members +
           "    k8s_cluster:\n      children:\n        kube_control_plane:\n        kube_node:\n        calico_rr:\n"
           "    calico_rr:\n      hosts: {}\n";
}

/// The same inventory as inventory.ini: one line per host with its variables, then the groups.
QByteArray builderInventoryIni(int hosts) {
    QByteArray ini = "[all]\n";
    for (int i = 1; i <= hosts; ++i) {
        const QByteArray address = "10.10." + QByteArray::number(i / 250) + "." + QByteArray::number(i % 250 + 1);
        ini += "node" + QByteArray::number(i) + " ansible_host=" + address + " ip=" + address +
               " access_ip=" + address + "\n";
    }
    ini += "[kube_control_plane]\nnode[1:3]\n[etcd]\nnode[1:3]\n[kube_node]\nnode[1:" + QByteArray::number(hosts) +
           "]\n[calico_rr]\n[k8s_cluster:children]\nkube_control_plane\nkube_node\ncalico_rr\n";
    return ini;
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aliasBombIsRefused();
    void aliasesWithinTheLimitLoad();
    void aliasesInIniValuesAreText();
    void rangeOfLargeNumbers();
    void rangesAgreeWithAnsible();
    void rangeRefusalsAgreeWithAnsible_data();
    void rangeRefusalsAgreeWithAnsible();
    void longRangeKeepsWidth();
    void rangePastTheHostLimitIsRefused();
    void diamondOfChildren();
    void refusalsAgreeWithAnsible_data();
    void refusalsAgreeWithAnsible();
    void acceptancesAgreeWithAnsible_data();
    void acceptancesAgreeWithAnsible();
    void manyHostsLoadAndCheck();
    void freeRangeSearchPastManyNodes();
    void hostsFileMemoryIsProportional_data();
    void hostsFileMemoryIsProportional();
    void hugeVarsFileIsRefused();
    void denseVarsFileIsRefused();
};

void TestHostileInput::initTestCase() {
    if (QStandardPaths::findExecutable(u"ansible-inventory"_s).isEmpty())
        QFAIL("ansible-inventory is missing: scripts/setup installs Debian's ansible");
}

void TestHostileInput::aliasBombIsRefused() {
    // "Billion laughs": nine levels of nine aliases, 432 bytes that stand for 9^9 strings.
    QByteArray bomb = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (int level = 1; level <= 8; ++level) {
        QByteArrayList aliases;
        for (int i = 0; i < 9; ++i)
            aliases.append("*a" + QByteArray::number(level - 1));
        bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + aliases.join(',') + "]\n";
    }
    QVERIFY(bomb.size() < 500);
    QTemporaryDir dir;
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), OneHost));
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/all/bomb.yml"_s), bomb));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY(!inventory);
    // a5 stands for 9^6 = 531,441 values, a6 for 4.8 million: the limit (a million beyond those written) is
    // crossed at a6, line 7.
    QCOMPARE(inventory.error().where.file, u"group_vars/all/bomb.yml"_s);
    QCOMPARE(inventory.error().where.line, 7);
    QCOMPARE(inventory.error().where.column, 1);
    QCOMPARE(inventory.error().field, u"a6"_s);

    const WizardRun run = runCheck(dir.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"group_vars/all/bomb.yml:7:1"_s), qPrintable(run.err));

    // An alias to itself is a cycle that no walk may follow.
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/all/bomb.yml"_s), "ok: 1\nloop: &loop [1, *loop]\n"));
    const auto cyclic = Inventory::load(dir.path());
    QVERIFY(!cyclic);
    QCOMPARE(cyclic.error().where.line, 2);
    QCOMPARE(cyclic.error().field, u"loop"_s);
}

void TestHostileInput::aliasesWithinTheLimitLoad() {
    // A shared anchor used a thousand times, with a duplicate key inside: loaded, and the duplicate reported
    // once (at the anchor), not once per alias.
    QByteArray vars = "shared: &shared\n  a: 1\n  a: 2\n  b: [x, y]\nusers:\n";
    for (int i = 0; i < 1000; ++i)
        vars += "  - *shared\n";
    QTemporaryDir dir;
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), OneHost));
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/all/users.yml"_s), vars));
    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const auto duplicates = inventory->duplicates();
    QCOMPARE(duplicates.size(), 1);
    QCOMPARE(duplicates.first().key.path, u"shared.a"_s);
    QCOMPARE(duplicates.first().key.firstLine, 2);
    QCOMPARE(duplicates.first().key.line, 3);
    const auto users = inventory->varsFiles().first().document.value(u"users"_s);
    QVERIFY(users);
    QCOMPARE(users->value.size(), std::size_t(1000));
    QCOMPARE(users->value[999]["a"].as<int>(), 2); // the later duplicate wins, as in Ansible
}

void TestHostileInput::aliasesInIniValuesAreText() {
    // Nested aliases on one INI line: Python's literal_eval refuses them, so Ansible keeps the text as a string.
    QByteArray bomb = "[&a0 [1,1,1,1,1,1,1,1,1]";
    for (int level = 1; level <= 8; ++level) {
        QByteArrayList aliases;
        for (int i = 0; i < 9; ++i)
            aliases.append("*a" + QByteArray::number(level - 1));
        bomb += ", &a" + QByteArray::number(level) + " [" + aliases.join(',') + "]";
    }
    bomb += "]";
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, "[kube_node]\nnode1\n[all:vars]\nbomb=" + bomb + "\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const auto setting = inventory->clusterValue(u"bomb"_s);
    QVERIFY(setting);
    QVERIFY(setting->value.IsScalar());
    QCOMPARE(QString::fromStdString(setting->value.Scalar()), QString::fromUtf8(bomb));

    QProcess process;
    process.start(u"ansible-inventory"_s, {u"-i"_s, path, u"--host"_s, u"node1"_s});
    QVERIFY(process.waitForFinished(100000));
    QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(u"bomb"_s).toString(),
             QString::fromUtf8(bomb));
}

void TestHostileInput::rangeOfLargeNumbers() {
    // Signed 32-bit arithmetic turned this into 100,000 made-up hosts; Ansible's Python integers give two.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, "[kube_node]\nn[2147483646:2147483647]\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const QStringList expected{u"n2147483646"_s, u"n2147483647"_s};
    QCOMPARE(inventory->hostNames(), expected);
    const AnsibleList ansible = ansibleList(path);
    QVERIFY2(ansible.parsed, qPrintable(ansible.errors));
    QCOMPARE(ansible.directHosts(u"kube_node"_s), expected);
}

void TestHostileInput::rangesAgreeWithAnsible() {
    // Every pattern in a group of its own, one file, one ansible-inventory run.
    const QStringList patterns = {
        u"node[01:10]"_s,                                   // leading zeros keep the width
        u"a[a:c]"_s,                                        // letters
        u"b[1:10:2]"_s,                                     // a step
        u"c[a:C]"_s,                                        // a–z, then A–Z
        u"d[5:1:-1]"_s,                                     // counting down
        u"e[:3]"_s,                                         // begin defaults to 0
        u"f[001:010:3]"_s,                                  // width and step
        u"g[1:2]-[a:b]x"_s,                                 // two ranges
        u"h[-2:2]"_s,                                       // negative numbers
        u"i[1_0:1_2]"_s,                                    // Python's underscores in numbers
        u"j[bc:e]"_s,                                       // Python's substring search for letters
        u"k[3:1]"_s,                                        // empty
        u"l[1:3]]"_s,                                       // a bracket left in the names
        u"m[99999999999999999999:100000000000000000001]"_s, // past 64 bits
        u"o[1:3]:2222"_s,                                   // a range with a port
    };
    QByteArray ini = "[anchor]\nanchor1\n";
    for (int i = 0; i < patterns.size(); ++i)
        ini += "[g" + QByteArray::number(i) + "]\n" + patterns.at(i).toUtf8() + "\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, ini));

    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const AnsibleList ansible = ansibleList(path);
    QVERIFY2(ansible.parsed, qPrintable(ansible.errors));
    for (int i = 0; i < patterns.size(); ++i) {
        const QString group = u"g"_s + QString::number(i);
        const QStringList ours = inventory->hostsFile().groups.value(group).hosts;
        QVERIFY2(ours == ansible.directHosts(group),
                 qPrintable(patterns.at(i) + u": ours "_s + ours.join(u' ') + u", Ansible's "_s +
                            ansible.directHosts(group).join(u' ')));
    }
    // Spot checks, so that a shared misreading would not pass either.
    QCOMPARE(inventory->hostsFile().groups.value(u"g0"_s).hosts.first(), u"node01"_s);
    QCOMPARE(inventory->hostsFile().groups.value(u"g0"_s).hosts.last(), u"node10"_s);
    QCOMPARE(inventory->hostsFile().groups.value(u"g2"_s).hosts,
             (QStringList{u"b1"_s, u"b3"_s, u"b5"_s, u"b7"_s, u"b9"_s}));
    QCOMPARE(inventory->hostsFile().groups.value(u"g3"_s).hosts.size(), 29);
    QCOMPARE(inventory->hostsFile().groups.value(u"g11"_s).hosts, QStringList());
    QCOMPARE(inventory->hostsFile().hosts.value(u"o2"_s).vars.value(u"ansible_port"_s).value.as<int>(), 2222);
}

void TestHostileInput::rangeRefusalsAgreeWithAnsible_data() {
    QTest::addColumn<QByteArray>("pattern");
    QTest::newRow("widths differ") << QByteArray("n[01:1]");
    QTest::newRow("no end") << QByteArray("n[1:]");
    QTest::newRow("step 0") << QByteArray("n[1:3:0]");
    QTest::newRow("letters backwards") << QByteArray("n[c:a]");
    QTest::newRow("four bounds") << QByteArray("n[1:2:3:4]");
    QTest::newRow("one bound") << QByteArray("n[1]");
    QTest::newRow("unclosed") << QByteArray("n[1:3");
    QTest::newRow("not a number") << QByteArray("n[1:x]");
}

void TestHostileInput::rangeRefusalsAgreeWithAnsible() {
    QFETCH(QByteArray, pattern);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, "[kube_node]\nnode1\n  " + pattern + " ip=10.0.0.2\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(!inventory, "accepted a pattern that Ansible refuses");
    QCOMPARE(inventory.error().where.line, 3);
    QCOMPARE(inventory.error().where.column, 3);
    QCOMPARE(inventory.error().field, QString::fromUtf8(pattern));
    QVERIFY(!ansibleList(path).parsed);
}

void TestHostileInput::longRangeKeepsWidth() {
    // Each added name was searched for in the group's list: quadratic.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, "[kube_node]\nnode[000001:150000]\n[etcd]\nnode[000001:000003]\n"
                                 "[kube_control_plane]\nnode000001\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    QCOMPARE(inventory->hostNames().size(), 150000);
    QCOMPARE(inventory->hostNames().first(), u"node000001"_s);
    QCOMPARE(inventory->hostNames().at(41), u"node000042"_s);
    QCOMPARE(inventory->hostNames().last(), u"node150000"_s);
    QCOMPARE(inventory->hostsOf(u"kube_node"_s).size(), 150000);
    QCOMPARE(inventory->hostsOf(u"k8s_cluster"_s).size(), 150000); // built at run time (v2.27+)
}

void TestHostileInput::rangePastTheHostLimitIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hosts.yaml"_s);
    const QByteArray pattern = "n[1:" + QByteArray::number(limits::MaxHosts + 1) + "]";
    QVERIFY(test::writeAll(path, "all:\n  hosts:\n    " + pattern + ":\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY(!inventory);
    QCOMPARE(inventory.error().where.line, 3);
    QCOMPARE(inventory.error().where.column, 5);
    QCOMPARE(inventory.error().field, QString::fromUtf8(pattern));
    // A range counted before it is built: no 10^30 names, no wait.
    QVERIFY(test::writeAll(path, "all:\n  hosts:\n    n[1:1000000000000000000000000000000]:\n"));
    QVERIFY(!Inventory::load(path));
    const WizardRun run = runCheck(path);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"hosts.yaml:3:5"_s), qPrintable(run.err));
}

void TestHostileInput::diamondOfChildren() {
    // 24 levels of two groups, each a child of both groups above it: 2^24 paths from the top to the bottom.
    constexpr int Levels = 24;
    const auto name = [](int level, char side) {
        return "l" + QByteArray::number(level) + side;
    };
    QByteArray ini;
    for (int level = 0; level + 1 < Levels; ++level) {
        for (const char side : {'a', 'b'})
            ini += "[" + name(level, side) + ":children]\n" + name(level + 1, 'a') + "\n" + name(level + 1, 'b') + "\n";
    }
    ini += "[" + name(Levels - 1, 'a') + "]\nnode1\n[" + name(Levels - 1, 'b') + "]\nnode2\n";
    ini += "[" + name(12, 'b') + "]\nnode3\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, ini));

    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const AnsibleList ansible = ansibleList(path);
    QVERIFY2(ansible.parsed, qPrintable(ansible.errors));
    for (const QString &group : {u"l0a"_s, u"l12a"_s, u"l13b"_s, u"l23b"_s}) {
        const QStringList ours = inventory->hostsOf(group);
        QCOMPARE(QSet<QString>(ours.cbegin(), ours.cend()), ansible.allHosts(group));
    }
    QCOMPARE(inventory->hostsOf(u"l0a"_s), (QStringList{u"node1"_s, u"node2"_s, u"node3"_s}));
    QCOMPARE(inventory->hostsOf(u"l13b"_s), (QStringList{u"node1"_s, u"node2"_s}));
}

void TestHostileInput::refusalsAgreeWithAnsible_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // part of it

    // Loops of groups: Ansible refuses the link that closes one.
    QTest::newRow("INI children loop") << u"inventory.ini"_s
                                       << QByteArray("[a:children]\nb\n[b:children]\na\n[a]\nh1\n") << 4 << 1 << u"a"_s
                                       << u"closes a loop"_s;
    QTest::newRow("INI group its own child")
        << u"inventory.ini"_s << QByteArray("[a:children]\na\n[a]\nh1\n") << 2 << 1 << u"a"_s << u"child of itself"_s;
    QTest::newRow("INI all under ungrouped") << u"inventory.ini"_s << QByteArray("[ungrouped:children]\nall\n[g]\nh1\n")
                                             << 2 << 1 << u"all"_s << u"closes a loop"_s;
    QTest::newRow("INI all under a group")
        << u"inventory.ini"_s << QByteArray("[p:children]\nall\n[p]\nh1\n") << 2 << 1 << u"p"_s << u"closes a loop"_s;
    QTest::newRow("YAML children loop")
        << u"hosts.yaml"_s
        << QByteArray("all:\n  children:\n    a:\n      children:\n        b:\n          children:\n            a:\n"
                      "    c:\n      hosts:\n        h1:\n")
        << 5 << 9 << u"b"_s << u"closes a loop"_s;
    QTest::newRow("YAML group its own child")
        << u"hosts.yaml"_s << QByteArray("all:\n  hosts:\n    h1:\n  children:\n    a:\n      children:\n        a:\n")
        << 7 << 9 << u"a"_s << u"child of itself"_s;
    // What Ansible's INI plugin refuses on a line.
    QTest::newRow("INI pattern all:") << u"inventory.ini"_s << QByteArray("[kube_node]\nnode1\nall:\n") << 3 << 1
                                      << u"all:"_s << u"end with “:”"_s;
    QTest::newRow("INI YAML read as INI")
        << u"inventory.ini"_s << QByteArray("---\nall:\n  hosts:\n    node1:\n") << 1 << 1 << u"---"_s << u"YAML"_s;
    QTest::newRow("INI quote never closed") << u"inventory.ini"_s << QByteArray("[g]\nnode1 ansible_host=\"10.0.0.1\n")
                                            << 2 << 20 << QString() << u"never closed"_s;
    QTest::newRow("INI backslash at the end")
        << u"inventory.ini"_s << QByteArray("[g]\nh1 a=\\\n") << 2 << 6 << QString() << u"backslash"_s;
    QTest::newRow("INI vars of an undeclared group") << u"inventory.ini"_s << QByteArray("[g]\nh1\n[nope:vars]\nx=1\n")
                                                     << 3 << 1 << u"nope"_s << u"no [nope] or [nope:children]"_s;
    QTest::newRow("INI undeclared child")
        << u"inventory.ini"_s << QByteArray("[g]\nh1\n[p:children]\ng\nmissing\n[p]\n") << 5 << 1 << u"missing"_s
        << u"which no [missing]"_s;
    QTest::newRow("INI child name with a space") << u"inventory.ini"_s << QByteArray("[g]\nh1\n[p:children]\ng other\n")
                                                 << 4 << 1 << u"p:children"_s << u"not a group name"_s;
    QTest::newRow("INI empty host name") << u"inventory.ini"_s << QByteArray("[g]\n\"\" x=1\nh1\n") << 2 << 1
                                         << QString() << u"must not be empty"_s;
    QTest::newRow("INI header after a byte order mark")
        << u"inventory.ini"_s << QByteArray("\xEF\xBB\xBF[g]\nh1\n") << 1 << 1 << u"\uFEFF[g]"_s << u"host range"_s;
    QTest::newRow("INI header with a ; comment")
        << u"inventory.ini"_s << QByteArray("[g] ;c\nh1\n") << 1 << 1 << u"[g]"_s << u"host range"_s;
    const QByteArray tooLong(4301, '1');
    QTest::newRow("number past Python's 4300 digits")
        << u"inventory.ini"_s << QByteArray("[g]\nn[" + tooLong + ":" + tooLong + "]\n") << 2 << 1
        << QString::fromLatin1("n[" + tooLong + ":" + tooLong + "]") << u"4300 digits"_s;
}

void TestHostileInput::refusalsAgreeWithAnsible() {
    // Each refused by Ansible (ansible-inventory warns "Failed to parse" or stops with ERROR!) and by the wizard,
    // with the place and the reason, exit code 2, nothing written.
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    QVERIFY(test::writeAll(path, bytes));

    const auto inventory = Inventory::load(path);
    QVERIFY2(!inventory, "accepted a hosts file that Ansible refuses");
    QCOMPARE(inventory.error().where.line, line);
    QCOMPARE(inventory.error().where.column, column);
    QCOMPARE(inventory.error().field, field);
    QVERIFY2(inventory.error().message.contains(message), qPrintable(inventory.error().message));
    const AnsibleList ansible = ansibleList(path);
    QVERIFY2(!ansible.parsed, "Ansible accepts it");

    const WizardRun run = runCheck(path);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"%1:%2:%3"_s.arg(fileName).arg(line).arg(column)), qPrintable(run.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{fileName});
    QCOMPARE(test::readAll(path), bytes);
}

void TestHostileInput::acceptancesAgreeWithAnsible_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("hosts"); // what both must read

    QTest::newRow("numbers past 64 bits and past 36 digits")
        << QByteArray("[g]\nn[1234567890123456789012345678901234567:1234567890123456789012345678901234569]\n")
        << QStringList{u"n1234567890123456789012345678901234567"_s, u"n1234567890123456789012345678901234568"_s,
                       u"n1234567890123456789012345678901234569"_s};
    const QByteArray nines(4300, '9');
    QTest::newRow("a number of 4300 digits") << QByteArray("[g]\nn[" + nines + ":" + nines + "]x\n")
                                             << QStringList{u"n"_s + QString::fromLatin1(nines) + u"x"_s};
    QTest::newRow("negative and stepped past 64 bits")
        << QByteArray(
               "[g]\nn[-100000000000000000001:-99999999999999999999]\nm[0:30000000000000000000:10000000000000000000]\n")
        << QStringList{u"n-100000000000000000001"_s, u"n-100000000000000000000"_s, u"n-99999999999999999999"_s, u"m0"_s,
                       u"m10000000000000000000"_s,   u"m20000000000000000000"_s,   u"m30000000000000000000"_s};
    QTest::newRow("digits of another script")
        << QByteArray("[g]\nn[\xD9\xA3:5]\n") << QStringList{u"n3"_s, u"n4"_s, u"n5"_s};
    QTest::newRow("shell escapes and quotes")
        << QByteArray("[g]\nh1 a=b\\ c d=\"x\\\"y\" e='p\\q' f=\"\" =5\n[g:vars]\n=7\n") << QStringList{u"h1"_s};
    QTest::newRow("a lone CR ends a line") << QByteArray("[g]\nh1 a=1\rh2\n") << QStringList{u"h1"_s, u"h2"_s};
    QTest::newRow("vars before the group's own section")
        << QByteArray("[a:children]\nb\n[b:vars]\nx=1\n[b]\nh1\n") << QStringList{u"h1"_s};
    QTest::newRow("all under all") << QByteArray("[all:children]\ng\n[g]\nh1\n[all:vars]\nx=1\n")
                                   << QStringList{u"h1"_s};
}

void TestHostileInput::acceptancesAgreeWithAnsible() {
    // What Ansible reads, the wizard reads the same way: hosts, the direct hosts of each group, host variables.
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, hosts);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, bytes));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(errorText(inventory)));
    const AnsibleList ansible = ansibleList(path);
    QVERIFY2(ansible.parsed, qPrintable(ansible.errors));

    QCOMPARE(inventory->hostNames(), hosts);
    QCOMPARE(QSet<QString>(hosts.cbegin(), hosts.cend()), ansible.allHosts(u"all"_s));
    const QJsonObject hostVars = ansible.json.value(u"_meta"_s).toObject().value(u"hostvars"_s).toObject();
    for (const InventoryGroup &group : inventory->hostsFile().groups) {
        if (group.name != u"all" && group.name != u"ungrouped")
            QCOMPARE(group.hosts, ansible.directHosts(group.name));
    }
    for (const QString &host : hosts) {
        const auto &vars = inventory->hostsFile().hosts.value(host).vars;
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            QCOMPARE(yaml::toJson(it->value), hostVars.value(host).toObject().value(it.key()));
    }
}

void TestHostileInput::manyHostsLoadAndCheck() {
    // The inventory builder's layout with 50,000 hosts, and the demo's group_vars. Loading and the analysis
    // compared every host with every other on the way (16 s of CPU); ansible-inventory --list takes about a
    // minute on it, so the bench (bench/README.md) compares with it instead.
    constexpr int Hosts = 50000;
    QTemporaryDir dir;
    QVERIFY(test::copyTree(test::sourcePath(u"resources/demo/mycluster/group_vars"_s), dir.filePath(u"group_vars"_s)));
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), builderHostsYaml(Hosts)));

    Assessment::Request request;
    request.inventoryPath = dir.path();
    request.kubesprayVersion = KubesprayVersion::parse(u"v2.25.0"_s);
    request.inspectAnsible = false;
    const auto assessed = Assessment::run(request);
    QVERIFY2(assessed, qPrintable(assessed ? QString() : assessed.error().toString()));
    const Inventory &inventory = assessed->config().inventory();
    QCOMPARE(inventory.hostNames().size(), Hosts);
    QCOMPARE(inventory.hostNames().first(), u"node1"_s);
    QCOMPARE(inventory.hostNames().last(), u"node50000"_s);
    QCOMPARE(inventory.hostsOf(u"k8s_cluster"_s).size(), Hosts);
    QCOMPARE(inventory.hostsOf(u"etcd"_s), (QStringList{u"node1"_s, u"node2"_s, u"node3"_s}));
}

void TestHostileInput::freeRangeSearchPastManyNodes() {
    // The check proposes a free range when nodes sit in the service range. Each step of the search compared the
    // candidate with every node address: 200,000 nodes, one per /28, made 200,000 steps of 200,000 comparisons.
    constexpr int Nodes = 200000;
    QList<ReservedRange> nodes;
    nodes.reserve(Nodes);
    const IpAddress base = *IpAddress::parse(u"10.0.0.1"_s);
    for (int i = 0; i < Nodes; ++i)
        nodes.append({Cidr::host(*base.added(quint64(i) * 16)), u"node"_s + QString::number(i)});
    const auto found = AddressPlan::findFree(*Cidr::parse(u"10.0.0.0/28"_s).cidr, nodes);
    QVERIFY(found);
    QCOMPARE(found->toString(), u"10.48.212.0/28"_s); // 200,000 × 16 addresses past 10.0.0.0
}

void TestHostileInput::hostsFileMemoryIsProportional_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("hosts.yaml") << u"hosts.yaml"_s << builderHostsYaml(20000);
    QTest::newRow("inventory.ini") << u"inventory.ini"_s << builderInventoryIni(20000);
}

void TestHostileInput::hostsFileMemoryIsProportional() {
    // Reading a hosts file took about 60 times its size (a YAML::Node per value, and one per variable kept): the
    // 2.3 MiB hosts.yaml of 20,000 hosts peaked 135 MiB above what the process held before. The bound is a
    // memory bound, not a timing: the peak resident set (VmHWM) while loading, less the resident set before.
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    constexpr qint64 MaxMultiple = 20;
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    QVERIFY(test::writeAll(path, bytes));
    const qint64 fileKiB = bytes.size() / 1024;
    bytes.clear();
    bytes.squeeze();

    QVERIFY2(bench::resetOwnPeak(), "cannot reset the peak resident set (/proc/self/clear_refs, Linux 4.0+)");
    const std::optional<qint64> before = bench::ownStatusKiB("VmRSS");
    QVERIFY(before);
    std::optional<qint64> peak;
    {
        const auto inventory = Inventory::load(path);
        QVERIFY2(inventory, qPrintable(errorText(inventory)));
        QCOMPARE(inventory->hostNames().size(), 20000);
        QCOMPARE(inventory->hostsOf(u"k8s_cluster"_s).size(), 20000);
        QCOMPARE(inventory->hostsFile().hosts.value(u"node20000"_s).vars.size(), 3);
        peak = bench::ownStatusKiB("VmHWM");
    }
    QVERIFY(peak);
    const qint64 growth = *peak - *before;
    qInfo("%s: %lld KiB, peak growth while loading %lld KiB (%.1f times the file)", qPrintable(fileName), fileKiB,
          growth, double(growth) / double(fileKiB));
    QVERIFY2(growth < MaxMultiple * fileKiB, qPrintable(u"%1 KiB for a file of %2 KiB"_s.arg(growth).arg(fileKiB)));
}

void TestHostileInput::hugeVarsFileIsRefused() {
    // 100 MB of variables took 1.6 GB of memory. Refused before it is read past the limit.
    QTemporaryDir dir;
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), OneHost));
    const QString big = dir.filePath(u"group_vars/all/big.yml"_s);
    QVERIFY(QDir().mkpath(QFileInfo(big).absolutePath()));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line = "key_with_a_long_name_0000000: " + QByteArray(69, 'v') + "\n"; // 100 bytes
    QCOMPARE(line.size(), 100);
    for (int i = 0; i < 1000000; ++i) // 100 MB
        QVERIFY(file.write(line) == line.size());
    file.close();

    const auto inventory = Inventory::load(dir.path());
    QVERIFY(!inventory);
    // The first byte past the limit: line (limit / 100) + 1, column (limit % 100) + 1.
    QCOMPARE(inventory.error().where.file, u"group_vars/all/big.yml"_s);
    QCOMPARE(inventory.error().where.line, static_cast<int>(limits::MaxFileBytes / 100) + 1);
    QCOMPARE(inventory.error().where.column, static_cast<int>(limits::MaxFileBytes % 100) + 1);

    const WizardRun run = runCheck(dir.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.err.contains(
            u"group_vars/all/big.yml:%1:%2"_s.arg(limits::MaxFileBytes / 100 + 1).arg(limits::MaxFileBytes % 100 + 1)),
        qPrintable(run.err));
}

void TestHostileInput::denseVarsFileIsRefused() {
    // Memory follows the number of YAML values, not bytes: 4 MB of "0," are two million values.
    QTemporaryDir dir;
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), OneHost));
    QByteArray dense = "k: [";
    for (qint64 i = 0; i < limits::MaxYamlNodes; ++i)
        dense += "0,";
    dense += "0]\n";
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/all/dense.yml"_s), dense));
    const auto inventory = Inventory::load(dir.path());
    QVERIFY(!inventory);
    // The mapping, its key and the sequence come first; item i starts at column 5 + 2i.
    const qint64 firstRefusedItem = limits::MaxYamlNodes - 3;
    QCOMPARE(inventory.error().where.file, u"group_vars/all/dense.yml"_s);
    QCOMPARE(inventory.error().where.line, 1);
    QCOMPARE(inventory.error().where.column, static_cast<int>(5 + 2 * firstRefusedItem));
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestHostileInput)
#include "TestHostileInput.moc"
