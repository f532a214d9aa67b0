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

#include <algorithm>
#include <cerrno>
#include <numeric>
#include <sys/stat.h>

namespace ksw {

namespace {

const QString ClusterGroup = QStringLiteral("k8s_cluster");
const QString AllGroup = QStringLiteral("all");

// The extensions Ansible's host_group_vars plugin tries after NAME itself, in its order.
const QStringList varsSuffixOrder = {QString(), QStringLiteral("yml"), QStringLiteral("yaml"), QStringLiteral("json")};

bool isVarsFileName(const QString &name) {
    // Ansible's host_group_vars plugin: .yml, .yaml, .json, or no extension; hidden and backup (~) files are skipped.
    if (name.startsWith(u'.') || name.endsWith(u'~'))
        return false;
    const QString suffix = QFileInfo(name).suffix();
    return suffix.isEmpty() || suffix == u"yml" || suffix == u"yaml" || suffix == u"json";
}

/// Reads a hosts file with the plugin Ansible would use: its YAML plugin takes a file ending in .yaml, .yml or .json,
/// or with no extension at all; the INI plugin takes any file the YAML plugin could not read (hosts.yml.example is
/// INI to Ansible, and fails there).
Expected<HostsFile> parseHostsFile(const QByteArray &bytes, const QString &path) {
    // Python's os.path.splitext: the extension after the last dot of the name, none for a leading dot only.
    const QString name = QFileInfo(path).fileName();
    const qsizetype dot = name.lastIndexOf(u'.');
    const bool onlyLeadingDots =
        std::all_of(name.cbegin(), name.cbegin() + std::max<qsizetype>(dot, 0), [](QChar c) { return c == u'.'; });
    const QString extension = dot > 0 && !onlyLeadingDots ? name.mid(dot + 1) : QString();
    const bool yamlPlugin = extension.isEmpty() || extension == u"yaml" || extension == u"yml" || extension == u"json";
    if (!yamlPlugin)
        return HostsFile::parseIni(bytes, path);
    auto yaml = HostsFile::parseYaml(bytes, path);
    if (yaml || !extension.isEmpty())
        return yaml;
    // No extension: INI when the YAML plugin cannot read it.
    auto ini = HostsFile::parseIni(bytes, path);
    return ini ? ini : yaml;
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
    auto hosts = parseHostsFile(bytes, hostsPath);
    if (!hosts)
        return hosts.error();
    inventory.m_hosts = std::move(*hosts);
    if (inventory.m_hosts.hostOrder.isEmpty())
        inventory.m_notes.append(QCoreApplication::translate(
            "Inventory", "The hosts file lists no host (every host line may be commented out)."));

    for (const QString &group : inventory.m_hosts.groups.keys()) {
        if (canonicalGroupName(group) != group)
            inventory.m_notes.append(QCoreApplication::translate(
                                         "Inventory", "The group “%1” has a legacy name; Kubespray reads it as “%2”.")
                                         .arg(group, canonicalGroupName(group)));
    }

    inventory.m_graph = GroupGraph(inventory.m_hosts);
    inventory.m_clusterNodes = inventory.m_graph.hostsOf(GroupGraph::Cluster);
    if (inventory.m_clusterNodes.isEmpty())
        inventory.m_clusterNodes = inventory.m_hosts.hostOrder;

    if (auto problem =
            inventory.loadVarsFolder(QStringLiteral("group_vars"), VarsFile::Scope::Group, inventory.m_graph.groups()))
        return *problem;
    if (auto problem =
            inventory.loadVarsFolder(QStringLiteral("host_vars"), VarsFile::Scope::Host, inventory.m_hosts.hostOrder))
        return *problem;
    inventory.indexHostLevelVariables();
    return inventory;
}

struct Inventory::Entry {
    QString name;
    bool isFolder = false;
};

Expected<QList<Inventory::Entry>> Inventory::entriesOf(const QString &relativeFolder) const {
    // Sorted as Python sorts the names (by code point), with the overlay's files and their folders added.
    QMap<QString, bool> entries;
    const QString absolute = m_directory + QLatin1Char('/') + relativeFolder;
    const QFileInfo folderInfo(absolute);
    if (folderInfo.isDir()) {
        if (!folderInfo.isReadable() || !folderInfo.isExecutable())
            return Error{{absolute},
                         {},
                         QCoreApplication::translate("Inventory", "This folder cannot be read (permission denied); "
                                                                  "Ansible stops on it too.")};
        const QDir folder(absolute);
        for (const QFileInfo &entry :
             folder.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System))
            entries.insert(entry.fileName(), entry.isDir());
    }
    const QString prefix = relativeFolder + QLatin1Char('/');
    for (auto it = m_overlay.cbegin(); it != m_overlay.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString rest = it.key().mid(prefix.size());
        const bool nested = rest.contains(u'/');
        const QString name = rest.section(u'/', 0, 0);
        if (!entries.contains(name))
            entries.insert(name, nested);
    }
    QList<Entry> result;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

std::optional<Error> Inventory::loadVarsFolder(const QString &folderName, VarsFile::Scope scope,
                                               const QStringList &names) {
    const auto entries = entriesOf(folderName);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return std::nullopt;
    QHash<QString, bool> isFolder;
    for (const Entry &entry : *entries)
        isFolder.insert(entry.name, entry.isFolder);
    // Ansible's find_vars_files: NAME (a folder beats a file), NAME.yml, NAME.yaml, NAME.json; the first that
    // exists is the only one read.
    QSet<QString> read;
    for (const QString &name : names) {
        if (name.startsWith(u'/'))
            continue; // Ansible skips names that look like absolute paths
        for (const QString &suffix : varsSuffixOrder) {
            const QString candidate = suffix.isEmpty() ? name : name + QLatin1Char('.') + suffix;
            const auto found = isFolder.constFind(candidate);
            if (found == isFolder.constEnd())
                continue;
            read.insert(candidate);
            const QString relative = folderName + QLatin1Char('/') + candidate;
            (scope == VarsFile::Scope::Group ? m_groupEntries : m_hostEntries).insert(name, {relative, found.value()});
            if (auto problem = loadVarsEntry(relative, found.value(), scope, name))
                return problem;
            break;
        }
    }
    QStringList unread;
    for (const Entry &entry : *entries) {
        if (!read.contains(entry.name) && isVarsFileName(entry.name))
            unread.append(folderName + QLatin1Char('/') + entry.name);
    }
    if (!unread.isEmpty())
        m_notes.append(QCoreApplication::translate("Inventory", "Ansible reads none of %1: no group or host of the "
                                                                "inventory has that name, or a folder of the same "
                                                                "name comes first.")
                           .arg(unread.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<Error> Inventory::loadVarsEntry(const QString &relativePath, bool isFolder, VarsFile::Scope scope,
                                              const QString &target) {
    if (!isFolder)
        return addVarsFile(relativePath, scope, target);
    // Ansible's _get_dir_vars_files: each level sorted; hidden and backup names skipped; a folder without an
    // extension is read recursively, a file needs no extension or .yml/.yaml/.json.
    const auto entries = entriesOf(relativePath);
    if (!entries)
        return entries.error();
    for (const Entry &entry : *entries) {
        if (entry.name.startsWith(u'.') || entry.name.endsWith(u'~'))
            continue;
        const QString path = relativePath + QLatin1Char('/') + entry.name;
        const bool hasSuffix = !QFileInfo(entry.name).suffix().isEmpty() || entry.name.endsWith(u'.');
        if (entry.isFolder) {
            if (!hasSuffix) {
                if (auto problem = loadVarsEntry(path, true, scope, target))
                    return problem;
            }
        } else if (isVarsFileName(entry.name)) {
            if (auto problem = addVarsFile(path, scope, target))
                return problem;
        }
    }
    return std::nullopt;
}

std::optional<Error> Inventory::addVarsFile(const QString &relativePath, VarsFile::Scope scope, const QString &target) {
    const QString absolutePath = m_directory + QLatin1Char('/') + relativePath;
    auto document = m_overlay.contains(relativePath) ? YamlDocument::parse(m_overlay.value(relativePath), absolutePath)
                                                     : YamlDocument::load(absolutePath);
    if (!document) {
        Error error = document.error();
        error.where.file = relativePath;
        return error;
    }
    (scope == VarsFile::Scope::Group ? m_groupFiles : m_hostFiles)[target].append(static_cast<int>(m_varsFiles.size()));
    m_varsFiles.append({scope, target, relativePath, std::move(*document)});
    return std::nullopt;
}

void Inventory::indexHostLevelVariables() {
    for (const QString &host : m_hosts.hostOrder) {
        const InventoryHost &entry = m_hosts.hosts.value(host);
        for (auto it = entry.vars.cbegin(); it != entry.vars.cend(); ++it)
            m_setByHosts[it.key()].append(host);
        for (const int index : m_hostFiles.value(host)) {
            for (const YamlDocument::Key &key : m_varsFiles.at(index).document.keys()) {
                QStringList &hosts = m_setByHosts[key.name];
                if (hosts.isEmpty() || hosts.constLast() != host)
                    hosts.append(host);
            }
        }
    }
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

QString Inventory::Value::scope() const {
    switch (place) {
    case Place::HostsFileGroup:
    case Place::GroupVars:
        return QCoreApplication::translate("Inventory", "group %1").arg(target);
    case Place::HostsFileHost:
    case Place::HostVars:
        return QCoreApplication::translate("Inventory", "host %1").arg(target);
    case Place::Nowhere:
        break;
    }
    return {};
}

namespace {

// YAML::Node's copy assignment rebinds the node it pointed to, and with it every other handle to that node (the
// documents' own values among them). Values are therefore only ever copy-constructed, never assigned.
Inventory::Value makeValue(const QString &name, const YAML::Node &node, const QString &file, const QString &displayPath,
                           int line, Inventory::Value::Place place, const QString &target) {
    Inventory::Value value{{name, node, {Origin::Kind::Inventory, file, displayPath, line, {}}}, place, target, {}};
    return value;
}

Inventory::Value unset(const QString &name) {
    Inventory::Value value;
    value.setting.name = name;
    return value;
}

} // namespace

Inventory::Value Inventory::valueIn(const QList<int> &files, const QString &name, Value::Place place,
                                    const QString &target) const {
    // The files of one group or host are merged in order, so the last that sets the name wins.
    for (auto index = files.crbegin(); index != files.crend(); ++index) {
        const VarsFile &file = m_varsFiles.at(*index);
        if (const auto key = file.document.value(name))
            return makeValue(name, key->value, file.document.path(), file.displayPath, key->line, place, target);
    }
    return unset(name);
}

Inventory::Value Inventory::groupLevelValue(const QStringList &groups, const QString &name) const {
    // Strongest first: group_vars of the groups (`all` is the first of `groups`, the weakest), then the hosts
    // file's vars of the groups in the same order.
    for (auto group = groups.crbegin(); group != groups.crend(); ++group) {
        if (const auto files = m_groupFiles.constFind(*group); files != m_groupFiles.constEnd()) {
            Value value = valueIn(*files, name, Value::Place::GroupVars, *group);
            if (value.setting.isDefined())
                return value;
        }
    }
    for (auto group = groups.crbegin(); group != groups.crend(); ++group) {
        const auto declared = m_hosts.groups.constFind(*group);
        if (declared == m_hosts.groups.constEnd())
            continue;
        if (declared->vars.contains(name)) {
            const InlineVariable variable = declared->vars.value(name);
            return makeValue(name, variable.value, m_hosts.path, displayPath(m_hosts.path), variable.line,
                             Value::Place::HostsFileGroup, *group);
        }
    }
    return unset(name);
}

Inventory::Value Inventory::hostValue(const QString &host, const QString &name) const {
    const Value value = [&] {
        if (const auto files = m_hostFiles.constFind(host); files != m_hostFiles.constEnd()) {
            Value fromFile = valueIn(*files, name, Value::Place::HostVars, host);
            if (fromFile.setting.isDefined())
                return fromFile;
        }
        if (const InventoryHost &entry = m_hosts.hosts.value(host); entry.vars.contains(name)) {
            const InlineVariable variable = entry.vars.value(name);
            return makeValue(name, variable.value, m_hosts.path, displayPath(m_hosts.path), variable.line,
                             Value::Place::HostsFileHost, host);
        }
        return groupLevelValue(m_graph.groupsOf(host), name);
    }();
    Value result(value);
    result.hosts = {host};
    return result;
}

QList<Inventory::Value> Inventory::valuesOn(const QString &name, const QStringList &hosts) const {
    // Hosts of one profile share every group-level answer; only hosts that set the name themselves differ.
    const QSet<QString> nodes(hosts.cbegin(), hosts.cend());
    const QStringList setByHosts = m_setByHosts.value(name);
    const QSet<QString> ownValue(setByHosts.cbegin(), setByHosts.cend());
    QList<Value> values;
    const auto addHost = [&](const Value &value, const QString &host) {
        for (Value &known : values) {
            if (known.place == value.place && known.target == value.target &&
                known.setting.origin.displayPath == value.setting.origin.displayPath &&
                known.setting.origin.line == value.setting.origin.line) {
                known.hosts.append(host);
                return;
            }
        }
        values.append(value);
        values.last().hosts = {host};
    };
    for (const GroupGraph::Profile &profile : m_graph.profiles()) {
        std::optional<Value> shared;
        for (const QString &host : profile.hosts) {
            if (!nodes.contains(host))
                continue;
            if (ownValue.contains(host)) {
                addHost(hostValue(host, name), host);
                continue;
            }
            if (!shared)
                shared.emplace(groupLevelValue(profile.groups, name));
            addHost(*shared, host);
        }
    }
    // The entry that reaches the most nodes first; hosts in the inventory's order within each entry.
    QList<int> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return values.at(a).hosts.size() > values.at(b).hosts.size(); });
    QHash<QString, int> position;
    for (int i = 0; i < hosts.size(); ++i)
        position.insert(hosts.at(i), i);
    QList<Value> sorted;
    for (const int index : order) {
        sorted.append(values.at(index));
        QStringList &entryHosts = sorted.last().hosts;
        std::sort(entryHosts.begin(), entryHosts.end(),
                  [&](const QString &a, const QString &b) { return position.value(a) < position.value(b); });
    }
    return sorted;
}

std::optional<Setting> Inventory::clusterValue(const QString &name) const {
    const QList<Value> values = nodeValues(name);
    if (values.isEmpty() || !values.constFirst().setting.isDefined())
        return std::nullopt;
    return values.constFirst().setting;
}

QList<Inventory::Override> Inventory::overrides(const QString &name) const {
    const QList<Value> values = nodeValues(name);
    QList<Override> result;
    if (values.size() < 2)
        return result;
    for (const Value &value : values) {
        if (value.setting.isDefined())
            result.append({name, value.scope(), value.setting, value.hosts});
    }
    return result;
}

std::optional<Inventory::VarsEntry> Inventory::entryOf(VarsFile::Scope scope, const QString &target) const {
    const auto &entries = scope == VarsFile::Scope::Group ? m_groupEntries : m_hostEntries;
    const auto found = entries.constFind(target);
    if (found == entries.constEnd())
        return std::nullopt;
    return found.value();
}

QString Inventory::placeInEntry(VarsFile::Scope scope, const QString &target, const QString &fileName) const {
    const QString folder = scope == VarsFile::Scope::Group ? QStringLiteral("group_vars") : QStringLiteral("host_vars");
    const auto entry = entryOf(scope, target);
    if (!entry)
        return folder + QLatin1Char('/') + target + QLatin1Char('/') + fileName;
    if (!entry->isFolder)
        return entry->path; // the group is read from this one file; a new folder beside it would hide it
    // The folder's own file of that name, wherever it sits in the folder, else a new one at its top.
    for (const int index : (scope == VarsFile::Scope::Group ? m_groupFiles : m_hostFiles).value(target)) {
        if (QFileInfo(m_varsFiles.at(index).displayPath).fileName() == fileName)
            return m_varsFiles.at(index).displayPath;
    }
    return entry->path + QLatin1Char('/') + fileName;
}

Expected<QString> Inventory::placeFor(const QString &name, const QString &group, const QString &fileName) const {
    const QList<Value> values = nodeValues(name);
    if (values.size() > 1) {
        QStringList places;
        for (const Value &value : values)
            places.append(QCoreApplication::translate("Inventory", "%1 for %2")
                              .arg(value.setting.isDefined() ? value.setting.origin.describe()
                                                             : QCoreApplication::translate("Inventory", "the default"),
                                   value.hosts.join(QStringLiteral(", "))));
        return Error{{m_hosts.path},
                     name,
                     QCoreApplication::translate("Inventory", "The nodes get %1 from different places (%2). Kubespray "
                                                              "Wizard writes one value for every node: set it in one "
                                                              "place first.")
                         .arg(name, places.join(QStringLiteral("; ")))};
    }
    const Value value = values.value(0);
    switch (value.place) {
    case Value::Place::GroupVars:
    case Value::Place::HostVars:
        return value.setting.origin.displayPath;
    case Value::Place::HostsFileGroup:
        // group_vars files beat every group variable of the hosts file, so the group's own file takes it.
        return placeInEntry(VarsFile::Scope::Group, value.target, fileName);
    case Value::Place::HostsFileHost:
        return placeInEntry(VarsFile::Scope::Host, value.target, fileName);
    case Value::Place::Nowhere:
        break;
    }
    // Set nowhere: the group's vars, so long as the group reaches no host but the nodes (a bastion or a NAS in
    // `all` must not get the cluster's settings); else the vars of a group that holds exactly the nodes.
    return placeInEntry(VarsFile::Scope::Group, groupForNodes(group), fileName);
}

QString Inventory::groupForNodes(const QString &preferred) const {
    const QSet<QString> nodes(m_clusterNodes.cbegin(), m_clusterNodes.cend());
    const auto holdsOnlyTheNodes = [&](const QString &group) {
        const QStringList hosts = m_graph.hostsOf(group);
        return QSet<QString>(hosts.cbegin(), hosts.cend()) == nodes;
    };
    // A group Kubespray adds at run time from a legacy name: the legacy group's own vars when only those exist.
    const auto withVars = [&](const QString &group) {
        if (entryOf(VarsFile::Scope::Group, group))
            return group;
        for (const QString &written : m_hosts.groups.keys()) {
            if (canonicalGroupName(written) == group && entryOf(VarsFile::Scope::Group, written))
                return written;
        }
        return group;
    };
    if (holdsOnlyTheNodes(preferred))
        return withVars(preferred);
    // The groups Ansible already reads vars for first, k8s_cluster before the others, the deepest (narrowest)
    // before its parents.
    QStringList candidates;
    for (const QString &group : m_graph.groups()) {
        if (group != GroupGraph::Cluster && entryOf(VarsFile::Scope::Group, group) && holdsOnlyTheNodes(group))
            candidates.append(group);
    }
    if (holdsOnlyTheNodes(GroupGraph::Cluster) &&
        (entryOf(VarsFile::Scope::Group, withVars(GroupGraph::Cluster)) || candidates.isEmpty()))
        return withVars(GroupGraph::Cluster);
    if (!candidates.isEmpty()) {
        std::stable_sort(candidates.begin(), candidates.end(),
                         [this](const QString &a, const QString &b) { return m_graph.depth(a) > m_graph.depth(b); });
        return candidates.constFirst();
    }
    return withVars(preferred);
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

std::optional<QString> varsFileCreationProblem(const QString &inventoryDirectory, const QString &relative) {
    const QString cleaned = QDir::cleanPath(relative);
    const QString folder = cleaned.section(u'/', 0, 0);
    if (folder != u"group_vars" && folder != u"host_vars")
        return std::nullopt;
    const QString entry = cleaned.section(u'/', 1, 1); // NAME, NAME.yml, ... or a folder NAME
    const bool inFolder = cleaned.count(u'/') > 1;
    const QFileInfo entryInfo(entry);
    const QString name =
        inFolder || !varsSuffixOrder.contains(entryInfo.suffix()) ? entry : entryInfo.completeBaseName();
    const int newRank = inFolder ? 0 : static_cast<int>(varsSuffixOrder.indexOf(entryInfo.suffix()));
    const QDir vars(inventoryDirectory + QLatin1Char('/') + folder);
    for (int rank = 0; rank < varsSuffixOrder.size(); ++rank) {
        const QString candidate = rank == 0 ? name : name + QLatin1Char('.') + varsSuffixOrder.at(rank);
        if (!QFileInfo::exists(vars.filePath(candidate)))
            continue;
        const QString shown = folder + QLatin1Char('/') + candidate;
        if (rank < newRank || (rank == 0 && inFolder && QFileInfo(vars.filePath(candidate)).isFile()))
            return QCoreApplication::translate("Inventory", "Ansible reads %1 for “%2” and would never read a new "
                                                            "%3.")
                .arg(shown, name, cleaned);
        if (rank > newRank)
            return QCoreApplication::translate("Inventory", "A new %1 would hide %2 from Ansible, which reads "
                                                            "only the first of %3, %3.yml, %3.yaml and %3.json.")
                .arg(cleaned, shown, name);
        return std::nullopt; // the same entry: read beside today's files
    }
    return std::nullopt;
}

} // namespace ksw
