// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/GroupGraph.h"
#include "kubespray/HostsFile.h"
#include "kubespray/Setting.h"
#include "util/Expected.h"
#include "yaml/YamlDocument.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// A Kubespray inventory: the hosts file and the group_vars / host_vars folders beside it, read the way Ansible
/// reads them (DESIGN.md decision 3).
///
/// For each group and host, Ansible's host_group_vars plugin loads the first that exists of NAME (a folder, read
/// recursively and sorted level by level, or a file), NAME.yml, NAME.yaml and NAME.json; files of other names in
/// group_vars/ are read by no one. A host's value of a variable is then, strongest last: the hosts file's vars of
/// `all`, of its other groups (GroupGraph's order), group_vars of `all`, of its other groups, the hosts file's
/// vars of the host, host_vars of the host.
class Inventory {
public:
    /// A file of variables that applies to a group or a host.
    struct VarsFile {
        enum class Scope { Group, Host };
        Scope scope = Scope::Group;
        QString target;      ///< group or host name, as the hosts file writes it
        QString displayPath; ///< relative to the inventory folder
        YamlDocument document;
    };

    /// A variable as Ansible gives it to some hosts, and the place it comes from.
    struct Value {
        enum class Place { Nowhere, HostsFileGroup, GroupVars, HostsFileHost, HostVars };
        Setting setting{{}, YAML::Node(YAML::NodeType::Undefined), {}}; ///< undefined when set nowhere for these hosts
        Place place = Place::Nowhere;
        QString target;        ///< the group or host whose variables hold it
        QStringList hosts;     ///< the hosts that get it
        QString scope() const; ///< "group kube_node", "host node2" (translated); empty for Nowhere
        bool isHostLevel() const { return place == Place::HostsFileHost || place == Place::HostVars; }
    };

    /// A variable that the cluster's nodes do not all get from one place.
    struct Override {
        QString variable;
        QString scope; ///< "host node2" / "group kube_node"
        Setting setting;
        QStringList hosts;
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
    const GroupGraph &groupGraph() const { return m_graph; }
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
    QStringList hostsOf(const QString &group) const { return m_graph.hostsOf(group); }
    /// The hosts a cluster-wide setting must reach: k8s_cluster's, else every host.
    const QStringList &clusterNodes() const { return m_clusterNodes; }

    /// The value Ansible gives `name` on `host`.
    Value hostValue(const QString &host, const QString &name) const;
    /// The values `name` takes on the cluster's nodes: one entry per place that wins for some of them, the one
    /// that reaches the most nodes first. One entry when every node gets it from the same place.
    QList<Value> nodeValues(const QString &name) const { return valuesOn(name, m_clusterNodes); }
    /// The same for any hosts.
    QList<Value> valuesOn(const QString &name, const QStringList &hosts) const;
    /// The value most of the cluster's nodes get (all of them, unless overrides() says otherwise). Nothing when
    /// the inventory does not set it for them.
    std::optional<Setting> clusterValue(const QString &name) const;
    /// Where some of the cluster's nodes get another value of `name` than others (or only some get one).
    QList<Override> overrides(const QString &name) const;

    /// Where a new value of `name` goes so that Ansible reads it on every cluster node, relative to the inventory
    /// folder: the vars file that holds today's value; else the variables Ansible already reads for `group`
    /// (`fileName` in its group_vars folder, or its single file) — or, when `group` also reaches hosts that are no
    /// nodes (a bastion in `all`), for a group that holds exactly the nodes. Refused, with the reason, when no one
    /// file wins for every node (the nodes get it from different places, or a host's own variables hold it).
    Expected<QString> placeFor(const QString &name, const QString &group, const QString &fileName) const;

    const QList<VarsFile> &varsFiles() const { return m_varsFiles; }
    QList<Duplicate> duplicates() const;

private:
    struct Entry; // a directory entry of group_vars/ or host_vars/, on disk or in the overlay
    /// The entry Ansible reads for a group or host: "group_vars/all" (a folder) or "group_vars/all.yml".
    struct VarsEntry {
        QString path;
        bool isFolder = false;
    };
    std::optional<Error> loadVarsFolder(const QString &folderName, VarsFile::Scope scope, const QStringList &names);
    std::optional<Error> loadVarsEntry(const QString &relativePath, bool isFolder, VarsFile::Scope scope,
                                       const QString &target);
    Expected<QList<Entry>> entriesOf(const QString &relativeFolder) const;
    std::optional<Error> addVarsFile(const QString &relativePath, VarsFile::Scope scope, const QString &target);
    Value groupLevelValue(const QStringList &groups, const QString &name) const;
    Value valueIn(const QList<int> &files, const QString &name, Value::Place place, const QString &target) const;
    void indexHostLevelVariables();
    std::optional<VarsEntry> entryOf(VarsFile::Scope scope, const QString &target) const;
    QString placeInEntry(VarsFile::Scope scope, const QString &target, const QString &fileName) const;
    /// The group whose vars a new cluster-wide key goes into: `preferred` unless it reaches more than the nodes.
    QString groupForNodes(const QString &preferred) const;

    Overlay m_overlay;
    QString m_directory;
    HostsFile m_hosts;
    GroupGraph m_graph;
    QStringList m_clusterNodes;
    QList<VarsFile> m_varsFiles;
    QHash<QString, QList<int>> m_groupFiles;  ///< group → indexes into m_varsFiles, in Ansible's order
    QHash<QString, QList<int>> m_hostFiles;   ///< host → the same
    QHash<QString, VarsEntry> m_groupEntries; ///< group → the entry read for it
    QHash<QString, VarsEntry> m_hostEntries;
    QHash<QString, QStringList> m_setByHosts; ///< variable → the hosts whose own variables set it
    QStringList m_notes;
};

/// Why creating the vars file `relative` (a path in `inventoryDirectory`, such as group_vars/all/containerd.yml)
/// would change which files Ansible reads: for each group or host name its host_group_vars plugin reads only the
/// first that exists of NAME (a folder or a file), NAME.yml, NAME.yaml, NAME.json. A new group_vars/all/ hides
/// group_vars/all.yml; a new group_vars/all.yaml beside group_vars/all.yml is never read. Nothing when the new file
/// is read beside today's files, or when `relative` is no group_vars or host_vars file.
std::optional<QString> varsFileCreationProblem(const QString &inventoryDirectory, const QString &relative);

/// Canonical Kubespray group name for a legacy dashed one (k8s-cluster → k8s_cluster, kube-master →
/// kube_control_plane).
QString canonicalGroupName(const QString &group);

} // namespace ksw
