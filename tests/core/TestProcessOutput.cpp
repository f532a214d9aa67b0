// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// The output pipeline (LineSplitter + AnsiParser) on real child processes: tests/support/ProcessTestApp.cpp
// misbehaves in the ways a child can, and QProcess delivers its output in whatever reads the pipe gives.
#include "run/AnsiParser.h"
#include "run/LineSplitter.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <functional>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

// One output channel as a view would hold it: lines (a piece that replaces the previous one
// overwrites its line), with their formatted runs.
struct Channel {
    LineSplitter splitter;
    AnsiParser parser;
    QList<LineSplitter::Piece> pieces;
    QStringList lines;
    QList<QList<AnsiParser::Segment>> segments;
    qsizetype reads = 0;
    // Only count and check lines, do not keep them (the flood).
    std::function<void(const QString &)> onLine;

    void take(const QList<LineSplitter::Piece> &newPieces) {
        for (const LineSplitter::Piece &piece : newPieces) {
            QList<AnsiParser::Segment> runs = parser.parse(piece.text);
            QString text;
            for (const AnsiParser::Segment &run : runs)
                text += run.text;
            if (onLine) {
                onLine(text);
                continue;
            }
            pieces.append(piece);
            if (piece.replacesPrevious && !lines.isEmpty()) {
                lines.last() = text;
                segments.last() = runs;
            } else {
                lines.append(text);
                segments.append(runs);
            }
        }
    }
};

struct Run {
    Channel out;
    Channel err;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = -1;
    std::optional<QProcess::ProcessError> error;
    bool finished = false;
};

// Runs the helper with `arguments`; `started` is called once it runs (to kill it, say).
void runHelper(Run &run, const QStringList &arguments, int timeoutMs = 30000,
               const std::function<void(QProcess &)> &started = {}) {
    QProcess process;
    process.setProgram(QStringLiteral(KSW_PROCESS_TEST_APP));
    process.setArguments(arguments);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [&] {
        ++run.out.reads;
        run.out.take(run.out.splitter.feed(process.readAllStandardOutput()));
    });
    QObject::connect(&process, &QProcess::readyReadStandardError, &process, [&] {
        ++run.err.reads;
        run.err.take(run.err.splitter.feed(process.readAllStandardError()));
    });
    QObject::connect(&process, &QProcess::errorOccurred, &process,
                     [&](QProcess::ProcessError error) { run.error = error; });
    QObject::connect(&process, &QProcess::finished, &loop, [&](int exitCode, QProcess::ExitStatus exitStatus) {
        // What is still buffered arrives before the end of the stream is handled.
        run.out.take(run.out.splitter.feed(process.readAllStandardOutput()));
        run.err.take(run.err.splitter.feed(process.readAllStandardError()));
        run.out.take(run.out.splitter.flush());
        run.err.take(run.err.splitter.flush());
        run.exitCode = exitCode;
        run.exitStatus = exitStatus;
        run.finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start();
    if (!process.waitForStarted(10000))
        return;
    if (started)
        started(process);
    if (!run.finished)
        loop.exec();
    if (!run.finished) { // timed out: do not leave the helper behind
        process.kill();
        process.waitForFinished(5000);
    }
}

// The flood's line `index`, as ProcessTestApp's floodLine() writes it, colours removed.
QString floodLine(qint64 index) {
    const qint64 host = index % 7;
    switch (index % 5) {
    case 0:
        return u"TASK [kubernetes/preinstall : Install packages %1] ****"_s.arg(index);
    case 1:
        return u"ok: [node%1]"_s.arg(host);
    case 2:
        return u"changed: [node%1] => (item=containerd %2)"_s.arg(host).arg(index);
    case 3:
        return u"skipping: [node%1]"_s.arg(host);
    default:
        return u"レジストリの確認 (registry check) %1"_s.arg(index);
    }
}

} // namespace

class TestProcessOutput : public QObject {
    Q_OBJECT

private slots:
    void partialLines();
    void crProgress();
    void ansi();
    void splitUtf8();
    void separateStderr();
    void exitCode_data();
    void exitCode();
    void crash();
    void hang();
    void flood();
};

void TestProcessOutput::partialLines() {
    Run run;
    runHelper(run, {u"partial-lines"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.lines,
             (QStringList{u"first line"_s, u"second line"_s, u"third line"_s, u"fourth line without newline"_s}));
    QVERIFY2(run.out.reads >= 2, "the helper pauses between writes: several reads expected");
}

void TestProcessOutput::crProgress() {
    Run run;
    runHelper(run, {u"cr-progress"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out.lines, (QStringList{u"Downloading kubeadm 100%"_s, u"windows line"_s, u"done"_s}));
    QCOMPARE(run.out.pieces.size(), 5);
    QCOMPARE(run.out.pieces.at(0).text, u"Downloading kubeadm   0%"_s);
    QVERIFY(!run.out.pieces.at(0).complete);
    QVERIFY(run.out.pieces.at(1).replacesPrevious);
    QVERIFY(!run.out.pieces.at(1).complete);
    QVERIFY(run.out.pieces.at(2).replacesPrevious);
    QVERIFY(run.out.pieces.at(2).complete);          // "100%\r" then "\n": a line end, even across reads
    QVERIFY(!run.out.pieces.at(3).replacesPrevious); // "windows line\r" then "\n"
    QVERIFY(run.out.pieces.at(3).complete);
}

void TestProcessOutput::ansi() {
    Run run;
    runHelper(run, {u"ansi"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out.lines, (QStringList{u"PLAY [all] ****"_s, u"ok: [node1]"_s, u"changed: [node2]"_s,
                                         u"fatal: [node3]: FAILED!"_s, u"orange rgb plain"_s}));
    const auto format = [&](int line, int segment) {
        return run.out.segments.at(line).at(segment).format;
    };
    QCOMPARE(run.out.segments.at(0).size(), 1);
    QCOMPARE(format(0, 0), AnsiFormat());
    QCOMPARE(format(1, 0).foreground, std::optional<int>(2));
    QCOMPARE(format(2, 0).foreground, std::optional<int>(3));
    QCOMPARE(format(3, 0).foreground, std::optional<int>(1));
    QVERIFY(format(3, 0).bold);
    QCOMPARE(run.out.segments.at(4).size(), 4);
    QCOMPARE(format(4, 0).foregroundRgb, std::optional<AnsiRgb>(AnsiParser::rgbFromIndex256(208)));
    QCOMPARE(format(4, 1), AnsiFormat());
    QCOMPARE(format(4, 2).foregroundRgb, std::optional<AnsiRgb>(0xff0a141eu));
    QCOMPARE(format(4, 3), AnsiFormat());
}

void TestProcessOutput::splitUtf8() {
    Run run;
    runHelper(run, {u"split-utf8"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out.lines, QStringList{u"日本語のログ"_s});
    QVERIFY(!run.out.lines.constFirst().contains(QChar::ReplacementCharacter));
    // Every pause of the helper falls inside a character, so any second read splits one.
    QVERIFY2(run.out.reads >= 2, "the character must really arrive in separate reads");
}

void TestProcessOutput::separateStderr() {
    Run run;
    runHelper(run, {u"stderr"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out.lines, (QStringList{u"out 1"_s, u"out 2"_s, u"out 3"_s}));
    QCOMPARE(run.err.lines, (QStringList{u"err 1"_s, u"err 2"_s, u"err 3"_s, u"[WARNING]: no newline at the end"_s}));
}

void TestProcessOutput::exitCode_data() {
    QTest::addColumn<int>("code");
    QTest::newRow("success") << 0;
    QTest::newRow("ansible failed hosts") << 2;
    QTest::newRow("ansible unreachable") << 4;
    QTest::newRow("large") << 250;
}

void TestProcessOutput::exitCode() {
    QFETCH(int, code);
    Run run;
    runHelper(run, {u"exit"_s, QString::number(code)});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, code);
    QCOMPARE(run.out.lines, QStringList{u"exiting"_s});
    QVERIFY(!run.error);
}

void TestProcessOutput::crash() {
    Run run;
    runHelper(run, {u"crash"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::CrashExit);
    QCOMPARE(run.error, std::optional<QProcess::ProcessError>(QProcess::Crashed));
    QCOMPARE(run.out.lines, QStringList{u"about to crash"_s}); // what it wrote before is not lost
}

void TestProcessOutput::hang() {
    Run run;
    QElapsedTimer timer;
    timer.start();
    runHelper(run, {u"hang"_s}, 30000, [](QProcess &process) {
        const qint64 pid = process.processId();
        QTimer::singleShot(1000, &process, [pid] { ::kill(static_cast<pid_t>(pid), SIGKILL); });
    });
    QVERIFY(run.finished);
    QVERIFY2(timer.elapsed() < 20000, "the helper should end when killed after one second");
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(run.exitStatus, QProcess::CrashExit);
    QCOMPARE(run.error, std::optional<QProcess::ProcessError>(QProcess::Crashed));
    QCOMPARE(run.out.lines, QStringList{u"hanging"_s});
}

void TestProcessOutput::flood() {
    constexpr qint64 bytes = 20 * 1024 * 1024;
    Run run;
    qint64 count = 0;
    qint64 characters = 0;
    bool inOrder = true;
    QString firstWrong;
    run.out.onLine = [&](const QString &line) {
        if (inOrder && line != floodLine(count)) {
            inOrder = false;
            firstWrong = u"line %1: \"%2\", expected \"%3\""_s.arg(count).arg(line, floodLine(count));
        }
        ++count;
        characters += line.size();
    };
    QElapsedTimer timer;
    timer.start();
    runHelper(run, {u"flood"_s, QString::number(bytes)}, 240000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(inOrder, qPrintable(firstWrong));
    // The helper reports on stderr how much it wrote.
    QCOMPARE(run.err.lines.size(), 1);
    const QString summary = run.err.lines.constFirst();
    QVERIFY2(summary.startsWith(u"lines="_s), qPrintable(summary));
    const qint64 expectedLines = summary.section(u' ', 0, 0).section(u'=', 1).toLongLong();
    QVERIFY(expectedLines > 100000);
    QCOMPARE(count, expectedLines);
    qInfo("flood: %lld lines, %lld characters, %d reads in %lld ms", count, characters, static_cast<int>(run.out.reads),
          elapsed);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestProcessOutput)
#include "TestProcessOutput.moc"
