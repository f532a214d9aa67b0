// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// The per-host table of a playbook run (hosts × ok, changed, failed, unreachable, skipped) for the run page,
// counted from host_result events as they come and replaced by the PLAY RECAP at the end; plus the failures
// (host, task, message, line of the run's output) for the closing summary.

#include "run/AnsibleEvents.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ksw {

class HostStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { HostColumn, OkColumn, ChangedColumn, FailedColumn, UnreachableColumn, SkippedColumn, ColumnCount };

    /// One failed (or unreachable) task on one host. Ignored failures are not listed.
    struct Failure {
        QString host;
        QString task;
        QString message;
        bool unreachable = false;
        int logLine = -1; ///< 0-based index of the stdout line where it showed, or -1 when unknown

        bool operator==(const Failure &other) const = default;
    };

    explicit HostStatusModel(QObject *parent = nullptr);

    /// HostResult events count (changed and ignored results count as ok too, like Ansible's recap); a Stats event
    /// replaces all counts by the recap. Other events are ignored. `logLine` is where the event showed in stdout.
    void addEvent(const AnsibleEvent &event, int logLine = -1);
    /// The final word: the recap's counts replace what was counted (hosts only in the recap are added).
    void applyRecap(const Recap &recap);
    void clear();

    QStringList hosts() const { return m_hosts; }
    HostCounts counts(const QString &host) const { return m_counts.value(host); }
    const QList<Failure> &failures() const { return m_failures; }
    /// True once a recap replaced the counted figures.
    bool hasRecap() const { return m_hasRecap; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    /// DisplayRole: the host name or the number; Qt::UserRole: the number as int (host column: the name).
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static int countIn(const HostCounts &counts, int column);

signals:
    void failureAdded(const ksw::HostStatusModel::Failure &failure);

private:
    int rowOf(const QString &host);

    QStringList m_hosts;
    QMap<QString, HostCounts> m_counts;
    QList<Failure> m_failures;
    bool m_hasRecap = false;
};

} // namespace ksw
