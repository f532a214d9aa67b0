// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace ksw {

/// UTF-8 to UTF-16 for a byte stream read in pieces of any size, with the same text whatever the pieces.
///
/// Why not QStringDecoder: Qt 6.4's decoder replaces a broken sequence with a different number of U+FFFD
/// depending on where the reads cut it (CF CE 0A: two in one read, one when split), and can swallow a valid
/// character that follows a truncated one. Here every byte goes through one state machine, so the output is
/// a function of the bytes alone. Invalid input follows the Unicode "maximal subpart" practice (as the WHATWG
/// Encoding Standard): each maximal prefix of a sequence that could still have become valid is one U+FFFD, and
/// the byte that broke it starts afresh — overlongs, surrogates, values past U+10FFFF and bytes C0, C1, F5–FF
/// each become U+FFFD.
class Utf8Decoder {
public:
    /// Appends the text that `bytes` complete to `out`.
    void decode(QByteArrayView bytes, QString &out);
    /// At the end of the stream: a sequence left unfinished becomes one U+FFFD. The decoder starts afresh.
    void finish(QString &out);
    /// True while the bytes so far end inside a sequence.
    bool inSequence() const { return m_needed != 0; }

private:
    void reset();

    char32_t m_codePoint = 0;
    int m_needed = 0;             // continuation bytes the current sequence still needs
    unsigned char m_lower = 0x80; // the range the next continuation byte must lie in (narrower after E0, ED, F0, F4)
    unsigned char m_upper = 0xbf;
};

} // namespace ksw
