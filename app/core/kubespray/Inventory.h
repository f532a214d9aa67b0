// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/HostsFile.h"
#include "kubespray/Setting.h"
#include "util/Expected.h"
#include "yaml/YamlDocument.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// A Kubespray inventory: the hosts file and the group_vars / host_vars folders beside it.
class Inventory {
public:
    /// A file of variables that applies to a group or a host.
    struct VarsFile {
        enum class Scope { Group, Host };
        Scope scope = Scope::Group;
        QString target;      ///< group or host name (legacy group names already mapped: k8s-cluster → k8s_cluster)
        QString displayPath; ///< relative to the inventory folder
        YamlDocument document;
    };

    /// A tracked variable set for only some hosts (host vars, or vars of a group other than all/k8s_cluster).
    struct Override {
        QString variable;
        QString scope; ///< "host node2" / "group kube_node"
        Setting setting;
    };

    struct Duplicate {
        QString displayPath;
        YamlDocument::DuplicateKey key;
    };

    /// `path` is a hosts file or an inventory folder. In a folder, hosts.yaml (or hosts.yml) wins over
    /// inventory.ini (or hosts.ini), as the old inventory builder left both; notes() says so.
    /// Replacement contents for some files, by path relative to the inventory folder; a path that does not
    /// exist on disk is read as if it did. Used to see the inventory as it would be after an edit.
    using Overlay = QMap<QString, QByteArray>;

    static Expected<Inventory> load(const QString &path, const Overlay &overlay = {});

    QString directory() const { return m_directory; }
    QString hostsFilePath() const { return m_hosts.path; }
    const HostsFile &hostsFile() const { return m_hosts; }
    /// Things worth telling that are not problems (which file was chosen, legacy group names, ...).
    const QStringList &notes() const { return m_notes; }
    void addNote(const QString &note) { m_notes.append(note); }
    /// A path relative to the inventory folder, for messages.
    QString displayPath(const QString &absolutePath) const;

    QStringList hostNames() const { return m_hosts.hostOrder; }
    /// True when the hosts file declares the group (legacy dashed names count).
    bool declaresGroup(const QString &group) const;
    /// Every host in `group` and its children. k8s_cluster, when not declared, is what Kubespray v2.27+
    /// builds at run time: kube_control_plane + kube_node + calico_rr.
    QStringList hostsOf(const QString &group) const;

    /// The cluster-wide value: group_vars/k8s_cluster over group_vars/all over the hosts file's own
    /// k8s_cluster and all vars. Nothing when the inventory does not set it.
    std::optional<Setting> clusterValue(const QString &name) const;
    /// Where a variable is set for some hosts only.
    QList<Override> overrides(const QString &name) const;

    const QList<VarsFile> &varsFiles() const { return m_varsFiles; }
    QList<Duplicate> duplicates() const;
    /// The first group_vars file of `group` ("group_vars/all/all.yml" style), if any.
    QString firstGroupVarsFile(const QString &group, const QString &fileName) const;

private:
    std::optional<Error> loadVarsFolder(const QString &folderName, VarsFile::Scope scope);
    std::optional<Error> addVarsFile(const QString &absolutePath, VarsFile::Scope scope, const QString &target);
    Overlay m_overlay;

    QString m_directory;
    HostsFile m_hosts;
    QList<VarsFile> m_varsFiles;
    QStringList m_notes;
};

/// Canonical Kubespray group name for a legacy dashed one (k8s-cluster → k8s_cluster, kube-master →
/// kube_control_plane).
QString canonicalGroupName(const QString &group);

} // namespace ksw
