// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// The promise "the user's files are sacred", tested where it breaks: a full disk (a small tmpfs the test mounts),
// a read-only folder and an immutable file in the middle of a save, another user's files, an edit on disk at
// every step of a save, and the real `apply` killed (SIGKILL) at every step that touches the disk. Runs as root
// (mount, chattr, chown), as CI does.

#include "TestSupport.h"

#include "analysis/ChangeSet.h"
#include "kubespray/Inventory.h"
#include "session/WizardSession.h"
#include "store/DurableFile.h"
#include "store/FileTransaction.h"
#include "store/History.h"
#include "store/InventoryEdit.h"

#include <QDirIterator>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ksw;

namespace {

struct Result {
    int exitCode = -1;
    bool killed = false;
    QString out;
    QString err;
};

bool run(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// A tmpfs of `size` mounted on `path` for the test's lifetime.
class SmallDisk {
public:
    SmallDisk(const QString &path, const QString &size)
        : m_path(path) {
        QDir().mkpath(path);
        m_mounted = run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                  QStringLiteral("size=") + size, QStringLiteral("tmpfs"), path});
    }
    ~SmallDisk() {
        if (m_mounted)
            run(QStringLiteral("umount"), {m_path});
    }
    bool isMounted() const { return m_mounted; }
    /// Fills what is left with one file (not part of any snapshot compared: it is named and skipped).
    void fill() const {
        QFile filler(m_path + QStringLiteral("/.filler"));
        filler.open(QIODevice::WriteOnly);
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        // The last partial block, byte by byte, until the file system refuses.
        while (filler.write("x", 1) == 1 && filler.flush()) {
        }
    }

private:
    QString m_path;
    bool m_mounted = false;
};

/// Removes a file's immutable flag when the test ends, however it ends.
class Immutable {
public:
    explicit Immutable(const QString &path)
        : m_path(path) {
        m_set = run(QStringLiteral("chattr"), {QStringLiteral("+i"), path});
    }
    ~Immutable() {
        if (m_set)
            run(QStringLiteral("chattr"), {QStringLiteral("-i"), m_path});
    }
    bool isSet() const { return m_set; }

private:
    QString m_path;
    bool m_set = false;
};

/// The scenario demo laid out under `root` (which may be a small disk), with its data folder under `dataHome`.
class Workspace {
public:
    Workspace(const QString &root, const QString &dataHome)
        : m_root(root)
        , m_dataHome(dataHome) {
        QDir().mkpath(root);
        QDir().mkpath(dataHome);
        qputenv("XDG_DATA_HOME", dataHome.toUtf8()); // History and the data folder, as seen from this process
        ksw::test::copyTree(ksw::test::sourcePath(QStringLiteral("resources/demo")), root);
    }
    QString inventory() const { return m_root + QStringLiteral("/mycluster"); }
    QString site() const { return m_root + QStringLiteral("/site.yaml"); }
    QString file(const QString &relative) const { return inventory() + QLatin1Char('/') + relative; }
    QString dataFolder() const { return History::dataFolder(inventory()); }
    QMap<QString, QByteArray> files() const { return ksw::test::snapshot(inventory()); }

    Result wizard(const QStringList &arguments, int killAtStep = 0) const {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome);
        if (killAtStep > 0)
            environment.insert(QStringLiteral("KSW_TEST_KILL_AT_STEP"), QString::number(killAtStep));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KSW_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.exitStatus() == QProcess::CrashExit, QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    Result apply(int killAtStep = 0) const {
        return wizard(
            {QStringLiteral("apply"), QStringLiteral("--inventory"), inventory(), QStringLiteral("--site"), site()},
            killAtStep);
    }
    Result restore(const QString &version) const {
        return wizard({QStringLiteral("restore"), QStringLiteral("--inventory"), inventory(), version});
    }
    /// "The next start": a command that opens the inventory and so completes or rolls back a killed save.
    Result nextStart() const { return wizard({QStringLiteral("history"), QStringLiteral("--inventory"), inventory()}); }

private:
    QString m_root;
    QString m_dataHome;
};

/// What must never be left in the data folder: a journal, a hidden temporary, an entry without entry.json.
QStringList leftovers(const QString &dataFolder) {
    QStringList found;
    QDirIterator it(dataFolder, QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        if (info.fileName() == FileTransaction::journalName() || durable::isTemporaryName(info.fileName()))
            found.append(path);
        if (info.isDir() && info.absolutePath().endsWith(QLatin1String("/history")) &&
            !QFileInfo::exists(path + QStringLiteral("/entry.json")))
            found.append(path);
    }
    return found;
}

QStringList hiddenTemporaries(const QString &root) {
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (durable::isTemporaryName(QFileInfo(path).fileName()))
            found.append(path);
    }
    return found;
}

struct stat statOf(const QString &path) {
    struct stat info {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info;
}

} // namespace

class TestSaveSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (::geteuid() != 0)
            QFAIL("these tests mount file systems and change owners: run them as root, as CI does");
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() {
        durable::setStepObserver({});
        m_dir.reset();
    }

    // A full disk under the inventory: the save fails, says so, and every file is as it was.
    void fullDiskUnderTheInventory() {
        SmallDisk disk(m_dir->path() + QStringLiteral("/disk"), QStringLiteral("64k"));
        QVERIFY(disk.isMounted());
        Workspace workspace(m_dir->path() + QStringLiteral("/disk/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto before = workspace.files();
        QVERIFY(!before.isEmpty());
        disk.fill();
        const Result result = workspace.apply();
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(!result.out.contains(QLatin1String("Written")), qPrintable(result.out));
        QVERIFY2(result.err.contains(QLatin1String("No space left")), qPrintable(result.err));
        QCOMPARE(workspace.files(), before);
        QCOMPARE(leftovers(workspace.dataFolder()), QStringList());
        QVERIFY(History(workspace.inventory()).entries().isEmpty());
    }

    // The wizard's Save on a full disk: it says so, the files stay, and the work on the pages is still there to be
    // saved once there is room again.
    void wizardSaveOnAFullDiskKeepsTheWork() {
        SmallDisk disk(m_dir->path() + QStringLiteral("/disk"), QStringLiteral("64k"));
        QVERIFY(disk.isMounted());
        Workspace workspace(m_dir->path() + QStringLiteral("/disk/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto before = workspace.files();
        WizardSession session;
        session.open(workspace.inventory(), workspace.site());
        session.waitForOpen();
        QVERIFY(session.assessment());
        session.proposeFreeRanges();
        const ChangeSet planned = session.changes();
        QVERIFY(!planned.isEmpty());
        disk.fill();
        const auto failed = session.save();
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QLatin1String("No space left")), qPrintable(failed.error().message));
        QCOMPARE(workspace.files(), before);
        QCOMPARE(session.changes().files(), planned.files()); // nothing of the work is lost
        QVERIFY(session.history().isEmpty());

        QVERIFY(QFile::remove(m_dir->path() + QStringLiteral("/disk/.filler")));
        const auto saved = session.save();
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
        QVERIFY(workspace.files() != before);
        QCOMPARE(session.history().size(), 1);
    }

    // A full disk under the data folder: no copy can be kept, so nothing is written; a restore says it failed.
    void fullDiskUnderTheDataFolder() {
        SmallDisk disk(m_dir->path() + QStringLiteral("/data"), QStringLiteral("256k"));
        QVERIFY(disk.isMounted());
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto original = workspace.files();

        // With room: a save, so that there is a version to restore.
        QCOMPARE(workspace.apply().exitCode, 0);
        const auto applied = workspace.files();
        QVERIFY(applied != original);
        const auto entries = History(workspace.inventory()).entries();
        QCOMPARE(entries.size(), 1);

        disk.fill();
        const Result restore = workspace.restore(entries.first().id);
        QCOMPARE(restore.exitCode, 2);
        QVERIFY2(!restore.out.contains(QLatin1String("Restored")), qPrintable(restore.out));
        QCOMPARE(workspace.files(), applied);

        // A fresh inventory with the same full data folder: apply must not claim anything.
        Workspace second(m_dir->path() + QStringLiteral("/ws2"), m_dir->path() + QStringLiteral("/data"));
        const auto secondBefore = second.files();
        const Result apply = second.apply();
        QCOMPARE(apply.exitCode, 2);
        QVERIFY2(!apply.out.contains(QLatin1String("Written")), qPrintable(apply.out));
        QCOMPARE(second.files(), secondBefore);
        QVERIFY(History(second.inventory()).entries().isEmpty());
        QCOMPARE(leftovers(second.dataFolder()), QStringList());
        QCOMPARE(History(workspace.inventory()).entries().size(), 1);
    }

    // The last file of a three-file save cannot be replaced: the two already swapped in are put back.
    void immutableFileInTheMiddleOfASave() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto before = workspace.files();
        Immutable immutable(workspace.file(QStringLiteral("group_vars/all/all.yml")));
        QVERIFY(immutable.isSet());
        const Result result = workspace.apply();
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("all.yml")), qPrintable(result.err));
        QCOMPARE(workspace.files(), before);
        QVERIFY(History(workspace.inventory()).entries().isEmpty());
        QCOMPARE(leftovers(workspace.dataFolder()), QStringList());
    }

    // A read-only folder (a read-only bind mount: root ignores permission bits) stops the save before any rename.
    void readOnlyFolderInTheMiddleOfASave() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto before = workspace.files();
        const QString folder = workspace.file(QStringLiteral("group_vars/all"));
        QVERIFY(run(QStringLiteral("mount"), {QStringLiteral("--bind"), folder, folder}));
        const bool readOnly =
            run(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro,bind"), folder});
        const Result result = workspace.apply();
        run(QStringLiteral("umount"), {folder});
        QVERIFY(readOnly);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("Read-only")), qPrintable(result.err));
        QCOMPARE(workspace.files(), before);
        QVERIFY(History(workspace.inventory()).entries().isEmpty());
    }

    // A restore over an immutable file restores nothing.
    void restoreOverAnImmutableFile() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        QCOMPARE(workspace.apply().exitCode, 0);
        const auto applied = workspace.files();
        const QString version = History(workspace.inventory()).entries().first().id;
        // Restored in path order: group_vars/all/... first, so k8s_cluster's file fails last.
        Immutable immutable(workspace.file(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml")));
        QVERIFY(immutable.isSet());
        const Result result = workspace.restore(version);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(workspace.files(), applied);
        QCOMPARE(History(workspace.inventory()).entries().size(), 1);
    }

    // Root saving a user's inventory leaves the user's files the user's, with their modes; so does a restore.
    void ownerGroupAndModeKept() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const uid_t user = 4242;
        const gid_t group = 4343;
        QVERIFY(
            run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("4242:4343"), workspace.inventory()}));
        const QString k8s = workspace.file(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"));
        const QString containerd = workspace.file(QStringLiteral("group_vars/all/containerd.yml"));
        QVERIFY(::chmod(QFile::encodeName(k8s).constData(), 0640) == 0);
        QVERIFY(::chmod(QFile::encodeName(containerd).constData(), 0444) == 0);
        QCOMPARE(workspace.apply().exitCode, 0);
        for (const QString &path : {k8s, containerd}) {
            QCOMPARE(statOf(path).st_uid, user);
            QCOMPARE(statOf(path).st_gid, group);
        }
        QCOMPARE(statOf(k8s).st_mode & 07777, mode_t(0640));
        QCOMPARE(statOf(containerd).st_mode & 07777, mode_t(0444));

        const QString version = History(workspace.inventory()).entries().first().id;
        QCOMPARE(workspace.restore(version).exitCode, 0);
        QCOMPARE(statOf(containerd).st_mode & 07777, mode_t(0444));
        QCOMPARE(statOf(containerd).st_uid, user);

        // A file and a folder the save creates belong to the folder's owner.
        History history(workspace.inventory());
        const auto entry = FileTransaction(workspace.inventory())
                               .commit({{QStringLiteral("group_vars/kube_node/new.yml"), std::nullopt,
                                         QByteArray("kube_proxy_mode: ipvs\n")}},
                                       history, QStringLiteral("test"));
        QVERIFY2(entry, entry ? "" : qPrintable(entry.error().toString()));
        for (const QString &path : {workspace.file(QStringLiteral("group_vars/kube_node")),
                                    workspace.file(QStringLiteral("group_vars/kube_node/new.yml"))}) {
            QCOMPARE(statOf(path).st_uid, user);
            QCOMPARE(statOf(path).st_gid, group);
        }
    }

    // While another process saves the same inventory (it holds the save lock), apply waits briefly, then refuses.
    void oneSaveAtATime() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto before = workspace.files();
        QVERIFY(QDir().mkpath(workspace.dataFolder()));
        const int fd = ::open(QFile::encodeName(workspace.dataFolder() + QStringLiteral("/save.lock")).constData(),
                              O_RDWR | O_CREAT, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX), 0);
        const Result result = workspace.apply();
        ::close(fd);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("in progress")), qPrintable(result.err));
        QCOMPARE(workspace.files(), before);
        QCOMPARE(workspace.apply().exitCode, 0); // and once it is released, the save goes through
    }

    // An edit made on disk between reading the inventory and preparing the change is not overwritten.
    void editBetweenAnalysisAndPreparation() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto inventory = Inventory::load(workspace.inventory());
        QVERIFY(inventory);
        ChangeSet changes;
        changes.add({QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"),
                     QStringLiteral("kube_pods_subnet"),
                     YAML::Node(std::string("10.200.0.0/18")),
                     {}});
        const QString path = workspace.file(QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml"));
        const QByteArray users = ksw::test::readAll(path) + "\n# the user's own line\n";
        QVERIFY(ksw::test::writeAll(path, users));
        const auto edit = InventoryEdit::prepare(*inventory, changes);
        QVERIFY(!edit);
        QVERIFY2(edit.error().message.contains(QLatin1String("changed on disk")), qPrintable(edit.error().message));
        QCOMPARE(ksw::test::readAll(path), users);
    }

    // Someone edits the middle file of a three-file save at every step of it: their edit always survives, and the
    // save is either whole or undone.
    void concurrentEditAtEveryStep() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const QStringList paths{QStringLiteral("group_vars/all/all.yml"),
                                QStringLiteral("group_vars/all/containerd.yml"),
                                QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml")};
        const auto original = workspace.files();
        const QByteArray theirs("# rewritten by someone else during the save\n");
        int step = 1;
        int conflicts = 0;
        for (;; ++step) {
            QList<FileTransaction::Change> changes;
            for (const QString &path : paths)
                changes.append({path, original.value(path), original.value(path) + "# new\n"});
            int count = 0;
            const QString middle = workspace.file(paths.at(1));
            durable::setStepObserver([&](const char *) {
                if (++count == step)
                    QVERIFY(ksw::test::writeAll(middle, theirs));
            });
            History history(workspace.inventory());
            const int entriesBefore = history.entries().size();
            const auto entry = FileTransaction(workspace.inventory()).commit(changes, history, QStringLiteral("test"));
            durable::setStepObserver({});
            const auto now = workspace.files();
            if (count < step) { // the save ended before this step: every step was tried
                QVERIFY(entry);
                break;
            }
            QCOMPARE(now.value(paths.at(1)), theirs);
            for (const QString &path : {paths.at(0), paths.at(2)})
                QCOMPARE(now.value(path), entry ? original.value(path) + "# new\n" : original.value(path));
            QCOMPARE(history.entries().size(), entriesBefore + (entry ? 1 : 0));
            if (!entry) {
                ++conflicts;
                QVERIFY2(entry.error().message.contains(QLatin1String("changed on disk")),
                         qPrintable(entry.error().message));
            }
            QCOMPARE(now.keys(), original.keys()); // nothing stray in the inventory
            QCOMPARE(leftovers(workspace.dataFolder()), QStringList());
            for (auto it = original.cbegin(); it != original.cend(); ++it) // back to the start for the next step
                QVERIFY(ksw::test::writeAll(workspace.file(it.key()), it.value()));
        }
        qInfo("%d steps, %d of them undone because of the concurrent edit", step - 1, conflicts);
        QVERIFY(step > 10);
        QVERIFY(conflicts > 0);
    }

    // The real apply, killed at every step that touches the disk: after the next start the inventory is wholly
    // old or wholly new, and nothing stray is left.
    void killedAtEveryStep() {
        Workspace workspace(m_dir->path() + QStringLiteral("/ws"), m_dir->path() + QStringLiteral("/data"));
        const auto oldFiles = workspace.files();
        QCOMPARE(workspace.apply().exitCode, 0);
        const auto newFiles = workspace.files();
        QCOMPARE(newFiles.keys(), oldFiles.keys());
        int changed = 0;
        for (auto it = newFiles.cbegin(); it != newFiles.cend(); ++it)
            changed += it.value() != oldFiles.value(it.key());
        QCOMPARE(changed, 3); // a three-file save

        const auto reset = [&] {
            for (auto it = oldFiles.cbegin(); it != oldFiles.cend(); ++it)
                QVERIFY(ksw::test::writeAll(workspace.file(it.key()), it.value()));
            QVERIFY(QDir(workspace.dataFolder()).removeRecursively());
        };
        int kills = 0, wholeOld = 0, wholeNew = 0, mixed = 0, stray = 0;
        for (int step = 1; step < 400; ++step) {
            reset();
            const Result result = workspace.apply(step);
            if (!result.killed) {
                QCOMPARE(result.exitCode, 0);
                break;
            }
            ++kills;
            const Result next = workspace.nextStart();
            QCOMPARE(next.exitCode, 0);
            const auto now = workspace.files();
            if (now == oldFiles)
                ++wholeOld;
            else if (now == newFiles)
                ++wholeNew;
            else
                ++mixed, qWarning("mixed after a kill at step %d: %s", step, qPrintable(next.err));
            const QStringList left = leftovers(workspace.dataFolder()) + hiddenTemporaries(workspace.inventory());
            if (!left.isEmpty())
                ++stray, qWarning("left after a kill at step %d: %s", step, qPrintable(left.join(u' ')));
            // A completed save is in the history; an undone one is not.
            QCOMPARE(History(workspace.inventory()).entries().size(), now == newFiles ? 1 : 0);
        }
        qInfo("killed at %d steps: %d wholly old, %d wholly new, %d mixed, %d with stray files", kills, wholeOld,
              wholeNew, mixed, stray);
        QVERIFY(kills > 20);
        QVERIFY(wholeNew > 0);
        QCOMPARE(mixed, 0);
        QCOMPARE(stray, 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSaveSafety)
#include "TestSaveSafety.moc"
