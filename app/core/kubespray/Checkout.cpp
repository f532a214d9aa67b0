// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Checkout.h"

#include "yaml/YamlDocument.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace ksw {

namespace {

constexpr int GitTimeoutMs = 5000;
const QString MarkerFileName = QStringLiteral("KUBESPRAY_VERSION");

bool exists(const QString &root, const QString &relative) {
    return QFileInfo::exists(root + QLatin1Char('/') + relative);
}

QString readFirstLine(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

/// Structural markers of FACTS.md §6, newest first: the first that is present gives a lower bound.
struct Marker {
    const char *path;
    KubesprayVersion atLeast;
};

const Marker markers[] = {
    {"remove_node.yml", {2, 30, 0}},
    {"upgrade_cluster.yml", {2, 30, 0}},
    {"roles/dynamic_groups", {2, 29, 0}},
    {"playbooks/internal_facts.yml", {2, 29, 0}},
    {"roles/kubespray_defaults", {2, 28, 0}},
    {"roles/validate_inventory", {2, 28, 0}},
    {"docs/ansible/inventory.md", {2, 27, 0}},
    {"docs/CRI", {2, 25, 0}},
    {"docs/ansible", {2, 25, 0}},
    {"roles/kubespray-defaults/defaults/main", {2, 24, 0}},
    {"playbooks/boilerplate.yml", {2, 24, 0}},
    {"roles/container-engine/containerd/templates/hosts.toml.j2", {2, 23, 0}},
    {"playbooks", {2, 22, 0}},
    {"galaxy.yml", {2, 22, 0}},
    {"legacy_groups.yml", {2, 21, 0}},
    {"ansible_version.yml", {2, 21, 0}},
};

std::optional<std::pair<KubesprayVersion, QString>> versionFromStructure(const QString &root) {
    for (const Marker &marker : markers) {
        const QString path = QString::fromLatin1(marker.path);
        if (exists(root, path))
            return std::pair{marker.atLeast, path};
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> Checkout::findRoot(const QString &inventoryPath) {
    QFileInfo info(inventoryPath);
    QDir dir = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    while (true) {
        if (QFileInfo(dir.filePath(QStringLiteral("cluster.yml"))).isFile() &&
            QFileInfo(dir.filePath(QStringLiteral("roles"))).isDir())
            return dir.absolutePath();
        if (!dir.cdUp())
            return std::nullopt;
    }
}

QStringList Checkout::findInventories(const QString &root) {
    QStringList found;
    QString sample;
    const QDir inventoryDir(root + QStringLiteral("/inventory"));
    for (const QString &name : inventoryDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir candidate(inventoryDir.filePath(name));
        const bool hasHosts =
            candidate.exists(QStringLiteral("hosts.yaml")) || candidate.exists(QStringLiteral("hosts.yml")) ||
            candidate.exists(QStringLiteral("inventory.ini")) || candidate.exists(QStringLiteral("hosts.ini"));
        if (!hasHosts)
            continue;
        if (name == u"sample")
            sample = candidate.absolutePath();
        else
            found.append(candidate.absolutePath());
    }
    if (!sample.isEmpty())
        found.append(sample);
    return found;
}

Checkout Checkout::open(const QString &root) {
    Checkout checkout;
    checkout.m_root = QDir(root).absolutePath();
    checkout.detectVersion();
    return checkout;
}

Checkout Checkout::forInventory(const QString &inventoryPath, const std::optional<KubesprayVersion> &override) {
    Checkout checkout;
    if (const auto root = findRoot(inventoryPath))
        checkout = open(*root);

    if (override) {
        checkout.m_version = override;
        checkout.m_versionSource = VersionSource::Override;
        checkout.m_versionEvidence =
            QCoreApplication::translate("Checkout", "given on the command line: %1").arg(override->toString());
        return checkout;
    }
    if (checkout.hasRoot())
        return checkout;

    // No checkout (the demo): look for a marker file in the inventory folder and its two parents.
    QFileInfo info(inventoryPath);
    QDir dir = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    for (int level = 0; level < 3; ++level) {
        const QString marker = dir.filePath(MarkerFileName);
        if (QFileInfo(marker).isFile()) {
            const QString text = readFirstLine(marker);
            if (const auto version = KubesprayVersion::parse(text)) {
                checkout.m_version = version;
                checkout.m_versionSource = VersionSource::MarkerFile;
                checkout.m_versionEvidence = QCoreApplication::translate("Checkout", "%1 says %2")
                                                 .arg(QDir::toNativeSeparators(marker), version->toString());
            }
            break;
        }
        if (!dir.cdUp())
            break;
    }
    return checkout;
}

void Checkout::detectVersion() {
    // 1. git describe: authoritative when the checkout is a clone. safe.directory, because root may read
    //    a checkout owned by another user and git refuses that otherwise.
    if (exists(m_root, QStringLiteral(".git"))) {
        QProcess git;
        git.setProgram(QStringLiteral("git"));
        git.setArguments({QStringLiteral("-c"), QStringLiteral("safe.directory=") + m_root, QStringLiteral("-C"),
                          m_root, QStringLiteral("describe"), QStringLiteral("--tags")});
        git.start();
        if (git.waitForFinished(GitTimeoutMs) && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0) {
            const QString described = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
            if (const auto version = KubesprayVersion::parse(described)) {
                m_version = version;
                m_versionSource = VersionSource::GitDescribe;
                m_versionEvidence = QStringLiteral("git describe: ") + described;
                return;
            }
        } else if (git.state() != QProcess::NotRunning) {
            git.kill();
            git.waitForFinished(1000);
        }
    }

    const auto structural = versionFromStructure(m_root);

    // 2. galaxy.yml: stale in v2.22.0–v2.23.1 (says 2.21.0 / 2.22.1), right from 2.24.0 on.
    if (const auto galaxy = YamlDocument::load(m_root + QStringLiteral("/galaxy.yml")); galaxy.hasValue()) {
        if (const auto key = galaxy->value(QStringLiteral("version"))) {
            const auto version = KubesprayVersion::parse(yaml::scalarText(key->value));
            const bool trusted = version && version->atLeast(2, 24);
            if (trusted && (!structural || structural->first <= *version)) {
                m_version = version;
                m_versionSource = VersionSource::GalaxyYml;
                m_versionEvidence = QStringLiteral("galaxy.yml version: ") + version->toString();
                return;
            }
        }
    }

    // 3. Structure: the newest marker present is a lower bound.
    if (structural) {
        m_version = structural->first;
        m_versionSource = VersionSource::Structure;
        m_versionEvidence = QCoreApplication::translate("Checkout", "%1 exists (Kubespray %2 or later)")
                                .arg(structural->second, structural->first.toString());
    }
}

QString Checkout::venvAnsiblePlaybook() const {
    if (!hasRoot())
        return {};
    const QFileInfo playbook(m_root + QStringLiteral("/venv/bin/ansible-playbook"));
    return playbook.isFile() && playbook.isExecutable() ? playbook.absoluteFilePath() : QString();
}

std::optional<AnsibleRange> Checkout::ansibleRangeFromFiles() const {
    for (const QString &relative :
         {QStringLiteral("playbooks/ansible_version.yml"), QStringLiteral("ansible_version.yml")}) {
        const QString path = m_root + QLatin1Char('/') + relative;
        if (!QFileInfo::exists(path))
            continue;
        // A list of plays; the first carries vars minimal_ansible_version / maximal_ansible_version.
        try {
            const YAML::Node plays = YAML::LoadFile(path.toStdString());
            for (const auto &play : plays) {
                const YAML::Node vars = play["vars"];
                if (!vars || !vars.IsMap())
                    continue;
                const auto minimum = AnsibleVersion::parse(yaml::scalarText(vars["minimal_ansible_version"]));
                const auto maximum = AnsibleVersion::parse(yaml::scalarText(vars["maximal_ansible_version"]));
                if (minimum && maximum)
                    return AnsibleRange{*minimum, *maximum, relative};
            }
        } catch (const YAML::Exception &) {
            // A broken file in the checkout: fall back to the table.
        }
    }
    return std::nullopt;
}

std::optional<AnsibleRange> Checkout::ansibleRange() const {
    if (hasRoot()) {
        if (auto fromFiles = ansibleRangeFromFiles())
            return fromFiles;
    }
    if (m_version)
        return builtInAnsibleRange(*m_version);
    return std::nullopt;
}

} // namespace ksw
