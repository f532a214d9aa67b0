// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "verify/Diagnosis.h"

#include "net/IpAddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace ksw {

namespace {

constexpr int kMostEvidenceLines = 8;

/// Every non-empty line of every text, trimmed, in order, without repeats (an event and the container status
/// usually carry the same pull error).
QStringList linesOf(const QStringList &texts) {
    QStringList lines;
    for (const QString &text : texts) {
        const QStringList split = text.split(QRegularExpression(QStringLiteral("[\r\n]+")), Qt::SkipEmptyParts);
        for (const QString &raw : split) {
            const QString line = raw.trimmed();
            if (!line.isEmpty() && !lines.contains(line))
                lines << line;
        }
    }
    return lines;
}

bool containsAny(const QString &line, std::initializer_list<const char *> phrases) {
    for (const char *phrase : phrases) {
        if (line.contains(QLatin1String(phrase), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString firstCapture(const QString &line, std::initializer_list<const char *> patterns) {
    for (const char *pattern : patterns) {
        const QRegularExpression expression(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = expression.match(line);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

/// A line the node wrote while pulling an image (containerd / kubelet), as opposed to the container's own output.
bool isPullLine(const QString &line) {
    return containsAny(line, {"pull", "failed to do request", "/v2/", "failed to resolve reference", "manifests/"});
}

/// A name lookup: Go's "lookup NAME on SERVER", or the words resolvers of C libraries, busybox, curl, Java and
/// Node.js print.
bool isLookupFailure(const QString &line) {
    static const QRegularExpression goLookup(QStringLiteral(R"(\blookup\s+\S+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (goLookup.match(line).hasMatch() &&
        containsAny(line, {"no such host", "server misbehaving", "timeout", "timed out", "refused", "no answer",
                           "network is unreachable"}))
        return true;
    return containsAny(line, {"no such host",
                              "temporary failure in name resolution",
                              "could not resolve",
                              "couldn't resolve",
                              "can't resolve",
                              "cannot resolve",
                              "unable to resolve",
                              "bad address",
                              "name or service not known",
                              "name does not resolve",
                              "no address associated",
                              "server misbehaving",
                              "nxdomain",
                              "server can't find",
                              "unknown host",
                              "unknownhostexception",
                              "enotfound",
                              "eai_again",
                              "nodename nor servname",
                              "host not found",
                              "failed to resolve host",
                              "name resolution failed",
                              "no servers could be reached"});
}

QString lookupName(const QString &line) {
    QString name = firstCapture(
        line, {R"(\blookup\s+([^\s:]+)(?:\s+on\s|:))", R"(bad address\s+'([^']+)')", R"(can't resolve\s+'([^']+)')",
               R"(can't resolve\s+([^\s:',]+))", R"(could not resolve host:\s*([^\s;:]+))",
               R"(could(?: not|n't) resolve\s+(?:host(?:name)?\s+)?['"]?([^\s'":]+))",
               R"(unable to resolve host address\s+['"]?([^\s'"]+))", R"(server can't find\s+([^\s:]+))",
               R"(unknown host\s+['"]?([^\s'":]+))", R"(UnknownHostException:\s*([^\s:]+))", R"(ENOTFOUND\s+([^\s:]+))",
               R"(EAI_AGAIN\s+([^\s:]+))",
               R"(([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+)(?::\d+)?: )"
               R"((?:Name or service not known|Temporary failure in name resolution|Name does not resolve|)"
               R"(No address associated with hostname))"});
    // "host:port" or a trailing dot of a sentence are not part of the name.
    name.remove(QRegularExpression(QStringLiteral(R"(:\d+$)")));
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

/// The DNS server a Go lookup asked ("lookup x on 10.0.0.1:53: ...").
QString lookupServer(const QString &line) {
    QString server = firstCapture(line, {R"(\blookup\s+\S+\s+on\s+(\[[^\]]+\]|[^\s:]+))"});
    server.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    return server;
}

/// Words saying that a connection found nobody: a time-out, no route, or a refusal.
bool isConnectFailure(const QString &line) {
    // Not a bare "timeout": log lines print settings like "timeout=30s" beside the pod's own address.
    return containsAny(line,
                       {"i/o timeout", "timed out", "connect timeout", "no route to host", "network is unreachable",
                        "host is unreachable", "deadline exceeded", "connection refused"});
}

/// The addresses a line names, in order, leaving out the local end of "read tcp A:p->B:q" (the pod's own
/// address, which lies in the pod range by design).
QList<IpAddress> addressesIn(QString line) {
    line.remove(QRegularExpression(QStringLiteral(R"([0-9A-Fa-f.:\[\]]+->)")));
    QList<IpAddress> found;
    static const QRegularExpression v4(QStringLiteral(R"((?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d))"));
    static const QRegularExpression v6(
        QStringLiteral(R"((?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:]))"));
    QList<std::pair<qsizetype, IpAddress>> positioned;
    for (const QRegularExpression *expression : {&v4, &v6}) {
        auto it = expression->globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (const std::optional<IpAddress> address = IpAddress::parse(match.captured(1)))
                positioned.append({match.capturedStart(1), *address});
        }
    }
    std::sort(positioned.begin(), positioned.end(),
              [](const auto &left, const auto &right) { return left.first < right.first; });
    for (const auto &[position, address] : positioned) {
        if (!found.contains(address))
            found << address;
    }
    return found;
}

/// "the connection timed out" / "no route" / "was refused": the failure named in words for the summary.
QString connectFailureWords(const QString &line) {
    if (containsAny(line, {"no route to host", "network is unreachable", "host is unreachable"}))
        return QCoreApplication::translate("Verifier", "no route to it");
    if (containsAny(line, {"connection refused"}))
        return QCoreApplication::translate("Verifier", "the connection was refused");
    return QCoreApplication::translate("Verifier", "no answer in time");
}

/// The registry host of a pull error: from the URL asked ("https://host/v2/...") or the image reference.
QString registryHost(const QString &line) {
    QString host = firstCapture(line, {R"(https?://([^/"\s]+)/v2)", R"(image\s+\\?"([^/"\\\s]+\.[^/"\\\s]+)/)",
                                       R"(reference\s+\\?"([^/"\\\s]+\.[^/"\\\s]+)/)"});
    return host;
}

Diagnosis registries(const QStringList &lines) {
    Diagnosis diagnosis;
    for (const QString &line : lines) {
        const bool httpOnly = containsAny(
            line, {"server gave HTTP response to HTTPS client", "first record does not look like a TLS handshake"});
        const bool certificate =
            isPullLine(line) &&
            containsAny(line, {"x509:", "certificate signed by unknown authority", "failed to verify certificate",
                               "certificate is not valid", "certificate has expired"});
        if (!httpOnly && !certificate)
            continue;
        diagnosis.topic = Topic::Registries;
        diagnosis.evidence = line;
        diagnosis.subject = registryHost(line);
        const QString host = diagnosis.subject.isEmpty() ? QCoreApplication::translate("Verifier", "the registry")
                                                         : QStringLiteral("“%1”").arg(diagnosis.subject);
        if (httpOnly) {
            diagnosis.summary =
                QCoreApplication::translate(
                    "Verifier", "The image could not be pulled: the node asked %1 over HTTPS, but that registry "
                                "answers only plain HTTP. The container runtime (containerd) uses HTTPS unless "
                                "it is told otherwise. On the Registries page, mark %1 as HTTP only, save, and "
                                "deploy again.")
                    .arg(host);
        } else {
            diagnosis.summary =
                QCoreApplication::translate(
                    "Verifier", "The image could not be pulled: the node does not trust the certificate of %1. "
                                "On the Registries page, mark %1 as using a certificate the nodes cannot check "
                                "(or give the certificate of the company's authority), save, and deploy again.")
                    .arg(host);
        }
        return diagnosis;
    }
    return diagnosis;
}

Diagnosis ranges(const QStringList &lines, const QList<Cidr> &clusterRanges) {
    Diagnosis diagnosis;
    for (const QString &line : lines) {
        if (!isConnectFailure(line) || isLookupFailure(line))
            continue;
        for (const IpAddress &address : addressesIn(line)) {
            for (const Cidr &range : clusterRanges) {
                if (!range.contains(address))
                    continue;
                diagnosis.topic = Topic::Ranges;
                diagnosis.evidence = line;
                diagnosis.subject = address.toString();
                diagnosis.range = range.toString();
                diagnosis.summary =
                    QCoreApplication::translate(
                        "Verifier",
                        "%1 could not be reached (%2), and %1 lies inside %3, one of the cluster's own address "
                        "ranges (for pods or services). Inside the cluster every address of that range belongs to "
                        "the cluster, so traffic to %1 never reaches the company machine that has it. On the "
                        "Address ranges page, choose pod and service ranges that leave %1 outside, save, and "
                        "deploy again (reset first: the ranges of a running cluster cannot change).")
                        .arg(diagnosis.subject, connectFailureWords(line), diagnosis.range);
                return diagnosis;
            }
        }
    }
    return diagnosis;
}

Diagnosis dns(const QStringList &lines) {
    Diagnosis diagnosis;
    for (const QString &line : lines) {
        if (!isLookupFailure(line))
            continue;
        diagnosis.topic = Topic::Dns;
        diagnosis.evidence = line;
        diagnosis.subject = lookupName(line);
        const QString name = diagnosis.subject.isEmpty() ? QCoreApplication::translate("Verifier", "a name")
                                                         : QStringLiteral("“%1”").arg(diagnosis.subject);
        const QString server = lookupServer(line);
        const bool noAnswer =
            containsAny(line, {"i/o timeout", "timed out", "no servers could be reached", "connection refused"});
        QString what;
        if (isPullLine(line)) {
            what = QCoreApplication::translate("Verifier",
                                               "The image could not be pulled: the node could not find the "
                                               "address of %1. Images are pulled by the node itself, which asks "
                                               "the DNS servers of its own /etc/resolv.conf.")
                       .arg(name);
        } else {
            what = QCoreApplication::translate("Verifier",
                                               "The program in the verification pod could not find the address "
                                               "of %1. Pods ask the cluster's DNS (CoreDNS), which knows the "
                                               "cluster's own names and passes every other name on to its upstream "
                                               "DNS servers; company names are unknown there unless the company "
                                               "DNS server is one of them.")
                       .arg(name);
        }
        if (noAnswer && !server.isEmpty()) {
            what += QLatin1Char(' ') +
                    QCoreApplication::translate("Verifier", "The DNS server %1 did not answer.").arg(server);
        }
        diagnosis.summary = what + QLatin1Char(' ') +
                            QCoreApplication::translate(
                                "Verifier", "On the DNS page, add the company DNS server that knows %1 (or forward the "
                                            "company's domain to it), save, and deploy again.")
                                .arg(name);
        return diagnosis;
    }
    return diagnosis;
}

/// Lines worth showing when no rule matched: the ones that look like errors, else the last few.
QString errorLines(const QStringList &lines) {
    QStringList picked;
    for (const QString &line : lines) {
        if (containsAny(line,
                        {"error",     "fail",         "denied",    "not found", "unknown", "refused",     "timeout",
                         "timed out", "unauthorized", "forbidden", "back-off",  "backoff", "unreachable", "invalid",
                         "cannot",    "can't",        "unable",    "exit code", "killed",  "oomkilled",   "deadline"}))
            picked << line;
    }
    if (picked.isEmpty())
        picked = lines.mid(qMax(0, lines.size() - 5));
    if (picked.size() > kMostEvidenceLines)
        picked = picked.mid(picked.size() - kMostEvidenceLines);
    return picked.join(QLatin1Char('\n'));
}

/// A hint for the lines no page can fix, when the words are recognisable; empty otherwise.
QString otherHint(const QStringList &lines, const QList<Cidr> &clusterRanges) {
    for (const QString &line : lines) {
        if (isPullLine(line) && containsAny(line, {"401 unauthorized", "unauthorized", "authorization failed",
                                                   "pull access denied", "authentication required", "403 forbidden"}))
            return QCoreApplication::translate("Verifier",
                                               "The registry refused to hand out the image without credentials. "
                                               "Check that the image name is right and, if the registry needs a "
                                               "login, give the nodes its credentials.");
        if (isPullLine(line) && containsAny(line, {"manifest unknown", ": not found", "not found:", "404 not found",
                                                   "repository does not exist", "manifest for"}))
            return QCoreApplication::translate("Verifier",
                                               "The registry answered, but it has no image of that name and tag. "
                                               "Check the verification image's name and tag in the site profile.");
        if (isConnectFailure(line) && !isLookupFailure(line)) {
            const QList<IpAddress> addresses = addressesIn(line);
            if (!addresses.isEmpty()) {
                bool inside = false;
                for (const Cidr &range : clusterRanges)
                    inside = inside || range.contains(addresses.first());
                if (!inside)
                    return QCoreApplication::translate(
                               "Verifier",
                               "%1 could not be reached (%2). It lies outside the cluster's address ranges, so "
                               "the cause is more likely on the way there: a firewall, a route of the nodes, or "
                               "the service itself being down.")
                        .arg(addresses.first().toString(), connectFailureWords(line));
            }
        }
    }
    return {};
}

} // namespace

Diagnosis Diagnosis::diagnose(const QStringList &texts, const QList<Cidr> &clusterRanges) {
    const QStringList lines = linesOf(texts);
    if (lines.isEmpty())
        return {};
    // Registries first: an HTTP answer proves the name resolved and the address was reached. Then a failed
    // connection to an address the cluster owns, which no DNS setting can fix. Then names.
    if (Diagnosis found = registries(lines); found.topic)
        return found;
    if (Diagnosis found = ranges(lines, clusterRanges); found.topic)
        return found;
    if (Diagnosis found = dns(lines); found.topic)
        return found;

    Diagnosis diagnosis;
    diagnosis.evidence = errorLines(lines);
    const QString hint = otherHint(lines, clusterRanges);
    diagnosis.summary = hint.isEmpty()
                            ? QCoreApplication::translate(
                                  "Verifier", "No known cause was recognised. The lines below are what the cluster "
                                              "reported; they usually name what went wrong.")
                            : hint;
    return diagnosis;
}

} // namespace ksw
