// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/RegistryConfig.h"

#include "yaml/YamlValues.h"

namespace ksw {

namespace {

bool isHttpUrl(const QString &url) {
    return url.trimmed().startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

} // namespace

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
