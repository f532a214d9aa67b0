// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/RegistryConfig.h"

#include "yaml/YamlValues.h"

namespace ksw {

namespace {

bool isHttpUrl(const QString &url) {
    return url.trimmed().startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

/// What containerd_extra_args (raw TOML appended to config.toml) says in the TLS table of one registry.
void readExtraArgsTls(const QString &extraArgs, const QString &registryHost, RegistryConfig::Handling &result) {
    const QString header = RegistryConfig::legacyTlsTable(registryHost);
    bool inside = false;
    for (const QString &raw : extraArgs.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inside = line == header;
            result.tlsTableInExtraArgs = result.tlsTableInExtraArgs || inside;
            continue;
        }
        if (!inside)
            continue;
        const QString key = line.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = line.section(QLatin1Char('='), 1).trimmed();
        if (key == u"insecure_skip_verify" && value == u"true")
            result.skipVerify = true;
        else if (key == u"ca_file" && value.size() > 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            result.caFiles.append(value.mid(1, value.size() - 2));
    }
}

} // namespace

QString RegistryConfig::legacyTlsTable(const QString &registryHost) {
    return QStringLiteral("[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"%1\".tls]").arg(registryHost);
}

bool RegistryConfig::legacyConfigPath() const {
    if (usesMirrorList())
        return false;
    const auto version = m_config.version();
    if (version && version->atLeast(2, 22))
        return m_config.isTrue(QStringLiteral("containerd_use_config_path"));
    const YAML::Node insecure = m_config.value(QStringLiteral("containerd_insecure_registries")).value;
    return insecure.IsDefined() && insecure.IsMap() && insecure.size() > 0;
}

RegistryConfig::RegistryConfig(const ClusterConfig &config)
    : m_config(config) {}

bool RegistryConfig::usesMirrorList() const {
    return !m_config.version() || m_config.version()->atLeast(2, 23);
}

bool RegistryConfig::rendersInline() const {
    const auto version = m_config.version();
    if (!version || !version->atLeast(2, 23) || version->atLeast(2, 27))
        return false;
    return !m_config.isTrue(QStringLiteral("containerd_use_config_path"));
}

RegistryConfig::Handling RegistryConfig::handling(const QString &registryHost) const {
    Handling result;
    if (usesMirrorList()) {
        const YAML::Node mirrors = m_config.value(QStringLiteral("containerd_registries_mirrors")).value;
        if (!mirrors.IsDefined() || !mirrors.IsSequence())
            return result;
        for (const auto &item : mirrors) {
            if (!item.IsMap() || yaml::scalarText(item["prefix"]) != registryHost)
                continue;
            result.configured = true;
            result.variable = QStringLiteral("containerd_registries_mirrors");
            const YAML::Node hosts = item["mirrors"];
            if (hosts.IsDefined() && hosts.IsSequence()) {
                for (const auto &mirror : hosts) {
                    if (!mirror.IsMap())
                        continue;
                    if (isHttpUrl(yaml::scalarText(mirror["host"])))
                        result.plainHttp = true;
                    else if (yaml::toBool(mirror["skip_verify"]).value_or(false))
                        result.skipVerify = true;
                    // `ca` is rendered from v2.28 on; a string or a list, as the template flattens it.
                    const YAML::Node ca = mirror["ca"];
                    const auto version = m_config.version();
                    if ((!version || version->atLeast(2, 28)) && ca.IsDefined()) {
                        if (ca.IsScalar()) {
                            result.caFiles.append(yaml::scalarText(ca));
                        } else if (ca.IsSequence()) {
                            for (const auto &file : ca)
                                result.caFiles.append(yaml::scalarText(file));
                        }
                    }
                }
            }
        }
        result.inlineConfig = result.configured && rendersInline();
        return result;
    }

    // v2.21 / v2.22: a dict of name → endpoint URL.
    const YAML::Node registries = m_config.value(QStringLiteral("containerd_registries")).value;
    if (registries.IsDefined() && registries.IsMap()) {
        for (auto it = registries.begin(); it != registries.end(); ++it) {
            if (QString::fromStdString(it->first.as<std::string>("")) != registryHost)
                continue;
            result.configured = true;
            result.variable = QStringLiteral("containerd_registries");
            result.plainHttp = isHttpUrl(yaml::scalarText(it->second));
        }
    }
    const YAML::Node insecure = m_config.value(QStringLiteral("containerd_insecure_registries")).value;
    if (insecure.IsDefined() && insecure.IsMap()) {
        for (auto it = insecure.begin(); it != insecure.end(); ++it) {
            if (QString::fromStdString(it->first.as<std::string>("")) != registryHost)
                continue;
            result.configured = true;
            result.variable = QStringLiteral("containerd_insecure_registries");
            result.plainHttp = result.plainHttp || isHttpUrl(yaml::scalarText(it->second));
            result.broken = brokenInsecureRegistries().contains(registryHost);
        }
    }
    if (result.broken)
        result.plainHttp = false;
    // The CRI plugin reads TLS tables of config.toml only without config_path: then containerd_extra_args counts.
    const YAML::Node extraArgs = m_config.value(QStringLiteral("containerd_extra_args")).value;
    if (!legacyConfigPath() && extraArgs.IsDefined() && extraArgs.IsScalar()) {
        const bool before = result.skipVerify || !result.caFiles.isEmpty();
        readExtraArgsTls(yaml::scalarText(extraArgs), registryHost, result);
        if (!before && (result.skipVerify || !result.caFiles.isEmpty())) {
            result.configured = true;
            if (result.variable.isEmpty())
                result.variable = QStringLiteral("containerd_extra_args");
        }
    }
    return result;
}

QStringList RegistryConfig::brokenInsecureRegistries() const {
    const auto version = m_config.version();
    if (usesMirrorList() || !version || !version->before(2, 22))
        return {};
    const YAML::Node registries = m_config.value(QStringLiteral("containerd_registries")).value;
    const YAML::Node insecure = m_config.value(QStringLiteral("containerd_insecure_registries")).value;
    if (!registries.IsDefined() || !registries.IsMap() || registries.size() == 0 || !insecure.IsDefined() ||
        !insecure.IsMap())
        return {};
    QStringList names;
    for (auto it = insecure.begin(); it != insecure.end(); ++it)
        names.append(QString::fromStdString(it->first.as<std::string>("")));
    return names;
}

} // namespace ksw
