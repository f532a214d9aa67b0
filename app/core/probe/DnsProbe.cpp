// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "probe/DnsProbe.h"

#include "net/IpAddress.h"

#include <QCoreApplication>
#include <QDnsLookup>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

// Measured on Qt 6.4.2 / glibc 2.36 (see tests/integration/TestDnsProbe.cpp):
// - QDnsLookup runs each lookup as one blocking res_nquery() on a private pool of 5 threads. abort() only forgets
//   the reply; the thread keeps waiting for a server that does not answer, 10 s with glibc's defaults (2 tries of
//   5 s). A lookup queued behind five of those waits the same 10 s without having sent anything.
// - setNameserver() with an IPv6 address silently asks the servers of /etc/resolv.conf instead.
// - An answer without records of the asked type (NODATA), a refused connection (nothing listening on port 53) and
//   glibc giving up all end as InvalidReplyError "Invalid reply received": res_nquery() returns -1 for each.
//
// The system side uses QDnsLookup without a name server rather than QHostInfo: it asks exactly the name servers of
// /etc/resolv.conf — what CoreDNS forwards to by default (`forward . /etc/resolv.conf`) — and nothing else. QHostInfo
// (getaddrinfo) also answers from /etc/hosts and other NSS sources that pods never see, appends search domains, and
// cannot tell A from AAAA or NXDOMAIN from "no answer". Both sides then go through the same code and errors.

namespace ksw {

namespace {

/// Hands QDnsLookups to Qt only while one of its 5 lookup threads is free, so that a lookup's timer measures time
/// spent asking, never time spent queued behind lookups that were given up but still hold a thread. Owns every
/// lookup it was given and deletes each once Qt reports it finished. Main thread only.
class LookupQueue {
public:
    static constexpr int QtThreads = 5; // QDnsLookupThreadPool::setMaxThreadCount(5)

    static LookupQueue &instance() {
        static LookupQueue queue;
        return queue;
    }

    /// Takes `lookup` (configured, not started); `started` is called when it is handed to Qt.
    void enqueue(QDnsLookup *lookup, std::function<void()> started) {
        if (!m_postRoutineAdded) {
            // A QDnsLookup still alive when the application goes away hangs the process (measured): its thread
            // reports back through a BlockingQueuedConnection to the main thread, which no longer runs events but
            // waits for Qt's pool to finish. Deleting the lookups first unblocks it; the exit then waits at most
            // until glibc gives up.
            qAddPostRoutine(&LookupQueue::deleteAll);
            m_postRoutineAdded = true;
        }
        QObject::connect(lookup, &QDnsLookup::finished, lookup, [this, lookup] { finished(lookup); });
        m_waiting.push_back({lookup, std::move(started)});
        startWaiting();
    }

    /// Drops `lookup` if it has not been handed to Qt yet (a running one stays until Qt is done with it).
    bool cancelWaiting(QDnsLookup *lookup) {
        for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
            if (it->lookup == lookup) {
                m_waiting.erase(it);
                lookup->deleteLater();
                return true;
            }
        }
        return false;
    }

private:
    struct Waiting {
        QDnsLookup *lookup;
        std::function<void()> started;
    };

    void startWaiting() {
        while (m_running.size() < QtThreads && !m_waiting.empty()) {
            Waiting next = std::move(m_waiting.front());
            m_waiting.erase(m_waiting.begin());
            m_running.insert(next.lookup);
            next.lookup->lookup();
            if (next.started)
                next.started();
        }
    }

    void finished(QDnsLookup *lookup) {
        if (!m_running.remove(lookup))
            return;
        lookup->deleteLater();
        startWaiting();
    }

    static void deleteAll() {
        LookupQueue &queue = instance();
        for (const Waiting &waiting : queue.m_waiting)
            delete waiting.lookup;
        const QSet<QDnsLookup *> running = queue.m_running;
        queue.m_waiting.clear();
        queue.m_running.clear();
        for (QDnsLookup *lookup : running)
            delete lookup;
        queue.m_postRoutineAdded = false;
    }

    std::vector<Waiting> m_waiting;
    QSet<QDnsLookup *> m_running;
    bool m_postRoutineAdded = false;
};

/// Why `name` cannot be looked up; nothing when it can (then `ascii` is the name to ask for, without a final dot).
std::optional<QString> nameProblem(const QString &given, QString *ascii = nullptr) {
    const QString name = given.trimmed();
    const auto problem = [&given](const QString &reason) {
        return QCoreApplication::translate("DnsProbe", "“%1” is not a valid DNS name: %2").arg(given, reason);
    };
    if (name.isEmpty() || name == u".")
        return problem(QCoreApplication::translate("DnsProbe", "it is empty"));
    if (IpAddress::parse(name))
        return problem(QCoreApplication::translate("DnsProbe", "it is an IP address, not a name"));

    QString text = name;
    bool ascii7 = true;
    for (const QChar c : name)
        ascii7 = ascii7 && c.unicode() < 0x80;
    if (!ascii7) {
        text = QString::fromLatin1(QUrl::toAce(name));
        if (text.isEmpty())
            return problem(QCoreApplication::translate("DnsProbe", "it cannot be written as an ASCII (IDNA) name"));
    }
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text.size() > 253)
        return problem(QCoreApplication::translate("DnsProbe", "it is longer than 253 characters"));
    const QStringList labels = text.split(u'.');
    for (const QString &label : labels) {
        if (label.isEmpty())
            return problem(QCoreApplication::translate(
                "DnsProbe", "it has an empty label (two dots in a row, or a dot at the start)"));
        if (label.size() > 63)
            return problem(
                QCoreApplication::translate("DnsProbe", "the label “%1” is longer than 63 characters").arg(label));
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                                 u == u'-' || u == u'_';
            if (!allowed)
                return problem(QCoreApplication::translate(
                                   "DnsProbe", "it contains “%1”; only letters, digits, “-” and “_” are allowed")
                                   .arg(c));
        }
        if (label.startsWith(u'-') || label.endsWith(u'-'))
            return problem(
                QCoreApplication::translate("DnsProbe", "the label “%1” starts or ends with “-”").arg(label));
    }
    if (ascii)
        *ascii = text;
    return std::nullopt;
}

/// Why `server` cannot be asked; nothing when it can (then `address` is set).
std::optional<QString> serverProblem(const QString &given, QHostAddress *address) {
    const QString server = given.trimmed();
    if (server.isEmpty())
        return QCoreApplication::translate("DnsProbe", "No DNS server address was given.");
    const std::optional<IpAddress> parsed = IpAddress::parse(server);
    const bool ipv6 = parsed ? parsed->isV6() : QHostAddress(server).protocol() == QAbstractSocket::IPv6Protocol;
    if (ipv6) {
        return QCoreApplication::translate(
                   "DnsProbe",
                   "%1 is an IPv6 address, and IPv6 DNS servers are not supported: Qt 6.4 would silently ask this "
                   "machine's resolver instead of %1. Give the DNS server's IPv4 address.")
            .arg(server);
    }
    if (!parsed) {
        return QCoreApplication::translate(
                   "DnsProbe",
                   "“%1” is not an IP address. Give the DNS server's IPv4 address, such as 10.244.10.130 (the port "
                   "is always 53).")
            .arg(server);
    }
    const quint32 v4 = parsed->toV4();
    if (v4 == 0 || v4 == 0xFFFFFFFFu || (v4 >> 28) == 0xE)
        return QCoreApplication::translate("DnsProbe", "%1 cannot be the address of a DNS server.").arg(server);
    *address = QHostAddress(v4);
    return std::nullopt;
}

enum class Outcome {
    Pending,
    Answered,       ///< NoError (maybe without addresses)
    NoUsableAnswer, ///< Qt 6.4's InvalidReplyError: NODATA, connection refused, glibc gave up, or a bad reply
    NotFound,       ///< NXDOMAIN
    Failed,         ///< SERVFAIL, REFUSED, resolver errors
    NotAsked,       ///< never handed to Qt: all its lookup threads stayed busy
    TimedOut,
};

int rank(Outcome outcome) {
    switch (outcome) {
    case Outcome::Pending:
        return 0;
    case Outcome::NoUsableAnswer:
        return 1;
    case Outcome::Answered: // a clean answer without addresses says more than the other type's ambiguous error
        return 2;
    case Outcome::NotFound:
        return 3;
    case Outcome::Failed:
        return 4;
    case Outcome::NotAsked:
        return 5;
    case Outcome::TimedOut:
        return 6;
    }
    return 0;
}

} // namespace

struct DnsProbe::State {
    struct Lookup {
        QPointer<QDnsLookup> lookup;
        QTimer *timer = nullptr;
        int nameIndex = 0;
        bool viaServer = false;
        QDnsLookup::Type type = QDnsLookup::A;
        bool started = false;
        bool done = false;
        Outcome outcome = Outcome::Pending;
        QStringList addresses;
        QString error;
    };

    explicit State(DnsProbe *probe)
        : q(probe) {}

    DnsProbe *q;
    int timeout = 3000;
    bool running = false;
    quint64 run = 0;                  ///< changes with every start() and abort(): late callbacks compare it
    std::unique_ptr<QObject> context; ///< one per run: parent of the timers, context of every connection
    QTimer *stallTimer = nullptr;     ///< fires when none of this run's lookups could start for `timeout` ms
    std::vector<Lookup> lookups;
    int pending = 0;
    Result result;

    void addLookup(int nameIndex, bool viaServer, QDnsLookup::Type type, const QString &name,
                   const QHostAddress &server);
    void lookupStarted(quint64 which, int index);
    void lookupFinished(quint64 which, int index);
    void lookupTimedOut(quint64 which, int index);
    void stalled(quint64 which);
    void settle(Lookup &lookup, Outcome outcome, const QString &error = {});
    void finishLater();
    void teardown();
};

void DnsProbe::State::addLookup(int nameIndex, bool viaServer, QDnsLookup::Type type, const QString &name,
                                const QHostAddress &server) {
    auto *lookup = new QDnsLookup(type, name);
    if (viaServer)
        lookup->setNameserver(server);
    const int index = int(lookups.size());
    Lookup entry;
    entry.lookup = lookup;
    entry.nameIndex = nameIndex;
    entry.viaServer = viaServer;
    entry.type = type;
    entry.timer = new QTimer(context.get());
    entry.timer->setSingleShot(true);
    entry.timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early: "no answer within N ms" would lie
    lookups.push_back(entry);
    ++pending;

    const quint64 which = run;
    QObject::connect(entry.timer, &QTimer::timeout, context.get(),
                     [this, which, index] { lookupTimedOut(which, index); });
    QObject::connect(lookup, &QDnsLookup::finished, context.get(),
                     [this, which, index] { lookupFinished(which, index); });
    const QPointer<QObject> guard = context.get();
    LookupQueue::instance().enqueue(lookup, [this, guard, which, index] {
        if (guard)
            lookupStarted(which, index);
    });
}

void DnsProbe::State::lookupStarted(quint64 which, int index) {
    if (which != run || !running)
        return;
    Lookup &lookup = lookups[size_t(index)];
    lookup.started = true;
    lookup.timer->start(timeout);
    stallTimer->start(timeout);
}

void DnsProbe::State::lookupFinished(quint64 which, int index) {
    if (which != run || !running)
        return;
    Lookup &entry = lookups[size_t(index)];
    if (entry.done || !entry.lookup)
        return;
    QDnsLookup *lookup = entry.lookup;
    for (const QDnsHostAddressRecord &record : lookup->hostAddressRecords())
        entry.addresses.append(record.value().toString());
    switch (lookup->error()) {
    case QDnsLookup::NoError:
        settle(entry, Outcome::Answered,
               entry.addresses.isEmpty() ? QCoreApplication::translate("DnsProbe", "no address records") : QString());
        break;
    case QDnsLookup::NotFoundError:
        settle(entry, Outcome::NotFound, QCoreApplication::translate("DnsProbe", "not found (NXDOMAIN)"));
        break;
    case QDnsLookup::InvalidReplyError:
        settle(entry, Outcome::NoUsableAnswer,
               QCoreApplication::translate(
                   "DnsProbe",
                   "no address records, or no usable answer (refused, nothing listening on port 53, or an invalid "
                   "reply)"));
        break;
    case QDnsLookup::ServerFailureError:
        settle(entry, Outcome::Failed, QCoreApplication::translate("DnsProbe", "server failure (SERVFAIL)"));
        break;
    case QDnsLookup::ServerRefusedError:
        settle(entry, Outcome::Failed,
               QCoreApplication::translate("DnsProbe", "the server refused to answer (REFUSED)"));
        break;
    default:
        settle(entry, Outcome::Failed,
               QCoreApplication::translate("DnsProbe", "lookup failed: %1").arg(lookup->errorString()));
        break;
    }
}

void DnsProbe::State::lookupTimedOut(quint64 which, int index) {
    if (which != run || !running)
        return;
    // Not QDnsLookup::abort(): in Qt 6.4 it would only hide when the thread that still waits comes free. The queue
    // keeps the lookup until then; for this probe it ends now.
    settle(lookups[size_t(index)], Outcome::TimedOut,
           QCoreApplication::translate("DnsProbe", "no answer within %1 ms").arg(timeout));
}

void DnsProbe::State::stalled(quint64 which) {
    if (which != run || !running)
        return;
    for (Lookup &lookup : lookups) {
        if (lookup.done || lookup.started)
            continue;
        if (lookup.lookup)
            LookupQueue::instance().cancelWaiting(lookup.lookup);
        settle(lookup, Outcome::NotAsked,
               QCoreApplication::translate(
                   "DnsProbe",
                   "not asked: for %1 ms none of Qt's 5 DNS lookup threads came free (they still wait for earlier "
                   "lookups that got no answer)")
                   .arg(timeout));
    }
}

void DnsProbe::State::settle(Lookup &lookup, Outcome outcome, const QString &error) {
    if (lookup.done)
        return;
    lookup.done = true;
    lookup.outcome = outcome;
    lookup.error = error;
    if (lookup.timer)
        lookup.timer->stop();
    if (--pending == 0)
        finishLater();
}

void DnsProbe::State::finishLater() {
    // One side of one name: the addresses of its A and AAAA lookups, or the more telling of their two errors.
    const auto side = [this](int nameIndex, bool viaServer, QStringList *addresses, QString *error) {
        const Lookup *worst = nullptr;
        for (const Lookup &lookup : lookups) {
            if (lookup.nameIndex != nameIndex || lookup.viaServer != viaServer)
                continue;
            for (const QString &address : lookup.addresses) {
                if (!addresses->contains(address))
                    addresses->append(address);
            }
            if (!worst || rank(lookup.outcome) > rank(worst->outcome))
                worst = &lookup;
        }
        if (addresses->isEmpty() && worst)
            *error = worst->error;
    };
    for (int i = 0; i < int(result.names.size()); ++i) {
        NameResult &name = result.names[i];
        if (!name.serverError.isEmpty()) // not a valid name: never looked up
            continue;
        side(i, true, &name.viaServer, &name.serverError);
        side(i, false, &name.viaSystem, &name.systemError);
    }
    if (stallTimer)
        stallTimer->stop();

    const quint64 which = run;
    QMetaObject::invokeMethod(
        q,
        [this, which] {
            if (which != run || !running)
                return;
            running = false;
            const Result finished = result;
            teardown();
            emit q->finished(finished);
        },
        Qt::QueuedConnection);
}

void DnsProbe::State::teardown() {
    for (Lookup &lookup : lookups) {
        if (lookup.timer)
            lookup.timer->stop();
        if (lookup.lookup)
            LookupQueue::instance().cancelWaiting(lookup.lookup);
        // A running lookup stays with the queue until Qt's thread is done with it.
    }
    lookups.clear();
    pending = 0;
    stallTimer = nullptr;
    if (context)
        context.release()->deleteLater(); // may be inside one of its timers' signals
}

QString DnsProbe::Result::summary() const {
    if (!error.isEmpty())
        return QCoreApplication::translate("DnsProbe", "DNS check through %1 not done: %2").arg(server, error);
    QStringList onlyServer, both, onlySystem, neither, invalid;
    for (const NameResult &name : names) {
        if (nameProblem(name.name))
            invalid << name.name;
        else if (name.onlyServerKnows())
            onlyServer << name.name;
        else if (!name.viaServer.isEmpty())
            both << name.name;
        else if (!name.viaSystem.isEmpty())
            onlySystem << name.name;
        else
            neither << name.name;
    }
    const QString separator = QCoreApplication::translate("DnsProbe", ", ");
    QStringList parts;
    parts << QCoreApplication::translate("DnsProbe", "Names checked: %1.").arg(names.size());
    if (onlyServer.isEmpty())
        parts << QCoreApplication::translate("DnsProbe", "No name is known only to %1.").arg(server);
    else
        parts << QCoreApplication::translate("DnsProbe", "Only %1 knows %2: %3.")
                     .arg(server, QString::number(onlyServer.size()), onlyServer.join(separator));
    if (!both.isEmpty()) {
        parts << QCoreApplication::translate("DnsProbe", "Both %1 and this machine's resolver know %2: %3.")
                     .arg(server, QString::number(both.size()), both.join(separator));
    }
    if (!onlySystem.isEmpty()) {
        parts << QCoreApplication::translate("DnsProbe", "Only this machine's resolver knows %1: %2.")
                     .arg(QString::number(onlySystem.size()), onlySystem.join(separator));
    }
    if (!neither.isEmpty())
        parts << QCoreApplication::translate("DnsProbe", "Neither knows %1: %2.")
                     .arg(QString::number(neither.size()), neither.join(separator));
    if (!invalid.isEmpty())
        parts << QCoreApplication::translate("DnsProbe", "Not valid DNS names, not looked up: %1.")
                     .arg(invalid.join(separator));
    return parts.join(u' ');
}

DnsProbe::DnsProbe(QObject *parent)
    : QObject(parent)
    , d(new State(this)) {}

DnsProbe::~DnsProbe() {
    abort();
    delete d;
}

void DnsProbe::setTimeout(int milliseconds) {
    d->timeout = qMax(1, milliseconds);
}

void DnsProbe::start(const QString &serverAddress, const QStringList &names) {
    abort();
    Q_ASSERT_X(!QCoreApplication::instance() || QThread::currentThread() == QCoreApplication::instance()->thread(),
               "DnsProbe::start", "DnsProbe works in the application's main thread only");
    d->running = true;
    ++d->run;
    d->context = std::make_unique<QObject>();
    d->stallTimer = new QTimer(d->context.get());
    d->stallTimer->setSingleShot(true);
    d->stallTimer->setTimerType(Qt::PreciseTimer);
    const quint64 which = d->run;
    connect(d->stallTimer, &QTimer::timeout, d->context.get(), [this, which] { d->stalled(which); });
    d->result = Result();
    d->result.server = serverAddress.trimmed();

    QHostAddress server;
    if (!QCoreApplication::instance()) {
        d->result.error = QCoreApplication::translate("DnsProbe", "DNS lookups need a running QCoreApplication.");
        d->finishLater();
        return;
    }
    if (const std::optional<QString> problem = serverProblem(serverAddress, &server)) {
        d->result.error = *problem;
        d->finishLater();
        return;
    }
    if (names.isEmpty()) {
        d->result.error = QCoreApplication::translate("DnsProbe", "No names to look up were given.");
        d->finishLater();
        return;
    }

    QStringList ascii;
    for (const QString &name : names) {
        NameResult entry;
        entry.name = name.trimmed();
        QString lookupName;
        if (const std::optional<QString> problem = nameProblem(name, &lookupName))
            entry.serverError = entry.systemError = *problem;
        d->result.names.append(entry);
        ascii.append(lookupName);
    }
    // This machine's resolver first: when the server does not answer, its lookups hold Qt's threads until they time
    // out, and the other side should not have to wait behind them.
    for (bool viaServer : {false, true}) {
        for (int i = 0; i < int(ascii.size()); ++i) {
            if (ascii[i].isEmpty())
                continue;
            d->addLookup(i, viaServer, QDnsLookup::A, ascii[i], server);
            d->addLookup(i, viaServer, QDnsLookup::AAAA, ascii[i], server);
        }
    }
    if (d->pending == 0)
        d->finishLater();
    else
        d->stallTimer->start(d->timeout);
}

bool DnsProbe::isRunning() const {
    return d->running;
}

void DnsProbe::abort() {
    if (!d->running)
        return;
    d->running = false;
    ++d->run;
    d->teardown();
}

} // namespace ksw
