// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace ksw::test {

/// `bytes` with the one occurrence of `before` replaced; a text that makes the comparison fail otherwise.
inline QByteArray replacedOnce(QByteArray bytes, const QByteArray &before, const QByteArray &after) {
    const qsizetype at = bytes.indexOf(before);
    if (at < 0 || bytes.indexOf(before, at + 1) >= 0)
        return "expected text not found exactly once: " + before;
    return bytes.replace(at, before.size(), after);
}

/// The demo inventory's files (relative path → bytes) once the scenario's three faults are fixed for
/// Kubespray v2.25: only the lines of the keys that must change differ from `original`.
inline QMap<QString, QByteArray> scenarioFixedFiles(QMap<QString, QByteArray> files) {
    const QString cluster = QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml");
    const QString all = QStringLiteral("group_vars/all/all.yml");
    const QString containerd = QStringLiteral("group_vars/all/containerd.yml");
    files[cluster] = replacedOnce(files.value(cluster), "\nkube_pods_subnet: 10.233.64.0/18\n",
                                  "\nkube_pods_subnet: 10.233.128.0/18\n");
    files[all] = replacedOnce(files.value(all), "# upstream_dns_servers:\n#   - 8.8.8.8\n#   - 8.8.4.4\n",
                              "upstream_dns_servers:\n  - 10.244.10.130\n");
    files[containerd] =
        replacedOnce(files.value(containerd),
                     "# containerd_registries_mirrors:\n#   - prefix: docker.io\n#     mirrors:\n"
                     "#       - host: https://registry-1.docker.io\n#         capabilities: [\"pull\", \"resolve\"]\n"
                     "#         skip_verify: false\n",
                     "containerd_registries_mirrors:\n  - prefix: docker.io\n    mirrors:\n"
                     "      - host: https://registry-1.docker.io\n        capabilities: [pull, resolve]\n"
                     "        skip_verify: false\n"
                     "  - prefix: docker-registry.hideichi.as.a.service.com\n"
                     "    server: http://docker-registry.hideichi.as.a.service.com\n    mirrors:\n"
                     "      - host: http://docker-registry.hideichi.as.a.service.com\n"
                     "        capabilities: [pull, resolve]\n        skip_verify: true\n") +
        "containerd_use_config_path: true\n";
    return files;
}

} // namespace ksw::test
