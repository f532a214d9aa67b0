// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "run/AnsiParser.h"
#include "run/LineSplitter.h"

#include <QByteArrayView>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <array>
#include <deque>
#include <optional>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextCharFormat;

/// A child process's output, live: Qt Creator's output pane (coreplugin/outputwindow.cpp) in small.
///
/// Bytes are split into lines (one LineSplitter and one AnsiParser per channel), queued, and inserted on a
/// single-shot timer in chunks of whole lines whose size and interval follow how long the last insertion took,
/// so a flood never freezes the event loop. Scrollback is bounded (setMaximumLineCount); lines that would scroll
/// out of it before they are shown are dropped from the queue. The view follows new text only while the user is
/// at the bottom. Ctrl+F opens a find bar.
class LogView : public QWidget {
    Q_OBJECT

public:
    enum class Channel { Stdout, Stderr };

    static constexpr int DefaultMaximumLineCount = 100000;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    /// Queues a read of the child's stdout or stderr (any size, cut anywhere).
    void appendOutput(QByteArrayView bytes, Channel channel);
    /// Queues one of the wizard's own lines ("second attempt…"), shown in italics.
    void appendMessage(const QString &text);
    /// At the end of the child's output: queues the unterminated last line of each channel and resets their state.
    void finishOutput();
    /// Inserts everything queued now.
    void flush();
    /// Empties the view, the queue and the channels' state.
    void clear();
    /// Lines waiting to be inserted.
    qsizetype queuedLineCount() const { return static_cast<qsizetype>(m_queue.size()); }
    /// Lines dropped from the queue because the scrollback would have dropped them anyway.
    qint64 droppedLineCount() const { return m_droppedLines; }

    void setMaximumLineCount(int lines);
    int maximumLineCount() const;
    void setWrapLines(bool wrap);
    bool wrapLines() const;

    /// Writes the text (without colours) to `path`, UTF-8, one "\n" after each line.
    bool saveTo(const QString &path);
    /// Selects and shows the first line that starts with "fatal:" or "failed:" or contains "FAILED!" or
    /// "UNREACHABLE!"; false when there is none.
    bool jumpToFirstFailure();
    /// Selects and shows line `blockNumber` (0-based, counted in the current scrollback).
    void showLine(int blockNumber);
    /// Opens the find bar with the focus in its text field.
    void showFindBar();
    /// Selects the next (or previous) match of `text`, ignoring case, wrapping around; false when none.
    bool find(const QString &text, bool backward = false);

    QPlainTextEdit *textEdit() const { return m_edit; }
    /// The text inserted so far (not what is still queued).
    QString toPlainText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind { Stdout, Stderr, Message };

    struct Line {
        QList<ksw::AnsiParser::Segment> segments;
        Kind kind = Kind::Stdout;
        bool replacesLast = false; // replace the document's last line instead of adding one
        qsizetype length = 0;
    };

    struct ChannelState {
        ksw::LineSplitter splitter;
        ksw::AnsiParser parser;
    };

    void queuePieces(const QList<ksw::LineSplitter::Piece> &pieces, Channel channel);
    void queueLine(Line line, bool complete, bool replacesPrevious, std::optional<Channel> channel);
    void scheduleInsertion();
    void insertNextChunk();
    void insertLines(qsizetype maxCharacters);
    QTextCharFormat charFormat(Kind kind, const ksw::AnsiFormat &format) const;
    void findFromBar(bool backward);
    bool isAtBottom() const;
    void scrollToBottom();

    QPlainTextEdit *m_edit = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findLineEdit = nullptr;
    QPushButton *m_findNextButton = nullptr;
    QPushButton *m_findPreviousButton = nullptr;
    QPushButton *m_findButton = nullptr;
    QCheckBox *m_wrapCheckBox = nullptr;

    std::array<ChannelState, 2> m_channels;
    std::deque<Line> m_queue;
    qint64 m_droppedLines = 0;
    // The channel whose line is the last one (queued or inserted) and ended with a lone "\r".
    std::optional<Channel> m_openChannel;
    bool m_documentEmpty = true;
    bool m_darkBackground = false;

    QTimer m_insertTimer;
    qsizetype m_chunkCharacters = 10000;
};
