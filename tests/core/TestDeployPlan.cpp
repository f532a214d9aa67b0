// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The deploy record (deploy.json in the inventory's data folder), the baseline of the running cluster's ranges
// (last deploy, else the inventory before the wizard's first saved change), the refusal of "cluster only" after a
// range change, the playbooks of each action, and the runner's ansible-core range warning.
#include "TestSupport.h"

#include "analysis/Assessment.h"
#include "analysis/ChangeSet.h"
#include "deploy/DeployPipeline.h"
#include "deploy/DeployPlan.h"
#include "run/PlaybookRunner.h"
#include "store/DeployRecord.h"
#include "store/History.h"
#include "store/InventoryEdit.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ksw;

class TestDeployPlan : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;

    /// A writable copy of the v2.25 fixture inventory, opened.
    struct Copy {
        QTemporaryDir dir;
        QString inventory() const { return dir.filePath(QStringLiteral("inv")); }
    };

    static std::unique_ptr<Assessment> open(const QString &inventory) {
        Assessment::Request request;
        request.inventoryPath = inventory;
        request.inspectAnsible = false;
        auto result = Assessment::run(request);
        if (!result)
            return nullptr;
        return std::make_unique<Assessment>(std::move(*result));
    }

    static bool writeChange(const QString &inventory, const QString &file, const QString &key, const char *value) {
        ChangeSet changes;
        changes.add({file, key, YAML::Node(std::string(value)), {}});
        const auto edit = InventoryEdit::prepare(inventory, changes);
        if (!edit)
            return false;
        History history(inventory);
        return bool(edit->write(history, QStringLiteral("test")));
    }

private slots:
    void init() { qputenv("XDG_DATA_HOME", m_data.path().toUtf8()); }

    void recordRoundTrip() {
        QTemporaryDir folder;
        DeployRecord record;
        QVERIFY(DeployRecord::load(folder.path()).hasValue()); // none yet: an empty record
        QVERIFY(!DeployRecord::load(folder.path())->choices);
        record.choices = DeployRecord::Choices{DeployAction::ClusterOnly, true, 3, false, false};
        DeployRecord::Deployed deployed;
        deployed.time = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
        deployed.kubesprayVersion = QStringLiteral("v2.25.0");
        deployed.ranges = {{QStringLiteral("kube_pods_subnet"), QStringLiteral("10.201.0.0/16")}};
        record.deployed = deployed;
        record.lastVerification = QStringLiteral("Complete, exit code 0");
        QVERIFY(!record.save(folder.path()));

        const auto loaded = DeployRecord::load(folder.path());
        QVERIFY(loaded.hasValue());
        QVERIFY(loaded->choices);
        QCOMPARE(loaded->choices->action, DeployAction::ClusterOnly);
        QCOMPARE(loaded->choices->retryOnce, true);
        QCOMPARE(loaded->choices->verbosity, 3);
        QCOMPARE(loaded->choices->verifyAfter, false);
        QCOMPARE(loaded->choices->becomeSameAsSsh, false);
        QVERIFY(loaded->deployed);
        QCOMPARE(loaded->deployed->time, deployed.time);
        QCOMPARE(loaded->deployed->ranges, deployed.ranges);
        QCOMPARE(loaded->lastVerification, record.lastVerification);
        // Never a password in the record.
        QVERIFY(!test::readAll(folder.filePath(DeployRecord::fileName())).contains("password\""));
    }

    void recordErrorsNameTheFile() {
        QTemporaryDir folder;
        const QString path = folder.filePath(DeployRecord::fileName());
        QVERIFY(test::writeAll(path, "{ not json"));
        auto loaded = DeployRecord::load(folder.path());
        QVERIFY(!loaded.hasValue());
        QVERIFY2(loaded.error().toString().contains(path), qPrintable(loaded.error().toString()));
        QVERIFY(test::writeAll(path, R"({"choices": {"action": "explode"}})"));
        loaded = DeployRecord::load(folder.path());
        QVERIFY(!loaded.hasValue());
        QCOMPARE(loaded.error().field, QStringLiteral("choices.action"));
        QCOMPARE(test::readAll(path), QByteArray(R"({"choices": {"action": "explode"}})")); // nothing rewritten
    }

    void actionsAndPlaybooks() {
        QCOMPARE(DeployPlan::playbooks(DeployAction::Redeploy),
                 (QStringList{QStringLiteral("reset.yml"), QStringLiteral("cluster.yml")}));
        QCOMPARE(DeployPlan::playbooks(DeployAction::ClusterOnly), QStringList{QStringLiteral("cluster.yml")});
        QCOMPARE(DeployPlan::playbooks(DeployAction::ResetOnly), QStringList{QStringLiteral("reset.yml")});
        for (const DeployAction action : {DeployAction::Redeploy, DeployAction::ClusterOnly, DeployAction::ResetOnly})
            QCOMPARE(deployActionFromName(deployActionName(action)), action);
        QVERIFY(!deployActionFromName(QStringLiteral("cluster.yml")));
        const QString consequences = DeployPlan::resetConsequences();
        QVERIFY(consequences.contains(QLatin1String("iptables")));
        QVERIFY(consequences.contains(QLatin1String("resolv.conf")));
    }

    /// No record and no history: the files on disk are the baseline, nothing changed, cluster only may run.
    void baselineWithoutHistory() {
        Copy copy;
        QVERIFY(test::copyTree(test::fixturePath(QStringLiteral("inventories/v2.25")), copy.inventory()));
        const auto assessment = open(copy.inventory());
        QVERIFY(assessment);
        const DeployPlan::Baseline baseline =
            DeployPlan::baseline(copy.inventory(), assessment->config(), DeployRecord());
        QCOMPARE(baseline.source, DeployPlan::Baseline::Source::Unknown);
        QCOMPARE(baseline.ranges.value(QStringLiteral("kube_pods_subnet")), QStringLiteral("10.233.64.0/18"));
        const auto changes = DeployPlan::rangeChanges(baseline, DeployRecord::rangesOf(assessment->config()));
        QVERIFY(changes.isEmpty());
        QVERIFY(DeployPlan::refusal(DeployAction::ClusterOnly, changes).isEmpty());
    }

    /// The wizard saved a new pod range: the baseline is the inventory before that save, cluster only is refused
    /// naming the variable and both values, re-deploy is not.
    void rangeChangeSinceTheWizardsFirstSave() {
        Copy copy;
        QVERIFY(test::copyTree(test::fixturePath(QStringLiteral("inventories/v2.25")), copy.inventory()));
        QVERIFY(writeChange(copy.inventory(), QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"),
                            QStringLiteral("kube_pods_subnet"), "10.201.0.0/16"));
        // A later unrelated save does not hide the first one.
        QVERIFY(writeChange(copy.inventory(), QStringLiteral("group_vars/all/all.yml"),
                            QStringLiteral("upstream_dns_servers"), "10.244.10.130"));
        const auto assessment = open(copy.inventory());
        QVERIFY(assessment);
        const DeployPlan::Baseline baseline =
            DeployPlan::baseline(copy.inventory(), assessment->config(), DeployRecord());
        QCOMPARE(baseline.source, DeployPlan::Baseline::Source::BeforeWizardEdits);
        QCOMPARE(baseline.ranges.value(QStringLiteral("kube_pods_subnet")), QStringLiteral("10.233.64.0/18"));
        const auto changes = DeployPlan::rangeChanges(baseline, DeployRecord::rangesOf(assessment->config()));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().variable, QStringLiteral("kube_pods_subnet"));
        QCOMPARE(changes.first().deployed, QStringLiteral("10.233.64.0/18"));
        QCOMPARE(changes.first().planned, QStringLiteral("10.201.0.0/16"));
        const QString refused = DeployPlan::refusal(DeployAction::ClusterOnly, changes);
        QVERIFY(refused.contains(QLatin1String("kube_pods_subnet: 10.233.64.0/18")));
        QVERIFY(refused.contains(QLatin1String("10.201.0.0/16")));
        QVERIFY(DeployPlan::refusal(DeployAction::Redeploy, changes).isEmpty());
        QVERIFY(DeployPlan::refusal(DeployAction::ResetOnly, changes).isEmpty());

        // The pipeline says the same (and --force lets it through); a recorded deploy with the new ranges ends it.
        DeployPipeline::Target target = DeployPipeline::Target::from(*assessment, SiteProfile());
        target.problem.clear();
        target.verificationImage = QStringLiteral("registry.example/app:1");
        DeployPipeline::Options options;
        options.action = DeployAction::ClusterOnly;
        QCOMPARE(DeployPipeline::refusal(target, options), refused);
        options.force = true;
        QVERIFY(DeployPipeline::refusal(target, options).isEmpty());

        DeployRecord record;
        record.deployed = DeployRecord::Deployed{QDateTime::currentDateTimeUtc(), QStringLiteral("v2.25.0"),
                                                 DeployRecord::rangesOf(assessment->config())};
        const DeployPlan::Baseline afterDeploy = DeployPlan::baseline(copy.inventory(), assessment->config(), record);
        QCOMPARE(afterDeploy.source, DeployPlan::Baseline::Source::LastDeploy);
        QVERIFY(DeployPlan::rangeChanges(afterDeploy, DeployRecord::rangesOf(assessment->config())).isEmpty());
    }

    void pipelineRefusals() {
        DeployPipeline::Target target;
        target.problem = QStringLiteral("no checkout");
        DeployPipeline::Options options;
        QCOMPARE(DeployPipeline::refusal(target, options), QStringLiteral("no checkout"));
        target.problem.clear();
        options.verify = true;
        QVERIFY(DeployPipeline::refusal(target, options).contains(QLatin1String("verification image")));
        options.verify = false;
        QVERIFY(DeployPipeline::refusal(target, options).isEmpty());
        options.action = DeployAction::ResetOnly;
        options.verify = true; // a reset has nothing to verify
        QVERIFY(DeployPipeline::refusal(target, options).isEmpty());
    }

    void ansibleRangeWarning() {
        const AnsibleRange range{*AnsibleVersion::parse(u"2.16.4"), *AnsibleVersion::parse(u"2.17.0"),
                                 QStringLiteral("playbooks/ansible_version.yml")};
        const QString warning =
            PlaybookRunner::ansibleRangeWarning(QStringLiteral("2.14.18"), range, QStringLiteral("v2.25.0"));
        QVERIFY(warning.contains(QLatin1String("2.14.18")));
        QVERIFY(warning.contains(range.toString()));
        QVERIFY(warning.contains(QLatin1String("v2.25.0")));
        QVERIFY(
            PlaybookRunner::ansibleRangeWarning(QStringLiteral("2.16.9"), range, QStringLiteral("v2.25.0")).isEmpty());
        QVERIFY(PlaybookRunner::ansibleRangeWarning(QString(), range, QStringLiteral("v2.25.0")).isEmpty());
        QVERIFY(PlaybookRunner::ansibleRangeWarning(QStringLiteral("2.14.18"), std::nullopt, QStringLiteral("v2.25.0"))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeployPlan)
#include "TestDeployPlan.moc"
