// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "DemoWizard.h"
#include "TestSupport.h"

#include "MainWizard.h"
#include "pages/DnsPage.h"
#include "session/WizardSession.h"
#include "widgets/FindingsView.h"
#include "yaml/YamlValues.h"

#include <QLabel>
#include <QLineEdit>
#include <QObject>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString CompanyDns = QStringLiteral("company-dns-not-used");
const QString Zone = QStringLiteral("hideichi.as.a.service.com");

std::optional<ksw::SettingChange> change(const ksw::WizardSession &session, const QString &key) {
    for (const ksw::SettingChange &c : session.changes().changes()) {
        if (c.key == key)
            return c;
    }
    return std::nullopt;
}

/// Replaces a field's text by typing, as a user does.
void type(QLineEdit *edit, const QString &text) {
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

} // namespace

/// The DNS page, shown in the real wizard on the scenario's demo (NodeLocalDNS on, company DNS 10.244.10.130).
class TestDnsPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        m_demo = std::make_unique<ksw::test::DemoWizard>(); // a fresh copy for each test
        QVERIFY(m_demo->isOpen());
        m_wizard = m_demo->wizard();
        m_page = static_cast<DnsPage *>(m_demo->showPage(MainWizard::DnsPageId));
        QVERIFY(m_page);
        m_forwardAll = m_page->findChild<QRadioButton *>(QStringLiteral("forwardAllRadioButton"));
        m_zonesMode = m_page->findChild<QRadioButton *>(QStringLiteral("zonesRadioButton"));
        m_servers = m_page->findChild<QLineEdit *>(QStringLiteral("dnsServersLineEdit"));
        m_zones = m_page->findChild<QLineEdit *>(QStringLiteral("zonesLineEdit"));
        m_serversProblem = m_page->findChild<QLabel *>(QStringLiteral("dnsServersProblemLabel"));
        m_zonesProblem = m_page->findChild<QLabel *>(QStringLiteral("zonesProblemLabel"));
        m_nodeLocal = m_page->findChild<QLabel *>(QStringLiteral("nodeLocalDnsNoteLabel"));
        m_preview = m_page->findChild<QPlainTextEdit *>(QStringLiteral("previewPlainTextEdit"));
        m_findings = m_page->findChild<FindingsView *>(QStringLiteral("findingsView"));
        QVERIFY(m_forwardAll && m_zonesMode && m_servers && m_zones && m_serversProblem && m_zonesProblem &&
                m_nodeLocal && m_preview && m_findings);
    }

    void cleanup() { m_demo.reset(); }

    void forwardAllSendsEveryOtherNameToTheCompanyDns() {
        QVERIFY(m_forwardAll->isChecked());
        QCOMPARE(m_servers->text(), QStringLiteral("10.244.10.130"));
        // First what breaks today: pods would not ask the company DNS.
        QVERIFY(m_page->findChild<FindingsView *>(QStringLiteral("todayFindingsView"))
                    ->shownCodes()
                    .contains(CompanyDns));
        QVERIFY(!m_zones->isEnabled());
        const QString preview = m_preview->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("forward . 10.244.10.130")), qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("NodeLocalDNS sends every other name straight to 10.244.10.130.")));
        const auto upstream = change(*m_wizard->session(), QStringLiteral("upstream_dns_servers"));
        QVERIFY(upstream);
        QCOMPARE(ksw::yaml::toStringList(upstream->value), QStringList{QStringLiteral("10.244.10.130")});
        QVERIFY(m_nodeLocal->isVisible());
        QVERIFY(m_nodeLocal->text().contains(QStringLiteral("upstream_dns_servers")));
        QVERIFY(m_serversProblem->isHidden());
        QVERIFY(!m_findings->shownCodes().contains(CompanyDns));
        QVERIFY(m_page->isComplete());
    }

    void zonesWithoutAZoneBlockWithTheReason() {
        QSignalSpy completeChanged(m_page, &QWizardPage::completeChanged);
        QTest::mouseClick(m_zonesMode, Qt::LeftButton);
        QVERIFY(m_zonesMode->isChecked());
        QCOMPARE(m_wizard->session()->plan().dnsMode, ksw::FixPlan::DnsMode::CompanyZones);
        QVERIFY(m_zones->isEnabled());
        QVERIFY(m_zonesProblem->isVisible());
        QVERIFY2(m_zonesProblem->text().contains(QStringLiteral("Name at least one company zone")),
                 qPrintable(m_zonesProblem->text()));
        QVERIFY(m_zones->property("invalid").toBool());
        // No findings of values the page does not hold: the list asks for the field first.
        QVERIFY(m_findings->shownCodes().isEmpty());
        QCOMPARE(m_findings->count(), 1);
        QVERIFY2(m_findings->item(0)->text().contains(QStringLiteral("Correct the fields")),
                 qPrintable(m_findings->item(0)->text()));
        QVERIFY(!m_page->isComplete());
        QVERIFY(!completeChanged.isEmpty());
    }

    void companyZonesAreWrittenForCoreDnsAndNodeLocalDns() {
        QTest::mouseClick(m_zonesMode, Qt::LeftButton);
        type(m_zones, Zone);
        QCOMPARE(m_wizard->session()->plan().zones, QStringList{Zone});
        QVERIFY(m_zonesProblem->isHidden());

        const auto core = change(*m_wizard->session(), QStringLiteral("coredns_external_zones"));
        const auto local = change(*m_wizard->session(), QStringLiteral("nodelocaldns_external_zones"));
        QVERIFY(core && local);
        QCOMPARE(ksw::yaml::toStringList(core->value[0]["zones"]), QStringList{Zone});
        QCOMPARE(ksw::yaml::toStringList(local->value[0]["nameservers"]), QStringList{QStringLiteral("10.244.10.130")});
        QVERIFY(!change(*m_wizard->session(), QStringLiteral("upstream_dns_servers")));

        const QString preview = m_preview->toPlainText();
        QVERIFY2(preview.contains(Zone + QStringLiteral(" {\n    forward . 10.244.10.130\n    cache 5\n}\n")),
                 qPrintable(preview));
        QVERIFY(preview.contains(Zone + QStringLiteral(" {\n    bind 169.254.25.10\n    forward . 10.244.10.130\n"
                                                       "    cache 30\n}\n")));
        QVERIFY(preview.contains(QStringLiteral("NodeLocalDNS sends ") + Zone + QStringLiteral(" to 10.244.10.130.")));
        QVERIFY(m_nodeLocal->text().contains(QStringLiteral("nodelocaldns_external_zones")));
        QVERIFY(!m_findings->shownCodes().contains(CompanyDns));
        QVERIFY(m_page->isComplete());

        // And back: forwarding everything again writes upstream_dns_servers, the zone field is kept but off.
        QTest::mouseClick(m_forwardAll, Qt::LeftButton);
        QVERIFY(!m_zones->isEnabled());
        QCOMPARE(m_zones->text(), Zone);
        QVERIFY(change(*m_wizard->session(), QStringLiteral("upstream_dns_servers")));
        QVERIFY(!change(*m_wizard->session(), QStringLiteral("coredns_external_zones")));
        QVERIFY(m_page->isComplete());
    }

    void typingIsNotRewrittenAndBadAddressesAreNamed() {
        type(m_servers, QStringLiteral("10.244.10.130, "));
        QCOMPARE(m_servers->text(), QStringLiteral("10.244.10.130, ")); // the trailing separator stays while typing
        QCOMPARE(m_servers->cursorPosition(), int(m_servers->text().size()));
        QTest::keyClicks(m_servers, QStringLiteral("10.244.10.300"));
        QCOMPARE(m_wizard->session()->plan().dnsServers,
                 (QStringList{QStringLiteral("10.244.10.130"), QStringLiteral("10.244.10.300")}));
        QVERIFY(m_serversProblem->isVisible());
        QVERIFY(m_serversProblem->text().contains(QStringLiteral("10.244.10.300")));
        QVERIFY(!m_page->isComplete());

        type(m_servers, QStringLiteral("10.244.10.130 10.244.10.131"));
        QVERIFY(m_serversProblem->isHidden());
        QVERIFY(m_preview->toPlainText().contains(QStringLiteral("forward . 10.244.10.130 10.244.10.131")));
        QVERIFY(m_page->isComplete());
    }

    void splitListAcceptsCommasAndSpaces() {
        QCOMPARE(DnsPage::splitList(QStringLiteral(" a.example, b.example  c.example,,")),
                 (QStringList{QStringLiteral("a.example"), QStringLiteral("b.example"), QStringLiteral("c.example")}));
        QCOMPARE(DnsPage::splitList(QStringLiteral(" , ")), QStringList());
    }

private:
    QTemporaryDir m_data;
    std::unique_ptr<ksw::test::DemoWizard> m_demo;
    MainWizard *m_wizard = nullptr;
    DnsPage *m_page = nullptr;
    QRadioButton *m_forwardAll = nullptr;
    QRadioButton *m_zonesMode = nullptr;
    QLineEdit *m_servers = nullptr;
    QLineEdit *m_zones = nullptr;
    QLabel *m_serversProblem = nullptr;
    QLabel *m_zonesProblem = nullptr;
    QLabel *m_nodeLocal = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    FindingsView *m_findings = nullptr;
};

QTEST_MAIN(TestDnsPage)
#include "TestDnsPage.moc"
