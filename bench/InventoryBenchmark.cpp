// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// bench-inventory: times loading and analysing a generated N-host Kubespray inventory and prints the numbers
// side by side with `ansible-inventory --list` on the same inventory, measured in the same run. Run by hand;
// see bench/README.md.

#include "OwnMemory.h"
#include "analysis/Assessment.h"
#include "kubespray/Inventory.h"
#include "kubespray/KubesprayVersion.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

constexpr int kMaxHosts = 60000; // 10.10.x.y with x < 240
const QString kTimeProgram = QStringLiteral("/usr/bin/time");

// ---------------------------------------------------------------------------------------------------------------
// The generated inventory

bool writeFile(const QString &path, const QByteArray &bytes) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

bool copyResource(const QString &resource, const QString &target) {
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return writeFile(target, file.readAll());
}

/// hosts.yaml as Kubespray's inventory builder writes it: every host under all.hosts, 3 control plane and etcd
/// members, every host a worker.
QByteArray hostsYaml(int hostCount) {
    const int width = std::max(3, static_cast<int>(QString::number(hostCount).size()));
    QStringList names;
    names.reserve(hostCount);
    for (int i = 1; i <= hostCount; ++i)
        names.append(QStringLiteral("node%1").arg(i, width, 10, QLatin1Char('0')));
    const QStringList firstThree = names.mid(0, 3);

    QString yaml;
    QTextStream stream(&yaml);
    stream << "all:\n  hosts:\n";
    for (int i = 0; i < hostCount; ++i) {
        const QString address = QStringLiteral("10.10.%1.%2").arg(i / 250).arg(i % 250 + 1);
        stream << "    " << names[i] << ":\n"
               << "      ansible_host: " << address << '\n'
               << "      ip: " << address << '\n'
               << "      access_ip: " << address << '\n';
    }
    const auto group = [&stream](const char *name, const QStringList &members) {
        stream << "    " << name << ":\n      hosts:\n";
        for (const QString &member : members)
            stream << "        " << member << ":\n";
    };
    stream << "  children:\n";
    group("kube_control_plane", firstThree);
    group("kube_node", names);
    group("etcd", firstThree);
    stream << "    k8s_cluster:\n      children:\n        kube_control_plane:\n        kube_node:\n        calico_rr:\n"
           << "    calico_rr:\n      hosts: {}\n";
    stream.flush();
    return yaml.toUtf8();
}

struct GeneratedInventory {
    QString inventoryDir; ///< <root>/mycluster
    QString hostsFile;    ///< <root>/mycluster/hosts.yaml
    QString siteProfile;  ///< <root>/site.yaml
};

std::optional<GeneratedInventory> generate(const QString &root, int hostCount) {
    GeneratedInventory generated;
    generated.inventoryDir = root + QStringLiteral("/mycluster");
    generated.hostsFile = generated.inventoryDir + QStringLiteral("/hosts.yaml");
    generated.siteProfile = root + QStringLiteral("/site.yaml");
    if (!writeFile(generated.hostsFile, hostsYaml(hostCount)))
        return std::nullopt;
    const QStringList varsFiles = {QStringLiteral("group_vars/all/all.yml"),
                                   QStringLiteral("group_vars/all/containerd.yml"),
                                   QStringLiteral("group_vars/k8s_cluster/k8s-cluster.yml")};
    for (const QString &file : varsFiles) {
        if (!copyResource(QStringLiteral(":/demo/mycluster/") + file, generated.inventoryDir + u'/' + file))
            return std::nullopt;
    }
    if (!copyResource(QStringLiteral(":/demo/site.yaml"), generated.siteProfile))
        return std::nullopt;
    return generated;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

using ksw::bench::ownStatusKiB;
using ksw::bench::resetOwnPeak;

struct Measurement {
    QString name;
    QList<qint64> nanoseconds;
    std::optional<qint64> peakKiB;          ///< the largest VmHWM of a run
    std::optional<qint64> peakOverStartKiB; ///< the largest growth of a run: its VmHWM less VmRSS at its start

    qint64 min() const { return *std::min_element(nanoseconds.cbegin(), nanoseconds.cend()); }
    qint64 max() const { return *std::max_element(nanoseconds.cbegin(), nanoseconds.cend()); }
    double median() const {
        QList<qint64> sorted = nanoseconds;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1)
            return static_cast<double>(sorted[middle]);
        return (static_cast<double>(sorted[middle - 1]) + static_cast<double>(sorted[middle])) / 2.0;
    }
};

/// Runs `body` `repeat` times in this process. `body` returns false on failure (the error is already printed).
/// Before each run the freed heap goes back to the system and VmHWM is reset, so that each run's peak is its own
/// (a check is one run in a process of its own), not heap left in pieces by the runs before it.
std::optional<Measurement> measureInProcess(const QString &name, int repeat, const std::function<bool()> &body) {
    Measurement measurement;
    measurement.name = name;
    for (int run = 0; run < repeat; ++run) {
        const bool peakWasReset = resetOwnPeak();
        const std::optional<qint64> start = ownStatusKiB("VmRSS");
        QElapsedTimer timer;
        timer.start();
        const bool ok = body();
        const qint64 elapsed = timer.nsecsElapsed();
        if (!ok)
            return std::nullopt;
        measurement.nanoseconds.append(elapsed);
        const std::optional<qint64> peak = ownStatusKiB("VmHWM");
        if (peakWasReset && start && peak) {
            measurement.peakKiB = std::max(measurement.peakKiB.value_or(0), *peak);
            measurement.peakOverStartKiB = std::max(measurement.peakOverStartKiB.value_or(0), *peak - *start);
        }
    }
    return measurement;
}

/// Runs `ansible-inventory -i <hosts> --list` `repeat` times, output discarded; under /usr/bin/time -f %M for
/// the child's peak RSS when that program exists.
std::optional<Measurement> measureAnsibleInventory(const QString &name, int repeat, const QString &ansibleInventory,
                                                   const QString &hostsFile, const QString &scratchDir) {
    Measurement measurement;
    measurement.name = name;
    const bool haveTime = QFileInfo(kTimeProgram).isExecutable();
    const QString timeOutput = scratchDir + QStringLiteral("/time-output.txt");
    const QStringList ansibleArguments = {QStringLiteral("-i"), hostsFile, QStringLiteral("--list")};

    for (int run = 0; run < repeat; ++run) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        QString program = ansibleInventory;
        QStringList arguments = ansibleArguments;
        if (haveTime) {
            program = kTimeProgram;
            arguments = QStringList{QStringLiteral("-f"), QStringLiteral("%M"), QStringLiteral("-o"), timeOutput,
                                    ansibleInventory} +
                        ansibleArguments;
        }
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        const bool finished = process.waitForStarted(-1) && process.waitForFinished(-1);
        const qint64 elapsed = timer.nsecsElapsed();
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            err() << "bench-inventory: " << program << " failed (exit code " << process.exitCode()
                  << "): " << QString::fromLocal8Bit(process.readAllStandardError()).trimmed() << Qt::endl;
            return std::nullopt;
        }
        measurement.nanoseconds.append(elapsed);

        if (haveTime) {
            QFile file(timeOutput);
            bool ok = false;
            qint64 kib = 0;
            if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
                // On failure time writes "Command exited with ..." first: the figure is the last line.
                const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
                kib = lines.value(lines.size() - 1).trimmed().toLongLong(&ok);
            }
            if (ok)
                measurement.peakKiB = std::max(measurement.peakKiB.value_or(0), kib);
        }
    }
    return measurement;
}

/// The number of hosts `ansible-inventory --list` reports (keys of _meta.hostvars); nothing on failure.
std::optional<qsizetype> ansibleHostCount(const QString &ansibleInventory, const QString &hostsFile) {
    QProcess process;
    process.start(ansibleInventory, {QStringLiteral("-i"), hostsFile, QStringLiteral("--list")});
    if (!process.waitForStarted(-1) || !process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        err() << "bench-inventory: " << ansibleInventory
              << " failed: " << QString::fromLocal8Bit(process.readAllStandardError()).trimmed() << Qt::endl;
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        err() << "bench-inventory: cannot read the JSON of ansible-inventory --list: " << parseError.errorString()
              << Qt::endl;
        return std::nullopt;
    }
    return document.object()
        .value(QStringLiteral("_meta"))
        .toObject()
        .value(QStringLiteral("hostvars"))
        .toObject()
        .size();
}

QString firstLineOf(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(-1) || !process.waitForFinished(-1))
        return QStringLiteral("?");
    return QString::fromLocal8Bit(process.readAllStandardOutput()).section(u'\n', 0, 0).trimmed();
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

QString milliseconds(double nanoseconds) {
    return QString::number(nanoseconds / 1e6, 'f', 2);
}

QString mebibytes(const std::optional<qint64> &kib) {
    return kib ? QString::number(static_cast<double>(*kib) / 1024.0, 'f', 1) : QStringLiteral("n/a");
}

void printTable(const QList<Measurement> &measurements) {
    int nameWidth = static_cast<int>(QStringLiteral("name").size());
    for (const Measurement &m : measurements)
        nameWidth = std::max(nameWidth, static_cast<int>(m.name.size()));
    const auto row = [nameWidth](const QString &name, const QString &runs, const QString &min, const QString &median,
                                 const QString &max, const QString &rss) {
        out() << name.leftJustified(nameWidth) << " | " << runs.rightJustified(4) << " | " << min.rightJustified(9)
              << " | " << median.rightJustified(9) << " | " << max.rightJustified(9) << " | " << rss.rightJustified(12)
              << '\n';
    };
    row(QStringLiteral("name"), QStringLiteral("runs"), QStringLiteral("min ms"), QStringLiteral("median ms"),
        QStringLiteral("max ms"), QStringLiteral("peak RSS MiB"));
    out() << QString(nameWidth, u'-') << "-|------|-----------|-----------|-----------|-------------\n";
    for (const Measurement &m : measurements)
        row(m.name, QString::number(m.nanoseconds.size()), milliseconds(static_cast<double>(m.min())),
            milliseconds(m.median()), milliseconds(static_cast<double>(m.max())), mebibytes(m.peakKiB));
}

/// The figures of one size for the growth table.
struct SizeResult {
    int hosts = 0;
    qint64 hostsFileBytes = 0;
    double wizardMedianNs = 0; ///< (b) Assessment::run: load and check
    std::optional<qint64> wizardPeakKiB;
    std::optional<qint64> wizardPeakOverStartKiB; ///< beyond what the process held at the start of the run
    double ansibleMedianNs = 0;
    std::optional<qint64> ansiblePeakKiB;

    /// The wizard's peak beyond what the process held at the start, per MiB of hosts.yaml.
    std::optional<double> peakPerFileMiB() const {
        if (!wizardPeakOverStartKiB || hostsFileBytes == 0)
            return std::nullopt;
        return double(*wizardPeakOverStartKiB) * 1024.0 / double(hostsFileBytes);
    }
};

/// One size: (a), (b) and (c) on a generated inventory of `hostCount` hosts under `root`, the table printed.
std::optional<SizeResult> benchmarkSize(int hostCount, int repeat, const QString &ansibleInventory, const QString &root,
                                        bool keep, const QString &scratchDir) {
    const std::optional<GeneratedInventory> inventory = generate(root, hostCount);
    if (!inventory) {
        err() << "bench-inventory: cannot write the inventory under " << root << Qt::endl;
        return std::nullopt;
    }

    const ksw::Assessment::Request request{inventory->inventoryDir, inventory->siteProfile,
                                           ksw::KubesprayVersion(2, 25, 0), false};

    out() << "bench-inventory: " << hostCount << " hosts, " << repeat << " timed runs each, "
          << QDateTime::currentDateTime().toString(Qt::ISODate) << '\n'
          << "inventory:         " << inventory->inventoryDir << (keep ? "" : " (removed at exit)") << '\n'
          << "kubespray version: " << request.kubesprayVersion->toString() << " (given), ansible not inspected\n"
          << "ansible-inventory: " << ansibleInventory << " ("
          << firstLineOf(ansibleInventory, {QStringLiteral("--version")}) << ")\n"
          << "child peak RSS:    "
          << (QFileInfo(kTimeProgram).isExecutable() ? "/usr/bin/time -f %M" : "n/a (no /usr/bin/time)") << '\n'
          << "machine: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
          << QThread::idealThreadCount() << " CPUs\n\n";
    out().flush();

    // Untimed first passes: the sanity figures, and a warm-up (file cache, Python byte code) for what follows.
    qsizetype wizardHosts = 0;
    qsizetype findingCount = 0;
    {
        const auto loaded = ksw::Inventory::load(inventory->inventoryDir);
        if (!loaded) {
            err() << "bench-inventory: " << loaded.error().toString() << Qt::endl;
            return std::nullopt;
        }
        wizardHosts = loaded->hostNames().size();
        const auto assessed = ksw::Assessment::run(request);
        if (!assessed) {
            err() << "bench-inventory: " << assessed.error().toString() << Qt::endl;
            return std::nullopt;
        }
        findingCount = assessed->findings().size();
    }
    const std::optional<qsizetype> ansibleHosts = ansibleHostCount(ansibleInventory, inventory->hostsFile);
    if (!ansibleHosts)
        return std::nullopt;

    resetOwnPeak();
    const std::optional<qint64> residentBefore = ownStatusKiB("VmRSS");

    QList<Measurement> measurements;
    const auto load = measureInProcess(QStringLiteral("(a) Inventory::load"), repeat, [&inventory]() {
        const auto result = ksw::Inventory::load(inventory->inventoryDir);
        if (!result)
            err() << "bench-inventory: " << result.error().toString() << Qt::endl;
        return result.hasValue();
    });
    if (!load)
        return std::nullopt;
    measurements.append(*load);
    const auto assessment = measureInProcess(QStringLiteral("(b) Assessment::run"), repeat, [&request]() {
        const auto result = ksw::Assessment::run(request);
        if (!result)
            err() << "bench-inventory: " << result.error().toString() << Qt::endl;
        return result.hasValue();
    });
    if (!assessment)
        return std::nullopt;
    measurements.append(*assessment);
    const auto baseline = measureAnsibleInventory(QStringLiteral("(c) ansible-inventory --list"), repeat,
                                                  ansibleInventory, inventory->hostsFile, scratchDir);
    if (!baseline)
        return std::nullopt;
    measurements.append(*baseline);

    printTable(measurements);
    out() << '\n'
          << "ratio (ansible-inventory median / wizard median): "
          << QString::number(baseline->median() / assessment->median(), 'f', 1) << "   (wizard = (b) Assessment::run)\n"
          << "hosts: generated " << hostCount << ", wizard loaded " << wizardHosts << ", ansible-inventory listed "
          << *ansibleHosts << '\n'
          << "wizard findings on this inventory: " << findingCount << '\n'
          << "wizard process resident before (a), part of the peak RSS of (a) and (b): " << mebibytes(residentBefore)
          << " MiB\n";
    out().flush();

    if (wizardHosts != *ansibleHosts || wizardHosts != hostCount) {
        err() << "bench-inventory: the host counts disagree" << Qt::endl;
        return std::nullopt;
    }
    return SizeResult{hostCount,           QFileInfo(inventory->hostsFile).size(), assessment->median(),
                      assessment->peakKiB, assessment->peakOverStartKiB,           baseline->median(),
                      baseline->peakKiB};
}

/// Load+check and ansible-inventory side by side for every size, with the time per 1000 hosts and the wizard's peak
/// memory beyond its start per MiB of hosts.yaml: linear growth keeps those columns flat.
void printGrowth(const QList<SizeResult> &results) {
    out() << "growth (same run; wizard = (b) Assessment::run, ansible = (c) ansible-inventory --list; "
             "over start = the largest peak of a run of (b) less the resident set at its start):\n"
          << "  hosts | hosts.yaml MiB | wizard ms | ms/1000 hosts | wizard peak MiB | over start MiB | "
             "x hosts.yaml | ansible ms | ms/1000 hosts | ansible peak MiB\n"
          << "--------|----------------|-----------|---------------|-----------------|----------------|"
             "-------------|------------|---------------|-----------------\n";
    for (const SizeResult &r : results) {
        const double thousands = r.hosts / 1000.0;
        const std::optional<double> multiple = r.peakPerFileMiB();
        out() << QString::number(r.hosts).rightJustified(7) << " | "
              << QString::number(double(r.hostsFileBytes) / (1024.0 * 1024.0), 'f', 2).rightJustified(14) << " | "
              << milliseconds(r.wizardMedianNs).rightJustified(9) << " | "
              << QString::number(r.wizardMedianNs / 1e6 / thousands, 'f', 2).rightJustified(13) << " | "
              << mebibytes(r.wizardPeakKiB).rightJustified(15) << " | "
              << mebibytes(r.wizardPeakOverStartKiB).rightJustified(14) << " | "
              << (multiple ? QString::number(*multiple, 'f', 1) : QStringLiteral("n/a")).rightJustified(11) << " | "
              << milliseconds(r.ansibleMedianNs).rightJustified(10) << " | "
              << QString::number(r.ansibleMedianNs / 1e6 / thousands, 'f', 2).rightJustified(13) << " | "
              << mebibytes(r.ansiblePeakKiB).rightJustified(16) << '\n';
    }
    out().flush();
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench-inventory"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times Inventory::load and Assessment::run on a generated Kubespray inventory, side by side "
                       "with ansible-inventory --list on the same inventory."));
    parser.addHelpOption();
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"),
        QStringLiteral("Hosts in the inventory (500); several sizes separated by commas "
                       "(10000,20000,40000) add a growth table."),
        QStringLiteral("N[,N...]"), QStringLiteral("500"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Timed runs of each step (10)."),
                                          QStringLiteral("R"), QStringLiteral("10"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Write the inventory to DIR and keep it (default: a temporary "
                                                      "folder, removed at the end)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption ansibleOption(QStringLiteral("ansible-inventory"),
                                           QStringLiteral("The ansible-inventory program (default: from PATH)."),
                                           QStringLiteral("PATH"));
    parser.addOptions({hostsOption, repeatOption, outOption, ansibleOption});
    parser.process(app);

    bool repeatOk = false;
    QList<int> hostCounts;
    for (const QString &item : parser.value(hostsOption).split(u',')) {
        bool hostsOk = false;
        const int hostCount = item.toInt(&hostsOk);
        if (!hostsOk || hostCount < 1 || hostCount > kMaxHosts) {
            err() << "bench-inventory: --hosts must be numbers from 1 to " << kMaxHosts << ", separated by commas"
                  << Qt::endl;
            return 2;
        }
        hostCounts.append(hostCount);
    }
    const int repeat = parser.value(repeatOption).toInt(&repeatOk);
    if (!repeatOk || repeat < 1) {
        err() << "bench-inventory: --repeat must be a positive number" << Qt::endl;
        return 2;
    }
    const QString ansibleInventory = parser.isSet(ansibleOption)
                                         ? parser.value(ansibleOption)
                                         : QStandardPaths::findExecutable(QStringLiteral("ansible-inventory"));
    if (ansibleInventory.isEmpty() || !QFileInfo(ansibleInventory).isExecutable()) {
        err() << "bench-inventory: ansible-inventory not found (the baseline); install Ansible or pass "
                 "--ansible-inventory PATH"
              << Qt::endl;
        return 2;
    }

    QTemporaryDir temporary;
    if (!temporary.isValid()) {
        err() << "bench-inventory: cannot create a temporary folder: " << temporary.errorString() << Qt::endl;
        return 2;
    }
    QList<SizeResult> results;
    for (const int hostCount : hostCounts) {
        // Each size in a folder of its own, so that --out keeps them all.
        const QString base = parser.isSet(outOption) ? QDir(parser.value(outOption)).absolutePath() : temporary.path();
        const QString root = hostCounts.size() == 1 ? base : base + QStringLiteral("/hosts-%1").arg(hostCount);
        const auto result =
            benchmarkSize(hostCount, repeat, ansibleInventory, root, parser.isSet(outOption), temporary.path());
        if (!result)
            return 1;
        results.append(*result);
        out() << '\n';
    }
    if (results.size() > 1)
        printGrowth(results);
    return 0;
}
