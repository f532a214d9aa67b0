// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/Utf8Decoder.h"

namespace ksw {

void Utf8Decoder::reset() {
    m_codePoint = 0;
    m_needed = 0;
    m_lower = 0x80;
    m_upper = 0xbf;
}

void Utf8Decoder::decode(QByteArrayView bytes, QString &out) {
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    out.reserve(out.size() + size);
    qsizetype i = 0;
    while (i < size) {
        const unsigned char byte = data[i];
        if (m_needed == 0) {
            if (byte < 0x80) { // a run of ASCII in one append
                qsizetype end = i + 1;
                while (end < size && data[end] < 0x80)
                    ++end;
                out.append(QLatin1StringView(reinterpret_cast<const char *>(data + i), end - i));
                i = end;
                continue;
            }
            ++i;
            if (byte >= 0xc2 && byte <= 0xdf) {
                m_needed = 1;
                m_codePoint = byte & 0x1f;
            } else if (byte >= 0xe0 && byte <= 0xef) {
                m_lower = byte == 0xe0 ? 0xa0 : 0x80; // E0 80..9F would be overlong
                m_upper = byte == 0xed ? 0x9f : 0xbf; // ED A0..BF would be a surrogate
                m_needed = 2;
                m_codePoint = byte & 0x0f;
            } else if (byte >= 0xf0 && byte <= 0xf4) {
                m_lower = byte == 0xf0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                m_upper = byte == 0xf4 ? 0x8f : 0xbf; // F4 90.. would pass U+10FFFF
                m_needed = 3;
                m_codePoint = byte & 0x07;
            } else {
                out.append(QChar::ReplacementCharacter); // 80..C1, F5..FF start nothing
            }
            continue;
        }
        if (byte < m_lower || byte > m_upper) {
            // The sequence so far is one U+FFFD; this byte is looked at again as a start.
            reset();
            out.append(QChar::ReplacementCharacter);
            continue;
        }
        ++i;
        m_lower = 0x80;
        m_upper = 0xbf;
        m_codePoint = (m_codePoint << 6) | (byte & 0x3f);
        if (--m_needed == 0) {
            const char32_t codePoint = m_codePoint;
            reset();
            if (QChar::requiresSurrogates(codePoint)) {
                out.append(QChar(QChar::highSurrogate(codePoint)));
                out.append(QChar(QChar::lowSurrogate(codePoint)));
            } else {
                out.append(QChar(char16_t(codePoint)));
            }
        }
    }
}

void Utf8Decoder::finish(QString &out) {
    if (m_needed != 0)
        out.append(QChar::ReplacementCharacter);
    reset();
}

} // namespace ksw
