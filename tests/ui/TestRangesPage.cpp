// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"
#include "analysis/Analyzer.h"

#include "pages/RangesPage.h"
#include "session/WizardSession.h"
#include "widgets/AddressStrip.h"
#include "widgets/FindingsView.h"

#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

/// Before QApplication exists: the session keeps history and profiles under $XDG_DATA_HOME, never the user's.
struct PrivateDataHome {
    QTemporaryDir dir;
    PrivateDataHome() {
        qputenv("XDG_DATA_HOME", dir.path().toUtf8() + "/data");
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8() + "/config");
    }
};
const PrivateDataHome dataHome;

const ksw::Cidr Registry = ksw::Cidr::host(*ksw::IpAddress::parse(u"10.233.90.120"));

/// Pixels a person would call red: the strip's conflict colour, not its violet, blue or green.
int redPixels(const QImage &image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            const int hue = colour.hsvHue();
            if (hue >= 0 && (hue <= 12 || hue >= 348) && colour.hsvSaturation() > 150 && colour.value() > 120)
                ++count;
        }
    }
    return count;
}

std::optional<AddressStrip::Item> itemAt(const AddressStrip *strip, const ksw::Cidr &range) {
    for (const AddressStrip::Item &item : strip->items()) {
        if (item.range == range)
            return item;
    }
    return std::nullopt;
}

} // namespace

class TestRangesPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void demoShowsRegistryInsidePodRange();
    void originLabelsNameFileAndLine();
    void proposeMovesPodRangeOffRegistry();
    void typedRangeProblemBlocksNext_data();
    void typedRangeProblemBlocksNext();
    void typingKeepsTheCursor();
    void stripDrawsConflictsInRedOnly();
    void stripStacksCrowdedLabels();
    void stripIgnoresIpv6();

private:
    template <typename T> T *child(const char *name) const {
        T *widget = m_page->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void clickPropose() const;
    void type(QLineEdit *edit, const QString &text) const;

    std::unique_ptr<QTemporaryDir> m_workspace;
    std::unique_ptr<ksw::WizardSession> m_session;
    std::unique_ptr<RangesPage> m_page;
};

void TestRangesPage::init() {
    m_workspace = std::make_unique<QTemporaryDir>();
    QVERIFY(m_workspace->isValid());
    QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo")), m_workspace->path()));
    m_session = std::make_unique<ksw::WizardSession>();
    QSignalSpy opened(m_session.get(), &ksw::WizardSession::opened);
    m_session->open(m_workspace->filePath(QStringLiteral("mycluster")),
                    m_workspace->filePath(QStringLiteral("site.yaml")));
    m_session->waitForOpen();
    QCOMPARE(opened.count(), 1);
    QVERIFY(m_session->isOpen());

    m_page = std::make_unique<RangesPage>(m_session.get());
    m_page->resize(900, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    static_cast<QWizardPage *>(m_page.get())->initializePage();
}

void TestRangesPage::cleanup() {
    m_page.reset();
    m_session.reset();
    m_workspace.reset();
}

void TestRangesPage::clickPropose() const {
    auto *propose = child<QPushButton>("proposePushButton");
    QVERIFY(propose->isEnabled());
    QTest::mouseClick(propose, Qt::LeftButton);
}

void TestRangesPage::type(QLineEdit *edit, const QString &text) const {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestRangesPage::demoShowsRegistryInsidePodRange() {
    QCOMPARE(child<QLineEdit>("serviceRangeLineEdit")->text(), QStringLiteral("10.233.0.0/18"));
    QCOMPARE(child<QLineEdit>("podRangeLineEdit")->text(), QStringLiteral("10.233.64.0/18"));
    QCOMPARE(child<QLineEdit>("nodePrefixLineEdit")->text(), QStringLiteral("24"));
    QVERIFY(!child<QLabel>("whatIsThisLabel")->text().isEmpty());

    QVERIFY(!m_page->isComplete());
    // The reason is on screen: the finding in the page's list, naming the registry.
    auto *findings = child<FindingsView>("findingsView");
    QVERIFY(findings->shownCodes().contains(QStringLiteral("range-contains-company-address")));
    // Today's fault is said on the page first, in its own list.
    QVERIFY(child<FindingsView>("todayFindingsView")->shownCodes().contains(u"range-contains-company-address"));
    bool namesRegistry = false;
    for (int row = 0; row < findings->count(); ++row)
        namesRegistry = namesRegistry || findings->item(row)->text().contains(QStringLiteral("10.233.90.120"));
    QVERIFY(namesRegistry);
    // Only range findings here: the HTTP registry and the DNS belong to other pages.
    for (const QString &code : findings->shownCodes())
        QVERIFY2(ksw::Analyzer::kind(code)->topic == ksw::Topic::Ranges, qPrintable(code));
    // Nothing typed yet: no field problem, nothing changed.
    QVERIFY(child<QLabel>("podRangeProblemLabel")->isHidden());
    QVERIFY(child<QLabel>("rangesChangedLabel")->isHidden());
    QVERIFY(child<QPushButton>("proposePushButton")->isEnabled());

    const auto registry = itemAt(child<AddressStrip>("addressStrip"), Registry);
    QVERIFY(registry);
    QCOMPARE(registry->kind, AddressStrip::Kind::CompanyService);
    QVERIFY(registry->conflict);
}

void TestRangesPage::originLabelsNameFileAndLine() {
    QVERIFY2(child<QLabel>("podRangeOriginLabel")->text().contains(u"group_vars/k8s_cluster/k8s-cluster.yml:81"),
             qPrintable(child<QLabel>("podRangeOriginLabel")->text()));
    QVERIFY(child<QLabel>("serviceRangeOriginLabel")->text().contains(u"group_vars/k8s_cluster/k8s-cluster.yml:76"));
    QVERIFY(child<QLabel>("nodePrefixOriginLabel")->text().contains(u"group_vars/k8s_cluster/k8s-cluster.yml:98"));
    QVERIFY(child<QLabel>("podRangeOriginLabel")->text().contains(u"kube_pods_subnet"));
}

void TestRangesPage::proposeMovesPodRangeOffRegistry() {
    QSignalSpy completeChanged(m_page.get(), &QWizardPage::completeChanged);
    clickPropose();

    QCOMPARE(child<QLineEdit>("podRangeLineEdit")->text(), QStringLiteral("10.233.128.0/18"));
    QCOMPARE(child<QLineEdit>("serviceRangeLineEdit")->text(), QStringLiteral("10.233.0.0/18"));
    QCOMPARE(m_session->plan().podRange, QStringLiteral("10.233.128.0/18"));
    QVERIFY(!child<FindingsView>("findingsView")->shownCodes().contains(u"range-contains-company-address"));
    QVERIFY(m_page->isComplete());
    QVERIFY(completeChanged.count() > 0);
    QVERIFY(!child<QPushButton>("proposePushButton")->isEnabled());

    auto *changed = child<QLabel>("rangesChangedLabel");
    QVERIFY(!changed->isHidden());
    QVERIFY(changed->text().contains(u"reset.yml"));
    QVERIFY(changed->text().contains(u"cluster.yml"));
    // Today's value is still today's until saved.
    QVERIFY(child<QLabel>("podRangeOriginLabel")->text().contains(u"10.233.64.0/18"));

    const auto *strip = child<AddressStrip>("addressStrip");
    for (const AddressStrip::Item &item : strip->items())
        QVERIFY2(!item.conflict, qPrintable(AddressStrip::displayText(item)));
    const auto registry = itemAt(strip, Registry);
    QVERIFY(registry);
    QVERIFY(!registry->conflict);
    const auto pods = itemAt(strip, *ksw::Cidr::parse(u"10.233.128.0/18").cidr);
    QVERIFY(pods);
    QCOMPARE(pods->kind, AddressStrip::Kind::PodRange);
}

void TestRangesPage::typedRangeProblemBlocksNext_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problemLabel");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("pod range with host bits set")
        << "podRangeLineEdit"
        << "10.233.64.5/18"
        << "podRangeProblemLabel" << ksw::Cidr::parse(u"10.233.64.5/18").message;
    QTest::newRow("pod range garbage") << "podRangeLineEdit"
                                       << "garbage"
                                       << "podRangeProblemLabel" << ksw::Cidr::parse(u"garbage").message;
    QTest::newRow("pod range overlapping the service range") << "podRangeLineEdit"
                                                             << "10.233.0.0/16"
                                                             << "podRangeProblemLabel"
                                                             << "10.233.0.0/18";
    QTest::newRow("service range bare address")
        << "serviceRangeLineEdit"
        << "10.233.0.1"
        << "serviceRangeProblemLabel" << ksw::Cidr::parse(u"10.233.0.1").message;
    QTest::newRow("node prefix not a number") << "nodePrefixLineEdit"
                                              << "x24"
                                              << "nodePrefixProblemLabel"
                                              << "1 to 32";
}

void TestRangesPage::typedRangeProblemBlocksNext() {
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, problemLabel);
    QFETCH(QString, messagePart);

    clickPropose();
    QVERIFY(m_page->isComplete());
    auto *edit = m_page->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    const QString good = edit->text();

    type(edit, text);
    QVERIFY(!m_page->isComplete());
    auto *label = m_page->findChild<QLabel *>(problemLabel);
    QVERIFY(label);
    QVERIFY(!label->isHidden());
    QVERIFY(!messagePart.isEmpty());
    QVERIFY2(label->text().contains(messagePart), qPrintable(label->text()));
    QVERIFY(edit->property("invalid").toBool());
    QCOMPARE(edit->text(), text); // the page never rewrites what is being typed
    // The findings list does not describe the saved value meanwhile: it asks for the field first.
    auto *findings = m_page->findChild<FindingsView *>(QStringLiteral("findingsView"));
    QVERIFY(findings->shownCodes().isEmpty());
    QVERIFY2(findings->item(0)->text().contains(QStringLiteral("Correct the fields")),
             qPrintable(findings->item(0)->text()));

    type(edit, good);
    QVERIFY(!findings->item(0)->text().contains(QStringLiteral("Correct the fields")));
    QVERIFY(m_page->isComplete());
    QVERIFY(label->isHidden());
    QVERIFY(!edit->property("invalid").toBool());
}

void TestRangesPage::typingKeepsTheCursor() {
    auto *pods = child<QLineEdit>("podRangeLineEdit");
    pods->setFocus();
    // "10.233.64.0/18" -> "10.233.164.0/18": a digit typed in the middle.
    pods->setCursorPosition(7);
    QTest::keyClick(pods, Qt::Key_1);
    QCOMPARE(pods->text(), QStringLiteral("10.233.164.0/18"));
    QCOMPARE(pods->cursorPosition(), 8);
    QCOMPARE(m_session->plan().podRange, QStringLiteral("10.233.164.0/18"));
    // 10.233.164.0/18 has host bits set (the network is 10.233.128.0/18): shown, cursor untouched.
    QVERIFY(!child<QLabel>("podRangeProblemLabel")->isHidden());
    QCOMPARE(pods->cursorPosition(), 8);
}

void TestRangesPage::stripDrawsConflictsInRedOnly() {
    auto *strip = child<AddressStrip>("addressStrip");
    QCoreApplication::processEvents(); // the layout gives the strip the height its labels need
    QVERIFY(strip->width() > 300);
    QVERIFY(strip->height() >= strip->heightForWidth(strip->width()));
    const QImage before = strip->grab().toImage();
    QVERIFY2(redPixels(before) > 50, "the registry inside the pod range is drawn in red");

    clickPropose();
    QCoreApplication::processEvents();
    const QImage after = strip->grab().toImage();
    QCOMPARE(redPixels(after), 0);

    // Typed ranges overlapping each other: red again (hatched overlap), though the field also says so.
    type(child<QLineEdit>("podRangeLineEdit"), QStringLiteral("10.233.0.0/17"));
    QCoreApplication::processEvents();
    QVERIFY(redPixels(strip->grab().toImage()) > 50);
}

void TestRangesPage::stripStacksCrowdedLabels() {
    AddressStrip strip;
    const auto host = [](const char *text) {
        return ksw::Cidr::host(*ksw::IpAddress::parse(QString::fromLatin1(text)));
    };
    const ksw::Cidr pods = *ksw::Cidr::parse(u"10.233.64.0/18").cidr;
    strip.setItems({{QStringLiteral("Pods"), pods, AddressStrip::Kind::PodRange, true},
                    {QStringLiteral("Registry"), host("10.233.90.120"), AddressStrip::Kind::CompanyService, true}});
    const int single = strip.heightForWidth(700);
    strip.setItems({{QStringLiteral("Pods"), pods, AddressStrip::Kind::PodRange, true},
                    {QStringLiteral("Registry"), host("10.233.90.120"), AddressStrip::Kind::CompanyService, true},
                    {QStringLiteral("Mirror"), host("10.233.90.121"), AddressStrip::Kind::CompanyService, true},
                    {QStringLiteral("Proxy"), host("10.233.90.122"), AddressStrip::Kind::CompanyService, true}});
    QVERIFY2(strip.heightForWidth(700) > single, "labels of close addresses go in rows, not on top of each other");
    QCOMPARE(strip.items().size(), 4);
    QVERIFY(strip.sizeHint().width() >= 600);
}

void TestRangesPage::stripIgnoresIpv6() {
    AddressStrip strip;
    strip.resize(700, 120);
    strip.setItems({{QStringLiteral("v6"), *ksw::Cidr::parse(u"fd00::/64").cidr, AddressStrip::Kind::PodRange, true}});
    // Nothing IPv4 to draw: the "nothing to show" text, and no red.
    QCOMPARE(redPixels(strip.grab().toImage()), 0);
}

QTEST_MAIN(TestRangesPage)
#include "TestRangesPage.moc"
