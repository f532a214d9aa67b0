// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/GroupLinks.h"

#include <QCoreApplication>

namespace ksw {

namespace {

const QString All = QStringLiteral("all");

} // namespace

GroupLinks::GroupLinks() {
    link(All, QStringLiteral("ungrouped"), {});
}

quint32 GroupLinks::id(const QString &name) {
    const auto found = m_ids.constFind(name);
    if (found != m_ids.constEnd())
        return found.value();
    m_names.append(name);
    m_declared.push_back({});
    m_ids.insert(name, quint32(m_names.size() - 1));
    return quint32(m_names.size() - 1);
}

void GroupLinks::declare(const QString &name, const SourceLocation &where) {
    const quint32 group = id(name);
    if (!m_declared[group].isValid())
        m_declared[group] = where;
}

void GroupLinks::link(const QString &parent, const QString &child, const SourceLocation &where) {
    const quint32 parentId = id(parent);
    m_links.push_back({parentId, id(child), where});
}

bool GroupLinks::hasLoop(std::size_t links) const {
    // The children of each group as one flat list (counting sort by parent), then a depth-first walk that keeps its
    // own stack: a chain of thousands of groups must not exhaust the call stack.
    const auto groups = std::size_t(m_names.size());
    std::vector<quint32> firstChild(groups + 1, 0);
    for (std::size_t i = 0; i < links; ++i)
        ++firstChild[m_links[i].parent + 1];
    for (std::size_t g = 0; g < groups; ++g)
        firstChild[g + 1] += firstChild[g];
    std::vector<quint32> children(links);
    std::vector<quint32> filled(firstChild.cbegin(), firstChild.cend() - 1);
    for (std::size_t i = 0; i < links; ++i)
        children[filled[m_links[i].parent]++] = m_links[i].child;

    enum : quint8 { Unseen, OnPath, Done };
    std::vector<quint8> state(groups, Unseen);
    std::vector<std::pair<quint32, quint32>> path; // group, next child to visit
    for (quint32 start = 0; start < groups; ++start) {
        if (state[start] != Unseen)
            continue;
        state[start] = OnPath;
        path.push_back({start, firstChild[start]});
        while (!path.empty()) {
            auto &[group, next] = path.back();
            if (next == firstChild[group + 1]) {
                state[group] = Done;
                path.pop_back();
                continue;
            }
            const quint32 child = children[next++];
            if (state[child] == OnPath)
                return true;
            if (state[child] == Unseen) {
                state[child] = OnPath;
                path.push_back({child, firstChild[child]});
            }
        }
    }
    return false;
}

std::optional<Error> GroupLinks::firstLoop() const {
    if (!hasLoop(m_links.size()))
        return std::nullopt;
    // The shortest run of links, in Ansible's order, that holds a loop ends with the link Ansible refuses.
    std::size_t fewest = 1;
    std::size_t most = m_links.size();
    while (fewest < most) {
        const std::size_t middle = fewest + (most - fewest) / 2;
        if (hasLoop(middle))
            most = middle;
        else
            fewest = middle + 1;
    }
    const Link &closing = m_links[most - 1];
    return loopError(m_names.at(closing.parent), m_names.at(closing.child), closing.where);
}

std::optional<Error> GroupLinks::loopThroughAll() const {
    // Ansible's reconcile_inventory: each group without a parent becomes a child of "all". That closes a loop when
    // the group holds "all" itself, that is, when "all" was written as a child somewhere below it.
    const quint32 all = m_ids.value(All);
    std::vector<std::vector<quint32>> parentsOf(std::size_t(m_names.size()));
    std::vector<bool> hasParent(std::size_t(m_names.size()), false);
    for (const Link &link : m_links) {
        parentsOf[link.child].push_back(link.parent);
        hasParent[link.child] = true;
    }
    std::vector<bool> holdsAll(std::size_t(m_names.size()), false);
    std::vector<quint32> pending{all};
    while (!pending.empty()) {
        const quint32 group = pending.back();
        pending.pop_back();
        for (const quint32 parent : parentsOf[group]) {
            if (!holdsAll[parent]) {
                holdsAll[parent] = true;
                pending.push_back(parent);
            }
        }
    }
    for (quint32 group = 0; group < quint32(m_names.size()); ++group) {
        if (group == all || hasParent[group] || !holdsAll[group])
            continue;
        // Named where "all" is written as a child: that is the line to change.
        for (const Link &link : m_links) {
            if (link.child == all)
                return loopError(All, m_names.at(group), link.where);
        }
    }
    return std::nullopt;
}

Error GroupLinks::loopError(const QString &parent, const QString &child, const SourceLocation &where) const {
    if (parent == child)
        return Error{where, child,
                     QCoreApplication::translate("Inventory", "The group “%1” is listed as a child of itself; Ansible "
                                                              "refuses that (“can't add group to itself”).")
                         .arg(child)};
    return Error{where, child,
                 QCoreApplication::translate("Inventory", "Making “%1” a child of “%2” closes a loop: “%2” is already "
                                                          "inside “%1”. Ansible refuses it (“creates a recursive "
                                                          "dependency loop”).")
                     .arg(child, parent)};
}

} // namespace ksw
