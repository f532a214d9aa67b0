// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QString>

namespace ksw {

/// A place in a file: 1-based line and column; 0 where unknown.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }
    /// "file:line:column", "file:line" or "file", as far as known.
    QString toString() const;
};

/// An error the user must see: where it is, which field, and what is wrong.
struct Error {
    SourceLocation where;
    QString field;   ///< the YAML key, INI key or option concerned; may be empty
    QString message; ///< a full sentence, already translated

    /// "file:line:column: field: message"
    QString toString() const;
};

} // namespace ksw
