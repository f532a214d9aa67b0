// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "ScenarioExpectations.h"
#include "TestSupport.h"

#include "session/DemoWorkspace.h"
#include "session/WizardSession.h"
#include "yaml/YamlValues.h"

#include <QObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

namespace {

QStringList codes(const QList<Finding> &findings) {
    QStringList result;
    for (const Finding &finding : findings)
        result.append(finding.code);
    return result;
}

/// Blocking findings only: Debian's ansible-core 2.14 also earns the demo an honest version warning.
QStringList blocking(const QList<Finding> &findings) {
    QStringList result;
    for (const Finding &finding : findings) {
        if (finding.severity == Finding::Severity::Blocking)
            result.append(finding.code);
    }
    return result;
}

} // namespace

/// The wizard's model without any widget: open, plan, findings of the planned inventory, save, restore.
class TestWizardSession : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_data = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", m_data->path().toUtf8());
        const auto demo = DemoWorkspace::create();
        QVERIFY(demo);
        m_demo = *demo;
        QVERIFY(m_demo.folder.startsWith(m_data->path()));
    }

    void openRunsInTheBackgroundAndReportsFailures() {
        WizardSession session;
        QSignalSpy failed(&session, &WizardSession::openFailed);
        QSignalSpy busy(&session, &WizardSession::busyChanged);
        session.open(m_data->path() + QStringLiteral("/nothing-here"));
        QVERIFY(session.isBusy());
        session.waitForOpen();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(u"nothing-here"));
        QVERIFY(!session.isOpen());
        QCOMPARE(busy.size(), 2);
    }

    void thePlanStartsWithTheProfilesRegistriesAndDns() {
        WizardSession session;
        session.open(m_demo.inventoryPath, m_demo.siteProfilePath);
        session.waitForOpen();
        QVERIFY(session.isOpen());
        // The inventory as it is: the three faults.
        const QStringList today = codes(session.assessment()->findings());
        QVERIFY(today.contains(u"range-contains-company-address"));
        QVERIFY(today.contains(u"registry-http-without-mirror"));
        QVERIFY(today.contains(u"company-dns-not-used"));
        // The plan already carries the registry and DNS fixes; the ranges wait for the person.
        QCOMPARE(blocking(session.findings()), QStringList{QStringLiteral("range-contains-company-address")});
        session.proposeFreeRanges();
        QCOMPARE(session.plan().podRange, QStringLiteral("10.233.128.0/18"));
        QVERIFY(!session.hasBlocking());
        QCOMPARE(session.changes().files().size(), 3);
    }

    void typedDnsServersAreTheOnesJudged() {
        WizardSession session;
        session.open(m_demo.inventoryPath, m_demo.siteProfilePath);
        session.waitForOpen();
        FixPlan plan = session.plan();
        plan.dnsServers = {QStringLiteral("10.244.10.131")};
        session.setPlan(plan);
        QVERIFY(!codes(session.findings()).contains(u"company-dns-not-used"));
        bool written = false;
        for (const SettingChange &change : session.changes().changes()) {
            if (change.key == u"upstream_dns_servers") {
                QCOMPARE(yaml::toDisplayText(change.value), QStringLiteral("[10.244.10.131]"));
                written = true;
            }
        }
        QVERIFY(written);
        plan.dnsServers = {QStringLiteral("not-an-address")};
        session.setPlan(plan);
        QVERIFY(codes(session.findings()).contains(u"company-dns-not-used"));
    }

    void saveWritesThePlanAndRestoreUndoesIt() {
        WizardSession session;
        session.open(m_demo.inventoryPath, m_demo.siteProfilePath);
        session.waitForOpen();
        const auto original = ksw::test::snapshot(m_demo.inventoryPath);
        session.proposeFreeRanges();
        const auto entry = session.save();
        QVERIFY2(entry, entry ? "" : qPrintable(entry.error().toString()));
        QCOMPARE(ksw::test::snapshot(m_demo.inventoryPath), test::scenarioFixedFiles(original));
        QVERIFY(session.changes().isEmpty());
        QVERIFY(!session.hasBlocking());
        QVERIFY(session.assessment()->findings().size() <= 1); // at most the ansible version warning
        QCOMPARE(session.history().size(), 1);

        const auto restored = session.restore(entry->id);
        QVERIFY(restored);
        QCOMPARE(ksw::test::snapshot(m_demo.inventoryPath), original);
        QVERIFY(codes(session.assessment()->findings()).contains(u"registry-http-without-mirror"));
    }

    void saveRefusesWhenTheFileChangedMeanwhile() {
        WizardSession session;
        session.open(m_demo.inventoryPath, m_demo.siteProfilePath);
        session.waitForOpen();
        session.proposeFreeRanges();
        const QString all = m_demo.inventoryPath + QStringLiteral("/group_vars/all/all.yml");
        QVERIFY(test::writeAll(all, test::readAll(all) + "# someone else was here\n"));
        const auto entry = session.save();
        QVERIFY(!entry);
        QVERIFY(entry.error().message.contains(u"changed on disk"));
        QVERIFY(test::readAll(all).endsWith("# someone else was here\n"));
        QVERIFY(session.history().isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_data;
    DemoWorkspace m_demo;
};

QTEST_GUILESS_MAIN(TestWizardSession)
#include "TestWizardSession.moc"
