// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "MainWizard.h"

#include "Dialogs.h"
#include "deploy/DeployPipeline.h"
#include "pages/DeployPage.h"
#include "pages/DnsPage.h"
#include "pages/OpenPage.h"
#include "pages/RangesPage.h"
#include "pages/RegistriesPage.h"
#include "pages/ReviewPage.h"
#include "pages/ServicesPage.h"
#include "pages/VerifyPage.h"
#include "session/WizardSession.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>
#include <QScreen>
#include <QSettings>

namespace {
const QString GeometryKey = QStringLiteral("mainWizard/geometry");
} // namespace

MainWizard::MainWizard(QWidget *parent)
    : QWizard(parent)
    , m_session(new ksw::WizardSession(this))
    , m_pipeline(new ksw::DeployPipeline(this)) {
    setObjectName(QStringLiteral("mainWizard"));
    setWindowTitle(tr("Kubespray Wizard", "@title:window"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kubespray-wizard.svg")));
    // Classic style: plain widgets that draw the same locally and over ssh -X, no animations.
    setWizardStyle(QWizard::ClassicStyle);
    setPixmap(QWizard::LogoPixmap, windowIcon().pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setMinimumSize(860, 640);
    // The size it had last time; else room for the run's log where the screen allows, and never more than it.
    if (!restoreGeometry(QSettings().value(GeometryKey).toByteArray())) {
        QSize size(1100, 800);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size() * 9 / 10).expandedTo(minimumSize());
        resize(size);
    }
    setStyleSheet(QStringLiteral("QLineEdit[invalid=\"true\"] { border: 1px solid #c0392b; background: #fdecea; }"));

    setPage(OpenPageId, new OpenPage(m_session, this));
    setPage(ServicesPageId, new ServicesPage(m_session, this));
    setPage(RangesPageId, new RangesPage(m_session, this));
    setPage(RegistriesPageId, new RegistriesPage(m_session, this));
    setPage(DnsPageId, new DnsPage(m_session, this));
    setPage(ReviewPageId, new ReviewPage(m_session, this));
    setPage(DeployPageId, new DeployPage(m_session, m_pipeline, this));
    setPage(VerifyPageId, new VerifyPage(m_session, m_pipeline, this));
    setStartId(OpenPageId);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        // Back on the Open page, Next means the normal path again.
        if (id == OpenPageId)
            openPage()->setRedeployRequested(false);
    });
}

MainWizard::~MainWizard() {
    m_session->waitForOpen();
}

void MainWizard::applyLocaleFont() {
    const QString family = QStringLiteral("Noto Sans CJK JP");
    if (QLocale().language() != QLocale::Japanese || !QFontDatabase::families().contains(family))
        return;
    QFont font = QApplication::font();
    font.setFamily(family);
    QApplication::setFont(font);
}

MainWizard::PageId MainWizard::pageFor(ksw::Topic topic) {
    switch (topic) {
    case ksw::Topic::Ranges:
        return RangesPageId;
    case ksw::Topic::Registries:
        return RegistriesPageId;
    case ksw::Topic::Dns:
        return DnsPageId;
    case ksw::Topic::Nodes:
    case ksw::Topic::Access:
        return DeployPageId;
    case ksw::Topic::Inventory:
        break;
    }
    return OpenPageId;
}

OpenPage *MainWizard::openPage() const {
    return static_cast<OpenPage *>(page(OpenPageId));
}

DeployPage *MainWizard::deployPage() const {
    return static_cast<DeployPage *>(page(DeployPageId));
}

VerifyPage *MainWizard::verifyPage() const {
    return static_cast<VerifyPage *>(page(VerifyPageId));
}

void MainWizard::goToPage(PageId id) {
    if (visitedIds().contains(id)) {
        while (currentId() != id && currentId() != startId())
            back();
        return;
    }
    while (currentId() != OpenPageId && currentId() != -1)
        back();
    // next() stays put on a page that is not complete: then that page is where the user has to look anyway.
    for (int previous = -2; currentId() != id && currentId() != previous;) {
        previous = currentId();
        next();
    }
}

bool MainWizard::confirmLeavingUnsaved() {
    if (!m_session->hasUnsavedChanges())
        return true;
    const auto answer = Dialogs::question(
        this, tr("Save the changes?", "@title:window"),
        tr("The pages hold changes that are not written to the inventory yet (%n file(s)). Save them before "
           "closing? Discarded, they are gone; the company services are kept either way.",
           "", m_session->edit() ? int(m_session->edit()->files().size()) : 0),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        return true;
    if (answer != QMessageBox::Save)
        return false; // back to the wizard, nothing lost
    const auto saved = m_session->save();
    if (!saved) {
        Dialogs::warning(
            this, tr("Not saved", "@title:window"),
            tr("Nothing was written, and the changes are still on the pages: %1").arg(saved.error().toString()));
        return false;
    }
    return true;
}

void MainWizard::accept() {
    if (confirmLeavingUnsaved())
        QWizard::accept();
}

void MainWizard::done(int result) {
    QSettings().setValue(GeometryKey, saveGeometry());
    QWizard::done(result);
}

void MainWizard::reject() {
    if (m_pipeline->isRunning()) {
        if (Dialogs::question(this, tr("Stop the deploy?", "@title:window"),
                              tr("A deploy is running. Stop it and close the wizard? Ansible is interrupted; a "
                                 "half-run playbook leaves the nodes half-configured until the next deploy.")) !=
            QMessageBox::Yes)
            return;
        // Close once the playbook's processes are gone (the runner stops the whole process group).
        connect(m_pipeline, &ksw::DeployPipeline::finished, this, [this] { QWizard::reject(); });
        m_pipeline->cancel();
        return;
    }
    if (confirmLeavingUnsaved())
        QWizard::reject();
}
