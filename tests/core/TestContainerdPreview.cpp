// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"
#include "WrittenInventory.h"

#include "analysis/ContainerdPreview.h"
#include "kubespray/ClusterConfig.h"
#include "kubespray/Defaults.h"
#include "kubespray/Inventory.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

using Files = QList<ContainerdPreview::File>;
Q_DECLARE_METATYPE(Files)

namespace {

/// An inventory with `containerd` as group_vars/all/containerd.yml, read as `version` reads it.
class Config : public test::WrittenInventory {
public:
    Config(const QByteArray &containerd, const QString &version)
        : WrittenInventory({{QStringLiteral("group_vars/all/containerd.yml"), containerd}}, version) {}
};

const QString configToml = QStringLiteral("/etc/containerd/config.toml");
const QString dockerHosts = QStringLiteral("/etc/containerd/certs.d/docker.io/hosts.toml");
const QString corpHosts = QStringLiteral("/etc/containerd/certs.d/registry.corp.local:5000/hosts.toml");

const QString configPathV1 = QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                            "      config_path = \"/etc/containerd/certs.d\"\n");

/// Kubespray's docker.io entry, an HTTP-only registry with `server:`, and a mirror that leaves skip_verify out.
const QByteArray threeMirrors = R"(containerd_use_config_path: true
containerd_registries_mirrors:
  - prefix: docker.io
    mirrors:
      - host: https://registry-1.docker.io
        capabilities: ["pull", "resolve"]
        skip_verify: false
  - prefix: registry.corp.local:5000
    server: http://registry.corp.local:5000
    mirrors:
      - host: http://registry.corp.local:5000
        capabilities: ["pull", "resolve"]
        skip_verify: true
  - prefix: quay.io
    mirrors:
      - host: https://quay-mirror.corp.local
        capabilities: pull
)";

const QByteArray withoutConfigPath = R"(containerd_registries_mirrors:
  - prefix: docker.io
    mirrors:
      - host: https://registry-1.docker.io
        capabilities: ["pull", "resolve"]
        skip_verify: false
  - prefix: registry.corp.local:5000
    server: http://registry.corp.local:5000
    mirrors:
      - host: http://registry.corp.local:5000
        capabilities: ["pull", "resolve"]
        skip_verify: true
)";

const QByteArray withHeader = R"(containerd_registries_mirrors:
  - prefix: registry.corp.local:5000
    server: https://registry.corp.local:5000
    mirrors:
      - host: https://registry.corp.local:5000
        capabilities: ["pull", "resolve"]
        skip_verify: false
        ca: /etc/certs/corp.pem
        client: [["/etc/certs/client.cert", "/etc/certs/client.key"]]
        header:
          Authorization: "Basic XXX"
)";

} // namespace

class TestContainerdPreview : public QObject {
    Q_OBJECT

private slots:
    void render_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("containerd");
        QTest::addColumn<Files>("expected");

        QTest::newRow("v2.21 containerd_registries with an http endpoint")
            << QStringLiteral("v2.21.0")
            << QByteArray("containerd_registries:\n"
                          "  \"docker.io\": \"https://registry-1.docker.io\"\n"
                          "  \"registry.corp.local:5000\": \"http://registry.corp.local:5000\"\n")
            << Files{{configToml,
                      QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                     "      [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                                     "          endpoint = [\"https://registry-1.docker.io\"]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors."
                                     "\"registry.corp.local:5000\"]\n"
                                     "          endpoint = [\"http://registry.corp.local:5000\"]\n"),
                      true}};

        QTest::newRow("v2.21 insecure registries: config_path next to mirrors")
            << QStringLiteral("v2.21.0")
            << QByteArray("containerd_insecure_registries:\n"
                          "  \"registry.corp.local:5000\": \"http://registry.corp.local:5000\"\n")
            << Files{{configToml,
                      QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                     "      config_path = \"/etc/containerd/certs.d\"\n"
                                     "      [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                                     "          endpoint = [\"https://registry-1.docker.io\"]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors."
                                     "\"registry.corp.local:5000\"]\n"
                                     "          endpoint = [\"http://registry.corp.local:5000\"]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.configs."
                                     "\"http://registry.corp.local:5000\".tls]\n"
                                     "          insecure_skip_verify = true\n"),
                      true},
                     {corpHosts,
                      QStringLiteral("# BEGIN ANSIBLE MANAGED BLOCK\n"
                                     "server = \"http://registry.corp.local:5000\"\n"
                                     "[host.\"http://registry.corp.local:5000\"]\n"
                                     "  capabilities = [\"pull\", \"resolve\", \"push\"]\n"
                                     "  skip_verify = true\n"
                                     "# END ANSIBLE MANAGED BLOCK\n"),
                      false}};

        QTest::newRow("v2.23 server ignored, skip_verify only when set, no override_path")
            << QStringLiteral("v2.23.0") << threeMirrors
            << Files{{configToml, configPathV1, true},
                     {dockerHosts,
                      QStringLiteral("server = \"https://docker.io\"\n"
                                     "[host.\"https://registry-1.docker.io\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = false\n"),
                      false},
                     {corpHosts,
                      QStringLiteral("server = \"https://registry.corp.local:5000\"\n"
                                     "[host.\"http://registry.corp.local:5000\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = true\n"),
                      false},
                     {QStringLiteral("/etc/containerd/certs.d/quay.io/hosts.toml"),
                      QStringLiteral("server = \"https://quay.io\"\n"
                                     "[host.\"https://quay-mirror.corp.local\"]\n"
                                     "  capabilities = [\"pull\"]\n"),
                      false}};

        QTest::newRow("v2.24 override_path and skip_verify always, server still ignored")
            << QStringLiteral("v2.24.1") << threeMirrors
            << Files{{configToml, configPathV1, true},
                     {dockerHosts,
                      QStringLiteral("server = \"https://docker.io\"\n"
                                     "[host.\"https://registry-1.docker.io\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = false\n"
                                     "  override_path = false\n"),
                      false},
                     {corpHosts,
                      QStringLiteral("server = \"https://registry.corp.local:5000\"\n"
                                     "[host.\"http://registry.corp.local:5000\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = true\n"
                                     "  override_path = false\n"),
                      false},
                     {QStringLiteral("/etc/containerd/certs.d/quay.io/hosts.toml"),
                      QStringLiteral("server = \"https://quay.io\"\n"
                                     "[host.\"https://quay-mirror.corp.local\"]\n"
                                     "  capabilities = [\"pull\"]\n"
                                     "  skip_verify = false\n"
                                     "  override_path = false\n"),
                      false}};

        QTest::newRow("v2.25 with containerd_use_config_path: server honoured")
            << QStringLiteral("v2.25.0") << threeMirrors
            << Files{{configToml, configPathV1, true},
                     {dockerHosts,
                      QStringLiteral("server = \"https://docker.io\"\n"
                                     "[host.\"https://registry-1.docker.io\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = false\n"
                                     "  override_path = false\n"),
                      false},
                     {corpHosts,
                      QStringLiteral("server = \"http://registry.corp.local:5000\"\n"
                                     "[host.\"http://registry.corp.local:5000\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = true\n"
                                     "  override_path = false\n"),
                      false},
                     {QStringLiteral("/etc/containerd/certs.d/quay.io/hosts.toml"),
                      QStringLiteral("server = \"https://quay.io\"\n"
                                     "[host.\"https://quay-mirror.corp.local\"]\n"
                                     "  capabilities = [\"pull\"]\n"
                                     "  skip_verify = false\n"
                                     "  override_path = false\n"),
                      false}};

        const QString inlineCorp =
            QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                           "      [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"
                           "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                           "          endpoint = [\"https://registry-1.docker.io\"]\n"
                           "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors."
                           "\"registry.corp.local:5000\"]\n"
                           "          endpoint = [\"http://registry.corp.local:5000\"]\n"
                           "        [plugins.\"io.containerd.grpc.v1.cri\".registry.configs."
                           "\"registry.corp.local:5000\".tls]\n"
                           "          insecure_skip_verify = true\n");
        QTest::newRow("v2.25 without containerd_use_config_path: inline config.toml")
            << QStringLiteral("v2.25.0") << withoutConfigPath << Files{{configToml, inlineCorp, true}};
        QTest::newRow("v2.26 containerd_use_config_path false: inline config.toml")
            << QStringLiteral("v2.26.0") << (QByteArray("containerd_use_config_path: false\n") + withoutConfigPath)
            << Files{{configToml, inlineCorp, true}};

        QTest::newRow("v2.25 defaults: Kubespray's docker.io entry inline")
            << QStringLiteral("v2.25.0") << QByteArray("# nothing set\n")
            << Files{{configToml,
                      QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                     "      [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"
                                     "        [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                                     "          endpoint = [\"https://registry-1.docker.io\"]\n"),
                      true}};

        QTest::newRow("v2.27 config_path always")
            << QStringLiteral("v2.27.0") << withoutConfigPath
            << Files{{configToml, configPathV1, true},
                     {dockerHosts,
                      QStringLiteral("server = \"https://docker.io\"\n"
                                     "[host.\"https://registry-1.docker.io\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = false\n"
                                     "  override_path = false\n"),
                      false},
                     {corpHosts,
                      QStringLiteral("server = \"http://registry.corp.local:5000\"\n"
                                     "[host.\"http://registry.corp.local:5000\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = true\n"
                                     "  override_path = false\n"),
                      false}};

        const QString configPathV2 = QStringLiteral("    [plugins.\"io.containerd.cri.v1.images\".registry]\n"
                                                    "      config_path = \"/etc/containerd/certs.d\"\n");
        const QString corpTls =
            QStringLiteral("server = \"https://registry.corp.local:5000\"\n"
                           "[host.\"https://registry.corp.local:5000\"]\n"
                           "  capabilities = [\"pull\",\"resolve\"]\n"
                           "  skip_verify = false\n"
                           "  override_path = false\n"
                           "  ca = [\"/etc/certs/corp.pem\"]\n"
                           "  client = [[\"/etc/certs/client.cert\", \"/etc/certs/client.key\"]]\n");
        QTest::newRow("v2.28 ca and client, containerd 2 section, header not yet")
            << QStringLiteral("v2.28.0") << withHeader
            << Files{{configToml, configPathV2, true}, {corpHosts, corpTls, false}};
        QTest::newRow("v2.29 header") << QStringLiteral("v2.29.0") << withHeader
                                      << Files{{configToml, configPathV2, true},
                                               {corpHosts,
                                                corpTls + QStringLiteral(
                                                              "  [host.\"https://registry.corp.local:5000\".header]\n"
                                                              "    Authorization = [\"Basic XXX\"]\n"),
                                                false}};
        QTest::newRow("v2.28 with containerd 1.7: the grpc.v1.cri section")
            << QStringLiteral("v2.28.0") << (QByteArray("containerd_version: 1.7.27\n") + withHeader)
            << Files{{configToml, configPathV1, true}, {corpHosts, corpTls, false}};

        QTest::newRow("CRI-O: nothing for containerd")
            << QStringLiteral("v2.25.0") << (QByteArray("container_manager: crio\n") + withoutConfigPath) << Files{};
        QTest::newRow("containerd_cfg_dir moved")
            << QStringLiteral("v2.27.0")
            << QByteArray("containerd_cfg_dir: /opt/containerd\n"
                          "containerd_registries_mirrors:\n"
                          "  - prefix: docker.io\n"
                          "    mirrors:\n"
                          "      - host: https://mirror.gcr.io\n"
                          "        capabilities: [pull, resolve]\n"
                          "        skip_verify: yes\n"
                          "        override_path: true\n")
            << Files{{QStringLiteral("/opt/containerd/config.toml"),
                      QStringLiteral("    [plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                                     "      config_path = \"/opt/containerd/certs.d\"\n"),
                      true},
                     {QStringLiteral("/opt/containerd/certs.d/docker.io/hosts.toml"),
                      QStringLiteral("server = \"https://docker.io\"\n"
                                     "[host.\"https://mirror.gcr.io\"]\n"
                                     "  capabilities = [\"pull\",\"resolve\"]\n"
                                     "  skip_verify = true\n"
                                     "  override_path = true\n"),
                      false}};
    }

    void render() {
        QFETCH(QString, version);
        QFETCH(QByteArray, containerd);
        QFETCH(Files, expected);
        const Config config(containerd, version);
        const Files files = ContainerdPreview::render(*config);
        QStringList paths, expectedPaths;
        for (const auto &file : files)
            paths.append(file.path);
        for (const auto &file : expected)
            expectedPaths.append(file.path);
        QCOMPARE(paths, expectedPaths);
        for (qsizetype i = 0; i < files.size(); ++i) {
            QCOMPARE(files[i].text, expected[i].text);
            QCOMPARE(files[i].excerpt, expected[i].excerpt);
        }
    }

    void summary_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("containerd");
        QTest::addColumn<QString>("expected");
        QTest::newRow("v2.21") << QStringLiteral("v2.21.0") << QByteArray()
                               << QStringLiteral("Kubespray v2.21.0: containerd_registries (registry name → endpoint "
                                                 "URLs), written into config.toml; containerd_insecure_registries must "
                                                 "stay unset, as next to containerd_registries it makes containerd "
                                                 "refuse its configuration.");
        QTest::newRow("v2.23 config path") << QStringLiteral("v2.23.0") << threeMirrors
                                           << QStringLiteral("Kubespray v2.23.0: containerd_registries_mirrors without "
                                                             "server: (the fallback is always https://<prefix>), and "
                                                             "containerd_use_config_path so containerd reads "
                                                             "hosts.toml.");
        QTest::newRow("v2.24 inline") << QStringLiteral("v2.24.0") << withoutConfigPath
                                      << QStringLiteral("Kubespray v2.24.0: containerd_registries_mirrors without "
                                                        "server: (the fallback is always https://<prefix>), but "
                                                        "containerd_use_config_path is off, so the list is written "
                                                        "into config.toml (the hosts.toml files are written too, but "
                                                        "not read).");
        QTest::newRow("v2.25 config path") << QStringLiteral("v2.25.0") << threeMirrors
                                           << QStringLiteral("Kubespray v2.25.0: containerd_registries_mirrors with "
                                                             "server:, and containerd_use_config_path so containerd "
                                                             "reads hosts.toml.");
        QTest::newRow("v2.25 inline") << QStringLiteral("v2.25.0") << withoutConfigPath
                                      << QStringLiteral(
                                             "Kubespray v2.25.0: containerd_registries_mirrors with server:, but "
                                             "containerd_use_config_path is off, so the list is written "
                                             "into config.toml (the hosts.toml files are written too, but "
                                             "not read).");
        QTest::newRow("v2.29") << QStringLiteral("v2.29.1") << withHeader
                               << QStringLiteral("Kubespray v2.29.1: containerd_registries_mirrors with server:, ca, "
                                                 "client and header, and containerd always reads hosts.toml.");
        QTest::newRow("template") << QStringLiteral("v2.27.0")
                                  << QByteArray("containerd_registries_mirrors: \"{{ my_mirrors }}\"\n")
                                  << QStringLiteral(
                                         "Kubespray v2.27.0: containerd_registries_mirrors with server:, and "
                                         "containerd always reads hosts.toml. containerd_registries_mirrors "
                                         "is a Jinja expression here; the preview cannot evaluate it.");
        QTest::newRow("crio") << QStringLiteral("v2.27.0") << QByteArray("container_manager: crio\n")
                              << QStringLiteral("container_manager is crio: Kubespray does not configure containerd, "
                                                "so none of this applies.");
    }

    void summary() {
        QFETCH(QString, version);
        QFETCH(QByteArray, containerd);
        QFETCH(QString, expected);
        const Config config(containerd, version);
        QCOMPARE(ContainerdPreview::summary(*config), expected);
    }

    void toTextPutsPathsAsHeaders() {
        const Files files{{configToml, configPathV1, true}, {dockerHosts, QStringLiteral("server = \"x\"\n"), false}};
        QCOMPARE(ContainerdPreview::toText(files),
                 QStringLiteral("# /etc/containerd/config.toml (only the registry part)\n") + configPathV1 +
                     QStringLiteral("\n# /etc/containerd/certs.d/docker.io/hosts.toml\nserver = \"x\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestContainerdPreview)
#include "TestContainerdPreview.moc"
