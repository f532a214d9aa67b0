// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "deploy/DeployPlan.h"

#include "kubespray/ClusterConfig.h"
#include "store/History.h"

#include <QCoreApplication>

namespace ksw {

namespace {

/// The inventory's files as they were before the wizard first wrote them: for each file, its oldest kept version
/// (a file the wizard created reads as empty). Restores are history entries too, but the oldest one stays the
/// original.
Inventory::Overlay originalFiles(const History &history) {
    Inventory::Overlay overlay;
    for (const History::Entry &entry : history.entries()) {
        const auto snapshot = history.snapshot(entry.id);
        if (!snapshot)
            continue;
        for (auto it = snapshot->cbegin(); it != snapshot->cend(); ++it) {
            if (!overlay.contains(it.key()))
                overlay.insert(it.key(), it.value().value_or(QByteArray()));
        }
    }
    return overlay;
}

} // namespace

DeployPlan::Baseline DeployPlan::baseline(const QString &inventoryDirectory, const ClusterConfig &current,
                                          const DeployRecord &record) {
    Baseline result;
    if (record.deployed) {
        result.source = Baseline::Source::LastDeploy;
        result.ranges = record.deployed->ranges;
        result.time = record.deployed->time;
        return result;
    }
    const History history(inventoryDirectory);
    const QList<History::Entry> entries = history.entries();
    if (!entries.isEmpty()) {
        auto original = Inventory::load(current.inventory().hostsFilePath(), originalFiles(history));
        if (original) {
            const ClusterConfig config(std::move(*original), current.defaults(), current.version());
            result.source = Baseline::Source::BeforeWizardEdits;
            result.ranges = DeployRecord::rangesOf(config);
            result.time = entries.first().time;
            return result;
        }
    }
    result.ranges = DeployRecord::rangesOf(current);
    return result;
}

QList<DeployPlan::RangeChange> DeployPlan::rangeChanges(const Baseline &baseline,
                                                        const QMap<QString, QString> &current) {
    QList<RangeChange> changes;
    for (const QString &variable : DeployRecord::rangeVariables()) {
        // A variable the record does not know (an older record) is not a change anyone can show.
        if (!baseline.ranges.contains(variable))
            continue;
        const QString deployed = baseline.ranges.value(variable);
        const QString planned = current.value(variable);
        if (deployed != planned)
            changes.append({variable, deployed, planned});
    }
    return changes;
}

QString DeployPlan::refusal(DeployAction action, const QList<RangeChange> &changes) {
    if (action != DeployAction::ClusterOnly || changes.isEmpty())
        return {};
    QStringList lines;
    for (const RangeChange &change : changes)
        lines << describe(change);
    return QCoreApplication::translate(
               "DeployPlan",
               "\"Cluster only\" cannot apply these changes: Kubespray cannot move a running cluster to other address "
               "ranges, so the nodes would keep the old ones. Choose \"Re-deploy\" (reset, then cluster).\n%1")
        .arg(lines.join(QLatin1Char('\n')));
}

QStringList DeployPlan::playbooks(DeployAction action) {
    switch (action) {
    case DeployAction::Redeploy:
        return {QStringLiteral("reset.yml"), QStringLiteral("cluster.yml")};
    case DeployAction::ClusterOnly:
        return {QStringLiteral("cluster.yml")};
    case DeployAction::ResetOnly:
        return {QStringLiteral("reset.yml")};
    }
    return {};
}

QString DeployPlan::resetConsequences() {
    return QCoreApplication::translate(
        "DeployPlan",
        "Kubespray's reset.yml removes Kubernetes from every node of the inventory:\n"
        "• every workload, volume on the nodes and setting stored in the cluster (etcd) is deleted;\n"
        "• kubelet, containerd's images and containers, the CNI and the certificates are removed;\n"
        "• it flushes the nodes' iptables rules, which has locked people out of SSH on nodes whose firewall "
        "allowed SSH only through those rules;\n"
        "• it rewrites /etc/resolv.conf and restarts networking pieces, so name resolution on the nodes "
        "changes for a while.\n"
        "Nothing in the inventory folder is changed.");
}

QString DeployPlan::describe(const RangeChange &change) {
    const QString none = QCoreApplication::translate("DeployPlan", "(not set)");
    return QCoreApplication::translate("DeployPlan", "%1: %2 → %3")
        .arg(change.variable, change.deployed.isEmpty() ? none : change.deployed,
             change.planned.isEmpty() ? none : change.planned);
}

} // namespace ksw
