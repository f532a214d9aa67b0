// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "analysis/Assessment.h"
#include "analysis/ChangeSet.h"
#include "analysis/FixPlan.h"
#include "preflight/PreflightReport.h"
#include "probe/SiteProbe.h"
#include "store/History.h"
#include "store/InventoryEdit.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace ksw {

/// The one model the wizard's pages share (they hold no state of their own): the inventory as loaded,
/// the company services and the choices being edited, and everything derived from them — the settings to
/// write, the diff, and the findings of the inventory as it would be after saving. No widgets here.
class WizardSession : public QObject {
    Q_OBJECT

public:
    explicit WizardSession(QObject *parent = nullptr);
    ~WizardSession() override;

    /// Loads and analyses an inventory in a worker thread (git and ansible-playbook are asked): emits busyChanged,
    /// then opened() or openFailed(). `siteProfilePath` empty: the profile kept for the inventory, if any.
    void open(const QString &inventoryPath, const QString &siteProfilePath = {},
              std::optional<KubesprayVersion> kubesprayVersion = std::nullopt);
    /// Blocks until a running open() has finished (tests, and quitting).
    void waitForOpen();

    bool isBusy() const { return m_busy; }
    bool isOpen() const { return m_assessment != nullptr; }
    /// The inventory as it is on disk, analysed.
    const Assessment *assessment() const { return m_assessment.get(); }
    QString inventoryDirectory() const;

    const SiteProfile &site() const { return m_site; }
    /// Replaces the company services; registry and DNS choices follow the new profile. A profile with services is
    /// kept for the inventory at once (its data folder, never the inventory), so a restart finds it again.
    void setSite(const SiteProfile &site);
    /// Why the last profile could not be kept for the inventory (a full disk…); empty when it was.
    QString siteKeepError() const { return m_siteKeepError; }

    const FixPlan &plan() const { return m_plan; }
    void setPlan(const FixPlan &plan);
    /// Sets the ranges that conflict to the first free ones the analysis proposes (sizes kept).
    void proposeFreeRanges();

    /// The settings Save writes.
    const ChangeSet &changes() const { return m_changes; }
    /// True while the pages hold settings the files on disk do not have yet (leaving now would lose them).
    bool hasUnsavedChanges() const { return !m_changes.isEmpty() && (!m_edit || !m_edit->isEmpty()); }
    /// The edit of the files (for the diff); nothing when an edit is impossible (see editError()).
    const std::optional<InventoryEdit> &edit() const { return m_edit; }
    QString editError() const { return m_editError; }
    /// The findings of the inventory as it would be after saving.
    const QList<Finding> &findings() const { return m_findings; }
    /// The same configuration (for previews); null before open().
    const ClusterConfig *plannedConfig() const { return m_plannedConfig.get(); }
    QList<FixPlan::Problem> problems() const { return m_plan.problems(); }
    /// A blocking finding of the plan, of `topic` (any topic when none is given).
    bool hasBlocking(std::optional<Topic> topic = std::nullopt) const;

    /// Asks the profile's registries and company DNS servers, in the background: registry schemes nobody
    /// stated are then decided by what the registry answered, and the answers join the analysis.
    void probe(int timeoutMs = 5000);
    bool isProbing() const { return m_siteProbe && m_siteProbe->isRunning(); }
    const std::optional<ProbeReport> &probeReport() const { return m_probeReport; }

    /// What the nodes answered in a preflight run (Preflight): their addresses, routes and reachability join the
    /// analysis of the inventory on disk and of the plan.
    void setPreflightReport(const PreflightReport &report);
    const std::optional<PreflightReport> &preflightReport() const { return m_preflightReport; }

    /// Writes the changes (history kept), keeps the site profile for the inventory, and re-reads the inventory.
    Expected<History::Entry> save();
    QList<History::Entry> history() const;
    /// Puts back an earlier version and re-reads the inventory.
    Expected<History::Entry> restore(const QString &entryId);

signals:
    void busyChanged(bool busy);
    void opened();
    void openFailed(const QString &message);
    /// Anything derived changed: choices, findings, diff.
    void changed();
    void probeProgress(int done, int total, const QString &what);
    void probeFinished();

private:
    void finishOpen(std::shared_ptr<Expected<Assessment>> result, const QString &siteProfilePath);
    void recompute();
    /// The profile the analysis judges the plan against: the one being edited, with the DNS servers typed.
    SiteProfile siteForAnalysis() const;
    void reload();

    bool m_busy = false;
    QPointer<QThread> m_worker;
    std::unique_ptr<Assessment> m_assessment;
    Assessment::Request m_request;
    SiteProfile m_site;
    QString m_siteKeepError;
    FixPlan m_plan;
    ChangeSet m_changes;
    std::optional<InventoryEdit> m_edit;
    QString m_editError;
    std::unique_ptr<ClusterConfig> m_plannedConfig;
    QList<Finding> m_findings;
    QPointer<SiteProbe> m_siteProbe;
    std::optional<ProbeReport> m_probeReport;
    std::optional<PreflightReport> m_preflightReport;
};

} // namespace ksw
