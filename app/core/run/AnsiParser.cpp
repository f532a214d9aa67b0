// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/AnsiParser.h"

#include <algorithm>

namespace ksw {

namespace {

constexpr char16_t Esc = 0x1b;
constexpr char16_t Bel = 0x07;
// Real SGR sequences are short; a child printing "ESC [" and then digits forever must not grow memory.
constexpr qsizetype MaxParameterLength = 256;

bool isSgrParameters(QStringView parameters) {
    return std::all_of(parameters.begin(), parameters.end(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || c == u';' || c == u':'; });
}

int number(QStringView text) {
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok ? value : -1;
}

AnsiRgb rgb(int red, int green, int blue) {
    const auto channel = [](int value) {
        return static_cast<AnsiRgb>(std::clamp(value, 0, 255));
    };
    return 0xff000000u | (channel(red) << 16) | (channel(green) << 8) | channel(blue);
}

} // namespace

AnsiRgb AnsiParser::rgbFromIndex256(int index) {
    if (index >= 232)
        return rgb(8 + 10 * (index - 232), 8 + 10 * (index - 232), 8 + 10 * (index - 232));
    const int cube = std::max(index, 16) - 16;
    const auto level = [](int value) {
        return value == 0 ? 0 : 55 + 40 * value;
    };
    return rgb(level(cube / 36), level(cube / 6 % 6), level(cube % 6));
}

void AnsiParser::reset() {
    m_state = State::Text;
    m_parameters.clear();
    m_tooLong = false;
    m_format = {};
}

QList<AnsiParser::Segment> AnsiParser::parse(QStringView text) {
    QList<Segment> out;
    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size) {
        const char16_t c = text[pos].unicode();
        switch (m_state) {
        case State::Text: {
            qsizetype escape = text.indexOf(QChar(Esc), pos);
            if (escape < 0)
                escape = size;
            addText(text.sliced(pos, escape - pos), out);
            pos = escape;
            if (escape < size) {
                m_state = State::Escape;
                ++pos;
            }
            break;
        }
        case State::Escape:
            ++pos;
            if (c == u'[') {
                m_state = State::Csi;
                m_parameters.clear();
                m_tooLong = false;
            } else if (c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_') {
                m_state = State::String; // OSC, DCS, SOS, PM, APC: up to BEL or ESC backslash
            } else if (c >= 0x20 && c <= 0x2f) {
                m_state = State::EscapeIntermediate; // "ESC ( B" and friends
            } else if (c == Esc) {
                // a second ESC starts over
            } else if (c >= 0x30 && c <= 0x7e) {
                m_state = State::Text; // a two-character escape ("ESC 7", "ESC =")
            } else {
                m_state = State::Text; // no escape at all: drop the ESC, keep the character
                --pos;
            }
            break;
        case State::EscapeIntermediate:
            if (c >= 0x20 && c <= 0x2f) {
                ++pos;
            } else {
                if (c >= 0x30 && c <= 0x7e)
                    ++pos;
                m_state = State::Text;
            }
            break;
        case State::Csi:
            if (c >= 0x40 && c <= 0x7e) {
                ++pos;
                if (c == u'm' && !m_tooLong && isSgrParameters(m_parameters))
                    applySgr(m_parameters);
                m_parameters.clear();
                m_state = State::Text;
            } else if (c >= 0x20 && c <= 0x3f) {
                ++pos;
                if (m_parameters.size() < MaxParameterLength)
                    m_parameters.append(QChar(c));
                else
                    m_tooLong = true;
            } else {
                // Malformed (a newline, a letter outside ASCII): give up on the sequence; the
                // character is text again.
                m_parameters.clear();
                m_state = State::Text;
            }
            break;
        case State::String: {
            qsizetype end = pos;
            while (end < size && text[end] != QChar(Bel) && text[end] != QChar(Esc))
                ++end;
            if (end == size) {
                pos = size;
            } else {
                m_state = text[end] == QChar(Bel) ? State::Text : State::StringEscape;
                pos = end + 1;
            }
            break;
        }
        case State::StringEscape:
            if (c == u'\\') {
                ++pos;
                m_state = State::Text;
            } else {
                m_state = State::Escape; // the string ended at that ESC, which starts a new sequence
            }
            break;
        }
    }
    return out;
}

void AnsiParser::addText(QStringView text, QList<Segment> &out) const {
    if (text.isEmpty())
        return;
    if (!out.isEmpty() && out.last().format == m_format)
        out.last().text.append(text);
    else
        out.append(Segment{text.toString(), m_format});
}

void AnsiParser::applySgr(QStringView parameters) {
    const QList<QStringView> groups = parameters.split(u';');
    const auto setIndexed = [this](int index) {
        if (index < 0 || index > 255)
            return;
        if (index < 16) {
            m_format.foreground = index;
            m_format.foregroundRgb.reset();
        } else {
            m_format.foreground.reset();
            m_format.foregroundRgb = rgbFromIndex256(index);
        }
    };
    const auto setRgb = [this](int red, int green, int blue) {
        m_format.foreground.reset();
        m_format.foregroundRgb = rgb(red, green, blue);
    };
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QStringView group = groups.at(i);
        if (group.contains(u':')) { // "38:5:n", "38:2:r:g:b" or "38:2:space:r:g:b"
            const QList<QStringView> sub = group.split(u':');
            if (number(sub.at(0)) != 38 || sub.size() < 3)
                continue;
            if (number(sub.at(1)) == 5)
                setIndexed(number(sub.at(2)));
            else if (number(sub.at(1)) == 2 && sub.size() >= 5)
                setRgb(number(sub.at(sub.size() - 3)), number(sub.at(sub.size() - 2)), number(sub.at(sub.size() - 1)));
            continue;
        }
        const int code = number(group);
        if (code == 0) {
            m_format = {};
        } else if (code == 1) {
            m_format.bold = true;
        } else if (code == 22) {
            m_format.bold = false;
        } else if (code >= 30 && code <= 37) {
            setIndexed(code - 30);
        } else if (code >= 90 && code <= 97) {
            setIndexed(code - 90 + 8);
        } else if (code == 39) {
            m_format.foreground.reset();
            m_format.foregroundRgb.reset();
        } else if (code == 38 || code == 48) { // the background form is skipped the same way
            const int mode = i + 1 < groups.size() ? number(groups.at(i + 1)) : -1;
            if (mode == 5 && i + 2 < groups.size()) {
                if (code == 38)
                    setIndexed(number(groups.at(i + 2)));
                i += 2;
            } else if (mode == 2 && i + 4 < groups.size()) {
                if (code == 38)
                    setRgb(number(groups.at(i + 2)), number(groups.at(i + 3)), number(groups.at(i + 4)));
                i += 4;
            } else {
                return; // malformed: the rest cannot be read reliably
            }
        }
    }
}

} // namespace ksw
