// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/KubesprayVersion.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ksw {

/// A Kubespray checkout (the folder with cluster.yml, roles/ and inventory/) and what it tells about itself.
class Checkout {
public:
    /// How the version was found, most trustworthy first.
    enum class VersionSource {
        Override,    ///< given by the user (--kubespray-version)
        GitDescribe, ///< `git describe --tags` in the checkout
        GalaxyYml,   ///< galaxy.yml `version:` (trusted from 2.24.0 on; older files are stale)
        Structure,   ///< files that appeared in a given release: a lower bound
        MarkerFile,  ///< a KUBESPRAY_VERSION file next to an inventory that has no checkout (the demo)
        Unknown,
    };

    /// The Kubespray root holding `inventoryPath` (a file or folder): the nearest ancestor with cluster.yml and roles/.
    static std::optional<QString> findRoot(const QString &inventoryPath);
    /// The inventories of a checkout: folders under inventory/ that hold a hosts file (sample last).
    static QStringList findInventories(const QString &root);

    /// The checkout at `root`, version detected.
    static Checkout open(const QString &root);
    /// The checkout holding `inventoryPath`, or a root-less one whose version comes from a marker file
    /// or from `override`.
    static Checkout forInventory(const QString &inventoryPath,
                                 const std::optional<KubesprayVersion> &override = std::nullopt);

    bool hasRoot() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }

    std::optional<KubesprayVersion> version() const { return m_version; }
    VersionSource versionSource() const { return m_versionSource; }
    /// What the detection rests on, for people ("git describe: v2.31.0-96-g46dbdd399").
    QString versionEvidence() const { return m_versionEvidence; }

    /// `<root>/venv/bin/ansible-playbook` when it exists and is executable; empty otherwise.
    QString venvAnsiblePlaybook() const;
    /// The ansible-core range this release accepts: read from the checkout, else the built-in table.
    std::optional<AnsibleRange> ansibleRange() const;

private:
    void detectVersion();
    std::optional<AnsibleRange> ansibleRangeFromFiles() const;

    QString m_root;
    std::optional<KubesprayVersion> m_version;
    VersionSource m_versionSource = VersionSource::Unknown;
    QString m_versionEvidence;
};

} // namespace ksw
