// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "probe/RegistryProbe.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <variant>

namespace ksw {

namespace {

constexpr qint64 kDefaultMaxBody = 1024 * 1024;
constexpr int kDefaultTimeout = 5000;

// What a registry accepts for HEAD /v2/<name>/manifests/<reference>: single images and lists, OCI and Docker.
constexpr auto kManifestTypes = "application/vnd.oci.image.manifest.v1+json, "
                                "application/vnd.oci.image.index.v1+json, "
                                "application/vnd.docker.distribution.manifest.v2+json, "
                                "application/vnd.docker.distribution.manifest.list.v2+json";

/// Everything one request brought back, kept even when the reply was cut off.
struct Answer {
    QUrl url;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int status = 0; ///< HTTP status; 0 when no HTTP answer arrived
    QString reasonPhrase;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body;
    QList<QSslError> sslErrors;
    bool tooLarge = false; ///< more than the size cap arrived: the reply was aborted
    bool timedOut = false; ///< the time allowed ran out: the reply was aborted

    QByteArray header(const char *name) const {
        for (const auto &[key, value] : headers) {
            if (key.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const char *name) const {
        for (const auto &pair : headers) {
            if (pair.first.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    bool speaksRegistryApi() const {
        return header("Docker-Distribution-Api-Version").trimmed().startsWith("registry/2.0");
    }
};

/// How a request failed below HTTP (None: an HTTP answer arrived).
enum class Failure { None, Certificate, Tls, Refused, TimedOut, NameNotFound, Closed, Other };

Failure failureOf(const Answer &answer) {
    if (answer.status > 0)
        return Failure::None;
    if (!answer.sslErrors.isEmpty())
        return Failure::Certificate;
    if (answer.timedOut)
        return Failure::TimedOut;
    switch (answer.error) {
    case QNetworkReply::ConnectionRefusedError:
        return Failure::Refused;
    case QNetworkReply::HostNotFoundError:
        return Failure::NameNotFound;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt's own transfer time-out aborts like this
        return Failure::TimedOut;
    case QNetworkReply::SslHandshakeFailedError:
        return Failure::Tls;
    case QNetworkReply::RemoteHostClosedError:
        return Failure::Closed;
    default:
        return Failure::Other;
    }
}

RegistryProbe::UnreachableReason reasonOf(Failure failure) {
    switch (failure) {
    case Failure::Refused:
        return RegistryProbe::UnreachableReason::Refused;
    case Failure::TimedOut:
        return RegistryProbe::UnreachableReason::TimedOut;
    case Failure::NameNotFound:
        return RegistryProbe::UnreachableReason::NameNotFound;
    default:
        return RegistryProbe::UnreachableReason::Other;
    }
}

QString quoted(const QString &text) {
    return QStringLiteral("“%1”").arg(text);
}

/// One sentence on how a request below HTTP failed, naming the URL.
QString failureSentence(const Answer &answer, int timeoutMs) {
    const QString url = answer.url.toString();
    switch (failureOf(answer)) {
    case Failure::Refused:
        return QCoreApplication::translate("RegistryProbe",
                                           "%1: the connection was refused (nothing listens on that port).")
            .arg(url);
    case Failure::TimedOut:
        return QCoreApplication::translate("RegistryProbe", "%1: no answer within %2 ms.").arg(url).arg(timeoutMs);
    case Failure::NameNotFound:
        return QCoreApplication::translate("RegistryProbe", "%1: the host name %2 was not found.")
            .arg(url, quoted(answer.url.host()));
    case Failure::Certificate: {
        QStringList reasons;
        for (const QSslError &error : answer.sslErrors)
            reasons << error.errorString();
        reasons.removeDuplicates();
        return QCoreApplication::translate("RegistryProbe", "%1: the certificate is not trusted: %2.")
            .arg(url, reasons.join(QStringLiteral("; ")));
    }
    case Failure::Tls: {
        QString why = answer.errorString;
        why.remove(QLatin1String("SSL handshake failed: ")); // Qt says it twice
        return QCoreApplication::translate("RegistryProbe", "%1: the TLS handshake failed (%2).").arg(url, why);
    }
    case Failure::Closed:
        return QCoreApplication::translate("RegistryProbe",
                                           "%1: the other side closed the connection without an answer.")
            .arg(url);
    case Failure::Other:
        return QCoreApplication::translate("RegistryProbe", "%1: %2.").arg(url, answer.errorString);
    case Failure::None:
        break;
    }
    return QCoreApplication::translate("RegistryProbe", "%1: HTTP %2.").arg(url).arg(answer.status);
}

/// Notes on a body that was cut off.
QString cutOffSentence(const Answer &answer, qint64 maxBody, int timeoutMs) {
    if (answer.tooLarge)
        return QCoreApplication::translate("RegistryProbe", "The answer was longer than %1 bytes and was cut off.")
            .arg(maxBody);
    if (answer.timedOut)
        return QCoreApplication::translate("RegistryProbe", "The answer did not end within %1 ms and was cut off.")
            .arg(timeoutMs);
    return {};
}

QString joinSentences(const QStringList &sentences) {
    QStringList kept;
    for (const QString &sentence : sentences) {
        if (!sentence.isEmpty())
            kept << sentence;
    }
    return kept.join(QLatin1Char(' '));
}

/// The realm of a WWW-Authenticate challenge (quoted or not); empty when there is none.
QString realmOf(const QByteArray &challenge) {
    static const QRegularExpression quotedRealm(QStringLiteral(R"re(realm\s*=\s*"([^"]*)")re"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression plainRealm(QStringLiteral(R"(realm\s*=\s*([^\s,]+))"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(challenge);
    if (const auto match = quotedRealm.match(text); match.hasMatch())
        return match.captured(1);
    if (const auto match = plainRealm.match(text); match.hasMatch())
        return match.captured(1);
    return {};
}

/// What an HTTP answer on /v2/ says about the server.
struct V2Reading {
    enum Kind { Registry, Credentials, NotARegistry } kind = NotARegistry;
    QString detail;
};

V2Reading readV2(const Answer &answer, qint64 maxBody, int timeoutMs) {
    const QString url = answer.url.toString();
    const QString cut = cutOffSentence(answer, maxBody, timeoutMs);
    V2Reading reading;
    if (answer.status >= 300 && answer.status < 400) {
        QString location = QString::fromUtf8(answer.header("Location"));
        if (location.isEmpty())
            location = QCoreApplication::translate("RegistryProbe", "(no Location header)");
        reading.detail =
            QCoreApplication::translate("RegistryProbe",
                                        "%1 answers with a redirect (HTTP %2) to %3. A registry answers /v2/ itself, "
                                        "so the redirect was not followed.")
                .arg(url)
                .arg(answer.status)
                .arg(location);
        return reading;
    }
    const bool api = answer.speaksRegistryApi();
    const QByteArray challenge = answer.header("WWW-Authenticate").trimmed();
    if (answer.status == 401) {
        const bool known = challenge.startsWith("Bearer") || challenge.startsWith("bearer") ||
                           challenge.startsWith("Basic") || challenge.startsWith("basic");
        if (known) {
            const QString scheme = QString::fromLatin1(challenge.left(challenge.indexOf(' ')));
            const QString realm = realmOf(challenge);
            reading.kind = V2Reading::Credentials;
            reading.detail = realm.isEmpty()
                                 ? QCoreApplication::translate(
                                       "RegistryProbe", "%1 asks for credentials (%2 authentication, no realm given).")
                                       .arg(url, scheme)
                                 : QCoreApplication::translate("RegistryProbe",
                                                               "%1 asks for credentials (%2 authentication, realm %3).")
                                       .arg(url, scheme, realm);
            if (!api) {
                reading.detail += QLatin1Char(' ') + QCoreApplication::translate(
                                                         "RegistryProbe",
                                                         "It does not send the header Docker-Distribution-Api-Version: "
                                                         "registry/2.0, so it may not be a registry.");
            }
            return reading;
        }
        if (api) {
            reading.kind = V2Reading::Credentials;
            reading.detail = QCoreApplication::translate(
                                 "RegistryProbe", "%1 answers HTTP 401 but does not say how to log in (no usable "
                                                  "WWW-Authenticate header).")
                                 .arg(url);
            return reading;
        }
        reading.detail =
            QCoreApplication::translate("RegistryProbe", "%1 answers HTTP 401 without a WWW-Authenticate challenge and "
                                                         "without the header Docker-Distribution-Api-Version.")
                .arg(url);
        return reading;
    }
    if (answer.status == 200 && api) {
        reading.kind = V2Reading::Registry;
        reading.detail =
            QCoreApplication::translate("RegistryProbe", "%1 answers like a registry (HTTP 200, API registry/2.0).")
                .arg(url);
        return reading;
    }
    if (answer.status == 200) {
        reading.detail =
            QCoreApplication::translate("RegistryProbe",
                                        "%1 answers HTTP 200 but without the header "
                                        "Docker-Distribution-Api-Version: registry/2.0 that every registry sends.")
                .arg(url);
    } else if (answer.status == 404) {
        reading.detail = QCoreApplication::translate("RegistryProbe", "%1 answers HTTP 404: a web server, but no "
                                                                      "registry API on /v2/.")
                             .arg(url);
    } else {
        reading.detail = QCoreApplication::translate("RegistryProbe", "%1 answers HTTP %2 %3, not like a registry.")
                             .arg(url)
                             .arg(answer.status)
                             .arg(answer.reasonPhrase)
                             .replace(QStringLiteral("  "), QStringLiteral(" "));
    }
    reading.detail = joinSentences({reading.detail, cut});
    return reading;
}

// ---- input ----

const QRegularExpression &hostNamePattern() {
    // A DNS name as the distribution reference grammar allows it: labels of letters, digits and inner hyphens.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*$)"));
    return pattern;
}

bool isIpv4(const QString &text) {
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || value > 255 || (part.size() > 1 && part.startsWith(QLatin1Char('0'))))
            return false;
    }
    return true;
}

struct HostPort {
    QString host; ///< without brackets
    int port = -1;
};

/// Splits and checks "host[:port]"; the problem as a sentence when it is not that.
std::variant<HostPort, QString> parseHostPort(const QString &given) {
    const QString text = given.trimmed();
    if (text.isEmpty())
        return QCoreApplication::translate("RegistryProbe", "No registry was given; write it as host or host:port.");
    if (const qsizetype scheme = text.indexOf(QStringLiteral("://")); scheme >= 0) {
        QString rest = text.mid(scheme + 3);
        rest = rest.left(rest.indexOf(QLatin1Char('/')) < 0 ? rest.size() : rest.indexOf(QLatin1Char('/')));
        return QCoreApplication::translate("RegistryProbe",
                                           "Write the registry without a scheme: %1 instead of %2 (the probe tries "
                                           "HTTPS and then HTTP by itself).")
            .arg(quoted(rest), quoted(text));
    }
    if (const qsizetype slash = text.indexOf(QLatin1Char('/')); slash >= 0) {
        return QCoreApplication::translate("RegistryProbe", "Write only host[:port], without a path: %1 instead of %2.")
            .arg(quoted(text.left(slash)), quoted(text));
    }
    for (const QChar c : text) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return QCoreApplication::translate("RegistryProbe", "%1 has a space or a character that no host name has.")
                .arg(quoted(text));
        }
    }

    HostPort result;
    QString portText;
    bool hasPort = false;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return QCoreApplication::translate("RegistryProbe", "%1 opens a bracket but does not close it.")
                .arg(quoted(text));
        result.host = text.mid(1, close - 1);
        const QString after = text.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return QCoreApplication::translate("RegistryProbe",
                                                   "After the bracketed address only :port may follow in %1.")
                    .arg(quoted(text));
            hasPort = true;
            portText = after.mid(1);
        }
        QHostAddress address;
        if (result.host.contains(QLatin1Char('%')) || !address.setAddress(result.host) ||
            address.protocol() != QAbstractSocket::IPv6Protocol) {
            return QCoreApplication::translate("RegistryProbe", "%1 in brackets is not an IPv6 address.")
                .arg(quoted(result.host));
        }
    } else {
        const qsizetype colons = text.count(QLatin1Char(':'));
        if (colons > 1) {
            QHostAddress address;
            if (address.setAddress(text) && address.protocol() == QAbstractSocket::IPv6Protocol) {
                return QCoreApplication::translate("RegistryProbe",
                                                   "Write an IPv6 address in brackets: %1, with a port %2.")
                    .arg(quoted(QStringLiteral("[%1]").arg(text)), quoted(QStringLiteral("[%1]:5000").arg(text)));
            }
            return QCoreApplication::translate("RegistryProbe",
                                               "%1 has more than one colon; an IPv6 address must be written in "
                                               "brackets, as in “[fd00::1]:5000”.")
                .arg(quoted(text));
        }
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        result.host = colon < 0 ? text : text.left(colon);
        if (colon >= 0) {
            hasPort = true;
            portText = text.mid(colon + 1);
        }
        static const QRegularExpression numeric(QStringLiteral(R"(^[0-9.]+$)"));
        if (numeric.match(result.host).hasMatch()) {
            if (!isIpv4(result.host))
                return QCoreApplication::translate("RegistryProbe", "%1 is not an IPv4 address.")
                    .arg(quoted(result.host));
        } else if (result.host.size() > 253 || !hostNamePattern().match(result.host).hasMatch()) {
            return QCoreApplication::translate("RegistryProbe",
                                               "%1 is not a host name: use letters, digits, hyphens and dots.")
                .arg(quoted(result.host));
        } else {
            for (const QString &label : result.host.split(QLatin1Char('.'))) {
                if (label.size() > 63)
                    return QCoreApplication::translate("RegistryProbe", "%1 has a part longer than 63 characters.")
                        .arg(quoted(result.host));
            }
        }
    }
    if (hasPort) {
        static const QRegularExpression digits(QStringLiteral(R"(^[0-9]{1,5}$)"));
        const int port = digits.match(portText).hasMatch() ? portText.toInt() : 0;
        if (port < 1 || port > 65535)
            return QCoreApplication::translate("RegistryProbe", "The port %1 is not a number from 1 to 65535.")
                .arg(quoted(portText));
        result.port = port;
    }
    return result;
}

struct ImageParts {
    QString repository;
    QString reference; ///< tag or digest
};

/// Splits "host/name:tag" or "host/name@digest" against the registry; the problem as a sentence otherwise.
std::variant<ImageParts, QString> parseImage(const QString &given, const QString &registryHost) {
    const QString text = given.trimmed();
    const QString host = registryHost.trimmed();
    const QString example = QStringLiteral("%1/name:tag").arg(host);
    if (text.isEmpty())
        return QCoreApplication::translate("RegistryProbe", "No image was given; write it as %1.").arg(quoted(example));
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString first = slash < 0 ? QString() : text.left(slash);
    const bool namesRegistry = slash > 0 && (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) ||
                                             first.startsWith(QLatin1Char('[')) || first == u"localhost");
    if (!namesRegistry) {
        return QCoreApplication::translate("RegistryProbe",
                                           "The image %1 names no registry; write it with the registry in front, as "
                                           "%2.")
            .arg(quoted(text), quoted(QStringLiteral("%1/%2").arg(host, text)));
    }
    if (first.compare(host, Qt::CaseInsensitive) != 0) {
        return QCoreApplication::translate("RegistryProbe",
                                           "The image %1 is on another registry (%2), not on %3: it must start with "
                                           "%4.")
            .arg(quoted(text), quoted(first), quoted(host), quoted(host + QLatin1Char('/')));
    }
    QString rest = text.mid(slash + 1);
    QString reference;
    if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        reference = rest.mid(at + 1);
        rest = rest.left(at);
        static const QRegularExpression digest(
            QStringLiteral(R"(^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$)"));
        static const QRegularExpression sha256(QStringLiteral(R"(^sha256:[0-9a-f]{64}$)"));
        if (!digest.match(reference).hasMatch() ||
            (reference.startsWith(QLatin1String("sha256:")) && !sha256.match(reference).hasMatch())) {
            return QCoreApplication::translate("RegistryProbe",
                                               "The digest %1 is not of the form “sha256:” followed by 64 lowercase "
                                               "hexadecimal digits.")
                .arg(quoted(reference));
        }
        // A tag in front of a digest ("name:tag@sha256:…") is allowed; the digest decides.
        if (const qsizetype colon = rest.lastIndexOf(QLatin1Char(':')); colon >= 0)
            rest = rest.left(colon);
    } else if (const qsizetype colon = rest.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        reference = rest.mid(colon + 1);
        rest = rest.left(colon);
        static const QRegularExpression tag(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$)"));
        if (!tag.match(reference).hasMatch()) {
            return QCoreApplication::translate(
                       "RegistryProbe", "The tag %1 may have only letters, digits, “_”, “.” and “-” (not first), "
                                        "at most 128 characters.")
                .arg(quoted(reference));
        }
    } else {
        reference = QStringLiteral("latest"); // as every container runtime reads a reference without a tag
    }
    static const QRegularExpression component(QStringLiteral(R"(^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$)"));
    const QStringList components = rest.split(QLatin1Char('/'));
    for (const QString &part : components) {
        if (!component.match(part).hasMatch()) {
            return QCoreApplication::translate("RegistryProbe",
                                               "The repository name %1 may have only lowercase letters and digits, "
                                               "separated by “.”, “_”, “-” or “/”.")
                .arg(quoted(rest));
        }
    }
    if (first.size() + 1 + rest.size() > 255)
        return QCoreApplication::translate("RegistryProbe", "The image name %1 is longer than 255 characters.")
            .arg(quoted(text));
    return ImageParts{rest, reference};
}

} // namespace

// ---- the probe ----

struct RegistryProbe::State {
    explicit State(RegistryProbe *probe)
        : q(probe) {}

    RegistryProbe *q;
    QNetworkAccessManager *manager = nullptr;
    int timeoutMs = kDefaultTimeout;
    qint64 maxBody = kDefaultMaxBody;

    QHostAddress connectAddress; ///< null: resolve the name here

    bool running = false;
    quint64 generation = 0; ///< bumped by start() and abort(): late callbacks of an older run are dropped
    Result result;
    HostPort target;
    std::optional<ImageParts> image;

    QString scheme;                   ///< of the follow-up requests: "https" or "http"
    QList<QSslError> acceptedErrors;  ///< the certificate problems ignored for follow-up requests
    Answer httpsAnswer;               ///< the first attempt, for the words when HTTP is tried next
    QStringList notes;                ///< sentences added to the detail by the follow-up requests
    bool askedForCredentials = false; ///< /v2/ answered 401 with a challenge
    bool followedUp = false;          ///< the catalog (and image) requests were made

    // The request in flight.
    QPointer<QNetworkReply> current;
    Answer answer;
    std::function<void(const Answer &)> then;
    QTimer guard;

    QUrl url(const QString &urlScheme, const QString &path) const {
        QUrl u;
        u.setScheme(urlScheme);
        u.setHost(connectAddress.isNull() ? target.host : connectAddress.toString());
        if (target.port > 0)
            u.setPort(target.port);
        u.setPath(path);
        return u;
    }

    void send(const QString &urlScheme, const QString &path, bool head, std::function<void(const Answer &)> next) {
        QNetworkRequest request(url(urlScheme, path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setTransferTimeout(timeoutMs);
        request.setRawHeader("User-Agent", "kubespray-wizard-registry-probe");
        if (!connectAddress.isNull()) {
            // Talk to the address, but as to the name: virtual hosts, SNI and the certificate's name all see it.
            QString host =
                target.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(target.host) : target.host;
            if (target.port > 0)
                host += QLatin1Char(':') + QString::number(target.port);
            request.setRawHeader("Host", host.toLatin1());
            request.setPeerVerifyName(target.host);
        }
        if (head)
            request.setRawHeader("Accept", kManifestTypes);

        answer = Answer{};
        answer.url = request.url();
        then = std::move(next);
        QNetworkReply *reply = head ? manager->head(request) : manager->get(request);
        current = reply;

        QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this, reply] { takeMetaData(reply, true); });
        QObject::connect(reply, &QNetworkReply::readyRead, q, [this, reply] { readBody(reply); });
        QObject::connect(reply, &QNetworkReply::sslErrors, q, [this, reply](const QList<QSslError> &errors) {
            answer.sslErrors = errors;
            bool known = !acceptedErrors.isEmpty();
            for (const QSslError &error : errors)
                known = known && acceptedErrors.contains(error);
            if (known)
                reply->ignoreSslErrors(errors); // only the very problems reported to the user, nothing else
        });
        QObject::connect(reply, &QNetworkReply::finished, q, [this, reply] { finishRequest(reply); });
        guard.start(timeoutMs);
    }

    void takeMetaData(QNetworkReply *reply, bool mayAbort) {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        answer.status = status.toInt();
        answer.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        answer.headers = reply->rawHeaderPairs();
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (mayAbort && length.isValid() && length.toLongLong() > maxBody &&
            reply->operation() != QNetworkAccessManager::HeadOperation) {
            answer.tooLarge = true; // no need to wait for what will be cut off anyway
            reply->abort();
        }
    }

    void readBody(QNetworkReply *reply) {
        if (answer.tooLarge || answer.timedOut || !reply->isReadable())
            return;
        answer.body += reply->read(maxBody + 1 - answer.body.size());
        if (answer.body.size() > maxBody) {
            answer.body.truncate(maxBody);
            answer.tooLarge = true;
            reply->abort(); // emits finished() right away: nothing of `reply` may be used after this
        }
    }

    void onGuard() {
        if (!current)
            return;
        answer.timedOut = true;
        current->abort();
    }

    void finishRequest(QNetworkReply *reply) {
        if (reply != current)
            return;
        guard.stop();
        current = nullptr;
        QObject::disconnect(reply, nullptr, q, nullptr);
        if (answer.status == 0)
            takeMetaData(reply, false);
        if (!answer.tooLarge && !answer.timedOut && reply->isReadable()) {
            answer.body += reply->read(maxBody + 1 - answer.body.size());
            if (answer.body.size() > maxBody) {
                answer.body.truncate(maxBody);
                answer.tooLarge = true;
            }
        }
        answer.error = reply->error();
        answer.errorString = reply->errorString();
        reply->deleteLater();
        // Go on from the event loop, never from inside a signal of the reply.
        QMetaObject::invokeMethod(
            q,
            [this, done = answer, next = std::move(then), run = generation] {
                if (run == generation && running && next)
                    next(done);
            },
            Qt::QueuedConnection);
    }

    void stopCurrent() {
        guard.stop();
        if (QNetworkReply *reply = current) {
            current = nullptr;
            QObject::disconnect(reply, nullptr, q, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        then = nullptr;
    }

    // ---- the steps ----

    void begin() {
        send(QStringLiteral("https"), QStringLiteral("/v2/"), false, [this](const Answer &a) { onHttps(a); });
    }

    void onHttps(const Answer &a) {
        httpsAnswer = a;
        const Failure failure = failureOf(a);
        if (failure == Failure::None) {
            const V2Reading reading = readV2(a, maxBody, timeoutMs);
            scheme = QStringLiteral("https");
            askedForCredentials = reading.kind == V2Reading::Credentials;
            if (reading.kind == V2Reading::Registry) {
                result.verdict = Verdict::Https;
                result.detail = reading.detail;
                followUps();
            } else {
                result.verdict =
                    reading.kind == V2Reading::Credentials ? Verdict::NeedsCredentials : Verdict::NotARegistry;
                result.detail = reading.detail;
                finishWithoutFollowUps();
            }
            return;
        }
        if (failure == Failure::Certificate) {
            acceptedErrors = a.sslErrors;
            send(QStringLiteral("https"), QStringLiteral("/v2/"), false, [this](const Answer &b) { onUntrusted(b); });
            return;
        }
        if (failure == Failure::NameNotFound || (failure == Failure::Refused && target.port > 0)) {
            // The same name and port over HTTP cannot do better.
            result.verdict = Verdict::Unreachable;
            result.reason = reasonOf(failure);
            result.detail = failureSentence(a, timeoutMs);
            finishWithoutFollowUps();
            return;
        }
        send(QStringLiteral("http"), QStringLiteral("/v2/"), false, [this](const Answer &b) { onHttp(b); });
    }

    void onUntrusted(const Answer &a) {
        const QString certificate = failureSentence(httpsAnswer, timeoutMs);
        scheme = QStringLiteral("https");
        if (failureOf(a) != Failure::None) {
            result.verdict = Verdict::HttpsUntrusted;
            result.detail = joinSentences(
                {certificate,
                 QCoreApplication::translate("RegistryProbe", "Asked again ignoring that certificate problem: %1")
                     .arg(failureSentence(a, timeoutMs))});
            finishWithoutFollowUps();
            return;
        }
        const V2Reading reading = readV2(a, maxBody, timeoutMs);
        switch (reading.kind) {
        case V2Reading::Registry:
            result.verdict = Verdict::HttpsUntrusted;
            result.detail = certificate;
            followUps();
            return;
        case V2Reading::Credentials:
            askedForCredentials = true;
            // Trust comes first: without it no client gets as far as logging in.
            result.verdict = Verdict::HttpsUntrusted;
            result.detail = joinSentences({certificate, reading.detail});
            finishWithoutFollowUps();
            return;
        case V2Reading::NotARegistry:
            result.verdict = Verdict::NotARegistry;
            result.detail = joinSentences({reading.detail, certificate});
            finishWithoutFollowUps();
            return;
        }
    }

    void onHttp(const Answer &a) {
        const Failure httpsFailure = failureOf(httpsAnswer);
        const Failure failure = failureOf(a);
        const QString httpsSentence =
            QCoreApplication::translate("RegistryProbe", "HTTPS: %1").arg(failureSentence(httpsAnswer, timeoutMs));
        if (failure == Failure::None) {
            const V2Reading reading = readV2(a, maxBody, timeoutMs);
            scheme = QStringLiteral("http");
            const QString body = QString::fromUtf8(a.body);
            if (a.status == 400 && body.contains(QLatin1String("HTTP request to an HTTPS server"))) {
                result.verdict = Verdict::Unreachable;
                result.reason = reasonOf(httpsFailure);
                result.detail = joinSentences(
                    {QCoreApplication::translate("RegistryProbe",
                                                 "It speaks HTTPS (plain HTTP was answered with “Client sent an HTTP "
                                                 "request to an HTTPS server”), but HTTPS failed."),
                     httpsSentence});
                finishWithoutFollowUps();
                return;
            }
            switch (reading.kind) {
            case V2Reading::Registry:
                result.verdict = Verdict::HttpOnly;
                result.detail = joinSentences({reading.detail, httpsSentence});
                followUps();
                return;
            case V2Reading::Credentials:
                askedForCredentials = true;
                result.verdict = Verdict::NeedsCredentials;
                result.detail = joinSentences(
                    {reading.detail, QCoreApplication::translate("RegistryProbe", "It answers over plain HTTP only."),
                     httpsSentence});
                finishWithoutFollowUps();
                return;
            case V2Reading::NotARegistry:
                result.verdict = Verdict::NotARegistry;
                result.detail = joinSentences({reading.detail, httpsSentence});
                finishWithoutFollowUps();
                return;
            }
        }
        const QString httpSentence =
            QCoreApplication::translate("RegistryProbe", "HTTP: %1").arg(failureSentence(a, timeoutMs));
        const bool somethingListens = httpsFailure == Failure::Tls || httpsFailure == Failure::Closed ||
                                      failure == Failure::Closed || failure == Failure::Tls;
        if (somethingListens) {
            result.verdict = Verdict::NotARegistry;
            result.detail = joinSentences(
                {QCoreApplication::translate("RegistryProbe",
                                             "Something accepts connections but answers neither HTTPS nor HTTP."),
                 httpsSentence, httpSentence});
        } else {
            result.verdict = Verdict::Unreachable;
            result.reason = reasonOf(httpsFailure);
            result.detail = joinSentences({httpsSentence, httpSentence});
        }
        finishWithoutFollowUps();
    }

    void followUps() {
        followedUp = true;
        send(scheme, QStringLiteral("/v2/_catalog"), false, [this](const Answer &a) { onCatalog(a); });
    }

    void onCatalog(const Answer &a) {
        if (failureOf(a) != Failure::None) {
            notes << QCoreApplication::translate("RegistryProbe", "The catalog could not be read: %1")
                         .arg(failureSentence(a, timeoutMs));
        } else if (a.tooLarge || a.timedOut) {
            notes << QCoreApplication::translate("RegistryProbe", "The catalog could not be read: %1")
                         .arg(cutOffSentence(a, maxBody, timeoutMs));
        } else if (a.status == 401 || a.status == 403) {
            notes << QCoreApplication::translate("RegistryProbe",
                                                 "The catalog is not open without credentials (HTTP %1).")
                         .arg(a.status);
        } else if (a.status == 404) {
            notes << QCoreApplication::translate("RegistryProbe", "The registry offers no catalog (HTTP 404).");
        } else if (a.status != 200) {
            notes << QCoreApplication::translate("RegistryProbe", "The catalog could not be read (HTTP %1).")
                         .arg(a.status);
        } else {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(a.body, &error);
            const QJsonValue repositories = document.object().value(QStringLiteral("repositories"));
            if (error.error != QJsonParseError::NoError || !repositories.isArray()) {
                notes << QCoreApplication::translate("RegistryProbe",
                                                     "The catalog is not the JSON a registry sends (no list "
                                                     "“repositories”).");
            } else {
                result.catalogRead = true;
                for (const QJsonValue &name : repositories.toArray()) {
                    if (name.isString())
                        result.repositories << name.toString();
                }
                if (a.hasHeader("Link")) {
                    notes << QCoreApplication::translate("RegistryProbe",
                                                         "The catalog has more pages; only the first was read.");
                }
            }
        }
        checkImage();
    }

    void checkImage() {
        if (!image) {
            finish();
            return;
        }
        send(scheme, QStringLiteral("/v2/%1/manifests/%2").arg(image->repository, image->reference), true,
             [this](const Answer &a) { onImage(a); });
    }

    void onImage(const Answer &a) {
        const QString name = quoted(result.image.trimmed());
        if (failureOf(a) != Failure::None) {
            result.imageDetail = QCoreApplication::translate("RegistryProbe", "%1 could not be looked for: %2")
                                     .arg(name, failureSentence(a, timeoutMs));
        } else if (a.status == 200) {
            result.imageFound = true;
            const QString digest = QString::fromLatin1(a.header("Docker-Content-Digest"));
            const QString type = QString::fromLatin1(a.header("Content-Type"));
            result.imageDetail =
                digest.isEmpty()
                    ? QCoreApplication::translate("RegistryProbe", "%1 exists (%2).").arg(name, type)
                    : QCoreApplication::translate("RegistryProbe", "%1 exists (%2, %3).").arg(name, digest, type);
        } else if (a.status == 404) {
            result.imageFound = false;
            result.imageDetail =
                QCoreApplication::translate("RegistryProbe", "%1 was not found: the registry answers HTTP 404 for %2.")
                    .arg(name, a.url.path());
        } else if (a.status == 401 || a.status == 403) {
            result.imageDetail = QCoreApplication::translate(
                                     "RegistryProbe", "%1 could not be looked for without credentials (HTTP %2).")
                                     .arg(name)
                                     .arg(a.status);
        } else if (a.status >= 300 && a.status < 400) {
            result.imageDetail = QCoreApplication::translate(
                                     "RegistryProbe", "%1 could not be looked for: the registry redirects to %2, "
                                                      "which was not followed.")
                                     .arg(name, QString::fromUtf8(a.header("Location")));
        } else {
            result.imageDetail = QCoreApplication::translate("RegistryProbe", "%1 could not be looked for (HTTP %2).")
                                     .arg(name)
                                     .arg(a.status);
        }
        finish();
    }

    void finishWithoutFollowUps() {
        if (image) {
            result.imageDetail =
                askedForCredentials
                    ? QCoreApplication::translate("RegistryProbe",
                                                  "The image was not looked for: the registry needs credentials.")
                    : QCoreApplication::translate("RegistryProbe",
                                                  "The image was not looked for: no registry answered.");
        }
        finish();
    }

    void finish() {
        if (result.verdict == Verdict::HttpsUntrusted && followedUp) {
            notes << (image ? QCoreApplication::translate("RegistryProbe",
                                                          "The catalog and the image were read ignoring this "
                                                          "certificate problem, for this check only.")
                            : QCoreApplication::translate("RegistryProbe",
                                                          "The catalog was read ignoring this certificate problem, "
                                                          "for this check only."));
        }
        result.detail = joinSentences(QStringList{result.detail} + notes);
        running = false;
        ++generation;
        const Result done = result;
        emit q->finished(done); // the receiver may delete the probe: nothing of `this` is used after this line
    }
};

QString RegistryProbe::Result::verdictName(Verdict verdict) {
    switch (verdict) {
    case Verdict::Https:
        return QStringLiteral("https");
    case Verdict::HttpsUntrusted:
        return QStringLiteral("https-untrusted");
    case Verdict::HttpOnly:
        return QStringLiteral("http-only");
    case Verdict::Unreachable:
        return QStringLiteral("unreachable");
    case Verdict::NotARegistry:
        return QStringLiteral("not-a-registry");
    case Verdict::NeedsCredentials:
        return QStringLiteral("needs-credentials");
    case Verdict::InvalidInput:
        return QStringLiteral("invalid");
    }
    return {};
}

QString RegistryProbe::Result::summary() const {
    switch (verdict) {
    case Verdict::Https:
        return QCoreApplication::translate("RegistryProbe", "HTTPS: it answers on /v2/ over HTTPS with a trusted "
                                                            "certificate.");
    case Verdict::HttpsUntrusted:
        return QCoreApplication::translate("RegistryProbe", "HTTPS with an untrusted certificate: it answers on /v2/ "
                                                            "over HTTPS, but this machine does not trust its "
                                                            "certificate.");
    case Verdict::HttpOnly:
        return QCoreApplication::translate("RegistryProbe", "HTTP only: it answers plain HTTP on /v2/ and no HTTPS.");
    case Verdict::Unreachable:
        switch (reason) {
        case UnreachableReason::Refused:
            return QCoreApplication::translate("RegistryProbe", "Unreachable: the connection was refused.");
        case UnreachableReason::TimedOut:
            return QCoreApplication::translate("RegistryProbe", "Unreachable: no answer in time.");
        case UnreachableReason::NameNotFound:
            return QCoreApplication::translate("RegistryProbe", "Unreachable: the host name was not found.");
        case UnreachableReason::None:
        case UnreachableReason::Other:
            break;
        }
        return QCoreApplication::translate("RegistryProbe", "Unreachable: the registry could not be reached.");
    case Verdict::NotARegistry:
        return QCoreApplication::translate("RegistryProbe", "Not a registry: something answers, but not like a "
                                                            "registry on /v2/.");
    case Verdict::NeedsCredentials:
        return QCoreApplication::translate("RegistryProbe", "Needs credentials: it answers on /v2/ like a registry "
                                                            "but asks to log in.");
    case Verdict::InvalidInput:
        return QCoreApplication::translate("RegistryProbe", "Not checked: the registry or the image is not written "
                                                            "correctly.");
    }
    return {};
}

RegistryProbe::RegistryProbe(QObject *parent)
    : QObject(parent)
    , d(new State(this)) {
    d->manager = new QNetworkAccessManager(this);
    // A registry is probed the way a node pulls from it: directly, never through this desktop's proxy.
    d->manager->setProxy(QNetworkProxy::NoProxy);
    d->guard.setSingleShot(true);
    d->guard.setTimerType(Qt::PreciseTimer); // "no answer within N ms" means N, not N − 5 %
    connect(&d->guard, &QTimer::timeout, this, [this] { d->onGuard(); });
}

RegistryProbe::~RegistryProbe() {
    d->running = false;
    d->stopCurrent();
    delete d;
}

void RegistryProbe::setTimeout(int milliseconds) {
    d->timeoutMs = qMax(1, milliseconds);
}

void RegistryProbe::setMaxBodyBytes(qint64 bytes) {
    d->maxBody = qMax<qint64>(1, bytes);
}

void RegistryProbe::setConnectAddress(const QString &address) {
    d->connectAddress = address.isEmpty() ? QHostAddress() : QHostAddress(address);
}

QString RegistryProbe::Resolution::viaName(Via via) {
    switch (via) {
    case Via::Literal:
        return QStringLiteral("address");
    case Via::SystemResolver:
        return QStringLiteral("system-resolver");
    case Via::CompanyDns:
        return QStringLiteral("company-dns");
    case Via::ProfileAddress:
        return QStringLiteral("profile-address");
    }
    return {};
}

QString RegistryProbe::Resolution::sentence() const {
    switch (via) {
    case Via::Literal:
        break;
    case Via::SystemResolver:
        return QCoreApplication::translate("RegistryProbe", "%1 was resolved by this machine's resolver.").arg(name);
    case Via::CompanyDns:
        return QCoreApplication::translate("RegistryProbe",
                                           "Reached at %1, the address the company DNS %2 gives for %3 (the name "
                                           "went along as HTTP Host and TLS server name).")
            .arg(address, dnsServer, name);
    case Via::ProfileAddress:
        return companyDnsAsked
                   ? QCoreApplication::translate("RegistryProbe",
                                                 "Reached at %1, the site profile's address for it: no company DNS "
                                                 "server of the profile resolved %2 (the name went along as HTTP Host "
                                                 "and TLS server name).")
                         .arg(address, name)
                   : QCoreApplication::translate("RegistryProbe",
                                                 "Reached at %1, the site profile's address for it, without asking "
                                                 "this machine's resolver for %2: the profile names no company DNS "
                                                 "server (the name went along as HTTP Host and TLS server name).")
                         .arg(address, name);
    }
    return {};
}

void RegistryProbe::start(const QString &hostPort, const QString &imageReference) {
    abort();
    d->running = true;
    d->result = Result{};
    d->result.host = hostPort;
    d->result.image = imageReference;
    d->image.reset();
    d->scheme.clear();
    d->acceptedErrors.clear();
    d->httpsAnswer = Answer{};
    d->notes.clear();
    d->askedForCredentials = false;
    d->followedUp = false;

    std::optional<QString> problem;
    const auto host = parseHostPort(hostPort);
    if (const auto *text = std::get_if<QString>(&host)) {
        problem = *text;
    } else {
        d->target = std::get<HostPort>(host);
        Resolution &resolution = d->result.resolution;
        resolution.name = d->target.host;
        if (!QHostAddress(d->target.host).isNull())
            resolution.via = Resolution::Via::Literal;
        else if (!d->connectAddress.isNull())
            resolution.address = d->connectAddress.toString();
        if (!imageReference.trimmed().isEmpty()) {
            const auto parts = parseImage(imageReference, hostPort);
            if (const auto *imageText = std::get_if<QString>(&parts))
                problem = *imageText;
            else
                d->image = std::get<ImageParts>(parts);
        }
    }
    if (problem) {
        d->result.verdict = Verdict::InvalidInput;
        d->result.detail = *problem;
        QTimer::singleShot(0, this, [this, run = d->generation] {
            if (run == d->generation && d->running)
                d->finish();
        });
        return;
    }
    d->begin();
}

bool RegistryProbe::isRunning() const {
    return d->running;
}

void RegistryProbe::abort() {
    d->running = false;
    ++d->generation;
    d->stopCurrent();
}

std::optional<QString> RegistryProbe::hostProblem(const QString &hostPort) {
    const auto parsed = parseHostPort(hostPort);
    if (const auto *text = std::get_if<QString>(&parsed))
        return *text;
    return std::nullopt;
}

std::optional<std::pair<QString, QString>> RegistryProbe::splitImage(const QString &imageReference,
                                                                     const QString &registryHost) {
    const auto parsed = parseImage(imageReference, registryHost);
    if (const auto *parts = std::get_if<ImageParts>(&parsed))
        return std::pair{parts->repository, parts->reference};
    return std::nullopt;
}

} // namespace ksw
