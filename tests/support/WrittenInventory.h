// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "TestSupport.h"

#include "kubespray/ClusterConfig.h"
#include "kubespray/Defaults.h"
#include "kubespray/Inventory.h"

#include <QMap>
#include <QTemporaryDir>

#include <optional>

namespace ksw::test {

/// One node in every group, like the scenario's node1.
inline const QByteArray oneNodeHosts = R"(all:
  hosts:
    node1:
      ansible_host: 192.168.56.10
      ip: 192.168.56.10
      access_ip: 192.168.56.10
  children:
    kube_control_plane:
      hosts:
        node1:
    kube_node:
      hosts:
        node1:
    etcd:
      hosts:
        node1:
    k8s_cluster:
      children:
        kube_control_plane:
        kube_node:
    calico_rr:
      hosts: {}
)";

/// An inventory written into a temporary folder (hosts.yaml plus the given files, by path relative to the
/// inventory) and read as the given Kubespray release reads it, with the built-in defaults of that release.
class WrittenInventory {
public:
    explicit WrittenInventory(const QMap<QString, QByteArray> &files,
                              const QString &version = QStringLiteral("v2.25.0"),
                              const QByteArray &hosts = oneNodeHosts) {
        writeAll(m_dir.path() + QStringLiteral("/hosts.yaml"), hosts);
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            writeAll(m_dir.path() + QLatin1Char('/') + it.key(), it.value());
        auto inventory = Inventory::load(m_dir.path());
        if (!inventory) {
            m_error = inventory.error().toString();
            return;
        }
        const auto release = KubesprayVersion::parse(version);
        m_config.emplace(*inventory, release ? Defaults::builtIn(*release) : Defaults(), release);
    }

    QString path() const { return m_dir.path(); }
    /// Why the inventory could not be read; empty when it could.
    QString error() const { return m_error; }
    const ClusterConfig &config() const { return *m_config; }
    const ClusterConfig &operator*() const { return *m_config; }

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::optional<ClusterConfig> m_config;
};

} // namespace ksw::test
