// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

/// Thin wrappers around file dialogs and message boxes, so tests can answer them (KeePassXC's MessageBox idea).
namespace Dialogs {

QString openFile(QWidget *parent, const QString &title, const QString &filter, const QString &directory = {});
QString openDirectory(QWidget *parent, const QString &title, const QString &directory = {});
QString saveFile(QWidget *parent, const QString &title, const QString &filter, const QString &suggestion = {});
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No);
void warning(QWidget *parent, const QString &title, const QString &text);

/// Tests: the next dialog returns this instead of showing (a path, or "" for cancel).
void setNextPath(const QString &path);
/// Tests: the next question returns this instead of showing.
void setNextAnswer(QMessageBox::StandardButton answer);
/// Tests: warnings are recorded here instead of shown.
QStringList &recordedWarnings();

} // namespace Dialogs
