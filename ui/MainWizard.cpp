// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "MainWizard.h"

#include "pages/DnsPage.h"
#include "pages/OpenPage.h"
#include "pages/RangesPage.h"
#include "pages/RegistriesPage.h"
#include "pages/ReviewPage.h"
#include "pages/ServicesPage.h"
#include "session/WizardSession.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>

MainWizard::MainWizard(QWidget *parent)
    : QWizard(parent)
    , m_session(new ksw::WizardSession(this)) {
    setObjectName(QStringLiteral("mainWizard"));
    setWindowTitle(tr("Kubespray Wizard", "@title:window"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kubespray-wizard.svg")));
    // Classic style: plain widgets that draw the same locally and over ssh -X, no animations.
    setWizardStyle(QWizard::ClassicStyle);
    setPixmap(QWizard::LogoPixmap, windowIcon().pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setMinimumSize(860, 640);
    setStyleSheet(QStringLiteral("QLineEdit[invalid=\"true\"] { border: 1px solid #c0392b; background: #fdecea; }"));

    setPage(OpenPageId, new OpenPage(m_session, this));
    setPage(ServicesPageId, new ServicesPage(m_session, this));
    setPage(RangesPageId, new RangesPage(m_session, this));
    setPage(RegistriesPageId, new RegistriesPage(m_session, this));
    setPage(DnsPageId, new DnsPage(m_session, this));
    setPage(ReviewPageId, new ReviewPage(m_session, this));
    setStartId(OpenPageId);
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

OpenPage *MainWizard::openPage() const {
    return static_cast<OpenPage *>(page(OpenPageId));
}
