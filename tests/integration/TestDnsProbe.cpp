// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
//
// DnsProbe against two real dnsmasq servers inside a network namespace this test creates, so that no query can
// leave the machine and "this machine's resolver" is one the test controls.
//
// Started normally (parent, as root): creates the namespace ksw-dns-<pid> with nothing but `lo`, writes
// /etc/netns/<ns>/resolv.conf ("nameserver 127.0.0.2"; `ip netns exec` bind-mounts it over /etc/resolv.conf),
// starts in it the company DNS (dnsmasq on 127.0.0.1, knows the scenario's names) and this machine's resolver
// (dnsmasq on 127.0.0.2, knows only public.example.test), then runs itself again inside the namespace with
// KSW_DNSPROBE_NETNS=<ns>. Every test function of the parent reports what the same function did in that child.
// Namespace, dnsmasq processes and /etc/netns/<ns> are removed in every path (scope guard), also when the child
// crashes or hangs; dnsmasq and the child get SIGTERM from the kernel should the parent die (PR_SET_PDEATHSIG).
//
// Started with KSW_DNSPROBE_NETNS (child): first proves it is inside that namespace with only `lo` and the test's
// resolv.conf — otherwise it sends nothing — then runs the checks for real.
#include "TestSupport.h"

#include "probe/DnsProbe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ksw;

namespace {

const char *const ChildVariable = "KSW_DNSPROBE_NETNS";
const char *const CompanyLogVariable = "KSW_DNSPROBE_COMPANY_LOG";
const char *const SystemLogVariable = "KSW_DNSPROBE_SYSTEM_LOG";

// Addresses inside the namespace only.
const QString CompanyDns = QStringLiteral("127.0.0.1");    // dnsmasq: the company DNS
const QString SystemDns = QStringLiteral("127.0.0.2");     // dnsmasq: /etc/resolv.conf inside the namespace
const QString NobodyListens = QStringLiteral("127.0.0.9"); // nothing bound: the kernel answers "port unreachable"
const QString NeverAnswers = QStringLiteral("127.0.0.10"); // a socket the child binds and never reads

const QString CoreDns = QStringLiteral("coredns.hideichi.as.a.service.com");
const QString Registry = QStringLiteral("docker-registry.hideichi.as.a.service.com");
const QString PublicName = QStringLiteral("public.example.test");
const QString CoreDnsAddress = QStringLiteral("10.244.10.130");
const QString RegistryAddress = QStringLiteral("10.233.90.120");
const QString PublicAddress = QStringLiteral("192.0.2.10");

// What DnsProbe says, in English (no translation is loaded here).
const QString NotFound = QStringLiteral("not found (NXDOMAIN)");
QString noAnswerWithin(int ms) {
    return QStringLiteral("no answer within %1 ms").arg(ms);
}
const QString NotAskedPrefix = QStringLiteral("not asked: ");

/// One finished probe run, watched from start() to finished() and a little beyond.
struct Run {
    DnsProbe::Result result;
    int finishedCount = 0;
    bool finishedInsideStart = false;
    bool runningAfterStart = false;
    bool runningAfterFinished = true;
    qint64 elapsed = -1; ///< start() to finished(), ms
};

Run probe(const QString &server, const QStringList &names, int timeout = 3000, int waitMs = 30000) {
    DnsProbe dns;
    dns.setTimeout(timeout);
    Run run;
    QElapsedTimer clock;
    QObject::connect(&dns, &DnsProbe::finished, &dns, [&](const DnsProbe::Result &result) {
        ++run.finishedCount;
        run.result = result;
        run.elapsed = clock.elapsed();
    });
    clock.start();
    dns.start(server, names);
    run.finishedInsideStart = run.finishedCount > 0;
    run.runningAfterStart = dns.isRunning();
    static_cast<void>(QTest::qWaitFor([&run] { return run.finishedCount > 0; }, waitMs)); // checked by the caller
    QTest::qWait(100); // a second finished() would arrive here
    run.runningAfterFinished = dns.isRunning();
    return run;
}

const DnsProbe::NameResult *find(const DnsProbe::Result &result, const QString &name) {
    for (const DnsProbe::NameResult &entry : result.names) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

QByteArray logOf(const char *variable) {
    return test::readAll(qEnvironmentVariable(variable));
}

/// dnsmasq's log-queries line for `name`, e.g. "query[AAAA] coredns.hideichi.as.a.service.com from 127.0.0.1".
bool logged(const char *variable, const QString &type, const QString &name) {
    const QByteArray line = "query[" + type.toLatin1() + "] " + name.toLatin1() + " from ";
    return QTest::qWaitFor([&] { return logOf(variable).contains(line); }, 2000);
}

QString describe(const DnsProbe::NameResult &entry) {
    return QStringLiteral("%1: server [%2] “%3”, system [%4] “%5”")
        .arg(entry.name, entry.viaServer.join(u','), entry.serverError, entry.viaSystem.join(u','), entry.systemError);
}

QString findTool(const QString &name) {
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                                 QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

/// Runs a short command to its end; its exit code (-1 when it did not start or end in time) and output.
int runTool(const QString &program, const QStringList &arguments, QString *output = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        if (output)
            *output = QString::fromLocal8Bit(process.readAll()) + process.errorString();
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/// The network namespace, its resolv.conf and the processes started in it; removes all of it when destroyed.
class Namespace {
public:
    Namespace(QString ip, QString name)
        : m_ip(std::move(ip))
        , m_name(std::move(name)) {}
    ~Namespace() { cleanUp(); }
    Namespace(const Namespace &) = delete;
    Namespace &operator=(const Namespace &) = delete;

    const QString &name() const { return m_name; }
    QString etcDir() const { return QStringLiteral("/etc/netns/") + m_name; }

    /// `ip netns add` and `lo` up; false (with the reason) when network namespaces are not available here.
    bool add(QString *problem) {
        if (runTool(m_ip, {QStringLiteral("netns"), QStringLiteral("add"), m_name}, problem) != 0)
            return false;
        m_added = true;
        return runTool(m_ip,
                       {QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"),
                        QStringLiteral("lo"), QStringLiteral("up")},
                       problem) == 0;
    }

    bool writeResolvConf(const QByteArray &content) {
        m_createdEtcNetns = !QFileInfo::exists(QStringLiteral("/etc/netns"));
        m_wroteEtcDir = true;
        return test::writeAll(etcDir() + QStringLiteral("/resolv.conf"), content);
    }

    /// Starts `program` inside the namespace (`ip netns exec` execs it: the process id is the program's).
    QProcess *startInside(const QString &program, const QStringList &arguments,
                          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(m_ip);
        process->setArguments(QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_name, program} +
                              arguments);
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::MergedChannels);
        // Ends with the parent even if the parent is killed.
        process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        process->start();
        m_processes.push_back(std::move(process));
        return m_processes.back().get();
    }

    /// Idempotent: stops the processes this test started (by their process id), deletes the namespace and the
    /// files written for it.
    void cleanUp() {
        for (const std::unique_ptr<QProcess> &process : m_processes) {
            if (process->state() == QProcess::NotRunning)
                continue;
            process->terminate(); // SIGTERM to that process id only
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
        m_processes.clear();
        if (m_added) {
            QString output;
            if (runTool(m_ip, {QStringLiteral("netns"), QStringLiteral("delete"), m_name}, &output) == 0)
                m_added = false;
            else
                qWarning("could not delete network namespace %s: %s", qPrintable(m_name), qPrintable(output));
        }
        if (m_wroteEtcDir) {
            QDir(etcDir()).removeRecursively();
            if (m_createdEtcNetns)
                QDir().rmdir(QStringLiteral("/etc/netns")); // only when empty: others may use it meanwhile
            m_wroteEtcDir = false;
        }
    }

private:
    QString m_ip;
    QString m_name;
    bool m_added = false;
    bool m_wroteEtcDir = false;
    bool m_createdEtcNetns = false;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

/// A run killed with SIGKILL (a CI time-out) cannot clean up; its dnsmasq processes and child die with it
/// (PR_SET_PDEATHSIG), its namespace stays. Removes such namespaces of this test: named ksw-dns-<pid> of a process
/// that is gone, with no process left inside.
void removeLeftoversOfKilledRuns(const QString &ip) {
    QString list;
    if (runTool(ip, {QStringLiteral("netns"), QStringLiteral("list")}, &list) != 0)
        return;
    static const QRegularExpression ours(QStringLiteral("^(ksw-dns-(\\d+))(\\s|$)"));
    for (const QString &line : list.split(u'\n')) {
        const QRegularExpressionMatch match = ours.match(line.trimmed());
        if (!match.hasMatch() || QFileInfo::exists(QStringLiteral("/proc/") + match.captured(2)))
            continue;
        const QString name = match.captured(1);
        QString pids;
        if (runTool(ip, {QStringLiteral("netns"), QStringLiteral("pids"), name}, &pids) != 0 || !pids.isEmpty())
            continue;
        qInfo("removing namespace %s left by a killed run", qPrintable(name));
        runTool(ip, {QStringLiteral("netns"), QStringLiteral("delete"), name});
        QDir(QStringLiteral("/etc/netns/") + name).removeRecursively();
        QDir().rmdir(QStringLiteral("/etc/netns")); // only when empty
        const QDir temp = QDir::temp();
        for (const QString &dir : temp.entryList({name + QStringLiteral("-*")}, QDir::Dirs | QDir::NoDotAndDotDot))
            QDir(temp.filePath(dir)).removeRecursively();
    }
}

QByteArray dnsmasqConfig(const QString &listen, const QString &log, const QStringList &zoneLines) {
    QByteArray config = "port=53\n"
                        "listen-address=" +
                        listen.toLatin1() +
                        "\n"
                        "bind-interfaces\n"
                        "no-resolv\n"
                        "no-hosts\n"
                        "pid-file=\n"
                        // No switch to another user: that would clear PR_SET_PDEATHSIG, which ends dnsmasq with us.
                        "user=root\n"
                        "group=root\n"
                        "log-queries\n"
                        "log-facility=" +
                        QFile::encodeName(log) + "\n";
    for (const QString &line : zoneLines)
        config += line.toLatin1() + '\n';
    return config;
}

/// What the child's QtTest output says about each test function (plain text format).
struct ChildResult {
    QString status; ///< PASS, FAIL!, SKIP, XPASS, ...; empty: the function never reported
    QString message;
    QStringList details; ///< the lines under a FAIL!, and the function's QINFO lines
};

QHash<QString, ChildResult> parseChildOutput(const QString &output) {
    static const QRegularExpression line(
        QStringLiteral("^(PASS|FAIL!|SKIP|XFAIL|XPASS|BPASS|BFAIL|BXPASS|BXFAIL|QINFO|QWARN|QDEBUG|QCRITICAL|QFATAL)"
                       "\\s*: TestDnsProbe::(\\w+)\\(\\)\\s?(.*)$"));
    QHash<QString, ChildResult> results;
    ChildResult *last = nullptr;
    for (const QString &text : output.split(u'\n')) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch()) {
            ChildResult &result = results[match.captured(2)];
            const QString kind = match.captured(1);
            if (kind.startsWith(u'Q')) {
                result.details << kind + QStringLiteral(": ") + match.captured(3);
            } else {
                result.status = kind;
                result.message = match.captured(3);
            }
            last = &result;
        } else if (last && text.startsWith(u' ')) {
            last->details << text.trimmed();
        } else {
            last = nullptr;
        }
    }
    return results;
}

} // namespace

class TestDnsProbe : public QObject {
    Q_OBJECT

public:
    TestDnsProbe()
        : m_child(qEnvironmentVariableIsSet(ChildVariable)) {}

private slots:
    void initTestCase();
    void cleanupTestCase();

    void companyNamesOnlyThroughCompanyDns();
    void unknownNameFailsThroughBoth();
    void probeCommandShowsNamesOnlyTheCompanyKnows();
    void ipv6ServerRefusedWithoutLookup();
    void badInputFinishesOnceWithClearErrors();
    void abortAndRestart();
    void nobodyListeningFailsWithinTimeout();
    void silentServerTimesOutEachLookup();
    void probeRightAfterTimeoutsIsCorrect();
    void busyLookupThreadsAreReportedNotGuessed();
    void childExitedCleanly();

private:
    void setUpNamespaceAndRunChild();
    void verifyInsideNamespace();
    void relay();

    bool m_child;
    std::unique_ptr<Namespace> m_namespace;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_childOutput;
    QProcess::ExitStatus m_childExitStatus = QProcess::CrashExit;
    int m_childExitCode = -1;
    bool m_childRan = false;
    QHash<QString, ChildResult> m_childResults;
};

// In the parent, a test function reports what the same function did inside the namespace.
#define KSW_IN_CHILD_ONLY()                                                                                            \
    do {                                                                                                               \
        if (!m_child) {                                                                                                \
            relay();                                                                                                   \
            return;                                                                                                    \
        }                                                                                                              \
    } while (false)

void TestDnsProbe::initTestCase() {
    if (m_child)
        verifyInsideNamespace();
    else
        setUpNamespaceAndRunChild();
}

void TestDnsProbe::cleanupTestCase() {
    m_namespace.reset(); // the scope guard's destructor also runs when the test object goes away
}

void TestDnsProbe::setUpNamespaceAndRunChild() {
    if (::geteuid() != 0)
        QSKIP("needs root: it creates a network namespace with two dnsmasq servers (CI runs as root)");
    const QString ip = findTool(QStringLiteral("ip"));
    const QString dnsmasq = findTool(QStringLiteral("dnsmasq"));
    if (ip.isEmpty())
        QSKIP("`ip` (Debian: iproute2) is not installed");
    if (dnsmasq.isEmpty())
        QSKIP("`dnsmasq` (Debian: dnsmasq-base) is not installed");

    removeLeftoversOfKilledRuns(ip);
    m_namespace = std::make_unique<Namespace>(ip, QStringLiteral("ksw-dns-%1").arg(QCoreApplication::applicationPid()));
    QString problem;
    if (!m_namespace->add(&problem)) {
        m_namespace->cleanUp();
        QSKIP(qPrintable(QStringLiteral("`ip netns` is not usable here: ") + problem));
    }
    QVERIFY(m_namespace->writeResolvConf("nameserver " + SystemDns.toLatin1() + '\n'));

    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(m_namespace->name() + QStringLiteral("-XXXXXX")));
    QVERIFY(m_dir->isValid());
    const QString companyLog = m_dir->filePath(QStringLiteral("company.log"));
    const QString systemLog = m_dir->filePath(QStringLiteral("system.log"));
    const QString companyConfig = m_dir->filePath(QStringLiteral("company.conf"));
    const QString systemConfig = m_dir->filePath(QStringLiteral("system.conf"));
    QVERIFY(test::writeAll(
        companyConfig,
        dnsmasqConfig(CompanyDns, companyLog,
                      {QStringLiteral("local=/hideichi.as.a.service.com/"), QStringLiteral("local=/test/"),
                       QStringLiteral("host-record=%1,%2").arg(CoreDns, CoreDnsAddress),
                       QStringLiteral("host-record=%1,%2").arg(Registry, RegistryAddress),
                       QStringLiteral("host-record=%1,%2").arg(PublicName, PublicAddress)})));
    // Authoritative for .test and .com, so it never forwards anything anywhere.
    QVERIFY(test::writeAll(systemConfig,
                           dnsmasqConfig(SystemDns, systemLog,
                                         {QStringLiteral("local=/test/"), QStringLiteral("local=/com/"),
                                          QStringLiteral("host-record=%1,%2").arg(PublicName, PublicAddress)})));

    for (const auto &[configFile, logFile] :
         {std::pair{companyConfig, companyLog}, std::pair{systemConfig, systemLog}}) {
        const QString config = configFile;
        const QString log = logFile;
        QProcess *server = m_namespace->startInside(
            dnsmasq, {QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + config});
        QVERIFY2(server->waitForStarted(10000), qPrintable(server->errorString()));
        // dnsmasq logs "started" once its socket is bound.
        const bool ready = QTest::qWaitFor(
            [&] { return server->state() != QProcess::Running || test::readAll(log).contains("started, version"); },
            10000);
        QVERIFY2(ready && server->state() == QProcess::Running,
                 qPrintable(QStringLiteral("dnsmasq (%1) did not start: %2 %3")
                                .arg(config, QString::fromLocal8Bit(server->readAll()),
                                     QString::fromLocal8Bit(test::readAll(log)))));
    }

    // The child runs the same test functions, or those named on this command line.
    QStringList functions;
    for (const QString &argument : QCoreApplication::arguments().mid(1)) {
        QString function = argument;
        if (function.endsWith(QStringLiteral("()")))
            function.chop(2);
        if (metaObject()->indexOfMethod(
                QMetaObject::normalizedSignature(qPrintable(function + QStringLiteral("()"))).constData()) >= 0)
            functions << function;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ChildVariable), m_namespace->name());
    environment.insert(QString::fromLatin1(CompanyLogVariable), companyLog);
    environment.insert(QString::fromLatin1(SystemLogVariable), systemLog);
    QElapsedTimer clock;
    clock.start();
    QProcess *child = m_namespace->startInside(QCoreApplication::applicationFilePath(), functions, environment);
    QVERIFY2(child->waitForStarted(10000), qPrintable(child->errorString()));
    m_childRan = true;
    if (!child->waitForFinished(240000)) {
        qWarning("the child did not end within 240 s; killing it (process %lld)", qlonglong(child->processId()));
        child->kill();
        child->waitForFinished(10000);
    }
    m_childOutput = QString::fromLocal8Bit(child->readAll());
    m_childExitStatus = child->exitStatus();
    m_childExitCode = child->exitCode();
    m_childResults = parseChildOutput(m_childOutput);
    qInfo("the child ran %lld ms inside namespace %s", clock.elapsed(), qPrintable(m_namespace->name()));
    if (m_childExitStatus != QProcess::NormalExit || m_childExitCode != 0) {
        for (const QString &line : m_childOutput.split(u'\n'))
            qInfo("child | %s", qPrintable(line));
    }

    // Everything the child needed is done: remove it all now (also if a check above failed: the guard does it).
    m_namespace->cleanUp();
}

void TestDnsProbe::verifyInsideNamespace() {
    const QString name = qEnvironmentVariable(ChildVariable);
    struct stat own = {};
    struct stat wanted = {};
    const QByteArray path = QFile::encodeName(QStringLiteral("/run/netns/") + name);
    const bool inside = ::stat("/proc/self/ns/net", &own) == 0 && ::stat(path.constData(), &wanted) == 0 &&
                        own.st_dev == wanted.st_dev && own.st_ino == wanted.st_ino;
    if (!inside)
        QFAIL(qPrintable(QStringLiteral("not inside network namespace %1: refusing to send any DNS query").arg(name)));
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    QStringList names;
    for (const QNetworkInterface &interface : interfaces)
        names << interface.name();
    QCOMPARE(names, QStringList{QStringLiteral("lo")});
    QCOMPARE(test::readAll(QStringLiteral("/etc/resolv.conf")), "nameserver " + SystemDns.toLatin1() + '\n');
}

void TestDnsProbe::relay() {
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    const ChildResult result = m_childResults.value(function);
    if (result.status == u"PASS") {
        for (const QString &detail : result.details)
            qInfo("child: %s", qPrintable(detail));
        return;
    }
    if (result.status == u"SKIP")
        QSKIP(qPrintable(result.message));
    if (result.status.isEmpty()) {
        QFAIL(qPrintable(
            QStringLiteral("no result from the child inside the namespace (it %1 with code %2)")
                .arg(m_childExitStatus == QProcess::NormalExit ? QStringLiteral("ended") : QStringLiteral("crashed"))
                .arg(m_childExitCode)));
    }
    QFAIL(qPrintable(QStringLiteral("in the namespace: %1 %2\n   %3")
                         .arg(result.status, result.message, result.details.join(QStringLiteral("\n   ")))));
}

void TestDnsProbe::companyNamesOnlyThroughCompanyDns() {
    KSW_IN_CHILD_ONLY();
    const Run run = probe(CompanyDns, {CoreDns, Registry, PublicName});
    qInfo("3 names, A and AAAA through both: %lld ms", run.elapsed);
    QVERIFY(!run.finishedInsideStart);
    QVERIFY(run.runningAfterStart);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY(!run.runningAfterFinished);
    QVERIFY(run.elapsed < 3000);
    const DnsProbe::Result &result = run.result;
    QCOMPARE(result.server, CompanyDns);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.names.size(), 3);

    for (const auto &[name, address] : {std::pair{CoreDns, CoreDnsAddress}, std::pair{Registry, RegistryAddress}}) {
        const DnsProbe::NameResult *entry = find(result, name);
        QVERIFY(entry);
        qInfo("%s", qPrintable(describe(*entry)));
        QCOMPARE(entry->viaServer, QStringList{address});
        QCOMPARE(entry->serverError, QString()); // an A answer; "no AAAA" is no error
        QCOMPARE(entry->viaSystem, QStringList());
        QCOMPARE(entry->systemError, NotFound);
        QVERIFY(entry->onlyServerKnows());
    }
    const DnsProbe::NameResult *common = find(result, PublicName);
    QVERIFY(common);
    QCOMPARE(common->viaServer, QStringList{PublicAddress});
    QCOMPARE(common->viaSystem, QStringList{PublicAddress});
    QCOMPARE(common->serverError, QString());
    QCOMPARE(common->systemError, QString());
    QVERIFY(!common->onlyServerKnows());

    // Both servers really were asked, for both record types.
    for (const QString &type : {QStringLiteral("A"), QStringLiteral("AAAA")}) {
        QVERIFY2(logged(CompanyLogVariable, type, CoreDns), qPrintable(type));
        QVERIFY2(logged(SystemLogVariable, type, CoreDns), qPrintable(type));
        QVERIFY2(logged(CompanyLogVariable, type, PublicName), qPrintable(type));
        QVERIFY2(logged(SystemLogVariable, type, PublicName), qPrintable(type));
    }

    const QString summary = result.summary();
    qInfo("summary: %s", qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("Only 127.0.0.1 knows 2: ")));
    QVERIFY(summary.contains(CoreDns));
    QVERIFY(summary.contains(Registry));
    QVERIFY(summary.contains(QStringLiteral("this machine's resolver know 1: public.example.test")));
}

void TestDnsProbe::unknownNameFailsThroughBoth() {
    KSW_IN_CHILD_ONLY();
    const QString unknownCompany = QStringLiteral("nothing.hideichi.as.a.service.com");
    const QString unknownTest = QStringLiteral("nobody-knows.example.test");
    const Run run = probe(CompanyDns, {unknownCompany, unknownTest});
    qInfo("2 unknown names: %lld ms", run.elapsed);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.error, QString());
    QCOMPARE(run.result.names.size(), 2);
    for (const DnsProbe::NameResult &entry : run.result.names) {
        qInfo("%s", qPrintable(describe(entry)));
        QVERIFY(entry.viaServer.isEmpty());
        QVERIFY(entry.viaSystem.isEmpty());
        QCOMPARE(entry.serverError, NotFound);
        QCOMPARE(entry.systemError, NotFound);
        QVERIFY(!entry.onlyServerKnows());
    }
    QVERIFY(run.result.summary().contains(QStringLiteral("No name is known only to 127.0.0.1.")));
    QVERIFY(run.result.summary().contains(QStringLiteral("Neither knows 2: ")));
}

// The real program inside the namespace: `probe` and `check --probe` on the scenario's company services, with
// the company DNS on 127.0.0.1 (the registry's name then resolves nowhere here, so nothing leaves the namespace).
void TestDnsProbe::probeCommandShowsNamesOnlyTheCompanyKnows() {
    KSW_IN_CHILD_ONLY();
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("site.yaml"));
    QVERIFY(test::writeAll(site,
                           "services:\n"
                           "  - {name: CoreDNS, address: 127.0.0.1, domains: [coredns.hideichi.as.a.service.com], "
                           "role: dns}\n"
                           "  - {name: Docker Registry, address: 10.233.90.120, "
                           "domains: [docker-registry.hideichi.as.a.service.com], role: registry, scheme: http}\n"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KSW_BINARY),
                  {QStringLiteral("probe"), QStringLiteral("--site"), site, QStringLiteral("--json"),
                   QStringLiteral("--timeout"), QStringLiteral("1500")});
    QVERIFY(process.waitForFinished(60000));
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonArray only = json.value(u"names_only_company_dns_knows").toArray();
    QVERIFY2(only.contains(QStringLiteral("coredns.hideichi.as.a.service.com")),
             QJsonDocument(json).toJson().constData());
    QVERIFY(only.contains(QStringLiteral("docker-registry.hideichi.as.a.service.com")));
    // The registry's name is unknown to this machine's resolver: the probe says so instead of guessing.
    const QJsonObject registry = json.value(u"registries").toArray().first().toObject();
    QCOMPARE(registry.value(u"verdict").toString(), QStringLiteral("unreachable"));

    QProcess check;
    check.setProcessEnvironment(environment);
    check.start(QStringLiteral(KSW_BINARY),
                {QStringLiteral("check"), QStringLiteral("--inventory"),
                 test::sourcePath(QStringLiteral("resources/demo/mycluster")), QStringLiteral("--site"), site,
                 QStringLiteral("--probe"), QStringLiteral("--json")});
    QVERIFY(check.waitForFinished(60000));
    QStringList codes;
    for (const QJsonValue &finding :
         QJsonDocument::fromJson(check.readAllStandardOutput()).object().value(u"findings").toArray())
        codes.append(finding.toObject().value(u"code").toString());
    QVERIFY2(codes.contains(u"names-only-in-company-dns"), qPrintable(codes.join(u' ')));
    QVERIFY(codes.contains(u"company-dns-not-used"));
}

void TestDnsProbe::ipv6ServerRefusedWithoutLookup() {
    KSW_IN_CHILD_ONLY();
    const QStringList servers{QStringLiteral("::1"), QStringLiteral("fe80::1%lo"), QStringLiteral("::ffff:127.0.0.1"),
                              QStringLiteral("2001:db8::53")};
    for (const QString &server : servers) {
        const QString name = QStringLiteral("ipv6-check-%1.example.test").arg(servers.indexOf(server));
        const Run run = probe(server, {name});
        QVERIFY2(!run.finishedInsideStart, qPrintable(server));
        QCOMPARE(run.finishedCount, 1);
        QVERIFY(!run.runningAfterFinished);
        qInfo("%s: %s (%lld ms)", qPrintable(server), qPrintable(run.result.error), run.elapsed);
        QVERIFY2(run.result.error.contains(QStringLiteral("IPv6")), qPrintable(run.result.error));
        QVERIFY(run.result.names.isEmpty());
        QVERIFY(run.result.summary().contains(run.result.error));
    }
    // Qt 6.4 would have sent these to this machine's resolver; nothing was sent anywhere.
    QTest::qWait(300);
    QVERIFY(!logOf(CompanyLogVariable).contains("ipv6-check"));
    QVERIFY(!logOf(SystemLogVariable).contains("ipv6-check"));
}

void TestDnsProbe::badInputFinishesOnceWithClearErrors() {
    KSW_IN_CHILD_ONLY();
    // The probe cannot run at all.
    const QList<std::pair<QString, QString>> badServers{
        {QStringLiteral("not-an-address"), QStringLiteral("“not-an-address” is not an IP address")},
        {QString(), QStringLiteral("No DNS server address was given.")},
        {QStringLiteral("127.0.0.1:53"), QStringLiteral("is not an IP address")},
        {QStringLiteral("127.1"), QStringLiteral("is not an IP address")},
        {QStringLiteral("0.0.0.0"), QStringLiteral("cannot be the address of a DNS server")},
    };
    for (const auto &[server, expected] : badServers) {
        const Run run = probe(server, {PublicName});
        QVERIFY(!run.finishedInsideStart);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY2(run.result.error.contains(expected), qPrintable(run.result.error));
        QVERIFY(run.result.names.isEmpty());
    }
    const Run empty = probe(CompanyDns, {});
    QVERIFY(!empty.finishedInsideStart);
    QCOMPARE(empty.finishedCount, 1);
    QCOMPARE(empty.result.error, QStringLiteral("No names to look up were given."));

    // Names that cannot be looked up get their own error; the others are still looked up.
    const QString longLabel(64, u'a');
    const QString longName = QStringList(5, QString(60, u'b')).join(u'.'); // 304 characters
    const QStringList badNames{QStringLiteral("bad..name"),
                               QStringLiteral("with space.example.test"),
                               QStringLiteral("-lead.example.test"),
                               longLabel + QStringLiteral(".example.test"),
                               longName,
                               QStringLiteral("10.244.10.130"),
                               QStringLiteral(".")};
    const Run run = probe(CompanyDns, QStringList(badNames) << PublicName);
    qInfo("%lld bad names and a good one: %lld ms", qlonglong(badNames.size()), run.elapsed);
    QVERIFY(!run.finishedInsideStart);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.error, QString());
    QCOMPARE(run.result.names.size(), badNames.size() + 1);
    for (int i = 0; i < badNames.size(); ++i) {
        const DnsProbe::NameResult &entry = run.result.names[i];
        qInfo("%s", qPrintable(entry.serverError));
        QCOMPARE(entry.name, badNames[i]);
        QVERIFY(entry.serverError.contains(QStringLiteral("is not a valid DNS name")));
        QCOMPARE(entry.systemError, entry.serverError);
        QVERIFY(entry.viaServer.isEmpty() && entry.viaSystem.isEmpty());
    }
    QVERIFY(run.result.names[0].serverError.contains(QStringLiteral("“bad..name”")));
    QVERIFY(run.result.names[0].serverError.contains(QStringLiteral("empty label")));
    QCOMPARE(run.result.names.last().viaServer, QStringList{PublicAddress});
    QCOMPARE(run.result.names.last().viaSystem, QStringList{PublicAddress});
    QVERIFY(run.result.summary().contains(QStringLiteral("Not valid DNS names, not looked up: bad..name")));

    // Only bad names: nothing to ask, still finished() once and later.
    const Run onlyBad = probe(CompanyDns, {QStringLiteral("bad..name")});
    QVERIFY(!onlyBad.finishedInsideStart);
    QCOMPARE(onlyBad.finishedCount, 1);
    QCOMPARE(onlyBad.result.names.size(), 1);
    QVERIFY(onlyBad.result.names[0].serverError.contains(QStringLiteral("bad..name")));
    QVERIFY(!logOf(CompanyLogVariable).contains("bad..name"));
}

void TestDnsProbe::abortAndRestart() {
    KSW_IN_CHILD_ONLY();
    DnsProbe dns;
    int finished = 0;
    DnsProbe::Result last;
    connect(&dns, &DnsProbe::finished, &dns, [&](const DnsProbe::Result &result) {
        ++finished;
        last = result;
    });

    dns.start(CompanyDns, {CoreDns, Registry});
    QVERIFY(dns.isRunning());
    dns.abort();
    QVERIFY(!dns.isRunning());
    QTest::qWait(500);
    QCOMPARE(finished, 0); // abort() means nobody wants the answer

    // A second start() replaces the first: one finished(), for the second.
    dns.start(CompanyDns, {CoreDns});
    dns.start(CompanyDns, {Registry});
    QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 10000);
    QTest::qWait(300);
    QCOMPARE(finished, 1);
    QCOMPARE(last.names.size(), 1);
    QCOMPARE(last.names[0].name, Registry);
    QCOMPARE(last.names[0].viaServer, QStringList{RegistryAddress});

    // Restarting from inside finished() works.
    bool restarted = false;
    connect(&dns, &DnsProbe::finished, &dns, [&] {
        if (!restarted) {
            restarted = true;
            dns.start(CompanyDns, {CoreDns});
        }
    });
    dns.start(CompanyDns, {PublicName});
    QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 10000);
    QCOMPARE(last.names[0].name, CoreDns);
    QCOMPARE(last.names[0].viaServer, QStringList{CoreDnsAddress});

    // Destroyed while its lookups run: no signal, no crash; the lookups end on their own.
    auto *doomed = new DnsProbe;
    int doomedFinished = 0;
    connect(doomed, &DnsProbe::finished, this, [&] { ++doomedFinished; });
    doomed->start(CompanyDns, {CoreDns, Registry, PublicName});
    delete doomed;
    QTest::qWait(300);
    QCOMPARE(doomedFinished, 0);
}

void TestDnsProbe::nobodyListeningFailsWithinTimeout() {
    KSW_IN_CHILD_ONLY();
    // Nothing is bound to 127.0.0.9:53, so the kernel answers "port unreachable" at once and glibc gives up: Qt
    // 6.4 reports that as "Invalid reply received", the same as an answer without records. Not a time-out.
    const int timeout = 800;
    const Run run = probe(NobodyListens, {CoreDns, Registry, PublicName}, timeout);
    qInfo("nobody listening on %s: finished after %lld ms", qPrintable(NobodyListens), run.elapsed);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY(run.elapsed >= 0 && run.elapsed < timeout + 1000);
    QCOMPARE(run.result.error, QString());
    QCOMPARE(run.result.names.size(), 3);
    for (const DnsProbe::NameResult &entry : run.result.names) {
        qInfo("%s", qPrintable(describe(entry)));
        QVERIFY(entry.viaServer.isEmpty());
        QVERIFY(!entry.serverError.isEmpty());
        QVERIFY(!entry.onlyServerKnows());
    }
    // This machine's resolver still answered.
    QCOMPARE(find(run.result, PublicName)->viaSystem, QStringList{PublicAddress});
    QCOMPARE(find(run.result, CoreDns)->systemError, NotFound);
}

void TestDnsProbe::silentServerTimesOutEachLookup() {
    KSW_IN_CHILD_ONLY();
    // A server that receives the queries and never answers (a firewall that drops them looks the same).
    QUdpSocket silent;
    QVERIFY2(silent.bind(QHostAddress(NeverAnswers), 53), qPrintable(silent.errorString()));
    const int timeout = 800;
    const Run run = probe(NeverAnswers, {CoreDns, Registry}, timeout);
    qInfo("silent server: finished after %lld ms (timeout %d ms, 4 lookups to it)", run.elapsed, timeout);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.elapsed >= timeout, qPrintable(QString::number(run.elapsed)));
    QVERIFY2(run.elapsed < timeout + 1000, qPrintable(QString::number(run.elapsed))); // concurrently, not 4 x 800
    QVERIFY(silent.hasPendingDatagrams());                                            // the queries did arrive
    QCOMPARE(run.result.names.size(), 2);
    for (const DnsProbe::NameResult &entry : run.result.names) {
        qInfo("%s", qPrintable(describe(entry)));
        QVERIFY(entry.viaServer.isEmpty());
        QCOMPARE(entry.serverError, noAnswerWithin(timeout));
        QCOMPARE(entry.systemError, NotFound); // this machine's resolver was not held up
        QVERIFY(!entry.onlyServerKnows());
    }
}

void TestDnsProbe::probeRightAfterTimeoutsIsCorrect() {
    KSW_IN_CHILD_ONLY();
    // Qt's 5 lookup threads: 4 still wait for the silent server (glibc gives up after 2 x 5 s). The probe must use
    // the one left rather than time out in a queue.
    const Run run = probe(CompanyDns, {CoreDns, Registry, PublicName}, 800);
    qInfo("right after the time-outs: %lld ms", run.elapsed);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(find(run.result, CoreDns)->viaServer, QStringList{CoreDnsAddress});
    QCOMPARE(find(run.result, Registry)->viaServer, QStringList{RegistryAddress});
    QVERIFY(find(run.result, CoreDns)->onlyServerKnows());
    QVERIFY(find(run.result, Registry)->onlyServerKnows());
    QCOMPARE(find(run.result, PublicName)->viaSystem, QStringList{PublicAddress});
}

void TestDnsProbe::busyLookupThreadsAreReportedNotGuessed() {
    KSW_IN_CHILD_ONLY();
    QUdpSocket silent;
    QVERIFY2(silent.bind(QHostAddress(NeverAnswers), 53), qPrintable(silent.errorString()));
    const int timeout = 800;
    const QStringList three{CoreDns, Registry, PublicName};
    // Six lookups to the silent server: together with the ones still waiting, all 5 threads are taken.
    const Run silentRun = probe(NeverAnswers, three, timeout);
    qInfo("silent server, 3 names: %lld ms", silentRun.elapsed);
    QCOMPARE(silentRun.finishedCount, 1);
    QVERIFY(silentRun.elapsed < 2 * timeout + 1000);
    for (const DnsProbe::NameResult &entry : silentRun.result.names) {
        qInfo("%s", qPrintable(describe(entry)));
        QVERIFY(entry.serverError == noAnswerWithin(timeout) || entry.serverError.startsWith(NotAskedPrefix));
    }
    QCOMPARE(find(silentRun.result, PublicName)->viaSystem, QStringList{PublicAddress});

    // Now no thread is free for seconds: a probe says so instead of claiming time-outs or unknown names.
    const Run blocked = probe(CompanyDns, three, timeout);
    qInfo("all threads busy: %lld ms", blocked.elapsed);
    QCOMPARE(blocked.finishedCount, 1);
    QVERIFY(blocked.elapsed < timeout + 1000);
    for (const DnsProbe::NameResult &entry : blocked.result.names) {
        qInfo("%s", qPrintable(describe(entry)));
        QVERIFY(entry.viaServer.isEmpty() && entry.viaSystem.isEmpty());
        QVERIFY2(entry.serverError.startsWith(NotAskedPrefix), qPrintable(entry.serverError));
        QVERIFY2(entry.systemError.startsWith(NotAskedPrefix), qPrintable(entry.systemError));
    }

    // Once glibc gives up on the silent server (2 x 5 s), the threads come free and the answers are right again.
    QElapsedTimer clock;
    clock.start();
    bool recovered = false;
    while (!recovered && clock.elapsed() < 20000) {
        QTest::qWait(500);
        const Run again = probe(CompanyDns, three, timeout);
        const DnsProbe::NameResult *core = find(again.result, CoreDns);
        const DnsProbe::NameResult *common = find(again.result, PublicName);
        recovered = core && common && core->onlyServerKnows() && core->viaServer == QStringList{CoreDnsAddress} &&
                    common->viaSystem == QStringList{PublicAddress};
    }
    qInfo("answers right again after %lld ms", clock.elapsed());
    QVERIFY(recovered);
}

void TestDnsProbe::childExitedCleanly() {
    if (m_child)
        return; // reported by the parent
    if (!m_childRan)
        QSKIP("the child did not run");
    QVERIFY2(m_childExitStatus == QProcess::NormalExit, "the child inside the namespace crashed");
    QCOMPARE(m_childExitCode, 0);
}

QTEST_GUILESS_MAIN(TestDnsProbe)
#include "TestDnsProbe.moc"
