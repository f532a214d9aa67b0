// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/RegistriesPage.h"
#include "ui_RegistriesPage.h"

#include "ProbeStatus.h"

#include "analysis/ContainerdPreview.h"
#include "session/WizardSession.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QStyle>

namespace {

const char HostProperty[] = "registryHost";

RegistriesPage::SchemeChoice choiceOf(const ksw::FixPlan::Registry &registry) {
    switch (registry.scheme) {
    case ksw::SiteProfile::Scheme::Http:
        return RegistriesPage::HttpChoice;
    case ksw::SiteProfile::Scheme::Https:
        return registry.skipVerify ? RegistriesPage::UntrustedHttpsChoice : RegistriesPage::HttpsChoice;
    case ksw::SiteProfile::Scheme::Unknown:
        break;
    }
    return RegistriesPage::UnknownChoice;
}

/// Only when something differs: a rewrite would reset what the user is looking at.
void setCell(QTableWidget *table, int row, int column, const QString &text, const QString &toolTip,
             const QIcon &icon = {}) {
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled);
        table->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    if (item->toolTip() != toolTip)
        item->setToolTip(toolTip);
    if (item->icon().isNull() != icon.isNull())
        item->setIcon(icon);
}

} // namespace

RegistriesPage::RegistriesPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::RegistriesPage>()) {
    m_ui->setupUi(this);
    m_ui->findingsView->setTopic(ksw::Topic::Registries);
    m_ui->todayFindingsView->setTopic(ksw::Topic::Registries);
    const QString registriesFine =
        tr("containerd reaches every registry of the company services the way the registry answers.", "@info findings");
    m_ui->todayFindingsView->setAllClearText(registriesFine);
    m_ui->findingsView->setAllClearText(registriesFine);
    new ProbeStatus(
        session, m_ui->probePushButton, m_ui->probeStatusLabel,
        [](const ksw::ProbeReport &report) {
            QStringList lines;
            for (const ksw::RegistryProbe::Result &result : report.registries) {
                QString line = result.host + QStringLiteral(": ") + result.summary();
                if (result.imageFound.has_value())
                    line += QLatin1Char(' ') + (*result.imageFound
                                                    ? tr("The image %1 exists.", "@info probe").arg(result.image)
                                                    : tr("The image %1 is missing.", "@info probe").arg(result.image));
                lines.append(line);
            }
            return lines.isEmpty() ? tr("No registry to ask.", "@info probe") : lines.join(QLatin1Char('\n'));
        },
        this);
    setTitle(tr("Registries", "@title:page"));
    setSubTitle(tr("How should containerd reach each image registry?", "@subtitle:page"));

    QHeaderView *header = m_ui->registriesTableWidget->horizontalHeader();
    header->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SchemeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SkipVerifyColumn, QHeaderView::ResizeToContents);
    m_ui->registriesTableWidget->verticalHeader()->hide();
    m_ui->registriesTableWidget->setWordWrap(false);

    m_ui->previewPlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previewPlainTextEdit->setUndoRedoEnabled(false);
    // Room for one finding with its explanation (more scroll); the preview takes the rest.
    m_ui->findingsView->setFixedHeight(fontMetrics().height() * 5);
    m_ui->noRegistriesLabel->hide();
    m_ui->unknownSchemeLabel->hide();
}

RegistriesPage::~RegistriesPage() = default;

bool RegistriesPage::isComplete() const {
    return session()->isOpen() && !session()->hasBlocking(ksw::Topic::Registries);
}

QStringList RegistriesPage::shownHosts() const {
    QStringList hosts;
    for (int row = 0; row < m_ui->registriesTableWidget->rowCount(); ++row) {
        const QTableWidgetItem *item = m_ui->registriesTableWidget->item(row, HostColumn);
        hosts.append(item ? item->text() : QString());
    }
    return hosts;
}

void RegistriesPage::syncRows(const ksw::FixPlan &plan) {
    QStringList hosts;
    for (const auto &registry : plan.registries)
        hosts.append(registry.host);
    if (hosts == shownHosts())
        return;
    QTableWidget *table = m_ui->registriesTableWidget;
    table->setRowCount(0);
    table->setRowCount(int(hosts.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        setCell(table, row, HostColumn, hosts.at(row), {});
        auto *combo = new QComboBox(table);
        combo->setObjectName(QStringLiteral("schemeComboBox"));
        combo->setProperty(HostProperty, hosts.at(row));
        combo->setAccessibleName(tr("Scheme of %1", "@label:listbox").arg(hosts.at(row)));
        // Same order as SchemeChoice.
        combo->addItem(tr("Unknown", "@item scheme"));
        combo->addItem(tr("HTTP only", "@item scheme"));
        combo->addItem(tr("HTTPS", "@item scheme"));
        combo->addItem(tr("HTTPS, untrusted certificate", "@item scheme"));
        combo->setItemData(UnknownChoice, tr("Nothing is written; containerd tries HTTPS.", "@info:tooltip"),
                           Qt::ToolTipRole);
        combo->setItemData(HttpChoice, tr("A mirror entry with an http:// host.", "@info:tooltip"), Qt::ToolTipRole);
        combo->setItemData(HttpsChoice, tr("containerd's default: nothing needs to be written.", "@info:tooltip"),
                           Qt::ToolTipRole);
        combo->setItemData(UntrustedHttpsChoice,
                           tr("A mirror entry with an https:// host and skip_verify: true.", "@info:tooltip"),
                           Qt::ToolTipRole);
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, combo](int choice) { schemeChosen(combo->property(HostProperty).toString(), choice); });
        table->setCellWidget(row, SchemeColumn, combo);
    }
    // Rows tall enough for the combo boxes; the table tall enough for every row and no taller, as the preview
    // below needs the room.
    if (auto *combo = qobject_cast<QComboBox *>(table->cellWidget(0, SchemeColumn)))
        table->verticalHeader()->setDefaultSectionSize(
            qMax(table->verticalHeader()->defaultSectionSize(), combo->sizeHint().height()));
    const int rows = qBound(1, table->rowCount(), 6); // more scroll
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth() +
                          rows * table->verticalHeader()->defaultSectionSize() + 2);
}

void RegistriesPage::updateRow(int row, const ksw::FixPlan &plan) {
    QTableWidget *table = m_ui->registriesTableWidget;
    const ksw::FixPlan::Registry &registry = plan.registries.at(row);
    const SchemeChoice choice = choiceOf(registry);

    const QIcon warning = choice == UnknownChoice ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon();
    setCell(table, row, HostColumn, registry.host,
            choice == UnknownChoice ? tr("Nobody has said yet how this registry is reached.", "@info:tooltip")
                                    : QString(),
            warning);
    setCell(
        table, row, SourceColumn,
        registry.serviceName.isEmpty() ? tr("verification image", "@item source of a registry") : registry.serviceName,
        registry.serviceName.isEmpty() ? tr("Only the verification image names this registry.", "@info:tooltip")
                                       : tr("The company service “%1”.", "@info:tooltip").arg(registry.serviceName));

    QString skip;
    QString skipTip;
    switch (choice) {
    case UnknownChoice:
        skip = tr("—", "@item skip verify: nothing written");
        skipTip = tr("Nothing is written for this registry.", "@info:tooltip");
        break;
    case HttpChoice:
        // Plain HTTP has no certificate to check: the entry carries skip_verify as Kubespray's docs write it, but a
        // "yes" here would read as a choice that means something.
        skip = tr("—", "@item skip verify: nothing written");
        skipTip = tr("Plain HTTP has no certificate to check.", "@info:tooltip");
        break;
    case HttpsChoice:
        skip = tr("no", "@item skip verify");
        skipTip = tr("The certificate must be signed by an authority the nodes trust.", "@info:tooltip");
        break;
    case UntrustedHttpsChoice:
        skip = tr("yes", "@item skip verify");
        skipTip =
            tr("Any certificate is accepted: only for a registry of your own on the company network.", "@info:tooltip");
        break;
    }
    setCell(table, row, SkipVerifyColumn, skip, skipTip);

    if (auto *combo = qobject_cast<QComboBox *>(table->cellWidget(row, SchemeColumn));
        combo && combo->currentIndex() != choice) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(choice);
    }
}

void RegistriesPage::schemeChosen(const QString &host, int choice) {
    ksw::FixPlan plan = session()->plan();
    for (ksw::FixPlan::Registry &registry : plan.registries) {
        if (registry.host != host)
            continue;
        switch (choice) {
        case HttpChoice:
            registry.scheme = ksw::SiteProfile::Scheme::Http;
            registry.skipVerify = true;
            break;
        case HttpsChoice:
            registry.scheme = ksw::SiteProfile::Scheme::Https;
            registry.skipVerify = false;
            break;
        case UntrustedHttpsChoice:
            registry.scheme = ksw::SiteProfile::Scheme::Https;
            registry.skipVerify = true;
            break;
        default:
            registry.scheme = ksw::SiteProfile::Scheme::Unknown;
            registry.skipVerify = false;
            break;
        }
    }
    session()->setPlan(plan);
}

void RegistriesPage::refresh() {
    if (!session()->isOpen())
        return;
    const ksw::FixPlan &plan = session()->plan();
    syncRows(plan);
    QStringList unknown;
    for (int row = 0; row < plan.registries.size(); ++row) {
        updateRow(row, plan);
        if (plan.registries.at(row).scheme == ksw::SiteProfile::Scheme::Unknown)
            unknown.append(plan.registries.at(row).host);
    }
    m_ui->registriesTableWidget->setVisible(!plan.registries.isEmpty());
    m_ui->noRegistriesLabel->setVisible(plan.registries.isEmpty());
    m_ui->unknownSchemeLabel->setText(
        tr("Nobody has said yet how %1 is reached, so nothing is written for it and containerd will try HTTPS. "
           "Choose the scheme here if you know it (curl http://REGISTRY/v2/_catalog answering means HTTP).",
           "@info")
            .arg(unknown.join(QStringLiteral(", "))));
    m_ui->unknownSchemeLabel->setVisible(!unknown.isEmpty());

    QString preview;
    if (const ksw::ClusterConfig *planned = session()->plannedConfig()) {
        m_ui->versionNoteLabel->setText(ksw::ContainerdPreview::summary(*planned));
        preview = ksw::ContainerdPreview::toText(ksw::ContainerdPreview::render(*planned));
    } else {
        m_ui->versionNoteLabel->setText(tr("The files cannot be previewed: %1", "@info").arg(session()->editError()));
    }
    if (m_ui->previewPlainTextEdit->toPlainText() != preview)
        m_ui->previewPlainTextEdit->setPlainText(preview);
    showTodayAndAfter(m_ui->todayFindingsView, m_ui->findingsView);
}
