// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ksw {

/// Splits a byte stream into lines at "\n", however it is cut into reads: each byte is looked at once, and a line
/// longer than the limit keeps only its first maxLineBytes() bytes (the rest is dropped up to its newline and the
/// line is marked cut), so a child that never prints a newline cannot grow memory or time.
class ByteLines {
public:
    /// Far above any line Ansible prints for a task result that is worth parsing.
    static constexpr qsizetype DefaultMaxLineBytes = 4 * 1024 * 1024;

    explicit ByteLines(qsizetype maxLineBytes = DefaultMaxLineBytes)
        : m_maxLineBytes(maxLineBytes) {}

    /// Calls `onLine(QByteArrayView line, bool cut)` for each line `chunk` completes, without its "\n".
    template <typename OnLine> void feed(QByteArrayView chunk, OnLine &&onLine) {
        while (!chunk.isEmpty()) {
            const qsizetype newline = chunk.indexOf('\n');
            if (newline >= 0 && m_pending.isEmpty() && !m_cut && newline <= m_maxLineBytes) {
                onLine(chunk.first(newline), false); // the usual case: a whole line inside one read, no copy
                chunk = chunk.sliced(newline + 1);
                continue;
            }
            keep(newline < 0 ? chunk : chunk.first(newline));
            if (newline < 0)
                return;
            onLine(QByteArrayView(m_pending), m_cut);
            m_pending.clear();
            m_cut = false;
            chunk = chunk.sliced(newline + 1);
        }
    }

    /// At the end of the stream: the last line, if it has no "\n".
    template <typename OnLine> void finish(OnLine &&onLine) {
        if (!m_pending.isEmpty() || m_cut)
            onLine(QByteArrayView(m_pending), m_cut);
        m_pending.clear();
        m_cut = false;
    }

    /// The bytes held for the line that has not ended yet (at most maxLineBytes()).
    qsizetype pendingSize() const { return m_pending.size(); }
    qsizetype maxLineBytes() const { return m_maxLineBytes; }

private:
    void keep(QByteArrayView part) {
        const qsizetype room = m_maxLineBytes - m_pending.size();
        if (part.size() > room)
            m_cut = true;
        if (room > 0)
            m_pending.append(part.first(qMin(room, part.size())));
    }

    QByteArray m_pending;
    qsizetype m_maxLineBytes;
    bool m_cut = false;
};

} // namespace ksw
