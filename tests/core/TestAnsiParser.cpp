// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/AnsiParser.h"
#include "run/LineSplitter.h"

#include "TestSupport.h"

#include <QFile>
#include <QObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

using Segment = AnsiParser::Segment;
using Format = AnsiParser::Format;

Format palette(int index, bool bold = false) {
    Format format;
    format.foreground = index;
    format.bold = bold;
    return format;
}

Format exact(AnsiRgb rgb) {
    Format format;
    format.foregroundRgb = rgb;
    return format;
}

Format boldOnly() {
    Format format;
    format.bold = true;
    return format;
}

// Runs from separate parse() calls, joined where two neighbours share a format.
void appendMerged(QList<Segment> &to, const QList<Segment> &from) {
    for (const Segment &segment : from) {
        if (!to.isEmpty() && to.last().format == segment.format)
            to.last().text += segment.text;
        else
            to.append(segment);
    }
}

QList<Segment> parseAll(const QStringList &chunks) {
    AnsiParser parser;
    QList<Segment> segments;
    for (const QString &chunk : chunks)
        appendMerged(segments, parser.parse(chunk));
    return segments;
}

QString describeFormat(const Format &format) {
    QString text;
    if (format.foreground)
        text += u"fg="_s + QString::number(*format.foreground);
    if (format.foregroundRgb)
        text += u"rgb="_s + QString::number(*format.foregroundRgb, 16);
    if (format.bold)
        text += u"+bold"_s;
    return text;
}

QStringList describe(const QList<Segment> &segments) {
    QStringList lines;
    for (const Segment &segment : segments)
        lines.append(u"["_s + describeFormat(segment.format) + u"]"_s + segment.text);
    return lines;
}

// A transcript's lines, each as its runs, through the whole pipeline (bytes -> lines -> runs).
struct Line {
    QString text;
    QList<Segment> segments;
    friend bool operator==(const Line &, const Line &) = default;
};

QList<Line> pipeline(const QList<QByteArray> &chunks) {
    LineSplitter splitter;
    AnsiParser parser;
    QList<Line> lines;
    const auto take = [&](const QList<LineSplitter::Piece> &pieces) {
        for (const LineSplitter::Piece &piece : pieces) {
            Line line{QString(), parser.parse(piece.text)};
            for (const Segment &segment : line.segments)
                line.text += segment.text;
            lines.append(line);
        }
    };
    for (const QByteArray &chunk : chunks)
        take(splitter.feed(chunk));
    take(splitter.flush());
    return lines;
}

QStringList describe(const QList<Line> &lines) {
    QStringList result;
    for (const Line &line : lines)
        result.append(describe(line.segments).join(u'|'));
    return result;
}

QByteArray readFixture(const QString &relative) {
    QFile file(test::fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(relative));
    return file.readAll();
}

const Line *findLine(const QList<Line> &lines, const QString &start) {
    for (const Line &line : lines)
        if (line.text.startsWith(start))
            return &line;
    return nullptr;
}

} // namespace

class TestAnsiParser : public QObject {
    Q_OBJECT

private slots:
    void sgr_data();
    void sgr();
    void removedSequences_data();
    void removedSequences();
    void escapeCutAtChunkEnd();
    void ansibleTranscriptFormats();
    void ansibleTranscriptEveryByteOffset();
    void ansibleTranscriptEveryCharOffset();
    void ansibleTranscriptRandomChunks();
    void palette256();
    void endlessSequencesStayBounded();
    void reset();
};

void TestAnsiParser::sgr_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain") << u"PLAY [all] ****"_s << QStringList{u"[]PLAY [all] ****"_s};
    QTest::newRow("ansible ok") << u"\x1b[0;32mok: [node1]\x1b[0m"_s << QStringList{u"[fg=2]ok: [node1]"_s};
    QTest::newRow("ansible changed then plain")
        << u"\x1b[0;33mchanged\x1b[0m rest"_s << QStringList{u"[fg=3]changed"_s, u"[] rest"_s};
    QTest::newRow("bright colours") << u"\x1b[90mgrey\x1b[97mwhite"_s
                                    << QStringList{u"[fg=8]grey"_s, u"[fg=15]white"_s};
    QTest::newRow("bold and not bold") << u"\x1b[1mB\x1b[31mR\x1b[22mr"_s
                                       << QStringList{u"[+bold]B"_s, u"[fg=1+bold]R"_s, u"[fg=1]r"_s};
    QTest::newRow("default colour keeps bold")
        << u"\x1b[1;35mm\x1b[39md"_s << QStringList{u"[fg=5+bold]m"_s, u"[+bold]d"_s};
    QTest::newRow("empty sgr resets") << u"\x1b[31mr\x1b[mplain"_s << QStringList{u"[fg=1]r"_s, u"[]plain"_s};
    QTest::newRow("256 colours, low index") << u"\x1b[38;5;9mx"_s << QStringList{u"[fg=9]x"_s};
    QTest::newRow("256 colours, cube") << u"\x1b[38;5;208mx"_s << QStringList{u"[rgb=ffff8700]x"_s};
    QTest::newRow("256 colours, grey ramp") << u"\x1b[38;5;244mx"_s << QStringList{u"[rgb=ff808080]x"_s};
    QTest::newRow("true colour") << u"\x1b[38;2;10;20;30mx"_s << QStringList{u"[rgb=ff0a141e]x"_s};
    QTest::newRow("true colour then bold") << u"\x1b[38;2;255;0;0;1mx"_s << QStringList{u"[rgb=ffff0000+bold]x"_s};
    QTest::newRow("colon forms") << u"\x1b[38:5:208ma\x1b[38:2::1:2:3mb\x1b[38:2:4:5:6mc"_s
                                 << QStringList{u"[rgb=ffff8700]a"_s, u"[rgb=ff010203]b"_s, u"[rgb=ff040506]c"_s};
    QTest::newRow("background skipped, not read as foreground")
        << u"\x1b[48;5;1;32mx\x1b[48;2;1;2;3;1my\x1b[41;44;107mz"_s << QStringList{u"[fg=2]x"_s, u"[fg=2+bold]yz"_s};
    QTest::newRow("other attributes ignored") << u"\x1b[4;3;7mx\x1b[24m"_s << QStringList{u"[]x"_s};
    QTest::newRow("malformed 38") << u"\x1b[32m\x1b[38;7mx"_s << QStringList{u"[fg=2]x"_s};
    QTest::newRow("private m is not sgr") << u"\x1b[>4;2mx"_s << QStringList{u"[]x"_s};
    QTest::newRow("japanese") << u"\x1b[0;31mfatal: ノード node3 に到達できません\x1b[0m"_s
                              << QStringList{u"[fg=1]fatal: ノード node3 に到達できません"_s};
}

void TestAnsiParser::sgr() {
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(parseAll({input})), expected);
    for (qsizetype offset = 0; offset <= input.size(); ++offset)
        QCOMPARE(describe(parseAll({input.first(offset), input.sliced(offset)})), expected);
}

void TestAnsiParser::removedSequences_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("erase line") << u"\x1b[2Kprogress"_s << u"progress"_s;
    QTest::newRow("cursor moves") << u"a\x1b[1A\x1b[10Cb\x1b[Hc"_s << u"abc"_s;
    QTest::newRow("hide cursor") << u"\x1b[?25lx\x1b[?25h"_s << u"x"_s;
    QTest::newRow("window title, BEL") << u"\x1b]0;kubespray: cluster.yml\x07PLAY"_s << u"PLAY"_s;
    QTest::newRow("hyperlink, ST") << u"\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\ after"_s << u"link after"_s;
    QTest::newRow("charset") << u"\x1b(Bx\x1b)0y"_s << u"xy"_s;
    QTest::newRow("two-character escapes") << u"\x1b"
                                              "7a\x1b"
                                              "8b\x1b=c\x1b>d"_s
                                           << u"abcd"_s;
    QTest::newRow("dcs string") << u"\x1bPq#0;2;0;0;0\x1b\\z"_s << u"z"_s;
    QTest::newRow("esc before a control character") << u"a\x1b\tb"_s << u"a\tb"_s;
    QTest::newRow("csi broken by a control character") << u"a\x1b[12\tb"_s << u"a\tb"_s;
    QTest::newRow("esc esc") << u"a\x1b\x1b[31mb"_s << u"ab"_s;
    QTest::newRow("unfinished at the end") << u"text\x1b[0;3"_s << u"text"_s;
}

void TestAnsiParser::removedSequences() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto visible = [](const QList<Segment> &segments) {
        QString text;
        for (const Segment &segment : segments)
            text += segment.text;
        return text;
    };
    QCOMPARE(visible(parseAll({input})), expected);
    for (qsizetype offset = 0; offset <= input.size(); ++offset)
        QCOMPARE(visible(parseAll({input.first(offset), input.sliced(offset)})), expected);
}

void TestAnsiParser::escapeCutAtChunkEnd() {
    AnsiParser parser;
    QVERIFY(parser.parse(u"\x1b"_s).isEmpty());
    QVERIFY(parser.parse(u"[0;3"_s).isEmpty());
    QCOMPARE(describe(parser.parse(u"2mok: [node1]"_s)), QStringList{u"[fg=2]ok: [node1]"_s});
    QCOMPARE(parser.format(), palette(2));
    QCOMPARE(describe(parser.parse(u"\x1b[0m done"_s)), QStringList{u"[] done"_s});
    QVERIFY(parser.parse(u"\x1b[1"_s).isEmpty());
    QCOMPARE(parser.format(), Format()); // not applied before the sequence is complete
    QVERIFY(parser.parse(u"m"_s).isEmpty());
    QCOMPARE(parser.format(), boldOnly());
    QVERIFY(parser.parse(u"\x1b]0;tit"_s).isEmpty());
    QCOMPARE(describe(parser.parse(u"le\x1b"_s)), QStringList{});
    QCOMPARE(describe(parser.parse(u"\\visible"_s)), QStringList{u"[+bold]visible"_s});
}

void TestAnsiParser::ansibleTranscriptFormats() {
    // tests/fixtures/ansible/colour-output.txt: ANSIBLE_FORCE_COLOR=1 ansible-playbook (ansible-core
    // 2.14, Debian 12) of a local playbook with a changed, two ok, a skipped and a failed task.
    const QList<Line> lines = pipeline({readFixture(u"ansible/colour-output.txt"_s)});
    const auto formatOf = [&](const QString &start) -> Format {
        const Line *line = findLine(lines, start);
        if (!line || line->segments.isEmpty())
            qFatal("no line starting with %s", qPrintable(start));
        return line->segments.first().format;
    };
    QCOMPARE(formatOf(u"PLAY [Colour sample"_s), Format());
    QCOMPARE(formatOf(u"TASK [Write a marker"_s), Format());
    QCOMPARE(formatOf(u"changed: [localhost]"_s), palette(3));
    QCOMPARE(formatOf(u"ok: [localhost]"_s), palette(2));
    QCOMPARE(formatOf(u"skipping: [localhost]"_s), palette(6));
    QCOMPARE(formatOf(u"fatal: [localhost]: FAILED!"_s), palette(1));
    QCOMPARE(formatOf(u"    \"msg\": \"レジストリ"_s), palette(2));
    const Line *recap = findLine(lines, u"localhost  "_s);
    QVERIFY(recap);
    QCOMPARE(describe(recap->segments),
             (QStringList{u"[fg=1]localhost"_s, u"[]                  : "_s, u"[fg=2]ok=3   "_s, u"[] "_s,
                          u"[fg=3]changed=1   "_s, u"[] unreachable=0    "_s, u"[fg=1]failed=1   "_s, u"[] "_s,
                          u"[fg=6]skipped=1   "_s, u"[] rescued=0    ignored=0   "_s}));
    for (const Line &line : lines)
        QVERIFY2(!line.text.contains(QChar(0x1b)), qPrintable(line.text));
}

void TestAnsiParser::ansibleTranscriptEveryByteOffset() {
    const QByteArray bytes = readFixture(u"ansible/colour-output.txt"_s);
    const QList<Line> whole = pipeline({bytes});
    QCOMPARE(whole.size(), bytes.count('\n'));
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset) {
        const QList<Line> split = pipeline({bytes.first(offset), bytes.sliced(offset)});
        if (split != whole)
            QCOMPARE(describe(split), describe(whole));
    }
}

void TestAnsiParser::ansibleTranscriptEveryCharOffset() {
    const QString text = QString::fromUtf8(readFixture(u"ansible/colour-output.txt"_s));
    const QList<Segment> whole = parseAll({text});
    for (qsizetype offset = 0; offset <= text.size(); ++offset) {
        const QList<Segment> split = parseAll({text.first(offset), text.sliced(offset)});
        if (split != whole)
            QCOMPARE(describe(split), describe(whole));
    }
}

void TestAnsiParser::ansibleTranscriptRandomChunks() {
    const QByteArray bytes = readFixture(u"ansible/colour-output.txt"_s);
    const QList<Line> whole = pipeline({bytes});
    QRandomGenerator random(20261126); // fixed: a failure can be repeated
    for (int round = 0; round < 500; ++round) {
        QList<QByteArray> chunks;
        for (qsizetype pos = 0; pos < bytes.size();) {
            const qsizetype length = std::min<qsizetype>(random.bounded(1, 24), bytes.size() - pos);
            chunks.append(bytes.sliced(pos, length));
            pos += length;
        }
        const QList<Line> split = pipeline(chunks);
        if (split != whole)
            QCOMPARE(describe(split), describe(whole));
    }
}

void TestAnsiParser::palette256() {
    QCOMPARE(AnsiParser::rgbFromIndex256(16), 0xff000000u);
    QCOMPARE(AnsiParser::rgbFromIndex256(21), 0xff0000ffu);
    QCOMPARE(AnsiParser::rgbFromIndex256(196), 0xffff0000u);
    QCOMPARE(AnsiParser::rgbFromIndex256(231), 0xffffffffu);
    QCOMPARE(AnsiParser::rgbFromIndex256(232), 0xff080808u);
    QCOMPARE(AnsiParser::rgbFromIndex256(255), 0xffeeeeeeu);
    QCOMPARE(describe(parseAll({u"\x1b[38;5;300mx"_s})), QStringList{u"[]x"_s});             // out of range: ignored
    QCOMPARE(describe(parseAll({u"\x1b[38;2;300;-1;20mx"_s})), QStringList{u"[]x"_s});       // not a number: 38 ignored
    QCOMPARE(parseAll({u"\x1b[38;2;300;0;20mx"_s}).constFirst().format, exact(0xffff0014u)); // clamped
    QCOMPARE(parseAll({u"\x1b[38;5;21mx"_s}).constFirst().format, exact(0xff0000ffu));
}

void TestAnsiParser::endlessSequencesStayBounded() {
    AnsiParser parser;
    parser.parse(u"\x1b[31m"_s);
    // A CSI sequence whose parameters never end: removed, not applied, memory bounded.
    QVERIFY(parser.parse(u"\x1b["_s).isEmpty());
    const QString digits(100000, u'1');
    for (int i = 0; i < 10; ++i)
        QVERIFY(parser.parse(digits).isEmpty());
    QCOMPARE(describe(parser.parse(u"mafter"_s)), QStringList{u"[fg=1]after"_s});
    // An OSC string that is never terminated swallows text but stores nothing.
    QVERIFY(parser.parse(u"\x1b]0;"_s).isEmpty());
    for (int i = 0; i < 10; ++i)
        QVERIFY(parser.parse(digits).isEmpty());
    QCOMPARE(describe(parser.parse(u"\x07visible"_s)), QStringList{u"[fg=1]visible"_s});
}

void TestAnsiParser::reset() {
    AnsiParser parser;
    parser.parse(u"\x1b[1;32mgreen\x1b[0;3"_s);
    parser.reset();
    QCOMPARE(parser.format(), Format());
    QCOMPARE(describe(parser.parse(u"3mplain"_s)), QStringList{u"[]3mplain"_s});
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestAnsiParser)
#include "TestAnsiParser.moc"
