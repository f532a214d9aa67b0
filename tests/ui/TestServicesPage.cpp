// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "DemoWizard.h"
#include "TestSupport.h"

#include "Dialogs.h"
#include "MainWizard.h"
#include "pages/ServicesPage.h"
#include "session/WizardSession.h"

#include <QLabel>
#include <QLineEdit>
#include <QObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

/// The company services page on the real session with the scenario's demo.
class TestServicesPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        m_demo = std::make_unique<ksw::test::DemoWizard>(); // a fresh copy for each test
        QVERIFY(m_demo->isOpen());
        m_wizard = m_demo->wizard();
        m_page = static_cast<ServicesPage *>(m_wizard->page(MainWizard::ServicesPageId));
        m_page->initializePage();
        m_table = m_page->findChild<QTableWidget *>(QStringLiteral("servicesTableWidget"));
        m_problem = m_page->findChild<QLabel *>(QStringLiteral("problemLabel"));
        QVERIFY(m_table && m_problem);
    }

    void cleanup() { m_demo.reset(); }

    void showsTheScenariosServices() {
        QCOMPARE(m_table->rowCount(), 2);
        QCOMPARE(m_table->item(0, ServicesPage::NameColumn)->text(), QStringLiteral("CoreDNS"));
        QCOMPARE(m_table->item(1, ServicesPage::AddressColumn)->text(), QStringLiteral("10.233.90.120"));
        QCOMPARE(m_table->item(1, ServicesPage::SchemeColumn)->data(Qt::UserRole).toString(), QStringLiteral("http"));
        QVERIFY(m_page->isComplete());
        QVERIFY(m_problem->isHidden());
    }

    void invalidCellsBlockNextWithTheReason_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("an address without a name")
            << int(ServicesPage::NameColumn) << QString() << QStringLiteral("name");
        QTest::newRow("a name used twice")
            << int(ServicesPage::NameColumn) << QStringLiteral("CoreDNS") << QStringLiteral("twice");
        QTest::newRow("not an address") << int(ServicesPage::AddressColumn) << QStringLiteral("10.233.90.300")
                                        << QStringLiteral("10.233.90.300");
        QTest::newRow("not a domain") << int(ServicesPage::DomainsColumn) << QStringLiteral("bad_domain!")
                                      << QStringLiteral("bad_domain!");
    }

    void invalidCellsBlockNextWithTheReason() {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, message);
        QSignalSpy completeChanged(m_page, &QWizardPage::completeChanged);
        m_table->item(1, column)->setText(text);
        QVERIFY(!m_page->isComplete());
        QVERIFY(!completeChanged.isEmpty());
        QVERIFY(!m_problem->isHidden());
        QVERIFY2(m_problem->text().contains(message), qPrintable(m_problem->text()));
        QVERIFY(!m_table->item(1, column)->toolTip().isEmpty());
        // The session keeps the last valid profile.
        QCOMPARE(m_wizard->session()->site().services().size(), 2);
        QCOMPARE(m_wizard->session()->site().services().at(1).name, QStringLiteral("Docker Registry"));
    }

    void editingUpdatesTheSession() {
        m_table->item(1, ServicesPage::AddressColumn)->setText(QStringLiteral("10.240.90.120"));
        QVERIFY(m_page->isComplete());
        QCOMPARE(m_wizard->session()->site().services().at(1).address.toString(), QStringLiteral("10.240.90.120"));
        // The registry no longer sits in the pod range.
        QVERIFY(std::none_of(
            m_wizard->session()->findings().cbegin(), m_wizard->session()->findings().cend(),
            [](const ksw::Finding &finding) { return finding.code == u"range-contains-company-address"; }));
    }

    void addAndRemoveRows() {
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("addServicePushButton")), Qt::LeftButton);
        QCOMPARE(m_table->rowCount(), 3);
        QVERIFY(!m_page->isComplete()); // an empty row has no name and no address yet
        m_table->setCurrentCell(2, 0);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("removeServicePushButton")), Qt::LeftButton);
        QCOMPARE(m_table->rowCount(), 2);
        QVERIFY(m_page->isComplete());
    }

    void exportAndImportRoundTrip() {
        const QString file = m_data.filePath(QStringLiteral("exported.yaml"));
        Dialogs::setNextPath(file);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("exportPushButton")), Qt::LeftButton);
        const auto exported = ksw::SiteProfile::load(file);
        QVERIFY2(exported, exported ? "" : qPrintable(exported.error().toString()));
        QCOMPARE(exported->services().size(), 2);
        QCOMPARE(exported->services().at(1).scheme, ksw::SiteProfile::Scheme::Http);
        QCOMPARE(exported->verificationImage(),
                 QStringLiteral("docker-registry.hideichi.as.a.service.com/someapp:latest"));

        m_table->setRowCount(0);
        Dialogs::setNextPath(file);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QCOMPARE(m_table->rowCount(), 2);
        QCOMPARE(m_wizard->session()->site().services().at(0).address.toString(), QStringLiteral("10.244.10.130"));
    }

    void importOfABrokenProfileSaysWhereAndKeepsTheTables() {
        const QString file = m_data.filePath(QStringLiteral("broken.yaml"));
        QVERIFY(ksw::test::writeAll(file, "services:\n  - name: X\n    address: nope\n"));
        Dialogs::recordedWarnings().clear();
        QVERIFY(!m_page->importProfile(file));
        QCOMPARE(Dialogs::recordedWarnings().size(), 1);
        QVERIFY(Dialogs::recordedWarnings().first().contains(file + QStringLiteral(":3:")));
        QCOMPARE(m_table->rowCount(), 2);
    }

private:
    QTemporaryDir m_data;
    std::unique_ptr<ksw::test::DemoWizard> m_demo;
    MainWizard *m_wizard = nullptr;
    ServicesPage *m_page = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_problem = nullptr;
};

QTEST_MAIN(TestServicesPage)
#include "TestServicesPage.moc"
