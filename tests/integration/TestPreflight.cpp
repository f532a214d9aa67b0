// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The read-only preflight (resources/ansible/preflight.yml through Preflight and RunSession) with Debian's real
// ansible-playbook over a real sshd on loopback (SshNode: a user with a password), against this machine as the
// node: its real `ip -j` addresses and routes and its resolv.conf, parsed and compared with what this process reads
// itself; a company DNS that is a real dnsmasq on a loopback address of its own (it knows one company name and
// says NXDOMAIN for the rest of its zone, never forwarding); a real docker-registry over HTTP and a closed port as
// registries. Then the findings the report raises (a pod range over a real address of the node, a range that
// overlaps nothing, the closed registry, the unknown name), the `preflight` command end to end, and Ctrl+C on it
// while a silent DNS server keeps the node waiting. Only 127.0.0.0/8 is ever contacted: the registries are given by
// address, the DNS servers are the test's own, and the node's resolver is never asked.
#include "KubesprayRoot.h"
#include "RegistryServer.h"
#include "SshNode.h"
#include "TestSupport.h"

#include "analysis/Analyzer.h"
#include "analysis/Assessment.h"
#include "net/AddressPlan.h"
#include "preflight/Preflight.h"
#include "yaml/YamlValues.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <memory>
#include <optional>

#include <signal.h>
#include <unistd.h>

using namespace ksw;
using ksw::test::SshNode;

namespace {

const QString kAnsiblePlaybook = QStringLiteral("/usr/bin/ansible-playbook");
const QString kCompanyName = QStringLiteral("registry.ksw-preflight.test");
const QString kUnknownName = QStringLiteral("nothing.ksw-preflight.test");

bool writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A loopback address of this test process alone (127.<pid-derived>.x), so parallel tests never share port 53.
QString loopbackAddress(int last) {
    const int pid = ::getpid();
    return QStringLiteral("127.%1.%2.%3").arg(100 + (pid >> 16) % 100).arg((pid >> 8) & 0xff).arg(last);
}

struct Outcome {
    bool finished = false;
    PreflightReport report;
    QString error;
    int progressSignals = 0;
    int maxDone = 0;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestPreflight : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SshNode> m_node;
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<QTemporaryDir> m_data;
    test::RegistryServer m_registry;
    QProcess m_dnsmasq;
    QString m_companyDns;
    QString m_silentDns;
    quint16 m_closedPort = 0;
    QString m_hosts;
    QString m_controlDir;
    int m_testNumber = 0;

    static QString ansibleFolder() { return test::sourcePath(QStringLiteral("resources/ansible")); }

    Preflight::Inputs inputs() const {
        Preflight::Inputs in;
        in.dnsServers = {m_companyDns};
        in.names = {kCompanyName, kUnknownName};
        in.registries = {{m_registry.hostPort(), QStringLiteral("http")},
                         {QStringLiteral("127.0.0.1:%1").arg(m_closedPort), QStringLiteral("http")}};
        in.dnsTimeoutMs = 2000;
        in.httpTimeoutMs = 3000;
        return in;
    }

    void configure(Preflight &preflight, const Preflight::Inputs &in) const {
        preflight.setKubesprayRoot(m_root->path());
        preflight.setHostsFile(m_hosts);
        preflight.setInputs(in);
        preflight.setPlaybookFolder(ansibleFolder());
        preflight.setPluginFolder(QDir(ansibleFolder()).filePath(QStringLiteral("callback_plugins")));
        preflight.setProgram(kAnsiblePlaybook);
        preflight.setEnvironment({{QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_controlDir}});
        preflight.setLogFolder(m_data->filePath(QStringLiteral("runs")));
        preflight.setConnectionPassword(m_node->password());
    }

    Outcome run(Preflight &preflight, int timeoutMs = 180000) {
        Outcome o;
        QEventLoop loop;
        QObject context;
        connect(&preflight, &Preflight::progressChanged, &context,
                [&](int done, int, const QString &, const QString &, qint64) {
                    ++o.progressSignals;
                    o.maxDone = std::max(o.maxDone, done);
                });
        connect(&preflight, &Preflight::outputData, &context, [&](const QByteArray &data, QProcess::ProcessChannel c) {
            (c == QProcess::StandardOutput ? o.out : o.err) += data;
        });
        connect(&preflight, &Preflight::finished, &context, [&](const PreflightReport &report, const QString &error) {
            o.finished = true;
            o.report = report;
            o.error = error;
            loop.quit();
        });
        QString error;
        if (!preflight.start(&error)) {
            o.error = error;
            return o;
        }
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        return o;
    }

    /// Analyses the test inventory with `clusterVars` in group_vars/k8s_cluster/k8s-cluster.yml and the report.
    std::optional<Assessment> assess(const QByteArray &clusterVars, const PreflightReport &report) {
        const bool ok =
            writeFile(m_root->filePath(QStringLiteral("inventory/mycluster/group_vars/k8s_cluster/k8s-cluster.yml")),
                      clusterVars);
        if (!ok)
            return std::nullopt;
        Assessment::Request request;
        request.inventoryPath = m_hosts;
        request.kubesprayVersion = KubesprayVersion::parse(u"v2.25.0");
        request.inspectAnsible = false;
        auto assessment = Assessment::run(request);
        if (!assessment) {
            qWarning("%s", qPrintable(assessment.error().toString()));
            return std::nullopt;
        }
        assessment->applyPreflight(report);
        return *assessment;
    }

    static QStringList codes(const Assessment &assessment) {
        QStringList result;
        for (const Finding &finding : assessment.findings())
            result << finding.code;
        return result;
    }

    /// The node's IPv4 networks as the report has them (addresses and non-default routes).
    static QList<Cidr> reportedV4Networks(const PreflightReport::Host &host) {
        QList<Cidr> networks;
        for (const PreflightReport::Address &address : host.addresses) {
            if (address.address.isV4())
                networks << address.network();
        }
        for (const PreflightReport::Route &route : host.routes) {
            if (route.range && route.range->isV4())
                networks << *route.range;
        }
        return networks;
    }

    QStringList childProcesses(const QByteArray &needle) const {
        QStringList found;
        for (const auto &p : test::listProcesses()) {
            if (p.state != 'Z' && p.pid != ::getpid() && p.cmdline.contains(needle))
                found << QString::fromUtf8(p.cmdline);
        }
        return found;
    }

    QProcessEnvironment cliEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBESPRAY_WIZARD_ANSIBLE_DIR"), ansibleFolder());
        env.insert(QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_controlDir);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data->filePath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        return env;
    }

    QString writeSite(const QString &name, const QString &dnsAddress) const {
        const QString path = m_data->filePath(name);
        const QByteArray site = QStringLiteral("version: 1\n"
                                               "services:\n"
                                               "  - name: Company DNS\n"
                                               "    address: %1\n"
                                               "    role: dns\n"
                                               "  - name: Wiki\n"
                                               "    address: 127.0.0.1\n"
                                               "    domains: [%2, %3]\n"
                                               "  - name: Registry\n"
                                               "    address: 127.0.0.1\n"
                                               "    role: registry\n"
                                               "    scheme: http\n"
                                               "    port: %4\n"
                                               "  - name: Old registry\n"
                                               "    address: 127.0.0.1\n"
                                               "    role: registry\n"
                                               "    scheme: http\n"
                                               "    port: %5\n")
                                    .arg(dnsAddress, kCompanyName, kUnknownName)
                                    .arg(m_registry.port())
                                    .arg(m_closedPort)
                                    .toUtf8();
        return writeFile(path, site) ? path : QString();
    }

private slots:
    void initTestCase() {
        const QString reason = SshNode::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (!QFileInfo(kAnsiblePlaybook).isExecutable())
            QSKIP("Debian's ansible-playbook (/usr/bin/ansible-playbook, package ansible) is missing");
        for (const char *tool : {"dnsmasq", "docker-registry", "ip"}) {
            if (!test::hasProgram(QString::fromLatin1(tool)))
                QSKIP(qPrintable(QStringLiteral("%1 is missing").arg(QString::fromLatin1(tool))));
        }
        m_node = std::make_unique<SshNode>();
        QString error;
        QVERIFY2(m_node->start(&error), qPrintable(error));
        m_root = std::make_unique<QTemporaryDir>();
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid() && m_data->isValid());

        // A "Kubespray root": cluster.yml and roles/ make Checkout find it, and Kubespray's ansible.cfg applies.
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("cluster.yml")), "---\n"));
        QVERIFY(QDir().mkpath(m_root->filePath(QStringLiteral("roles"))));
        QVERIFY(writeFile(m_root->filePath(QStringLiteral("ansible.cfg")),
                          test::kubesprayAnsibleCfg(m_root->path(), "interpreter_python = auto_silent\n")));
        m_hosts = m_root->filePath(QStringLiteral("inventory/mycluster/hosts.yaml"));
        QVERIFY(writeFile(m_hosts, QStringLiteral("all:\n  hosts:\n    node1:\n      ansible_host: 127.0.0.1\n"
                                                  "      ansible_port: %1\n      ansible_user: %2\n"
                                                  "  children:\n"
                                                  "    kube_control_plane: {hosts: {node1: }}\n"
                                                  "    kube_node: {hosts: {node1: }}\n"
                                                  "    etcd: {hosts: {node1: }}\n"
                                                  "    k8s_cluster: {children: {kube_control_plane: , kube_node: }}\n")
                                       .arg(m_node->port())
                                       .arg(m_node->user())
                                       .toUtf8()));

        // The company DNS: dnsmasq on an address of its own, one company name, NXDOMAIN for the rest of its zone.
        m_companyDns = loopbackAddress(53);
        const QString config = m_data->filePath(QStringLiteral("dnsmasq.conf"));
        QVERIFY(writeFile(config, QStringLiteral("port=53\nlisten-address=%1\nbind-interfaces\nno-resolv\nno-hosts\n"
                                                 "pid-file=\nuser=root\ngroup=root\n"
                                                 "local=/ksw-preflight.test/\nhost-record=%2,127.0.0.1\n")
                                      .arg(m_companyDns, kCompanyName)
                                      .toUtf8()));
        m_dnsmasq.setProcessChannelMode(QProcess::MergedChannels);
        m_dnsmasq.start(QStringLiteral("dnsmasq"),
                        {QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + config});
        QVERIFY2(m_dnsmasq.waitForStarted(10000), qPrintable(m_dnsmasq.errorString()));
        QTest::qWait(300);
        QVERIFY2(m_dnsmasq.state() == QProcess::Running, m_dnsmasq.readAll().constData());
        m_silentDns = loopbackAddress(54);

        QVERIFY2(m_registry.start(&error), qPrintable(error));
        m_closedPort = test::freeLoopbackPort();
        QVERIFY(m_closedPort != 0);
    }

    void init() {
        // Each test its own ControlPersist folder: a master left by an earlier one would skip authentication.
        m_controlDir = QDir(m_node->controlPathDir()).filePath(QString::number(++m_testNumber));
        QVERIFY(QDir().mkpath(m_controlDir));
    }

    void cleanup() {
        if (m_node)
            m_node->stopMuxMasters();
    }

    void cleanupTestCase() {
        if (m_dnsmasq.state() != QProcess::NotRunning) {
            m_dnsmasq.terminate(); // our own child, by its pid
            if (!m_dnsmasq.waitForFinished(5000)) {
                m_dnsmasq.kill();
                m_dnsmasq.waitForFinished(5000);
            }
        }
        m_registry.stop();
        if (m_node)
            m_node->stop();
        m_node.reset();
    }

    void commandIsReadOnly() {
        Preflight preflight;
        configure(preflight, inputs());
        const AnsibleCommand c = preflight.command();
        QVERIFY(!c.become);
        QVERIFY(!c.arguments().contains(QStringLiteral("--become")));
        QCOMPARE(c.workingDirectory(), m_root->path());
        QCOMPARE(c.playbookPath(), QDir(ansibleFolder()).filePath(QStringLiteral("preflight.yml")));
        QCOMPARE(QFileInfo(Preflight::installedPlaybookFolder()).fileName(), QStringLiteral("ansible"));
    }

    /// The real run: what the node reports is what this machine shows, DNS through dnsmasq, the registries.
    void preflightOverSsh() {
        Preflight preflight;
        configure(preflight, inputs());
        QElapsedTimer clock;
        clock.start();
        const Outcome o = run(preflight);
        qInfo("preflight over ssh: %lld ms", clock.elapsed());
        QVERIFY2(o.finished, o.err.constData());
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error + QString::fromUtf8(o.out + o.err)));
        QVERIFY(o.progressSignals > 0);
        QVERIFY(o.maxDone >= 5);
        // The password never reached the output.
        QVERIFY(!o.out.contains(m_node->password().toUtf8()) && !o.err.contains(m_node->password().toUtf8()));

        QCOMPARE(o.report.hosts.size(), 1);
        const PreflightReport::Host &host = o.report.hosts.first();
        QCOMPARE(host.name, QStringLiteral("node1"));
        QVERIFY(host.examined);
        QVERIFY(!host.unreachable);
        QVERIFY2(host.errors.isEmpty(), qPrintable(host.errors.join(u'\n')));

        // Addresses: lo's 127.0.0.1/8 among them.
        bool loopback = false;
        for (const PreflightReport::Address &address : host.addresses)
            loopback = loopback || (address.device == u"lo" && address.toString() == u"127.0.0.1/8");
        QVERIFY(loopback);
        // Routes: exactly what `ip -j route` shows here (the node is this machine).
        QStringList local;
        for (const QStringList &family : {QStringList{QStringLiteral("-4")}, QStringList{QStringLiteral("-6")}}) {
            QByteArray json;
            QString error;
            QVERIFY2(test::runToEnd(QStringLiteral("ip"),
                                    QStringList{QStringLiteral("-j")} + family +
                                        QStringList{QStringLiteral("route"), QStringLiteral("show")},
                                    &error, &json),
                     qPrintable(error));
            const auto routes = PreflightReport::parseRoutes(json.trimmed().isEmpty() ? "[]" : json, &error);
            QVERIFY2(routes, qPrintable(error));
            for (const PreflightReport::Route &route : *routes)
                local << route.toString();
        }
        QStringList reported;
        for (const PreflightReport::Route &route : host.routes)
            reported << route.toString();
        QCOMPARE(reported, local);
        QVERIFY(!reported.isEmpty());
        // resolv.conf: what this process reads.
        QStringList nameservers, search;
        PreflightReport::parseResolvConf(readFile(QStringLiteral("/etc/resolv.conf")), &nameservers, &search);
        QCOMPARE(host.nameservers, nameservers);
        QCOMPARE(host.search, search);

        // DNS through the company server: the company name resolves, the unknown one does not.
        QCOMPARE(host.resolutions.size(), 2);
        QCOMPARE(host.resolutions.at(0).name, kCompanyName);
        QCOMPARE(host.resolutions.at(0).server, m_companyDns);
        QCOMPARE(host.resolutions.at(0).addresses, QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY(host.resolutions.at(0).resolved());
        QCOMPARE(host.resolutions.at(1).name, kUnknownName);
        QVERIFY(!host.resolutions.at(1).resolved());
        QCOMPARE(host.resolutions.at(1).errorKind, QStringLiteral("name-not-found"));
        QVERIFY(host.resolutions.at(1).error.contains(u"NXDOMAIN"));

        // Registries: the real one answers as a registry, the closed port refuses.
        QCOMPARE(host.registries.size(), 2);
        const PreflightReport::RegistryCheck &live = host.registries.at(0);
        QCOMPARE(live.host, m_registry.hostPort());
        QVERIFY2(live.status == 200 || live.status == 401, qPrintable(live.error));
        QCOMPARE(live.apiVersion, QStringLiteral("registry/2.0"));
        QCOMPARE(live.url, QStringLiteral("http://%1/v2/").arg(m_registry.hostPort()));
        const PreflightReport::RegistryCheck &closed = host.registries.at(1);
        QVERIFY(!closed.reached());
        QCOMPARE(closed.errorKind, QStringLiteral("refused"));

        // Read-only on the node: Ansible's temporary files are gone, nothing else was written in the user's home.
        const QString home = QStringLiteral("/home/") + m_node->user();
        QStringList written;
        QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (!file.startsWith(home + QStringLiteral("/.bash")) && !file.endsWith(QStringLiteral("/.profile")))
                written << file;
        }
        QVERIFY2(written.isEmpty(), qPrintable(written.join(u' ')));

        // Findings: a pod range over a real address of the node (the first non-loopback IPv4 one, else lo's).
        std::optional<PreflightReport::Address> picked;
        for (const PreflightReport::Address &address : host.addresses) {
            if (!address.address.isV4() || address.network().prefixLength() == 0)
                continue;
            if (!picked || (picked->device == u"lo" && address.device != u"lo"))
                picked = address;
        }
        QVERIFY(picked);
        const Cidr pods(picked->address.masked(24), 24);
        qInfo("pod range %s over the node's %s on %s", qPrintable(pods.toString()), qPrintable(picked->toString()),
              qPrintable(picked->device));
        // A service range clear of everything the node has.
        const auto services = AddressPlan::findFree(*Cidr::parse(u"10.233.0.0/18").cidr, [&] {
            QList<ReservedRange> reserved;
            for (const Cidr &network : reportedV4Networks(host))
                reserved.append({network, QStringLiteral("node")});
            reserved.append({pods, QStringLiteral("pods")});
            return reserved;
        }());
        QVERIFY(services);
        {
            const auto assessment = assess(QStringLiteral("kube_pods_subnet: %1\nkube_service_addresses: %2\n")
                                               .arg(pods.toString(), services->toString())
                                               .toUtf8(),
                                           o.report);
            QVERIFY(assessment);
            const QStringList found = codes(*assessment);
            QVERIFY2(found.contains(u"range-overlaps-node-route"), qPrintable(found.join(u' ')));
            for (const Finding &finding : assessment->findings()) {
                if (finding.code != u"range-overlaps-node-route")
                    continue;
                QCOMPARE(finding.severity, Finding::Severity::Blocking);
                QVERIFY(finding.message.english().contains(u"kube_pods_subnet"));
                QVERIFY(finding.message.english().contains(u"node1"));
                QVERIFY(!finding.origins.isEmpty());
                // The proposed pod range keeps clear of every network the node has.
                for (const SettingChange &change : finding.fix.changes) {
                    if (change.key != u"kube_pods_subnet")
                        continue;
                    const auto moved = Cidr::parse(yaml::scalarText(change.value)).cidr;
                    QVERIFY(moved);
                    for (const Cidr &network : reportedV4Networks(host))
                        QVERIFY2(!moved->overlaps(network), qPrintable(moved->toString() + u' ' + network.toString()));
                }
            }
            QVERIFY(found.contains(u"node-cannot-reach-registry"));
            QVERIFY(found.contains(u"node-cannot-resolve"));
            for (const Finding &finding : assessment->findings()) {
                if (finding.code == u"node-cannot-reach-registry") {
                    QVERIFY(finding.message.english().contains(QStringLiteral("127.0.0.1:%1").arg(m_closedPort)));
                    QVERIFY(!finding.message.english().contains(m_registry.hostPort()));
                }
                if (finding.code == u"node-cannot-resolve") {
                    QVERIFY(finding.message.english().contains(kUnknownName));
                    QVERIFY(!finding.message.english().contains(kCompanyName));
                }
            }
            QVERIFY(!found.contains(u"preflight-unreachable"));
        }
        {
            // Ranges the node has nothing in: no overlap finding.
            const auto clearPods = AddressPlan::findFree(*Cidr::parse(u"10.233.64.0/18").cidr, [&] {
                QList<ReservedRange> reserved;
                for (const Cidr &network : reportedV4Networks(host))
                    reserved.append({network, QStringLiteral("node")});
                reserved.append({*services, QStringLiteral("services")});
                reserved.append({Cidr::host(*IpAddress::parse(u"127.0.0.1")), QStringLiteral("ansible_host")});
                return reserved;
            }());
            QVERIFY(clearPods);
            const auto assessment = assess(QStringLiteral("kube_pods_subnet: %1\nkube_service_addresses: %2\n")
                                               .arg(clearPods->toString(), services->toString())
                                               .toUtf8(),
                                           o.report);
            QVERIFY(assessment);
            QVERIFY2(!codes(*assessment).contains(u"range-overlaps-node-route"),
                     qPrintable(codes(*assessment).join(u' ')));
        }
    }

    /// A node that cannot be reached (nothing listens on its port) is reported, not lost.
    void unreachableNode() {
        const QString hosts = m_root->filePath(QStringLiteral("inventory/closed/hosts.yaml"));
        QVERIFY(writeFile(hosts, QStringLiteral("all:\n  hosts:\n    node9:\n      ansible_host: 127.0.0.1\n"
                                                "      ansible_port: %1\n      ansible_user: %2\n")
                                     .arg(m_closedPort)
                                     .arg(m_node->user())
                                     .toUtf8()));
        Preflight preflight;
        configure(preflight, inputs());
        preflight.setHostsFile(hosts);
        // Kubespray's ConnectionAttempts=100 would retry for 100 s; the environment overrides it here.
        preflight.setEnvironment(
            {{QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR"), m_controlDir},
             {QStringLiteral("ANSIBLE_SSH_ARGS"), QStringLiteral("-o ControlMaster=auto -o ControlPersist=30m "
                                                                 "-o UserKnownHostsFile=/dev/null")}});
        const Outcome o = run(preflight);
        QVERIFY(o.finished);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.report.hosts.size(), 1);
        const PreflightReport::Host &host = o.report.hosts.first();
        QCOMPARE(host.name, QStringLiteral("node9"));
        QVERIFY(host.unreachable);
        QVERIFY(!host.examined);
        QVERIFY(!host.errors.isEmpty());
        const auto assessment = assess("", o.report);
        QVERIFY(assessment);
        QVERIFY2(codes(*assessment).contains(u"preflight-unreachable"), qPrintable(codes(*assessment).join(u' ')));
    }

    /// `kubespray-wizard preflight` end to end: the password from a file, the site profile's services as inputs,
    /// the findings printed, exit code 1.
    void commandLine() {
        QVERIFY(
            writeFile(m_root->filePath(QStringLiteral("inventory/mycluster/group_vars/k8s_cluster/k8s-cluster.yml")),
                      "kube_pods_subnet: 127.0.0.0/24\n"));
        const QString site = writeSite(QStringLiteral("site.yaml"), m_companyDns);
        QVERIFY(!site.isEmpty());
        const QString passwordFile = m_data->filePath(QStringLiteral("password"));
        QVERIFY(writeFile(passwordFile, m_node->password().toUtf8() + '\n'));
        QFile::setPermissions(passwordFile, QFile::ReadOwner | QFile::WriteOwner);

        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(QStringLiteral(KSW_BINARY),
                  {QStringLiteral("preflight"), QStringLiteral("--inventory"), m_hosts, QStringLiteral("--site"), site,
                   QStringLiteral("--kubespray-version"), QStringLiteral("v2.25.0"), QStringLiteral("--password-file"),
                   passwordFile});
        QVERIFY(cli.waitForStarted(10000));
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(180000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 1, qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(cli.exitCode()).arg(out, err)));
        QVERIFY2(out.contains(u"range-overlaps-node-route"), qPrintable(out));
        QVERIFY2(out.contains(u"127.0.0.1/8 (lo)"), qPrintable(out));
        QVERIFY(out.contains(u"node-cannot-reach-registry"));
        QVERIFY(out.contains(u"node-cannot-resolve"));
        QVERIFY(out.contains(u"Node node1"));
        QVERIFY(err.contains(u"preflight ["));
        QVERIFY(!out.contains(m_node->password()) && !err.contains(m_node->password()));
        // Only the preflight's own findings: the inventory's are `check`'s business.
        QVERIFY(!out.contains(u"registry-http-without-mirror"));
    }

    /// Ctrl+C while the node waits for a DNS server that never answers: the run stops, nothing of it is left.
    void commandLineCancel() {
        QUdpSocket silent; // receives the node's queries and never answers
        QVERIFY2(silent.bind(QHostAddress(m_silentDns), 53), qPrintable(silent.errorString()));
        const QString site = writeSite(QStringLiteral("silent-site.yaml"), m_silentDns);
        const QString passwordFile = m_data->filePath(QStringLiteral("password"));
        QVERIFY(writeFile(passwordFile, m_node->password().toUtf8()));
        QFile::setPermissions(passwordFile, QFile::ReadOwner | QFile::WriteOwner);

        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(QStringLiteral(KSW_BINARY),
                  {QStringLiteral("preflight"), QStringLiteral("--inventory"), m_hosts, QStringLiteral("--site"), site,
                   QStringLiteral("--kubespray-version"), QStringLiteral("v2.25.0"), QStringLiteral("--password-file"),
                   passwordFile});
        QVERIFY(cli.waitForStarted(10000));
        cli.closeWriteChannel();
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        // The first query reaches the silent server: the node is inside the DNS check now.
        while (clock.elapsed() < 120000 && !silent.hasPendingDatagrams() && cli.state() == QProcess::Running) {
            cli.waitForReadyRead(100);
            err += cli.readAllStandardError();
        }
        QVERIFY2(silent.hasPendingDatagrams(), err.constData());
        ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(60000));
        err += cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 130); // cancelled with Ctrl+C, like deploy and reset
        QVERIFY2(err.contains("Cancelling the preflight"), err.constData());
        QVERIFY2(err.contains("cancelled"), err.constData());
        // Nothing of the run is left: no ansible-playbook of it, no remote module still waiting.
        QTest::qWait(200);
        QVERIFY2(childProcesses("ksw-preflight-").isEmpty(), qPrintable(childProcesses("ksw-preflight-").join(u'\n')));
        // The module on the node notices that nobody reads its answer any more (it runs without a pty, so OpenSSH
        // would leave it running) and stops at once, not after its time-outs.
        const auto remotePython = [this] {
            QStringList remote;
            for (const auto &p : m_node->nodeProcesses()) {
                if (p.cmdline.contains("python"))
                    remote << QString::fromUtf8(p.cmdline);
            }
            return remote;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(remotePython().isEmpty(), qPrintable(remotePython().join(u'\n')), 1500);
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "TestPreflight.moc"
