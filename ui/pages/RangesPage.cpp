// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "pages/RangesPage.h"
#include "ui_RangesPage.h"

#include "analysis/NodeAddresses.h"

#include "kubespray/ClusterConfig.h"
#include "session/WizardSession.h"
#include "site/SiteProfile.h"
#include "yaml/YamlValues.h"

#include <QEvent>

#include <optional>

namespace {

const QString ServiceRangeVariable = QStringLiteral("kube_service_addresses");
const QString PodRangeVariable = QStringLiteral("kube_pods_subnet");
const QString NodePrefixVariable = QStringLiteral("kube_network_node_prefix");

/// An IPv4 range typed in a field; nothing when it is not one.
std::optional<ksw::Cidr> typedRange(const QString &text) {
    const auto parsed = ksw::Cidr::parse(text);
    if (parsed.cidr && parsed.cidr->isV4())
        return parsed.cidr;
    return std::nullopt;
}

/// True when what is typed means something else than today's value.
bool rangeDiffers(const QString &typed, const QString &today) {
    const auto a = ksw::Cidr::parse(typed);
    const auto b = ksw::Cidr::parse(today);
    if (a.cidr && b.cidr)
        return *a.cidr != *b.cidr;
    return typed.trimmed() != today.trimmed();
}

/// Only when the text differs: setText() moves the cursor to the end, which must not happen while typing.
void setTextIfDifferent(QLineEdit *edit, const QString &text) {
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

RangesPage::RangesPage(ksw::WizardSession *session, QWidget *parent)
    : WizardPage(session, parent)
    , m_ui(std::make_unique<Ui::RangesPage>()) {
    m_ui->setupUi(this);
    m_ui->findingsView->setTopic(ksw::Topic::Ranges);
    m_ui->todayFindingsView->setTopic(ksw::Topic::Ranges);
    const QString rangesFine =
        tr("The ranges hold no company or node address, and do not overlap each other.", "@info findings");
    m_ui->todayFindingsView->setAllClearText(rangesFine);
    m_ui->findingsView->setAllClearText(rangesFine);
    setTitle(tr("Address ranges", "@title:page"));
    setSubTitle(tr("Which addresses may the cluster keep for its pods and services?", "@subtitle:page"));

    // Wide enough for any IPv4 range, in the font's own units (high DPI, large fonts).
    const int fieldWidth =
        fontMetrics().horizontalAdvance(QStringLiteral("000.000.000.000/00")) + fontMetrics().height() * 2;
    for (QLineEdit *edit : {m_ui->serviceRangeLineEdit, m_ui->podRangeLineEdit, m_ui->nodePrefixLineEdit}) {
        edit->setMinimumWidth(fieldWidth);
        connect(edit, &QLineEdit::textEdited, this, &RangesPage::fieldsEdited);
    }
    m_ui->fieldsGridLayout->setColumnStretch(2, 1);
    m_ui->serviceRangeLineEdit->setWhatsThis(
        tr("kube_service_addresses: the addresses Kubernetes gives to services (ClusterIPs).", "@info:whatsthis"));
    m_ui->podRangeLineEdit->setWhatsThis(
        tr("kube_pods_subnet: the addresses pods get; each node receives a share of it.", "@info:whatsthis"));
    m_ui->nodePrefixLineEdit->setWhatsThis(
        tr("kube_network_node_prefix: the size of each node's share of the pod range, as a prefix length. "
           "With Calico, calico_pool_blocksize decides the blocks instead.",
           "@info:whatsthis"));
    m_ui->proposePushButton->setToolTip(
        tr("Moves each range that holds a company or node address to the first free range of the same size.",
           "@info:tooltip"));
    m_ui->findingsView->setMinimumHeight(fontMetrics().height() * 5);
    for (QLabel *label : {m_ui->serviceRangeProblemLabel, m_ui->podRangeProblemLabel, m_ui->nodePrefixProblemLabel,
                          m_ui->rangesChangedLabel})
        label->hide();
    colourProblemLabels();

    connect(m_ui->proposePushButton, &QPushButton::clicked, this, [this] { this->session()->proposeFreeRanges(); });
}

RangesPage::~RangesPage() = default;

bool RangesPage::isComplete() const {
    if (!session()->isOpen())
        return false;
    for (const ksw::FixPlan::Problem &problem : session()->problems()) {
        if (problem.field == u"serviceRange" || problem.field == u"podRange" || problem.field == u"nodePrefix")
            return false;
    }
    return !session()->hasBlocking(ksw::Topic::Ranges);
}

void RangesPage::fieldsEdited() {
    ksw::FixPlan plan = session()->plan();
    plan.serviceRange = m_ui->serviceRangeLineEdit->text();
    plan.podRange = m_ui->podRangeLineEdit->text();
    plan.nodePrefix = m_ui->nodePrefixLineEdit->text();
    session()->setPlan(plan);
}

void RangesPage::refresh() {
    if (!session()->isOpen())
        return;
    const ksw::FixPlan &plan = session()->plan();
    setTextIfDifferent(m_ui->serviceRangeLineEdit, plan.serviceRange);
    setTextIfDifferent(m_ui->podRangeLineEdit, plan.podRange);
    setTextIfDifferent(m_ui->nodePrefixLineEdit, plan.nodePrefix);

    QStringList serviceProblems, podProblems, prefixProblems;
    for (const ksw::FixPlan::Problem &problem : session()->problems()) {
        if (problem.field == u"serviceRange")
            serviceProblems.append(problem.message);
        else if (problem.field == u"podRange")
            podProblems.append(problem.message);
        else if (problem.field == u"nodePrefix")
            prefixProblems.append(problem.message);
    }
    const QChar newline = QLatin1Char('\n');
    showProblem(m_ui->serviceRangeProblemLabel, m_ui->serviceRangeLineEdit, serviceProblems.join(newline));
    showProblem(m_ui->podRangeProblemLabel, m_ui->podRangeLineEdit, podProblems.join(newline));
    showProblem(m_ui->nodePrefixProblemLabel, m_ui->nodePrefixLineEdit, prefixProblems.join(newline));

    showOrigins();
    showTodayAndAfter(
        m_ui->todayFindingsView, m_ui->findingsView,
        serviceProblems.isEmpty() && podProblems.isEmpty() && prefixProblems.isEmpty()
            ? QString()
            : tr("Correct the fields marked in red: what would break follows what you type.", "@info findings"));
    m_ui->addressStrip->setItems(stripItems());

    const ksw::ClusterConfig &today = session()->assessment()->config();
    const auto todayText = [&](const QString &name) {
        return ksw::yaml::scalarText(today.value(name).value);
    };
    const bool changed = rangeDiffers(plan.serviceRange, todayText(ServiceRangeVariable)) ||
                         rangeDiffers(plan.podRange, todayText(PodRangeVariable)) ||
                         plan.nodePrefix.trimmed() != todayText(NodePrefixVariable).trimmed();
    m_ui->rangesChangedLabel->setVisible(changed);
    m_ui->proposePushButton->setEnabled(session()->hasBlocking(ksw::Topic::Ranges));
}

void RangesPage::showOrigins() {
    const ksw::ClusterConfig &today = session()->assessment()->config();
    const auto show = [&](QLabel *label, const QString &name) {
        const ksw::Setting setting = today.value(name);
        const QString value = setting.isDefined() ? ksw::yaml::scalarText(setting.value) : tr("unset", "@info value");
        label->setText(tr("%1 is %2 today (%3)", "@info origin: variable, value, file:line or default")
                           .arg(name, value, setting.origin.describe()));
        label->setToolTip(setting.origin.file);
    };
    show(m_ui->serviceRangeOriginLabel, ServiceRangeVariable);
    show(m_ui->podRangeOriginLabel, PodRangeVariable);
    show(m_ui->nodePrefixOriginLabel, NodePrefixVariable);
}

QList<AddressStrip::Item> RangesPage::stripItems() const {
    using Item = AddressStrip::Item;
    using Kind = AddressStrip::Kind;
    QList<Item> others;
    const ksw::SiteProfile &site = session()->site();
    for (const ksw::SiteProfile::Service &service : site.services()) {
        if (service.address.isV4())
            others.append({service.name, ksw::Cidr::host(service.address), Kind::CompanyService, false});
    }
    for (const ksw::SiteProfile::Network &network : site.networks()) {
        if (network.range.isV4())
            others.append({network.name, network.range, Kind::CompanyNetwork, false});
    }

    if (const ksw::ClusterConfig *config = session()->plannedConfig()) {
        // The addresses nodes are reached on, as the analysis reads them; one marker per distinct address.
        QList<ksw::NodeAddress> distinct;
        for (const ksw::NodeAddress &node : ksw::nodeAddresses(config->inventory(), false)) {
            if (std::none_of(distinct.cbegin(), distinct.cend(), [&](const ksw::NodeAddress &seen) {
                    return seen.host == node.host && seen.address == node.address;
                }))
                distinct.append(node);
        }
        for (const ksw::NodeAddress &node : distinct) {
            const auto perHost = std::count_if(distinct.cbegin(), distinct.cend(),
                                               [&](const ksw::NodeAddress &other) { return other.host == node.host; });
            const QString label = perHost == 1 ? node.host : node.host + QLatin1Char(' ') + node.variable;
            others.append({label, ksw::Cidr::host(node.address), Kind::Node, false});
        }
        if (config->nodeLocalDnsEnabled()) {
            const auto address =
                ksw::IpAddress::parse(ksw::yaml::scalarText(config->value(QStringLiteral("nodelocaldns_ip")).value));
            if (address && address->isV4())
                others.append(
                    {tr("NodeLocalDNS", "@item address strip"), ksw::Cidr::host(*address), Kind::NodeLocalDns, false});
        }
    }

    const ksw::FixPlan &plan = session()->plan();
    const std::optional<ksw::Cidr> services = typedRange(plan.serviceRange);
    const std::optional<ksw::Cidr> pods = typedRange(plan.podRange);
    const auto inCluster = [&](const ksw::Cidr &range) {
        return (services && services->overlaps(range)) || (pods && pods->overlaps(range));
    };
    const bool rangesOverlap = services && pods && services->overlaps(*pods);

    QList<Item> items;
    if (services) {
        const bool conflict = rangesOverlap || std::any_of(others.cbegin(), others.cend(), [&](const Item &item) {
                                  return services->overlaps(item.range);
                              });
        items.append({tr("Services", "@item address strip"), *services, Kind::ServiceRange, conflict});
    }
    if (pods) {
        const bool conflict = rangesOverlap || std::any_of(others.cbegin(), others.cend(), [&](const Item &item) {
                                  return pods->overlaps(item.range);
                              });
        items.append({tr("Pods", "@item address strip"), *pods, Kind::PodRange, conflict});
    }
    for (Item &item : others) {
        item.conflict = inCluster(item.range);
        items.append(item);
    }
    return items;
}

void RangesPage::colourProblemLabels() {
    // Red that reads on the palette in use; the origin is secondary, so a softer text colour.
    const QPalette base = palette();
    const bool dark = base.color(QPalette::Window).lightnessF() < 0.5;
    const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x28);
    for (QLabel *label : {m_ui->serviceRangeProblemLabel, m_ui->podRangeProblemLabel, m_ui->nodePrefixProblemLabel}) {
        QPalette palette = base;
        palette.setColor(QPalette::WindowText, red);
        label->setPalette(palette);
    }
    const QColor text = base.color(QPalette::WindowText);
    const QColor window = base.color(QPalette::Window);
    const QColor soft =
        QColor::fromRgbF(text.redF() * 0.7f + window.redF() * 0.3f, text.greenF() * 0.7f + window.greenF() * 0.3f,
                         text.blueF() * 0.7f + window.blueF() * 0.3f);
    for (QLabel *label : {m_ui->serviceRangeOriginLabel, m_ui->podRangeOriginLabel, m_ui->nodePrefixOriginLabel}) {
        QPalette palette = base;
        palette.setColor(QPalette::WindowText, soft);
        label->setPalette(palette);
    }
}

void RangesPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        colourProblemLabels();
    WizardPage::changeEvent(event);
}
