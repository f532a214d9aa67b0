// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "DemoWizard.h"
#include "ScenarioExpectations.h"
#include "TestSupport.h"

#include "CommandLine.h"
#include "Dialogs.h"
#include "MainWizard.h"
#include "analysis/Analyzer.h"
#include "pages/OpenPage.h"
#include "session/WizardSession.h"
#include "site/SiteProfile.h"
#include "store/InventoryStore.h"
#include "widgets/DiffView.h"
#include "widgets/FindingsView.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QObject>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool hasJapanese(const QString &text) {
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return text.contains(japanese);
}

template <typename T> T *child(QWidget *page, const char *name) {
    T *widget = page->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no %s on %s", name, qPrintable(page->objectName()));
    return widget;
}

} // namespace

/// Drives the real wizard, offscreen, from Open to Save on the scenario's demo. The language comes from
/// KSW_TEST_LANG (en or ja): CTest runs it once in each.
class TestWizardFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_data.path().toUtf8()); // recent inventories (QSettings)
        m_language = qEnvironmentVariable("KSW_TEST_LANG", QStringLiteral("en"));
        ksw::cli::installTranslations(m_language);
    }

    void openToSave() {
        MainWizard wizard;
        wizard.resize(1000, 720);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(MainWizard::OpenPageId));
        QWidget *open = wizard.currentPage();
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

        // Open the demo as a person would: the button copies the bundled scenario to a fresh workspace.
        QTest::mouseClick(child<QPushButton>(open, "demoPushButton"), Qt::LeftButton);
        wizard.session()->waitForOpen();
        QTRY_VERIFY(wizard.session()->isOpen());
        const QString inventory = wizard.session()->inventoryDirectory();
        QVERIFY(inventory.startsWith(m_data.path()));
        const auto original = ksw::test::snapshot(inventory);
        QVERIFY(child<QLabel>(open, "versionValueLabel")->text().contains(u"v2.25.0"));
        // The three faults of the scenario, as they are today.
        const QStringList today = child<FindingsView>(open, "currentFindingsView")->shownCodes();
        for (const char *code :
             {"range-contains-company-address", "registry-http-without-mirror", "company-dns-not-used"})
            QVERIFY2(today.contains(QLatin1String(code)), code);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(MainWizard::ServicesPageId));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(MainWizard::RangesPageId));
        QWidget *ranges = wizard.currentPage();
        // The registry's address is inside the pod range: Next waits until that is fixed.
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<FindingsView>(ranges, "findingsView")->shownCodes().contains(u"range-contains-company-address"));
        QTest::mouseClick(child<QPushButton>(ranges, "proposePushButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(ranges, "podRangeLineEdit")->text(), QStringLiteral("10.233.128.0/18"));
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(MainWizard::RegistriesPageId));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(MainWizard::DnsPageId));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(MainWizard::ReviewPageId));
        QWidget *review = wizard.currentPage();
        const auto diffs = review->findChildren<DiffView *>();
        QCOMPARE(diffs.size(), 3);
        QCOMPARE(ksw::test::snapshot(inventory), original); // nothing written before Save
        QTest::mouseClick(child<QPushButton>(review, "savePushButton"), Qt::LeftButton);

        QCOMPARE(ksw::test::snapshot(inventory), ksw::test::scenarioFixedFiles(original));
        // The files as they were are kept outside the inventory, and the page says where.
        const auto entries = wizard.session()->history();
        QCOMPARE(entries.size(), 1);
        const ksw::History history(inventory);
        QVERIFY(history.folder().startsWith(m_data.path() + QStringLiteral("/kubespray-wizard/")));
        QVERIFY(QFile::exists(history.folder() + QLatin1Char('/') + entries.first().id +
                              QStringLiteral("/files/group_vars/all/all.yml")));
        QVERIFY(child<QLabel>(review, "saveStatusLabel")->text().contains(QDir::toNativeSeparators(history.folder())));
        // Nothing left to save, and none of the three faults remains.
        QVERIFY(!child<QPushButton>(review, "savePushButton")->isEnabled());
        QVERIFY(!wizard.session()->hasBlocking());

        // "Restore an earlier version" puts the original bytes back, after asking.
        auto *versions = child<QComboBox>(review, "historyComboBox");
        QCOMPARE(versions->count(), 1);
        Dialogs::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(review, "restorePushButton"), Qt::LeftButton);
        QCOMPARE(ksw::test::snapshot(inventory), original);
        QCOMPARE(versions->count(), 2); // the restore is itself undoable
    }

    /// Escape, closing the window, Cancel and Finish with unsaved changes ask Save / Discard / Back; Back keeps
    /// everything, Discard leaves the files as they are, Save writes them. Without changes nothing is asked.
    void leavingWithUnsavedChangesAsks() {
        ksw::test::DemoWizard demo;
        QVERIFY(demo.isOpen());
        MainWizard &wizard = *demo.wizard();
        QVERIFY(demo.showPage(MainWizard::RangesPageId));
        const auto original = ksw::test::snapshot(demo.inventoryPath());
        wizard.session()->proposeFreeRanges();
        QVERIFY(wizard.session()->hasUnsavedChanges());

        Dialogs::setNextAnswer(QMessageBox::Cancel);
        QTest::keyClick(&wizard, Qt::Key_Escape);
        QVERIFY(wizard.isVisible());
        Dialogs::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!wizard.close());
        QVERIFY(wizard.isVisible());
        Dialogs::setNextAnswer(QMessageBox::Cancel);
        wizard.accept(); // Finish
        QVERIFY(wizard.isVisible());
        QVERIFY(wizard.session()->hasUnsavedChanges()); // Back: the work is still on the pages
        QCOMPARE(ksw::test::snapshot(demo.inventoryPath()), original);

        Dialogs::setNextAnswer(QMessageBox::Discard);
        wizard.reject();
        QVERIFY(!wizard.isVisible());
        QCOMPARE(ksw::test::snapshot(demo.inventoryPath()), original);

        QVERIFY(demo.showPage(MainWizard::ReviewPageId));
        Dialogs::setNextAnswer(QMessageBox::Save);
        wizard.accept();
        QVERIFY(!wizard.isVisible());
        QVERIFY(ksw::test::snapshot(demo.inventoryPath()) != original);
        QVERIFY(!wizard.session()->hasUnsavedChanges());

        // Nothing unsaved: no question (an answer left waiting would keep the window open).
        QVERIFY(demo.showPage(MainWizard::ReviewPageId));
        Dialogs::setNextAnswer(QMessageBox::Cancel);
        wizard.reject();
        QVERIFY(!wizard.isVisible());
        Dialogs::setNextAnswer(QMessageBox::NoButton); // consume the unused answer
        (void)Dialogs::question(nullptr, {}, {});
    }

    /// The company services are kept for the inventory as soon as they are set: a restart finds them.
    void companyServicesAreKeptAtOnce() {
        ksw::test::DemoWizard demo;
        QVERIFY(demo.isOpen());
        const ksw::InventoryStore store(demo.inventoryPath());
        QFile::remove(store.siteProfilePath());
        auto profile =
            ksw::SiteProfile::parse("services:\n  - {name: Wiki, address: 10.250.0.7}\n", QStringLiteral("typed"));
        QVERIFY(profile);
        demo->session()->setSite(*profile);
        QVERIFY(demo->session()->siteKeepError().isEmpty());
        QVERIFY(QFile::exists(store.siteProfilePath()));
        ksw::WizardSession again;
        again.open(demo.inventoryPath());
        again.waitForOpen();
        QVERIFY(again.isOpen());
        QCOMPARE(again.site().services().size(), 1);
        QCOMPARE(again.site().services().first().name, QStringLiteral("Wiki"));
    }

    /// Every code docs/findings.md documents is one the analyzer raises, and the page for its topic has a list
    /// that shows it (a page picks its findings by topic, never by a list of codes of its own).
    void everyDocumentedFindingHasAPage() {
        QFile docs(ksw::test::sourcePath(QStringLiteral("docs/findings.md")));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        QSet<QString> documented;
        static const QRegularExpression row(QStringLiteral("^\\| `([a-z0-9-]+)` \\|"),
                                            QRegularExpression::MultilineOption);
        for (auto match = row.globalMatch(QString::fromUtf8(docs.readAll())); match.hasNext();)
            documented.insert(match.next().captured(1));
        QSet<QString> raised;
        for (const ksw::FindingKind &kind : ksw::Analyzer::kinds())
            raised.insert(kind.code);
        QCOMPARE(documented, raised);

        MainWizard wizard;
        for (const ksw::FindingKind &kind : ksw::Analyzer::kinds()) {
            QWizardPage *page = wizard.page(MainWizard::pageFor(kind.topic));
            QVERIFY2(page, qPrintable(kind.code));
            bool shown = false;
            for (const FindingsView *view : page->findChildren<FindingsView *>())
                shown = shown || !view->topic() || *view->topic() == kind.topic;
            QVERIFY2(shown, qPrintable(kind.code + u" has no list on "_s + page->objectName()));
        }
    }

    void everyPageExplainsItselfInTheChosenLanguage() {
        MainWizard wizard;
        for (const int id : wizard.pageIds()) {
            QWizardPage *page = wizard.page(id);
            auto *help = page->findChild<QLabel *>(QStringLiteral("whatIsThisLabel"));
            QVERIFY2(help && help->text().size() > 60, qPrintable(page->title()));
            QVERIFY2(!page->title().isEmpty(), qPrintable(QString::number(id)));
            if (m_language == u"ja") {
                QVERIFY2(hasJapanese(page->title()), qPrintable(page->title()));
                QVERIFY2(hasJapanese(help->text()), qPrintable(help->text()));
            }
        }
        if (m_language == u"ja") {
            for (const auto button :
                 {QWizard::NextButton, QWizard::BackButton, QWizard::CancelButton, QWizard::FinishButton})
                QVERIFY2(hasJapanese(wizard.button(button)->text()), qPrintable(wizard.button(button)->text()));
            const auto buttons = wizard.findChildren<QPushButton *>();
            for (const QPushButton *button : buttons) {
                if (!button->text().isEmpty())
                    QVERIFY2(hasJapanese(button->text()), qPrintable(button->objectName() + u' ' + button->text()));
            }
        }
    }

private:
    QTemporaryDir m_data;
    QString m_language;
};

QTEST_MAIN(TestWizardFlow)
#include "TestWizardFlow.moc"
