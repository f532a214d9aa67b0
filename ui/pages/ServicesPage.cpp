// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/ServicesPage.h"
#include "ui_ServicesPage.h"

#include "Dialogs.h"
#include "session/WizardSession.h"
#include "site/SiteProfile.h"
#include "store/DurableFile.h"

#include <QComboBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QSet>
#include <QStyledItemDelegate>

namespace {

/// A cell that holds one keyword out of a few (role, scheme), shown by a translated label.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    ChoiceDelegate(QList<std::pair<QString, QString>> choices, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_choices(std::move(choices)) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override {
        auto *combo = new QComboBox(parent);
        for (const auto &[keyword, label] : m_choices)
            combo->addItem(label, keyword);
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::UserRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override {
        auto *combo = static_cast<QComboBox *>(editor);
        model->setData(index, combo->currentData(), Qt::UserRole);
        model->setData(index, combo->currentText(), Qt::DisplayRole);
    }

    QString labelOf(const QString &keyword) const {
        for (const auto &[key, label] : m_choices) {
            if (key == keyword)
                return label;
        }
        return keyword;
    }

private:
    QList<std::pair<QString, QString>> m_choices;
};

QString roleKeyword(ksw::SiteProfile::Role role) {
    switch (role) {
    case ksw::SiteProfile::Role::Dns:
        return QStringLiteral("dns");
    case ksw::SiteProfile::Role::Registry:
        return QStringLiteral("registry");
    case ksw::SiteProfile::Role::Other:
        break;
    }
    return QStringLiteral("other");
}

void markCell(QTableWidgetItem *item, const QString &problem) {
    item->setData(Qt::BackgroundRole, problem.isEmpty() ? QVariant() : QVariant(QColor(0xfd, 0xec, 0xea)));
    item->setToolTip(problem);
}

QTableWidgetItem *cell(QTableWidget *table, int row, int column) {
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    return item;
}

} // namespace

ServicesPage::ServicesPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::ServicesPage>()) {
    m_ui->setupUi(this);
    setTitle(tr("Company services", "@title:page"));
    setSubTitle(tr("What on the company network must the cluster respect?", "@subtitle:page"));
    m_ui->problemLabel->hide();

    auto *roles = new ChoiceDelegate({{QStringLiteral("dns"), tr("DNS server", "@item role")},
                                      {QStringLiteral("registry"), tr("Image registry", "@item role")},
                                      {QStringLiteral("other"), tr("Other", "@item role")}},
                                     this);
    auto *schemes = new ChoiceDelegate({{QStringLiteral("unknown"), tr("Unknown", "@item scheme")},
                                        {QStringLiteral("http"), tr("HTTP only", "@item scheme")},
                                        {QStringLiteral("https"), tr("HTTPS", "@item scheme")}},
                                       this);
    m_ui->servicesTableWidget->setItemDelegateForColumn(RoleColumn, roles);
    m_ui->servicesTableWidget->setItemDelegateForColumn(SchemeColumn, schemes);
    m_ui->servicesTableWidget->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->servicesTableWidget->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_ui->servicesTableWidget->horizontalHeader()->setSectionResizeMode(AddressColumn, QHeaderView::ResizeToContents);
    m_ui->servicesTableWidget->horizontalHeader()->setSectionResizeMode(DomainsColumn, QHeaderView::Stretch);
    m_ui->servicesTableWidget->verticalHeader()->hide();
    m_ui->networksTableWidget->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->networksTableWidget->verticalHeader()->hide();

    connect(m_ui->servicesTableWidget, &QTableWidget::itemChanged, this, &ServicesPage::tablesEdited);
    connect(m_ui->networksTableWidget, &QTableWidget::itemChanged, this, &ServicesPage::tablesEdited);
    connect(m_ui->verificationImageLineEdit, &QLineEdit::textEdited, this, &ServicesPage::tablesEdited);
    connect(m_ui->addServicePushButton, &QPushButton::clicked, this, [this] {
        addServiceRow({}, {}, {}, QStringLiteral("other"), QStringLiteral("unknown"));
        m_ui->servicesTableWidget->editItem(
            m_ui->servicesTableWidget->item(m_ui->servicesTableWidget->rowCount() - 1, 0));
    });
    connect(m_ui->removeServicePushButton, &QPushButton::clicked, this, [this] {
        m_ui->servicesTableWidget->removeRow(m_ui->servicesTableWidget->currentRow());
        tablesEdited();
    });
    connect(m_ui->addNetworkPushButton, &QPushButton::clicked, this, [this] { addNetworkRow({}, {}); });
    connect(m_ui->removeNetworkPushButton, &QPushButton::clicked, this, [this] {
        m_ui->networksTableWidget->removeRow(m_ui->networksTableWidget->currentRow());
        tablesEdited();
    });
    connect(m_ui->importPushButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFile(this, tr("Import a site profile", "@title:window"),
                                               tr("Site profiles (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            importProfile(path);
    });
    connect(m_ui->exportPushButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::saveFile(this, tr("Export the site profile", "@title:window"),
                                               tr("Site profiles (*.yaml *.yml)"), QStringLiteral("site.yaml"));
        if (path.isEmpty())
            return;
        if (auto problem = ksw::durable::write(path, this->session()->site().toYaml()))
            Dialogs::warning(this, tr("Export the site profile", "@title:window"),
                             tr("Cannot write %1: %2").arg(path, problem->message));
    });
}

ServicesPage::~ServicesPage() = default;

bool ServicesPage::isComplete() const {
    return m_valid;
}

void ServicesPage::initializePage() {
    fillTables(session()->site());
}

bool ServicesPage::importProfile(const QString &path) {
    const auto profile = ksw::SiteProfile::load(path);
    if (!profile) {
        Dialogs::warning(this, tr("Import a site profile", "@title:window"), profile.error().toString());
        return false;
    }
    fillTables(*profile);
    session()->setSite(*profile);
    return true;
}

void ServicesPage::fillTables(const ksw::SiteProfile &site) {
    m_filling = true;
    m_ui->servicesTableWidget->setRowCount(0);
    for (const auto &service : site.services()) {
        addServiceRow(service.name, service.address.toString(), service.domains.join(QStringLiteral(", ")),
                      roleKeyword(service.role), ksw::SiteProfile::schemeName(service.scheme));
    }
    m_ui->networksTableWidget->setRowCount(0);
    for (const auto &network : site.networks())
        addNetworkRow(network.name, network.range.toString());
    m_ui->verificationImageLineEdit->setText(site.verificationImage());
    m_filling = false;
    tablesEdited();
}

void ServicesPage::addServiceRow(const QString &name, const QString &address, const QString &domains,
                                 const QString &role, const QString &scheme) {
    const bool wasFilling = m_filling;
    m_filling = true;
    QTableWidget *table = m_ui->servicesTableWidget;
    const int row = table->rowCount();
    table->insertRow(row);
    cell(table, row, NameColumn)->setText(name);
    cell(table, row, AddressColumn)->setText(address);
    cell(table, row, DomainsColumn)->setText(domains);
    const auto *roles = static_cast<ChoiceDelegate *>(table->itemDelegateForColumn(RoleColumn));
    const auto *schemes = static_cast<ChoiceDelegate *>(table->itemDelegateForColumn(SchemeColumn));
    cell(table, row, RoleColumn)->setData(Qt::UserRole, role);
    cell(table, row, RoleColumn)->setText(roles->labelOf(role));
    cell(table, row, SchemeColumn)->setData(Qt::UserRole, scheme);
    cell(table, row, SchemeColumn)->setText(schemes->labelOf(scheme));
    m_filling = wasFilling;
    if (!m_filling)
        tablesEdited();
}

void ServicesPage::addNetworkRow(const QString &name, const QString &range) {
    const bool wasFilling = m_filling;
    m_filling = true;
    QTableWidget *table = m_ui->networksTableWidget;
    const int row = table->rowCount();
    table->insertRow(row);
    cell(table, row, NetworkNameColumn)->setText(name);
    cell(table, row, NetworkRangeColumn)->setText(range);
    m_filling = wasFilling;
    if (!m_filling)
        tablesEdited();
}

std::optional<ksw::SiteProfile> ServicesPage::profileFromTables(QStringList &problems) {
    ksw::SiteProfile profile = session()->site();
    QList<ksw::SiteProfile::Service> services;
    QSet<QString> names;
    QTableWidget *table = m_ui->servicesTableWidget;
    const bool blocked = table->signalsBlocked();
    table->blockSignals(true); // marking cells must not re-enter this
    for (int row = 0; row < table->rowCount(); ++row) {
        ksw::SiteProfile::Service service;
        service.name = cell(table, row, NameColumn)->text().trimmed();
        QString nameProblem;
        if (service.name.isEmpty())
            nameProblem = tr("Row %1: every service needs a name.").arg(row + 1);
        else if (names.contains(service.name))
            nameProblem = tr("Row %1: the name “%2” is used twice.").arg(row + 1).arg(service.name);
        names.insert(service.name);
        markCell(cell(table, row, NameColumn), nameProblem);

        const QString addressText = cell(table, row, AddressColumn)->text().trimmed();
        const auto address = ksw::IpAddress::parse(addressText);
        const QString addressProblem =
            address ? QString() : tr("Row %1: “%2” is not an IPv4 or IPv6 address.").arg(row + 1).arg(addressText);
        markCell(cell(table, row, AddressColumn), addressProblem);
        if (address)
            service.address = *address;

        QString domainProblem;
        for (const QString &domain : cell(table, row, DomainsColumn)
                                         ->text()
                                         .split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
            if (!ksw::SiteProfile::isDomainName(domain))
                domainProblem = tr("Row %1: “%2” is not a domain name.").arg(row + 1).arg(domain);
            service.domains.append(domain);
        }
        markCell(cell(table, row, DomainsColumn), domainProblem);

        const QString role = cell(table, row, RoleColumn)->data(Qt::UserRole).toString();
        service.role = role == u"dns"        ? ksw::SiteProfile::Role::Dns
                       : role == u"registry" ? ksw::SiteProfile::Role::Registry
                                             : ksw::SiteProfile::Role::Other;
        const QString scheme = cell(table, row, SchemeColumn)->data(Qt::UserRole).toString();
        if (service.role == ksw::SiteProfile::Role::Registry)
            service.scheme = scheme == u"http"    ? ksw::SiteProfile::Scheme::Http
                             : scheme == u"https" ? ksw::SiteProfile::Scheme::Https
                                                  : ksw::SiteProfile::Scheme::Unknown;
        for (const QString &problem : {nameProblem, addressProblem, domainProblem}) {
            if (!problem.isEmpty())
                problems.append(problem);
        }
        services.append(service);
    }
    table->blockSignals(blocked);

    QList<ksw::SiteProfile::Network> networks;
    QTableWidget *networkTable = m_ui->networksTableWidget;
    networkTable->blockSignals(true);
    for (int row = 0; row < networkTable->rowCount(); ++row) {
        const QString rangeText = cell(networkTable, row, NetworkRangeColumn)->text().trimmed();
        const auto parsed = ksw::Cidr::parse(rangeText);
        markCell(cell(networkTable, row, NetworkRangeColumn), parsed.cidr ? QString() : parsed.message);
        if (!parsed.cidr) {
            problems.append(tr("Network row %1: %2").arg(row + 1).arg(parsed.message));
            continue;
        }
        const QString name = cell(networkTable, row, NetworkNameColumn)->text().trimmed();
        networks.append({name.isEmpty() ? parsed.cidr->toString() : name, *parsed.cidr, 0});
    }
    networkTable->blockSignals(false);

    if (!problems.isEmpty())
        return std::nullopt;
    profile.setServices(services);
    profile.setNetworks(networks);
    profile.setVerificationImage(m_ui->verificationImageLineEdit->text().trimmed());
    return profile;
}

void ServicesPage::tablesEdited() {
    if (m_filling)
        return;
    QStringList problems;
    const auto profile = profileFromTables(problems);
    m_ui->problemLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->problemLabel->setVisible(!problems.isEmpty());
    const bool valid = profile.has_value();
    if (valid != m_valid) {
        m_valid = valid;
        emit completeChanged();
    }
    if (profile)
        session()->setSite(*profile);
}
