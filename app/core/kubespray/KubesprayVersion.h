// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace ksw {

/// A Kubespray release (v2.MINOR.PATCH), possibly with commits on top of it (a checkout of master).
class KubesprayVersion {
public:
    KubesprayVersion() = default;
    KubesprayVersion(int major, int minor, int patch, int commitsAhead = 0)
        : m_major(major)
        , m_minor(minor)
        , m_patch(patch)
        , m_commitsAhead(commitsAhead) {}

    /// "v2.25.0", "2.25.0", "v2.25", "v2.31.0-96-g46dbdd399" (git describe). Nothing for anything else.
    static std::optional<KubesprayVersion> parse(QStringView text);

    int major() const { return m_major; }
    int minor() const { return m_minor; }
    int patch() const { return m_patch; }
    int commitsAhead() const { return m_commitsAhead; }

    /// True for this release or any later one: atLeast(2, 25) is v2.25.0 and newer.
    bool atLeast(int major, int minor, int patch = 0) const;
    /// True before the given release: before(2, 27) is v2.26.x and older.
    bool before(int major, int minor, int patch = 0) const { return !atLeast(major, minor, patch); }

    /// "v2.25.0", or "v2.31.0+96" for commits past a release.
    QString toString() const;

    friend bool operator==(const KubesprayVersion &, const KubesprayVersion &) = default;
    friend std::strong_ordering operator<=>(const KubesprayVersion &, const KubesprayVersion &) = default;

private:
    int m_major = 0;
    int m_minor = 0;
    int m_patch = 0;
    int m_commitsAhead = 0;
};

/// A dotted version of Ansible ("2.14.18") compared numerically.
struct AnsibleVersion {
    int major = 0, minor = 0, patch = 0;
    static std::optional<AnsibleVersion> parse(QStringView text);
    QString toString() const;
    friend bool operator==(const AnsibleVersion &, const AnsibleVersion &) = default;
    friend std::strong_ordering operator<=>(const AnsibleVersion &, const AnsibleVersion &) = default;
};

/// The ansible-core versions a Kubespray release accepts: minimum inclusive, maximum exclusive.
struct AnsibleRange {
    AnsibleVersion minimum;
    AnsibleVersion maximum;
    QString origin; ///< "playbooks/ansible_version.yml" or "built-in table for v2.25"
    bool contains(const AnsibleVersion &version) const { return version >= minimum && version < maximum; }
    QString toString() const; ///< ">= 2.16.4, < 2.17.0"
};

/// The range Kubespray's playbooks/ansible_version.yml of that release asserts, as far as known.
std::optional<AnsibleRange> builtInAnsibleRange(const KubesprayVersion &version);

} // namespace ksw
