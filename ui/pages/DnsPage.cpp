// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/DnsPage.h"
#include "ui_DnsPage.h"

#include "ProbeStatus.h"

#include "analysis/DnsPreview.h"
#include "session/WizardSession.h"

#include <QEvent>
#include <QFontDatabase>
#include <QRegularExpression>
#include <QSignalBlocker>

namespace {

/// Rewrites the field only when it means something else than `items`: "10.0.0.1, " while typing stays.
void setListIfDifferent(QLineEdit *edit, const QStringList &items) {
    if (DnsPage::splitList(edit->text()) != items)
        edit->setText(items.join(QStringLiteral(", ")));
}

} // namespace

DnsPage::DnsPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::DnsPage>()) {
    m_ui->setupUi(this);
    m_ui->findingsView->setTopic(ksw::Topic::Dns);
    m_ui->todayFindingsView->setTopic(ksw::Topic::Dns);
    const QString dnsFine = tr("Pods ask the company DNS for the names only it knows.", "@info findings");
    m_ui->todayFindingsView->setAllClearText(dnsFine);
    m_ui->findingsView->setAllClearText(dnsFine);
    new ProbeStatus(
        session, m_ui->probePushButton, m_ui->probeStatusLabel,
        [](const ksw::ProbeReport &report) {
            QStringList lines;
            for (const ksw::DnsProbe::Result &result : report.dns)
                lines.append(result.server + QStringLiteral(": ") + result.summary());
            const QStringList only = report.namesOnlyCompanyDnsKnows();
            if (!only.isEmpty())
                lines.append(
                    tr("Only the company DNS resolves %1: pods will not, until it is named here.", "@info probe")
                        .arg(only.join(QStringLiteral(", "))));
            return lines.isEmpty() ? tr("No company DNS server or name to ask.", "@info probe")
                                   : lines.join(QLatin1Char('\n'));
        },
        this);
    setTitle(tr("DNS", "@title:page"));
    setSubTitle(tr("How should pods reach the company DNS?", "@subtitle:page"));

    m_ui->previewPlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previewPlainTextEdit->setUndoRedoEnabled(false);
    // Room for one finding with its explanation (more scroll); the preview takes the rest.
    m_ui->findingsView->setFixedHeight(fontMetrics().height() * 5);
    m_ui->dnsServersLineEdit->setWhatsThis(
        tr("The addresses of the company DNS servers, separated by commas or spaces.", "@info:whatsthis"));
    m_ui->zonesLineEdit->setWhatsThis(
        tr("The company's DNS domains (zones) whose names only the company DNS knows, such as corp.example.com.",
           "@info:whatsthis"));
    for (QLabel *label : {m_ui->dnsServersProblemLabel, m_ui->zonesProblemLabel, m_ui->nodeLocalDnsNoteLabel})
        label->hide();
    colourProblemLabels();

    connect(m_ui->dnsServersLineEdit, &QLineEdit::textEdited, this, &DnsPage::fieldsEdited);
    connect(m_ui->zonesLineEdit, &QLineEdit::textEdited, this, &DnsPage::fieldsEdited);
    // One of the two toggles on every change of mode: listening to one is enough.
    connect(m_ui->zonesRadioButton, &QRadioButton::toggled, this, &DnsPage::modeChosen);
}

DnsPage::~DnsPage() = default;

QStringList DnsPage::splitList(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool DnsPage::isComplete() const {
    if (!session()->isOpen())
        return false;
    for (const ksw::FixPlan::Problem &problem : session()->problems()) {
        if (problem.field == u"dnsServers" || problem.field == u"zones")
            return false;
    }
    return !session()->hasBlocking(ksw::Topic::Dns);
}

void DnsPage::fieldsEdited() {
    ksw::FixPlan plan = session()->plan();
    plan.dnsServers = splitList(m_ui->dnsServersLineEdit->text());
    plan.zones = splitList(m_ui->zonesLineEdit->text());
    session()->setPlan(plan);
}

void DnsPage::modeChosen() {
    ksw::FixPlan plan = session()->plan();
    plan.dnsMode = m_ui->zonesRadioButton->isChecked() ? ksw::FixPlan::DnsMode::CompanyZones
                                                       : ksw::FixPlan::DnsMode::ForwardEverything;
    session()->setPlan(plan);
}

void DnsPage::refresh() {
    if (!session()->isOpen())
        return;
    const ksw::FixPlan &plan = session()->plan();
    const bool zones = plan.dnsMode == ksw::FixPlan::DnsMode::CompanyZones;
    if (m_ui->zonesRadioButton->isChecked() != zones) {
        const QSignalBlocker blocker(m_ui->zonesRadioButton);
        (zones ? m_ui->zonesRadioButton : m_ui->forwardAllRadioButton)->setChecked(true);
    }
    setListIfDifferent(m_ui->dnsServersLineEdit, plan.dnsServers);
    setListIfDifferent(m_ui->zonesLineEdit, plan.zones);
    m_ui->zonesLineEdit->setEnabled(zones);
    m_ui->zonesLabel->setEnabled(zones);

    QStringList serverProblems, zoneProblems;
    for (const ksw::FixPlan::Problem &problem : session()->problems()) {
        if (problem.field == u"dnsServers")
            serverProblems.append(problem.message);
        else if (problem.field == u"zones")
            zoneProblems.append(problem.message);
    }
    const QChar newline = QLatin1Char('\n');
    showProblem(m_ui->dnsServersProblemLabel, m_ui->dnsServersLineEdit, serverProblems.join(newline));
    showProblem(m_ui->zonesProblemLabel, m_ui->zonesLineEdit, zones ? zoneProblems.join(newline) : QString());

    const ksw::ClusterConfig *planned = session()->plannedConfig();
    const bool nodeLocal = planned && planned->nodeLocalDnsEnabled();
    m_ui->nodeLocalDnsNoteLabel->setText(
        zones ? tr("NodeLocalDNS is on: pods ask it first, and it sends names outside the cluster straight upstream "
                   "without asking CoreDNS. So the zones are written twice: coredns_external_zones for CoreDNS and "
                   "nodelocaldns_external_zones for NodeLocalDNS.",
                   "@info")
              : tr("NodeLocalDNS is on: pods ask it first, and it sends names outside the cluster straight upstream "
                   "without asking CoreDNS. Both read upstream_dns_servers, so that one setting reaches both.",
                   "@info"));
    m_ui->nodeLocalDnsNoteLabel->setVisible(nodeLocal);

    QString preview;
    if (planned)
        preview = ksw::DnsPreview::toText(*planned);
    else
        preview = tr("Nothing to preview: %1", "@info").arg(session()->editError());
    if (m_ui->previewPlainTextEdit->toPlainText() != preview)
        m_ui->previewPlainTextEdit->setPlainText(preview);
    showTodayAndAfter(
        m_ui->todayFindingsView, m_ui->findingsView,
        serverProblems.isEmpty() && (!zones || zoneProblems.isEmpty())
            ? QString()
            : tr("Correct the fields marked in red: what would break follows what you type.", "@info findings"));
}

void DnsPage::colourProblemLabels() {
    // A red that reads on the palette in use (light or dark).
    const QPalette base = palette();
    const bool dark = base.color(QPalette::Window).lightnessF() < 0.5;
    QPalette red = base;
    red.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x28));
    m_ui->dnsServersProblemLabel->setPalette(red);
    m_ui->zonesProblemLabel->setPalette(red);
}

void DnsPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        colourProblemLabels();
    WizardPage::changeEvent(event);
}
