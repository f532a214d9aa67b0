// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/LineSplitter.h"

#include <algorithm>

namespace ksw {

LineSplitter::LineSplitter(qsizetype maxLineLength)
    : m_maxLineLength(std::max<qsizetype>(maxLineLength, 2)) // 2: room for a surrogate pair
{}

QList<LineSplitter::Piece> LineSplitter::feed(QByteArrayView bytes) {
    QList<Piece> out;
    if (bytes.isEmpty())
        return out;
    QString text;
    m_decoder.decode(bytes, text);
    if (!text.isEmpty())
        split(text, out);
    return out;
}

QList<LineSplitter::Piece> LineSplitter::flush() {
    QList<Piece> out;
    QString rest; // the stream ended inside a character: one U+FFFD
    m_decoder.finish(rest);
    if (!rest.isEmpty())
        split(rest, out);
    if (!m_line.isEmpty()) // a lone "\r" after the last newline adds no line
        emitLine(true, out);
    m_pendingReturn = false;
    m_previousOpen = false;
    m_line.clear();
    return out;
}

void LineSplitter::split(QStringView text, QList<Piece> &out) {
    const qsizetype size = text.size();
    qsizetype pos = 0;
    if (m_pendingReturn) {
        while (pos < size && text[pos] == u'\r')
            ++pos;
        if (pos == size)
            return; // still undecided
        m_pendingReturn = false;
        if (text[pos] == u'\n') {
            emitLine(true, out);
            ++pos;
        } else {
            emitLine(false, out);
        }
    }
    while (pos < size) {
        qsizetype end = pos;
        while (end < size && text[end] != u'\n' && text[end] != u'\r')
            ++end;
        append(text.sliced(pos, end - pos), out);
        if (end == size)
            return;
        if (text[end] == u'\n') {
            emitLine(true, out);
            pos = end + 1;
            continue;
        }
        qsizetype after = end;
        while (after < size && text[after] == u'\r')
            ++after;
        if (after == size) { // the next read tells whether a "\n" follows
            m_pendingReturn = true;
            return;
        }
        if (text[after] == u'\n') {
            emitLine(true, out);
            pos = after + 1;
        } else {
            emitLine(false, out);
            pos = after;
        }
    }
}

void LineSplitter::append(QStringView text, QList<Piece> &out) {
    m_line.append(text);
    qsizetype start = 0; // one remove() at the end, however many parts one big read holds
    while (m_line.size() - start > m_maxLineLength) {
        qsizetype length = m_maxLineLength;
        if (m_line.at(start + length - 1).isHighSurrogate())
            --length; // never separate the halves of a character outside the BMP
        out.append(Piece{m_line.sliced(start, length), true, m_previousOpen, true});
        m_previousOpen = false;
        start += length;
    }
    if (start > 0)
        m_line.remove(0, start);
}

void LineSplitter::emitLine(bool complete, QList<Piece> &out) {
    out.append(Piece{m_line, complete, m_previousOpen, false});
    m_previousOpen = !complete;
    m_line.clear();
}

} // namespace ksw
