// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/AnsibleCommand.h"

#include "util/ChildLocale.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ksw {

namespace {

const QString kConnectionPlaceholder = QStringLiteral("<connection password file>");
const QString kBecomePlaceholder = QStringLiteral("<become password file>");

QString shellQuoted(const QString &word) {
    if (word.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (const QChar c : word) {
        if (!(c.isLetterOrNumber() || QStringLiteral("-_./=:,+@%").contains(c))) {
            plain = false;
            break;
        }
    }
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

PasswordFiles::~PasswordFiles() {
    remove();
}

bool PasswordFiles::writeSecret(const QString &path, const QString &secret, QString *error) {
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create a password file in the private folder: %1").arg(errnoText());
        return false;
    }
    bool ok = ::fchmod(fd, 0600) == 0; // never the x bit: Ansible would execute the file
    QByteArray bytes = secret.toUtf8();
    qsizetype written = 0;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            ok = false;
        else
            written += n;
    }
    bytes.fill('\0');
    if (::close(fd) != 0)
        ok = false;
    if (!ok && error)
        *error = QStringLiteral("cannot write a password file: %1").arg(errnoText());
    return ok;
}

bool PasswordFiles::create(const QString &connectionPassword, const QString &becomePassword, QString *error) {
    remove();
    QByteArray pattern = QFile::encodeName(QDir::tempPath() + QStringLiteral("/ksw-secrets-XXXXXX"));
    if (!::mkdtemp(pattern.data())) { // mkdtemp makes the folder 0700
        if (error)
            *error = QStringLiteral("cannot create a private folder for the password files: %1").arg(errnoText());
        return false;
    }
    m_folder = QFile::decodeName(pattern);
    if (::chmod(pattern.constData(), 0700) != 0) {
        if (error)
            *error = QStringLiteral("cannot make the password folder private: %1").arg(errnoText());
        remove();
        return false;
    }
    if (!connectionPassword.isEmpty()) {
        m_connectionFile = m_folder + QStringLiteral("/connection");
        if (!writeSecret(m_connectionFile, connectionPassword, error)) {
            remove();
            return false;
        }
    }
    if (!becomePassword.isEmpty()) {
        m_becomeFile = m_folder + QStringLiteral("/become");
        if (!writeSecret(m_becomeFile, becomePassword, error)) {
            remove();
            return false;
        }
    }
    return true;
}

void PasswordFiles::remove() {
    for (const QString &file : {m_connectionFile, m_becomeFile}) {
        if (!file.isEmpty())
            ::unlink(QFile::encodeName(file).constData());
    }
    if (!m_folder.isEmpty())
        QDir(m_folder).removeRecursively();
    m_connectionFile.clear();
    m_becomeFile.clear();
    m_folder.clear();
}

QString AnsibleCommand::resolvedProgram() const {
    if (!program.isEmpty())
        return program;
    if (!kubesprayRoot.isEmpty()) {
        const QFileInfo venv(QDir(kubesprayRoot).filePath(QStringLiteral("venv/bin/ansible-playbook")));
        if (venv.isFile() && venv.isExecutable())
            return venv.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
}

bool AnsibleCommand::isReset() const {
    return QFileInfo(playbook).fileName() == QStringLiteral("reset.yml");
}

bool AnsibleCommand::isCluster() const {
    return QFileInfo(playbook).fileName() == QStringLiteral("cluster.yml");
}

QString AnsibleCommand::playbookPath() const {
    if (QDir::isAbsolutePath(playbook))
        return playbook;
    return QDir(kubesprayRoot).filePath(playbook);
}

QStringList AnsibleCommand::arguments(const QString &connectionPasswordFile, const QString &becomePasswordFile) const {
    QStringList args;
    args << QStringLiteral("-i") << (hostsFile.isEmpty() ? hostsFile : QFileInfo(hostsFile).absoluteFilePath());
    if (become)
        args << QStringLiteral("--become") << QStringLiteral("--become-user=root");
    if (isReset())
        args << QStringLiteral("-e") << QStringLiteral("reset_confirmation=yes");
    for (const QString &var : extraVars)
        args << QStringLiteral("-e") << var;
    if (verbosity > 0)
        args << QLatin1Char('-') + QString(qMin(verbosity, 6), QLatin1Char('v'));
    if (!connectionPasswordFile.isEmpty())
        args << QStringLiteral("--connection-password-file") << connectionPasswordFile;
    if (!becomePasswordFile.isEmpty())
        args << QStringLiteral("--become-password-file") << becomePasswordFile;
    args << extraArguments;
    args << playbook;
    return args;
}

QProcessEnvironment AnsibleCommand::processEnvironment(const QProcessEnvironment &base) const {
    QProcessEnvironment env = withInstalledLocale(base);
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

QString AnsibleCommand::displayCommand() const {
    const QString prog = resolvedProgram().isEmpty() ? QStringLiteral("ansible-playbook") : resolvedProgram();
    const QStringList args = arguments(connectionPassword.isEmpty() ? QString() : kConnectionPlaceholder,
                                       becomePassword.isEmpty() ? QString() : kBecomePlaceholder);
    QStringList words;
    words << shellQuoted(prog);
    for (const QString &arg : args)
        words << ((arg == kConnectionPlaceholder || arg == kBecomePlaceholder) ? arg : shellQuoted(arg));
    QString text = QStringLiteral("cd %1 && ").arg(shellQuoted(kubesprayRoot));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        text += it.key() + QLatin1Char('=') + shellQuoted(it.value()) + QLatin1Char(' ');
    return text + words.join(QLatin1Char(' '));
}

bool AnsibleCommand::validate(QString *error) const {
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (kubesprayRoot.isEmpty() || !QFileInfo(kubesprayRoot).isDir())
        return fail(QCoreApplication::translate("AnsibleCommand", "The Kubespray folder does not exist: %1")
                        .arg(kubesprayRoot));
    if (playbook.isEmpty() || !QFileInfo(playbookPath()).isFile())
        return fail(
            QCoreApplication::translate("AnsibleCommand", "The playbook does not exist: %1").arg(playbookPath()));
    if (hostsFile.isEmpty())
        return fail(QCoreApplication::translate("AnsibleCommand", "No hosts file was given."));
    const QFileInfo hosts(hostsFile);
    if (hosts.isDir())
        return fail(
            QCoreApplication::translate("AnsibleCommand", "The hosts file is a folder; give the file itself: %1")
                .arg(hostsFile));
    if (!hosts.isFile())
        return fail(QCoreApplication::translate("AnsibleCommand", "The hosts file does not exist: %1").arg(hostsFile));
    if (!hosts.isReadable())
        return fail(QCoreApplication::translate("AnsibleCommand", "The hosts file cannot be read: %1").arg(hostsFile));
    const QString prog = resolvedProgram();
    if (prog.isEmpty())
        return fail(QCoreApplication::translate(
            "AnsibleCommand", "ansible-playbook was found neither in the Kubespray venv nor on PATH."));
    const QFileInfo programInfo(prog);
    if (!programInfo.isFile() || !programInfo.isExecutable())
        return fail(QCoreApplication::translate("AnsibleCommand", "ansible-playbook cannot be run: %1").arg(prog));
    return true;
}

} // namespace ksw
