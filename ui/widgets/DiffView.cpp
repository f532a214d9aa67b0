// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "widgets/DiffView.h"

#include <QFontDatabase>
#include <QSyntaxHighlighter>

namespace {

class DiffHighlighter : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override {
        QTextCharFormat format;
        if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
            format.setFontWeight(QFont::Bold);
        } else if (text.startsWith(u'+')) {
            format.setForeground(QColor(0x1e, 0x7b, 0x34));
            format.setBackground(QColor(0xe6, 0xff, 0xed));
        } else if (text.startsWith(u'-')) {
            format.setForeground(QColor(0xb3, 0x1d, 0x28));
            format.setBackground(QColor(0xff, 0xee, 0xf0));
        } else if (text.startsWith(QLatin1String("@@"))) {
            format.setForeground(QColor(0x05, 0x50, 0xae));
        } else {
            return;
        }
        setFormat(0, static_cast<int>(text.size()), format);
    }
};

} // namespace

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent) {
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(document());
}

void DiffView::setDiff(const QString &diff) {
    setPlainText(diff);
}
