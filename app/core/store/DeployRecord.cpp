// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/DeployRecord.h"

#include "store/DurableFile.h"

#include "kubespray/ClusterConfig.h"
#include "yaml/YamlValues.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ksw {

namespace {} // namespace

QString deployActionName(DeployAction action) {
    switch (action) {
    case DeployAction::Redeploy:
        return QStringLiteral("redeploy");
    case DeployAction::ClusterOnly:
        return QStringLiteral("cluster");
    case DeployAction::ResetOnly:
        return QStringLiteral("reset");
    }
    return {};
}

std::optional<DeployAction> deployActionFromName(const QString &name) {
    for (const DeployAction action : {DeployAction::Redeploy, DeployAction::ClusterOnly, DeployAction::ResetOnly}) {
        if (deployActionName(action) == name)
            return action;
    }
    return std::nullopt;
}

QStringList DeployRecord::rangeVariables() {
    return {QStringLiteral("kube_service_addresses"), QStringLiteral("kube_pods_subnet"),
            QStringLiteral("kube_service_addresses_ipv6"), QStringLiteral("kube_pods_subnet_ipv6"),
            QStringLiteral("kube_network_node_prefix")};
}

QMap<QString, QString> DeployRecord::rangesOf(const ClusterConfig &config) {
    QMap<QString, QString> ranges;
    for (const QString &name : rangeVariables())
        ranges.insert(name, yaml::scalarText(config.value(name).value));
    return ranges;
}

Expected<DeployRecord> DeployRecord::load(const QString &dataFolder) {
    const QString path = QDir(dataFolder).filePath(fileName());
    DeployRecord record;
    QFile file(path);
    if (!file.exists())
        return record;
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            {path},
            {},
            QCoreApplication::translate("DeployRecord", "Cannot read the deploy record: %1").arg(file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{
            {path},
            {},
            QCoreApplication::translate("DeployRecord", "The deploy record is not a JSON object (at byte %1: %2).")
                .arg(parseError.offset)
                .arg(parseError.errorString())};
    const QJsonObject root = document.object();

    const QJsonObject choices = root.value(QStringLiteral("choices")).toObject();
    if (!choices.isEmpty()) {
        Choices c;
        const QString actionName = choices.value(QStringLiteral("action")).toString();
        const std::optional<DeployAction> action = deployActionFromName(actionName);
        if (!action)
            return Error{{path},
                         QStringLiteral("choices.action"),
                         QCoreApplication::translate("DeployRecord", "Unknown deploy action \"%1\".").arg(actionName)};
        c.action = *action;
        c.retryOnce = choices.value(QStringLiteral("retry_once")).toBool(false);
        c.verbosity = qBound(0, choices.value(QStringLiteral("verbosity")).toInt(0), 6);
        c.verifyAfter = choices.value(QStringLiteral("verify_after")).toBool(true);
        c.becomeSameAsSsh = choices.value(QStringLiteral("become_same_as_ssh")).toBool(true);
        record.choices = c;
    }
    const QJsonObject deployed = root.value(QStringLiteral("deployed")).toObject();
    if (!deployed.isEmpty()) {
        Deployed d;
        d.time = QDateTime::fromString(deployed.value(QStringLiteral("time")).toString(), Qt::ISODate);
        d.kubesprayVersion = deployed.value(QStringLiteral("kubespray_version")).toString();
        const QJsonObject ranges = deployed.value(QStringLiteral("ranges")).toObject();
        for (auto it = ranges.begin(); it != ranges.end(); ++it)
            d.ranges.insert(it.key(), it.value().toString());
        record.deployed = d;
    }
    record.lastVerification = root.value(QStringLiteral("last_verification")).toString();
    return record;
}

std::optional<Error> DeployRecord::save(const QString &dataFolder) const {
    QJsonObject root;
    if (choices) {
        root.insert(QStringLiteral("choices"),
                    QJsonObject{{QStringLiteral("action"), deployActionName(choices->action)},
                                {QStringLiteral("retry_once"), choices->retryOnce},
                                {QStringLiteral("verbosity"), choices->verbosity},
                                {QStringLiteral("verify_after"), choices->verifyAfter},
                                {QStringLiteral("become_same_as_ssh"), choices->becomeSameAsSsh}});
    }
    if (deployed) {
        QJsonObject ranges;
        for (auto it = deployed->ranges.begin(); it != deployed->ranges.end(); ++it)
            ranges.insert(it.key(), it.value());
        root.insert(QStringLiteral("deployed"),
                    QJsonObject{{QStringLiteral("time"), deployed->time.toString(Qt::ISODate)},
                                {QStringLiteral("kubespray_version"), deployed->kubesprayVersion},
                                {QStringLiteral("ranges"), ranges}});
    }
    if (!lastVerification.isEmpty())
        root.insert(QStringLiteral("last_verification"), lastVerification);

    const QString path = QDir(dataFolder).filePath(fileName());
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (auto problem = durable::write(path, bytes))
        return Error{
            {path},
            {},
            QCoreApplication::translate("DeployRecord", "Cannot keep the deploy record: %1").arg(problem->message)};
    return std::nullopt;
}

} // namespace ksw
