// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// What the fuzz targets share: the input's first bytes choose where to split the rest, so one input is both the
// data and the way it arrives (the split-independence targets feed it whole and in those pieces).

#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ksw::fuzz {

/// The rest of the input after its first byte, cut at offsets drawn from the first byte as a seed.
inline QList<QByteArrayView> pieces(const uint8_t *data, size_t size) {
    QList<QByteArrayView> result;
    if (size == 0)
        return result;
    uint32_t state = data[0] * 2654435761u + 1;
    const QByteArrayView rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    qsizetype at = 0;
    while (at < rest.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype length = qMin<qsizetype>(rest.size() - at, 1 + (state >> 16) % 7);
        result.append(rest.sliced(at, length));
        at += length;
    }
    return result;
}

inline QByteArrayView whole(const uint8_t *data, size_t size) {
    return size == 0 ? QByteArrayView() : QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
}

/// A finding: the fuzzer stops and keeps the input.
[[noreturn]] inline void fail(const char *what) {
    std::fprintf(stderr, "fuzz finding: %s\n", what);
    std::abort();
}

} // namespace ksw::fuzz
