// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "util/UnifiedDiff.h"

#include <dtl/dtl.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace ksw {

namespace {

std::vector<std::string> lines(const QByteArray &bytes) {
    std::vector<std::string> result;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        std::string line(bytes.constData() + start, static_cast<std::size_t>(end - start));
        // dtl prints each element followed by a newline: keep the line without its own.
        if (!line.empty() && line.back() == '\n')
            line.pop_back();
        else
            line += "\n\\ No newline at end of file"; // as diff(1) marks it
        result.push_back(line);
        start = end;
    }
    return result;
}

} // namespace

QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after, bool beforeExists) {
    if (before == after && beforeExists)
        return {};
    const std::vector<std::string> a = lines(before), b = lines(after);
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.compose();
    diff.composeUnifiedHunks();
    std::ostringstream hunks;
    diff.printUnifiedFormat(hunks);

    const QString header = (beforeExists ? QStringLiteral("--- a/") + path : QStringLiteral("--- /dev/null")) +
                           QStringLiteral("\n+++ b/") + path + QLatin1Char('\n');
    std::string body = hunks.str();
    // dtl counts an empty old side from line 1; diff(1) and git write "-0,0" for it.
    if (a.empty() && body.rfind("@@ -1,0 ", 0) == 0)
        body.replace(0, 8, "@@ -0,0 ");
    return header + QString::fromUtf8(body.data(), static_cast<qsizetype>(body.size()));
}

} // namespace ksw
