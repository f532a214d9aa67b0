// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "widgets/LogView.h"

#include <QAction>
#include <QCheckBox>
#include <QColor>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

// Insertion of one chunk should take about this long; the rest of the time belongs to the event loop.
constexpr qint64 kChunkBudgetMs = 10;
constexpr int kMinimumIntervalMs = 10;
constexpr int kMaximumIntervalMs = 100;
constexpr qsizetype kMinimumChunk = 1000;
constexpr qsizetype kMaximumChunk = 50000;

// The 16 ANSI colours, darkened on light backgrounds and lightened on dark ones so that each has a contrast
// ratio of at least 3 against the base colour (yellow and white on white, black on black are unreadable).
constexpr std::array<QRgb, 16> kLightBackground = {
    0xff000000, 0xffb21818, 0xff1a7f1a, 0xff8a6a00, 0xff1f4fd1, 0xffa01fa0, 0xff0e7480, 0xff6e6e6e,
    0xff5c5c5c, 0xffc42525, 0xff237f23, 0xff8c6f00, 0xff3462d6, 0xffa832a8, 0xff137580, 0xff737373,
};
constexpr std::array<QRgb, 16> kDarkBackground = {
    0xff8c8c8c, 0xffff6b6b, 0xff5fd75f, 0xffe5c84a, 0xff6fa0ff, 0xffe07ae0, 0xff4fd0d8, 0xffd0d0d0,
    0xffa0a0a0, 0xffff8c8c, 0xff8cf08c, 0xfffff07a, 0xff9cbcff, 0xffff9cff, 0xff8cf0f0, 0xffffffff,
};
// stderr without a colour of its own, and the wizard's own messages.
constexpr QRgb kStderrLight = 0xffa8520a;
constexpr QRgb kStderrDark = 0xffffa64d;
constexpr QRgb kMessageLight = 0xff2a5db0;
constexpr QRgb kMessageDark = 0xff8ab4ff;

bool isFailureLine(const QString &text) {
    return text.startsWith(QLatin1String("fatal:")) || text.startsWith(QLatin1String("failed:")) ||
           text.contains(QLatin1String("FAILED!")) || text.contains(QLatin1String("UNREACHABLE!"));
}

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this)) {
    m_edit->setObjectName(QStringLiteral("logPlainTextEdit"));
    m_edit->setReadOnly(true);
    m_edit->setUndoRedoEnabled(false);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setMaximumBlockCount(DefaultMaximumLineCount);
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_findBar = new QWidget(this);
    m_findLineEdit = new QLineEdit(m_findBar);
    m_findLineEdit->setObjectName(QStringLiteral("findLineEdit"));
    m_findLineEdit->setPlaceholderText(tr("Search the log", "@info:placeholder"));
    m_findLineEdit->setClearButtonEnabled(true);
    m_findPreviousButton = new QPushButton(tr("Previous", "@action:button"), m_findBar);
    m_findPreviousButton->setObjectName(QStringLiteral("findPreviousPushButton"));
    m_findNextButton = new QPushButton(tr("Next", "@action:button"), m_findBar);
    m_findNextButton->setObjectName(QStringLiteral("findNextPushButton"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findLineEdit, 1);
    findLayout->addWidget(m_findPreviousButton);
    findLayout->addWidget(m_findNextButton);
    m_findBar->hide();

    m_findButton = new QPushButton(tr("Find…", "@action:button"), this);
    m_findButton->setObjectName(QStringLiteral("findPushButton"));
    m_wrapCheckBox = new QCheckBox(tr("Wrap lines", "@option:check"), this);
    m_wrapCheckBox->setObjectName(QStringLiteral("wrapCheckBox"));
    auto *toolLayout = new QHBoxLayout;
    toolLayout->addWidget(m_findButton);
    toolLayout->addWidget(m_wrapCheckBox);
    toolLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);
    layout->addLayout(toolLayout);

    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, &LogView::showFindBar);
    auto *closeFindAction = new QAction(m_findBar);
    closeFindAction->setShortcut(Qt::Key_Escape);
    closeFindAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_findBar->addAction(closeFindAction);
    connect(closeFindAction, &QAction::triggered, this, [this] {
        m_findBar->hide();
        m_edit->setExtraSelections({});
        m_edit->setFocus();
    });

    connect(m_findButton, &QPushButton::clicked, this, &LogView::showFindBar);
    connect(m_findNextButton, &QPushButton::clicked, this, [this] { findFromBar(false); });
    connect(m_findPreviousButton, &QPushButton::clicked, this, [this] { findFromBar(true); });
    connect(m_findLineEdit, &QLineEdit::returnPressed, this, [this] { findFromBar(false); });
    connect(m_wrapCheckBox, &QCheckBox::toggled, this, &LogView::setWrapLines);

    m_insertTimer.setSingleShot(true);
    m_insertTimer.setInterval(kMinimumIntervalMs);
    connect(&m_insertTimer, &QTimer::timeout, this, &LogView::insertNextChunk);

    m_darkBackground = palette().color(QPalette::Base).lightness() < 128;
}

LogView::~LogView() = default;

void LogView::appendOutput(QByteArrayView bytes, Channel channel) {
    queuePieces(m_channels[static_cast<std::size_t>(channel)].splitter.feed(bytes), channel);
}

void LogView::appendMessage(const QString &text) {
    const QStringList lines = text.split(u'\n');
    for (const QString &lineText : lines) {
        Line line;
        line.kind = Kind::Message;
        if (!lineText.isEmpty())
            line.segments.append({lineText, {}});
        line.length = lineText.size();
        queueLine(std::move(line), true, false, std::nullopt);
    }
    scheduleInsertion();
}

void LogView::finishOutput() {
    for (const Channel channel : {Channel::Stdout, Channel::Stderr}) {
        ChannelState &state = m_channels[static_cast<std::size_t>(channel)];
        queuePieces(state.splitter.flush(), channel);
        state.parser.reset();
    }
    m_openChannel.reset();
}

void LogView::queuePieces(const QList<ksw::LineSplitter::Piece> &pieces, Channel channel) {
    if (pieces.isEmpty())
        return;
    ksw::AnsiParser &parser = m_channels[static_cast<std::size_t>(channel)].parser;
    for (const ksw::LineSplitter::Piece &piece : pieces) {
        Line line;
        line.kind = channel == Channel::Stderr ? Kind::Stderr : Kind::Stdout;
        line.segments = parser.parse(piece.text);
        line.length = piece.text.size();
        queueLine(std::move(line), piece.complete, piece.replacesPrevious, channel);
    }
    scheduleInsertion();
}

void LogView::queueLine(Line line, bool complete, bool replacesPrevious, std::optional<Channel> channel) {
    if (replacesPrevious && channel && m_openChannel == channel) {
        if (!m_queue.empty()) {
            // The progress line has not been shown yet: overwrite it in the queue.
            line.replacesLast = m_queue.back().replacesLast;
            m_queue.back() = std::move(line);
        } else {
            line.replacesLast = true;
            m_queue.push_back(std::move(line));
        }
    } else {
        m_queue.push_back(std::move(line));
    }
    m_openChannel = complete ? std::nullopt : channel;
    // Lines beyond the scrollback would be removed right after their insertion: never insert them.
    const int maximum = m_edit->maximumBlockCount();
    while (maximum > 0 && m_queue.size() > static_cast<std::size_t>(maximum)) {
        m_queue.pop_front();
        ++m_droppedLines;
    }
}

void LogView::scheduleInsertion() {
    if (!m_queue.empty() && !m_insertTimer.isActive())
        m_insertTimer.start();
}

void LogView::insertNextChunk() {
    QElapsedTimer timer;
    timer.start();
    insertLines(m_chunkCharacters);
    const qint64 elapsed = timer.elapsed();
    // Like Qt Creator's output pane: shrink the chunk when insertion was slow, grow it when it was quick, and
    // leave the event loop at least as long as the insertion took.
    if (elapsed > kChunkBudgetMs)
        m_chunkCharacters = std::max(kMinimumChunk, m_chunkCharacters * kChunkBudgetMs / elapsed);
    else if (elapsed < kChunkBudgetMs / 4)
        m_chunkCharacters = std::min(kMaximumChunk, m_chunkCharacters * 2);
    m_insertTimer.setInterval(static_cast<int>(std::clamp<qint64>(elapsed, kMinimumIntervalMs, kMaximumIntervalMs)));
    scheduleInsertion();
}

void LogView::flush() {
    m_insertTimer.stop();
    insertLines(std::numeric_limits<qsizetype>::max());
}

void LogView::insertLines(qsizetype maxCharacters) {
    if (m_queue.empty())
        return;
    const bool atBottom = isAtBottom();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();

    // Consecutive lines of one format go in with one insertText() ("\n" becomes a block separator).
    QString run;
    Kind runKind = Kind::Stdout;
    ksw::AnsiFormat runFormat;
    bool haveRun = false;
    const auto insertRun = [&] {
        if (haveRun && !run.isEmpty())
            cursor.insertText(run, charFormat(runKind, runFormat));
        run.clear();
        haveRun = false;
    };

    qsizetype inserted = 0;
    while (!m_queue.empty() && (inserted == 0 || inserted < maxCharacters)) {
        Line line = std::move(m_queue.front());
        m_queue.pop_front();
        inserted += line.length + 1;
        if (line.replacesLast && !m_documentEmpty) {
            insertRun();
            cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        } else if (!m_documentEmpty) {
            if (!haveRun) {
                runKind = line.kind;
                runFormat = {};
                haveRun = true;
            }
            run += u'\n';
        }
        m_documentEmpty = false;
        for (ksw::AnsiParser::Segment &segment : line.segments) {
            if (haveRun && (runKind != line.kind || !(runFormat == segment.format)))
                insertRun();
            if (!haveRun) {
                runKind = line.kind;
                runFormat = segment.format;
                haveRun = true;
            }
            run += segment.text;
        }
    }
    insertRun();
    cursor.endEditBlock();
    if (atBottom)
        scrollToBottom();
}

QTextCharFormat LogView::charFormat(Kind kind, const ksw::AnsiFormat &format) const {
    QTextCharFormat result;
    if (format.foreground) {
        const auto &table = m_darkBackground ? kDarkBackground : kLightBackground;
        result.setForeground(QColor::fromRgb(table[static_cast<std::size_t>(std::clamp(*format.foreground, 0, 15))]));
    } else if (format.foregroundRgb) {
        result.setForeground(QColor::fromRgb(*format.foregroundRgb));
    } else if (kind == Kind::Stderr) {
        result.setForeground(QColor::fromRgb(m_darkBackground ? kStderrDark : kStderrLight));
    } else if (kind == Kind::Message) {
        result.setForeground(QColor::fromRgb(m_darkBackground ? kMessageDark : kMessageLight));
    }
    if (format.bold)
        result.setFontWeight(QFont::Bold);
    if (kind == Kind::Message)
        result.setFontItalic(true);
    return result;
}

void LogView::clear() {
    m_insertTimer.stop();
    m_queue.clear();
    for (ChannelState &state : m_channels) {
        state.splitter.flush();
        state.parser.reset();
    }
    m_openChannel.reset();
    m_edit->clear();
    m_documentEmpty = true;
    m_droppedLines = 0;
}

void LogView::setMaximumLineCount(int lines) {
    m_edit->setMaximumBlockCount(std::max(0, lines));
}

int LogView::maximumLineCount() const {
    return m_edit->maximumBlockCount();
}

void LogView::setWrapLines(bool wrap) {
    m_edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    m_wrapCheckBox->setChecked(wrap);
}

bool LogView::wrapLines() const {
    return m_edit->lineWrapMode() != QPlainTextEdit::NoWrap;
}

QString LogView::toPlainText() const {
    return m_edit->document()->toPlainText();
}

bool LogView::saveTo(const QString &path) {
    flush();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray bytes = toPlainText().toUtf8();
    if (!m_documentEmpty)
        bytes.append('\n');
    if (file.write(bytes) != bytes.size())
        return false;
    return file.commit();
}

bool LogView::jumpToFirstFailure() {
    flush();
    for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next()) {
        if (isFailureLine(block.text())) {
            showLine(block.blockNumber());
            return true;
        }
    }
    return false;
}

void LogView::showLine(int blockNumber) {
    flush();
    const QTextBlock block = m_edit->document()->findBlockByNumber(blockNumber);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
}

void LogView::showFindBar() {
    m_findBar->show();
    m_findLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_findLineEdit->selectAll();
}

bool LogView::find(const QString &text, bool backward) {
    flush();
    m_edit->setExtraSelections({});
    if (text.isEmpty())
        return false;
    QTextDocument *document = m_edit->document();
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = document->find(text, m_edit->textCursor(), flags);
    if (found.isNull()) {
        QTextCursor start(document);
        if (backward)
            start.movePosition(QTextCursor::End);
        found = document->find(text, start, flags);
    }
    if (found.isNull())
        return false;
    m_edit->setTextCursor(found);
    m_edit->centerCursor();
    // The selection alone is pale while the focus is in the find bar: mark the match too.
    QTextEdit::ExtraSelection match;
    match.cursor = found;
    match.format.setBackground(palette().color(QPalette::Active, QPalette::Highlight));
    match.format.setForeground(palette().color(QPalette::Active, QPalette::HighlightedText));
    m_edit->setExtraSelections({match});
    return true;
}

void LogView::findFromBar(bool backward) {
    find(m_findLineEdit->text(), backward);
}

bool LogView::isAtBottom() const {
    const QScrollBar *bar = m_edit->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogView::scrollToBottom() {
    QScrollBar *bar = m_edit->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void LogView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        m_darkBackground = palette().color(QPalette::Base).lightness() < 128; // for the text still to come
    QWidget::changeEvent(event);
}
