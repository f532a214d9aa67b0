// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ksw {

/// Resolves names through a given (company) DNS server and through this machine's own resolver, to show the
/// names only the company DNS knows — exactly the names pods cannot resolve until the cluster forwards to it.
/// Asynchronous; every lookup is bounded by a timer (Qt 6.4's QDnsLookup has none of its own).
class DnsProbe : public QObject {
    Q_OBJECT

public:
    struct NameResult {
        QString name;
        QStringList viaServer; ///< addresses the given server answered
        QString serverError;   ///< empty when it answered
        QStringList viaSystem; ///< addresses this machine's resolver answered
        QString systemError;   ///< empty when it answered
        /// The company DNS knows it and this machine's resolver does not.
        bool onlyServerKnows() const { return !viaServer.isEmpty() && viaSystem.isEmpty(); }
    };

    struct Result {
        QString server;
        QString error; ///< the probe could not run at all (IPv6 server, bad address); names are then empty
        QList<NameResult> names;
        QString summary() const; ///< translated: "3 names: 2 only through 10.244.10.130, ..."
    };

    explicit DnsProbe(QObject *parent = nullptr);
    ~DnsProbe() override;

    /// Time allowed for each lookup (default 3000 ms).
    void setTimeout(int milliseconds);
    /// Looks up each name's A (and AAAA) records through `serverAddress` (an IPv4 address; port 53) and through
    /// the system resolver. An IPv6 server is refused with a clear error: Qt 6.4 would silently ask the system
    /// resolver instead. Emits finished() exactly once.
    void start(const QString &serverAddress, const QStringList &names);
    bool isRunning() const;
    void abort();

signals:
    void finished(const ksw::DnsProbe::Result &result);

private:
    struct State;
    State *d;
};

} // namespace ksw
