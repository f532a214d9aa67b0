// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Checkout.h"
#include "kubespray/ClusterConfig.h"
#include "kubespray/Defaults.h"
#include "kubespray/Inventory.h"
#include "yaml/YamlValues.h"

#include "TestSupport.h"

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

QString fixture(const QString &era) {
    return test::fixturePath(u"inventories/"_s + era);
}

/// A writable copy of an era's fixture inventory.
bool copyFixture(const QString &era, const QTemporaryDir &dir) {
    return dir.isValid() && test::copyTree(fixture(era), dir.path());
}

/// Files to write before a test runs: path relative to the temporary folder → contents.
using Files = QMap<QString, QByteArray>;

QString text(const Setting &setting) {
    return yaml::toDisplayText(setting.value);
}

/// What Ansible itself makes of the inventory for one host (`ansible-inventory --host`), or nothing when
/// Debian's ansible is not installed.
std::optional<QJsonObject> ansibleHostVars(const QString &hostsFile, const QString &host) {
    const QString program = QStandardPaths::findExecutable(u"ansible-inventory"_s);
    if (program.isEmpty())
        return std::nullopt;
    QProcess process;
    process.setWorkingDirectory(QFileInfo(hostsFile).absolutePath());
    process.start(program, {u"-i"_s, hostsFile, u"--host"_s, host});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("ansible-inventory failed: %s", process.readAllStandardError().constData());
        return QJsonObject();
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

/// `ansible-inventory -i FILE --list`: every group with its direct hosts and children, and `_meta.hostvars`.
QJsonObject ansibleList(const QString &hostsFile) {
    QProcess process;
    process.setWorkingDirectory(QFileInfo(hostsFile).absolutePath());
    process.start(u"ansible-inventory"_s, {u"-i"_s, hostsFile, u"--list"_s});
    if (!process.waitForFinished(60000) || process.exitCode() != 0 ||
        process.readAllStandardError().contains("Failed to parse"))
        return {};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QStringList jsonStrings(const QJsonValue &array) {
    QStringList strings;
    for (const QJsonValue &item : array.toArray())
        strings.append(item.toString());
    return strings;
}

} // namespace

class TestInventory : public QObject {
    Q_OBJECT

private slots:
    void eraLoads_data();
    void eraLoads();
    void clusterValueOrigin_data();
    void clusterValueOrigin();
    void builtInDefaults_data();
    void builtInDefaults();
    void removedValueFallsBackToDefault();
    void roleDefaultsFromCheckout();
    void hostsYamlWinsOverIni();
    void iniSpecifics();
    void iniValuesAgreeWithAnsible();
    void yamlHostPatterns();
    void yamlAliasesAgreeWithAnsible();
    void legacyGroupNames();
    void canonicalGroupNames_data();
    void canonicalGroupNames();
    void overrides();
    void duplicates();
    void precedence_data();
    void precedence();
    void precedenceAgreesWithAnsible();
    void badInput_data();
    void badInput();
    void symbolicLinkMistakes();
    void hostsFileReadAsAnsibleReadsIt_data();
    void hostsFileReadAsAnsibleReadsIt();

private:
    /// The precedence inventory: hosts-file vars, group_vars/all, group_vars/k8s_cluster, an ignored all.yml.
    static bool writePrecedenceInventory(const QString &directory);
};

void TestInventory::eraLoads_data() {
    QTest::addColumn<QString>("era");
    QTest::addColumn<QString>("hostsFile");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<QStringList>("controlPlane");
    QTest::addColumn<QStringList>("etcd");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("cluster");
    QTest::addColumn<bool>("declaresCluster");
    QTest::addColumn<QString>("firstAddress");

    const QStringList three = {u"node1"_s, u"node2"_s, u"node3"_s};
    QTest::newRow("v2.21 inventory.ini with [k8s_cluster:children]")
        << u"v2.21"_s << u"inventory.ini"_s << three << QStringList{u"node1"_s} << three << three << three << true
        << u"192.168.56.11"_s;
    QTest::newRow("v2.25 hosts.yaml of the inventory builder")
        << u"v2.25"_s << u"hosts.yaml"_s << three << QStringList{u"node1"_s} << three << three << three << true
        << u"192.168.56.21"_s;
    QTest::newRow("v2.27 inventory.ini, stacked etcd, k8s_cluster built at run time")
        << u"v2.27"_s << u"inventory.ini"_s << QStringList{u"node1"_s, u"node2"_s, u"node3"_s, u"node4"_s} << three
        << three << QStringList{u"node4"_s} << QStringList{u"node1"_s, u"node2"_s, u"node3"_s, u"node4"_s} << false
        << u"192.168.56.31"_s;
}

void TestInventory::eraLoads() {
    QFETCH(QString, era);
    QFETCH(QString, hostsFile);
    QFETCH(QStringList, hosts);
    QFETCH(QStringList, controlPlane);
    QFETCH(QStringList, etcd);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, cluster);
    QFETCH(bool, declaresCluster);
    QFETCH(QString, firstAddress);

    const auto inventory = Inventory::load(fixture(era));
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));
    QCOMPARE(QFileInfo(inventory->hostsFilePath()).fileName(), hostsFile);
    QCOMPARE(inventory->directory(), QDir(fixture(era)).absolutePath());
    QCOMPARE(inventory->hostNames(), hosts);
    QCOMPARE(inventory->hostsOf(u"all"_s), hosts);
    QCOMPARE(inventory->hostsOf(u"kube_control_plane"_s), controlPlane);
    QCOMPARE(inventory->hostsOf(u"etcd"_s), etcd);
    QCOMPARE(inventory->hostsOf(u"kube_node"_s), nodes);
    QCOMPARE(inventory->hostsOf(u"k8s_cluster"_s), cluster);
    QCOMPARE(inventory->hostsOf(u"calico_rr"_s), QStringList());
    QCOMPARE(inventory->hostsOf(u"no_such_group"_s), QStringList());
    QCOMPARE(inventory->declaresGroup(u"k8s_cluster"_s), declaresCluster);
    QVERIFY(inventory->declaresGroup(u"kube_control_plane"_s));

    const InventoryHost node1 = inventory->hostsFile().hosts.value(u"node1"_s);
    QCOMPARE(yaml::scalarText(node1.vars.value(u"ansible_host"_s).value), firstAddress);
    QVERIFY(node1.line > 0);
    if (era == u"v2.27") // "node1 ansible_host=…  # ip=10.3.0.1 …": the rest of the line is a comment
        QVERIFY(!node1.vars.contains(u"ip"_s));
    else
        QCOMPARE(yaml::scalarText(node1.vars.value(u"ip"_s).value), firstAddress);

    // Every group_vars file is read; none of the sample's are broken.
    QVERIFY(!inventory->varsFiles().isEmpty());
    QCOMPARE(*inventory->placeFor(u"no_such_variable"_s, u"k8s_cluster"_s, u"k8s-cluster.yml"_s),
             u"group_vars/k8s_cluster/k8s-cluster.yml"_s);
    QCOMPARE(*inventory->placeFor(u"no_such_variable"_s, u"all"_s, u"all.yml"_s), u"group_vars/all/all.yml"_s);
    QVERIFY(inventory->duplicates().isEmpty());
}

void TestInventory::clusterValueOrigin_data() {
    QTest::addColumn<QString>("era");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");

    const QString k8s = u"group_vars/k8s_cluster/k8s-cluster.yml"_s;
    // Line numbers as in the fixtures (FACTS.md §2.1 for the sample files).
    for (const QString &era : {u"v2.21"_s, u"v2.25"_s}) {
        QTest::addRow("%s kube_service_addresses", qPrintable(era))
            << era << u"kube_service_addresses"_s << u"10.233.0.0/18"_s << k8s << 76;
        QTest::addRow("%s kube_pods_subnet", qPrintable(era))
            << era << u"kube_pods_subnet"_s << u"10.233.64.0/18"_s << k8s << 81;
        QTest::addRow("%s kube_network_node_prefix", qPrintable(era))
            << era << u"kube_network_node_prefix"_s << u"24"_s << k8s << 98;
        QTest::addRow("%s enable_dual_stack_networks", qPrintable(era))
            << era << u"enable_dual_stack_networks"_s << u"false"_s << k8s << 101;
        QTest::addRow("%s dns_domain stays a template", qPrintable(era))
            << era << u"dns_domain"_s << u"{{ cluster_name }}"_s << k8s << 224;
    }
    QTest::newRow("v2.27 kube_service_addresses")
        << u"v2.27"_s << u"kube_service_addresses"_s << u"10.233.0.0/18"_s << k8s << 73;
    QTest::newRow("v2.27 kube_pods_subnet") << u"v2.27"_s << u"kube_pods_subnet"_s << u"10.233.64.0/18"_s << k8s << 78;
    QTest::newRow("v2.27 kube_network_node_prefix")
        << u"v2.27"_s << u"kube_network_node_prefix"_s << u"24"_s << k8s << 95;
    QTest::newRow("v2.27 enable_nodelocaldns") << u"v2.27"_s << u"enable_nodelocaldns"_s << u"true"_s << k8s << 167;
    QTest::newRow("v2.25 bin_dir from group_vars/all")
        << u"v2.25"_s << u"bin_dir"_s << u"/usr/local/bin"_s << u"group_vars/all/all.yml"_s << 3;
    QTest::newRow("v2.25 upstream_dns_servers only commented out")
        << u"v2.25"_s << u"upstream_dns_servers"_s << QString() << QString() << 0;
    QTest::newRow("v2.21 etcd.yml is not cluster-wide")
        << u"v2.21"_s << u"etcd_deployment_type"_s << QString() << QString() << 0;
}

void TestInventory::clusterValueOrigin() {
    QFETCH(QString, era);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, file);
    QFETCH(int, line);

    const auto inventory = Inventory::load(fixture(era));
    QVERIFY(inventory);
    const auto setting = inventory->clusterValue(name);
    if (value.isEmpty()) {
        QVERIFY(!setting.has_value());
        return;
    }
    QVERIFY(setting.has_value());
    QCOMPARE(setting->name, name);
    QCOMPARE(text(*setting), value);
    QCOMPARE(setting->origin.kind, Origin::Kind::Inventory);
    QVERIFY(setting->origin.isInventory());
    QCOMPARE(setting->origin.displayPath, file);
    QCOMPARE(setting->origin.file, QDir(fixture(era)).absoluteFilePath(file));
    QCOMPARE(setting->origin.line, line);
    QCOMPARE(setting->origin.describe(), u"%1:%2"_s.arg(file).arg(line));
}

void TestInventory::builtInDefaults_data() {
    QTest::addColumn<QString>("era");
    QTest::addColumn<QString>("release");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value"); // empty: defined nowhere
    QTest::addColumn<Origin::Kind>("kind");

    const auto inventory = Origin::Kind::Inventory;
    const auto builtIn = Origin::Kind::BuiltInDefault;
    const auto unset = Origin::Kind::Unset;
    const QString dockerMirror = u"[{prefix: docker.io, mirrors: [{host: https://registry-1.docker.io, "
                                 "capabilities: [pull, resolve], skip_verify: false}]}]"_s;

    QTest::newRow("v2.25 pods from the inventory")
        << u"v2.25"_s << u"v2.25.0"_s << u"kube_pods_subnet"_s << u"10.233.64.0/18"_s << inventory;
    QTest::newRow("v2.25 upstream_dns_servers has no default")
        << u"v2.25"_s << u"v2.25.0"_s << u"upstream_dns_servers"_s << QString() << unset;
    QTest::newRow("v2.27 upstream_dns_servers defaults to []")
        << u"v2.27"_s << u"v2.27.0"_s << u"upstream_dns_servers"_s << u"[]"_s << builtIn;
    QTest::newRow("v2.25 docker.io mirror by default")
        << u"v2.25"_s << u"v2.25.0"_s << u"containerd_registries_mirrors"_s << dockerMirror << builtIn;
    QTest::newRow("v2.25 containerd_use_config_path false")
        << u"v2.25"_s << u"v2.25.0"_s << u"containerd_use_config_path"_s << u"false"_s << builtIn;
    QTest::newRow("v2.27 containerd_use_config_path removed")
        << u"v2.27"_s << u"v2.27.0"_s << u"containerd_use_config_path"_s << QString() << unset;
    QTest::newRow("v2.21 containerd_registries dict") << u"v2.21"_s << u"v2.21.0"_s << u"containerd_registries"_s
                                                      << u"{docker.io: https://registry-1.docker.io}"_s << builtIn;
    QTest::newRow("v2.21 containerd_insecure_registries")
        << u"v2.21"_s << u"v2.21.0"_s << u"containerd_insecure_registries"_s << u"[]"_s << builtIn;
    QTest::newRow("v2.21 no containerd_registries_mirrors")
        << u"v2.21"_s << u"v2.21.0"_s << u"containerd_registries_mirrors"_s << QString() << unset;
    QTest::newRow("v2.25 kubeconfig_localhost off")
        << u"v2.25"_s << u"v2.25.0"_s << u"kubeconfig_localhost"_s << u"false"_s << builtIn;
    QTest::newRow("v2.28 ipv6_stack is an expression")
        << u"v2.27"_s << u"v2.28.0"_s << u"ipv6_stack"_s << u"{{ enable_dual_stack_networks | default(false) }}"_s
        << builtIn;
    QTest::newRow("unknown variable") << u"v2.25"_s << u"v2.25.0"_s << u"no_such_variable"_s << QString() << unset;
}

void TestInventory::builtInDefaults() {
    QFETCH(QString, era);
    QFETCH(QString, release);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(Origin::Kind, kind);

    auto inventory = Inventory::load(fixture(era));
    QVERIFY(inventory);
    const auto version = KubesprayVersion::parse(release);
    const ClusterConfig config(*inventory, Defaults::builtIn(*version), version);
    const Setting setting = config.value(name);
    QCOMPARE(setting.name, name);
    QCOMPARE(setting.origin.kind, kind);
    QCOMPARE(setting.isDefined(), !value.isEmpty());
    if (value.isEmpty()) {
        QCOMPARE(setting.origin.describe(), u"not set"_s);
        return;
    }
    QCOMPARE(text(setting), value);
    if (kind == Origin::Kind::BuiltInDefault) {
        QCOMPARE(setting.origin.release, release);
        QCOMPARE(setting.origin.describe(), u"Kubespray %1 default"_s.arg(release));
    }
}

void TestInventory::removedValueFallsBackToDefault() {
    QTemporaryDir dir;
    QVERIFY(copyFixture(u"v2.25"_s, dir));
    const QString k8s = dir.filePath(u"group_vars/k8s_cluster/k8s-cluster.yml"_s);
    QByteArray bytes = test::readAll(k8s);
    QVERIFY(bytes.contains("\nkube_pods_subnet: 10.233.64.0/18\n"));
    bytes.replace("\nkube_pods_subnet: 10.233.64.0/18\n", "\n# kube_pods_subnet: removed\n");
    bytes.replace("enable_dual_stack_networks: false", "enable_dual_stack_networks: true");
    QVERIFY(test::writeAll(k8s, bytes));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY(inventory);
    QVERIFY(!inventory->clusterValue(u"kube_pods_subnet"_s));
    const auto version = KubesprayVersion(2, 25, 0);
    const ClusterConfig config(*inventory, Defaults::builtIn(version), version);
    const Setting pods = config.value(u"kube_pods_subnet"_s);
    QCOMPARE(text(pods), u"10.233.64.0/18"_s);
    QCOMPARE(pods.origin.kind, Origin::Kind::BuiltInDefault);
    QCOMPARE(pods.origin.describe(), u"Kubespray v2.25.0 default"_s);
    QCOMPARE(config.version(), std::optional<KubesprayVersion>(version));

    QVERIFY(config.ipv4Enabled());
    QVERIFY(config.ipv6Enabled()); // enable_dual_stack_networks: true, before v2.28
    QVERIFY(config.nodeLocalDnsEnabled());
    QVERIFY(config.isTrue(u"enable_nodelocaldns"_s));
    QVERIFY(!config.isTrue(u"kubeconfig_localhost"_s));
    QVERIFY(!config.isTrue(u"no_such_variable"_s));
}

void TestInventory::roleDefaultsFromCheckout() {
    QTemporaryDir checkoutDir;
    QVERIFY(checkoutDir.isValid());
    const QString root = checkoutDir.path();
    QVERIFY(test::writeAll(root + u"/cluster.yml"_s, "---\n"));
    QVERIFY(test::writeAll(root + u"/playbooks/boilerplate.yml"_s, "---\n")); // v2.24 marker
    QVERIFY(test::writeAll(root + u"/roles/kubespray-defaults/defaults/main/main.yml"_s,
                           "---\n"
                           "# Kubernetes internal network for services, unused block of space.\n"
                           "kube_service_addresses: 10.233.0.0/18\n"
                           "\n"
                           "# internal network. When used, it will assign IP\n"
                           "kube_pods_subnet: 10.233.64.0/18\n"
                           "kube_network_node_prefix: 24\n"
                           "enable_nodelocaldns: true\n"
                           "nodelocaldns_ip: 169.254.25.10\n"
                           "dns_mode: coredns\n"
                           "# not tracked: ignored\n"
                           "kube_version: v1.28.6\n"));
    QVERIFY(test::writeAll(root + u"/roles/kubespray-defaults/defaults/main/download.yml"_s,
                           "---\nlocal_release_dir: /tmp/releases\n"));
    QVERIFY(test::writeAll(root + u"/roles/container-engine/containerd/defaults/main.yml"_s,
                           "---\n"
                           "containerd_use_config_path: false\n"
                           "containerd_registries_mirrors:\n"
                           "  - prefix: docker.io\n"
                           "    mirrors:\n"
                           "      - host: https://registry-1.docker.io\n"
                           "        capabilities: [\"pull\", \"resolve\"]\n"
                           "        skip_verify: false\n"));
    QVERIFY(test::writeAll(root + u"/roles/kubernetes/client/defaults/main.yml"_s,
                           "---\n"
                           "kubeconfig_localhost: false\n"
                           "kubectl_localhost: false\n"
                           "artifacts_dir: \"{{ inventory_dir }}/artifacts\"\n"));
    QVERIFY(test::writeAll(root + u"/roles/network_plugin/calico/defaults/main.yml"_s, "calico_pool_blocksize: [26\n"));

    // The scenario's inventory inside the checkout, with the pod range left to the default.
    const QString inventoryPath = root + u"/inventory/mycluster"_s;
    QVERIFY(QDir().mkpath(inventoryPath));
    QVERIFY(test::copyTree(fixture(u"v2.25"_s), inventoryPath));
    const QString k8s = inventoryPath + u"/group_vars/k8s_cluster/k8s-cluster.yml"_s;
    QByteArray bytes = test::readAll(k8s);
    bytes.replace("\nkube_pods_subnet: 10.233.64.0/18\n", "\n# kube_pods_subnet: 10.233.64.0/18\n");
    QVERIFY(test::writeAll(k8s, bytes));

    const Checkout checkout = Checkout::forInventory(inventoryPath);
    QCOMPARE(checkout.root(), QDir(root).absolutePath());
    QCOMPARE(checkout.version()->toString(), u"v2.24.0"_s);
    const Defaults defaults = Defaults::forCheckout(checkout);
    QVERIFY(defaults.readFromCheckout());
    QCOMPARE(defaults.problems().size(), 1);
    QVERIFY2(defaults.problems().first().contains(u"roles/network_plugin/calico/defaults/main.yml"),
             qPrintable(defaults.problems().first()));

    const auto inventory = Inventory::load(inventoryPath);
    QVERIFY(inventory);
    const ClusterConfig config(*inventory, defaults, checkout.version());

    const Setting pods = config.value(u"kube_pods_subnet"_s);
    QCOMPARE(text(pods), u"10.233.64.0/18"_s);
    QCOMPARE(pods.origin.kind, Origin::Kind::KubesprayRole);
    QCOMPARE(pods.origin.displayPath, u"roles/kubespray-defaults/defaults/main/main.yml"_s);
    QCOMPARE(pods.origin.line, 6);
    QCOMPARE(pods.origin.release, u"v2.24.0"_s);
    QCOMPARE(pods.origin.describe(),
             u"roles/kubespray-defaults/defaults/main/main.yml:6 (Kubespray v2.24.0 default)"_s);

    // The inventory still wins where it sets a value.
    const Setting services = config.value(u"kube_service_addresses"_s);
    QCOMPARE(services.origin.kind, Origin::Kind::Inventory);
    QCOMPARE(services.origin.line, 76);

    // A Jinja expression stays an expression: nothing is evaluated.
    const Setting artifacts = config.value(u"artifacts_dir"_s);
    QCOMPARE(text(artifacts), u"{{ inventory_dir }}/artifacts"_s);
    QVERIFY(yaml::isTemplate(artifacts.value));
    QCOMPARE(artifacts.origin.displayPath, u"roles/kubernetes/client/defaults/main.yml"_s);
    QCOMPARE(artifacts.origin.line, 4);

    const Setting mirrors = config.value(u"containerd_registries_mirrors"_s);
    QCOMPARE(mirrors.origin.kind, Origin::Kind::KubesprayRole);
    QCOMPARE(mirrors.origin.line, 3);
    QVERIFY(mirrors.value.IsSequence());
    QCOMPARE(yaml::scalarText(mirrors.value[0]["prefix"]), u"docker.io"_s);

    // Untracked variables are not read; tracked ones missing from the files are unset (not taken from the table).
    QVERIFY(!defaults.value(u"kube_version"_s).isDefined());
    QVERIFY(!config.value(u"upstream_dns_servers"_s).isDefined());
    // The broken file's variable is missing, not invented.
    QVERIFY(!config.value(u"calico_pool_blocksize"_s).isDefined());
}

void TestInventory::hostsYamlWinsOverIni() {
    // v2.25's fixture holds both files, as the old inventory builder left them.
    const auto inventory = Inventory::load(fixture(u"v2.25"_s));
    QVERIFY(inventory);
    QCOMPARE(QFileInfo(inventory->hostsFilePath()).fileName(), u"hosts.yaml"_s);
    QCOMPARE(inventory->hostsFile().format, HostsFile::Format::Yaml);
    QCOMPARE(inventory->notes().size(), 1);
    QVERIFY2(inventory->notes().first().contains(u"hosts.yaml") &&
                 inventory->notes().first().contains(u"inventory.ini"),
             qPrintable(inventory->notes().first()));

    // The other spellings: hosts.yml over hosts.ini.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yml"_s), "all:\n  hosts:\n    yamlnode:\n"));
    QVERIFY(test::writeAll(dir.filePath(u"hosts.ini"_s), "ininode\n"));
    const auto other = Inventory::load(dir.path());
    QVERIFY(other);
    QCOMPARE(other->hostNames(), QStringList{u"yamlnode"_s});
    QVERIFY(other->notes().first().contains(u"hosts.yml"));

    // Only an INI file: no note.
    QVERIFY(QFile::remove(dir.filePath(u"hosts.yml"_s)));
    const auto ini = Inventory::load(dir.path());
    QVERIFY(ini);
    QCOMPARE(ini->hostsFile().format, HostsFile::Format::Ini);
    QCOMPARE(ini->hostNames(), QStringList{u"ininode"_s});
    QVERIFY(ini->notes().isEmpty());
}

namespace {

// Line numbers matter: the tests below name them.
const QByteArray iniSample = "# A hand-written inventory.ini\n"                            // 1
                             "; a comment of the other kind\n"                             // 2
                             "bastion ansible_host=203.0.113.5 ansible_user=jump\n"        // 3
                             "[all]\n"                                                     // 4
                             "node[1:3] ansible_user=admin   # ip=10.0.0.1 is a comment\n" // 5
                             "app[01:02]\n"                                                // 6
                             "node9:2222 ansible_host=192.168.56.99\n"                     // 7
                             "node8:2200 ansible_port=22\n"                                // 8
                             "\n"                                                          // 9
                             "[kube_control_plane]\n"                                      // 10
                             "node1\n"                                                     // 11
                             "\n"                                                          // 12
                             "[kube_node]   # workers\n"                                   // 13
                             "node2\n"                                                     // 14
                             "node3 ansible_host=\"192.168.56.3\"\n"                       // 15
                             "app01\n"                                                     // 16
                             "\n"                                                          // 17
                             "[k8s_cluster:children]\n"                                    // 18
                             "kube_control_plane\n"                                        // 19
                             "kube_node\n"                                                 // 20
                             "\n"                                                          // 21
                             "[k8s_cluster:vars]\n"                                        // 22
                             "kube_pods_subnet=10.200.0.0/16\n"                            // 23
                             "kube_network_node_prefix = 25\n"                             // 24
                             "enable_dual_stack_networks=False\n"                          // 25
                             "kube_service_addresses_ipv6=\"fd00:1::/108\"\n"              // 26
                             "kubeconfig_localhost=true\n"                                 // 27
                             "artifacts_dir=/srv/artifacts # not a comment in :vars\n"     // 28
                             "upstream_dns_servers=['10.244.10.130']\n"                    // 29
                             "kubelet_max_pods=None\n"                                     // 30
                             "\n"                                                          // 31
                             "[all:vars]\n"                                                // 32
                             "kube_service_addresses=10.100.0.0/16\n"                      // 33
                             "kube_pods_subnet=10.199.0.0/16\n"                            // 34
                             "calico_pool_blocksize=026\n";                                // 35

} // namespace

void TestInventory::iniSpecifics() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, iniSample));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));
    QCOMPARE(inventory->hostsFile().format, HostsFile::Format::Ini);
    QCOMPARE(inventory->hostNames(), (QStringList{u"bastion"_s, u"node1"_s, u"node2"_s, u"node3"_s, u"app01"_s,
                                                  u"app02"_s, u"node9"_s, u"node8"_s}));
    const HostsFile &hosts = inventory->hostsFile();
    QCOMPARE(hosts.groups.value(u"ungrouped"_s).hosts, QStringList{u"bastion"_s});
    QCOMPARE(hosts.hosts.value(u"node2"_s).line, 5);
    QCOMPARE(hosts.hosts.value(u"app02"_s).line, 6);

    // Inline comments end a host line; ranges expand; the width of node[01:02] is kept.
    const InventoryHost node1 = hosts.hosts.value(u"node1"_s);
    QCOMPARE(node1.vars.keys(), QStringList{u"ansible_user"_s});
    QCOMPARE(yaml::scalarText(node1.vars.value(u"ansible_user"_s).value), u"admin"_s);
    QCOMPARE(node1.vars.value(u"ansible_user"_s).line, 5);
    QCOMPARE(yaml::scalarText(hosts.hosts.value(u"node3"_s).vars.value(u"ansible_host"_s).value), u"192.168.56.3"_s);

    // host:port, and an explicit ansible_port winning over it as in Ansible.
    const InventoryHost node9 = hosts.hosts.value(u"node9"_s);
    QCOMPARE(yaml::toJson(node9.vars.value(u"ansible_port"_s).value), QJsonValue(2222));
    QCOMPARE(yaml::scalarText(node9.vars.value(u"ansible_host"_s).value), u"192.168.56.99"_s);
    QCOMPARE(yaml::toJson(hosts.hosts.value(u"node8"_s).vars.value(u"ansible_port"_s).value), QJsonValue(22));

    // [group:children] and the group's own line.
    QCOMPARE(hosts.groups.value(u"k8s_cluster"_s).children, (QStringList{u"kube_control_plane"_s, u"kube_node"_s}));
    QCOMPARE(hosts.groups.value(u"k8s_cluster"_s).line, 18);
    QCOMPARE(hosts.groups.value(u"kube_node"_s).line, 13);
    QCOMPARE(inventory->hostsOf(u"k8s_cluster"_s), (QStringList{u"node1"_s, u"node2"_s, u"node3"_s, u"app01"_s}));
    QCOMPARE(inventory->hostsOf(u"kube_node"_s), (QStringList{u"node2"_s, u"node3"_s, u"app01"_s}));

    // [k8s_cluster:vars] over [all:vars]; values typed as Ansible types them.
    const auto pods = inventory->clusterValue(u"kube_pods_subnet"_s);
    QVERIFY(pods);
    QCOMPARE(text(*pods), u"10.200.0.0/16"_s);
    QCOMPARE(pods->origin.displayPath, u"inventory.ini"_s);
    QCOMPARE(pods->origin.file, path);
    QCOMPARE(pods->origin.line, 23);
    QCOMPARE(pods->origin.describe(), u"inventory.ini:23"_s);
    const auto services = inventory->clusterValue(u"kube_service_addresses"_s);
    QCOMPARE(text(*services), u"10.100.0.0/16"_s);
    QCOMPARE(services->origin.line, 33);
    QCOMPARE(yaml::toJson(inventory->clusterValue(u"kube_network_node_prefix"_s)->value), QJsonValue(25));
    QCOMPARE(yaml::toJson(inventory->clusterValue(u"enable_dual_stack_networks"_s)->value), QJsonValue(false));
    QCOMPARE(text(*inventory->clusterValue(u"kube_service_addresses_ipv6"_s)), u"fd00:1::/108"_s);
    QCOMPARE(yaml::toJson(inventory->clusterValue(u"kubeconfig_localhost"_s)->value), QJsonValue(u"true"_s));
    QCOMPARE(text(*inventory->clusterValue(u"artifacts_dir"_s)), u"/srv/artifacts # not a comment in :vars"_s);
    QCOMPARE(text(*inventory->clusterValue(u"upstream_dns_servers"_s)), u"[10.244.10.130]"_s);
    QVERIFY(inventory->clusterValue(u"kubelet_max_pods"_s)->value.IsNull());
    QCOMPARE(yaml::toJson(inventory->clusterValue(u"calico_pool_blocksize"_s)->value), QJsonValue(u"026"_s));
}

void TestInventory::iniValuesAgreeWithAnsible() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"inventory.ini"_s);
    QVERIFY(test::writeAll(path, iniSample));
    const auto inventory = Inventory::load(dir.path());
    QVERIFY(inventory);

    const auto ansible = ansibleHostVars(path, u"app01"_s);
    if (!ansible)
        QSKIP("ansible-inventory is not installed (scripts/setup installs Debian's ansible)");
    QVERIFY(!ansible->isEmpty());
    for (const QString &name :
         {u"kube_pods_subnet"_s, u"kube_service_addresses"_s, u"kube_network_node_prefix"_s,
          u"enable_dual_stack_networks"_s, u"kube_service_addresses_ipv6"_s, u"kubeconfig_localhost"_s,
          u"artifacts_dir"_s, u"upstream_dns_servers"_s, u"kubelet_max_pods"_s, u"calico_pool_blocksize"_s}) {
        const auto setting = inventory->clusterValue(name);
        QVERIFY2(setting, qPrintable(name));
        QCOMPARE(yaml::toJson(setting->value), ansible->value(name));
    }
    for (const QString &host : {u"node9"_s, u"node8"_s, u"node1"_s, u"node3"_s}) {
        const auto hostVars = ansibleHostVars(path, host);
        const InventoryHost entry = inventory->hostsFile().hosts.value(host);
        for (auto it = entry.vars.cbegin(); it != entry.vars.cend(); ++it)
            QCOMPARE(yaml::toJson(it->value), hostVars->value(it.key()));
        QCOMPARE(hostVars->contains(u"ip"_s), false);
    }
}

void TestInventory::yamlHostPatterns() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hosts.yaml"_s);
    QVERIFY(test::writeAll(path, "all:\n"
                                 "  hosts:\n"
                                 "    node[1:2]:\n"
                                 "      ip: 10.0.0.1\n"
                                 "    node9:2222:\n"
                                 "    node8:2200:\n"
                                 "      ansible_port: 22\n"
                                 "  children:\n"
                                 "    kube_node:\n"
                                 "      hosts:\n"
                                 "        node[1:2]:\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));
    QCOMPARE(inventory->hostNames(), (QStringList{u"node1"_s, u"node2"_s, u"node9"_s, u"node8"_s}));
    QCOMPARE(inventory->hostsOf(u"kube_node"_s), (QStringList{u"node1"_s, u"node2"_s}));
    const HostsFile &hosts = inventory->hostsFile();
    QCOMPARE(yaml::scalarText(hosts.hosts.value(u"node2"_s).vars.value(u"ip"_s).value), u"10.0.0.1"_s);
    QCOMPARE(yaml::toJson(hosts.hosts.value(u"node9"_s).vars.value(u"ansible_port"_s).value), QJsonValue(2222));
    QCOMPARE(yaml::toJson(hosts.hosts.value(u"node8"_s).vars.value(u"ansible_port"_s).value), QJsonValue(22));

    if (const auto ansible = ansibleHostVars(path, u"node8"_s))
        QCOMPARE(ansible->value(u"ansible_port"_s), QJsonValue(22));
}

// An alias is the very value of its anchor, wherever it stands: a host's variables, a group, a list of hosts, one
// variable's value. Ansible (PyYAML) reads them so; the wizard keeps values compactly and must give the same.
void TestInventory::yamlAliasesAgreeWithAnsible() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hosts.yaml"_s);
    QVERIFY(test::writeAll(path, "all:\n"
                                 "  vars:\n"
                                 "    dns: &dns [10.0.0.53, 10.0.1.53]\n"
                                 "    shared: &shared\n"
                                 "      a: 1\n"
                                 "      a: 2\n"
                                 "      b: [x, {y: &why yes}]\n"
                                 "  hosts:\n"
                                 "    node1: &node1\n"
                                 "      ansible_host: &address 10.0.0.1\n"
                                 "      ip: *address\n"
                                 "      resolvers: *dns\n"
                                 "    node2: *node1\n"
                                 "    node[3:4]:\n"
                                 "      ansible_host: 10.0.0.3\n"
                                 "      settings: *shared\n"
                                 "      answer: *why\n"
                                 "      nested: {list: [*dns, *dns], map: *shared}\n"
                                 "  children:\n"
                                 "    kube_control_plane: &control\n"
                                 "      hosts:\n"
                                 "        node1:\n"
                                 "    etcd: *control\n"
                                 "    kube_node:\n"
                                 "      hosts: &workers\n"
                                 "        node2:\n"
                                 "        node3:\n"
                                 "      vars:\n"
                                 "        labels: &labels {role: worker}\n"
                                 "    calico_rr:\n"
                                 "      hosts: *workers\n"
                                 "      vars: {labels: *labels}\n"
                                 "    k8s_cluster:\n"
                                 "      children: &children\n"
                                 "        kube_control_plane:\n"
                                 "        kube_node:\n"));
    const auto inventory = Inventory::load(path);
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));
    const QJsonObject ansible = ansibleList(path);
    QVERIFY2(!ansible.isEmpty(), "ansible-inventory refused the file (scripts/setup installs Debian's ansible)");

    const HostsFile &hosts = inventory->hostsFile();
    const QJsonObject hostVars = ansible.value(u"_meta"_s).toObject().value(u"hostvars"_s).toObject();
    QCOMPARE(inventory->hostNames(), hostVars.keys());
    for (const QString &host : inventory->hostNames()) {
        const auto &vars = hosts.hosts.value(host).vars;
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            QVERIFY2(yaml::toJson(it->value) == hostVars.value(host).toObject().value(it.key()),
                     qPrintable(host + u' ' + it.key()));
    }
    for (const InventoryGroup &group : hosts.groups) {
        if (group.name != u"all") { // Ansible lists all's own hosts under "ungrouped" when in no other group
            QCOMPARE(group.hosts, jsonStrings(ansible.value(group.name).toObject().value(u"hosts"_s)));
            QCOMPARE(group.children, jsonStrings(ansible.value(group.name).toObject().value(u"children"_s)));
        }
        for (auto it = group.vars.cbegin(); it != group.vars.cend(); ++it) {
            const QString member = inventory->hostsOf(group.name).value(0);
            QVERIFY2(yaml::toJson(it->value) == hostVars.value(member).toObject().value(it.key()),
                     qPrintable(group.name + u' ' + it.key()));
        }
    }
    // Spot checks, so that a shared misreading would not pass either.
    QCOMPARE(yaml::toJson(hosts.hosts.value(u"node2"_s).vars.value(u"ip"_s).value), QJsonValue(u"10.0.0.1"_s));
    QCOMPARE(yaml::toJson(hosts.hosts.value(u"node4"_s).vars.value(u"settings"_s).value),
             QJsonDocument::fromJson(R"({"a": 2, "b": ["x", {"y": true}]})").object()); // yes: YAML 1.1
    QCOMPARE(inventory->hostsOf(u"etcd"_s), QStringList{u"node1"_s});
    QCOMPARE(inventory->hostsOf(u"calico_rr"_s), (QStringList{u"node2"_s, u"node3"_s}));
    // The duplicate inside the anchor is reported once, where it is written.
    QCOMPARE(inventory->duplicates().size(), 1);
    QCOMPARE(inventory->duplicates().first().key.path, u"all.vars.shared.a"_s);
    QCOMPARE(inventory->duplicates().first().key.line, 6);
}

void TestInventory::legacyGroupNames() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeAll(dir.filePath(u"inventory.ini"_s), "[kube-master]\n"
                                                             "node1 ansible_host=192.168.56.61\n"
                                                             "[kube-node]\n"
                                                             "node2 ansible_host=192.168.56.62\n"
                                                             "[etcd]\n"
                                                             "node1\n"
                                                             "[calico-rr]\n"
                                                             "[k8s-cluster:children]\n"
                                                             "kube-master\n"
                                                             "kube-node\n"
                                                             "calico-rr\n"
                                                             "[k8s-cluster:vars]\n"
                                                             "kube_service_addresses=10.210.0.0/16\n"));
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/k8s-cluster/k8s-cluster.yml"_s),
                           "---\nkube_pods_subnet: 10.211.0.0/16\n"));
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/all.yml"_s), "---\nkube_pods_subnet: 10.212.0.0/16\n"));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));
    QVERIFY(inventory->declaresGroup(u"k8s_cluster"_s));
    QVERIFY(inventory->declaresGroup(u"kube_control_plane"_s));
    QVERIFY(inventory->declaresGroup(u"calico_rr"_s));
    QCOMPARE(inventory->hostsOf(u"kube_control_plane"_s), QStringList{u"node1"_s});
    QCOMPARE(inventory->hostsOf(u"kube_node"_s), QStringList{u"node2"_s});
    QCOMPARE(inventory->hostsOf(u"k8s_cluster"_s), (QStringList{u"node1"_s, u"node2"_s}));

    // One note per legacy name, naming both spellings.
    QCOMPARE(inventory->notes().size(), 4);
    const QString notes = inventory->notes().join(u'\n');
    for (const QString &name : {u"kube-master"_s, u"kube_control_plane"_s, u"k8s-cluster"_s, u"k8s_cluster"_s,
                                u"kube-node"_s, u"calico-rr"_s})
        QVERIFY2(notes.contains(name), qPrintable(notes));

    // group_vars/k8s-cluster/ counts as k8s_cluster and wins over all.
    const auto pods = inventory->clusterValue(u"kube_pods_subnet"_s);
    QVERIFY(pods);
    QCOMPARE(text(*pods), u"10.211.0.0/16"_s);
    QCOMPARE(pods->origin.displayPath, u"group_vars/k8s-cluster/k8s-cluster.yml"_s);
    QCOMPARE(pods->origin.line, 2);
    QCOMPARE(*inventory->placeFor(u"no_such_variable"_s, u"k8s_cluster"_s, u"k8s-cluster.yml"_s),
             u"group_vars/k8s-cluster/k8s-cluster.yml"_s);
    // [k8s-cluster:vars] counts as the k8s_cluster group's own vars.
    QCOMPARE(text(*inventory->clusterValue(u"kube_service_addresses"_s)), u"10.210.0.0/16"_s);
    QVERIFY(inventory->overrides(u"kube_service_addresses"_s).isEmpty());

    bool sawLegacyFolder = false;
    for (const Inventory::VarsFile &file : inventory->varsFiles()) {
        if (file.displayPath == u"group_vars/k8s-cluster/k8s-cluster.yml") {
            QCOMPARE(file.target, u"k8s-cluster"_s); // Ansible looks group_vars up by the name as written
            QCOMPARE(file.scope, Inventory::VarsFile::Scope::Group);
            sawLegacyFolder = true;
        }
    }
    QVERIFY(sawLegacyFolder);
}

void TestInventory::canonicalGroupNames_data() {
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("kube-master") << u"kube-master"_s << u"kube_control_plane"_s;
    QTest::newRow("kube_master") << u"kube_master"_s << u"kube_control_plane"_s;
    QTest::newRow("kube-node") << u"kube-node"_s << u"kube_node"_s;
    QTest::newRow("k8s-cluster") << u"k8s-cluster"_s << u"k8s_cluster"_s;
    QTest::newRow("calico-rr") << u"calico-rr"_s << u"calico_rr"_s;
    QTest::newRow("current name unchanged") << u"kube_control_plane"_s << u"kube_control_plane"_s;
    QTest::newRow("other group unchanged") << u"bastion"_s << u"bastion"_s;
}

void TestInventory::canonicalGroupNames() {
    QFETCH(QString, group);
    QFETCH(QString, canonical);
    QCOMPARE(canonicalGroupName(group), canonical);
}

void TestInventory::overrides() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), "all:\n"                                  // 1
                                                          "  hosts:\n"                              // 2
                                                          "    node1:\n"                            // 3
                                                          "      ansible_host: 192.168.56.51\n"     // 4
                                                          "      kube_pods_subnet: 10.1.0.0/16\n"   // 5
                                                          "    node2:\n"                            // 6
                                                          "      ansible_host: 192.168.56.52\n"     // 7
                                                          "    node3:\n"                            // 8
                                                          "    node4:\n"                            // 9
                                                          "    node5:\n"                            // 10
                                                          "  children:\n"                           // 11
                                                          "    kube_control_plane:\n"               // 12
                                                          "      hosts:\n"                          // 13
                                                          "        node1:\n"                        // 14
                                                          "        node3:\n"                        // 15
                                                          "        node5:\n"                        // 16
                                                          "    kube_node:\n"                        // 17
                                                          "      hosts:\n"                          // 18
                                                          "        node2:\n"                        // 19
                                                          "        node4:\n"                        // 20
                                                          "      vars:\n"                           // 21
                                                          "        kube_pods_subnet: 10.2.0.0/16\n" // 22
                                                          "    k8s_cluster:\n"                      // 23
                                                          "      children:\n"                       // 24
                                                          "        kube_control_plane:\n"           // 25
                                                          "        kube_node:\n"));                 // 26
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/kube_node.yml"_s), "kube_pods_subnet: 10.3.0.0/16\n"));
    QVERIFY(test::writeAll(dir.filePath(u"host_vars/node2.yml"_s), "---\nkube_pods_subnet: 10.4.0.0/16\n"));
    QVERIFY(test::writeAll(dir.filePath(u"group_vars/k8s_cluster.yml"_s), "kube_pods_subnet: 10.5.0.0/16\n"));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));

    // Each node's value is the one Ansible gives it: a host's own variables beat every group's, group_vars files
    // beat the hosts file's group vars, the deeper group beats k8s_cluster.
    for (const QString &host : inventory->hostNames()) {
        const auto ansible = ansibleHostVars(dir.filePath(u"hosts.yaml"_s), host);
        QVERIFY(ansible && !ansible->isEmpty());
        const Inventory::Value value = inventory->hostValue(host, u"kube_pods_subnet"_s);
        QCOMPARE(yaml::toJson(value.setting.value), ansible->value(u"kube_pods_subnet"_s));
    }

    // Most nodes (node3, node5) get group_vars/k8s_cluster.yml: that is the cluster's value...
    const auto cluster = inventory->clusterValue(u"kube_pods_subnet"_s);
    QCOMPARE(text(*cluster), u"10.5.0.0/16"_s);
    QCOMPARE(cluster->origin.describe(), u"group_vars/k8s_cluster.yml:1"_s);

    // ...and overrides() reports each place that wins for some nodes, with the nodes.
    const QList<Inventory::Override> found = inventory->overrides(u"kube_pods_subnet"_s);
    QStringList described;
    for (const Inventory::Override &entry : found) {
        QCOMPARE(entry.variable, u"kube_pods_subnet"_s);
        QCOMPARE(entry.setting.origin.kind, Origin::Kind::Inventory);
        described.append(entry.scope + u" = "_s + text(entry.setting) + u" @ "_s + entry.setting.origin.describe() +
                         u" for "_s + entry.hosts.join(u','));
    }
    QCOMPARE(described,
             (QStringList{u"group k8s_cluster = 10.5.0.0/16 @ group_vars/k8s_cluster.yml:1 for node3,node5"_s,
                          u"host node1 = 10.1.0.0/16 @ hosts.yaml:5 for node1"_s,
                          u"host node2 = 10.4.0.0/16 @ host_vars/node2.yml:2 for node2"_s,
                          u"group kube_node = 10.3.0.0/16 @ group_vars/kube_node.yml:1 for node4"_s}));
    // No one file reaches every node first: a fix cannot be written for all of them.
    const auto place = inventory->placeFor(u"kube_pods_subnet"_s, u"k8s_cluster"_s, u"k8s-cluster.yml"_s);
    QVERIFY(!place);
    QVERIFY2(place.error().message.contains(u"host_vars/node2.yml:2 for node2"), qPrintable(place.error().message));

    QVERIFY(inventory->overrides(u"kube_service_addresses"_s).isEmpty());
    // ansible_host is set per host, as it should be: reported, and the cluster has no one value of it.
    QCOMPARE(inventory->overrides(u"ansible_host"_s).size(), 2);
}

void TestInventory::duplicates() {
    QTemporaryDir dir;
    QVERIFY(copyFixture(u"v2.25"_s, dir));
    const QString k8s = dir.filePath(u"group_vars/k8s_cluster/k8s-cluster.yml"_s);
    QByteArray bytes = test::readAll(k8s);
    const int appendedLine = static_cast<int>(bytes.count('\n')) + 1;
    bytes += "kube_pods_subnet: 10.220.0.0/16\n";
    QVERIFY(test::writeAll(k8s, bytes));
    QVERIFY(test::writeAll(dir.filePath(u"hosts.yaml"_s), "all:\n"
                                                          "  hosts:\n"
                                                          "    node1:\n"
                                                          "      ansible_host: 192.168.56.21\n"
                                                          "    node1:\n"
                                                          "      ansible_host: 192.168.56.99\n"
                                                          "  children:\n"
                                                          "    k8s_cluster:\n"
                                                          "      hosts:\n"
                                                          "        node1:\n"));

    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));

    // Last wins, as in Ansible.
    const auto pods = inventory->clusterValue(u"kube_pods_subnet"_s);
    QCOMPARE(text(*pods), u"10.220.0.0/16"_s);
    QCOMPARE(pods->origin.line, appendedLine);
    QCOMPARE(inventory->hostNames(), QStringList{u"node1"_s});
    QCOMPARE(yaml::scalarText(inventory->hostsFile().hosts.value(u"node1"_s).vars.value(u"ansible_host"_s).value),
             u"192.168.56.99"_s);

    // Both lines reported.
    QStringList reported;
    for (const Inventory::Duplicate &duplicate : inventory->duplicates())
        reported.append(u"%1 %2 %3>%4"_s.arg(duplicate.displayPath, duplicate.key.path)
                            .arg(duplicate.key.firstLine)
                            .arg(duplicate.key.line));
    QCOMPARE(reported,
             (QStringList{u"hosts.yaml all.hosts.node1 3>5"_s,
                          u"group_vars/k8s_cluster/k8s-cluster.yml kube_pods_subnet 81>%1"_s.arg(appendedLine)}));
}

bool TestInventory::writePrecedenceInventory(const QString &directory) {
    const QString d = directory + u'/';
    return test::writeAll(d + u"hosts.yaml"_s, "all:\n"                          // 1
                                               "  hosts:\n"                      // 2
                                               "    node1:\n"                    // 3
                                               "      ansible_host: 127.0.0.1\n" // 4
                                               "  vars:\n"                       // 5
                                               "    a: hosts-all\n"              // 6
                                               "    b: hosts-all\n"              // 7
                                               "    c: hosts-all\n"              // 8
                                               "  children:\n"                   // 9
                                               "    k8s_cluster:\n"              // 10
                                               "      vars:\n"                   // 11
                                               "        b: hosts-k8s_cluster\n"  // 12
                                               "        c: hosts-k8s_cluster\n"  // 13
                                               "      children:\n"               // 14
                                               "        kube_node:\n"            // 15
                                               "          hosts:\n"              // 16
                                               "            node1:\n") &&        // 17
           test::writeAll(d + u"group_vars/all/all.yml"_s, "c: group_vars-all\nd: group_vars-all\ne: all.yml\n") &&
           test::writeAll(d + u"group_vars/all/zz.yml"_s, "---\ne: zz.yml\n") &&
           // Ansible reads group_vars/all/ and then ignores group_vars/all.yml.
           test::writeAll(d + u"group_vars/all.yml"_s, "c: ignored\nf: ignored\n") &&
           test::writeAll(d + u"group_vars/k8s_cluster/k8s-cluster.yml"_s, "d: group_vars-k8s_cluster\n") &&
           // Of k8s_cluster.yml and k8s_cluster.yaml only the first, .yml, counts.
           test::writeAll(d + u"group_vars/k8s_cluster.yaml"_s, "g: ignored\n") &&
           test::writeAll(d + u"host_vars/node1.yml"_s, "h: host\n");
}

void TestInventory::precedence_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value"); // empty: not set cluster-wide
    QTest::addColumn<QString>("origin");

    QTest::newRow("hosts-file all vars alone") << u"a"_s << u"hosts-all"_s << u"hosts.yaml:6"_s;
    QTest::newRow("hosts-file k8s_cluster over all") << u"b"_s << u"hosts-k8s_cluster"_s << u"hosts.yaml:12"_s;
    QTest::newRow("group_vars/all over the hosts file")
        << u"c"_s << u"group_vars-all"_s << u"group_vars/all/all.yml:1"_s;
    QTest::newRow("group_vars/k8s_cluster over group_vars/all")
        << u"d"_s << u"group_vars-k8s_cluster"_s << u"group_vars/k8s_cluster/k8s-cluster.yml:1"_s;
    QTest::newRow("later file of the folder wins") << u"e"_s << u"zz.yml"_s << u"group_vars/all/zz.yml:2"_s;
    QTest::newRow("all.yml beside all/ is ignored") << u"f"_s << QString() << QString();
    QTest::newRow("k8s_cluster.yaml beside k8s_cluster/ is ignored") << u"g"_s << QString() << QString();
    QTest::newRow("host_vars of the only node count") << u"h"_s << u"host"_s << u"host_vars/node1.yml:1"_s;
}

void TestInventory::precedence() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, origin);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writePrecedenceInventory(dir.path()));
    const auto inventory = Inventory::load(dir.path());
    QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().toString()));

    const auto setting = inventory->clusterValue(name);
    QCOMPARE(setting.has_value(), !value.isEmpty());
    if (!setting)
        return;
    QCOMPARE(text(*setting), value);
    QCOMPARE(setting->origin.describe(), origin);
}

void TestInventory::precedenceAgreesWithAnsible() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writePrecedenceInventory(dir.path()));
    const auto inventory = Inventory::load(dir.path());
    QVERIFY(inventory);

    const auto ansible = ansibleHostVars(dir.filePath(u"hosts.yaml"_s), u"node1"_s);
    if (!ansible)
        QSKIP("ansible-inventory is not installed (scripts/setup installs Debian's ansible)");
    QVERIFY(!ansible->isEmpty());
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s}) {
        const auto setting = inventory->clusterValue(name);
        QCOMPARE(setting.has_value(), ansible->contains(name));
        if (setting)
            QCOMPARE(yaml::toJson(setting->value), ansible->value(name));
    }
    QCOMPARE(ansible->value(u"h"_s).toString(), u"host"_s);
}

void TestInventory::badInput_data() {
    QTest::addColumn<QString>("load"); // relative to the temporary folder
    QTest::addColumn<Files>("files");  // files to write first
    QTest::addColumn<QString>("file"); // Error::where.file ends with this
    QTest::addColumn<int>("line");     // -1: any line > 0
    QTest::addColumn<int>("column");   // -1: any column > 0
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // part of the message

    QTest::newRow("missing path") << u"no/such/inventory"_s << Files{} << u"no/such/inventory"_s << 0 << 0 << QString()
                                  << u"No such file"_s;
    QTest::newRow("folder that is not an inventory")
        << u"notes"_s << Files{{u"notes/README.md"_s, "# notes\n"}} << u"notes"_s << 0 << 0 << QString()
        << u"not a Kubespray inventory"_s;
    QTest::newRow("unreadable hosts.yaml")
        << u"inv"_s << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts:\n    node1: {ansible_host: 10.0.0.1\n  children:\n"}}
        << u"inv/hosts.yaml"_s << -1 << -1 << QString() << u"not valid YAML"_s;
    QTest::newRow("unreadable group_vars file")
        << u"inv"_s
        << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts:\n    node1:\n"},
                 {u"inv/group_vars/all/all.yml"_s, "---\nbin_dir: /usr/local/bin\nupstream_dns_servers: [10.0.0.1\n"}}
        << u"group_vars/all/all.yml"_s << -1 << -1 << QString() << u"not valid YAML"_s;
    QTest::newRow("group_vars file that is a list")
        << u"inv"_s
        << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts:\n    node1:\n"},
                 {u"inv/group_vars/k8s_cluster/k8s-cluster.yml"_s, "---\n- kube_pods_subnet: 10.0.0.0/16\n"}}
        << u"group_vars/k8s_cluster/k8s-cluster.yml"_s << 2 << 1 << QString() << u"mapping"_s;
    QTest::newRow("group_vars file nested too deeply")
        << u"inv"_s
        << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts:\n    node1:\n"},
                 {u"inv/group_vars/all/deep.yml"_s,
                  "a: 1\ndeep: " + QByteArray(3000, '[') + QByteArray(3000, ']') + "\n"}}
        << u"group_vars/all/deep.yml"_s << 2 << 3006 << QString() << u"nested too deeply"_s;
    QTest::newRow("hosts.yaml that is a folder")
        << u"inv"_s << Files{{u"inv/hosts.yaml/README"_s, "not a hosts file\n"}} << u"inv/hosts.yaml"_s << 0 << 0
        << QString() << u"is a folder"_s;
    QTest::newRow("group that is not a mapping")
        << u"inv"_s << Files{{u"inv/hosts.yaml"_s, "all:\n  children:\n    kube_node: [node1]\n"}}
        << u"inv/hosts.yaml"_s << 3 << 16 << u"kube_node"_s << u"must be a mapping"_s;
    QTest::newRow("hosts that is a list")
        << u"inv"_s << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts: [node1, node2]\n"}} << u"inv/hosts.yaml"_s << 2 << 10
        << u"all.hosts"_s << u"mapping of host names"_s;
    QTest::newRow("host that is a list") << u"inv"_s
                                         << Files{{u"inv/hosts.yaml"_s, "all:\n  hosts:\n    node1: [a, b]\n"}}
                                         << u"inv/hosts.yaml"_s << 3 << 12 << u"node1"_s << u"mapping of variables"_s;
    QTest::newRow("misspelt hosts key") << u"inv"_s << Files{{u"inv/hosts.yaml"_s, "all:\n  host:\n    node1:\n"}}
                                        << u"inv/hosts.yaml"_s << 2 << 3 << u"all.host"_s << u"Unknown key"_s;
    // Not closed, so no header for Ansible either: a host pattern with an unclosed range.
    QTest::newRow("INI header without ]")
        << u"inv"_s << Files{{u"inv/inventory.ini"_s, "[all]\nnode1\n[kube_node\nnode1\n"}} << u"inv/inventory.ini"_s
        << 3 << 1 << u"[kube_node"_s << u"host range"_s;
    QTest::newRow("INI garbage header") << u"inv"_s
                                        << Files{{u"inv/inventory.ini"_s, "[all]\nnode1\n[kube node]\nnode1\n"}}
                                        << u"inv/inventory.ini"_s << 3 << 1 << QString() << u"section header"_s;
    QTest::newRow("INI unknown section kind")
        << u"inv"_s << Files{{u"inv/inventory.ini"_s, "[all]\nnode1\n\n[kube_node:hosts]\nnode1\n"}}
        << u"inv/inventory.ini"_s << 4 << 1 << u"kube_node:hosts"_s << u":vars and :children"_s;
    QTest::newRow("INI host variable without =")
        << u"inv"_s << Files{{u"inv/inventory.ini"_s, "[all]\nnode1 ansible_host=10.0.0.1 ip\n"}}
        << u"inv/inventory.ini"_s << 2 << 29 << u"node1"_s << u"key=value"_s;
    QTest::newRow("INI group variable without =")
        << u"inv"_s << Files{{u"inv/inventory.ini"_s, "[all]\nnode1\n[all:vars]\nkube_pods_subnet\n"}}
        << u"inv/inventory.ini"_s << 4 << 1 << u"all:vars"_s << u"key=value"_s;
}

void TestInventory::badInput() {
    QFETCH(QString, load);
    QFETCH(Files, files);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath(u"v2.25"_s)));
    QVERIFY(test::copyTree(fixture(u"v2.25"_s), dir.filePath(u"v2.25"_s)));
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY(test::writeAll(dir.filePath(it.key()), it.value()));

    const auto inventory = Inventory::load(dir.filePath(load));
    QVERIFY(!inventory);
    const Error &error = inventory.error();
    QVERIFY2(error.where.file.endsWith(file), qPrintable(error.where.file));
    if (line < 0)
        QVERIFY2(error.where.line > 0, qPrintable(error.toString()));
    else
        QCOMPARE(error.where.line, line);
    if (column < 0)
        QVERIFY2(error.where.column > 0, qPrintable(error.toString()));
    else
        QCOMPARE(error.where.column, column);
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    // The full line names the file first, then the position when there is one.
    QVERIFY(error.toString().startsWith(error.where.toString() + u": "_s));
    if (error.where.line > 0)
        QVERIFY(error.toString().contains(u"%1:%2"_s.arg(file).arg(error.where.line)));
}

// A loop of symbolic links and a link to nothing are named as what they are, not as a missing path.
void TestInventory::symbolicLinkMistakes() {
    QTemporaryDir dir;
    QVERIFY(QFile::link(dir.filePath(u"loop"_s), dir.filePath(u"loop"_s)));
    QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dir.filePath(u"dangling"_s)));
    const auto loop = Inventory::load(dir.filePath(u"loop"_s));
    QVERIFY(!loop);
    QVERIFY2(loop.error().message.contains(u"loop of symbolic links"_s), qPrintable(loop.error().message));
    const auto dangling = Inventory::load(dir.filePath(u"dangling"_s));
    QVERIFY(!dangling);
    QVERIFY2(dangling.error().message.contains(dir.filePath(u"nowhere"_s)), qPrintable(dangling.error().message));
}

void TestInventory::hostsFileReadAsAnsibleReadsIt_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");

    const QByteArray yamlHosts = "all:\n  hosts:\n    node1:\n      ansible_host: 10.0.0.1\n  children:\n"
                                 "    kube_node:\n      hosts:\n        node1:\n";
    QTest::newRow("no hosts at all (Kubespray's sample inventory.ini)")
        << u"inventory.ini"_s << test::readAll(fixture(u"v2.25/inventory.ini"_s));
    QTest::newRow("hosts.yaml with only groups")
        << u"hosts.yaml"_s << QByteArray("all:\n  children:\n    kube_node:\n");
    QTest::newRow("YAML in hosts.yml.example: the INI plugin reads it") << u"hosts.yml.example"_s << yamlHosts;
    QTest::newRow("YAML in a file without extension") << u"hosts"_s << yamlHosts;
    QTest::newRow("INI in a file without extension") << u"hosts"_s << QByteArray("[kube_node]\nnode1\nnode2\n");
    QTest::newRow("hosts.yaml with a Latin-1 byte")
        << u"hosts.yaml"_s << QByteArray("all:\n  hosts:\n    node1:  # caf\xe9\n");
    QTest::newRow("hosts.yaml ending in an open quote")
        << u"hosts.yaml"_s << QByteArray("all:\n  hosts:\n    node1:\n      ansible_host: \"");
    QTest::newRow("hosts.yaml indented with a tab") << u"hosts.yaml"_s << QByteArray("all:\n  hosts:\n\tnode1:\n");
    QTest::newRow("JSON in hosts.json") << u"hosts.json"_s
                                        << QByteArray(R"({"all": {"hosts": {"node1": {"ansible_host": "10.0.0.1"}}}})");
}

void TestInventory::hostsFileReadAsAnsibleReadsIt() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    QVERIFY(test::writeAll(path, bytes));

    // Ansible's verdict: with ANSIBLE_INVENTORY_UNPARSED_FAILED a source no plugin can read is an error.
    QProcess ansible;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ANSIBLE_INVENTORY_UNPARSED_FAILED"_s, u"true"_s);
    ansible.setProcessEnvironment(environment);
    ansible.start(u"ansible-inventory"_s, {u"-i"_s, path, u"--list"_s});
    QVERIFY(ansible.waitForFinished(60000));
    const bool ansibleReads = ansible.exitCode() == 0;
    const QJsonObject list = QJsonDocument::fromJson(ansible.readAllStandardOutput()).object();

    const auto inventory = Inventory::load(path);
    QVERIFY2(bool(inventory) == ansibleReads,
             qPrintable(u"Ansible "_s + (ansibleReads ? u"reads it"_s : u"refuses it"_s) + u", the wizard "_s +
                        (inventory ? u"reads it"_s : u"refuses it: "_s + inventory.error().toString())));
    if (!inventory) {
        QVERIFY2(inventory.error().where.file.endsWith(name), qPrintable(inventory.error().toString()));
        return;
    }
    // Every host of any group (hostvars lists only hosts that have variables).
    QStringList hosts;
    for (const QJsonValue &group : list) {
        for (const QJsonValue &host : group.toObject().value(u"hosts"_s).toArray()) {
            if (!hosts.contains(host.toString()))
                hosts.append(host.toString());
        }
    }
    QStringList ours = inventory->hostNames();
    hosts.sort();
    ours.sort();
    QCOMPARE(ours, hosts);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestInventory)
#include "TestInventory.moc"
