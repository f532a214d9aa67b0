// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "Dialogs.h"

#include <QFileDialog>

#include <optional>

namespace Dialogs {

namespace {

std::optional<QString> nextPath;
std::optional<QMessageBox::StandardButton> nextAnswer;
bool recording = false;

std::optional<QString> takeNextPath() {
    std::optional<QString> path;
    path.swap(nextPath);
    return path;
}

} // namespace

QString openFile(QWidget *parent, const QString &title, const QString &filter, const QString &directory) {
    if (auto path = takeNextPath())
        return *path;
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

QString openDirectory(QWidget *parent, const QString &title, const QString &directory) {
    if (auto path = takeNextPath())
        return *path;
    return QFileDialog::getExistingDirectory(parent, title, directory);
}

QString saveFile(QWidget *parent, const QString &title, const QString &filter, const QString &suggestion) {
    if (auto path = takeNextPath())
        return *path;
    return QFileDialog::getSaveFileName(parent, title, suggestion, filter);
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons) {
    if (nextAnswer) {
        const auto answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons);
}

void warning(QWidget *parent, const QString &title, const QString &text) {
    if (recording) {
        recordedWarnings().append(text);
        return;
    }
    QMessageBox::warning(parent, title, text);
}

void setNextPath(const QString &path) {
    nextPath = path;
}

void setNextAnswer(QMessageBox::StandardButton answer) {
    nextAnswer = answer;
}

QStringList &recordedWarnings() {
    static QStringList warnings;
    recording = true;
    return warnings;
}

} // namespace Dialogs
