// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/HostStatusModel.h"

#include <QCoreApplication>

namespace ksw {

HostStatusModel::HostStatusModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int HostStatusModel::rowOf(const QString &host) {
    const int row = static_cast<int>(m_hosts.indexOf(host));
    if (row >= 0)
        return row;
    const int newRow = static_cast<int>(m_hosts.size());
    beginInsertRows(QModelIndex(), newRow, newRow);
    m_hosts << host;
    m_counts.insert(host, HostCounts{});
    endInsertRows();
    return newRow;
}

void HostStatusModel::addEvent(const AnsibleEvent &event, int logLine) {
    if (event.type == AnsibleEvent::Type::Stats) {
        applyRecap(Recap::fromStats(event));
        return;
    }
    if (event.type != AnsibleEvent::Type::HostResult || event.host.isEmpty())
        return;
    const int row = rowOf(event.host);
    HostCounts &c = m_counts[event.host];
    switch (event.status) {
    case HostStatus::Ok:
        ++c.ok;
        break;
    case HostStatus::Changed:
        ++c.ok;
        ++c.changed;
        break;
    case HostStatus::Failed:
        ++c.failures;
        break;
    case HostStatus::Skipped:
        ++c.skipped;
        break;
    case HostStatus::Unreachable:
        ++c.unreachable;
        break;
    case HostStatus::Ignored:
        ++c.ok;
        ++c.ignored;
        break;
    }
    emit dataChanged(index(row, OkColumn), index(row, SkippedColumn));
    if (event.status == HostStatus::Failed || event.status == HostStatus::Unreachable) {
        Failure failure{event.host, event.task, event.message, event.status == HostStatus::Unreachable, logLine};
        m_failures << failure;
        emit failureAdded(failure);
    }
}

void HostStatusModel::applyRecap(const Recap &recap) {
    if (recap.isEmpty())
        return;
    beginResetModel();
    for (auto it = recap.hosts.cbegin(); it != recap.hosts.cend(); ++it) {
        if (!m_hosts.contains(it.key()))
            m_hosts << it.key();
        m_counts.insert(it.key(), it.value());
    }
    m_hasRecap = true;
    endResetModel();
}

void HostStatusModel::clear() {
    beginResetModel();
    m_hosts.clear();
    m_counts.clear();
    m_failures.clear();
    m_hasRecap = false;
    endResetModel();
}

int HostStatusModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_hosts.size());
}

int HostStatusModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int HostStatusModel::countIn(const HostCounts &counts, int column) {
    switch (column) {
    case OkColumn:
        return counts.ok;
    case ChangedColumn:
        return counts.changed;
    case FailedColumn:
        return counts.failures;
    case UnreachableColumn:
        return counts.unreachable;
    case SkippedColumn:
        return counts.skipped;
    default:
        return 0;
    }
}

QVariant HostStatusModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_hosts.size() || index.column() >= ColumnCount)
        return {};
    const QString &host = m_hosts.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::UserRole) {
        if (index.column() == HostColumn)
            return host;
        return countIn(m_counts.value(host), index.column());
    }
    if (role == Qt::TextAlignmentRole && index.column() != HostColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QVariant HostStatusModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return QCoreApplication::translate("HostStatusModel", "Host");
    case OkColumn:
        return QCoreApplication::translate("HostStatusModel", "OK");
    case ChangedColumn:
        return QCoreApplication::translate("HostStatusModel", "Changed");
    case FailedColumn:
        return QCoreApplication::translate("HostStatusModel", "Failed");
    case UnreachableColumn:
        return QCoreApplication::translate("HostStatusModel", "Unreachable");
    case SkippedColumn:
        return QCoreApplication::translate("HostStatusModel", "Skipped");
    default:
        return {};
    }
}

} // namespace ksw
