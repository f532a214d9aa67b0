// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What a deploy will do and whether it may: the playbooks of an action, the address ranges the running cluster
// was built with (the baseline), and the refusal of "cluster only" when they changed — Kubespray cannot move a
// running cluster to other ranges (FACTS.md §5); only reset then cluster can. No widgets, no processes here.

#include "store/DeployRecord.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ksw {

class ClusterConfig;

class DeployPlan {
public:
    /// The ranges the running cluster has, and how the wizard knows them.
    struct Baseline {
        enum class Source {
            LastDeploy,        ///< recorded after the wizard's last successful cluster.yml
            BeforeWizardEdits, ///< the inventory as it was before the wizard's first saved change (its history)
            Unknown,           ///< neither: the files on disk are all there is
        };
        Source source = Source::Unknown;
        QMap<QString, QString> ranges;
        QDateTime time;
    };

    /// A range variable whose value differs between the baseline and the inventory on disk.
    struct RangeChange {
        QString variable;
        QString deployed;
        QString planned;
    };

    /// The baseline for the inventory in `inventoryDirectory`, read as `current` shows it now.
    static Baseline baseline(const QString &inventoryDirectory, const ClusterConfig &current,
                             const DeployRecord &record);
    static QList<RangeChange> rangeChanges(const Baseline &baseline, const QMap<QString, QString> &current);

    /// Why `action` must not run with these changes (translated); empty when it may.
    static QString refusal(DeployAction action, const QList<RangeChange> &changes);

    /// The playbooks of `action`, in order (file names relative to the Kubespray root).
    static QStringList playbooks(DeployAction action);

    /// What a reset destroys and Kubespray's known side effects, for the confirmation (translated, plain text with
    /// one item per line).
    static QString resetConsequences();
    /// One line describing a change ("kube_pods_subnet: 10.233.64.0/18 → 10.201.0.0/16").
    static QString describe(const RangeChange &change);
};

} // namespace ksw
