// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// A STAND-IN for a Kubernetes API server, implemented by the tests: no real API server can run on this machine
// (PLATFORM.md), so this small HTTP/1.1 server on 127.0.0.1 answers exactly what the real `kubectl` asks while the
// Verifier runs a job — discovery, create a Job, get it, list its pods by label, list events by field, read a
// container log, delete the Job — and records every request. It lives in the test's own event loop (the Verifier
// runs kubectl asynchronously, so the loop is free to serve it). Plain HTTP, no authentication: the kubeconfig it
// writes says `server: http://127.0.0.1:PORT`. The pod's life is a script per scenario that advances by one step
// each time the job is read (once per poll of the Verifier).

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

namespace ksw::test {

class KubeApiStandIn : public QObject {
public:
    enum class Scenario {
        Success,          ///< Pending → Running → Succeeded (exit code 0), job Complete
        HttpOnlyRegistry, ///< ErrImagePull / ImagePullBackOff: the registry answers HTTP to an HTTPS client
        DnsFailure,       ///< runs, "wget: bad address '…'", exit code 1, job Failed (BackoffLimitExceeded)
        RangeTimeout,     ///< runs, "dial tcp 10.233.90.120:80: i/o timeout", exit code 1, job Failed
        NeverCompletes,   ///< Running forever
        CreateForbidden,  ///< the POST of the job is refused (403)
        JobVanishes,      ///< the job is created, then reading it says NotFound (someone deleted it)
    };

    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray accept;
        QByteArray body;
    };

    static constexpr auto kRegistryError =
        "failed to do request: Head "
        "\"https://docker-registry.hideichi.as.a.service.com/v2/someapp/manifests/latest\": http: server gave HTTP "
        "response to HTTPS client";

    explicit KubeApiStandIn(Scenario scenario = Scenario::Success)
        : m_scenario(scenario) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool start() { return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0); }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    void setScenario(Scenario scenario) { m_scenario = scenario; }

    /// A kubeconfig naming this stand-in, written by hand: Debian's kubectl 1.20 panics on `config set-credentials`.
    QByteArray kubeconfig() const {
        return QStringLiteral("apiVersion: v1\n"
                              "kind: Config\n"
                              "clusters:\n"
                              "- name: stand-in\n"
                              "  cluster:\n"
                              "    server: %1\n"
                              "contexts:\n"
                              "- name: stand-in\n"
                              "  context:\n"
                              "    cluster: stand-in\n"
                              "    user: stand-in\n"
                              "    namespace: default\n"
                              "current-context: stand-in\n"
                              "preferences: {}\n"
                              "users:\n"
                              "- name: stand-in\n"
                              "  user: {}\n")
            .arg(url())
            .toUtf8();
    }

    const QList<Request> &requests() const { return m_requests; }
    int jobReads() const { return m_jobReads; }
    QString createdJobName() const { return m_jobName; }
    QJsonObject createdJob() const { return m_job; }
    QString podName() const { return m_podName; }
    /// The DELETE of the job, if one came.
    const Request *deletion() const {
        for (const Request &request : m_requests) {
            if (request.method == "DELETE" && !m_jobName.isEmpty() &&
                request.path.endsWith(QLatin1Char('/') + m_jobName))
                return &request;
        }
        return nullptr;
    }
    int count(const QByteArray &method, const QString &pathPart) const {
        int n = 0;
        for (const Request &request : m_requests)
            n += request.method == method && request.path.contains(pathPart) ? 1 : 0;
        return n;
    }
    /// Every request as "METHOD path?query", for failure messages.
    QString transcript() const {
        QStringList lines;
        for (const Request &request : m_requests) {
            lines << QStringLiteral("%1 %2%3").arg(
                QString::fromLatin1(request.method), request.path,
                request.query.isEmpty() ? QString() : QLatin1Char('?') + request.query.toString());
        }
        return lines.join(QLatin1Char('\n'));
    }

private:
    struct Connection {
        QPointer<QTcpSocket> socket;
        QByteArray buffer;
    };

    void serve(QTcpSocket *socket) {
        auto *buffer = new QByteArray;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            while (true) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                qsizetype length = 0;
                Request request;
                request.method = first.value(0);
                for (const QByteArray &line : lines.mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    if (name == "content-length")
                        length = value.toLongLong();
                    else if (name == "accept")
                        request.accept = value;
                }
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                request.body = buffer->mid(headerEnd + 4, length);
                buffer->remove(0, headerEnd + 4 + length);
                const QUrl target(QString::fromLatin1(first.value(1)));
                request.path = target.path();
                request.query = QUrlQuery(target);
                m_requests << request;
                if (qEnvironmentVariableIsSet("KSW_STANDIN_DEBUG"))
                    std::fprintf(stderr, "stand-in: %s %s\n", request.method.constData(), first.value(1).constData());
                answer(socket, request);
            }
        });
    }

    static void reply(QTcpSocket *socket, int status, const QByteArray &body,
                      const QByteArray &type = QByteArrayLiteral("application/json")) {
        const char *phrase = status == 200   ? "OK"
                             : status == 201 ? "Created"
                             : status == 404 ? "Not Found"
                             : status == 403 ? "Forbidden"
                                             : "Bad Request";
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + phrase + "\r\nContent-Type: " + type +
                          "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head + body);
    }
    static void replyJson(QTcpSocket *socket, int status, const QJsonObject &object) {
        reply(socket, status, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    static QJsonObject statusObject(int code, const QString &reason, const QString &message) {
        return {{QStringLiteral("kind"), QStringLiteral("Status")},
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("metadata"), QJsonObject()},
                {QStringLiteral("status"), QStringLiteral("Failure")},
                {QStringLiteral("message"), message},
                {QStringLiteral("reason"), reason},
                {QStringLiteral("code"), code}};
    }
    static QJsonObject resource(const QString &name, const QString &kind, bool namespaced, const QStringList &verbs) {
        return {{QStringLiteral("name"), name},
                {QStringLiteral("singularName"), QString()},
                {QStringLiteral("namespaced"), namespaced},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)}};
    }
    static QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }

    void answer(QTcpSocket *socket, const Request &request) {
        const QString &path = request.path;
        const QString jobs = QStringLiteral("/apis/batch/v1/namespaces/default/jobs");
        const QString pods = QStringLiteral("/api/v1/namespaces/default/pods");
        const QStringList all{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
                              QStringLiteral("list"), QStringLiteral("watch")};
        if (request.method == "GET" && path == QLatin1String("/version")) {
            // Asked before every call by the kubectl that picks a binary matching the server's version.
            replyJson(socket, 200,
                      {{QStringLiteral("major"), QStringLiteral("1")},
                       {QStringLiteral("minor"), QStringLiteral("32")},
                       {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0")},
                       {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
        } else if (request.method == "GET" && path == QLatin1String("/api")) {
            replyJson(socket, 200,
                      {{QStringLiteral("kind"), QStringLiteral("APIVersions")},
                       {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
                       {QStringLiteral("serverAddressByClientCIDRs"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                            {QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1:%1").arg(port())}}}}});
        } else if (request.method == "GET" && path == QLatin1String("/apis")) {
            const QJsonObject version{{QStringLiteral("groupVersion"), QStringLiteral("batch/v1")},
                                      {QStringLiteral("version"), QStringLiteral("v1")}};
            replyJson(
                socket, 200,
                {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                 {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                 {QStringLiteral("groups"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("batch")},
                                                                   {QStringLiteral("versions"), QJsonArray{version}},
                                                                   {QStringLiteral("preferredVersion"), version}}}}});
        } else if (request.method == "GET" && path == QLatin1String("/api/v1")) {
            replyJson(
                socket, 200,
                {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                 {QStringLiteral("groupVersion"), QStringLiteral("v1")},
                 {QStringLiteral("resources"),
                  QJsonArray{resource(QStringLiteral("pods"), QStringLiteral("Pod"), true, all),
                             resource(QStringLiteral("pods/log"), QStringLiteral("Pod"), true, {QStringLiteral("get")}),
                             resource(QStringLiteral("events"), QStringLiteral("Event"), true, all),
                             resource(QStringLiteral("namespaces"), QStringLiteral("Namespace"), false, all)}}});
        } else if (request.method == "GET" && path == QLatin1String("/apis/batch/v1")) {
            replyJson(socket, 200,
                      {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groupVersion"), QStringLiteral("batch/v1")},
                       {QStringLiteral("resources"),
                        QJsonArray{resource(QStringLiteral("jobs"), QStringLiteral("Job"), true, all),
                                   resource(QStringLiteral("jobs/status"), QStringLiteral("Job"), true,
                                            {QStringLiteral("get")})}}});
        } else if (request.method == "POST" && path == jobs) {
            createJob(socket, request);
        } else if (request.method == "GET" && !m_jobName.isEmpty() && path == jobs + QLatin1Char('/') + m_jobName) {
            if (m_deleted || m_scenario == Scenario::JobVanishes) {
                replyJson(socket, 404,
                          statusObject(404, QStringLiteral("NotFound"),
                                       QStringLiteral("jobs.batch \"%1\" not found").arg(m_jobName)));
                return;
            }
            ++m_jobReads;
            replyJson(socket, 200, jobObject());
        } else if (request.method == "DELETE" && !m_jobName.isEmpty() && path == jobs + QLatin1Char('/') + m_jobName) {
            m_deleted = true;
            QJsonObject job = jobObject();
            QJsonObject metadata = job.value(QStringLiteral("metadata")).toObject();
            metadata.insert(QStringLiteral("deletionTimestamp"), now());
            job.insert(QStringLiteral("metadata"), metadata);
            replyJson(socket, 200, job);
        } else if (request.method == "GET" && path == pods) {
            QJsonArray items;
            if (!m_jobName.isEmpty() && !m_deleted &&
                request.query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded) ==
                    QStringLiteral("job-name=%1").arg(m_jobName) &&
                m_jobReads > 0)
                items << podObject();
            replyJson(socket, 200, list(QStringLiteral("PodList"), items));
        } else if (request.method == "GET" && !m_podName.isEmpty() && path == pods + QLatin1Char('/') + m_podName) {
            replyJson(socket, 200, podObject());
        } else if (request.method == "GET" && !m_podName.isEmpty() &&
                   path == pods + QLatin1Char('/') + m_podName + QStringLiteral("/log")) {
            const QByteArray log = logText();
            if (log.isNull()) {
                replyJson(socket, 400,
                          statusObject(400, QStringLiteral("BadRequest"),
                                       QStringLiteral("container \"verify\" in pod \"%1\" is waiting to start: "
                                                      "trying and failing to pull image")
                                           .arg(m_podName)));
            } else {
                reply(socket, 200, log, QByteArrayLiteral("text/plain"));
            }
        } else if (request.method == "GET" && path == QLatin1String("/api/v1/namespaces/default/events")) {
            const QString selector = request.query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded);
            QJsonArray items;
            for (const QJsonObject &event : events()) {
                if (selector == QStringLiteral("involvedObject.name=%1")
                                    .arg(event.value(QStringLiteral("involvedObject"))
                                             .toObject()
                                             .value(QStringLiteral("name"))
                                             .toString()))
                    items << event;
            }
            replyJson(socket, 200, list(QStringLiteral("EventList"), items));
        } else {
            replyJson(socket, 404,
                      statusObject(404, QStringLiteral("NotFound"),
                                   QStringLiteral("the server could not find the requested resource")));
        }
    }

    static QJsonObject list(const QString &kind, const QJsonArray &items) {
        return {{QStringLiteral("kind"), kind},
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("1")}}},
                {QStringLiteral("items"), items}};
    }

    void createJob(QTcpSocket *socket, const Request &request) {
        if (m_scenario == Scenario::CreateForbidden) {
            replyJson(socket, 403,
                      statusObject(403, QStringLiteral("Forbidden"),
                                   QStringLiteral("jobs.batch is forbidden: User \"newcomer\" cannot create resource "
                                                  "\"jobs\" in API group \"batch\" in the namespace \"default\"")));
            return;
        }
        m_job = QJsonDocument::fromJson(request.body).object();
        m_jobName = m_job.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        m_podName = m_jobName + QStringLiteral("-x7k2q");
        m_created = now();
        replyJson(socket, 201, jobObject());
    }

    /// The pod's step in its scripted life: 1 is the first poll.
    int stepNow() const { return m_jobReads; }

    enum class PodPhase { Creating, Running, Succeeded, Failed, PullError, PullBackOff };
    PodPhase phase() const {
        const int step = stepNow();
        switch (m_scenario) {
        case Scenario::Success:
            return step <= 1 ? PodPhase::Creating : step == 2 ? PodPhase::Running : PodPhase::Succeeded;
        case Scenario::HttpOnlyRegistry:
            return step <= 1 ? PodPhase::Creating : step % 2 == 0 ? PodPhase::PullError : PodPhase::PullBackOff;
        case Scenario::DnsFailure:
        case Scenario::RangeTimeout:
            return step <= 1 ? PodPhase::Creating : step == 2 ? PodPhase::Running : PodPhase::Failed;
        case Scenario::NeverCompletes:
        case Scenario::CreateForbidden:
        case Scenario::JobVanishes:
            break;
        }
        return step <= 1 ? PodPhase::Creating : PodPhase::Running;
    }

    QByteArray pullError() const {
        const QString image = QStringLiteral("docker-registry.hideichi.as.a.service.com/someapp:latest");
        return QStringLiteral("failed to pull and unpack image \"%1\": failed to resolve reference \"%1\": %2")
            .arg(image, QString::fromLatin1(kRegistryError))
            .toUtf8();
    }

    QJsonObject jobObject() const {
        QJsonObject job = m_job;
        QJsonObject metadata = job.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("uid"), QStringLiteral("0b5c2c5e-7d1e-4a57-9c61-8f1a1e0c0001"));
        metadata.insert(QStringLiteral("creationTimestamp"), m_created);
        metadata.insert(QStringLiteral("resourceVersion"), QString::number(100 + m_jobReads));
        metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
        job.insert(QStringLiteral("metadata"), metadata);
        job.insert(QStringLiteral("apiVersion"), QStringLiteral("batch/v1"));
        job.insert(QStringLiteral("kind"), QStringLiteral("Job"));
        QJsonObject status{{QStringLiteral("startTime"), m_created}};
        const PodPhase now = phase();
        if (now == PodPhase::Succeeded) {
            status.insert(QStringLiteral("succeeded"), 1);
            status.insert(
                QStringLiteral("conditions"),
                QJsonArray{condition(QStringLiteral("SuccessCriteriaMet"), QStringLiteral("CompletionsReached"),
                                     QStringLiteral("Reached expected number of succeeded pods")),
                           condition(QStringLiteral("Complete"), QStringLiteral("CompletionsReached"),
                                     QStringLiteral("Reached expected number of succeeded pods"))});
        } else if (now == PodPhase::Failed) {
            status.insert(QStringLiteral("failed"), 1);
            status.insert(QStringLiteral("conditions"),
                          QJsonArray{condition(QStringLiteral("Failed"), QStringLiteral("BackoffLimitExceeded"),
                                               QStringLiteral("Job has reached the specified backoff limit"))});
        } else {
            status.insert(QStringLiteral("active"), 1);
        }
        job.insert(QStringLiteral("status"), status);
        return job;
    }

    QJsonObject condition(const QString &type, const QString &reason, const QString &message) const {
        return {{QStringLiteral("type"), type},
                {QStringLiteral("status"), QStringLiteral("True")},
                {QStringLiteral("reason"), reason},
                {QStringLiteral("message"), message},
                {QStringLiteral("lastProbeTime"), m_created},
                {QStringLiteral("lastTransitionTime"), m_created}};
    }

    QJsonObject podObject() const {
        const QString image = m_job.value(QStringLiteral("spec"))
                                  .toObject()
                                  .value(QStringLiteral("template"))
                                  .toObject()
                                  .value(QStringLiteral("spec"))
                                  .toObject()
                                  .value(QStringLiteral("containers"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("image"))
                                  .toString();
        QJsonObject state;
        QString podPhase = QStringLiteral("Pending");
        switch (phase()) {
        case PodPhase::Creating:
            state = {{QStringLiteral("waiting"),
                      QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}}};
            break;
        case PodPhase::Running:
            podPhase = QStringLiteral("Running");
            state = {{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), m_created}}}};
            break;
        case PodPhase::Succeeded:
        case PodPhase::Failed: {
            const bool ok = phase() == PodPhase::Succeeded;
            podPhase = ok ? QStringLiteral("Succeeded") : QStringLiteral("Failed");
            state = {
                {QStringLiteral("terminated"),
                 QJsonObject{{QStringLiteral("exitCode"), ok ? 0 : 1},
                             {QStringLiteral("reason"), ok ? QStringLiteral("Completed") : QStringLiteral("Error")},
                             {QStringLiteral("startedAt"), m_created},
                             {QStringLiteral("finishedAt"), m_created}}}};
            break;
        }
        case PodPhase::PullError:
            state = {
                {QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("ErrImagePull")},
                                                        {QStringLiteral("message"), QString::fromUtf8(pullError())}}}};
            break;
        case PodPhase::PullBackOff:
            state = {
                {QStringLiteral("waiting"),
                 QJsonObject{{QStringLiteral("reason"), QStringLiteral("ImagePullBackOff")},
                             {QStringLiteral("message"), QStringLiteral("Back-off pulling image \"%1\"").arg(image)}}}};
            break;
        }
        const QJsonObject container{{QStringLiteral("name"), QStringLiteral("verify")},
                                    {QStringLiteral("image"), image},
                                    {QStringLiteral("ready"), phase() == PodPhase::Running},
                                    {QStringLiteral("restartCount"), 0},
                                    {QStringLiteral("state"), state}};
        const QJsonObject labels{
            {QStringLiteral("job-name"), m_jobName},
            {QStringLiteral("batch.kubernetes.io/job-name"), m_jobName},
            {QStringLiteral("controller-uid"), QStringLiteral("0b5c2c5e-7d1e-4a57-9c61-8f1a1e0c0001")}};
        return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("Pod")},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), m_podName},
                                                         {QStringLiteral("namespace"), QStringLiteral("default")},
                                                         {QStringLiteral("creationTimestamp"), m_created},
                                                         {QStringLiteral("labels"), labels}}},
                {QStringLiteral("spec"),
                 QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                             {QStringLiteral("nodeName"), QStringLiteral("node1")},
                             {QStringLiteral("containers"),
                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("verify")},
                                                     {QStringLiteral("image"), image}}}}}},
                {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), podPhase},
                                                       {QStringLiteral("podIP"), QStringLiteral("10.233.102.131")},
                                                       {QStringLiteral("containerStatuses"), QJsonArray{container}}}}};
    }

    /// The container's log; a null array when the container never started (kubectl then gets a 400).
    QByteArray logText() const {
        switch (m_scenario) {
        case Scenario::Success:
            return QByteArrayLiteral("Connecting to docker-registry.hideichi.as.a.service.com (10.233.90.120:80)\n"
                                     "saving to '/dev/null'\nverification passed\n");
        case Scenario::HttpOnlyRegistry:
        case Scenario::CreateForbidden:
        case Scenario::JobVanishes:
            return {};
        case Scenario::DnsFailure:
            return QByteArrayLiteral("wget: bad address 'coredns.hideichi.as.a.service.com'\n");
        case Scenario::RangeTimeout:
            return QByteArrayLiteral(
                "checking the registry\n"
                "Get \"http://10.233.90.120/v2/_catalog\": dial tcp 10.233.90.120:80: i/o timeout\n");
        case Scenario::NeverCompletes:
            break;
        }
        return QByteArrayLiteral("still working\n");
    }

    QJsonObject event(const QString &object, const QString &kind, const QString &type, const QString &reason,
                      const QString &message, int second) const {
        const QString time = QDateTime::fromString(m_created, Qt::ISODate).addSecs(second).toString(Qt::ISODate);
        return {
            {QStringLiteral("kind"), QStringLiteral("Event")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("%1.%2").arg(object).arg(second)},
                         {QStringLiteral("namespace"), QStringLiteral("default")}}},
            {QStringLiteral("involvedObject"), QJsonObject{{QStringLiteral("kind"), kind},
                                                           {QStringLiteral("name"), object},
                                                           {QStringLiteral("namespace"), QStringLiteral("default")}}},
            {QStringLiteral("type"), type},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message},
            {QStringLiteral("count"), 1},
            {QStringLiteral("firstTimestamp"), time},
            {QStringLiteral("lastTimestamp"), time}};
    }

    QList<QJsonObject> events() const {
        if (m_jobName.isEmpty())
            return {};
        const QString image = QStringLiteral("docker-registry.hideichi.as.a.service.com/someapp:latest");
        const QString pod = m_podName;
        const QString normal = QStringLiteral("Normal");
        const QString warning = QStringLiteral("Warning");
        // Listed newest first on purpose: the Verifier must sort by time.
        QList<QJsonObject> list;
        switch (m_scenario) {
        case Scenario::HttpOnlyRegistry:
            list << event(pod, QStringLiteral("Pod"), warning, QStringLiteral("Failed"),
                          QStringLiteral("Error: ImagePullBackOff"), 8)
                 << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("BackOff"),
                          QStringLiteral("Back-off pulling image \"%1\"").arg(image), 7)
                 << event(pod, QStringLiteral("Pod"), warning, QStringLiteral("Failed"),
                          QStringLiteral("Error: ErrImagePull"), 6)
                 << event(pod, QStringLiteral("Pod"), warning, QStringLiteral("Failed"),
                          QStringLiteral("Failed to pull image \"%1\": %2").arg(image, QString::fromUtf8(pullError())),
                          5)
                 << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Pulling"),
                          QStringLiteral("Pulling image \"%1\"").arg(image), 2);
            break;
        case Scenario::DnsFailure:
        case Scenario::RangeTimeout:
            list << event(m_jobName, QStringLiteral("Job"), warning, QStringLiteral("BackoffLimitExceeded"),
                          QStringLiteral("Job has reached the specified backoff limit"), 9)
                 << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Started"),
                          QStringLiteral("Started container verify"), 4)
                 << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Pulled"),
                          QStringLiteral("Successfully pulled image \"%1\" in 120ms").arg(image), 3);
            break;
        default:
            list << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Started"),
                          QStringLiteral("Started container verify"), 4)
                 << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Pulled"),
                          QStringLiteral("Container image \"%1\" already present on machine").arg(image), 3);
            break;
        }
        list << event(pod, QStringLiteral("Pod"), normal, QStringLiteral("Scheduled"),
                      QStringLiteral("Successfully assigned default/%1 to node1").arg(pod), 1)
             << event(m_jobName, QStringLiteral("Job"), normal, QStringLiteral("SuccessfulCreate"),
                      QStringLiteral("Created pod: %1").arg(pod), 0);
        return list;
    }

    QTcpServer m_server;
    Scenario m_scenario;
    QList<Request> m_requests;
    QJsonObject m_job;
    QString m_jobName;
    QString m_podName;
    QString m_created;
    int m_jobReads = 0;
    bool m_deleted = false;
};

} // namespace ksw::test
