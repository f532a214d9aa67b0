// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "TestSupport.h"
#include "widgets/LogView.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

using Channel = LogView::Channel;

namespace {

QByteArray colourFixture() {
    return ksw::test::readAll(ksw::test::fixturePath(QStringLiteral("ansible/colour-output.txt")));
}

/// The colour a fragment is drawn in: its own, or the view's text colour.
QColor colourOf(const QTextCharFormat &format, const QWidget *view) {
    return format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground().color()
                                                            : view->palette().color(QPalette::Text);
}

/// The first block whose text starts with `prefix`.
QTextBlock blockStartingWith(const LogView &view, const QString &prefix) {
    for (QTextBlock block = view.textEdit()->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().startsWith(prefix))
            return block;
    }
    return {};
}

/// The format of the first character of a block.
QTextCharFormat firstFormat(const QTextBlock &block) {
    return block.begin().fragment().charFormat();
}

/// Text and colours of the whole document, to compare two ways of feeding the same bytes.
QString fingerprint(const LogView &view) {
    QString result;
    for (QTextBlock block = view.textEdit()->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            result += fragment.text() + u'{' + colourOf(fragment.charFormat(), &view).name() + u'}';
        }
        result += u'\n';
    }
    return result;
}

// WCAG contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b) {
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestLogView : public QObject {
    Q_OBJECT

private slots:
    void ansiColoursBecomeFormats();
    void coloursReadableInBothThemes_data();
    void coloursReadableInBothThemes();
    void splitAtEveryOffsetGivesSameDocument();
    void carriageReturnProgressReplacesLine();
    void stderrAndMessagesAreDistinct();
    void scrollbackBoundHonoured();
    void autoScrollOnlyAtBottom();
    void findBarFindsAndHighlights();
    void jumpToFirstFailureSelectsFatalLine();
    void saveToWritesPlainText();
    void wrapToggle();
    void floodKeepsEventLoopTurning();
};

void TestLogView::ansiColoursBecomeFormats() {
    LogView view;
    view.appendOutput(colourFixture(), Channel::Stdout);
    view.finishOutput();
    view.flush();
    QVERIFY(!view.toPlainText().contains(u'\x1b'));

    const QTextBlock changed = blockStartingWith(view, QStringLiteral("changed: [localhost]"));
    const QTextBlock ok = blockStartingWith(view, QStringLiteral("ok: [localhost]"));
    const QTextBlock fatal = blockStartingWith(view, QStringLiteral("fatal: [localhost]: FAILED!"));
    QVERIFY(changed.isValid() && ok.isValid() && fatal.isValid());
    const int changedHue = colourOf(firstFormat(changed), &view).hsvHue();
    const int okHue = colourOf(firstFormat(ok), &view).hsvHue();
    const int fatalHue = colourOf(firstFormat(fatal), &view).hsvHue();
    QVERIFY2(changedHue >= 35 && changedHue <= 65, qPrintable(QString::number(changedHue)));
    QVERIFY2(okHue >= 90 && okHue <= 150, qPrintable(QString::number(okHue)));
    QVERIFY2(fatalHue <= 15 || fatalHue >= 345, qPrintable(QString::number(fatalHue)));
    // The Japanese message decodes intact.
    QVERIFY(view.toPlainText().contains(QStringLiteral("レジストリ")));
    // Plain lines keep the view's own text colour.
    const QTextBlock task = blockStartingWith(view, QStringLiteral("TASK [Write a marker file"));
    QVERIFY(!firstFormat(task).hasProperty(QTextFormat::ForegroundBrush));
}

void TestLogView::coloursReadableInBothThemes_data() {
    QTest::addColumn<QColor>("base");
    QTest::newRow("light theme") << QColor(Qt::white);
    QTest::newRow("dark theme") << QColor(0x1e, 0x1e, 0x1e);
}

void TestLogView::coloursReadableInBothThemes() {
    QFETCH(QColor, base);
    LogView view;
    QPalette palette = view.palette();
    palette.setColor(QPalette::Base, base);
    view.setPalette(palette);
    QByteArray bytes;
    for (int i = 0; i < 16; ++i)
        bytes += "\x1b[" + QByteArray::number(i < 8 ? 30 + i : 90 + i - 8) + "mcolour " + QByteArray::number(i) + '\n';
    view.appendOutput(bytes, Channel::Stdout);
    view.appendOutput("on stderr\n", Channel::Stderr);
    view.appendMessage(QStringLiteral("a message"));
    view.flush();
    for (QTextBlock block = view.textEdit()->document()->begin(); block.isValid(); block = block.next()) {
        const double ratio = contrast(colourOf(firstFormat(block), &view), base);
        QVERIFY2(ratio >= 3.0, qPrintable(block.text() + QStringLiteral(": ") + QString::number(ratio)));
    }
}

void TestLogView::splitAtEveryOffsetGivesSameDocument() {
    const QByteArray bytes = colourFixture() + "tail without newline \x1b[0;32mgreen";
    LogView whole;
    whole.appendOutput(bytes, Channel::Stdout);
    whole.finishOutput();
    whole.flush();
    const QString expected = fingerprint(whole);
    QVERIFY(whole.toPlainText().endsWith(QStringLiteral("tail without newline green")));
    for (qsizetype offset = 0; offset <= bytes.size(); ++offset) {
        LogView split;
        split.appendOutput(QByteArrayView(bytes).first(offset), Channel::Stdout);
        split.flush(); // half of it inserted before the rest arrives
        split.appendOutput(QByteArrayView(bytes).sliced(offset), Channel::Stdout);
        split.finishOutput();
        split.flush();
        QCOMPARE(fingerprint(split), expected);
    }
}

void TestLogView::carriageReturnProgressReplacesLine() {
    LogView view;
    view.appendOutput("start\nDownloading 10%\rDownloading 50%\rDownloading 100%\ndone\n", Channel::Stdout);
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("start\nDownloading 100%\ndone"));

    // The progress line already shown is replaced in the document too. (A lone "\r" is known as one only when
    // the next byte arrives: it could be the start of "\r\n".)
    view.appendOutput("copy 1%\r", Channel::Stdout);
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("start\nDownloading 100%\ndone"));
    view.appendOutput("copy 2%\r", Channel::Stdout);
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("start\nDownloading 100%\ndone\ncopy 1%"));
    view.appendOutput("copy 3%\r", Channel::Stdout);
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("start\nDownloading 100%\ndone\ncopy 2%"));
    view.appendOutput("\x1b[32mcopy 4%\x1b[0m\r\nnext\n", Channel::Stdout);
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("start\nDownloading 100%\ndone\ncopy 4%\nnext"));
    QCOMPARE(view.textEdit()->document()->blockCount(), 5);

    // Progress on stderr does not replace a stdout line printed in between.
    view.appendOutput("50%\r", Channel::Stderr);
    view.appendOutput("x", Channel::Stderr);
    view.flush();
    view.appendOutput("between\n", Channel::Stdout);
    view.appendOutput("\n", Channel::Stderr);
    view.flush();
    QVERIFY(view.toPlainText().endsWith(QStringLiteral("next\n50%\nbetween\nx")));
}

void TestLogView::stderrAndMessagesAreDistinct() {
    LogView view;
    view.appendOutput("on stdout\n", Channel::Stdout);
    view.appendOutput("on stderr\n", Channel::Stderr);
    view.appendMessage(QStringLiteral("Second attempt of cluster.yml"));
    view.flush();
    QCOMPARE(view.toPlainText(), QStringLiteral("on stdout\non stderr\nSecond attempt of cluster.yml"));
    const QTextBlock out = view.textEdit()->document()->findBlockByNumber(0);
    const QTextBlock err = out.next();
    const QTextBlock message = err.next();
    QVERIFY(colourOf(firstFormat(out), &view) != colourOf(firstFormat(err), &view));
    QVERIFY(!firstFormat(out).fontItalic());
    QVERIFY(!firstFormat(err).fontItalic());
    QVERIFY(firstFormat(message).fontItalic());
}

void TestLogView::scrollbackBoundHonoured() {
    LogView view;
    QCOMPARE(view.maximumLineCount(), 100000);
    view.setMaximumLineCount(100);
    QByteArray bytes;
    for (int i = 0; i < 1000; ++i)
        bytes += "line " + QByteArray::number(i) + '\n';
    view.appendOutput(bytes.left(3000), Channel::Stdout);
    view.flush();
    view.appendOutput(bytes.mid(3000), Channel::Stdout);
    view.flush();
    QCOMPARE(view.textEdit()->document()->blockCount(), 100);
    QCOMPARE(view.textEdit()->document()->firstBlock().text(), QStringLiteral("line 900"));
    QCOMPARE(view.textEdit()->document()->lastBlock().text(), QStringLiteral("line 999"));
}

void TestLogView::autoScrollOnlyAtBottom() {
    LogView view;
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.textEdit()->verticalScrollBar();
    const auto appendLines = [&view](int from, int count) {
        QByteArray bytes;
        for (int i = from; i < from + count; ++i)
            bytes += "line " + QByteArray::number(i) + '\n';
        view.appendOutput(bytes, Channel::Stdout);
    };
    appendLines(0, 500);
    QTRY_VERIFY(view.queuedLineCount() == 0); // through the timer, as in a run
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    bar->setValue(10); // the user scrolls up
    appendLines(500, 200);
    view.flush();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 10);

    bar->setValue(bar->maximum()); // and back down
    const int oldMaximum = bar->maximum();
    appendLines(700, 200);
    QTRY_VERIFY(view.queuedLineCount() == 0);
    QCoreApplication::processEvents();
    QVERIFY(bar->maximum() > oldMaximum);
    QCOMPARE(bar->value(), bar->maximum());
}

void TestLogView::findBarFindsAndHighlights() {
    LogView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.appendOutput(colourFixture(), Channel::Stdout);
    view.flush();

    auto *findLineEdit = view.findChild<QLineEdit *>(QStringLiteral("findLineEdit"));
    auto *next = view.findChild<QPushButton *>(QStringLiteral("findNextPushButton"));
    auto *previous = view.findChild<QPushButton *>(QStringLiteral("findPreviousPushButton"));
    QVERIFY(findLineEdit && next && previous);
    QVERIFY(!findLineEdit->isVisible());
    view.textEdit()->setFocus();
    QTest::keyClick(view.textEdit(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(findLineEdit->isVisible());
    QTRY_VERIFY(findLineEdit->hasFocus());

    QTest::keyClicks(findLineEdit, QStringLiteral("LOCALHOST")); // case-insensitive
    QTest::keyClick(findLineEdit, Qt::Key_Return);
    QPlainTextEdit *edit = view.textEdit();
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("localhost"));
    const int first = edit->textCursor().selectionStart();
    QCOMPARE(edit->extraSelections().size(), 1);
    QCOMPARE(edit->extraSelections().constFirst().cursor.selectionStart(), first);

    QTest::mouseClick(next, Qt::LeftButton);
    const int second = edit->textCursor().selectionStart();
    QVERIFY(second > first);
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("localhost"));
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(edit->textCursor().selectionStart(), first);

    QVERIFY(!view.find(QStringLiteral("no such text anywhere")));
}

void TestLogView::jumpToFirstFailureSelectsFatalLine() {
    LogView view;
    view.appendOutput("PLAY [x] ***\nok: [a]\n", Channel::Stdout);
    QVERIFY(!view.jumpToFirstFailure());
    view.appendOutput(colourFixture(), Channel::Stdout);
    QVERIFY(view.jumpToFirstFailure()); // flushes the queue itself
    const QString selected = view.textEdit()->textCursor().selectedText();
    QVERIFY2(selected.startsWith(QStringLiteral("fatal: [localhost]: FAILED! => {")), qPrintable(selected));

    view.showLine(0);
    QCOMPARE(view.textEdit()->textCursor().selectedText(), QStringLiteral("PLAY [x] ***"));
}

void TestLogView::saveToWritesPlainText() {
    LogView view;
    view.appendOutput(colourFixture(), Channel::Stdout);
    view.appendMessage(QStringLiteral("finished"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.log"));
    QVERIFY(view.saveTo(path));
    const QByteArray saved = ksw::test::readAll(path);
    QCOMPARE(saved, view.toPlainText().toUtf8() + '\n');
    QVERIFY(!saved.contains('\x1b'));
    QVERIFY(saved.endsWith("ignored=0   \n\nfinished\n"));
    QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("missing/folder/run.log"))));
}

void TestLogView::wrapToggle() {
    LogView view;
    auto *wrap = view.findChild<QCheckBox *>(QStringLiteral("wrapCheckBox"));
    QVERIFY(wrap);
    QVERIFY(!view.wrapLines());
    wrap->click();
    QVERIFY(view.wrapLines());
    QCOMPARE(view.textEdit()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    view.setWrapLines(false);
    QVERIFY(!wrap->isChecked());
    QCOMPARE(view.textEdit()->lineWrapMode(), QPlainTextEdit::NoWrap);
}

void TestLogView::floodKeepsEventLoopTurning() {
    LogView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // 30 MB of a real coloured run, read by a "process" in 64 KiB pieces, one piece per event-loop turn.
    const QByteArray fixture = colourFixture();
    constexpr qsizetype total = 30 * 1024 * 1024;
    constexpr qsizetype chunk = 64 * 1024;
    QByteArray ring;
    while (ring.size() < chunk + fixture.size())
        ring += fixture;
    qsizetype fed = 0;
    QTimer producer;
    producer.setInterval(0);
    connect(&producer, &QTimer::timeout, &view, [&] {
        const qsizetype size = std::min(chunk, total - fed);
        view.appendOutput(QByteArrayView(ring).sliced(fed % fixture.size(), size), Channel::Stdout);
        fed += size;
        if (fed >= total)
            producer.stop();
    });

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    connect(&heartbeat, &QTimer::timeout, &view, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        ++ticks;
    });

    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    heartbeat.start();
    producer.start();
    QTRY_VERIFY_WITH_TIMEOUT(fed >= total && view.queuedLineCount() == 0, 240000);
    heartbeat.stop();
    const qint64 elapsed = wall.elapsed();

    qInfo("flood: %lld MB in %lld ms, %d heartbeats, longest event-loop stall %lld ms, %lld lines dropped "
          "from the queue (beyond the scrollback)",
          static_cast<long long>(total / (1024 * 1024)), static_cast<long long>(elapsed), ticks,
          static_cast<long long>(longestGap), static_cast<long long>(view.droppedLineCount()));
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    QCOMPARE(view.textEdit()->document()->blockCount(), LogView::DefaultMaximumLineCount);
}

QTEST_MAIN(TestLogView)
#include "TestLogView.moc"
