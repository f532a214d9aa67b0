// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "RegistryServer.h"
#include "TestSupport.h"

#include "MainWizard.h"
#include "session/WizardSession.h"

#include <QLabel>
#include <QObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

/// The Registries page's "Ask the registries" button against a real HTTP registry on loopback: the answer is
/// shown in words and decides the scheme nobody had stated. No DNS server is named, so nothing is looked up.
class TestProbeButton : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_dir.path().toUtf8());
        QString error;
        QVERIFY2(m_registry.start(&error), qPrintable(error));
        QVERIFY2(ksw::test::pushBusyboxImage(m_registry.hostPort(), QStringLiteral("someapp"), QStringLiteral("latest"),
                                             &error),
                 qPrintable(error));
        QVERIFY(ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo/mycluster")),
                                    m_dir.filePath(QStringLiteral("mycluster"))));
        m_site = m_dir.filePath(QStringLiteral("site.yaml"));
        QVERIFY(ksw::test::writeAll(m_site, QStringLiteral("services:\n"
                                                           "  - {name: Registry, address: 127.0.0.1, port: %1, "
                                                           "role: registry}\n"
                                                           "verification: {image: %2/someapp:latest}\n")
                                                .arg(m_registry.port())
                                                .arg(m_registry.hostPort())
                                                .toUtf8()));
    }

    void askTheRegistries() {
        MainWizard wizard;
        wizard.session()->open(m_dir.filePath(QStringLiteral("mycluster")), m_site);
        wizard.session()->waitForOpen();
        QVERIFY(wizard.session()->isOpen());
        QWizardPage *page = wizard.page(MainWizard::RegistriesPageId);
        page->initializePage();
        QCOMPARE(wizard.session()->plan().registries.first().scheme, ksw::SiteProfile::Scheme::Unknown);

        QSignalSpy finished(wizard.session(), &ksw::WizardSession::probeFinished);
        auto *button = page->findChild<QPushButton *>(QStringLiteral("probePushButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled()); // no second probe while one runs
        QVERIFY(finished.wait(30000));
        QVERIFY(button->isEnabled());
        const QString status = page->findChild<QLabel *>(QStringLiteral("probeStatusLabel"))->text();
        QVERIFY2(status.contains(m_registry.hostPort()) && status.contains(u"HTTP only"), qPrintable(status));
        QVERIFY2(status.contains(u"someapp:latest exists"), qPrintable(status));
        // The answer decides: the registry is HTTP only, and the plan writes its mirror entry.
        QCOMPARE(wizard.session()->plan().registries.first().scheme, ksw::SiteProfile::Scheme::Http);
        QCOMPARE(wizard.session()->site().services().first().scheme, ksw::SiteProfile::Scheme::Http);
        bool mirrorWritten = false;
        for (const ksw::SettingChange &change : wizard.session()->changes().changes())
            mirrorWritten = mirrorWritten || change.key == u"containerd_registries_mirrors";
        QVERIFY(mirrorWritten);
        QVERIFY(
            std::none_of(wizard.session()->findings().cbegin(), wizard.session()->findings().cend(),
                         [](const ksw::Finding &finding) { return finding.code == u"registry-http-without-mirror"; }));
    }

private:
    QTemporaryDir m_dir;
    ksw::test::RegistryServer m_registry;
    QString m_site;
};

QTEST_MAIN(TestProbeButton)
#include "TestProbeButton.moc"
