// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "preflight/Preflight.h"

#include "run/AnsibleFiles.h"

#include "analysis/Assessment.h"
#include "net/IpAddress.h"
#include "site/SiteProfile.h"
#include "store/DurableFile.h"
#include "store/InventoryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ksw {

namespace {

const QString kPlaybook = QStringLiteral("preflight.yml");
const QString kInputsFile = QStringLiteral("inputs.json");
const QString kResultsFolder = QStringLiteral("results");

/// The host part of "host", "host:port" or "[v6]:port".
QString hostName(const QString &hostPort) {
    if (hostPort.startsWith(u'['))
        return hostPort.mid(1, hostPort.indexOf(u']') - 1);
    return hostPort.count(u':') == 1 ? hostPort.section(u':', 0, 0) : hostPort;
}

/// Ansible's recap order is not the inventory's; a host's failure messages, oldest first.
QStringList failureMessages(RunSession &session, const QString &host, bool *unreachable) {
    QStringList messages;
    for (const HostStatusModel::Failure &failure : session.hostModel()->failures()) {
        if (failure.host != host)
            continue;
        if (failure.unreachable)
            *unreachable = true;
        const QString text =
            failure.task.isEmpty() ? failure.message : failure.task + QStringLiteral(": ") + failure.message;
        if (!messages.contains(text))
            messages.append(text);
    }
    return messages;
}

} // namespace

Preflight::Inputs Preflight::Inputs::fromSite(const SiteProfile &site) {
    Inputs inputs;
    for (const SiteProfile::Service &service : site.dnsServers())
        inputs.dnsServers.append(service.address.toString());
    const auto addName = [&](const QString &name) {
        if (!name.isEmpty() && !IpAddress::parse(name) && !inputs.names.contains(name, Qt::CaseInsensitive))
            inputs.names.append(name);
    };
    for (const SiteProfile::Service &service : site.services()) {
        for (const QString &domain : service.domains)
            addName(domain);
    }
    for (const SiteProfile::Registry &registry : site.registries()) {
        addName(hostName(registry.host));
        const QString scheme = registry.scheme == SiteProfile::Scheme::Http    ? QStringLiteral("http")
                               : registry.scheme == SiteProfile::Scheme::Https ? QStringLiteral("https")
                                                                               : QStringLiteral("unknown");
        inputs.registries.append({registry.host, scheme});
    }
    return inputs;
}

Preflight::Preflight(QObject *parent)
    : QObject(parent)
    , m_playbookFolder(installedPlaybookFolder())
    , m_pluginFolder(RunSession::installedPluginFolder()) {}

Preflight::~Preflight() = default; // the session stops what is left of its run; the temporary folder goes

void Preflight::setCancelTimeouts(int interruptMs, int terminateMs) {
    m_interruptMs = interruptMs;
    m_terminateMs = terminateMs;
}

void Preflight::setInventory(const Assessment &assessment, const SiteProfile &site) {
    const Inventory &inventory = assessment.config().inventory();
    const Checkout &checkout = assessment.checkout();
    // Outside a checkout there is no ansible.cfg of Kubespray's to honour: run from the inventory's folder.
    m_root = checkout.hasRoot() ? checkout.root() : QFileInfo(inventory.hostsFilePath()).absolutePath();
    m_hostsFile = inventory.hostsFilePath();
    m_program = assessment.ansible() ? assessment.ansible()->playbookPath : QString();
    m_kubesprayVersion = checkout.version() ? checkout.version()->toString() : QString();
    m_logFolder = InventoryStore(inventory.directory()).runLogFolder();
    m_inputs = Inputs::fromSite(site);
}

QString Preflight::installedPlaybookFolder() {
    return AnsibleFiles::folder();
}

QString Preflight::resultsFolder() const {
    return m_work ? QDir(m_work->path()).filePath(kResultsFolder) : QString();
}

AnsibleCommand Preflight::command() const {
    AnsibleCommand c;
    c.kubesprayRoot = m_root;
    c.hostsFile = m_hostsFile;
    c.playbook = QDir(m_playbookFolder).absoluteFilePath(kPlaybook);
    c.program = m_program;
    c.become = false; // read-only: nothing on the nodes needs root
    if (m_work)
        c.extraVars << QLatin1Char('@') + QDir(m_work->path()).filePath(kInputsFile);
    c.environment = m_environment;
    return c;
}

bool Preflight::writeInputs(QString *error) const {
    QJsonArray registries;
    for (const Inputs::Registry &registry : m_inputs.registries)
        registries.append(
            QJsonObject{{QStringLiteral("host"), registry.host}, {QStringLiteral("scheme"), registry.scheme}});
    const QJsonObject inputs{
        {QStringLiteral("output_dir"), resultsFolder()},
        {QStringLiteral("dns_servers"), QJsonArray::fromStringList(m_inputs.dnsServers)},
        {QStringLiteral("names"), QJsonArray::fromStringList(m_inputs.names)},
        {QStringLiteral("registries"), registries},
        {QStringLiteral("dns_timeout"), m_inputs.dnsTimeoutMs / 1000.0},
        {QStringLiteral("http_timeout"), m_inputs.httpTimeoutMs / 1000.0},
    };
    if (auto problem = durable::write(
            QDir(m_work->path()).filePath(kInputsFile),
            QJsonDocument(QJsonObject{{QStringLiteral("ksw_preflight"), inputs}}).toJson(QJsonDocument::Indented))) {
        *error =
            QCoreApplication::translate("Preflight", "Cannot write the preflight inputs: %1").arg(problem->message);
        return false;
    }
    return true;
}

bool Preflight::start(QString *error) {
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (isRunning())
        return fail(QCoreApplication::translate("Preflight", "The preflight is already running."));

    // A fresh private folder per run (QTemporaryDir makes it 0700): the inputs name it, the nodes' results land in
    // it, and nothing of an earlier run can be mistaken for this one's.
    m_work = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ksw-preflight-XXXXXX"));
    if (!m_work->isValid())
        return fail(QCoreApplication::translate("Preflight", "Cannot create a temporary folder: %1")
                        .arg(m_work->errorString()));
    if (!QDir().mkpath(resultsFolder()))
        return fail(
            QCoreApplication::translate("Preflight", "Cannot create the results folder %1").arg(resultsFolder()));
    QString reason;
    if (!writeInputs(&reason))
        return fail(reason);

    AnsibleCommand c = command();
    c.connectionPassword = m_connectionPassword;
    c.becomePassword = m_becomePassword;

    // Earlier sessions may be the sender of the signal we are called from: never delete them here.
    if (m_session)
        m_session.release()->deleteLater();
    m_session = std::make_unique<RunSession>();
    m_session->setCommand(c);
    m_session->setPluginFolder(m_pluginFolder);
    m_session->setLogFolder(m_logFolder);
    m_session->setKubesprayVersion(m_kubesprayVersion);
    m_session->setCancelTimeouts(m_interruptMs, m_terminateMs);
    m_stderrTail.clear();
    connect(m_session.get(), &RunSession::started, this, &Preflight::started);
    connect(m_session.get(), &RunSession::progressChanged, this, &Preflight::progressChanged);
    connect(m_session.get(), &RunSession::message, this, &Preflight::message);
    connect(m_session.get(), &RunSession::outputData, this,
            [this](const QByteArray &data, QProcess::ProcessChannel channel) {
                if (channel == QProcess::StandardError)
                    m_stderrTail = (m_stderrTail + data).right(4096);
                emit outputData(data, channel);
            });
    connect(m_session.get(), &RunSession::finished, this, &Preflight::onSessionFinished);
    const bool ok = m_session->start(&reason);
    // The secrets now live only in the run's password files (and the session's command, for its own life).
    m_connectionPassword.clear();
    m_becomePassword.clear();
    if (!ok)
        return fail(reason);
    return true;
}

void Preflight::cancel() {
    if (m_session)
        m_session->cancel();
}

bool Preflight::isRunning() const {
    return m_session && m_session->isRunning();
}

void Preflight::onSessionFinished(int exitCode, bool cancelled, const Recap &recap) {
    PreflightReport report;
    QString error;
    if (cancelled) {
        error = QCoreApplication::translate("Preflight", "The preflight was cancelled.");
    } else {
        auto read = PreflightReport::readFolder(resultsFolder());
        if (read)
            report = *read;
        else
            error = read.error().toString();
    }
    // Hosts that never wrote their results (unreachable, or stopped before the end) and failures Ansible reported:
    // both come from the run's events, which know every host the play targeted.
    for (auto it = recap.hosts.cbegin(); it != recap.hosts.cend(); ++it) {
        bool unreachable = it.value().unreachable > 0;
        const QStringList messages = failureMessages(*m_session, it.key(), &unreachable);
        if (!unreachable && messages.isEmpty() && report.host(it.key()))
            continue;
        PreflightReport::Host &host = report.hostEntry(it.key());
        host.unreachable = host.unreachable || unreachable;
        for (const QString &text : messages) {
            if (!host.errors.contains(text))
                host.errors.append(text);
        }
        if (!host.examined && host.errors.isEmpty())
            host.errors.append(QCoreApplication::translate("Preflight", "The preflight did not finish on this host."));
    }
    if (error.isEmpty() && exitCode != 0 && exitCode != 2 && exitCode != 4) {
        // 2 (a failed task) and 4 (an unreachable host) are per-host outcomes the report holds; anything else is
        // "ERROR!" (a bad inventory, a syntax error) or a crash, and Ansible's last words say why.
        const QString tail = QString::fromUtf8(m_stderrTail).trimmed();
        error = QCoreApplication::translate("Preflight", "ansible-playbook stopped with exit code %1: %2")
                    .arg(exitCode)
                    .arg(tail.isEmpty() ? QCoreApplication::translate("Preflight", "no message") : tail.right(1000));
    } else if (error.isEmpty() && report.hosts.isEmpty()) {
        error =
            QCoreApplication::translate("Preflight", "The inventory names no host to examine (%1).").arg(m_hostsFile);
    }
    emit finished(report, error);
}

} // namespace ksw
