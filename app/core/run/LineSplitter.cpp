// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/LineSplitter.h"

#include <algorithm>

namespace ksw {

LineSplitter::LineSplitter(qsizetype maxLineLength)
    : m_maxLineLength(std::max<qsizetype>(maxLineLength, 2)) // 2: room for a surrogate pair
{}

namespace {

// The length of the UTF-8 sequence that `lead` starts; 1 for ASCII and for bytes that start none.
qsizetype sequenceLength(unsigned char lead) {
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 1;
}

// How many bytes at the end of `bytes` start a UTF-8 sequence that the next read must finish.
qsizetype unfinishedTail(QByteArrayView bytes) {
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= std::min<qsizetype>(size, 4); ++back) {
        const auto byte = static_cast<unsigned char>(bytes[size - back]);
        if ((byte & 0xc0) == 0x80)
            continue; // a continuation byte: look further back for the lead
        return back < sequenceLength(byte) ? back : 0;
    }
    return 0;
}

} // namespace

QList<LineSplitter::Piece> LineSplitter::feed(QByteArrayView bytes) {
    QList<Piece> out;
    if (bytes.isEmpty())
        return out;
    // The decoder is only ever given whole sequences: Qt 6.4's stateful decoder drops a sequence
    // still unfinished at the end of the stream, and turns a broken sequence into a different
    // number of U+FFFD depending on where the reads cut it. Holding the tail back ourselves makes
    // the text independent of how the pipe happened to cut the bytes.
    QByteArray joined;
    QByteArrayView data = bytes;
    if (!m_tail.isEmpty()) {
        joined = m_tail + bytes.toByteArray();
        data = joined;
    }
    const qsizetype tail = unfinishedTail(data);
    QByteArray newTail = data.last(tail).toByteArray();
    data.chop(tail);
    if (!data.isEmpty())
        split(QString(m_decoder.decode(data)), out);
    m_tail = std::move(newTail);
    return out;
}

QList<LineSplitter::Piece> LineSplitter::flush() {
    QList<Piece> out;
    if (!m_tail.isEmpty()) { // the stream ended inside a character
        QString rest = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless).decode(m_tail);
        if (rest.isEmpty())
            rest = QChar(QChar::ReplacementCharacter);
        split(rest, out);
        m_tail.clear();
    }
    if (!m_line.isEmpty()) // a lone "\r" after the last newline adds no line
        emitLine(true, out);
    m_pendingReturn = false;
    m_previousOpen = false;
    m_line.clear();
    m_decoder.resetState();
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
