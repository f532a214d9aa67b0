// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// A registry on HTTPS with a certificate nobody vouches for (or one signed by a company CA on the nodes), as the
// site profile states it: `apply` writes, byte for byte, what each Kubespray release reads — and nothing where a
// release cannot express it. Debian's ansible-inventory then reads the written value back.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kRegistry = u"registry.corp.example:5000"_s;
const QString kContainerdYml = u"group_vars/all/containerd.yml"_s;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// A fixture inventory copied to a temporary folder, with a site profile naming one HTTPS registry.
class Workspace {
public:
    Workspace(const QString &fixture, const QByteArray &tls) {
        m_ok = ksw::test::copyTree(ksw::test::fixturePath(u"inventories/"_s + fixture), inventory());
        m_ok = m_ok && ksw::test::writeAll(site(), "services:\n"
                                                   "  - name: Company Registry\n"
                                                   "    address: 10.20.30.40\n"
                                                   "    domains: [registry.corp.example]\n"
                                                   "    role: registry\n"
                                                   "    scheme: https\n"
                                                   "    port: 5000\n" +
                                                       tls);
    }
    bool isValid() const { return m_ok && m_dir.isValid() && m_data.isValid(); }
    QString inventory() const { return m_dir.filePath(u"inventory"_s); }
    QString site() const { return m_dir.filePath(u"site.yaml"_s); }
    QByteArray bytes(const QString &relative) const { return ksw::test::readAll(inventory() + u'/' + relative); }

    Run wizard(const QStringList &arguments) const {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_data.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    Run apply(const QString &version) const {
        return wizard(
            {u"apply"_s, u"--inventory"_s, inventory(), u"--site"_s, site(), u"--kubespray-version"_s, version});
    }

    /// The variable as Debian's ansible-inventory gives it to node1.
    QJsonValue ansibleValue(const QString &name) const {
        QProcess process;
        const QString hosts = QFile::exists(inventory() + u"/hosts.yaml"_s) ? inventory() + u"/hosts.yaml"_s
                                                                            : inventory() + u"/inventory.ini"_s;
        process.start(u"ansible-inventory"_s, {u"-i"_s, hosts, u"--host"_s, u"node1"_s});
        if (!process.waitForFinished(120000) || process.exitCode() != 0)
            return QJsonValue(QJsonValue::Undefined);
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(name);
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    bool m_ok = false;
};

/// The commented sample of containerd_registries_mirrors in the v2.25/v2.27 fixtures, which the fix replaces.
const QByteArray kMirrorSample = "# containerd_registries_mirrors:\n"
                                 "#   - prefix: docker.io\n"
                                 "#     mirrors:\n"
                                 "#       - host: https://registry-1.docker.io\n"
                                 "#         capabilities: [\"pull\", \"resolve\"]\n"
                                 "#         skip_verify: false\n";
/// The same in the v2.27 fixture, which also shows a header (as Kubespray's samples do from v2.29).
const QByteArray kMirrorSampleWithHeader = kMirrorSample + "#         header:\n"
                                                           "#           Authorization: \"Basic XXX\"\n";

} // namespace

class TestRegistryTrust : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(u"ansible-inventory"_s).isEmpty())
            QFAIL("ansible-inventory is missing: scripts/setup installs Debian's ansible");
    }

    void writtenPerRelease_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("tls");
        QTest::addColumn<QByteArray>("replaced"); ///< the bytes of containerd.yml the fix replaces ("" = appended)
        QTest::addColumn<QByteArray>("written");  ///< what stands there after apply
        QTest::addColumn<QByteArray>("appended"); ///< what is added at the end of containerd.yml

        const QByteArray skip = "    tls: skip-verify\n";
        const QByteArray caFile = "    tls: {ca-file: /etc/ssl/certs/company-ca.pem}\n";

        // v2.21: no TLS setting at all; a table for containerd's CRI plugin, appended to config.toml as it is.
        QTest::newRow("v2.21 skip-verify")
            << u"v2.21"_s << u"v2.21.0"_s << skip << QByteArray()
            << QByteArray("containerd_extra_args: \"[plugins.\\\"io.containerd.grpc.v1.cri\\\".registry.configs.\\\""
                          "registry.corp.example:5000\\\".tls]\\n  insecure_skip_verify = true\\n\"\n")
            << QByteArray();
        QTest::newRow("v2.21 ca-file")
            << u"v2.21"_s << u"v2.21.0"_s << caFile << QByteArray()
            << QByteArray(
                   "containerd_extra_args: \"[plugins.\\\"io.containerd.grpc.v1.cri\\\".registry.configs.\\\""
                   "registry.corp.example:5000\\\".tls]\\n  ca_file = \\\"/etc/ssl/certs/company-ca.pem\\\"\\n\"\n")
            << QByteArray();
        // v2.23/v2.24: no server: (ignored before v2.25), containerd_use_config_path so hosts.toml is read.
        QTest::newRow("v2.23 skip-verify") << u"v2.25"_s << u"v2.23.0"_s << skip << kMirrorSample
                                           << QByteArray("containerd_registries_mirrors:\n"
                                                         "  - prefix: docker.io\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry-1.docker.io\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: false\n"
                                                         "  - prefix: registry.corp.example:5000\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry.corp.example:5000\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: true\n")
                                           << QByteArray("containerd_use_config_path: true\n");
        QTest::newRow("v2.25 skip-verify") << u"v2.25"_s << u"v2.25.0"_s << skip << kMirrorSample
                                           << QByteArray("containerd_registries_mirrors:\n"
                                                         "  - prefix: docker.io\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry-1.docker.io\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: false\n"
                                                         "  - prefix: registry.corp.example:5000\n"
                                                         "    server: https://registry.corp.example:5000\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry.corp.example:5000\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: true\n")
                                           << QByteArray("containerd_use_config_path: true\n");
        QTest::newRow("v2.27 skip-verify") << u"v2.27"_s << u"v2.27.0"_s << skip << kMirrorSampleWithHeader
                                           << QByteArray("containerd_registries_mirrors:\n"
                                                         "  - prefix: docker.io\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry-1.docker.io\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: false\n"
                                                         "  - prefix: registry.corp.example:5000\n"
                                                         "    server: https://registry.corp.example:5000\n"
                                                         "    mirrors:\n"
                                                         "      - host: https://registry.corp.example:5000\n"
                                                         "        capabilities: [pull, resolve]\n"
                                                         "        skip_verify: true\n")
                                           << QByteArray();
        // v2.28 renders `ca` into hosts.toml.
        QTest::newRow("v2.28 ca-file") << u"v2.27"_s << u"v2.28.0"_s << caFile << kMirrorSampleWithHeader
                                       << QByteArray("containerd_registries_mirrors:\n"
                                                     "  - prefix: docker.io\n"
                                                     "    mirrors:\n"
                                                     "      - host: https://registry-1.docker.io\n"
                                                     "        capabilities: [pull, resolve]\n"
                                                     "        skip_verify: false\n"
                                                     "  - prefix: registry.corp.example:5000\n"
                                                     "    server: https://registry.corp.example:5000\n"
                                                     "    mirrors:\n"
                                                     "      - host: https://registry.corp.example:5000\n"
                                                     "        capabilities: [pull, resolve]\n"
                                                     "        skip_verify: false\n"
                                                     "        ca: [/etc/ssl/certs/company-ca.pem]\n")
                                       << QByteArray();
    }

    void writtenPerRelease() {
        QFETCH(QString, fixture);
        QFETCH(QString, version);
        QFETCH(QByteArray, tls);
        QFETCH(QByteArray, replaced);
        QFETCH(QByteArray, written);
        QFETCH(QByteArray, appended);

        const Workspace workspace(fixture, tls);
        QVERIFY(workspace.isValid());
        const auto before = ksw::test::snapshot(workspace.inventory());
        const Run check = workspace.wizard({u"check"_s, u"--inventory"_s, workspace.inventory(), u"--site"_s,
                                            workspace.site(), u"--kubespray-version"_s, version});
        QVERIFY2(check.out.contains(u"[blocking] registry-certificate-untrusted"), qPrintable(check.out));

        const Run apply = workspace.apply(version);
        QVERIFY2(apply.out.contains(u"Written."), qPrintable(apply.out + apply.err));

        // Byte-exact: containerd.yml is the original with the sample replaced (or the key appended); every other
        // file untouched but k8s-cluster.yml, where the fixture's kubectl artifacts are turned on.
        auto expected = before;
        QByteArray &file = expected[kContainerdYml];
        if (replaced.isEmpty()) {
            file += written;
        } else {
            QVERIFY2(file.count(replaced) == 1, "the fixture's commented sample changed");
            file.replace(replaced, written);
        }
        file += appended;
        auto after = ksw::test::snapshot(workspace.inventory());
        QCOMPARE(after.value(kContainerdYml), expected.value(kContainerdYml));
        const QString clusterYml = u"group_vars/k8s_cluster/k8s-cluster.yml"_s;
        QVERIFY(after.value(clusterYml).contains("\nkubectl_localhost: true\n"));
        after.remove(clusterYml);
        expected.remove(clusterYml);
        QCOMPARE(after, expected);

        // Fixed for good: the finding is gone and a second apply has nothing to do.
        const Run again = workspace.apply(version);
        QVERIFY2(again.out.contains(u"Nothing to change."), qPrintable(again.out + again.err));
        const Run checkAfter =
            workspace.wizard({u"check"_s, u"--inventory"_s, workspace.inventory(), u"--kubespray-version"_s, version});
        QVERIFY2(!checkAfter.out.contains(u"registry-certificate-untrusted"), qPrintable(checkAfter.out));

        // What Ansible reads on the node.
        if (version.startsWith(u"v2.21")) {
            const QString extra = workspace.ansibleValue(u"containerd_extra_args"_s).toString();
            const QString table =
                u"[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"%1\".tls]\n"_s.arg(kRegistry);
            QVERIFY2(extra.startsWith(table), qPrintable(extra));
            QVERIFY2(extra == table + u"  insecure_skip_verify = true\n"_s ||
                         extra == table + u"  ca_file = \"/etc/ssl/certs/company-ca.pem\"\n"_s,
                     qPrintable(extra));
        } else {
            const QJsonArray mirrors = workspace.ansibleValue(u"containerd_registries_mirrors"_s).toArray();
            QCOMPARE(mirrors.size(), 2);
            const QJsonObject mirror = mirrors.at(1).toObject().value(u"mirrors").toArray().at(0).toObject();
            QCOMPARE(mirror.value(u"host").toString(), u"https://"_s + kRegistry);
            QVERIFY(mirror.value(u"skip_verify").isBool());
            QCOMPARE(mirror.value(u"skip_verify").toBool(), tls.contains("skip-verify"));
        }
    }

    /// Kubespray v2.23–v2.27 have no `ca` in their hosts.toml template: nothing is written, and the finding says
    /// what to do instead.
    void caFileBeforeV228IsNotWritten() {
        const Workspace workspace(u"v2.25"_s, "    tls: {ca-file: /etc/ssl/certs/company-ca.pem}\n");
        QVERIFY(workspace.isValid());
        const auto before = ksw::test::snapshot(workspace.inventory());
        const Run apply = workspace.apply(u"v2.25.0"_s);
        QCOMPARE(apply.exitCode, 1);
        QVERIFY2(apply.out.contains(u"registry-trust-unsupported-by-version"), qPrintable(apply.out));
        QVERIFY2(!apply.out.contains(u"containerd_registries_mirrors"), qPrintable(apply.out));
        QCOMPARE(ksw::test::snapshot(workspace.inventory()).value(kContainerdYml), before.value(kContainerdYml));

        const Run check = workspace.wizard({u"check"_s, u"--inventory"_s, workspace.inventory(), u"--site"_s,
                                            workspace.site(), u"--kubespray-version"_s, u"v2.25.0"_s});
        QVERIFY2(check.out.contains(u"[blocking] registry-trust-unsupported-by-version"), qPrintable(check.out));
        QVERIFY2(check.out.contains(u"writes no “ca” (that comes with v2.28)"), qPrintable(check.out));
        QVERIFY2(!check.out.contains(u"registry-certificate-untrusted"), qPrintable(check.out));
    }

    /// v2.21 with containerd_insecure_registries set writes config_path, and containerd then refuses every TLS
    /// table of config.toml: no containerd_extra_args is proposed.
    void v221WithConfigPathIsNotWritten() {
        const Workspace workspace(u"v2.21"_s, "    tls: skip-verify\n");
        QVERIFY(workspace.isValid());
        QFile file(workspace.inventory() + u'/' + kContainerdYml);
        QVERIFY(file.open(QIODevice::Append));
        file.write("containerd_insecure_registries:\n  \"10.0.0.9:5000\": \"http://10.0.0.9:5000\"\n");
        file.close();
        const Run check = workspace.wizard({u"check"_s, u"--inventory"_s, workspace.inventory(), u"--site"_s,
                                            workspace.site(), u"--kubespray-version"_s, u"v2.21.0"_s});
        QVERIFY2(check.out.contains(u"[blocking] registry-trust-unsupported-by-version"), qPrintable(check.out));
        QVERIFY2(check.out.contains(u"writes config_path into config.toml"), qPrintable(check.out));
        QVERIFY2(!check.out.contains(u"insecure_skip_verify"), qPrintable(check.out));
        QVERIFY2(check.out.contains(u"containerd_insecure_registries: group_vars/all/containerd.yml"),
                 qPrintable(check.out));
    }

    /// Old profiles (no tls) and `tls: verify` change nothing: containerd's default checks the certificate.
    void verifyWritesNothing() {
        for (const QByteArray &tls : {QByteArray(), QByteArray("    tls: verify\n")}) {
            const Workspace workspace(u"v2.27"_s, tls);
            QVERIFY(workspace.isValid());
            const Run check = workspace.wizard({u"check"_s, u"--inventory"_s, workspace.inventory(), u"--site"_s,
                                                workspace.site(), u"--kubespray-version"_s, u"v2.27.0"_s});
            QVERIFY2(!check.out.contains(u"registry-"), qPrintable(check.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegistryTrust)
#include "TestRegistryTrust.moc"
