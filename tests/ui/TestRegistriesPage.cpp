// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "DemoWizard.h"
#include "TestSupport.h"

#include "MainWizard.h"
#include "pages/RegistriesPage.h"
#include "session/WizardSession.h"
#include "widgets/FindingsView.h"

#include <QComboBox>
#include <QLabel>
#include <QObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Registry = QStringLiteral("docker-registry.hideichi.as.a.service.com");
const QString HttpMissing = QStringLiteral("registry-http-without-mirror");

bool changesKey(const ksw::WizardSession &session, const QString &key) {
    const auto &changes = session.changes().changes();
    return std::any_of(changes.cbegin(), changes.cend(), [&](const ksw::SettingChange &c) { return c.key == key; });
}

} // namespace

/// The registries page, shown in the real wizard on the scenario's demo (Kubespray v2.25.0, an HTTP-only registry).
class TestRegistriesPage : public QObject {
    Q_OBJECT

private slots:
    void init() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        m_demo = std::make_unique<ksw::test::DemoWizard>(); // a fresh copy for each test
        QVERIFY(m_demo->isOpen());
        m_wizard = m_demo->wizard();
        m_page = static_cast<RegistriesPage *>(m_demo->showPage(MainWizard::RegistriesPageId));
        QVERIFY(m_page);
        m_table = m_page->findChild<QTableWidget *>(QStringLiteral("registriesTableWidget"));
        m_preview = m_page->findChild<QPlainTextEdit *>(QStringLiteral("previewPlainTextEdit"));
        m_findings = m_page->findChild<FindingsView *>(QStringLiteral("findingsView"));
        m_unknown = m_page->findChild<QLabel *>(QStringLiteral("unknownSchemeLabel"));
        m_version = m_page->findChild<QLabel *>(QStringLiteral("versionNoteLabel"));
        QVERIFY(m_table && m_preview && m_findings && m_unknown && m_version);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("whatIsThisLabel")));
    }

    void cleanup() { m_demo.reset(); }

    void theHttpRegistryGetsAHostsToml() {
        QCOMPARE(m_table->rowCount(), 1);
        QCOMPARE(m_table->item(0, RegistriesPage::HostColumn)->text(), Registry);
        QCOMPARE(m_table->item(0, RegistriesPage::SourceColumn)->text(), QStringLiteral("Docker Registry"));
        QCOMPARE(scheme()->currentIndex(), int(RegistriesPage::HttpChoice));
        QCOMPARE(scheme()->currentText(), QStringLiteral("HTTP only"));
        QCOMPARE(m_table->item(0, RegistriesPage::SkipVerifyColumn)->text(), QStringLiteral("—"));
        // The page opens with the fix chosen, but first says what breaks today: containerd would try HTTPS.
        const QStringList today =
            m_page->findChild<FindingsView *>(QStringLiteral("todayFindingsView"))->shownCodes();
        QVERIFY2(today.contains(QStringLiteral("registry-http-without-mirror")), qPrintable(today.join(u' ')));
        QVERIFY(!m_findings->shownCodes().contains(QStringLiteral("registry-http-without-mirror")));

        const QString preview = m_preview->toPlainText();
        QVERIFY2(
            preview.contains(QStringLiteral("# /etc/containerd/certs.d/") + Registry + QStringLiteral("/hosts.toml\n")),
            qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("server = \"http://") + Registry + u'"'));
        QVERIFY(preview.contains(QStringLiteral("[host.\"http://") + Registry + QStringLiteral("\"]")));
        QVERIFY(preview.contains(QStringLiteral("  skip_verify = true\n  override_path = false\n")));
        // Kubespray's docker.io entry is kept, and config.toml is pointed at certs.d.
        QVERIFY(preview.contains(QStringLiteral("# /etc/containerd/certs.d/docker.io/hosts.toml\n")));
        QVERIFY(preview.contains(QStringLiteral("config_path = \"/etc/containerd/certs.d\"")));
        QVERIFY(m_preview->isReadOnly());
        QVERIFY(m_preview->font().fixedPitch() || QFontInfo(m_preview->font()).fixedPitch());

        QVERIFY2(m_version->text().startsWith(QStringLiteral("Kubespray v2.25.0: containerd_registries_mirrors with "
                                                             "server:, and containerd_use_config_path")),
                 qPrintable(m_version->text()));
        QVERIFY(changesKey(*m_wizard->session(), QStringLiteral("containerd_registries_mirrors")));
        QVERIFY(changesKey(*m_wizard->session(), QStringLiteral("containerd_use_config_path")));
        QVERIFY(!m_findings->shownCodes().contains(HttpMissing));
        QVERIFY(m_unknown->isHidden());
        QVERIFY(m_page->isComplete());
    }

    // Unknown writes nothing for the registry. The site profile still says it speaks only HTTP, so the analysis
    // of the result must say pulls will fail: the page blocks until the user (or later the Probe) decides.
    void unknownWritesNothingAndBlocksWhileTheSiteSaysHttp() {
        QSignalSpy completeChanged(m_page, &QWizardPage::completeChanged);
        QComboBox *combo = scheme();
        combo->setCurrentIndex(RegistriesPage::UnknownChoice);

        QCOMPARE(m_wizard->session()->plan().registries.at(0).scheme, ksw::SiteProfile::Scheme::Unknown);
        QVERIFY(!changesKey(*m_wizard->session(), QStringLiteral("containerd_registries_mirrors")));
        QVERIFY(!m_preview->toPlainText().contains(Registry));
        // Nothing sets containerd_use_config_path either: v2.25 renders Kubespray's default list inline.
        QVERIFY(m_preview->toPlainText().contains(QStringLiteral("registry.mirrors.\"docker.io\"]")));
        QVERIFY(m_version->text().contains(QStringLiteral("is off")));
        QVERIFY(m_unknown->isVisible());
        QVERIFY(m_unknown->text().contains(Registry));
        QVERIFY(m_unknown->text().contains(QStringLiteral("curl")));
        QCOMPARE(m_table->item(0, RegistriesPage::SkipVerifyColumn)->text(), QStringLiteral("—"));
        QVERIFY(m_findings->shownCodes().contains(HttpMissing));
        QVERIFY(!m_page->isComplete());
        QVERIFY(!completeChanged.isEmpty());
        // The row was updated in place, not rebuilt under the user's hand.
        QCOMPARE(scheme(), combo);

        combo->setCurrentIndex(RegistriesPage::HttpChoice);
        QVERIFY(m_unknown->isHidden());
        QVERIFY(!m_findings->shownCodes().contains(HttpMissing));
        QVERIFY(m_page->isComplete());
    }

    void untrustedHttpsIsNotEnoughForAnHttpOnlyRegistry() {
        scheme()->setCurrentIndex(RegistriesPage::UntrustedHttpsChoice);
        const ksw::FixPlan::Registry registry = m_wizard->session()->plan().registries.at(0);
        QCOMPARE(registry.scheme, ksw::SiteProfile::Scheme::Https);
        QVERIFY(registry.skipVerify);
        const QString preview = m_preview->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("server = \"https://") + Registry +
                                  QStringLiteral("\"\n[host.\"https://") + Registry +
                                  QStringLiteral("\"]\n  capabilities = [\"pull\",\"resolve\"]\n"
                                                 "  skip_verify = true\n")),
                 qPrintable(preview));
        QCOMPARE(m_table->item(0, RegistriesPage::SkipVerifyColumn)->text(), QStringLiteral("yes"));
        QVERIFY(m_findings->shownCodes().contains(HttpMissing));
        QVERIFY(!m_page->isComplete());
    }

    void aRegistryOnlyTheVerificationImageNamesIsShownAsUnknown() {
        ksw::SiteProfile site = m_wizard->session()->site();
        site.setVerificationImage(QStringLiteral("registry.example.com:5000/team/app:1.0"));
        m_wizard->session()->setSite(site);
        QCOMPARE(m_table->rowCount(), 2);
        QCOMPARE(m_table->item(1, RegistriesPage::HostColumn)->text(), QStringLiteral("registry.example.com:5000"));
        QCOMPARE(m_table->item(1, RegistriesPage::SourceColumn)->text(), QStringLiteral("verification image"));
        const auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(1, RegistriesPage::SchemeColumn));
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), int(RegistriesPage::UnknownChoice));
        QVERIFY(m_unknown->isVisible());
        QVERIFY(m_unknown->text().contains(QStringLiteral("registry.example.com:5000")));
        // Nobody says it speaks HTTP: nothing blocks, the HTTP registry still gets its entry.
        QVERIFY(m_page->isComplete());
        QVERIFY(m_preview->toPlainText().contains(QStringLiteral("server = \"http://") + Registry + u'"'));
    }

private:
    QComboBox *scheme() const {
        return qobject_cast<QComboBox *>(m_table->cellWidget(0, RegistriesPage::SchemeColumn));
    }

    QTemporaryDir m_data;
    std::unique_ptr<ksw::test::DemoWizard> m_demo;
    MainWizard *m_wizard = nullptr;
    RegistriesPage *m_page = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    FindingsView *m_findings = nullptr;
    QLabel *m_unknown = nullptr;
    QLabel *m_version = nullptr;
};

QTEST_MAIN(TestRegistriesPage)
#include "TestRegistriesPage.moc"
