// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/LineSplitter.h"

#include "TestSupport.h"

#include <QFile>
#include <QObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

using Piece = LineSplitter::Piece;

QList<Piece> splitAll(const QList<QByteArray> &chunks, qsizetype maxLineLength = LineSplitter::DefaultMaxLineLength) {
    LineSplitter splitter(maxLineLength);
    QList<Piece> pieces;
    for (const QByteArray &chunk : chunks)
        pieces += splitter.feed(chunk);
    pieces += splitter.flush();
    return pieces;
}

QList<Piece> splitAt(const QByteArray &bytes, qsizetype offset,
                     qsizetype maxLineLength = LineSplitter::DefaultMaxLineLength) {
    return splitAll({bytes.first(offset), bytes.sliced(offset)}, maxLineLength);
}

// "text" plus markers for the flags, so a failing comparison shows what went wrong.
QStringList describe(const QList<Piece> &pieces) {
    QStringList lines;
    for (const Piece &piece : pieces) {
        QString line = piece.text;
        if (!piece.complete)
            line += u"<open>"_s;
        if (piece.replacesPrevious)
            line += u"<replaces>"_s;
        if (piece.cut)
            line += u"<cut>"_s;
        lines.append(line);
    }
    return lines;
}

// What a view shows: a piece that replaces the previous one overwrites its line.
QStringList view(const QList<Piece> &pieces) {
    QStringList lines;
    for (const Piece &piece : pieces) {
        if (piece.replacesPrevious && !lines.isEmpty())
            lines.last() = piece.text;
        else
            lines.append(piece.text);
    }
    return lines;
}

QByteArray readFixture(const QString &relative) {
    QFile file(test::fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(relative));
    return file.readAll();
}

} // namespace

class TestLineSplitter : public QObject {
    Q_OBJECT

private slots:
    void ansibleTranscript();
    void ansibleTranscriptEveryOffset();
    void ansibleTranscriptRandomChunks();
    void lineEndings_data();
    void lineEndings();
    void progressView();
    void utf8SplitEveryOffset();
    void utf8ByteByByte();
    void invalidUtf8_data();
    void invalidUtf8();
    void invalidUtf8EveryTwoCuts();
    void overLongLine();
    void overLongLineKeepsSurrogatePairs();
    void endlessLineStaysBounded();
    void flush();
};

void TestLineSplitter::ansibleTranscript() {
    const QByteArray bytes = readFixture(u"ansible/colour-output.txt"_s);
    const QList<Piece> pieces = splitAll({bytes});
    QStringList expected = QString::fromUtf8(bytes).split(u'\n');
    QCOMPARE(expected.takeLast(), QString()); // the transcript ends with a newline
    QCOMPARE(describe(pieces), expected);
    QVERIFY(expected.contains(u"\x1b[0;33mchanged: [localhost]\x1b[0m"_s));
    QVERIFY(std::any_of(expected.cbegin(), expected.cend(), [](const QString &line) {
        return line.contains(u"レジストリ registry.example.local:5000"_s);
    }));
}

void TestLineSplitter::ansibleTranscriptEveryOffset() {
    const QByteArray bytes = readFixture(u"ansible/colour-output.txt"_s);
    const QList<Piece> whole = splitAll({bytes});
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset) {
        const QList<Piece> split = splitAt(bytes, offset);
        if (split != whole)
            QCOMPARE(describe(split), describe(whole)); // fails, showing the difference
    }
    // The same with a small bound, so that cut lines are split too.
    const QList<Piece> wholeCut = splitAll({bytes}, 17);
    QVERIFY(std::any_of(wholeCut.cbegin(), wholeCut.cend(), [](const Piece &piece) { return piece.cut; }));
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset) {
        const QList<Piece> split = splitAt(bytes, offset, 17);
        if (split != wholeCut)
            QCOMPARE(describe(split), describe(wholeCut));
    }
}

void TestLineSplitter::ansibleTranscriptRandomChunks() {
    // Colour output plus progress redraws and Windows line ends, cut into random reads.
    QByteArray bytes = readFixture(u"ansible/colour-output.txt"_s);
    bytes.replace("PLAY RECAP", "Fetching 10%\rFetching 90%\rFetching done\r\nPLAY RECAP");
    const QList<Piece> whole = splitAll({bytes});
    QRandomGenerator random(20261126); // fixed: a failure can be repeated
    for (int round = 0; round < 500; ++round) {
        QList<QByteArray> chunks;
        for (qsizetype pos = 0; pos < bytes.size();) {
            const qsizetype length = std::min<qsizetype>(random.bounded(1, 40), bytes.size() - pos);
            chunks.append(bytes.sliced(pos, length));
            pos += length;
        }
        const QList<Piece> split = splitAll(chunks);
        if (split != whole)
            QCOMPARE(describe(split), describe(whole));
    }
}

void TestLineSplitter::lineEndings_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("lf") << QByteArray("one\ntwo\n") << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("crlf") << QByteArray("one\r\ntwo\r\n") << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("mixed") << QByteArray("one\r\ntwo\nthree\r\n") << QStringList{u"one"_s, u"two"_s, u"three"_s};
    QTest::newRow("empty lines") << QByteArray("\n\r\n\n") << QStringList{QString(), QString(), QString()};
    QTest::newRow("progress bar") << QByteArray("10%\r50%\r100%\ndone\n")
                                  << QStringList{u"10%<open>"_s, u"50%<open><replaces>"_s, u"100%<replaces>"_s,
                                                 u"done"_s};
    QTest::newRow("cr cr lf is one line end") << QByteArray("one\r\r\ntwo\n") << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("cr cr then text") << QByteArray("one\r\rtwo\n") << QStringList{u"one<open>"_s, u"two<replaces>"_s};
    QTest::newRow("last line without newline") << QByteArray("one\ntwo") << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("cr at the end") << QByteArray("one\ntwo\r") << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("progress unfinished at the end")
        << QByteArray("50%\r60%") << QStringList{u"50%<open>"_s, u"60%<replaces>"_s};
    QTest::newRow("lone cr after newline") << QByteArray("one\n\r") << QStringList{u"one"_s};
    QTest::newRow("nothing") << QByteArray() << QStringList{};
}

void TestLineSplitter::lineEndings() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(splitAll({input})), expected);
    for (qsizetype offset = 0; offset <= input.size(); ++offset)
        QCOMPARE(describe(splitAt(input, offset)), expected);
    QList<QByteArray> bytes;
    for (const char byte : input)
        bytes.append(QByteArray(1, byte));
    QCOMPARE(describe(splitAll(bytes)), expected);
}

void TestLineSplitter::progressView() {
    const QByteArray bytes("PLAY [all]\nDownloading   0%\rDownloading  42%\rDownloading 100%\r\nok: [node1]\n");
    QCOMPARE(view(splitAll({bytes})), (QStringList{u"PLAY [all]"_s, u"Downloading 100%"_s, u"ok: [node1]"_s}));
}

void TestLineSplitter::utf8SplitEveryOffset() {
    // Three-byte characters, and a four-byte one that becomes a surrogate pair.
    const QString text = u"ノード node1 に接続しました: レジストリは HTTP のみ 🚀\n二行目\n"_s;
    const QByteArray bytes = text.toUtf8();
    const QStringList expected{u"ノード node1 に接続しました: レジストリは HTTP のみ 🚀"_s, u"二行目"_s};
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset)
        QCOMPARE(describe(splitAt(bytes, offset)), expected);
    for (qsizetype first = 1; first < bytes.size(); first += 1)
        for (qsizetype second = first; second <= bytes.size(); second += 7)
            QCOMPARE(
                describe(splitAll({bytes.first(first), bytes.sliced(first, second - first), bytes.sliced(second)})),
                expected);
}

void TestLineSplitter::utf8ByteByByte() {
    const QByteArray bytes = u"日本語のログ\r\n進捗 50%\r進捗 100%\n"_s.toUtf8();
    QList<QByteArray> chunks;
    for (const char byte : bytes)
        chunks.append(QByteArray(1, byte));
    QCOMPARE(describe(splitAll(chunks)),
             (QStringList{u"日本語のログ"_s, u"進捗 50%<open>"_s, u"進捗 100%<replaces>"_s}));
}

void TestLineSplitter::invalidUtf8_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    // One U+FFFD per maximal subpart of a broken sequence (Utf8Decoder), wherever the reads cut it.
    const QString bad(QChar::ReplacementCharacter);
    QTest::newRow("invalid byte") << QByteArray("ok \xff end\n") << QStringList{u"ok "_s + bad + u" end"_s};
    QTest::newRow("lone continuation byte") << QByteArray("a\x80z\n") << QStringList{u"a"_s + bad + u"z"_s};
    QTest::newRow("two continuation bytes") << QByteArray("a\x80\xbfz\n") << QStringList{u"a"_s + bad + bad + u"z"_s};
    QTest::newRow("latin-1 from an old host") << QByteArray("caf\xe9\n") << QStringList{u"caf"_s + bad};
    QTest::newRow("two broken leads before newline") << QByteArray("\xcf\xce\n") << QStringList{bad + bad};
    QTest::newRow("truncated sequence before an emoji")
        << QByteArray("a\xe2\x82\xf0\x9f\x98\x80z\n") << QStringList{u"a"_s + bad + u"\U0001F600z"_s};
    QTest::newRow("truncated before newline") << QByteArray("\xe6\x97\n次\n") << QStringList{bad, u"次"_s};
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf/\n") << QStringList{bad + bad + u"/"_s};
    QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xafx\n") << QStringList{bad + bad + bad + u"x"_s};
    QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80x\n") << QStringList{bad + bad + bad + u"x"_s};
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80x\n") << QStringList{bad + bad + bad + bad + u"x"_s};
    QTest::newRow("F5 to FF") << QByteArray("\xf5\xf8\xfc\xfe\n") << QStringList{bad + bad + bad + bad};
    QTest::newRow("four-byte lead cut by ASCII") << QByteArray("\xf0\x9f\x98ok\n") << QStringList{bad + u"ok"_s};
    QTest::newRow("valid mix") << QByteArray("\xc3\xa9\xe6\xac\xa1\xf0\x9f\x98\x80\n")
                               << QStringList{u"é次\U0001F600"_s};
    QTest::newRow("truncated at end of stream") << QByteArray("tail \xe6\x97") << QStringList{u"tail "_s + bad};
    QTest::newRow("truncated alone at end of stream") << QByteArray("line\n\xe6") << QStringList{u"line"_s, bad};
}

void TestLineSplitter::invalidUtf8() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const QList<Piece> whole = splitAll({input});
    QCOMPARE(describe(whole), expected);
    // Cut once at every offset, cut at every byte, and cut at random places (fixed seed): the same pieces.
    for (qsizetype offset = 0; offset <= input.size(); ++offset)
        QCOMPARE(describe(splitAt(input, offset)), expected);
    QList<QByteArray> bytes;
    for (char c : input)
        bytes.append(QByteArray(1, c));
    QCOMPARE(describe(splitAll(bytes)), expected);
    QRandomGenerator random(42);
    for (int round = 0; round < 50; ++round) {
        QList<QByteArray> chunks;
        for (qsizetype at = 0; at < input.size();) {
            const qsizetype length = std::min<qsizetype>(input.size() - at, random.bounded(1, 4));
            chunks.append(input.sliced(at, length));
            at += length;
        }
        QCOMPARE(describe(splitAll(chunks)), expected);
    }
}

// Every two-way and three-way cut of a stream full of broken sequences next to valid ones gives the same pieces.
void TestLineSplitter::invalidUtf8EveryTwoCuts() {
    const QByteArray input("\xcf\xce\na\xe2\x82\xf0\x9f\x98\x80z\r\xed\xa0\x80\xc3\xa9\r\n\xf4\x90\x80\xe6\x97");
    const QStringList whole = describe(splitAll({input}, 3));
    for (qsizetype first = 0; first <= input.size(); ++first) {
        for (qsizetype second = first; second <= input.size(); ++second) {
            const QList<QByteArray> chunks{input.first(first), input.sliced(first, second - first),
                                           input.sliced(second)};
            QCOMPARE(describe(splitAll(chunks, 3)), whole);
        }
    }
}

void TestLineSplitter::overLongLine() {
    const QByteArray bytes("0123456789abcdefghijKLMNO\nshort\n");
    const QStringList expected{u"0123456789<cut>"_s, u"abcdefghij<cut>"_s, u"KLMNO"_s, u"short"_s};
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset)
        QCOMPARE(describe(splitAt(bytes, offset, 10)), expected);
    // Exactly the bound is one line.
    QCOMPARE(describe(splitAll({QByteArray("0123456789\n")}, 10)), QStringList{u"0123456789"_s});
    // A progress line that is too long still replaces the line before it.
    QCOMPARE(describe(splitAll({QByteArray("50%\r0123456789abc\n")}, 10)),
             (QStringList{u"50%<open>"_s, u"0123456789<replaces><cut>"_s, u"abc"_s}));
}

void TestLineSplitter::overLongLineKeepsSurrogatePairs() {
    const QByteArray bytes = u"abcd🚀efgh\n"_s.toUtf8();
    const QStringList expected{u"abcd<cut>"_s, u"🚀efg<cut>"_s, u"h"_s};
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset)
        QCOMPARE(describe(splitAt(bytes, offset, 5)), expected);
}

void TestLineSplitter::endlessLineStaysBounded() {
    // A child printing 1 MiB without a newline, in 4 KiB reads.
    LineSplitter splitter;
    QCOMPARE(splitter.maxLineLength(), 64 * 1024);
    const QByteArray chunk(4096, 'x');
    qsizetype received = 0;
    for (int i = 0; i < 256; ++i) {
        for (const Piece &piece : splitter.feed(chunk)) {
            QVERIFY(piece.cut);
            QCOMPARE(piece.text.size(), 64 * 1024);
            received += piece.text.size();
        }
        QVERIFY(splitter.pendingText().size() <= 64 * 1024);
    }
    const QList<Piece> rest = splitter.flush();
    for (const Piece &piece : rest)
        received += piece.text.size();
    QCOMPARE(received, 256 * 4096);

    // The same megabyte (and a bit) in one read: sixteen parts at once, the bit left pending.
    const QList<Piece> parts = splitter.feed(QByteArray(16 * 64 * 1024 + 100, 'y'));
    QCOMPARE(parts.size(), 16);
    for (const Piece &piece : parts)
        QCOMPARE(piece.text, QString(64 * 1024, u'y'));
    QCOMPARE(splitter.pendingText(), QString(100, u'y'));
}

void TestLineSplitter::flush() {
    LineSplitter splitter;
    QVERIFY(splitter.feed("PLAY RECAP ****\nlocalhost : ok=3").isEmpty() == false);
    QCOMPARE(splitter.pendingText(), u"localhost : ok=3"_s);
    QCOMPARE(describe(splitter.flush()), QStringList{u"localhost : ok=3"_s});
    QVERIFY(splitter.flush().isEmpty());
    QCOMPARE(splitter.pendingText(), QString());
    // After a flush the splitter reads a new stream: nothing of a cut character is left over.
    QVERIFY(splitter.feed("\xe6\x97").isEmpty());
    QCOMPARE(splitter.flush().size(), 1);
    QCOMPARE(describe(splitter.feed("\xa5\n")), QStringList{QString(QChar::ReplacementCharacter)});
    QCOMPARE(describe(splitter.feed(u"日\n"_s.toUtf8())), QStringList{u"日"_s});
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestLineSplitter)
#include "TestLineSplitter.moc"
