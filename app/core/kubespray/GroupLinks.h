// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "util/Expected.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ksw {

/// The parent → child links between the groups of a hosts file as they are read (GroupGraph is the finished graph), in
/// the order Ansible makes them, to refuse a loop where Ansible does: Ansible refuses the first link that closes one
/// ("can't add group to itself", "creates a recursive dependency loop"), and at the end, when it puts every group
/// without a parent under "all", a group that holds "all". Like Ansible, it starts with "all" and "ungrouped",
/// "ungrouped" a child of "all".
class GroupLinks {
public:
    GroupLinks();

    /// Declares `name` (Ansible's add_group) where it is first written; later calls change nothing.
    void declare(const QString &name, const SourceLocation &where);
    /// Links `child` under `parent` (Ansible's add_child), written at `where`. Both are declared if need be.
    void link(const QString &parent, const QString &child, const SourceLocation &where);

    /// Ansible's refusal of the first link so far that closes a loop; nothing when there is none.
    std::optional<Error> firstLoop() const;
    /// Ansible's refusal when "all" would become the parent of a group that holds it (its last step); nothing
    /// otherwise. Call once every link is made and firstLoop() found nothing.
    std::optional<Error> loopThroughAll() const;

private:
    struct Link {
        quint32 parent;
        quint32 child;
        SourceLocation where;
    };

    quint32 id(const QString &name);
    bool hasLoop(std::size_t links) const;
    Error loopError(const QString &parent, const QString &child, const SourceLocation &where) const;

    QStringList m_names;                    // by id, in the order Ansible creates the groups
    std::vector<SourceLocation> m_declared; // where each group is first written
    QHash<QString, quint32> m_ids;
    std::vector<Link> m_links;
};

} // namespace ksw
