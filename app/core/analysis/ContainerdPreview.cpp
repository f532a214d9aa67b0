// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/ContainerdPreview.h"

#include "analysis/RegistryConfig.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>

namespace ksw {

namespace {

/// What the templates of one release can express (FACTS.md §2.4). An unknown release is shown as the newest.
struct Shape {
    std::optional<KubesprayVersion> version;
    bool mirrorList = true;       ///< v2.23+: containerd_registries_mirrors
    bool configPath = true;       ///< containerd reads certs.d/*/hosts.toml
    bool serverHonoured = true;   ///< v2.25+: `server:` of an item
    bool skipVerifyAlways = true; ///< v2.24+: skip_verify written even when the mirror does not set it
    bool overridePath = true;     ///< v2.24+
    bool caAndClient = true;      ///< v2.28+
    bool header = true;           ///< v2.29+
    bool containerd2 = true;      ///< v2.28+ with containerd 2.x: the io.containerd.cri.v1.images section

    explicit Shape(const ClusterConfig &config)
        : version(config.version()) {
        const RegistryConfig registries(config);
        mirrorList = registries.usesMirrorList();
        configPath = mirrorList && !registries.rendersInline();
        if (!version)
            return;
        serverHonoured = version->atLeast(2, 25);
        skipVerifyAlways = version->atLeast(2, 24);
        overridePath = version->atLeast(2, 24);
        caAndClient = version->atLeast(2, 28);
        header = version->atLeast(2, 29);
        const YAML::Node containerdVersion = config.value(QStringLiteral("containerd_version")).value;
        const bool v1 = containerdVersion.IsDefined() && !yaml::isTemplate(containerdVersion) &&
                        yaml::scalarText(containerdVersion).trimmed().startsWith(u'1');
        containerd2 = version->atLeast(2, 28) && !v1;
    }
};

const QString CriRegistry = QStringLiteral("[plugins.\"io.containerd.grpc.v1.cri\".registry");

QString quoted(const QString &text) {
    return u'"' + text + u'"';
}

/// Jinja's `[ value ] | flatten`: every scalar of a value or of nested lists, in order.
QStringList flattened(const YAML::Node &node) {
    QStringList items;
    if (!node.IsDefined() || node.IsNull())
        return items;
    if (node.IsSequence()) {
        for (const auto &item : node)
            items += flattened(item);
    } else if (node.IsScalar()) {
        items.append(yaml::scalarText(node));
    }
    return items;
}

/// `["a","b"]`, as the templates join a flattened list.
QString tomlList(const QStringList &items) {
    return QStringLiteral("[\"") + items.join(QStringLiteral("\",\"")) + QStringLiteral("\"]");
}

/// `value | string | lower`: YAML booleans become Python's True/False first.
QString lowerString(const YAML::Node &node) {
    if (yaml::scalarType(node) == yaml::ScalarType::Bool)
        return yaml::toBool(node).value_or(false) ? QStringLiteral("true") : QStringLiteral("false");
    return yaml::scalarText(node).toLower();
}

/// Python's urlsplit(url).netloc: what follows "scheme://" up to the path.
QString netloc(const QString &url) {
    const qsizetype start = url.indexOf(QLatin1String("://"));
    if (start < 0)
        return {};
    QString rest = url.mid(start + 3);
    for (const QChar stop : {u'/', u'?', u'#'}) {
        const qsizetype at = rest.indexOf(stop);
        if (at >= 0)
            rest.truncate(at);
    }
    return rest;
}

QString configDirectory(const ClusterConfig &config) {
    const YAML::Node dir = config.value(QStringLiteral("containerd_cfg_dir")).value;
    if (dir.IsDefined() && dir.IsScalar() && !yaml::isTemplate(dir) && !yaml::scalarText(dir).isEmpty())
        return yaml::scalarText(dir);
    return QStringLiteral("/etc/containerd");
}

bool usesContainerd(const ClusterConfig &config) {
    const YAML::Node manager = config.value(QStringLiteral("container_manager")).value;
    return !manager.IsDefined() || yaml::isTemplate(manager) || yaml::scalarText(manager) == u"containerd";
}

/// roles/container-engine/containerd/templates/hosts.toml.j2 for one item of containerd_registries_mirrors.
QString hostsToml(const YAML::Node &item, const Shape &shape) {
    const QString prefix = yaml::scalarText(item["prefix"]);
    QString server = QStringLiteral("https://") + prefix;
    if (shape.serverHonoured && item["server"].IsDefined() && !item["server"].IsNull())
        server = yaml::scalarText(item["server"]);
    QString text = QStringLiteral("server = ") + quoted(server) + u'\n';
    const YAML::Node mirrors = item["mirrors"];
    if (!mirrors.IsDefined() || !mirrors.IsSequence())
        return text;
    for (const auto &mirror : mirrors) {
        if (!mirror.IsMap())
            continue;
        const QString host = yaml::scalarText(mirror["host"]);
        text += QStringLiteral("[host.") + quoted(host) + QStringLiteral("]\n");
        text += QStringLiteral("  capabilities = ") + tomlList(flattened(mirror["capabilities"])) + u'\n';
        const YAML::Node skipVerify = mirror["skip_verify"];
        if (skipVerify.IsDefined())
            text += QStringLiteral("  skip_verify = ") + lowerString(skipVerify) + u'\n';
        else if (shape.skipVerifyAlways)
            text += QStringLiteral("  skip_verify = false\n");
        if (shape.overridePath) {
            const YAML::Node overridePath = mirror["override_path"];
            text += QStringLiteral("  override_path = ") +
                    (overridePath.IsDefined() ? lowerString(overridePath) : QStringLiteral("false")) + u'\n';
        }
        if (shape.caAndClient && mirror["ca"].IsDefined())
            text += QStringLiteral("  ca = ") + tomlList(flattened(mirror["ca"])) + u'\n';
        if (shape.caAndClient && mirror["client"].IsDefined() && mirror["client"].IsSequence()) {
            QStringList pairs;
            for (const auto &pair : mirror["client"]) {
                const QStringList parts = flattened(pair);
                pairs.append(QStringLiteral("[%1, %2]").arg(quoted(parts.value(0)), quoted(parts.value(1))));
            }
            text += QStringLiteral("  client = [") + pairs.join(u',') + QStringLiteral("]\n");
        }
        if (shape.header && mirror["header"].IsDefined() && mirror["header"].IsMap()) {
            text += QStringLiteral("  [host.") + quoted(host) + QStringLiteral(".header]\n");
            for (auto it = mirror["header"].begin(); it != mirror["header"].end(); ++it)
                text += QStringLiteral("    ") + yaml::scalarText(it->first) + QStringLiteral(" = ") +
                        tomlList(flattened(it->second)) + u'\n';
        }
    }
    return text;
}

/// config.toml v2.23–v2.26 without containerd_use_config_path: the list rendered as legacy mirrors.
QString inlineMirrors(const YAML::Node &list) {
    QString text = QStringLiteral("    ") + CriRegistry + QStringLiteral("]\n");
    text += QStringLiteral("      ") + CriRegistry + QStringLiteral(".mirrors]\n");
    QStringList insecure;
    if (list.IsSequence()) {
        for (const auto &item : list) {
            if (!item.IsMap())
                continue;
            text += QStringLiteral("        ") + CriRegistry + QStringLiteral(".mirrors.") +
                    quoted(yaml::scalarText(item["prefix"])) + QStringLiteral("]\n");
            QStringList endpoints;
            if (item["mirrors"].IsSequence()) {
                for (const auto &mirror : item["mirrors"]) {
                    if (!mirror.IsMap())
                        continue;
                    const QString host = yaml::scalarText(mirror["host"]);
                    if (!endpoints.contains(host))
                        endpoints.append(host);
                    if (yaml::toBool(mirror["skip_verify"]).value_or(false))
                        insecure.append(netloc(host));
                }
            }
            text += QStringLiteral("          endpoint = ") + tomlList(endpoints) + u'\n';
        }
    }
    insecure.removeDuplicates();
    for (const QString &address : std::as_const(insecure)) {
        text += QStringLiteral("        ") + CriRegistry + QStringLiteral(".configs.") + quoted(address) +
                QStringLiteral(".tls]\n          insecure_skip_verify = true\n");
    }
    return text;
}

/// (name, endpoint URLs) of a v2.21/v2.22 dict, in document order.
QList<std::pair<QString, QStringList>> endpointDict(const YAML::Node &dict) {
    QList<std::pair<QString, QStringList>> entries;
    if (!dict.IsDefined() || !dict.IsMap())
        return entries;
    for (auto it = dict.begin(); it != dict.end(); ++it)
        entries.append({yaml::scalarText(it->first), flattened(it->second)});
    return entries;
}

/// v2.21/v2.22: config.toml from containerd_registries (and containerd_insecure_registries), plus the
/// hosts.toml files the role writes for insecure registries with blockinfile.
QList<ContainerdPreview::File> legacyFiles(const ClusterConfig &config, const Shape &shape, const QString &cfgDir) {
    const auto registries = endpointDict(config.value(QStringLiteral("containerd_registries")).value);
    const auto insecure = endpointDict(config.value(QStringLiteral("containerd_insecure_registries")).value);
    const bool v22 = shape.version && shape.version->atLeast(2, 22);
    const bool configPathOnly =
        v22 && !insecure.isEmpty() && config.isTrue(QStringLiteral("containerd_use_config_path"));

    QString text = QStringLiteral("    ") + CriRegistry + QStringLiteral("]\n");
    // v2.21 writes config_path next to the mirrors (containerd refuses that); v2.22 writes one or the other.
    if (!insecure.isEmpty() && (!v22 || configPathOnly))
        text += QStringLiteral("      config_path = ") + quoted(cfgDir + QStringLiteral("/certs.d")) + u'\n';
    if (!configPathOnly) {
        text += QStringLiteral("      ") + CriRegistry + QStringLiteral(".mirrors]\n");
        for (const auto &[name, endpoints] : registries + insecure) {
            text += QStringLiteral("        ") + CriRegistry + QStringLiteral(".mirrors.") + quoted(name) +
                    QStringLiteral("]\n          endpoint = ") + tomlList(endpoints) + u'\n';
        }
        QStringList addresses;
        for (const auto &entry : insecure)
            addresses += entry.second;
        addresses.removeDuplicates();
        for (const QString &address : std::as_const(addresses)) {
            text += QStringLiteral("        ") + CriRegistry + QStringLiteral(".configs.") + quoted(address) +
                    QStringLiteral(".tls]\n          insecure_skip_verify = true\n");
        }
    }
    QList<ContainerdPreview::File> files{{cfgDir + QStringLiteral("/config.toml"), text, true}};
    for (const auto &[name, endpoints] : insecure) {
        const QString url = endpoints.value(0);
        files.append({cfgDir + QStringLiteral("/certs.d/") + name + QStringLiteral("/hosts.toml"),
                      QStringLiteral("# BEGIN ANSIBLE MANAGED BLOCK\n"
                                     "server = %1\n"
                                     "[host.%1]\n"
                                     "  capabilities = [\"pull\", \"resolve\", \"push\"]\n"
                                     "  skip_verify = true\n"
                                     "# END ANSIBLE MANAGED BLOCK\n")
                          .arg(quoted(url)),
                      false});
    }
    return files;
}

} // namespace

QList<ContainerdPreview::File> ContainerdPreview::render(const ClusterConfig &config) {
    if (!usesContainerd(config))
        return {};
    const Shape shape(config);
    const QString cfgDir = configDirectory(config);
    if (!shape.mirrorList)
        return legacyFiles(config, shape, cfgDir);

    const YAML::Node list = config.value(QStringLiteral("containerd_registries_mirrors")).value;
    if (!shape.configPath)
        return {{cfgDir + QStringLiteral("/config.toml"), inlineMirrors(list), true}};

    const QString section =
        shape.containerd2 ? QStringLiteral("[plugins.\"io.containerd.cri.v1.images\".registry]") : CriRegistry + u']';
    QList<File> files{{cfgDir + QStringLiteral("/config.toml"),
                       QStringLiteral("    ") + section + QStringLiteral("\n      config_path = ") +
                           quoted(cfgDir + QStringLiteral("/certs.d")) + u'\n',
                       true}};
    if (list.IsSequence()) {
        for (const auto &item : list) {
            if (!item.IsMap() || !item["prefix"].IsDefined())
                continue;
            files.append({cfgDir + QStringLiteral("/certs.d/") + yaml::scalarText(item["prefix"]) +
                              QStringLiteral("/hosts.toml"),
                          hostsToml(item, shape), false});
        }
    }
    return files;
}

QString ContainerdPreview::summary(const ClusterConfig &config) {
    if (!usesContainerd(config)) {
        return QCoreApplication::translate(
                   "ContainerdPreview",
                   "container_manager is %1: Kubespray does not configure containerd, so none of this "
                   "applies.")
            .arg(yaml::scalarText(config.value(QStringLiteral("container_manager")).value));
    }
    const Shape shape(config);
    QString text;
    if (!shape.version) {
        text = QCoreApplication::translate("ContainerdPreview",
                                           "Kubespray release unknown: shown as the newest releases read it "
                                           "(containerd_registries_mirrors, hosts.toml).");
    } else {
        const QString release = shape.version->toString();
        const auto &v = *shape.version;
        if (v.before(2, 22))
            text = QCoreApplication::translate(
                "ContainerdPreview",
                "Kubespray %1: containerd_registries (registry name → endpoint URLs), written into "
                "config.toml; containerd_insecure_registries must stay unset, as next to "
                "containerd_registries it makes containerd refuse its configuration.");
        else if (v.before(2, 23))
            text = QCoreApplication::translate(
                "ContainerdPreview",
                "Kubespray %1: containerd_registries (registry name → endpoint URLs), written into "
                "config.toml.");
        else if (v.before(2, 25) && shape.configPath)
            text = QCoreApplication::translate(
                "ContainerdPreview",
                "Kubespray %1: containerd_registries_mirrors without server: (the fallback is always "
                "https://<prefix>), and containerd_use_config_path so containerd reads hosts.toml.");
        else if (v.before(2, 25))
            text = QCoreApplication::translate(
                "ContainerdPreview",
                "Kubespray %1: containerd_registries_mirrors without server: (the fallback is always "
                "https://<prefix>), but containerd_use_config_path is off, so the list is written into "
                "config.toml (the hosts.toml files are written too, but not read).");
        else if (v.before(2, 27) && shape.configPath)
            text = QCoreApplication::translate("ContainerdPreview",
                                               "Kubespray %1: containerd_registries_mirrors with server:, and "
                                               "containerd_use_config_path so containerd reads hosts.toml.");
        else if (v.before(2, 27))
            text = QCoreApplication::translate(
                "ContainerdPreview", "Kubespray %1: containerd_registries_mirrors with server:, but "
                                     "containerd_use_config_path is off, so the list is written into config.toml (the "
                                     "hosts.toml files are written "
                                     "too, but not read).");
        else if (v.before(2, 28))
            text = QCoreApplication::translate(
                "ContainerdPreview", "Kubespray %1: containerd_registries_mirrors with server:, and containerd always "
                                     "reads hosts.toml.");
        else if (v.before(2, 29))
            text = QCoreApplication::translate(
                "ContainerdPreview", "Kubespray %1: containerd_registries_mirrors with server:, ca and client, and "
                                     "containerd always reads hosts.toml.");
        else
            text = QCoreApplication::translate(
                "ContainerdPreview", "Kubespray %1: containerd_registries_mirrors with server:, ca, client and header, "
                                     "and containerd always reads hosts.toml.");
        text = text.arg(release);
    }
    const QString variable =
        shape.mirrorList ? QStringLiteral("containerd_registries_mirrors") : QStringLiteral("containerd_registries");
    if (yaml::isTemplate(config.value(variable).value))
        text += u' ' + QCoreApplication::translate("ContainerdPreview",
                                                   "%1 is a Jinja expression here; the preview cannot evaluate it.")
                           .arg(variable);
    return text;
}

QString ContainerdPreview::toText(const QList<File> &files) {
    QStringList parts;
    for (const File &file : files) {
        QString header = QStringLiteral("# ") + file.path;
        if (file.excerpt)
            header += u' ' + QCoreApplication::translate("ContainerdPreview", "(only the registry part)");
        parts.append(header + u'\n' + file.text);
    }
    return parts.join(u'\n');
}

} // namespace ksw
