// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/GroupGraph.h"

#include "kubespray/Inventory.h"
#include "yaml/YamlValues.h"

#include <QSet>

#include <algorithm>

namespace ksw {

const QString GroupGraph::All = QStringLiteral("all");
const QString GroupGraph::Ungrouped = QStringLiteral("ungrouped");
const QString GroupGraph::Cluster = QStringLiteral("k8s_cluster");

GroupGraph::GroupGraph(const HostsFile &hosts)
    : m_hostOrder(hosts.hostOrder) {
    for (int i = 0; i < m_hostOrder.size(); ++i)
        m_hostIndex.insert(m_hostOrder.at(i), i);
    addGroup(All, true);
    addGroup(Ungrouped, true);
    for (auto it = hosts.groups.cbegin(); it != hosts.groups.cend(); ++it) {
        const int index = addGroup(it.key(), true);
        for (const QString &host : it->hosts) {
            if (const auto found = m_hostIndex.constFind(host); found != m_hostIndex.constEnd())
                m_groups[index].hosts.append(found.value());
        }
        if (it->vars.contains(QStringLiteral("ansible_group_priority"))) {
            bool isNumber = false;
            const int value = yaml::scalarText(it->vars.value(QStringLiteral("ansible_group_priority")).value)
                                  .trimmed()
                                  .toInt(&isNumber);
            if (isNumber)
                m_groups[index].priority = value;
        }
    }
    for (auto it = hosts.groups.cbegin(); it != hosts.groups.cend(); ++it) {
        for (const QString &child : it->children)
            m_groups[m_index.value(it.key())].children.append(addGroup(child, true));
    }
    // A host in no group but `all` is in `ungrouped` too (Ansible's reconcile_inventory).
    QList<bool> grouped(m_hostOrder.size(), false);
    for (const Group &group : std::as_const(m_groups)) {
        if (group.name == All)
            continue;
        for (const int host : group.hosts)
            grouped[host] = true;
    }
    for (int host = 0; host < m_hostOrder.size(); ++host) {
        if (!grouped.at(host))
            m_groups[m_index.value(Ungrouped)].hosts.append(host);
    }
    computeDepths();
    addRuntimeGroups();
    buildProfiles();
}

int GroupGraph::addGroup(const QString &name, bool declared) {
    if (const auto found = m_index.constFind(name); found != m_index.constEnd())
        return found.value();
    const int index = static_cast<int>(m_groups.size());
    Group group;
    group.name = name;
    group.declared = declared;
    m_groups.append(group);
    m_index.insert(name, index);
    m_order.append(name);
    return index;
}

void GroupGraph::computeDepths() {
    // Depth is the longest path from `all`: Ansible raises a child's depth to its parent's + 1 on every edge it
    // adds, and hangs every group without a parent off `all`. Walked in topological order, each edge once; a
    // cycle (which Ansible refuses while reading) gets no depth beyond what its entry gave it.
    const int all = m_index.value(All);
    QList<int> parents(m_groups.size(), 0);
    for (const Group &group : std::as_const(m_groups)) {
        for (const int child : group.children)
            ++parents[child];
    }
    for (int index = 0; index < m_groups.size(); ++index) {
        if (index != all && parents.at(index) == 0) {
            m_groups[all].children.append(index);
            ++parents[index];
        }
    }
    QList<int> ready{all};
    while (!ready.isEmpty()) {
        const int current = ready.takeLast();
        for (const int child : std::as_const(m_groups[current].children)) {
            m_groups[child].depth = std::max(m_groups[child].depth, m_groups.at(current).depth + 1);
            if (--parents[child] == 0)
                ready.append(child);
        }
    }
}

void GroupGraph::addRuntimeGroups() {
    const int all = m_index.value(All);
    const auto addRuntime = [&](const QString &name, const QList<int> &members) {
        const bool existed = contains(name);
        const int index = addGroup(name, false);
        if (!existed) {
            m_groups[index].depth = 1;
            m_groups[all].children.append(index);
        }
        QSet<int> present(m_groups.at(index).hosts.cbegin(), m_groups.at(index).hosts.cend());
        for (const int host : members) {
            if (!present.contains(host)) {
                present.insert(host);
                m_groups[index].hosts.append(host);
            }
        }
    };
    // Kubespray's legacy_groups / boilerplate plays: group_by the current name for each legacy dashed group.
    const QStringList declared = m_order;
    for (const QString &name : declared) {
        const QString current = canonicalGroupName(name);
        if (current != name)
            addRuntime(current, memberIndexes(m_index.value(name)));
    }
    // v2.27+: k8s_cluster is the union of the node groups when the inventory does not declare it.
    if (!contains(Cluster)) {
        QList<int> members;
        for (const QString &group :
             {QStringLiteral("kube_control_plane"), QStringLiteral("kube_node"), QStringLiteral("calico_rr")}) {
            if (contains(group))
                members += memberIndexes(m_index.value(group));
        }
        addRuntime(Cluster, members);
    }
}

QList<int> GroupGraph::memberIndexes(int group) const {
    // Each group once, however many paths lead to it: a diamond of children stays linear, a cycle ends.
    QList<bool> seenHost(m_hostOrder.size(), false);
    QSet<int> reached{group};
    QList<int> pending{group};
    QList<int> members;
    while (!pending.isEmpty()) {
        const Group &current = m_groups.at(pending.takeLast());
        for (const int host : current.hosts) {
            if (!seenHost.at(host)) {
                seenHost[host] = true;
                members.append(host);
            }
        }
        for (const int child : current.children) {
            if (!reached.contains(child)) {
                reached.insert(child);
                pending.append(child);
            }
        }
    }
    std::sort(members.begin(), members.end());
    return members;
}

void GroupGraph::buildProfiles() {
    // Each host's groups: its direct groups and all their ancestors, found by walking down from each group once.
    QList<QList<int>> groupsOfHost(m_hostOrder.size());
    for (int group = 0; group < m_groups.size(); ++group) {
        for (const int host : memberIndexes(group))
            groupsOfHost[host].append(group);
    }
    QHash<QString, int> profileByKey;
    m_profileOfHost.resize(m_hostOrder.size());
    for (int host = 0; host < m_hostOrder.size(); ++host) {
        QList<int> &groups = groupsOfHost[host];
        std::sort(groups.begin(), groups.end(), [this](int a, int b) {
            const Group &left = m_groups.at(a);
            const Group &right = m_groups.at(b);
            if (left.depth != right.depth)
                return left.depth < right.depth;
            if (left.priority != right.priority)
                return left.priority < right.priority;
            return left.name < right.name;
        });
        QStringList names;
        for (const int group : std::as_const(groups))
            names.append(m_groups.at(group).name);
        const QString key = names.join(QLatin1Char('\n'));
        auto found = profileByKey.find(key);
        if (found == profileByKey.end()) {
            found = profileByKey.insert(key, static_cast<int>(m_profiles.size()));
            m_profiles.append({names, {}});
        }
        m_profiles[found.value()].hosts.append(m_hostOrder.at(host));
        m_profileOfHost[host] = found.value();
    }
}

bool GroupGraph::isDeclared(const QString &group) const {
    const auto found = m_index.constFind(group);
    return found != m_index.constEnd() && m_groups.at(found.value()).declared;
}

int GroupGraph::depth(const QString &group) const {
    const auto found = m_index.constFind(group);
    return found == m_index.constEnd() ? 0 : m_groups.at(found.value()).depth;
}

QStringList GroupGraph::hostsOf(const QString &group) const {
    const auto found = m_index.constFind(group);
    if (found == m_index.constEnd())
        return {};
    QStringList hosts;
    for (const int host : memberIndexes(found.value()))
        hosts.append(m_hostOrder.at(host));
    return hosts;
}

QStringList GroupGraph::groupsOf(const QString &host) const {
    const auto found = m_hostIndex.constFind(host);
    if (found == m_hostIndex.constEnd())
        return {};
    return m_profiles.at(m_profileOfHost.at(found.value())).groups;
}

} // namespace ksw
