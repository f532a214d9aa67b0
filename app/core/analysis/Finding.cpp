// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "analysis/Finding.h"

#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ksw {

namespace {

QString substitute(QString text, const QStringList &arguments) {
    for (const QString &argument : arguments)
        text = text.arg(argument);
    return text;
}

} // namespace

QString Message::translated() const {
    if (!source)
        return {};
    return substitute(QCoreApplication::translate("Finding", source), arguments);
}

QString Message::english() const {
    if (!source)
        return {};
    return substitute(QString::fromUtf8(source), arguments);
}

QJsonObject FixProposal::toJson() const {
    QJsonArray settings;
    for (const SettingChange &change : changes) {
        QJsonObject setting{{QStringLiteral("file"), change.file},
                            {QStringLiteral("key"), change.key},
                            {QStringLiteral("value"), yaml::toJson(change.value)}};
        if (!change.unwritable.isEmpty())
            setting.insert(QStringLiteral("unwritable"), change.unwritable);
        settings.append(setting);
    }
    QJsonObject object{{QStringLiteral("settings"), settings}};
    if (!note.isEmpty())
        object.insert(QStringLiteral("note"), note.english());
    return object;
}

QList<Finding> findingsOf(const QList<Finding> &findings, Topic topic) {
    QList<Finding> result;
    for (const Finding &finding : findings) {
        if (finding.topic == topic)
            result.append(finding);
    }
    return result;
}

QString Finding::severityName(Severity severity) {
    switch (severity) {
    case Severity::Blocking:
        return QStringLiteral("blocking");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString Finding::translatedSeverityName(Severity severity) {
    switch (severity) {
    case Severity::Blocking:
        return QCoreApplication::translate("Finding", "blocking");
    case Severity::Warning:
        return QCoreApplication::translate("Finding", "warning");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("Finding", "info");
}

QJsonObject Finding::toJson() const {
    QJsonObject valueObject;
    for (const Value &value : values)
        valueObject.insert(value.name, value.value);
    QJsonArray originArray;
    for (const NamedOrigin &named : origins) {
        QJsonObject origin{{QStringLiteral("name"), named.name}};
        if (named.origin.kind == Origin::Kind::Inventory || named.origin.kind == Origin::Kind::KubesprayRole) {
            origin.insert(QStringLiteral("file"), named.origin.displayPath);
            origin.insert(QStringLiteral("line"), named.origin.line);
        } else {
            origin.insert(QStringLiteral("file"), QJsonValue::Null);
            origin.insert(QStringLiteral("line"), QJsonValue::Null);
        }
        origin.insert(QStringLiteral("source"),
                      named.origin.kind == Origin::Kind::Inventory ? QStringLiteral("inventory")
                      : named.origin.kind == Origin::Kind::Unset   ? QStringLiteral("unset")
                                                                   : QStringLiteral("kubespray-default"));
        originArray.append(origin);
    }
    QJsonObject object{{QStringLiteral("code"), code},
                       {QStringLiteral("severity"), severityName(severity)},
                       {QStringLiteral("topic"), topicKey(topic)},
                       {QStringLiteral("message"), message.english()},
                       {QStringLiteral("values"), valueObject},
                       {QStringLiteral("origins"), originArray}};
    if (!explanation.isEmpty())
        object.insert(QStringLiteral("explanation"), explanation.english());
    object.insert(QStringLiteral("fix"), fix.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fix.toJson()));
    return object;
}

} // namespace ksw
