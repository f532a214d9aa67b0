// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What the wizard remembers about deploying one inventory, in deploy.json of the inventory's data folder (never
// inside the inventory): the choices of the last deploy, so the next one is one click (only the passwords are
// asked again; they are never kept), and the address ranges the cluster was last built with, so "cluster only"
// can be refused after a range change (a running cluster cannot change them: FACTS.md §5).

#include "util/Expected.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace ksw {

class ClusterConfig;

/// The deploy actions the wizard offers.
enum class DeployAction {
    Redeploy,    ///< reset.yml, then cluster.yml: the only way to change address ranges
    ClusterOnly, ///< cluster.yml on the running cluster (no reset)
    ResetOnly,   ///< reset.yml alone: the nodes lose the cluster
};

QString deployActionName(DeployAction action); ///< "redeploy" / "cluster" / "reset" (deploy.json, --json)
std::optional<DeployAction> deployActionFromName(const QString &name);

struct DeployRecord {
    /// The choices of the last deploy.
    struct Choices {
        DeployAction action = DeployAction::Redeploy;
        bool retryOnce = false;
        int verbosity = 0;
        bool verifyAfter = true;
        bool becomeSameAsSsh = true;
    };
    /// The cluster as the last successful cluster.yml built it.
    struct Deployed {
        QDateTime time;
        QString kubesprayVersion;
        QMap<QString, QString> ranges; ///< rangeVariables() → their effective text then
    };

    std::optional<Choices> choices;
    std::optional<Deployed> deployed;
    QString lastVerification; ///< the last verification's one-line result

    /// The variables a running cluster cannot change: the service and pod ranges (both families) and the per-node
    /// prefix.
    static QStringList rangeVariables();
    /// The effective text of rangeVariables() in `config` (empty text = unset).
    static QMap<QString, QString> rangesOf(const ClusterConfig &config);

    /// The record kept in `dataFolder` (History::dataFolder of the inventory); an empty record when none was kept.
    /// An error names the file and what is wrong with it.
    static Expected<DeployRecord> load(const QString &dataFolder);
    /// Writes the record atomically.
    std::optional<Error> save(const QString &dataFolder) const;
    static QString fileName() { return QStringLiteral("deploy.json"); }
};

} // namespace ksw
