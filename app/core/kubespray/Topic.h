// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>

#include <optional>

namespace ksw {

/// The part of a Kubespray deploy a finding or a diagnosis is about; each has the one wizard page that explains
/// and fixes it.
enum class Topic {
    Ranges,     ///< the pod and service address ranges
    Registries, ///< how containerd reaches the image registries
    Dns,        ///< which DNS the pods ask
    Nodes,      ///< what the nodes themselves answered (the preflight)
    Inventory,  ///< the inventory's groups, files and values as written
    Access,     ///< Ansible and kubectl on this machine
};

/// "ranges", "registries", "dns", "nodes", "inventory", "access": for JSON and the command line.
QString topicKey(Topic topic);
std::optional<Topic> topicFromKey(const QString &key);
/// The title of the wizard page for the topic, as the page shows it (translated).
QString topicTitle(Topic topic);

} // namespace ksw
