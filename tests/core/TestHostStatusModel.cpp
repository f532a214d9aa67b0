// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/HostStatusModel.h"

#include <QObject>
#include <QSignalSpy>
#include <QTest>

using ksw::AnsibleEvent;
using ksw::HostCounts;
using ksw::HostStatus;
using ksw::HostStatusModel;
using ksw::Recap;

namespace {

AnsibleEvent result(const QString &host, const QString &task, HostStatus status, const QString &message = {}) {
    AnsibleEvent e;
    e.type = AnsibleEvent::Type::HostResult;
    e.host = host;
    e.task = task;
    e.status = status;
    e.message = message;
    return e;
}

int cell(const HostStatusModel &model, int row, int column) {
    return model.data(model.index(row, column), Qt::UserRole).toInt();
}

} // namespace

class TestHostStatusModel : public QObject {
    Q_OBJECT

private slots:
    void countsFromResults() {
        HostStatusModel model;
        QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("a"), HostStatus::Ok));
        model.addEvent(result(QStringLiteral("node2"), QStringLiteral("a"), HostStatus::Changed));
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("b"), HostStatus::Skipped));
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("c"), HostStatus::Ignored, QStringLiteral("x")));
        model.addEvent(result(QStringLiteral("node2"), QStringLiteral("c"), HostStatus::Unreachable,
                              QStringLiteral("ssh: no route")),
                       17);
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("d"), HostStatus::Failed, QStringLiteral("boom")),
                       42);
        AnsibleEvent task;
        task.type = AnsibleEvent::Type::TaskStart;
        task.name = QStringLiteral("ignored");
        model.addEvent(task);

        QCOMPARE(rowsInserted.size(), 2);
        QCOMPARE(changed.size(), 6);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(HostStatusModel::ColumnCount));
        QCOMPARE(model.hosts(), (QStringList{QStringLiteral("node1"), QStringLiteral("node2")}));
        QCOMPARE(model.data(model.index(0, HostStatusModel::HostColumn)).toString(), QStringLiteral("node1"));
        QCOMPARE(cell(model, 0, HostStatusModel::OkColumn), 2); // ok + ignored
        QCOMPARE(cell(model, 0, HostStatusModel::ChangedColumn), 0);
        QCOMPARE(cell(model, 0, HostStatusModel::FailedColumn), 1);
        QCOMPARE(cell(model, 0, HostStatusModel::SkippedColumn), 1);
        QCOMPARE(cell(model, 1, HostStatusModel::OkColumn), 1); // changed counts as ok too
        QCOMPARE(cell(model, 1, HostStatusModel::ChangedColumn), 1);
        QCOMPARE(cell(model, 1, HostStatusModel::UnreachableColumn), 1);
        QCOMPARE(model.data(model.index(1, HostStatusModel::UnreachableColumn)).toInt(), 1);
        QVERIFY(!model.hasRecap());

        QCOMPARE(model.failures().size(), 2);
        const HostStatusModel::Failure &unreachable = model.failures().at(0);
        QCOMPARE(unreachable.host, QStringLiteral("node2"));
        QCOMPARE(unreachable.task, QStringLiteral("c"));
        QCOMPARE(unreachable.message, QStringLiteral("ssh: no route"));
        QVERIFY(unreachable.unreachable);
        QCOMPARE(unreachable.logLine, 17);
        const HostStatusModel::Failure &failed = model.failures().at(1);
        QCOMPARE(failed, (HostStatusModel::Failure{QStringLiteral("node1"), QStringLiteral("d"), QStringLiteral("boom"),
                                                   false, 42}));
    }

    void recapReplacesCounts() {
        HostStatusModel model;
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("a"), HostStatus::Ok));
        model.addEvent(result(QStringLiteral("node1"), QStringLiteral("b"), HostStatus::Failed, QStringLiteral("m")));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        AnsibleEvent stats;
        stats.type = AnsibleEvent::Type::Stats;
        stats.stats.insert(QStringLiteral("node1"), HostCounts{5, 3, 0, 1, 2, 0, 1});
        stats.stats.insert(QStringLiteral("node0"), HostCounts{1, 0, 1, 0, 0, 0, 0});
        model.addEvent(stats);

        QCOMPARE(reset.size(), 1);
        QVERIFY(model.hasRecap());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.hosts().first(), QStringLiteral("node1")); // the order of appearance stays
        QCOMPARE(model.counts(QStringLiteral("node1")), (HostCounts{5, 3, 0, 1, 2, 0, 1}));
        QCOMPARE(model.counts(QStringLiteral("node0")), (HostCounts{1, 0, 1, 0, 0, 0, 0}));
        QCOMPARE(cell(model, 1, HostStatusModel::UnreachableColumn), 1);
        QCOMPARE(cell(model, 0, HostStatusModel::SkippedColumn), 2);
        QCOMPARE(model.failures().size(), 1); // the recap keeps the failure list

        model.applyRecap(Recap()); // an empty recap (cancelled run) changes nothing
        QCOMPARE(reset.size(), 1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.failures().isEmpty());
        QVERIFY(!model.hasRecap());
    }

    void headersAndBounds() {
        HostStatusModel model;
        QCOMPARE(model.headerData(HostStatusModel::HostColumn, Qt::Horizontal).toString(), QStringLiteral("Host"));
        QCOMPARE(model.headerData(HostStatusModel::UnreachableColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Unreachable"));
        QVERIFY(!model.data(model.index(0, 0)).isValid());
        model.addEvent(result(QStringLiteral("h"), QStringLiteral("t"), HostStatus::Ok));
        QVERIFY(!model.data(model.index(0, HostStatusModel::ColumnCount)).isValid());
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.columnCount(model.index(0, 0)), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostStatusModel)
#include "TestHostStatusModel.moc"
