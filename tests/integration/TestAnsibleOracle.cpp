// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// Ansible is the oracle (DESIGN.md decision 3). Each inventory under tests/fixtures/oracle/ is shaped like one people
// publish for their own clusters. On a copy of it, Debian's real ansible-inventory and Kubespray Wizard both say
// what every host gets, before and after `apply` fixes the scenario's faults:
// - the wizard's effective values (its own model, and `check --json`'s settings) equal Ansible's, before and after;
// - after apply, Ansible reads the proposed fix on every node, every other value as before, every file it read
//   before, and a new file only where apply created it; a second apply has nothing to do.
// Kubespray adds groups while it runs (k8s_cluster from the node groups since v2.27, current names for legacy
// dashed ones); Ansible is shown them as a second inventory source, as Kubespray's group_by makes them.
#include "kubespray/Inventory.h"
#include "yaml/YamlValues.h"

#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString compact(const QJsonValue &value) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QSet<QString> keysOf(const QJsonObject &object) {
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

/// What ansible-inventory reads from an inventory: each host's variables and the vars files it loaded.
struct AnsibleView {
    QJsonObject list;          ///< the whole --list output
    QJsonObject hostVars;      ///< host → its variables (`_meta.hostvars`)
    QSet<QString> loadedFiles; ///< relative to the inventory folder
    QString errors;

    /// Every host of `group` and its children.
    QStringList hostsOf(const QString &group) const {
        QStringList hosts;
        QStringList pending{group};
        QSet<QString> seen{group};
        while (!pending.isEmpty()) {
            const QJsonObject entry = list.value(pending.takeFirst()).toObject();
            for (const QJsonValue &host : entry.value(u"hosts").toArray()) {
                if (!hosts.contains(host.toString()))
                    hosts.append(host.toString());
            }
            for (const QJsonValue &child : entry.value(u"children").toArray()) {
                if (!seen.contains(child.toString())) {
                    seen.insert(child.toString());
                    pending.append(child.toString());
                }
            }
        }
        return hosts;
    }
};

AnsibleView runAnsibleInventory(const QString &hostsFile, const QString &extraSource) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // With debugging on, Ansible logs "Loading data from PATH" for each file it reads.
    environment.insert(u"ANSIBLE_DEBUG"_s, u"1"_s);
    environment.insert(u"ANSIBLE_NOCOLOR"_s, u"1"_s);
    environment.insert(u"ANSIBLE_INVENTORY_UNPARSED_FAILED"_s, u"true"_s); // an unreadable source is an error
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QTemporaryDir out;
    const QString listFile = out.filePath(u"list.json"_s);
    QStringList arguments{u"-i"_s, hostsFile};
    if (!extraSource.isEmpty())
        arguments << u"-i"_s << extraSource;
    arguments << u"--list"_s << u"--output"_s << listFile;
    process.start(u"ansible-inventory"_s, arguments);
    AnsibleView view;
    const bool finished = process.waitForFinished(120000);
    const QString log = QString::fromUtf8(process.readAll());
    if (!finished || process.exitCode() != 0) {
        static const QRegularExpression errorLine(u"^.*(ERROR|WARNING).*$"_s, QRegularExpression::MultilineOption);
        for (auto match = errorLine.globalMatch(log); match.hasNext();)
            view.errors += match.next().captured(0) + u'\n';
        if (view.errors.isEmpty())
            view.errors = u"ansible-inventory failed"_s;
        return view;
    }
    view.list = QJsonDocument::fromJson(ksw::test::readAll(listFile)).object();
    view.hostVars = view.list.value(u"_meta").toObject().value(u"hostvars").toObject();
    static const QRegularExpression loading(u"Loading data from (\\S+)"_s);
    const QDir root(QFileInfo(hostsFile).absolutePath());
    for (auto match = loading.globalMatch(log); match.hasNext();) {
        const QString path = match.next().captured(1);
        if (path.startsWith(root.absolutePath() + u'/') && path != QFileInfo(hostsFile).absoluteFilePath())
            view.loadedFiles.insert(root.relativeFilePath(path));
    }
    return view;
}

/// The groups Kubespray's first plays add with group_by, as an inventory source of their own: the current name of
/// each legacy group, and k8s_cluster (kube_control_plane + kube_node + calico_rr) when the inventory lacks it.
QByteArray runtimeGroups(const AnsibleView &view) {
    static const QList<std::pair<QString, QString>> legacy = {{u"kube-master"_s, u"kube_control_plane"_s},
                                                              {u"kube_master"_s, u"kube_control_plane"_s},
                                                              {u"kube-node"_s, u"kube_node"_s},
                                                              {u"k8s-cluster"_s, u"k8s_cluster"_s},
                                                              {u"calico-rr"_s, u"calico_rr"_s}};
    QMap<QString, QStringList> added;
    for (const auto &[old, current] : legacy) {
        if (view.list.contains(old) && !view.list.contains(current))
            added[current] += view.hostsOf(old);
    }
    if (!view.list.contains(u"k8s_cluster") && !added.contains(u"k8s_cluster"_s)) {
        for (const QString &group : {u"kube_control_plane"_s, u"kube_node"_s, u"calico_rr"_s})
            added[u"k8s_cluster"_s] += view.hostsOf(group) + added.value(group);
    }
    if (added.isEmpty())
        return {};
    QByteArray yaml = "all:\n  children:\n";
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        yaml += "    " + it.key().toUtf8() + ":\n      hosts:\n";
        for (const QString &host : QSet<QString>(it->cbegin(), it->cend()))
            yaml += "        " + host.toUtf8() + ":\n";
    }
    return yaml;
}

/// ansible-inventory on the inventory, with Kubespray's run-time groups as a second source when there are any.
AnsibleView ansibleView(const QString &hostsFile, const QTemporaryDir &scratch) {
    AnsibleView view = runAnsibleInventory(hostsFile, {});
    if (!view.errors.isEmpty())
        return view;
    const QByteArray runtime = runtimeGroups(view);
    if (runtime.isEmpty())
        return view;
    const QString source = scratch.filePath(u"kubespray-runtime-groups.yaml"_s);
    if (!ksw::test::writeAll(source, runtime))
        return {{}, {}, {}, u"cannot write "_s + source};
    return runAnsibleInventory(hostsFile, source);
}

struct Run {
    int exitCode = -1;
    QString output;
    QByteArray out;
};

Run runWizard(const QStringList &arguments, const QString &dataHome) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dataHome);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KSW_BINARY), arguments);
    if (!process.waitForFinished(120000))
        return {};
    Run run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.output = QString::fromUtf8(run.out + process.readAllStandardError());
    return run;
}

/// The hosts file of an inventory folder, the way `kubespray-wizard --inventory FOLDER` picks it.
QString hostsFileIn(const QString &inventory) {
    for (const QString &name : {u"hosts.yaml"_s, u"hosts.yml"_s, u"inventory.ini"_s, u"hosts.ini"_s}) {
        if (QFileInfo(inventory + u'/' + name).isFile())
            return inventory + u'/' + name;
    }
    return {};
}

/// Every variable name the wizard's model knows for some host (hosts file and vars files).
QSet<QString> namesIn(const ksw::Inventory &inventory) {
    QSet<QString> names;
    for (const ksw::Inventory::VarsFile &file : inventory.varsFiles()) {
        for (const ksw::YamlDocument::Key &key : file.document.keys())
            names.insert(key.name);
    }
    for (const QString &host : inventory.hostNames()) {
        for (const QString &name : inventory.hostsFile().hosts.value(host).vars.keys())
            names.insert(name);
    }
    for (const ksw::InventoryGroup &group : inventory.hostsFile().groups) {
        for (auto it = group.vars.cbegin(); it != group.vars.cend(); ++it)
            names.insert(it.key());
    }
    return names;
}

/// The vars files the wizard's model reads, relative to the inventory folder.
QSet<QString> modelFiles(const QString &hostsFile) {
    QSet<QString> files;
    if (const auto inventory = ksw::Inventory::load(hostsFile)) {
        for (const ksw::Inventory::VarsFile &file : inventory->varsFiles())
            files.insert(file.displayPath);
    }
    return files;
}

/// The comments of a YAML file, each with the text it must stay beside: a whole-line comment stands alone; a comment
/// after a value goes with that value (it may go when the value changed or went). Not the commented samples of
/// `replaced` keys ("# upstream_dns_servers:" and its commented items), which apply writes its keys in place of.
struct Comment {
    QString line;  ///< the comment's whole line, trimmed
    QString value; ///< the text before it on its line; empty for a whole-line comment
};

QList<Comment> commentsOf(const QByteArray &bytes, const QSet<QString> &replaced) {
    QList<Comment> comments;
    int sampleIndent = -1; // inside a commented sample: the column of its '#'
    static const QRegularExpression trailing(u"\\s#\\s.*$"_s);
    for (const QString &line : QString::fromUtf8(bytes).split(u'\n')) {
        const QString text = line.trimmed();
        if (!text.startsWith(u'#')) {
            sampleIndent = -1;
            if (const auto match = trailing.match(line);
                match.hasMatch() && !line.contains(u'"') && !line.contains(u'\''))
                comments.append({text, line.left(match.capturedStart()).trimmed()});
            continue;
        }
        const QString content = text.mid(1).trimmed();
        const int column = int(line.indexOf(u'#'));
        const qsizetype colon = content.indexOf(u':');
        if (colon > 0 && replaced.contains(content.left(colon))) {
            sampleIndent = column;
            continue;
        }
        if (sampleIndent >= 0 && column == sampleIndent && text.mid(1).startsWith(u"  "))
            continue; // an item of the sample
        sampleIndent = -1;
        comments.append({text, {}});
    }
    return comments;
}

/// The wizard's own model must give every host exactly what Ansible gives it. Empty when it does.
QStringList modelDisagreements(const QString &hostsFile, const AnsibleView &ansible) {
    QStringList problems;
    const auto inventory = ksw::Inventory::load(hostsFile);
    if (!inventory)
        return {u"the wizard cannot read it: "_s + inventory.error().toString()};
    const QSet<QString> names = namesIn(*inventory);
    for (const QString &host : ansible.hostsOf(u"all"_s)) {
        const QJsonObject expected = ansible.hostVars.value(host).toObject();
        for (const QString &name : names + keysOf(expected)) {
            const ksw::Inventory::Value value = inventory->hostValue(host, name);
            const QJsonValue ours =
                value.setting.isDefined() ? ksw::yaml::toJson(value.setting.value) : QJsonValue(QJsonValue::Undefined);
            const QJsonValue theirs = expected.value(name);
            if (ours != theirs)
                problems.append(host + u": "_s + name + u": Ansible "_s +
                                (theirs.isUndefined() ? u"(unset)"_s : compact(theirs)) + u", wizard "_s +
                                (ours.isUndefined() ? u"(unset)"_s
                                                    : compact(ours) + u" from "_s + value.setting.origin.describe()));
        }
    }
    return problems;
}

/// `check --json`'s settings must show what Ansible gives each node, for the values the inventory sets.
QStringList settingsDisagreements(const QJsonArray &settings, const AnsibleView &ansible) {
    QStringList problems;
    QStringList nodes = ansible.hostsOf(u"k8s_cluster"_s);
    if (nodes.isEmpty())
        nodes = ansible.hostsOf(u"all"_s);
    for (const QJsonValue &setting : settings) {
        const QString name = setting[u"name"].toString();
        QStringList covered;
        for (const QJsonValue &value : setting[u"values"].toArray()) {
            for (const QJsonValue &host : value[u"hosts"].toArray())
                covered.append(host.toString());
        }
        for (const QString &node : std::as_const(nodes)) {
            if (!covered.contains(node))
                problems.append(name + u": check --json says nothing of "_s + node);
        }
        for (const QJsonValue &value : setting[u"values"].toArray()) {
            const bool fromInventory = value[u"kind"].toString() == u"inventory";
            for (const QJsonValue &host : value[u"hosts"].toArray()) {
                const QJsonValue theirs = ansible.hostVars.value(host.toString()).toObject().value(name);
                if (fromInventory ? theirs != value[u"value"] : !theirs.isUndefined())
                    problems.append(host.toString() + u": "_s + name + u": Ansible "_s +
                                    (theirs.isUndefined() ? u"(unset)"_s : compact(theirs)) + u", check --json "_s +
                                    compact(value[u"value"]) + u" ("_s + value[u"origin"].toString() + u')');
            }
        }
    }
    return problems;
}

} // namespace

class TestAnsibleOracle : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(u"ansible-inventory"_s).isEmpty())
            QFAIL("ansible-inventory is missing: scripts/setup installs Debian's ansible");
    }

    void applyKeepsWhatAnsibleReads_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("version");
        const QDir fixtures(ksw::test::fixturePath(u"oracle"_s));
        for (const QString &name : fixtures.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            // A fixture's name says which release's shapes it is for: "v2.21-..." else v2.25.0 (the demo's).
            static const QRegularExpression release(u"^(v2\\.\\d+)-"_s);
            const auto match = release.match(name);
            QTest::newRow(qPrintable(name)) << name << (match.hasMatch() ? match.captured(1) + u".0"_s : u"v2.25.0"_s);
        }
    }

    void applyKeepsWhatAnsibleReads() {
        QFETCH(QString, fixture);
        QFETCH(QString, version);
        QTemporaryDir workspace;
        QTemporaryDir dataHome;
        QTemporaryDir scratch;
        const QString inventory = workspace.filePath(u"inventory"_s);
        QVERIFY(ksw::test::copyTree(ksw::test::fixturePath(u"oracle/"_s + fixture), inventory));
        const QString hostsFile = hostsFileIn(inventory);
        QVERIFY(!hostsFile.isEmpty());
        const QStringList common{
            u"--inventory"_s,         hostsFile, u"--site"_s, ksw::test::sourcePath(u"resources/demo/site.yaml"_s),
            u"--kubespray-version"_s, version};

        // Before: the wizard reads what Ansible reads.
        const AnsibleView before = ansibleView(hostsFile, scratch);
        QVERIFY2(before.errors.isEmpty() && !before.hostsOf(u"all"_s).isEmpty(), qPrintable(before.errors));
        // The wizard reads exactly the vars files Ansible loads (its debug log names each one).
        QCOMPARE(modelFiles(hostsFile), before.loadedFiles);
        const QStringList disagreeBefore = modelDisagreements(hostsFile, before);
        QVERIFY2(disagreeBefore.isEmpty(), qPrintable(disagreeBefore.join(u'\n')));
        const Run check = runWizard(QStringList{u"check"_s, u"--json"_s} + common, dataHome.path());
        QVERIFY2(check.exitCode == 1, qPrintable(check.output));
        const QJsonObject report = QJsonDocument::fromJson(check.out).object();
        const QStringList settingsBefore = settingsDisagreements(report[u"settings"].toArray(), before);
        QVERIFY2(settingsBefore.isEmpty(), qPrintable(settingsBefore.join(u'\n')));

        // The values the fixes propose, key by key.
        QMap<QString, QJsonValue> proposed;
        for (const QJsonValue &finding : report[u"findings"].toArray()) {
            for (const QJsonValue &change : finding[u"fix"][u"settings"].toArray())
                proposed.insert(change[u"key"].toString(), change[u"value"]);
        }
        QVERIFY2(proposed.contains(u"kube_pods_subnet"_s) && proposed.size() >= 3, qPrintable(check.output));

        const auto filesBefore = ksw::test::snapshot(inventory);
        const Run apply = runWizard(QStringList{u"apply"_s} + common, dataHome.path());
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.output));

        // After: Ansible reads the fix on every node and everything else as before.
        const AnsibleView after = ansibleView(hostsFile, scratch);
        QVERIFY2(after.errors.isEmpty(), qPrintable(after.errors));
        const auto filesAfter = ksw::test::snapshot(inventory);
        for (const QString &file : before.loadedFiles)
            QVERIFY2(after.loadedFiles.contains(file), qPrintable(file + u" is no longer read by Ansible"_s));
        for (const QString &file : after.loadedFiles)
            QVERIFY2(before.loadedFiles.contains(file) || !filesBefore.contains(file),
                     qPrintable(file + u" is read now, but was not before although it existed"_s));
        // Every comment of a file apply edited is still there, inside values too: a whole-line comment as it was, a
        // comment after a value with the line it is on, unless that value changed or went.
        const QSet<QString> replacedKeys(proposed.keyBegin(), proposed.keyEnd());
        for (auto it = filesBefore.cbegin(); it != filesBefore.cend(); ++it) {
            const QByteArray now = filesAfter.value(it.key());
            if (now == it.value())
                continue;
            const QString text = QString::fromUtf8(now);
            for (const Comment &comment : commentsOf(it.value(), replacedKeys)) {
                if (comment.value.isEmpty() || text.contains(comment.value))
                    QVERIFY2(text.contains(comment.line),
                             qPrintable(it.key() + u": the comment “"_s + comment.line + u"” is gone"_s));
            }
        }
        for (auto it = filesAfter.cbegin(); it != filesAfter.cend(); ++it) {
            if (!filesBefore.contains(it.key()))
                QVERIFY2(after.loadedFiles.contains(it.key()),
                         qPrintable(it.key() + u" was created but is not read"_s));
        }
        QCOMPARE(after.hostsOf(u"all"_s), before.hostsOf(u"all"_s));
        QCOMPARE(modelFiles(hostsFile), after.loadedFiles);
        const QStringList nodes = before.hostsOf(u"k8s_cluster"_s);
        QVERIFY(!nodes.isEmpty());
        for (const QString &host : before.hostsOf(u"all"_s)) {
            const QJsonObject was = before.hostVars.value(host).toObject();
            const QJsonObject now = after.hostVars.value(host).toObject();
            for (const QString &key : keysOf(was) + keysOf(now)) {
                const QJsonValue expected =
                    proposed.contains(key) && nodes.contains(host) ? proposed.value(key) : was.value(key);
                QVERIFY2(now.value(key) == expected,
                         qPrintable(u"host "_s + host + u": "_s + key + u" is "_s + compact(now.value(key)) +
                                    u", expected "_s + compact(expected)));
            }
        }
        const QStringList disagreeAfter = modelDisagreements(hostsFile, after);
        QVERIFY2(disagreeAfter.isEmpty(), qPrintable(disagreeAfter.join(u'\n')));
        const Run checkAfter = runWizard(QStringList{u"check"_s, u"--json"_s} + common, dataHome.path());
        QVERIFY2(checkAfter.exitCode == 0 || checkAfter.exitCode == 1, qPrintable(checkAfter.output));
        const QJsonObject reportAfter = QJsonDocument::fromJson(checkAfter.out).object();
        QVERIFY2(!reportAfter[u"settings"].toArray().isEmpty(), qPrintable(checkAfter.output));
        const QStringList settingsAfter = settingsDisagreements(reportAfter[u"settings"].toArray(), after);
        QVERIFY2(settingsAfter.isEmpty(), qPrintable(settingsAfter.join(u'\n')));
        // The scenario's faults are gone, and no registry shape the release breaks on is left.
        static const QStringList fixed = {u"range-contains-company-address"_s, u"registry-http-without-mirror"_s,
                                          u"company-dns-not-used"_s, u"registry-mirror-ignored-by-version"_s};
        for (const QJsonValue &finding : reportAfter[u"findings"].toArray())
            QVERIFY2(!fixed.contains(finding[u"code"].toString()),
                     qPrintable(finding[u"code"].toString() + u": "_s + finding[u"message"].toString()));

        // A second apply finds nothing left to do.
        const Run again = runWizard(QStringList{u"apply"_s} + common, dataHome.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.output));
        QCOMPARE(ksw::test::snapshot(inventory), filesAfter);
    }

    void applyRefusesWhereNoFileReachesEveryNode_data() {
        QTest::addColumn<QString>("fixture");
        const QDir fixtures(ksw::test::fixturePath(u"oracle-refused"_s));
        for (const QString &name : fixtures.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(name)) << name;
    }

    void applyRefusesWhereNoFileReachesEveryNode() {
        // The nodes get a setting the fix must change from different files (a group's, a host's own); no one file
        // wins for all of them, so nothing is written, and the wizard still reads what Ansible reads.
        QFETCH(QString, fixture);
        QTemporaryDir workspace;
        QTemporaryDir dataHome;
        QTemporaryDir scratch;
        const QString inventory = workspace.filePath(u"inventory"_s);
        QVERIFY(ksw::test::copyTree(ksw::test::fixturePath(u"oracle-refused/"_s + fixture), inventory));
        const QString hostsFile = hostsFileIn(inventory);
        const AnsibleView ansible = ansibleView(hostsFile, scratch);
        QVERIFY2(ansible.errors.isEmpty(), qPrintable(ansible.errors));
        QCOMPARE(modelFiles(hostsFile), ansible.loadedFiles);
        const QStringList disagree = modelDisagreements(hostsFile, ansible);
        QVERIFY2(disagree.isEmpty(), qPrintable(disagree.join(u'\n')));

        const auto before = ksw::test::snapshot(inventory);
        const QStringList common{
            u"--inventory"_s,         hostsFile,   u"--site"_s, ksw::test::sourcePath(u"resources/demo/site.yaml"_s),
            u"--kubespray-version"_s, u"v2.25.0"_s};
        const Run apply = runWizard(QStringList{u"apply"_s} + common, dataHome.path());
        QCOMPARE(apply.exitCode, 2);
        QVERIFY2(apply.output.contains(u"from different places"), qPrintable(apply.output));
        QVERIFY2(apply.output.contains(u"Nothing was written"), qPrintable(apply.output));
        QCOMPARE(ksw::test::snapshot(inventory), before);
        const Run check = runWizard(QStringList{u"check"_s, u"--json"_s} + common, dataHome.path());
        const QJsonObject report = QJsonDocument::fromJson(check.out).object();
        const QStringList settings = settingsDisagreements(report[u"settings"].toArray(), ansible);
        QVERIFY2(settings.isEmpty(), qPrintable(settings.join(u'\n')));
        bool overrideReported = false;
        for (const QJsonValue &finding : report[u"findings"].toArray())
            overrideReported = overrideReported || finding[u"code"].toString() == u"host-vars-override";
        QVERIFY2(overrideReported, qPrintable(check.output));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleOracle)
#include "TestAnsibleOracle.moc"
