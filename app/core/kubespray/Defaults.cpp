// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Defaults.h"

#include "kubespray/Checkout.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QDir>
#include <QFileInfo>

namespace ksw {

namespace {

/// One row of the built-in table: the default from release 2.`sinceMinor` up to (not including) 2.`untilMinor`.
struct DefaultRow {
    const char *name;
    const char *yaml;
    int sinceMinor;
    int untilMinor;
};

constexpr int Always = 0;
constexpr int Forever = 1000;

// FACTS.md §2.2–2.4. Values are written as YAML so they are typed exactly as Kubespray's files type them.
const DefaultRow builtInRows[] = {
    {"kube_service_addresses", "10.233.0.0/18", Always, Forever},
    {"kube_pods_subnet", "10.233.64.0/18", Always, Forever},
    {"kube_network_node_prefix", "24", Always, Forever},
    {"kube_service_addresses_ipv6", "fd85:ee78:d8a6:8607::1000/116", Always, Forever},
    {"kube_pods_subnet_ipv6", "fd85:ee78:d8a6:8607::1:0000/112", Always, Forever},
    {"kube_network_node_prefix_ipv6", "120", Always, Forever},
    {"enable_dual_stack_networks", "false", Always, 28},
    {"ipv4_stack", "true", 28, Forever},
    {"ipv6_stack", "\"{{ enable_dual_stack_networks | default(false) }}\"", 28, Forever},
    {"kube_network_plugin", "calico", Always, Forever},
    {"kubelet_max_pods", "110", Always, Forever},
    {"calico_pool_blocksize", "26", Always, Forever},
    {"upstream_dns_servers", "[]", 27, Forever},
    {"enable_nodelocaldns", "true", Always, Forever},
    {"nodelocaldns_ip", "169.254.25.10", Always, Forever},
    {"dns_mode", "coredns", Always, Forever},
    {"resolvconf_mode", "host_resolvconf", Always, Forever},
    {"containerd_registries", "\"docker.io\": \"https://registry-1.docker.io\"", Always, 24},
    {"containerd_insecure_registries", "[]", Always, 23},
    {"containerd_registries_mirrors",
     "- prefix: docker.io\n"
     "  mirrors:\n"
     "    - host: https://registry-1.docker.io\n"
     "      capabilities: [\"pull\", \"resolve\"]\n"
     "      skip_verify: false\n",
     23, Forever},
    {"containerd_use_config_path", "false", 22, 27},
    {"kubeconfig_localhost", "false", Always, Forever},
    {"kubectl_localhost", "false", Always, Forever},
    {"artifacts_dir", "\"{{ inventory_dir }}/artifacts\"", Always, Forever},
};

/// Role default files that hold the tracked variables, in the order Ansible would let later ones win.
QStringList roleDefaultFiles(const QString &root) {
    QStringList files;
    const QString single = root + QStringLiteral("/roles/kubespray-defaults/defaults/main.yaml");
    if (QFileInfo::exists(single))
        files.append(single);
    for (const QString &folder : {QStringLiteral("/roles/kubespray-defaults/defaults/main"),
                                  QStringLiteral("/roles/kubespray_defaults/defaults/main")}) {
        const QDir dir(root + folder);
        for (const QString &name :
             dir.entryList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
    }
    for (const QString &relative : {QStringLiteral("/roles/container-engine/containerd/defaults/main.yml"),
                                    QStringLiteral("/roles/kubernetes/client/defaults/main.yml"),
                                    QStringLiteral("/roles/network_plugin/calico_defaults/defaults/main.yml"),
                                    QStringLiteral("/roles/network_plugin/calico/defaults/main.yml")}) {
        if (QFileInfo::exists(root + relative))
            files.append(root + relative);
    }
    return files;
}

} // namespace

Defaults Defaults::builtIn(const KubesprayVersion &version) {
    Defaults defaults;
    for (const DefaultRow &row : builtInRows) {
        if (version.minor() < row.sinceMinor || version.minor() >= row.untilMinor)
            continue;
        Setting setting;
        setting.name = QString::fromLatin1(row.name);
        setting.value = yaml::fromText(row.yaml);
        setting.origin.kind = Origin::Kind::BuiltInDefault;
        setting.origin.release = version.toString();
        defaults.m_values.insert(setting.name, setting);
    }
    return defaults;
}

Defaults Defaults::forCheckout(const Checkout &checkout) {
    const QString release = checkout.version() ? checkout.version()->toString() : QString();
    if (checkout.hasRoot()) {
        const QStringList files = roleDefaultFiles(checkout.root());
        if (!files.isEmpty()) {
            Defaults defaults;
            defaults.m_fromCheckout = true;
            const QStringList &tracked = TrackedVariables::all();
            for (const QString &file : files) {
                const auto document = YamlDocument::load(file);
                if (!document) {
                    defaults.m_problems.append(document.error().toString());
                    continue;
                }
                for (const QString &name : tracked) {
                    const auto key = document->value(name);
                    if (!key)
                        continue;
                    Setting setting{name, key->value, {}};
                    setting.origin.kind = Origin::Kind::KubesprayRole;
                    setting.origin.file = file;
                    setting.origin.displayPath = QDir(checkout.root()).relativeFilePath(file);
                    setting.origin.line = key->line;
                    setting.origin.release = release;
                    defaults.m_values.insert(name, setting);
                }
            }
            return defaults;
        }
    }
    if (checkout.version())
        return builtIn(*checkout.version());
    return {};
}

Setting Defaults::value(const QString &name) const {
    if (const auto found = m_values.constFind(name); found != m_values.constEnd())
        return found.value();
    return Setting{name, YAML::Node(YAML::NodeType::Undefined), {}};
}

} // namespace ksw
