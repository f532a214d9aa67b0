// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"
#include "yaml/YamlDocument.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace ksw {

/// A variable set in the hosts file itself (inline host vars, `vars:` or `[group:vars]`).
struct InlineVariable {
    YAML::Node value;
    int line = 0;
};

struct InventoryHost {
    QString name;
    int line = 0; ///< where the host is first declared
    QMap<QString, InlineVariable> vars;
};

struct InventoryGroup {
    QString name;
    int line = 0;
    QStringList hosts;    ///< direct members
    QStringList children; ///< child groups
    QMap<QString, InlineVariable> vars;
};

/// The hosts and groups of an Ansible hosts file (YAML or INI), as written.
struct HostsFile {
    enum class Format { Yaml, Ini };

    QString path;
    Format format = Format::Yaml;
    QStringList hostOrder;
    QMap<QString, InventoryHost> hosts;
    QMap<QString, InventoryGroup> groups;
    QList<YamlDocument::DuplicateKey> duplicates; ///< duplicate keys of a YAML hosts file

    /// Parses Ansible's YAML inventory format (all: hosts/children/vars, nested groups).
    static Expected<HostsFile> parseYaml(const QByteArray &bytes, const QString &path);
    /// Parses Ansible's INI inventory format ([group], [group:vars], [group:children], host ranges a[1:3]).
    static Expected<HostsFile> parseIni(const QByteArray &bytes, const QString &path);
};

} // namespace ksw
