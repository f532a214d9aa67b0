// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/AnsibleEnvironment.h"
#include "kubespray/Checkout.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

/// Creates `relative` under `root`: a folder when it ends with '/', else an empty file.
bool touch(const QString &root, const QString &relative) {
    const QString path = root + QLatin1Char('/') + relative;
    if (relative.endsWith(u'/'))
        return QDir().mkpath(path);
    return test::writeAll(path, QByteArray());
}

/// The two things that make a Kubespray root (Checkout::findRoot), plus the given markers.
bool makeCheckout(const QString &root, const QStringList &markers = {}) {
    if (!touch(root, u"cluster.yml"_s) || !touch(root, u"roles/"_s))
        return false;
    for (const QString &marker : markers) {
        if (!touch(root, marker))
            return false;
    }
    return true;
}

/// Runs git in `directory` with an identity of its own, so that the test does not depend on the machine's config.
bool git(const QString &directory, const QStringList &arguments) {
    QProcess process;
    process.setProgram(u"git"_s);
    process.setArguments(QStringList{u"-c"_s, u"user.name=Kubespray Wizard Test"_s, u"-c"_s,
                                     u"user.email=test@example.invalid"_s, u"-c"_s, u"commit.gpgsign=false"_s, u"-c"_s,
                                     u"tag.gpgsign=false"_s, u"-C"_s, directory} +
                         arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("git %s failed: %s", qPrintable(arguments.join(u' ')), process.readAll().constData());
        return false;
    }
    return true;
}

const QString debianAnsiblePlaybook = u"/usr/bin/ansible-playbook"_s;

} // namespace

class TestCheckout : public QObject {
    Q_OBJECT

private slots:
    void findRoot_data();
    void findRoot();
    void findRootNone();
    void findInventories();
    void structuralMarkers_data();
    void structuralMarkers();
    void galaxyYml_data();
    void galaxyYml();
    void gitDescribe();
    void gitWithoutTagsFallsBack();
    void demoMarkerFile_data();
    void demoMarkerFile();
    void markerFileGarbage();
    void overrideWins_data();
    void overrideWins();
    void venvAnsiblePlaybook();
    void ansibleRange_data();
    void ansibleRange();
    void ansibleRangeUnknown();
    void inspectDebianAnsible();
    void inspectMissingProgram();
    void detectPrefersVenv();
};

void TestCheckout::findRoot_data() {
    QTest::addColumn<QString>("start");

    QTest::newRow("hosts.yaml of the scenario") << u"inventory/mycluster/hosts.yaml"_s;
    QTest::newRow("inventory folder") << u"inventory/mycluster"_s;
    QTest::newRow("group_vars file deep inside") << u"inventory/mycluster/group_vars/all/all.yml"_s;
    QTest::newRow("the root itself") << QString();
}

void TestCheckout::findRoot() {
    QFETCH(QString, start);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString root = temp.filePath(u"kubespray"_s);
    QVERIFY(makeCheckout(root));
    QVERIFY(touch(root, u"inventory/mycluster/hosts.yaml"_s));
    QVERIFY(touch(root, u"inventory/mycluster/group_vars/all/all.yml"_s));
    // A folder called roles/ alone, or cluster.yml alone, is not a root: the inventory folder has neither.
    QVERIFY(touch(root, u"inventory/mycluster/roles/"_s));

    const QString path = start.isEmpty() ? root : root + u'/' + start;
    const auto found = Checkout::findRoot(path);
    QVERIFY(found.has_value());
    QCOMPARE(*found, QDir(root).absolutePath());
}

void TestCheckout::findRootNone() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(touch(temp.path(), u"mycluster/hosts.yaml"_s));
    // cluster.yml without roles/ (a copied playbook) does not make a checkout.
    QVERIFY(touch(temp.path(), u"cluster.yml"_s));
    QVERIFY(!Checkout::findRoot(temp.filePath(u"mycluster/hosts.yaml"_s)).has_value());
    QVERIFY(!Checkout::findRoot(test::sourcePath(u"resources/demo/mycluster"_s)).has_value());
}

void TestCheckout::findInventories() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString root = temp.path();
    QVERIFY(makeCheckout(root));
    QVERIFY(touch(root, u"inventory/sample/inventory.ini"_s));
    QVERIFY(touch(root, u"inventory/mycluster/hosts.yaml"_s));
    QVERIFY(touch(root, u"inventory/alpha/hosts.yml"_s));
    QVERIFY(touch(root, u"inventory/prod/hosts.ini"_s));
    QVERIFY(touch(root, u"inventory/zeta/inventory.ini"_s));
    QVERIFY(touch(root, u"inventory/notes/README.md"_s));
    QVERIFY(touch(root, u"inventory/empty/"_s));

    const QString base = QDir(root).absolutePath() + u"/inventory/"_s;
    const QStringList expected = {base + u"alpha"_s, base + u"mycluster"_s, base + u"prod"_s, base + u"zeta"_s,
                                  base + u"sample"_s};
    QCOMPARE(Checkout::findInventories(root), expected);

    QTemporaryDir bare;
    QVERIFY(Checkout::findInventories(bare.path()).isEmpty());
}

void TestCheckout::structuralMarkers_data() {
    QTest::addColumn<QStringList>("markers");
    QTest::addColumn<QString>("version");

    // FACTS.md §6 table, one row per marker (newest first); each tree holds only that marker.
    QTest::newRow("v2.30 remove_node.yml alias") << QStringList{u"remove_node.yml"_s} << u"v2.30.0"_s;
    QTest::newRow("v2.30 upgrade_cluster.yml alias") << QStringList{u"upgrade_cluster.yml"_s} << u"v2.30.0"_s;
    QTest::newRow("v2.29 roles/dynamic_groups") << QStringList{u"roles/dynamic_groups/"_s} << u"v2.29.0"_s;
    QTest::newRow("v2.29 internal_facts.yml") << QStringList{u"playbooks/internal_facts.yml"_s} << u"v2.29.0"_s;
    QTest::newRow("v2.28 roles/kubespray_defaults") << QStringList{u"roles/kubespray_defaults/"_s} << u"v2.28.0"_s;
    QTest::newRow("v2.28 roles/validate_inventory") << QStringList{u"roles/validate_inventory/"_s} << u"v2.28.0"_s;
    QTest::newRow("v2.27 docs/ansible/inventory.md") << QStringList{u"docs/ansible/inventory.md"_s} << u"v2.27.0"_s;
    QTest::newRow("v2.25 docs/CRI") << QStringList{u"docs/CRI/"_s} << u"v2.25.0"_s;
    QTest::newRow("v2.25 docs/ansible") << QStringList{u"docs/ansible/"_s} << u"v2.25.0"_s;
    QTest::newRow("v2.24 kubespray-defaults/defaults/main/")
        << QStringList{u"roles/kubespray-defaults/defaults/main/"_s} << u"v2.24.0"_s;
    QTest::newRow("v2.24 playbooks/boilerplate.yml") << QStringList{u"playbooks/boilerplate.yml"_s} << u"v2.24.0"_s;
    QTest::newRow("v2.23 containerd hosts.toml.j2")
        << QStringList{u"roles/container-engine/containerd/templates/hosts.toml.j2"_s} << u"v2.23.0"_s;
    QTest::newRow("v2.22 playbooks/") << QStringList{u"playbooks/"_s} << u"v2.22.0"_s;
    QTest::newRow("v2.22 galaxy.yml without version") << QStringList{u"galaxy.yml"_s} << u"v2.22.0"_s;
    QTest::newRow("v2.21 root legacy_groups.yml") << QStringList{u"legacy_groups.yml"_s} << u"v2.21.0"_s;
    QTest::newRow("v2.21 root ansible_version.yml") << QStringList{u"ansible_version.yml"_s} << u"v2.21.0"_s;
    // A real tree holds the markers of every older release too: the newest one decides.
    QTest::newRow("v2.27-like tree with older markers")
        << QStringList{u"playbooks/boilerplate.yml"_s, u"docs/CRI/"_s, u"docs/ansible/inventory.md"_s,
                       u"roles/kubespray-defaults/defaults/main/main.yml"_s,
                       u"roles/container-engine/containerd/templates/hosts.toml.j2"_s}
        << u"v2.27.0"_s;
    QTest::newRow("no marker at all") << QStringList{} << QString();
}

void TestCheckout::structuralMarkers() {
    QFETCH(QStringList, markers);
    QFETCH(QString, version);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path(), markers));

    const Checkout checkout = Checkout::open(temp.path());
    QVERIFY(checkout.hasRoot());
    if (version.isEmpty()) {
        QVERIFY(!checkout.version().has_value());
        QCOMPARE(checkout.versionSource(), Checkout::VersionSource::Unknown);
        return;
    }
    QVERIFY(checkout.version().has_value());
    QCOMPARE(checkout.version()->toString(), version);
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::Structure);
    QVERIFY2(checkout.versionEvidence().contains(version), qPrintable(checkout.versionEvidence()));
}

void TestCheckout::galaxyYml_data() {
    QTest::addColumn<QByteArray>("galaxy");
    QTest::addColumn<QStringList>("markers");
    QTest::addColumn<QString>("version");
    QTest::addColumn<Checkout::VersionSource>("source");

    const QByteArray header = "---\nnamespace: kubernetes_sigs\ndescription: Deploy a production ready Kubernetes "
                              "cluster\nname: kubespray\n";
    const QStringList v224 = {u"playbooks/boilerplate.yml"_s, u"roles/kubespray-defaults/defaults/main/"_s};
    const QStringList v225 = v224 + QStringList{u"docs/CRI/"_s, u"docs/ansible/"_s};

    QTest::newRow("v2.24.0 trusted") << header + "version: 2.24.0\n"
                                     << v224 << u"v2.24.0"_s << Checkout::VersionSource::GalaxyYml;
    QTest::newRow("v2.25.0 trusted") << header + "version: 2.25.0\n"
                                     << v225 << u"v2.25.0"_s << Checkout::VersionSource::GalaxyYml;
    QTest::newRow("v2.26.1 patch release") << header + "version: 2.26.1\n"
                                           << v225 << u"v2.26.1"_s << Checkout::VersionSource::GalaxyYml;
    QTest::newRow("v2.22.x says 2.21.0 (stale)")
        << header + "version: 2.21.0\n"
        << QStringList{u"playbooks/"_s} << u"v2.22.0"_s << Checkout::VersionSource::Structure;
    QTest::newRow("v2.23.x says 2.22.1 (stale)")
        << header + "version: 2.22.1\n"
        << QStringList{u"playbooks/"_s, u"roles/container-engine/containerd/templates/hosts.toml.j2"_s} << u"v2.23.0"_s
        << Checkout::VersionSource::Structure;
    QTest::newRow("galaxy.yml older than the tree")
        << header + "version: 2.24.0\n"
        << QStringList{u"docs/ansible/inventory.md"_s} << u"v2.27.0"_s << Checkout::VersionSource::Structure;
    QTest::newRow("unreadable galaxy.yml")
        << QByteArray("version: [2.25.0\n") << v224 << u"v2.24.0"_s << Checkout::VersionSource::Structure;
    QTest::newRow("no version key") << header << v224 << u"v2.24.0"_s << Checkout::VersionSource::Structure;
}

void TestCheckout::galaxyYml() {
    QFETCH(QByteArray, galaxy);
    QFETCH(QStringList, markers);
    QFETCH(QString, version);
    QFETCH(Checkout::VersionSource, source);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path(), markers));
    QVERIFY(test::writeAll(temp.filePath(u"galaxy.yml"_s), galaxy));

    const Checkout checkout = Checkout::open(temp.path());
    QVERIFY(checkout.version().has_value());
    QCOMPARE(checkout.version()->toString(), version);
    QCOMPARE(checkout.versionSource(), source);
    if (source == Checkout::VersionSource::GalaxyYml)
        QVERIFY2(checkout.versionEvidence().contains(u"galaxy.yml"), qPrintable(checkout.versionEvidence()));
}

void TestCheckout::gitDescribe() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString root = temp.path();
    // Markers of an older release and a stale galaxy.yml: git describe must win over both.
    QVERIFY(makeCheckout(root, {u"playbooks/"_s}));
    QVERIFY(test::writeAll(root + u"/galaxy.yml"_s, "version: 2.21.0\n"));
    QVERIFY(git(root, {u"init"_s, u"--quiet"_s}));
    QVERIFY(git(root, {u"add"_s, u"-A"_s}));
    QVERIFY(git(root, {u"commit"_s, u"--quiet"_s, u"-m"_s, u"release"_s}));
    QVERIFY(git(root, {u"tag"_s, u"v2.25.0"_s}));

    Checkout checkout = Checkout::open(root);
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::GitDescribe);
    QCOMPARE(checkout.version()->toString(), u"v2.25.0"_s);
    QCOMPARE(checkout.versionEvidence(), u"git describe: v2.25.0"_s);

    QVERIFY(test::writeAll(root + u"/cluster.yml"_s, "# one more commit\n"));
    QVERIFY(git(root, {u"commit"_s, u"--quiet"_s, u"-a"_s, u"-m"_s, u"after the release"_s}));

    checkout = Checkout::open(root);
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::GitDescribe);
    QVERIFY(checkout.version().has_value());
    QCOMPARE(*checkout.version(), KubesprayVersion(2, 25, 0, 1));
    QCOMPARE(checkout.version()->toString(), u"v2.25.0+1"_s);
    QVERIFY2(checkout.versionEvidence().startsWith(u"git describe: v2.25.0-1-g"),
             qPrintable(checkout.versionEvidence()));

    // An inventory inside the clone finds it too.
    QVERIFY(touch(root, u"inventory/mycluster/hosts.yaml"_s));
    const Checkout viaInventory = Checkout::forInventory(root + u"/inventory/mycluster"_s);
    QCOMPARE(viaInventory.root(), QDir(root).absolutePath());
    QCOMPARE(viaInventory.versionSource(), Checkout::VersionSource::GitDescribe);
}

void TestCheckout::gitWithoutTagsFallsBack() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString root = temp.path();
    QVERIFY(makeCheckout(root, {u"playbooks/boilerplate.yml"_s}));
    QVERIFY(git(root, {u"init"_s, u"--quiet"_s}));
    QVERIFY(git(root, {u"add"_s, u"-A"_s}));
    QVERIFY(git(root, {u"commit"_s, u"--quiet"_s, u"-m"_s, u"shallow clone without tags"_s}));

    const Checkout checkout = Checkout::open(root);
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::Structure);
    QCOMPARE(checkout.version()->toString(), u"v2.24.0"_s);
}

void TestCheckout::demoMarkerFile_data() {
    QTest::addColumn<QString>("inventory");

    QTest::newRow("demo inventory folder") << u"resources/demo/mycluster"_s;
    QTest::newRow("demo hosts.yaml") << u"resources/demo/mycluster/hosts.yaml"_s;
}

void TestCheckout::demoMarkerFile() {
    QFETCH(QString, inventory);

    const QString marker = test::sourcePath(u"resources/demo/KUBESPRAY_VERSION"_s);
    QCOMPARE(test::readAll(marker).trimmed(), QByteArray("v2.25.0"));

    const Checkout checkout = Checkout::forInventory(test::sourcePath(inventory));
    QVERIFY(!checkout.hasRoot());
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::MarkerFile);
    QVERIFY(checkout.version().has_value());
    QCOMPARE(checkout.version()->toString(), u"v2.25.0"_s);
    QVERIFY2(checkout.versionEvidence().contains(u"KUBESPRAY_VERSION"), qPrintable(checkout.versionEvidence()));
    QVERIFY(checkout.venvAnsiblePlaybook().isEmpty());
    // No checkout: the range comes from the table of the marker's release.
    QCOMPARE(checkout.ansibleRange()->toString(), u">= 2.16.4, < 2.17.0"_s);
}

void TestCheckout::markerFileGarbage() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(test::writeAll(temp.filePath(u"mycluster/hosts.yaml"_s), "all:\n"));
    QVERIFY(test::writeAll(temp.filePath(u"KUBESPRAY_VERSION"_s), "the newest one\n"));

    const Checkout checkout = Checkout::forInventory(temp.filePath(u"mycluster"_s));
    QVERIFY(!checkout.hasRoot());
    QVERIFY(!checkout.version().has_value());
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::Unknown);
    QVERIFY(!checkout.ansibleRange().has_value());
}

void TestCheckout::overrideWins_data() {
    QTest::addColumn<bool>("withCheckout");

    QTest::newRow("over the demo's marker file") << false;
    QTest::newRow("over a checkout's structure") << true;
}

void TestCheckout::overrideWins() {
    QFETCH(bool, withCheckout);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QString inventory = test::sourcePath(u"resources/demo/mycluster"_s);
    if (withCheckout) {
        QVERIFY(makeCheckout(temp.path(), {u"playbooks/boilerplate.yml"_s}));
        QVERIFY(touch(temp.path(), u"inventory/mycluster/hosts.yaml"_s));
        inventory = temp.filePath(u"inventory/mycluster"_s);
    }

    const Checkout checkout = Checkout::forInventory(inventory, KubesprayVersion(2, 27, 0));
    QCOMPARE(checkout.hasRoot(), withCheckout);
    QCOMPARE(checkout.versionSource(), Checkout::VersionSource::Override);
    QCOMPARE(*checkout.version(), KubesprayVersion(2, 27, 0));
    QVERIFY2(checkout.versionEvidence().contains(u"v2.27.0"), qPrintable(checkout.versionEvidence()));
}

void TestCheckout::venvAnsiblePlaybook() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path()));
    const Checkout checkout = Checkout::open(temp.path());
    QVERIFY(checkout.venvAnsiblePlaybook().isEmpty());

    // A folder where the program should be.
    QVERIFY(touch(temp.path(), u"venv/bin/ansible-playbook/"_s));
    QVERIFY(checkout.venvAnsiblePlaybook().isEmpty());
    QVERIFY(QDir(temp.filePath(u"venv/bin/ansible-playbook"_s)).removeRecursively());

    const QString program = temp.filePath(u"venv/bin/ansible-playbook"_s);
    QVERIFY(test::writeAll(program, "#!/bin/sh\n"));
    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(checkout.venvAnsiblePlaybook().isEmpty());

    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(checkout.venvAnsiblePlaybook(), QFileInfo(program).absoluteFilePath());
}

void TestCheckout::ansibleRange_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QStringList>("markers");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("origin");

    // The shape of Kubespray's own file: a play whose vars carry the bounds.
    const QByteArray v225 = "---\n"
                            "- name: Check Ansible version\n"
                            "  hosts: all\n"
                            "  gather_facts: false\n"
                            "  become: no\n"
                            "  run_once: true\n"
                            "  vars:\n"
                            "    minimal_ansible_version: 2.16.4\n"
                            "    maximal_ansible_version: 2.17.0\n"
                            "  tags: always\n"
                            "  tasks:\n"
                            "    - name: \"Check {{ minimal_ansible_version }} <= Ansible version < "
                            "{{ maximal_ansible_version }}\"\n"
                            "      assert:\n"
                            "        msg: \"Ansible must be between {{ minimal_ansible_version }} and "
                            "{{ maximal_ansible_version }} exclusive\"\n"
                            "        that:\n"
                            "          - ansible_version.string is version(minimal_ansible_version, \">=\")\n";
    const QByteArray v221 = "---\n"
                            "- hosts: localhost\n"
                            "  gather_facts: false\n"
                            "  become: no\n"
                            "  vars:\n"
                            "    minimal_ansible_version: 2.11.0\n"
                            "    maximal_ansible_version: 2.13.0\n"
                            "    ansible_connection: local\n";
    // The checkout's file differs from our table (a patched fork): the file wins.
    const QByteArray patched = "- hosts: all\n  vars:\n    minimal_ansible_version: '2.14.0'\n"
                               "    maximal_ansible_version: '2.18'\n";
    const QStringList playbooksV225 = {u"playbooks/boilerplate.yml"_s, u"docs/CRI/"_s};

    QTest::newRow("v2.25 playbooks/ansible_version.yml")
        << u"playbooks/ansible_version.yml"_s << v225 << playbooksV225 << u">= 2.16.4, < 2.17.0"_s
        << u"playbooks/ansible_version.yml"_s;
    QTest::newRow("v2.21 root ansible_version.yml")
        << u"ansible_version.yml"_s << v221 << QStringList{} << u">= 2.11.0, < 2.13.0"_s << u"ansible_version.yml"_s;
    QTest::newRow("patched file wins over the table") << u"playbooks/ansible_version.yml"_s << patched << playbooksV225
                                                      << u">= 2.14.0, < 2.18.0"_s << u"playbooks/ansible_version.yml"_s;
    QTest::newRow("no file: table of the detected release")
        << QString() << QByteArray() << QStringList{u"playbooks/boilerplate.yml"_s} << u">= 2.15.5, < 2.17.0"_s
        << u"v2.24"_s;
    QTest::newRow("broken file: table") << u"playbooks/ansible_version.yml"_s << QByteArray("- vars: [\n")
                                        << playbooksV225 << u">= 2.16.4, < 2.17.0"_s << u"v2.25"_s;
    QTest::newRow("file without the vars: table")
        << u"playbooks/ansible_version.yml"_s << QByteArray("- hosts: all\n  tasks: []\n") << playbooksV225
        << u">= 2.16.4, < 2.17.0"_s << u"v2.25"_s;
}

void TestCheckout::ansibleRange() {
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(QStringList, markers);
    QFETCH(QString, range);
    QFETCH(QString, origin);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path(), markers));
    if (!file.isEmpty())
        QVERIFY(test::writeAll(temp.filePath(file), contents));

    const Checkout checkout = Checkout::open(temp.path());
    const auto found = checkout.ansibleRange();
    QVERIFY(found.has_value());
    QCOMPARE(found->toString(), range);
    QVERIFY2(found->origin.contains(origin), qPrintable(found->origin));
}

void TestCheckout::ansibleRangeUnknown() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path(), {u"playbooks/"_s}));
    // v2.22 is detected, but neither a file nor the table knows its range.
    const Checkout checkout = Checkout::open(temp.path());
    QCOMPARE(checkout.version()->toString(), u"v2.22.0"_s);
    QVERIFY(!checkout.ansibleRange().has_value());
}

void TestCheckout::inspectDebianAnsible() {
    if (!QFileInfo(debianAnsiblePlaybook).isExecutable())
        QSKIP("Debian's ansible package is not installed (scripts/setup installs it)");

    const AnsibleEnvironment environment = AnsibleEnvironment::inspect(debianAnsiblePlaybook, false);
    QVERIFY2(environment.problem.isEmpty(), qPrintable(environment.problem));
    QCOMPARE(environment.playbookPath, debianAnsiblePlaybook);
    QVERIFY(!environment.fromVenv);
    QVERIFY(environment.coreVersion.has_value());
    QCOMPARE(environment.coreVersion->major, 2);
    QCOMPARE(environment.coreVersion->minor, 14);
    QCOMPARE(environment.pythonPath, u"/usr/bin/python3"_s);
    QVERIFY(QFileInfo(environment.pythonPath).isExecutable());
    QVERIFY2(environment.missingModules.isEmpty(), qPrintable(environment.missingModules.join(u", ")));
    // Debian 12's ansible-core suits v2.23 only.
    QVERIFY(builtInAnsibleRange(KubesprayVersion(2, 23, 0))->contains(*environment.coreVersion));
    QVERIFY(!builtInAnsibleRange(KubesprayVersion(2, 25, 0))->contains(*environment.coreVersion));
}

void TestCheckout::inspectMissingProgram() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString missing = temp.filePath(u"venv/bin/ansible-playbook"_s);

    const AnsibleEnvironment environment = AnsibleEnvironment::inspect(missing, true);
    QVERIFY(!environment.problem.isEmpty());
    QCOMPARE(environment.playbookPath, missing);
    QVERIFY(environment.fromVenv);
    QVERIFY(!environment.coreVersion.has_value());
    QVERIFY(environment.pythonPath.isEmpty());

    // A program that runs but is not ansible-playbook.
    const AnsibleEnvironment notAnsible = AnsibleEnvironment::inspect(u"/bin/true"_s, false);
    QVERIFY(!notAnsible.problem.isEmpty());
    QVERIFY(!notAnsible.coreVersion.has_value());
}

void TestCheckout::detectPrefersVenv() {
    if (!QFileInfo(debianAnsiblePlaybook).isExecutable())
        QSKIP("Debian's ansible package is not installed (scripts/setup installs it)");

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QVERIFY(makeCheckout(temp.path()));
    // The real program, reached through the venv path Kubespray's docs set up.
    QVERIFY(QDir().mkpath(temp.filePath(u"venv/bin"_s)));
    const QString venvProgram = temp.filePath(u"venv/bin/ansible-playbook"_s);
    QVERIFY(QFile::link(debianAnsiblePlaybook, venvProgram));

    const AnsibleEnvironment environment = AnsibleEnvironment::detect(Checkout::open(temp.path()));
    QVERIFY2(environment.problem.isEmpty(), qPrintable(environment.problem));
    QVERIFY(environment.fromVenv);
    QCOMPARE(environment.playbookPath, QFileInfo(venvProgram).absoluteFilePath());
    QCOMPARE(environment.coreVersion->minor, 14);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestCheckout)
#include "TestCheckout.moc"
