// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// LineSplitter and AnsiParser give the same output however the bytes are split into reads.
#include "FuzzSupport.h"

#include "run/AnsiParser.h"
#include "run/LineSplitter.h"

namespace {

using ksw::AnsiParser;
using ksw::LineSplitter;

QList<LineSplitter::Piece> split(const QList<QByteArrayView> &reads) {
    LineSplitter splitter(512); // a small limit, so that the fuzzer reaches the cutting of long lines
    QList<LineSplitter::Piece> pieces;
    for (QByteArrayView read : reads)
        pieces += splitter.feed(read);
    pieces += splitter.flush();
    return pieces;
}

/// The text with the format of each character: the same whatever runs the parser returned.
QList<std::pair<QChar, AnsiParser::Format>> formatted(const QList<QString> &texts) {
    AnsiParser parser;
    QList<std::pair<QChar, AnsiParser::Format>> result;
    for (const QString &text : texts) {
        for (const AnsiParser::Segment &segment : parser.parse(text)) {
            if (segment.text.isEmpty())
                ksw::fuzz::fail("AnsiParser returned an empty run");
            for (QChar c : segment.text)
                result.append({c, segment.format});
        }
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QList<LineSplitter::Piece> once = split({ksw::fuzz::whole(data, size)});
    const QList<LineSplitter::Piece> piecewise = split(ksw::fuzz::pieces(data, size));
    if (once != piecewise)
        ksw::fuzz::fail("LineSplitter depends on how the input is split");
    for (const LineSplitter::Piece &piece : once) {
        if (piece.text.size() > 512)
            ksw::fuzz::fail("LineSplitter handed out a piece over its limit");
    }

    // The decoded text, split at the same kind of places, through the ANSI parser.
    const QString text = QString::fromUtf8(ksw::fuzz::whole(data, size));
    QList<QString> parts;
    for (qsizetype at = 0, step = 1; at < text.size(); at += step, step = step % 5 + 1)
        parts.append(text.mid(at, step));
    if (formatted({text}) != formatted(parts))
        ksw::fuzz::fail("AnsiParser depends on how the text is split");
    return 0;
}
