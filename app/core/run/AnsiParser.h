// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace ksw {

/// An exact colour, 0xffRRGGBB: the same layout as QRgb, which lives in Qt Gui.
using AnsiRgb = quint32;

/// How a run of text is drawn: plain data, turned into a QTextCharFormat by the view.
struct AnsiFormat {
    /// Palette index 0–15 (30–37 give 0–7, 90–97 give 8–15, 38;5;n with n < 16 gives n).
    std::optional<int> foreground;
    /// An exact colour (38;5;n with n >= 16, 38;2;r;g;b). Never set together with `foreground`;
    /// both unset means the view's default text colour.
    std::optional<AnsiRgb> foregroundRgb;
    bool bold = false;

    friend bool operator==(const AnsiFormat &, const AnsiFormat &) = default;
};

/// Text with ANSI escape sequences taken out, in runs of one format each.
///
/// Stateful like Qt Creator's AnsiEscapeCodeHandler: the format carries over from one call to the
/// next, and an escape sequence cut at the end of the text is kept until the next call completes
/// it. SGR ("ESC [ ... m") sets the format: 0/empty reset, 1 bold, 22 not bold, 30–37 and 90–97
/// palette colours, 39 default colour, 38;5;n and 38;2;r;g;b (also with ':' separators);
/// backgrounds and other attributes are accepted and ignored. Every other CSI sequence (cursor
/// moves, "erase line"), OSC strings (window titles, links; ended by BEL or ESC \), DCS/SOS/PM/APC
/// strings and two-character escapes are removed.
class AnsiParser {
public:
    using Format = AnsiFormat;

    struct Segment {
        QString text;
        Format format;

        friend bool operator==(const Segment &, const Segment &) = default;
    };

    /// The runs of visible text in `text`; never an empty run, never two neighbours of one format.
    QList<Segment> parse(QStringView text);
    /// Drops an unfinished escape sequence (at the end of the stream) and resets the format.
    void reset();

    /// The format that applies to the next character.
    AnsiFormat format() const { return m_format; }

    /// The exact colour of a 256-colour palette entry (16–255: the 6×6×6 cube and the grey ramp).
    static AnsiRgb rgbFromIndex256(int index);

private:
    enum class State { Text, Escape, EscapeIntermediate, Csi, String, StringEscape };

    void applySgr(QStringView parameters);
    void addText(QStringView text, QList<Segment> &out) const;

    State m_state = State::Text;
    QString m_parameters;   // of the CSI sequence being read
    bool m_tooLong = false; // its parameters passed the bound; it is removed but not applied
    AnsiFormat m_format;
};

} // namespace ksw
