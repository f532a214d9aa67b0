// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Runs the read-only preflight playbook (resources/ansible/preflight.yml) on the inventory's nodes through
// RunSession, the way every playbook runs (cwd = the Kubespray root, `-i <hosts file>`, passwords only through
// password files), with become off, and turns what the nodes answered into a PreflightReport. The inputs (company
// DNS servers, names, registries, the results folder) go in a JSON file handed over with `-e @file`; it and the
// results live in a private temporary folder that is gone when the next run starts or this object goes.

#include "preflight/PreflightReport.h"
#include "run/RunSession.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace ksw {

class Assessment;
class SiteProfile;

class Preflight : public QObject {
    Q_OBJECT
public:
    /// What the nodes are asked about.
    struct Inputs {
        struct Registry {
            QString host;   ///< "host" or "host:port"
            QString scheme; ///< http, https or unknown (https first, then plain HTTP when TLS is not spoken)
        };
        QStringList dnsServers;
        QStringList names;
        QList<Registry> registries;
        int dnsTimeoutMs = 3000;
        int httpTimeoutMs = 5000;

        /// The company DNS servers, every domain name of the profile's services and the registries' names, and
        /// the registries with the scheme the profile states.
        static Inputs fromSite(const SiteProfile &site);
    };

    explicit Preflight(QObject *parent = nullptr);
    ~Preflight() override;

    /// Everything an analysed inventory says about the run: the Kubespray root (or, outside a checkout, the hosts
    /// file's folder: the preflight needs nothing of Kubespray's), the hosts file, ansible-playbook, the release,
    /// the inventory's run-log folder, and the inputs from `site`.
    void setInventory(const Assessment &assessment, const SiteProfile &site);
    void setKubesprayRoot(const QString &root) { m_root = root; }
    void setHostsFile(const QString &hostsFile) { m_hostsFile = hostsFile; }
    void setInputs(const Inputs &inputs) { m_inputs = inputs; }
    const Inputs &inputs() const { return m_inputs; }
    /// The folder holding preflight.yml (and library/); installedPlaybookFolder() unless set (tests: the source
    /// tree's resources/ansible).
    void setPlaybookFolder(const QString &folder) { m_playbookFolder = folder; }
    QString playbookFolder() const { return m_playbookFolder; }
    /// The events callback's folder (RunSession::installedPluginFolder() unless set).
    void setPluginFolder(const QString &folder) { m_pluginFolder = folder; }
    /// An explicit ansible-playbook (empty: the checkout's venv, else PATH).
    void setProgram(const QString &program) { m_program = program; }
    /// Added to ansible-playbook's environment (ANSIBLE_SSH_CONTROL_PATH_DIR…).
    void setEnvironment(const QMap<QString, QString> &environment) { m_environment = environment; }
    /// Run logs and task counts (RunSession); empty = a temporary folder.
    void setLogFolder(const QString &folder) { m_logFolder = folder; }
    void setKubesprayVersion(const QString &version) { m_kubesprayVersion = version; }
    /// Secrets: handed to the run's password files, forgotten once the run has started.
    void setConnectionPassword(const QString &password) { m_connectionPassword = password; }
    void setBecomePassword(const QString &password) { m_becomePassword = password; }
    void setCancelTimeouts(int interruptMs, int terminateMs);

    /// <program dir>/../share/kubespray-wizard/ansible (cmake/Install.cmake installs resources/ansible there).
    static QString installedPlaybookFolder();

    /// The command start() runs (without passwords), for logs and tests.
    AnsibleCommand command() const;
    /// Writes the inputs and starts the run. False with the reason when nothing could start.
    bool start(QString *error = nullptr);
    /// Cancels the run; finished() follows with an error saying so.
    void cancel();
    bool isRunning() const;
    RunSession *session() { return m_session.get(); }
    /// The folder the nodes' results are written to during a run (empty before the first start).
    QString resultsFolder() const;

signals:
    void started();
    void progressChanged(int done, int estimated, const QString &currentPlay, const QString &currentTask,
                         qint64 elapsedMs);
    void outputData(const QByteArray &data, QProcess::ProcessChannel channel);
    void message(const QString &line);
    /// The report (hosts that could not be examined included) and, when the run itself failed or was
    /// cancelled, why (translated); the report is then what could be read.
    void finished(const ksw::PreflightReport &report, const QString &error);

private:
    void onSessionFinished(int exitCode, bool cancelled, const Recap &recap);
    bool writeInputs(QString *error) const;

    QString m_root;
    QString m_hostsFile;
    Inputs m_inputs;
    QString m_playbookFolder;
    QString m_pluginFolder;
    QString m_program;
    QMap<QString, QString> m_environment;
    QString m_logFolder;
    QString m_kubesprayVersion;
    QString m_connectionPassword;
    QString m_becomePassword;
    int m_interruptMs = 5000;
    int m_terminateMs = 3000;

    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<RunSession> m_session;
    QByteArray m_stderrTail;
};

} // namespace ksw
