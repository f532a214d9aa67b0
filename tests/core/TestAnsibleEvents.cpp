// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "EventExpectations.h"
#include "TestSupport.h"
#include "run/AnsibleEvents.h"

#include <QObject>

#include <QTest>
#include <algorithm>

using ksw::AnsibleEvent;
using ksw::HostCounts;
using ksw::HostStatus;
using ksw::Recap;
using ksw::TextEventParser;

namespace {

using ksw::test::countsText;
using ksw::test::normalized;

QList<AnsibleEvent> parseJsonLines(const QByteArray &bytes, int *bad = nullptr) {
    QList<AnsibleEvent> events;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (const auto event = ksw::parseEventLine(line))
            events << *event;
        else if (bad)
            ++*bad;
    }
    return events;
}

QList<AnsibleEvent> parseText(const QByteArray &bytes) {
    TextEventParser parser;
    parser.feed(bytes);
    parser.finish();
    return parser.takeEvents();
}

} // namespace

class TestAnsibleEvents : public QObject {
    Q_OBJECT

private slots:
    void parseGoodLines() {
        auto e = ksw::parseEventLine("{\"event\": \"playbook_start\", \"playbook\": \"cluster.yml\"}");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::PlaybookStart);
        QCOMPARE(e->playbook, QStringLiteral("cluster.yml"));

        e = ksw::parseEventLine(
            "{\"event\": \"play_start\", \"name\": \"Install etcd\", \"hosts\": [\"node1\", \"node2\"]}");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::PlayStart);
        QCOMPARE(e->name, QStringLiteral("Install etcd"));
        QCOMPARE(e->hosts, (QStringList{QStringLiteral("node1"), QStringLiteral("node2")}));

        e = ksw::parseEventLine(
            "{\"event\": \"task_start\", \"name\": \"Restart containerd\", \"role\": \"container-engine/"
            "containerd\", \"path\": \"roles/x/handlers/main.yml:3\", \"uuid\": \"u-1\", \"handler\": true}");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::TaskStart);
        QCOMPARE(e->name, QStringLiteral("Restart containerd"));
        QCOMPARE(e->role, QStringLiteral("container-engine/containerd"));
        QCOMPARE(e->path, QStringLiteral("roles/x/handlers/main.yml:3"));
        QCOMPARE(e->uuid, QStringLiteral("u-1"));
        QVERIFY(e->handler);

        e = ksw::parseEventLine(
            "{\"event\": \"host_result\", \"status\": \"failed\", \"host\": \"node1\", \"task\": \"Pull image\","
            " \"task_uuid\": \"u-2\", \"duration\": 1.25, \"message\": \"http: server gave HTTP response\\n\"}"
            "\n");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::HostResult);
        QCOMPARE(e->status, HostStatus::Failed);
        QCOMPARE(e->host, QStringLiteral("node1"));
        QCOMPARE(e->task, QStringLiteral("Pull image"));
        QCOMPARE(e->uuid, QStringLiteral("u-2"));
        QCOMPARE(e->duration, 1.25);
        QCOMPARE(e->message, QStringLiteral("http: server gave HTTP response\n"));

        for (const char *status : {"ok", "changed", "failed", "skipped", "unreachable", "ignored"}) {
            const QByteArray line =
                QByteArray("{\"event\":\"host_result\",\"host\":\"h\",\"status\":\"") + status + "\"}";
            e = ksw::parseEventLine(line);
            QVERIFY2(e, status);
            QCOMPARE(ksw::hostStatusName(e->status), QLatin1String(status));
            QCOMPARE(e->duration, -1.0);
        }

        e = ksw::parseEventLine(
            "{\"event\": \"stats\", \"hosts\": {\"node1\": {\"ok\": 7, \"changed\": 5, \"unreachable\": 0,"
            " \"failures\": 1, \"skipped\": 1, \"rescued\": 0, \"ignored\": 2}, \"node2\": {\"ok\": 3}}}");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::Stats);
        QCOMPARE(e->stats.size(), 2);
        QCOMPARE(e->stats.value(QStringLiteral("node1")), (HostCounts{7, 5, 0, 1, 1, 0, 2}));
        QCOMPARE(e->stats.value(QStringLiteral("node2")), (HostCounts{3, 0, 0, 0, 0, 0, 0}));
        const Recap recap = Recap::fromStats(*e);
        QCOMPARE(recap.hosts.size(), 2);
        QVERIFY(recap.anyFailed());

        e = ksw::parseEventLine("{\"event\": \"playbook_end\"}");
        QVERIFY(e);
        QCOMPARE(e->type, AnsibleEvent::Type::PlaybookEnd);
    }

    void parseBadLines_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray("   \n");
        QTest::newRow("truncated") << QByteArray("{\"event\": \"host_result\", \"status\": \"ok\", \"ho");
        QTest::newRow("array") << QByteArray("[\"event\", \"playbook_end\"]");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("no event") << QByteArray("{\"name\": \"x\"}");
        QTest::newRow("event not a string") << QByteArray("{\"event\": 3}");
        QTest::newRow("unknown event") << QByteArray("{\"event\": \"runner_on_ok\"}");
        QTest::newRow("unknown status") << QByteArray(
            "{\"event\": \"host_result\", \"status\": \"weird\", \"host\": \"h\"}");
        QTest::newRow("result without host") << QByteArray("{\"event\": \"host_result\", \"status\": \"ok\"}");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\x1b[0m", 8);
        QTest::newRow("human line") << QByteArray("ok: [node1]");
    }

    void parseBadLines() {
        QFETCH(QByteArray, line);
        QVERIFY(!ksw::parseEventLine(line));
    }

    void recap() {
        Recap recap;
        QVERIFY(recap.isEmpty());
        QVERIFY(!recap.anyFailed());
        AnsibleEvent stats;
        stats.type = AnsibleEvent::Type::Stats;
        stats.stats.insert(QStringLiteral("node1"), HostCounts{5, 1, 0, 0, 2, 0, 1});
        recap = Recap::fromStats(stats);
        QVERIFY(!recap.isEmpty());
        QVERIFY(!recap.anyFailed()); // an ignored failure is no failure
        stats.stats.insert(QStringLiteral("node2"), HostCounts{0, 0, 1, 0, 0, 0, 0});
        QVERIFY(Recap::fromStats(stats).anyFailed());
        AnsibleEvent other;
        other.type = AnsibleEvent::Type::PlaybookEnd;
        QVERIFY(Recap::fromStats(other).isEmpty());
    }

    void cleanLine_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("clean");
        QTest::newRow("plain") << QByteArray("ok: [node1]") << QByteArray("ok: [node1]");
        QTest::newRow("colour") << QByteArray("\x1b[0;32mok: [node1]\x1b[0m") << QByteArray("ok: [node1]");
        QTest::newRow("bold and reset") << QByteArray("\x1b[1;35mignored=1   \x1b[0m\x1b[K")
                                        << QByteArray("ignored=1   ");
        QTest::newRow("crlf") << QByteArray("changed: [node1]\r") << QByteArray("changed: [node1]");
        QTest::newRow("overwrite") << QByteArray("10%\r50%\rok: [a]") << QByteArray("ok: [a]");
        QTest::newRow("osc title") << QByteArray("\x1b]0;title\x07TASK [x] ***") << QByteArray("TASK [x] ***");
        QTest::newRow("cut escape") << QByteArray("ok: [a]\x1b[0") << QByteArray("ok: [a]");
        QTest::newRow("lone escape") << QByteArray("ok\x1b") << QByteArray("ok");
    }

    void cleanLine() {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, clean);
        QCOMPARE(TextEventParser::cleanLine(raw), clean);
    }

    /// The fixture pair comes from one real run of Debian's ansible-playbook with ANSIBLE_FORCE_COLOR=1, the
    /// plugin and profile_tasks enabled (the playbook is the one in tests/integration/TestCallbackPlugin.cpp); the
    /// temporary folder was cut from the task paths of the events file.
    void pluginFixture() {
        int bad = 0;
        const QList<AnsibleEvent> events = parseJsonLines(
            ksw::test::readAll(ksw::test::fixturePath(QStringLiteral("ansible/default-output.events.jsonl"))), &bad);
        QCOMPARE(bad, 0);
        QVERIFY(events.size() > 10);
        QCOMPARE(events.first().type, AnsibleEvent::Type::PlaybookStart);
        QCOMPARE(events.first().playbook, QStringLiteral("site.yml"));
        QCOMPARE(events.last().type, AnsibleEvent::Type::PlaybookEnd);
        const AnsibleEvent &stats = events.at(events.size() - 2);
        QCOMPARE(stats.type, AnsibleEvent::Type::Stats);
        QCOMPARE(stats.stats.value(QStringLiteral("localhost")), (HostCounts{7, 5, 0, 1, 1, 0, 2}));
        for (const AnsibleEvent &e : events) {
            if (e.type == AnsibleEvent::Type::TaskStart)
                QVERIFY2(e.path.contains(QLatin1Char(':')) && !e.uuid.isEmpty(), qPrintable(e.name));
            if (e.type == AnsibleEvent::Type::HostResult)
                QVERIFY(e.duration >= 0);
        }
    }

    void textMatchesPlugin() {
        const QByteArray transcript =
            ksw::test::readAll(ksw::test::fixturePath(QStringLiteral("ansible/default-output.txt")));
        QVERIFY(transcript.contains("\x1b[")); // the colours are there to be stripped
        const QList<AnsibleEvent> plugin = parseJsonLines(
            ksw::test::readAll(ksw::test::fixturePath(QStringLiteral("ansible/default-output.events.jsonl"))));
        const QList<AnsibleEvent> text = parseText(transcript);
        QCOMPARE(normalized(text), normalized(plugin));

        // What the run page needs, spelled out.
        const QStringList expected = ksw::test::testPlaybookEvents();
        QCOMPARE(normalized(text), expected);

        const Recap textRecap = Recap::fromStats(text.at(text.size() - 2));
        const Recap pluginRecap = Recap::fromStats(plugin.at(plugin.size() - 2));
        QCOMPARE(textRecap, pluginRecap);
        QVERIFY(textRecap.anyFailed());
        // Task ids link results to their task within the text too.
        QCOMPARE(text.at(3).uuid, text.at(2).uuid);
        QVERIFY(text.at(5).uuid != text.at(3).uuid);
    }

    void everyChunkBoundary() {
        const QByteArray transcript =
            ksw::test::readAll(ksw::test::fixturePath(QStringLiteral("ansible/default-output.txt")));
        const QStringList whole = normalized(parseText(transcript));
        QVERIFY(!whole.isEmpty());
        for (qsizetype at = 0; at <= transcript.size(); ++at) {
            TextEventParser parser;
            parser.feed(QByteArrayView(transcript).first(at));
            QList<AnsibleEvent> events = parser.takeEvents();
            parser.feed(QByteArrayView(transcript).sliced(at));
            parser.finish();
            events += parser.takeEvents();
            const QStringList split = normalized(events);
            if (split != whole)
                QFAIL(qPrintable(QStringLiteral("split at byte %1 gives other events").arg(at)));
        }
        // And byte by byte, with CRLF line ends.
        QByteArray crlf = transcript;
        crlf.replace("\n", "\r\n");
        TextEventParser parser;
        for (const char c : std::as_const(crlf))
            parser.feed(QByteArrayView(&c, 1));
        parser.finish();
        QCOMPARE(normalized(parser.takeEvents()), whole);
    }

    void textSnippets_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("unreachable and delegation")
            << QByteArray(
                   "PLAY [k8s_cluster] ***\n\nTASK [Gathering Facts] *****\n"
                   "ok: [node1 -> node3]\n"
                   "fatal: [node2]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host "
                   "via ssh: ssh: connect to host 10.0.0.2 port 22: Connection refused\", \"unreachable\": true}\n"
                   "\nPLAY RECAP *****\n"
                   "node1                      : ok=1    changed=0    unreachable=0    failed=0    skipped=0    "
                   "rescued=0    ignored=0   \n"
                   "node2                      : ok=0    changed=0    unreachable=1    failed=0    skipped=0    "
                   "rescued=0    ignored=0   \n\n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("play_start|k8s_cluster"),
                   QStringLiteral("task_start||Gathering Facts"),
                   QStringLiteral("host_result|node1|Gathering Facts|ok|"),
                   QStringLiteral(
                       "host_result|node2|Gathering Facts|unreachable|Failed to connect to the host via ssh: "
                       "ssh: connect to host 10.0.0.2 port 22: Connection refused"),
                   QStringLiteral("stats|node1 ok=1 changed=0 unreachable=0 failures=0 skipped=0 rescued=0 ignored=0|"
                                  "node2 ok=0 changed=0 unreachable=1 failures=0 skipped=0 rescued=0 ignored=0"),
                   QStringLiteral("playbook_end"),
               };

        QTest::newRow("two hosts, one ignored, stderr lines")
            << QByteArray("PLAY [all] ***\nTASK [kubernetes/preinstall : Check] ***\n"
                          "fatal: [node1]: FAILED! => {\"msg\": \"non-zero return code\", \"rc\": 1, "
                          "\"stderr\": \"line 1\\nline 2\\nline 3\\nline 4\\nline 5\\nline 6\"}\n"
                          "...ignoring\n"
                          "fatal: [node2]: FAILED! => {\"rc\": 2, \"stderr\": \"\"}\n"
                          "TASK [Next] ***\n"
                          "skipping: [node1]\n"
                          "changed: [node2]\n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("play_start|all"),
                   QStringLiteral("task_start|kubernetes/preinstall|Check"),
                   QStringLiteral("host_result|node1|Check|ignored|"),
                   QStringLiteral("host_result|node2|Check|failed|rc=2"),
                   QStringLiteral("task_start||Next"),
                   QStringLiteral("host_result|node1|Next|skipped|"),
                   QStringLiteral("host_result|node2|Next|changed|"),
               };

        QTest::newRow("loops: all skipped, failed item, handler")
            << QByteArray(
                   "PLAY [x] ***\nTASK [Items] ***\n"
                   "skipping: [n1] => (item=a) \n"
                   "skipping: [n1] => (item=b) \n"
                   "TASK [More] ***\n"
                   "failed: [n1] (item=x) => {\"ansible_loop_var\": \"item\", \"item\": \"x\", \"msg\": \"bad x\"}\n"
                   "ok: [n1] => (item=y)\n"
                   "RUNNING HANDLER [containerd : Restart containerd] ***\n"
                   "changed: [n1]\n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("play_start|x"),
                   QStringLiteral("task_start||Items"),
                   QStringLiteral("host_result|n1|Items|skipped|"),
                   QStringLiteral("task_start||More"),
                   QStringLiteral("host_result|n1|More|failed|bad x"),
                   QStringLiteral("task_start|containerd|Restart containerd|handler"),
                   QStringLiteral("host_result|n1|Restart containerd|changed|"),
               };

        // Captured from ansible-core 2.14: a loop on a host that cannot be reached reports its items as "failed",
        // then the task as UNREACHABLE; the plugin wrote the same two results.
        QTest::newRow("loop on an unreachable host")
            << QByteArray(
                   "PLAY [all] ***\nTASK [Loop fails] ***\n"
                   "failed: [bad] (item=0) => {\"ansible_loop_var\": \"item\", \"item\": 0, \"msg\": \"Failed to "
                   "connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection refused\", "
                   "\"unreachable\": true}\n"
                   "fatal: [bad]: UNREACHABLE! => {\"changed\": false, \"msg\": \"All items completed\", \"results\": "
                   "[{\"ansible_loop_var\": \"item\", \"item\": 0, \"msg\": \"Failed to connect to the host via "
                   "ssh: ssh: connect to host 127.0.0.1 port 1: Connection refused\", \"unreachable\": true}]}\n"
                   "changed: [good] => (item=0)\n"
                   "failed: [good] (item=4) => {\"ansible_loop_var\": \"item\", \"changed\": true, \"item\": 4, "
                   "\"msg\": \"non-zero return code\", \"rc\": 4, \"stderr\": \"err4\", \"stderr_lines\": "
                   "[\"err4\"], \"stdout\": \"\"}\n\n"
                   "PLAY RECAP ***\n"
                   "bad                        : ok=0    changed=0    unreachable=1    failed=0    skipped=0    "
                   "rescued=0    ignored=0   \n"
                   "good                       : ok=0    changed=0    unreachable=0    failed=1    skipped=0    "
                   "rescued=0    ignored=0   \n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("play_start|all"),
                   QStringLiteral("task_start||Loop fails"),
                   QStringLiteral("host_result|bad|Loop fails|unreachable|Failed to connect to the host via ssh: ssh: "
                                  "connect to host 127.0.0.1 port 1: Connection refused"),
                   QStringLiteral("host_result|good|Loop fails|failed|non-zero return code\nerr4"),
                   QStringLiteral("stats|bad ok=0 changed=0 unreachable=1 failures=0 skipped=0 rescued=0 ignored=0|"
                                  "good ok=0 changed=0 unreachable=0 failures=1 skipped=0 rescued=0 ignored=0"),
                   QStringLiteral("playbook_end"),
               };

        QTest::newRow("failure message: msg and the first five lines of stderr")
            << QByteArray("TASK [t] ***\nfatal: [n1]: FAILED! => {\"msg\": \" non-zero return code \", \"rc\": 1, "
                          "\"stderr\": \"l1\\nl2\\r\\nl3\\nl4\\nl5\\nl6\\nl7\"}\n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("task_start||t"),
                   QStringLiteral("host_result|n1|t|failed|non-zero return code\nl1\nl2\nl3\nl4\nl5"),
               };

        QTest::newRow("unparsable failure, nothing else")
            << QByteArray("TASK [t] ****\nfatal: [n1]: FAILED! => not json at all\n[WARNING]: something\n")
            << QStringList{
                   QStringLiteral("playbook_start"),
                   QStringLiteral("task_start||t"),
                   QStringLiteral("host_result|n1|t|failed|not json at all"),
               };

        QTest::newRow("noise only") << QByteArray("ERROR! the playbook: x.yml could not be found\n\n*****\n")
                                    << QStringList{};
    }

    void textSnippets() {
        QFETCH(QByteArray, output);
        QFETCH(QStringList, expected);
        QCOMPARE(normalized(parseText(output)), expected);
    }

    // 200 MB of output without a newline, read in 64 KiB pieces: the parser keeps at most its line limit and goes on
    // with the next line. (Before, it kept the whole line and looked for the newline from its start on every read.)
    void endlessLineStaysBounded() {
        TextEventParser parser;
        parser.feed("TASK [t] ***\n");
        const QByteArray chunk(64 * 1024, 'x');
        qsizetype mostKept = 0;
        for (int i = 0; i < 200 * 16; ++i) {
            parser.feed(chunk);
            mostKept = std::max(mostKept, parser.pendingBytes());
        }
        QVERIFY(mostKept <= ksw::ByteLines::DefaultMaxLineBytes);
        parser.feed("\nok: [n1]\n");
        parser.finish();
        const QStringList events = normalized(parser.takeEvents());
        QVERIFY2(events.contains(QStringLiteral("host_result|n1|t|ok|")), qPrintable(events.join(u'\n')));
    }

    // A failure line of 1 MB holding "=> {" a quarter of a million times: parsed in linear time (a hang fails by the
    // test's time-out), the message taken from the text after the first arrow.
    void failureLineFullOfArrows() {
        QByteArray line("fatal: [n1]: FAILED! => ");
        line += QByteArray("=> {").repeated(256 * 1024);
        const QList<AnsibleEvent> events = parseText("TASK [t] ***\n" + line + "\n");
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.last().status, HostStatus::Failed);
        QVERIFY(events.last().message.startsWith(QStringLiteral("=> {")));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleEvents)
#include "TestAnsibleEvents.moc"
