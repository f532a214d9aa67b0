// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "run/Utf8Decoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ksw {

/// Turns one output channel of a child process (bytes, in reads of any size) into text lines.
///
/// Like the channel buffer behind Qt Creator's output pane: one persistent UTF-8 decoder for the
/// whole stream, so a character cut between two reads decodes correctly (invalid bytes become
/// U+FFFD by one rule, Utf8Decoder's, so the text never depends on where the reads cut the
/// bytes), and a buffer for the line that has not ended yet. "\n" and "\r\n" end a
/// line. A lone "\r" (a progress bar redrawing itself) ends a line that the next piece overwrites:
/// the whole line is replaced, as in Qt Creator, not overtyped character by character as in a
/// terminal. Runs of "\r" count as one ("\r\r\n" is a line end). A line longer than
/// maxLineLength() characters is handed out in parts, so a child that never prints a newline
/// cannot grow memory.
///
/// A view appends each piece as a new line, except that a piece with replacesPrevious set
/// replaces the line of the piece before it (which had complete == false).
class LineSplitter {
public:
    /// One line, or one part of an over-long line, without its terminator.
    struct Piece {
        QString text;
        /// false: the line ended with a lone "\r"; the next piece will replace it.
        bool complete = true;
        /// true: the previous piece ended with a lone "\r"; replace its line instead of appending.
        bool replacesPrevious = false;
        /// true: the line was longer than maxLineLength(); its rest follows in the next piece(s).
        bool cut = false;

        friend bool operator==(const Piece &, const Piece &) = default;
    };

    static constexpr qsizetype DefaultMaxLineLength = 64 * 1024;

    explicit LineSplitter(qsizetype maxLineLength = DefaultMaxLineLength);

    /// Decodes `bytes` and returns the pieces they finish (possibly none).
    QList<Piece> feed(QByteArrayView bytes);
    /// At the end of the stream: returns the last, unterminated line (if any; a trailing lone "\r"
    /// or an incomplete UTF-8 sequence, which becomes U+FFFD, count as its end) and starts afresh.
    QList<Piece> flush();

    /// The text of the line that has not ended yet (a prompt without a newline, say).
    QString pendingText() const { return m_line; }
    qsizetype maxLineLength() const { return m_maxLineLength; }

private:
    void split(QStringView text, QList<Piece> &out);
    void append(QStringView text, QList<Piece> &out);
    void emitLine(bool complete, QList<Piece> &out);

    Utf8Decoder m_decoder;
    QString m_line;
    qsizetype m_maxLineLength;
    bool m_pendingReturn = false; // the buffered line ended with "\r"; is it "\r\n" or an overwrite?
    bool m_previousOpen = false;  // the last piece handed out had complete == false
};

} // namespace ksw
