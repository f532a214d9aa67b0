// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/KubesprayVersion.h"

#include <QRegularExpression>

namespace ksw {

std::optional<KubesprayVersion> KubesprayVersion::parse(QStringView text) {
    static const QRegularExpression pattern(
        QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-(\\d+)-g[0-9a-f]+)?(?:-dirty)?$"));
    const auto match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    return KubesprayVersion(match.capturedView(1).toInt(), match.capturedView(2).toInt(), match.capturedView(3).toInt(),
                            match.capturedView(4).toInt());
}

bool KubesprayVersion::atLeast(int major, int minor, int patch) const {
    return *this >= KubesprayVersion(major, minor, patch);
}

QString KubesprayVersion::toString() const {
    QString text = QStringLiteral("v%1.%2.%3").arg(m_major).arg(m_minor).arg(m_patch);
    if (m_commitsAhead > 0)
        text += QStringLiteral("+%1").arg(m_commitsAhead);
    return text;
}

std::optional<AnsibleVersion> AnsibleVersion::parse(QStringView text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const auto match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    return AnsibleVersion{match.capturedView(1).toInt(), match.capturedView(2).toInt(), match.capturedView(3).toInt()};
}

QString AnsibleVersion::toString() const {
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

QString AnsibleRange::toString() const {
    return QStringLiteral(">= %1, < %2").arg(minimum.toString(), maximum.toString());
}

std::optional<AnsibleRange> builtInAnsibleRange(const KubesprayVersion &version) {
    // playbooks/ansible_version.yml per release (FACTS.md §4). v2.22 is not in our table: unknown.
    struct Row {
        int minor;
        AnsibleVersion minimum, maximum;
    };
    static const Row rows[] = {
        {21, {2, 11, 0}, {2, 13, 0}}, {23, {2, 14, 0}, {2, 15, 0}}, {24, {2, 15, 5}, {2, 17, 0}},
        {25, {2, 16, 4}, {2, 17, 0}}, {29, {2, 17, 3}, {2, 18, 0}}, {31, {2, 18, 0}, {2, 19, 0}},
    };
    if (version.major() != 2 || version.minor() < 21 || version.minor() == 22)
        return std::nullopt;
    const Row *chosen = nullptr;
    for (const Row &row : rows) {
        if (version.minor() >= row.minor)
            chosen = &row;
    }
    return AnsibleRange{chosen->minimum, chosen->maximum,
                        QStringLiteral("Kubespray v2.%1 (built-in table)").arg(version.minor())};
}

} // namespace ksw
