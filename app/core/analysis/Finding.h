// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Setting.h"
#include "kubespray/Topic.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace ksw {

/// A sentence kept as its English source and arguments, so it can be shown in either language
/// (QCoreApplication::translate, context "Finding") and written in English to JSON.
struct Message {
    const char *source = nullptr; ///< marked with QT_TRANSLATE_NOOP("Finding", ...)
    QStringList arguments;

    QString translated() const;
    QString english() const;
    bool isEmpty() const { return source == nullptr; }
};

/// One setting a fix writes: a top-level key of an inventory file and its new value.
struct SettingChange {
    QString file; ///< relative to the inventory folder ("group_vars/all/all.yml"); empty when no file can take it
    QString key;
    YAML::Node value;
    QString unwritable; ///< why no file can take it so that every node reads it (translated); empty when one can
};

/// What the wizard proposes to do about a finding.
struct FixProposal {
    QList<SettingChange> changes;
    Message note; ///< a consequence worth knowing ("the cluster DNS address moves too")

    bool isEmpty() const { return changes.isEmpty(); }
    QJsonObject toJson() const;
};

/// A fault (or a fact worth knowing) in an inventory, with a stable code.
struct Finding {
    enum class Severity { Blocking, Warning, Info };

    struct Value {
        QString name;
        QString value;
    };
    struct NamedOrigin {
        QString name;
        Origin origin;
    };

    QString code; ///< stable, documented ("range-contains-company-address")
    Severity severity = Severity::Info;
    Topic topic = Topic::Inventory; ///< which page explains and fixes it
    Message message;                ///< one sentence: what is wrong here
    Message explanation;            ///< why it matters, for a newcomer
    QList<Value> values;
    QList<NamedOrigin> origins;
    FixProposal fix;

    static QString severityName(Severity severity); ///< "blocking", "warning", "info"
    static QString translatedSeverityName(Severity severity);
    /// {"code", "severity", "message" (English), "explanation", "values", "origins", "fix"}
    QJsonObject toJson() const;
};

/// The findings of one topic, in their order.
QList<Finding> findingsOf(const QList<Finding> &findings, Topic topic);

/// What every finding of one code has in common (Analyzer::kinds() lists them all).
struct FindingKind {
    QString code;
    Finding::Severity severity = Finding::Severity::Warning;
    Topic topic = Topic::Inventory;
    bool fromNodes = false; ///< raised from what the nodes answered in a preflight
};

} // namespace ksw
