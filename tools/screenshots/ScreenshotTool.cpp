// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// ksw-screenshots: shows the wizard on the demo and saves every page as a PNG, as the X server shows it.
// Run by scripts/screenshots under Xvfb without MIT-SHM (as over ssh -X). Touches no user data: XDG folders
// point to a temporary folder for the run.

#include "CommandLine.h"
#include "Dialogs.h"
#include "MainWizard.h"
#include "pages/DeployPage.h"
#include "pages/OpenPage.h"
#include "run/AnsibleFiles.h"
#include "run/RunSession.h"
#include "session/WizardSession.h"
#include "widgets/RunView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QPixmap>
#include <QScreen>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <utility>

namespace {

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

/// Runs the event loop for `milliseconds`: lets layouts settle and the window reach the X server.
void settle(int milliseconds = 400) {
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitExposed(QWidget &window) {
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (window.windowHandle() && window.windowHandle()->isExposed())
            return true;
        settle(50);
    }
    return false;
}

/// "ranges" for RangesPage.
QString pageName(const QWizardPage *page) {
    QString name = QString::fromLatin1(page->metaObject()->className());
    if (name.endsWith(u"Page"))
        name.chop(4);
    return name.toLower();
}

/// The window as the X server has it; QWidget::grab() (Qt's own rendering) where the screen cannot be read.
QPixmap grabWindow(QWidget &window) {
    if (QScreen *screen = window.screen()) {
        const QPixmap shot = screen->grabWindow(window.winId());
        if (!shot.isNull())
            return shot;
    }
    static bool told = false;
    if (!std::exchange(told, true))
        err() << "ksw-screenshots: the screen cannot be read; saving Qt's own rendering" << Qt::endl;
    return window.grab();
}

class Shooter {
public:
    Shooter(QWidget &window, const QString &outDir, const QString &prefix)
        : m_window(window)
        , m_outDir(outDir)
        , m_prefix(prefix) {}

    bool shoot(int number, const QString &name) {
        settle();
        const QString path = QDir(m_outDir).filePath(
            QStringLiteral("%1-%2-%3.png").arg(m_prefix).arg(number, 2, 10, QLatin1Char('0')).arg(name));
        if (!grabWindow(m_window).save(path)) {
            err() << "ksw-screenshots: cannot write " << path << Qt::endl;
            return false;
        }
        QTextStream(stdout) << path << Qt::endl;
        return true;
    }

private:
    QWidget &m_window;
    QString m_outDir;
    QString m_prefix; ///< "en-860x640"
};

/// Waits (with the event loop running) until `done` holds, at most `milliseconds`.
bool waitFor(const std::function<bool()> &done, int milliseconds) {
    const QDeadlineTimer deadline(milliseconds);
    while (!done() && !deadline.hasExpired())
        settle(100);
    return done();
}

/// A playbook of a few slow local tasks, shaped like the start of cluster.yml, so the run page can be seen mid-run
/// and cancelled without any node: it runs on this machine only (ansible_connection=local), as the user.
ksw::AnsibleCommand localRunCommand(const QString &folder) {
    QFile playbook(folder + QStringLiteral("/cluster.yml"));
    QFile hosts(folder + QStringLiteral("/hosts.ini"));
    if (playbook.open(QIODevice::WriteOnly)) {
        playbook.write("- name: Check the nodes (a local stand-in for Kubespray's cluster.yml)\n"
                       "  hosts: all\n  gather_facts: false\n  tasks:\n");
        for (const char *task : {"bootstrap-os : Fetch /etc/os-release", "kubernetes/preinstall : Check memory",
                                 "kubernetes/preinstall : Check the pod and service ranges",
                                 "container-engine/containerd : Write hosts.toml of each registry",
                                 "download : Pull the images", "kubernetes/control-plane : kubeadm init",
                                 "network_plugin/calico : Start calico-node", "kubernetes-apps : Deploy CoreDNS"})
            playbook.write(QByteArray("    - name: \"") + task +
                           "\"\n      ansible.builtin.command: sleep 1\n"
                           "      changed_when: false\n");
    }
    if (hosts.open(QIODevice::WriteOnly))
        hosts.write("node1 ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n"
                    "node2 ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n");
    ksw::AnsibleCommand command;
    command.kubesprayRoot = folder;
    command.hostsFile = folder + QStringLiteral("/hosts.ini");
    command.playbook = QStringLiteral("cluster.yml");
    command.become = false;
    return command;
}

} // namespace

int main(int argc, char *argv[]) {
    // Before anything asks for a standard path: the demo, history and settings go to a throw-away folder.
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/ksw-screenshots-XXXXXX"));
    if (!home.isValid()) {
        std::fputs("ksw-screenshots: cannot create a temporary folder\n", stderr);
        return 2;
    }
    for (const char *variable : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString path = home.filePath(QString::fromLatin1(variable).toLower());
        QDir().mkpath(path);
        qputenv(variable, QFile::encodeName(path));
    }
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = home.filePath(QStringLiteral("xdg_runtime_dir"));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }

    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setOrganizationName(QStringLiteral("kubespray-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KSW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves every page of the wizard, on the demo, as a PNG file."));
    parser.addHelpOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: en or ja."),
                                        QStringLiteral("LANG"), QStringLiteral("en"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the PNG files."),
                                       QStringLiteral("DIR"), QStringLiteral("build/screenshots"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size, WIDTHxHEIGHT."),
                                        QStringLiteral("SIZE"), QStringLiteral("860x640"));
    parser.addOptions({langOption, outOption, sizeOption});
    parser.process(app);
    const QString language = parser.value(langOption);
    if (language != u"en" && language != u"ja") {
        err() << "ksw-screenshots: --lang takes en or ja" << Qt::endl;
        return 2;
    }
    const QString outDir = QDir(parser.value(outOption)).absolutePath();
    if (!QDir().mkpath(outDir)) {
        err() << "ksw-screenshots: cannot create " << outDir << Qt::endl;
        return 2;
    }
    const QStringList sizeParts = parser.value(sizeOption).split(u'x');
    const QSize size(sizeParts.value(0).toInt(), sizeParts.value(1).toInt());
    if (sizeParts.size() != 2 || size.width() < 200 || size.height() < 200) {
        err() << "ksw-screenshots: --size takes WIDTHxHEIGHT, e.g. 860x640" << Qt::endl;
        return 2;
    }
    ksw::cli::installTranslations(language);
    MainWizard::applyLocaleFont();

    MainWizard wizard;
    if (wizard.windowIcon().pixmap(32, 32).isNull())
        err() << "ksw-screenshots: the window icon did not load (Qt's SVG plugins: libqt6svg6)" << Qt::endl;
    wizard.resize(size);
    wizard.move(0, 0);
    wizard.show();
    if (!waitExposed(wizard)) {
        err() << "ksw-screenshots: the window was never shown (is DISPLAY right?)" << Qt::endl;
        return 2;
    }
    wizard.openPage()->openDemo();
    wizard.session()->waitForOpen();
    QCoreApplication::processEvents();
    if (!wizard.session()->isOpen()) {
        err() << "ksw-screenshots: the demo did not open" << Qt::endl;
        return 2;
    }

    Shooter shooter(wizard, outDir, language + u'-' + parser.value(sizeOption));
    bool ok = true;
    const QList<int> ids = wizard.pageIds();
    for (qsizetype index = 0; index < ids.size(); ++index) {
        const int id = ids.at(index);
        if (wizard.currentId() != id) {
            // The previous page did not let us go on (a page still being written?): start over at this one,
            // so every page is still seen.
            err() << "ksw-screenshots: Next did not lead to page " << id << "; showing it directly" << Qt::endl;
            ok = false;
            wizard.setStartId(id);
            wizard.restart();
        }
        const int number = static_cast<int>(index) + 1;
        const QString name = pageName(wizard.currentPage());
        ok = shooter.shoot(number, name) && ok;
        if (id == MainWizard::RangesPageId) {
            auto *propose = wizard.currentPage()->findChild<QAbstractButton *>(QStringLiteral("proposePushButton"));
            if (propose && propose->isVisible() && propose->isEnabled()) {
                propose->click();
                ok = shooter.shoot(number, name + QStringLiteral("-proposed")) && ok;
            }
        }
        if (index + 1 < ids.size())
            wizard.next();
    }
    // The run page mid-run and cancelled, with a local playbook.
    wizard.goToPage(MainWizard::DeployPageId);
    ksw::RunSession run;
    run.setCommand(localRunCommand(home.path()));
    run.setPluginFolder(ksw::AnsibleFiles::callbackPluginFolder());
    run.setLogFolder(home.filePath(QStringLiteral("runs")));
    QString error;
    if (wizard.currentId() != MainWizard::DeployPageId || !run.start(&error)) {
        err() << "ksw-screenshots: the local run did not start: " << error << Qt::endl;
        ok = false;
    } else {
        wizard.deployPage()->showRun(&run);
        ok = waitFor([&] { return run.tasksDone() >= 3; }, 60000) && ok;
        ok = shooter.shoot(ids.indexOf(MainWizard::DeployPageId) + 1, QStringLiteral("deploy-running")) && ok;
        wizard.deployPage()->runView()->cancel();
        ok = waitFor([&] { return !run.isRunning(); }, 30000) && ok;
        ok = shooter.shoot(ids.indexOf(MainWizard::DeployPageId) + 1, QStringLiteral("deploy-cancelled")) && ok;
    }
    // The demo's choices are not saved: leave without the question a person would get.
    Dialogs::setNextAnswer(QMessageBox::Discard);
    wizard.close();
    return ok ? 0 : 1;
}
