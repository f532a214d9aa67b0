// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/ByteLines.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTest>

using ksw::ByteLines;
using namespace Qt::StringLiterals;

namespace {

/// Every line as text, with "<cut>" after a line that was cut.
QStringList linesOf(const QList<QByteArray> &reads, qsizetype limit) {
    ByteLines lines(limit);
    QStringList out;
    const auto collect = [&](QByteArrayView line, bool cut) {
        out.append(QString::fromLatin1(line.toByteArray()) + (cut ? QStringLiteral("<cut>") : QString()));
    };
    for (const QByteArray &read : reads)
        lines.feed(read, collect);
    lines.finish(collect);
    return out;
}

} // namespace

class TestByteLines : public QObject {
    Q_OBJECT

private slots:
    void lines() {
        QCOMPARE(linesOf({"a\nbb\n\nccc"}, 10), (QStringList{u"a"_s, u"bb"_s, u""_s, u"ccc"_s}));
        QCOMPARE(linesOf({"a\n"}, 10), QStringList{u"a"_s});
        QCOMPARE(linesOf({""}, 10), QStringList{});
    }

    void overLongLinesAreCut() {
        QCOMPARE(linesOf({"0123456789abc\nok\n"}, 4), (QStringList{u"0123<cut>"_s, u"ok"_s}));
        QCOMPARE(linesOf({"0123", "4\n"}, 4), QStringList{u"0123<cut>"_s});
        QCOMPARE(linesOf({"0123\n"}, 4), QStringList{u"0123"_s}); // exactly the limit is not cut
        QCOMPARE(linesOf({"012345"}, 4), QStringList{u"0123<cut>"_s});
    }

    // The same lines at every cut, byte by byte, and at random cuts.
    void splitIndependence() {
        const QByteArray input("PLAY [x] ***\nTASK [a]\n\n0123456789 long line\r\nlast");
        const QStringList whole = linesOf({input}, 8);
        for (qsizetype at = 0; at <= input.size(); ++at)
            QCOMPARE(linesOf({input.first(at), input.sliced(at)}, 8), whole);
        QList<QByteArray> bytes;
        for (char c : input)
            bytes.append(QByteArray(1, c));
        QCOMPARE(linesOf(bytes, 8), whole);
        QRandomGenerator random(7);
        for (int round = 0; round < 100; ++round) {
            QList<QByteArray> reads;
            for (qsizetype at = 0; at < input.size();) {
                const qsizetype length = std::min<qsizetype>(input.size() - at, random.bounded(1, 6));
                reads.append(input.sliced(at, length));
                at += length;
            }
            QCOMPARE(linesOf(reads, 8), whole);
        }
    }

    // 200 MB without a newline in 64 KiB reads: never more than the limit held.
    void endlessLineStaysBounded() {
        ByteLines lines(1024 * 1024);
        const QByteArray chunk(64 * 1024, 'y');
        int seen = 0;
        qsizetype mostKept = 0;
        for (int i = 0; i < 200 * 16; ++i) {
            lines.feed(chunk, [&](QByteArrayView, bool) { ++seen; });
            mostKept = std::max(mostKept, lines.pendingSize());
        }
        QCOMPARE(seen, 0);
        QCOMPARE(mostKept, qsizetype(1024 * 1024));
        bool cut = false;
        qsizetype length = 0;
        lines.feed("\n", [&](QByteArrayView line, bool wasCut) {
            cut = wasCut;
            length = line.size();
        });
        QVERIFY(cut);
        QCOMPARE(length, qsizetype(1024 * 1024));
        QCOMPARE(lines.pendingSize(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestByteLines)
#include "TestByteLines.moc"
