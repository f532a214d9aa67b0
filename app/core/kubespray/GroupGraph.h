// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/HostsFile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ksw {

/// The groups of an inventory as Ansible builds them, plus the groups Kubespray adds while it runs.
///
/// Ansible merges a host's variables group by group in the order of `sort_groups`: by depth (the longest path
/// from `all`; a group nobody names as a child hangs off `all`), then `ansible_group_priority` (default 1), then
/// name. Kubespray's first plays add groups with `group_by` (FACTS.md §1.2): `k8s_cluster` from
/// kube_control_plane, kube_node and calico_rr when the inventory does not declare it (v2.27+), and the
/// current name of each legacy dashed group (k8s-cluster → k8s_cluster). A group made by `group_by` is a child of
/// `all` only, so its depth is 1.
class GroupGraph {
public:
    static const QString All;
    static const QString Ungrouped;
    static const QString Cluster; ///< k8s_cluster

    GroupGraph() = default;
    explicit GroupGraph(const HostsFile &hosts);

    /// Every group, declared or added at run time, `all` and `ungrouped` included.
    QStringList groups() const { return m_order; }
    bool contains(const QString &group) const { return m_index.contains(group); }
    /// True for a group the hosts file declares (not one Kubespray adds at run time).
    bool isDeclared(const QString &group) const;
    /// The longest path from `all` to `group` (0 for `all` and for a group that does not exist).
    int depth(const QString &group) const;
    /// Every host of `group` and of its descendants, in the hosts file's order.
    QStringList hostsOf(const QString &group) const;
    /// The groups of `host`, in the order Ansible merges their variables: `all` first, the strongest last.
    QStringList groupsOf(const QString &host) const;
    /// The hosts whose groupsOf() is the same list, so that group-level questions are answered once per list.
    struct Profile {
        QStringList groups; ///< as groupsOf()
        QStringList hosts;
    };
    const QList<Profile> &profiles() const { return m_profiles; }

private:
    struct Group {
        QString name;
        bool declared = true;
        int depth = 0;
        int priority = 1;
        QList<int> children;
        QList<int> hosts; ///< direct members, indexes into m_hostOrder
    };

    int addGroup(const QString &name, bool declared);
    void computeDepths();
    void addRuntimeGroups();
    void buildProfiles();
    QList<int> memberIndexes(int group) const;

    QList<Group> m_groups;
    QHash<QString, int> m_index;
    QStringList m_order;
    QStringList m_hostOrder;
    QHash<QString, int> m_hostIndex;
    QList<Profile> m_profiles;
    QList<int> m_profileOfHost; ///< by host index
};

} // namespace ksw
