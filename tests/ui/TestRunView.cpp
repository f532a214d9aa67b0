// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"

#include "run/HostStatusModel.h"
#include "run/RunSession.h"
#include "widgets/LogView.h"
#include "widgets/RunView.h"

#include <QLabel>
#include <QListWidget>
#include <QObject>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

namespace {

// Two tasks that pass, then one that fails on purpose, then a slow one for cancelling.
constexpr const char *Playbook = R"yaml(- name: Check
  hosts: all
  gather_facts: false
  tasks:
    - name: Say hello
      ansible.builtin.debug:
        msg: hello
    - name: Touch a file
      ansible.builtin.command: "echo touched"
      changed_when: true
    - name: Fail on purpose
      ansible.builtin.fail:
        msg: "the run view failed on purpose"
)yaml";

constexpr const char *SlowPlaybook = R"yaml(- name: Slow
  hosts: all
  gather_facts: false
  tasks:
    - name: Wait long
      ansible.builtin.command: "sleep 60"
)yaml";

} // namespace

/// RunView showing a real run of Debian's ansible-playbook (connection: local): progress, host table, log,
/// the closing summary and its link into the log, and Cancel.
class TestRunView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_program = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
        if (m_program.isEmpty())
            QFAIL("ansible-playbook is missing: scripts/setup installs Debian's ansible");
        QDir().mkpath(m_root.filePath(QStringLiteral("home")));
        QDir().mkpath(m_root.filePath(QStringLiteral("tmp")));
        QVERIFY(ksw::test::writeAll(m_root.filePath(QStringLiteral("cluster.yml")), Playbook));
        QVERIFY(ksw::test::writeAll(m_root.filePath(QStringLiteral("slow.yml")), SlowPlaybook));
        QVERIFY(ksw::test::writeAll(m_root.filePath(QStringLiteral("hosts.ini")),
                                    "localhost ansible_connection=local ansible_python_interpreter=auto_silent\n"));
        QVERIFY(ksw::test::writeAll(m_root.filePath(QStringLiteral("ansible.cfg")),
                                    "[defaults]\nhost_key_checking = False\nretry_files_enabled = False\n"));
    }

    void failedRunShowsSummaryAndLinksToTheLog() {
        ksw::RunSession session;
        prepare(session, QStringLiteral("cluster.yml"));
        RunView view;
        view.resize(900, 700);
        view.setSession(&session);
        view.show();
        QSignalSpy finished(&session, &ksw::RunSession::finished);
        QString error;
        QVERIFY2(session.start(&error), qPrintable(error));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toInt(), 2);

        auto *table = view.findChild<QTableView *>(QStringLiteral("hostTableView"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("localhost"));
        auto *failures = view.findChild<QListWidget *>(QStringLiteral("failuresListWidget"));
        QCOMPARE(failures->count(), 1);
        QVERIFY2(failures->item(0)->text().contains(u"Fail on purpose") &&
                     failures->item(0)->text().contains(u"the run view failed on purpose"),
                 qPrintable(failures->item(0)->text()));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(u"2"));
        QVERIFY(view.logView()->toPlainText().contains(u"PLAY RECAP"));

        // Clicking the failure selects its line in the log.
        QTest::mouseClick(failures->viewport(), Qt::LeftButton, {},
                          failures->visualItemRect(failures->item(0)).center());
        const QString selected = view.logView()->textEdit()->textCursor().block().text();
        QVERIFY2(selected.contains(u"[localhost]") && selected.contains(u"fatal"), qPrintable(selected));
        auto *progress = view.findChild<QProgressBar *>(QStringLiteral("progressBar"));
        QCOMPARE(progress->value(), progress->maximum());
    }

    void cancelStopsTheRun() {
        ksw::RunSession session;
        prepare(session, QStringLiteral("slow.yml"));
        RunView view;
        view.setSession(&session);
        QSignalSpy finished(&session, &ksw::RunSession::finished);
        QSignalSpy events(&session, &ksw::RunSession::event);
        QVERIFY(session.start());
        auto *cancel = view.findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
        // Wait until the long task is under way, then cancel as a person would.
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled() && session.tasksStarted() > 0, 60000);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(u"Cancelled"));
        QVERIFY(ksw::PlaybookRunner::processesInGroup(session.runner()->processGroup()).isEmpty());
    }

private:
    void prepare(ksw::RunSession &session, const QString &playbook) {
        ksw::AnsibleCommand command;
        command.kubesprayRoot = m_root.path();
        command.hostsFile = m_root.filePath(QStringLiteral("hosts.ini"));
        command.playbook = playbook;
        command.program = m_program;
        command.become = false;
        command.environment.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
        command.environment.insert(QStringLiteral("ANSIBLE_LOCAL_TEMP"), m_root.filePath(QStringLiteral("tmp")));
        session.setCommand(command);
        session.setPluginFolder(QStringLiteral(KSW_SOURCE_DIR "/resources/ansible/callback_plugins"));
        session.setLogFolder(m_root.filePath(QStringLiteral("runs")));
    }

    QTemporaryDir m_root;
    QString m_program;
};

QTEST_MAIN(TestRunView)
#include "TestRunView.moc"
