// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Inventory.h"

#include "util/InputLimits.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

#include <cerrno>
#include <sys/stat.h>

namespace ksw {

namespace {

const QString ClusterGroup = QStringLiteral("k8s_cluster");
const QString AllGroup = QStringLiteral("all");

bool isVarsFileName(const QString &name) {
    // Ansible's host_group_vars plugin: .yml, .yaml, .json, or no extension; hidden files are skipped.
    if (name.startsWith(u'.'))
        return false;
    const QString suffix = QFileInfo(name).suffix();
    return suffix.isEmpty() || suffix == u"yml" || suffix == u"yaml" || suffix == u"json";
}

} // namespace

QString canonicalGroupName(const QString &group) {
    static const QHash<QString, QString> legacy = {
        {QStringLiteral("kube-master"), QStringLiteral("kube_control_plane")},
        {QStringLiteral("kube_master"), QStringLiteral("kube_control_plane")},
        {QStringLiteral("kube-node"), QStringLiteral("kube_node")},
        {QStringLiteral("k8s-cluster"), QStringLiteral("k8s_cluster")},
        {QStringLiteral("calico-rr"), QStringLiteral("calico_rr")},
    };
    return legacy.value(group, group);
}

Expected<Inventory> Inventory::load(const QString &path, const Overlay &overlay) {
    Inventory inventory;
    inventory.m_overlay = overlay;
    const QFileInfo info(path);
    if (!info.exists()) {
        // A symbolic link that leads nowhere is not the same mistake as a wrong path.
        struct stat target {};
        if (info.isSymLink() && ::stat(QFile::encodeName(path).constData(), &target) != 0 && errno == ELOOP)
            return Error{
                {path}, {}, QCoreApplication::translate("Inventory", "This path is a loop of symbolic links.")};
        if (info.isSymLink())
            return Error{
                {path},
                {},
                QCoreApplication::translate("Inventory", "This symbolic link points to %1, which does not exist.")
                    .arg(info.symLinkTarget())};
        return Error{{path}, {}, QCoreApplication::translate("Inventory", "No such file or folder.")};
    }

    QString hostsPath;
    if (info.isDir()) {
        const QDir dir(info.absoluteFilePath());
        QString yamlHosts, iniHosts;
        for (const QString &name : {QStringLiteral("hosts.yaml"), QStringLiteral("hosts.yml")}) {
            if (yamlHosts.isEmpty() && QFileInfo(dir.filePath(name)).isFile())
                yamlHosts = dir.filePath(name);
        }
        for (const QString &name : {QStringLiteral("inventory.ini"), QStringLiteral("hosts.ini")}) {
            if (iniHosts.isEmpty() && QFileInfo(dir.filePath(name)).isFile())
                iniHosts = dir.filePath(name);
        }
        if (yamlHosts.isEmpty() && iniHosts.isEmpty()) {
            for (const QString &name : {QStringLiteral("hosts.yaml"), QStringLiteral("hosts.yml"),
                                        QStringLiteral("inventory.ini"), QStringLiteral("hosts.ini")}) {
                if (QFileInfo(dir.filePath(name)).isDir())
                    return Error{{dir.filePath(name)},
                                 {},
                                 QCoreApplication::translate("Inventory", "This is a folder, not a hosts file.")};
            }
        }
        if (yamlHosts.isEmpty() && iniHosts.isEmpty())
            return Error{{path},
                         {},
                         QCoreApplication::translate(
                             "Inventory", "This folder is not a Kubespray inventory: it has no hosts.yaml and no "
                                          "inventory.ini.")};
        hostsPath = yamlHosts.isEmpty() ? iniHosts : yamlHosts;
        if (!yamlHosts.isEmpty() && !iniHosts.isEmpty()) {
            inventory.m_notes.append(
                QCoreApplication::translate("Inventory",
                                            "Both %1 and %2 are here; %1 is used, as with “-i %1” in the team's notes.")
                    .arg(QFileInfo(yamlHosts).fileName(), QFileInfo(iniHosts).fileName()));
        }
    } else {
        hostsPath = info.absoluteFilePath();
    }
    inventory.m_directory = QFileInfo(hostsPath).absolutePath();

    const auto read = readBoundedFile(hostsPath, hostsPath);
    if (!read)
        return read.error();
    const QByteArray &bytes = *read;
    const QString suffix = QFileInfo(hostsPath).suffix();
    const bool isYaml =
        suffix == u"yaml" || suffix == u"yml" || (suffix != u"ini" && bytes.trimmed().startsWith("all:"));
    auto hosts = isYaml ? HostsFile::parseYaml(bytes, hostsPath) : HostsFile::parseIni(bytes, hostsPath);
    if (!hosts)
        return hosts.error();
    inventory.m_hosts = std::move(*hosts);
    if (inventory.m_hosts.hostOrder.isEmpty())
        return Error{{hostsPath},
                     {},
                     QCoreApplication::translate(
                         "Inventory", "The hosts file lists no host (every host line may be commented out).")};

    for (const QString &group : inventory.m_hosts.groups.keys()) {
        if (canonicalGroupName(group) != group)
            inventory.m_notes.append(QCoreApplication::translate(
                                         "Inventory", "The group “%1” has a legacy name; Kubespray reads it as “%2”.")
                                         .arg(group, canonicalGroupName(group)));
    }

    if (auto problem = inventory.loadVarsFolder(QStringLiteral("group_vars"), VarsFile::Scope::Group))
        return *problem;
    if (auto problem = inventory.loadVarsFolder(QStringLiteral("host_vars"), VarsFile::Scope::Host))
        return *problem;
    return inventory;
}

std::optional<Error> Inventory::loadVarsFolder(const QString &folderName, VarsFile::Scope scope) {
    const QDir folder(m_directory + QLatin1Char('/') + folderName);
    if (!folder.exists())
        return std::nullopt;
    // Ansible's host_group_vars plugin looks, for each group or host name, at `name`, `name.yml`, `name.yaml` and
    // `name.json` in that order and reads only the first that exists: with group_vars/all/ present,
    // group_vars/all.yml is ignored. Sorted by name, so that a later file wins as it does there.
    QMap<QString, QFileInfo> chosen;
    QMap<QString, int> rankOf;
    for (const QFileInfo &entry : folder.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!isVarsFileName(entry.fileName()))
            continue;
        static const QStringList suffixRank = {QString(), QStringLiteral("yml"), QStringLiteral("yaml"),
                                               QStringLiteral("json")};
        const int rank = static_cast<int>(suffixRank.indexOf(entry.suffix()));
        const QString name = entry.suffix().isEmpty() ? entry.fileName() : entry.completeBaseName();
        if (const auto found = rankOf.constFind(name); found != rankOf.constEnd() && found.value() <= rank)
            continue;
        chosen.insert(name, entry);
        rankOf.insert(name, rank);
    }
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        const QFileInfo &entry = it.value();
        const QString target = scope == VarsFile::Scope::Group ? canonicalGroupName(it.key()) : it.key();
        if (entry.isDir()) {
            QStringList files;
            QDirIterator fileIterator(entry.absoluteFilePath(), QDir::Files, QDirIterator::Subdirectories);
            while (fileIterator.hasNext()) {
                const QString file = fileIterator.next();
                if (isVarsFileName(QFileInfo(file).fileName()))
                    files.append(file);
            }
            files.sort();
            for (const QString &file : files) {
                if (auto problem = addVarsFile(file, scope, target))
                    return problem;
            }
        } else if (auto problem = addVarsFile(entry.absoluteFilePath(), scope, target)) {
            return problem;
        }
    }
    // Files that exist only in the overlay (a fix that creates group_vars/all/containerd.yml).
    for (auto it = m_overlay.cbegin(); it != m_overlay.cend(); ++it) {
        if (!it.key().startsWith(folderName + QLatin1Char('/')) ||
            QFileInfo::exists(m_directory + QLatin1Char('/') + it.key()))
            continue;
        const QString rest = it.key().mid(folderName.size() + 1);
        const QString name = rest.contains(u'/') ? rest.section(u'/', 0, 0) : QFileInfo(rest).completeBaseName();
        const QString target = scope == VarsFile::Scope::Group ? canonicalGroupName(name) : name;
        if (auto problem = addVarsFile(m_directory + QLatin1Char('/') + it.key(), scope, target))
            return problem;
    }
    return std::nullopt;
}

std::optional<Error> Inventory::addVarsFile(const QString &absolutePath, VarsFile::Scope scope, const QString &target) {
    const QString relative = QDir(m_directory).relativeFilePath(absolutePath);
    auto document = m_overlay.contains(relative) ? YamlDocument::parse(m_overlay.value(relative), absolutePath)
                                                 : YamlDocument::load(absolutePath);
    if (!document) {
        Error error = document.error();
        error.where.file = displayPath(absolutePath);
        return error;
    }
    m_varsFiles.append({scope, target, displayPath(absolutePath), std::move(*document)});
    return std::nullopt;
}

QString Inventory::displayPath(const QString &absolutePath) const {
    return QDir(m_directory).relativeFilePath(absolutePath);
}

bool Inventory::declaresGroup(const QString &group) const {
    for (const QString &name : m_hosts.groups.keys()) {
        if (canonicalGroupName(name) == group)
            return true;
    }
    return false;
}

QStringList Inventory::hostsOf(const QString &group) const {
    if (group == AllGroup)
        return m_hosts.hostOrder;
    QSet<QString> members;
    if (group == ClusterGroup && !declaresGroup(ClusterGroup)) {
        for (const QString &member :
             {QStringLiteral("kube_control_plane"), QStringLiteral("kube_node"), QStringLiteral("calico_rr")}) {
            const QStringList hosts = hostsOf(member);
            members.unite(QSet<QString>(hosts.cbegin(), hosts.cend()));
        }
    } else {
        // The groups written under each name Kubespray reads (legacy dashed names count).
        QHash<QString, QStringList> writtenNames;
        for (auto it = m_hosts.groups.cbegin(); it != m_hosts.groups.cend(); ++it)
            writtenNames[canonicalGroupName(it.key())].append(it.key());
        // Each group once, however many paths lead to it: a diamond of :children stays linear, a cycle ends.
        QSet<QString> reached{group};
        QStringList pending{group};
        while (!pending.isEmpty()) {
            for (const QString &name : writtenNames.value(pending.takeLast())) {
                const InventoryGroup &entry = *m_hosts.groups.constFind(name);
                members.unite(QSet<QString>(entry.hosts.cbegin(), entry.hosts.cend()));
                for (const QString &child : entry.children) {
                    const QString canonical = canonicalGroupName(child);
                    if (!reached.contains(canonical)) {
                        reached.insert(canonical);
                        pending.append(canonical);
                    }
                }
            }
        }
    }
    QStringList ordered;
    for (const QString &host : m_hosts.hostOrder) {
        if (members.contains(host))
            ordered.append(host);
    }
    return ordered;
}

std::optional<Setting> Inventory::clusterValue(const QString &name) const {
    std::optional<Setting> result;
    const auto inlineValue = [&](const QString &group) {
        for (auto it = m_hosts.groups.cbegin(); it != m_hosts.groups.cend(); ++it) {
            if (canonicalGroupName(it.key()) != group || !it->vars.contains(name))
                continue;
            const InlineVariable &variable = it->vars.value(name);
            Setting setting{name, variable.value, {}};
            setting.origin.kind = Origin::Kind::Inventory;
            setting.origin.file = m_hosts.path;
            setting.origin.displayPath = displayPath(m_hosts.path);
            setting.origin.line = variable.line;
            result = setting;
        }
    };
    const auto fileValue = [&](const QString &group) {
        for (const VarsFile &file : m_varsFiles) {
            if (file.scope != VarsFile::Scope::Group || file.target != group)
                continue;
            if (const auto key = file.document.value(name)) {
                Setting setting{name, key->value, {}};
                setting.origin.kind = Origin::Kind::Inventory;
                setting.origin.file = file.document.path();
                setting.origin.displayPath = file.displayPath;
                setting.origin.line = key->line;
                result = setting;
            }
        }
    };
    // Ansible's order, lowest first: hosts-file group vars (parents before children), group_vars/all,
    // group_vars/<child groups>.
    inlineValue(AllGroup);
    inlineValue(ClusterGroup);
    fileValue(AllGroup);
    fileValue(ClusterGroup);
    return result;
}

QList<Inventory::Override> Inventory::overrides(const QString &name) const {
    QList<Override> result;
    for (const QString &host : m_hosts.hostOrder) {
        const InventoryHost &entry = m_hosts.hosts.value(host);
        if (!entry.vars.contains(name))
            continue;
        Setting setting{name, entry.vars.value(name).value, {}};
        setting.origin = {
            Origin::Kind::Inventory, m_hosts.path, displayPath(m_hosts.path), entry.vars.value(name).line, {}};
        result.append({name, QCoreApplication::translate("Inventory", "host %1").arg(host), setting});
    }
    for (auto it = m_hosts.groups.cbegin(); it != m_hosts.groups.cend(); ++it) {
        const QString group = canonicalGroupName(it.key());
        if (group == AllGroup || group == ClusterGroup || !it->vars.contains(name))
            continue;
        Setting setting{name, it->vars.value(name).value, {}};
        setting.origin = {
            Origin::Kind::Inventory, m_hosts.path, displayPath(m_hosts.path), it->vars.value(name).line, {}};
        result.append({name, QCoreApplication::translate("Inventory", "group %1").arg(it.key()), setting});
    }
    for (const VarsFile &file : m_varsFiles) {
        const bool clusterWide =
            file.scope == VarsFile::Scope::Group && (file.target == AllGroup || file.target == ClusterGroup);
        if (clusterWide)
            continue;
        if (const auto key = file.document.value(name)) {
            Setting setting{name, key->value, {}};
            setting.origin = {Origin::Kind::Inventory, file.document.path(), file.displayPath, key->line, {}};
            result.append({name,
                           file.scope == VarsFile::Scope::Host
                               ? QCoreApplication::translate("Inventory", "host %1").arg(file.target)
                               : QCoreApplication::translate("Inventory", "group %1").arg(file.target),
                           setting});
        }
    }
    return result;
}

QList<Inventory::Duplicate> Inventory::duplicates() const {
    QList<Duplicate> result;
    for (const auto &key : m_hosts.duplicates)
        result.append({displayPath(m_hosts.path), key});
    for (const VarsFile &file : m_varsFiles) {
        for (const auto &key : file.document.duplicates())
            result.append({file.displayPath, key});
    }
    return result;
}

QString Inventory::firstGroupVarsFile(const QString &group, const QString &fileName) const {
    for (const VarsFile &file : m_varsFiles) {
        if (file.scope == VarsFile::Scope::Group && file.target == group &&
            QFileInfo(file.document.path()).fileName() == fileName)
            return file.displayPath;
    }
    return {};
}

} // namespace ksw
