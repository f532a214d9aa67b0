// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// How to run a Kubespray playbook the way Kubespray expects (DESIGN.md decision 6): cwd = the Kubespray root so
// its ansible.cfg applies, `-i <the hosts file>`, `--become --become-user=root`, the venv's ansible-playbook
// first, `-e reset_confirmation=yes` for reset.yml (never a prompt), and passwords only through
// `--connection-password-file` / `--become-password-file` on 0600 files in a private 0700 folder that is gone
// when the run ends (PasswordFiles). Secrets never reach argv, the environment or displayCommand().

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ksw {

/// Two password files (connection, become) in a private 0700 temporary folder, each 0600 and never executable
/// (Ansible *executes* a password file that has the x bit). Removed by remove() or the destructor.
class PasswordFiles {
public:
    PasswordFiles() = default;
    ~PasswordFiles();
    PasswordFiles(const PasswordFiles &) = delete;
    PasswordFiles &operator=(const PasswordFiles &) = delete;

    /// Writes the non-empty passwords; an empty one gets no file. False with the reason on failure (then nothing
    /// is left on disk).
    bool create(const QString &connectionPassword, const QString &becomePassword, QString *error = nullptr);
    void remove();

    QString folder() const { return m_folder; }
    QString connectionFile() const { return m_connectionFile; }
    QString becomeFile() const { return m_becomeFile; }

private:
    static bool writeSecret(const QString &path, const QString &secret, QString *error);

    QString m_folder;
    QString m_connectionFile;
    QString m_becomeFile;
};

/// The argv, environment and working directory of one ansible-playbook run.
struct AnsibleCommand {
    QString kubesprayRoot;      ///< the checkout; the working directory of the run
    QString hostsFile;          ///< the inventory file itself (hosts.yaml / inventory.ini), never its folder
    QString playbook;           ///< relative to the root (cluster.yml, reset.yml, playbooks/facts.yml…) or absolute
    QString program;            ///< explicit ansible-playbook (tests); empty = <root>/venv/bin/ansible-playbook or PATH
    int verbosity = 0;          ///< 0…6 → -v…
    bool become = true;         ///< --become --become-user=root
    QStringList extraVars;      ///< each one becomes `-e <item>` (key=value or JSON)
    QStringList extraArguments; ///< appended as they are (--tags, --limit…)
    QMap<QString, QString> environment; ///< added to the process environment (callback plugin, control path…)
    QString connectionPassword;         ///< SSH password (secret; only ever written to a password file)
    QString becomePassword;             ///< sudo password (secret; only ever written to a password file)

    /// The program that will run: the explicit one, else <root>/venv/bin/ansible-playbook when executable, else
    /// ansible-playbook from PATH; empty when none is found.
    QString resolvedProgram() const;
    /// True for reset.yml (at the root or under playbooks/): it gets `-e reset_confirmation=yes`.
    bool isReset() const;
    /// True for cluster.yml (the only playbook for which an automatic second attempt is offered).
    bool isCluster() const;
    QString workingDirectory() const { return kubesprayRoot; }
    QString playbookPath() const;

    /// The arguments, with the given password file paths (empty = no such option).
    QStringList arguments(const QString &connectionPasswordFile = {}, const QString &becomePasswordFile = {}) const;
    QStringList arguments(const PasswordFiles &files) const {
        return arguments(files.connectionFile(), files.becomeFile());
    }
    /// `base` plus `environment` plus PYTHONUNBUFFERED=1 (live output). Never contains a password.
    QProcessEnvironment
    processEnvironment(const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment()) const;

    /// The command for logs: "cd ROOT && PROGRAM ARGS" with password-file options shown as placeholders; never a
    /// secret.
    QString displayCommand() const;

    /// Checks what Ansible would not: the root, the playbook, the program and the hosts file exist (a missing
    /// inventory makes ansible-playbook exit 0 with only warnings). False with the reason.
    bool validate(QString *error = nullptr) const;
};

} // namespace ksw
