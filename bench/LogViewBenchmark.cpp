// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// bench-logview: streams realistic Ansible output (a real coloured run's log, repeated) through the log pane
// offscreen and prints throughput, the longest event-loop stall and peak memory, side by side with a naive
// QPlainTextEdit::appendPlainText per line (on a slice) and with xterm under Xvfb, measured in the same run.
// Run by hand; see bench/README.md.

#include "OwnMemory.h"
#include "run/LineSplitter.h"
#include "widgets/LogView.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

constexpr qsizetype kMiB = 1024 * 1024;

using ksw::bench::ownStatusKiB;
using ksw::bench::resetOwnPeak;

/// The fixture repeated, handed out in reads of `chunk` bytes without holding the whole stream in memory.
class Stream {
public:
    Stream(const QByteArray &fixture, qsizetype total, qsizetype chunk)
        : m_fixtureSize(fixture.size())
        , m_total(total)
        , m_chunk(chunk) {
        while (m_ring.size() < chunk + fixture.size())
            m_ring += fixture;
    }
    bool atEnd() const { return m_fed >= m_total; }
    qsizetype fed() const { return m_fed; }
    QByteArrayView next() {
        const qsizetype size = std::min(m_chunk, m_total - m_fed);
        const QByteArrayView bytes = QByteArrayView(m_ring).sliced(m_fed % m_fixtureSize, size);
        m_fed += size;
        return bytes;
    }

private:
    QByteArray m_ring;
    qsizetype m_fixtureSize;
    qsizetype m_total;
    qsizetype m_chunk;
    qsizetype m_fed = 0;
};

struct Result {
    QString name;
    qsizetype bytes = 0;
    qint64 elapsedNs = 0;
    std::optional<qint64> stallMs;
    std::optional<qint64> peakKiB;
    QString note;
};

/// Feeds `stream` one read per event-loop turn (a 0 ms timer, as QProcess's readyRead would) into `consume`,
/// while a 5 ms timer records the longest gap between its ticks, until the stream is fed and `idle()` is true.
Result runStreamed(const QString &name, Stream &stream, const std::function<void(QByteArrayView)> &consume,
                   const std::function<bool()> &idle) {
    Result result;
    result.name = name;
    const bool peakReset = resetOwnPeak();
    QEventLoop loop;
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer producer;
    producer.setInterval(0);
    QObject::connect(&producer, &QTimer::timeout, [&] {
        consume(stream.next());
        if (stream.atEnd())
            producer.stop();
    });
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        if (stream.atEnd() && idle())
            loop.quit();
    });
    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    heartbeat.start();
    producer.start();
    loop.exec();
    result.elapsedNs = wall.nsecsElapsed();
    result.bytes = stream.fed();
    result.stallMs = longestGap;
    if (peakReset)
        result.peakKiB = ownStatusKiB("VmHWM");
    return result;
}

Result runLogView(const QString &name, const QByteArray &fixture, qsizetype total, qsizetype chunk,
                  int maximumLineCount) {
    LogView view;
    view.setMaximumLineCount(maximumLineCount);
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();
    Stream stream(fixture, total, chunk);
    Result result = runStreamed(
        name, stream, [&view](QByteArrayView bytes) { view.appendOutput(bytes, LogView::Channel::Stdout); },
        [&view] { return view.queuedLineCount() == 0; });
    result.note = QStringLiteral("%1 lines shown (scrollback %2), %3 dropped from the queue before display")
                      .arg(view.textEdit()->document()->blockCount())
                      .arg(view.maximumLineCount())
                      .arg(view.droppedLineCount());
    return result;
}

Result runNaive(const QByteArray &fixture, qsizetype total, qsizetype chunk) {
    QPlainTextEdit edit;
    edit.setReadOnly(true);
    edit.resize(1000, 700);
    edit.show();
    QCoreApplication::processEvents();
    Stream stream(fixture, total, chunk);
    ksw::LineSplitter splitter;
    Result result = runStreamed(
        QStringLiteral("(b) appendPlainText per line"), stream,
        [&](QByteArrayView bytes) {
            const QList<ksw::LineSplitter::Piece> pieces = splitter.feed(bytes);
            for (const ksw::LineSplitter::Piece &piece : pieces)
                edit.appendPlainText(piece.text);
        },
        [] { return true; });
    result.note = QStringLiteral("%1 lines shown (unbounded, escapes shown raw)").arg(edit.document()->blockCount());
    return result;
}

std::optional<Result> runXterm(const QByteArray &fixture, qsizetype total, qsizetype chunk, QString *why) {
    const QString xterm = QStandardPaths::findExecutable(QStringLiteral("xterm"));
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xterm.isEmpty() || xvfb.isEmpty()) {
        *why = QStringLiteral("not measured (not installed)");
        return std::nullopt;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("output.txt"));
    {
        QFile data(file);
        if (!data.open(QIODevice::WriteOnly)) {
            *why = QStringLiteral("not measured (cannot write %1)").arg(file);
            return std::nullopt;
        }
        Stream stream(fixture, total, chunk);
        while (!stream.atEnd()) {
            const QByteArrayView bytes = stream.next();
            data.write(bytes.data(), bytes.size());
        }
    }
    int display = 90;
    while (display < 140 && (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)) ||
                             QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(display))))
        ++display;
    QProcess server;
    server.setProgram(xvfb);
    server.setArguments({QStringLiteral(":%1").arg(display), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                         QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1280x1024x24")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForStarted(10000)) {
        *why = QStringLiteral("not measured (Xvfb did not start)");
        return std::nullopt;
    }
    QElapsedTimer waiting;
    waiting.start();
    while (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)) && waiting.elapsed() < 10000)
        QThread::msleep(20);
    if (server.state() != QProcess::Running || !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display))) {
        server.terminate();
        server.waitForFinished(5000);
        *why = QStringLiteral("not measured (Xvfb did not start)");
        return std::nullopt;
    }
    QThread::msleep(200);
    Result result;
    result.name = QStringLiteral("(c) xterm under Xvfb (cat)");
    QProcess terminal;
    terminal.setProgram(xterm);
    terminal.setArguments({QStringLiteral("-display"), QStringLiteral(":%1").arg(display), QStringLiteral("-geometry"),
                           QStringLiteral("140x45"), QStringLiteral("-e"), QStringLiteral("cat"), file});
    QElapsedTimer wall;
    wall.start();
    terminal.start();
    const bool finished = terminal.waitForFinished(30 * 60 * 1000);
    result.elapsedNs = wall.nsecsElapsed();
    result.bytes = total;
    result.note = QStringLiteral("includes xterm's start (about 0.1 s); throughput only");
    server.terminate();
    server.waitForFinished(5000);
    if (!finished || terminal.exitStatus() != QProcess::NormalExit) {
        *why = QStringLiteral("not measured (xterm did not finish normally)");
        return std::nullopt;
    }
    return result;
}

QString cell(const std::optional<qint64> &value, int width, double divisor = 1.0, int decimals = 0) {
    if (!value)
        return QStringLiteral("n/a").rightJustified(width);
    return QString::number(static_cast<double>(*value) / divisor, 'f', decimals).rightJustified(width);
}

void printRow(const Result &r) {
    const double seconds = static_cast<double>(r.elapsedNs) / 1e9;
    const double megabytes = static_cast<double>(r.bytes) / static_cast<double>(kMiB);
    out() << r.name.leftJustified(40) << " | " << QString::number(megabytes, 'f', 0).rightJustified(5) << " | "
          << QString::number(seconds, 'f', 2).rightJustified(8) << " | "
          << QString::number(megabytes / seconds, 'f', 1).rightJustified(7) << " | " << cell(r.stallMs, 8) << " | "
          << cell(r.peakKiB, 12, 1024.0, 1) << Qt::endl;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench-logview"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Streams repeated Ansible output through the log pane; compares appendPlainText per line and "
                       "xterm under Xvfb."));
    parser.addHelpOption();
    const QCommandLineOption megabytesOption(QStringLiteral("megabytes"),
                                             QStringLiteral("MiB streamed through LogView and xterm (256)."),
                                             QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption naiveOption(QStringLiteral("naive-megabytes"),
                                         QStringLiteral("MiB for appendPlainText per line (8)."), QStringLiteral("M"),
                                         QStringLiteral("8"));
    const QCommandLineOption chunkOption(QStringLiteral("chunk-kib"), QStringLiteral("Bytes per read, KiB (64)."),
                                         QStringLiteral("K"), QStringLiteral("64"));
    const QCommandLineOption noXtermOption(QStringLiteral("no-xterm"), QStringLiteral("Skip xterm."));
    parser.addOptions({megabytesOption, naiveOption, chunkOption, noXtermOption});
    parser.process(app);

    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    const qsizetype megabytes = parser.value(megabytesOption).toLongLong(&ok1);
    const qsizetype naiveMegabytes = parser.value(naiveOption).toLongLong(&ok2);
    const qsizetype chunkKiB = parser.value(chunkOption).toLongLong(&ok3);
    if (!ok1 || !ok2 || !ok3 || megabytes < 1 || naiveMegabytes < 1 || chunkKiB < 1 || megabytes > 65536) {
        err() << "bench-logview: --megabytes, --naive-megabytes and --chunk-kib must be positive numbers" << Qt::endl;
        return 2;
    }
    QFile fixtureFile(QStringLiteral(KSW_BENCH_FIXTURE));
    if (!fixtureFile.open(QIODevice::ReadOnly)) {
        err() << "bench-logview: cannot read " << fixtureFile.fileName() << Qt::endl;
        return 1;
    }
    const QByteArray fixture = fixtureFile.readAll();
    const qsizetype chunk = chunkKiB * 1024;

    out() << "bench-logview: " << megabytes << " MiB through LogView and xterm, " << naiveMegabytes
          << " MiB through appendPlainText, reads of " << chunkKiB << " KiB, "
          << QDateTime::currentDateTime().toString(Qt::ISODate) << Qt::endl;
    out() << "input: " << QFileInfo(fixtureFile).fileName() << " (" << fixture.size()
          << " bytes, a real run with ANSIBLE_FORCE_COLOR=1) repeated; platform " << QGuiApplication::platformName()
          << Qt::endl;
    out() << "machine: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
          << QThread::idealThreadCount() << " CPUs" << Qt::endl;
    out() << "wizard process resident at start: " << cell(ownStatusKiB("VmRSS"), 0, 1024.0, 1) << " MiB" << Qt::endl
          << Qt::endl;

    QList<Result> results;
    results.append(runLogView(QStringLiteral("(a) LogView (LineSplitter, ANSI, queue)"), fixture, megabytes * kMiB,
                              chunk, LogView::DefaultMaximumLineCount));
    // Every line inserted, nothing dropped: the same work as (b) on the same slice.
    results.append(
        runLogView(QStringLiteral("(a2) LogView, unbounded, (b)'s slice"), fixture, naiveMegabytes * kMiB, chunk, 0));
    results.append(runNaive(fixture, naiveMegabytes * kMiB, chunk));
    QString xtermWhy = QStringLiteral("not measured (--no-xterm)");
    std::optional<Result> xtermResult;
    if (!parser.isSet(noXtermOption))
        xtermResult = runXterm(fixture, megabytes * kMiB, chunk, &xtermWhy);

    out() << "name                                     |    MB |  seconds |    MB/s | stall ms | peak RSS MiB"
          << Qt::endl;
    out() << "-----------------------------------------|-------|----------|---------|----------|-------------"
          << Qt::endl;
    for (const Result &result : results)
        printRow(result);
    if (xtermResult)
        printRow(*xtermResult);
    out() << Qt::endl;
    for (const Result &result : results)
        out() << result.name << ": " << result.note << Qt::endl;
    if (xtermResult)
        out() << xtermResult->name << ": " << xtermResult->note << Qt::endl;
    else
        out() << "xterm: " << xtermWhy << Qt::endl;
    return 0;
}
