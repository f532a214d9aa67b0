// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "run/AnsibleEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

namespace ksw {

namespace {

/// Same limits as the callback plugin, so both sources give the same message.
constexpr qsizetype MessageLimit = 2000;
constexpr qsizetype StderrLines = 5;

struct TypeName {
    AnsibleEvent::Type type;
    const char *name;
};

constexpr TypeName TypeNames[] = {
    {AnsibleEvent::Type::PlaybookStart, "playbook_start"},
    {AnsibleEvent::Type::PlayStart, "play_start"},
    {AnsibleEvent::Type::TaskStart, "task_start"},
    {AnsibleEvent::Type::HostResult, "host_result"},
    {AnsibleEvent::Type::Stats, "stats"},
    {AnsibleEvent::Type::PlaybookEnd, "playbook_end"},
};

struct StatusName {
    HostStatus status;
    const char *name;
};

constexpr StatusName StatusNames[] = {
    {HostStatus::Ok, "ok"},           {HostStatus::Changed, "changed"},         {HostStatus::Failed, "failed"},
    {HostStatus::Skipped, "skipped"}, {HostStatus::Unreachable, "unreachable"}, {HostStatus::Ignored, "ignored"},
};

QString valueText(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        const auto integer = static_cast<qint64>(number);
        return static_cast<double>(integer) == number ? QString::number(integer) : QString::number(number);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

bool truthy(const QJsonValue &value) {
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0;
    if (value.isString())
        return !value.toString().isEmpty();
    return false;
}

/// The plugin's _failure_message: a loop's first failed item, else msg, then the first lines of stderr, else rc.
QString failureMessage(const QJsonObject &result) {
    const QJsonValue items = result.value(QLatin1String("results"));
    if (items.isArray()) {
        for (const QJsonValue &item : items.toArray()) {
            const QJsonObject object = item.toObject();
            if (truthy(object.value(QLatin1String("failed"))) || truthy(object.value(QLatin1String("unreachable")))) {
                const QString sub = failureMessage(object);
                if (!sub.isEmpty())
                    return sub;
            }
        }
    }
    QStringList parts;
    const QString msg = valueText(result.value(QLatin1String("msg"))).trimmed();
    if (!msg.isEmpty())
        parts << msg;
    const QString stderrText = valueText(result.value(QLatin1String("stderr"))).trimmed();
    if (!stderrText.isEmpty()) {
        QStringList lines = stderrText.split(QLatin1Char('\n'));
        for (QString &line : lines) {
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
        }
        parts << lines.mid(0, StderrLines).join(QLatin1Char('\n'));
    }
    const QJsonValue rc = result.value(QLatin1String("rc"));
    if (parts.isEmpty() && !rc.isUndefined() && !rc.isNull())
        parts << QStringLiteral("rc=%1").arg(valueText(rc));
    return parts.join(QLatin1Char('\n')).left(MessageLimit);
}

/// The JSON object that follows "=> " in a result line, or nothing.
std::optional<QJsonObject> resultObject(const QString &rest) {
    // The result follows the first "=> {" unless an item's text holds one too; a few tries cover that, and keep
    // a line full of "=> {" (a task's output quoted in its result) from costing a JSON parse per occurrence.
    constexpr int MaxTries = 4;
    qsizetype from = 0;
    for (int tries = 0; tries < MaxTries; ++tries) {
        const qsizetype at = rest.indexOf(QLatin1String("=> {"), from);
        if (at < 0)
            return std::nullopt;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(rest.mid(at + 3).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
        from = at + 1;
    }
    return std::nullopt;
}

QString messageOf(const QString &rest) {
    if (const auto object = resultObject(rest))
        return failureMessage(*object);
    const qsizetype arrow = rest.indexOf(QLatin1String("=> "));
    return (arrow >= 0 ? rest.mid(arrow + 3) : rest).trimmed().left(MessageLimit);
}

int countOf(const QJsonObject &object, const char *key) {
    return object.value(QLatin1String(key)).toInt(0);
}

} // namespace

QString hostStatusName(HostStatus status) {
    for (const StatusName &entry : StatusNames) {
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<HostStatus> hostStatusFromName(QStringView name) {
    for (const StatusName &entry : StatusNames) {
        if (name == QLatin1String(entry.name))
            return entry.status;
    }
    return std::nullopt;
}

QString AnsibleEvent::typeName(Type type) {
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<AnsibleEvent> parseEventLine(QByteArrayView json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.trimmed().toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QString eventName = object.value(QLatin1String("event")).toString();
    std::optional<AnsibleEvent::Type> type;
    for (const TypeName &entry : TypeNames) {
        if (eventName == QLatin1String(entry.name))
            type = entry.type;
    }
    if (!type)
        return std::nullopt;

    AnsibleEvent event;
    event.type = *type;
    const auto text = [&object](const char *key) {
        return object.value(QLatin1String(key)).toString();
    };
    switch (event.type) {
    case AnsibleEvent::Type::PlaybookStart:
        event.playbook = text("playbook");
        break;
    case AnsibleEvent::Type::PlayStart:
        event.name = text("name");
        for (const QJsonValue &host : object.value(QLatin1String("hosts")).toArray())
            event.hosts << host.toString();
        break;
    case AnsibleEvent::Type::TaskStart:
        event.name = text("name");
        event.role = text("role");
        event.path = text("path");
        event.uuid = text("uuid");
        event.handler = object.value(QLatin1String("handler")).toBool(false);
        break;
    case AnsibleEvent::Type::HostResult: {
        const auto status = hostStatusFromName(text("status"));
        if (!status)
            return std::nullopt;
        event.status = *status;
        event.host = text("host");
        event.task = text("task");
        event.uuid = text("task_uuid");
        event.duration = object.value(QLatin1String("duration")).toDouble(-1);
        event.message = text("message");
        if (event.host.isEmpty())
            return std::nullopt;
        break;
    }
    case AnsibleEvent::Type::Stats: {
        const QJsonObject hosts = object.value(QLatin1String("hosts")).toObject();
        for (auto it = hosts.begin(); it != hosts.end(); ++it) {
            const QJsonObject counts = it.value().toObject();
            HostCounts host;
            host.ok = countOf(counts, "ok");
            host.changed = countOf(counts, "changed");
            host.unreachable = countOf(counts, "unreachable");
            host.failures = countOf(counts, "failures");
            host.skipped = countOf(counts, "skipped");
            host.rescued = countOf(counts, "rescued");
            host.ignored = countOf(counts, "ignored");
            event.stats.insert(it.key(), host);
        }
        break;
    }
    case AnsibleEvent::Type::PlaybookEnd:
        break;
    }
    return event;
}

Recap Recap::fromStats(const AnsibleEvent &stats) {
    Recap recap;
    if (stats.type == AnsibleEvent::Type::Stats)
        recap.hosts = stats.stats;
    return recap;
}

bool Recap::anyFailed() const {
    for (const HostCounts &counts : hosts) {
        if (counts.failures > 0 || counts.unreachable > 0)
            return true;
    }
    return false;
}

// ---- TextEventParser ------------------------------------------------------------------------------------------------

QByteArray TextEventParser::cleanLine(QByteArrayView line) {
    while (line.endsWith('\r'))
        line.chop(1);
    QByteArray out;
    out.reserve(line.size());
    const qsizetype size = line.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = line[i];
        if (c == '\r') {
            out.clear(); // what a terminal shows: only what follows the last carriage return
            continue;
        }
        if (c != '\x1b') {
            out.append(c);
            continue;
        }
        if (i + 1 >= size)
            break;
        const char kind = line[i + 1];
        if (kind == '[') { // CSI: parameter and intermediate bytes, then one final byte
            qsizetype j = i + 2;
            while (j < size &&
                   (static_cast<unsigned char>(line[j]) < 0x40 || static_cast<unsigned char>(line[j]) > 0x7e))
                ++j;
            i = j;
        } else if (kind == ']') { // OSC: up to BEL or ESC backslash
            qsizetype j = i + 2;
            while (j < size && line[j] != '\x07' && line[j] != '\x1b')
                ++j;
            i = (j + 1 < size && line[j] == '\x1b' && line[j + 1] == '\\') ? j + 1 : j;
        } else {
            i += 1; // a two-byte escape
        }
    }
    return out;
}

void TextEventParser::feed(QByteArrayView chunk) {
    m_lines.feed(chunk, [this](QByteArrayView line, bool) { feedLine(line); });
}

void TextEventParser::feedLine(QByteArrayView line) {
    parse(QString::fromUtf8(cleanLine(line)));
}

void TextEventParser::finish() {
    m_lines.finish([this](QByteArrayView line, bool) { feedLine(line); });
    endTask();
    if (m_inRecap)
        endRecap();
}

QList<AnsibleEvent> TextEventParser::takeEvents() {
    QList<AnsibleEvent> events;
    events.swap(m_events);
    return events;
}

void TextEventParser::startPlaybook() {
    if (m_playbookStarted)
        return;
    m_playbookStarted = true;
    AnsibleEvent event;
    event.type = AnsibleEvent::Type::PlaybookStart;
    m_events << event;
}

TextEventParser::Pending &TextEventParser::pendingFor(const QString &host, bool items) {
    for (Pending &pending : m_pending) {
        if (pending.items && pending.host == host) {
            // A line without item after a loop's items is the loop's own result (an unreachable host's, say).
            pending.items = items;
            return pending;
        }
    }
    Pending pending;
    pending.host = host;
    pending.items = items;
    pending.status = items ? HostStatus::Skipped : HostStatus::Ok;
    m_pending << pending;
    return m_pending.last();
}

void TextEventParser::emitPending(const Pending &pending) {
    AnsibleEvent event;
    event.type = AnsibleEvent::Type::HostResult;
    event.host = pending.host;
    event.task = m_taskName;
    event.uuid = m_taskUuid;
    event.status = pending.status;
    if (pending.items && pending.status != HostStatus::Ignored) {
        if (pending.anyUnreachable)
            event.status = HostStatus::Unreachable;
        else if (pending.anyFailed)
            event.status = HostStatus::Failed;
        else if (pending.anyChanged)
            event.status = HostStatus::Changed;
        else if (pending.anyOk)
            event.status = HostStatus::Ok;
        else
            event.status = HostStatus::Skipped;
    }
    if (event.status == HostStatus::Failed || event.status == HostStatus::Unreachable)
        event.message = pending.message;
    m_events << event;
}

/// Emits, from the front, the held results that can no longer change: a failure is settled once a line other
/// than "...ignoring" follows it; a loop's result only when its task ends.
void TextEventParser::flushSettled() {
    while (!m_pending.isEmpty()) {
        const Pending &front = m_pending.first();
        if (front.items || (front.status == HostStatus::Failed && !front.settled))
            break;
        emitPending(front);
        m_pending.removeFirst();
    }
}

void TextEventParser::endTask() {
    for (const Pending &pending : std::as_const(m_pending))
        emitPending(pending);
    m_pending.clear();
}

void TextEventParser::endRecap() {
    m_inRecap = false;
    startPlaybook();
    AnsibleEvent stats;
    stats.type = AnsibleEvent::Type::Stats;
    stats.stats = m_recap;
    m_events << stats;
    AnsibleEvent end;
    end.type = AnsibleEvent::Type::PlaybookEnd;
    m_events << end;
    m_recap.clear();
}

void TextEventParser::parse(const QString &line) {
    static const QRegularExpression recapLine(
        QStringLiteral("^(\\S+)\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)"
                       "(?:\\s+skipped=(\\d+))?(?:\\s+rescued=(\\d+))?(?:\\s+ignored=(\\d+))?"));
    static const QRegularExpression banner(
        QStringLiteral("^(PLAY RECAP|PLAY|TASK|RUNNING HANDLER|CLEANUP TASK)(?: \\[(.*)\\])?(?: \\[CHECK MODE\\])?"
                       "\\s*\\*{3,}\\s*$"));
    static const QRegularExpression result(QStringLiteral("^(ok|changed|skipping|failed|fatal): \\[([^\\]]+)\\](.*)$"));
    static const QRegularExpression itemStart(QStringLiteral("^(?::\\s*[A-Z]+!)?\\s*(?:=>\\s*)?\\(item="));

    const QString trimmed = line.trimmed();

    if (m_inRecap) {
        const QRegularExpressionMatch match = recapLine.match(trimmed);
        if (match.hasMatch()) {
            HostCounts counts;
            counts.ok = match.captured(2).toInt();
            counts.changed = match.captured(3).toInt();
            counts.unreachable = match.captured(4).toInt();
            counts.failures = match.captured(5).toInt();
            counts.skipped = match.captured(6).toInt();
            counts.rescued = match.captured(7).toInt();
            counts.ignored = match.captured(8).toInt();
            m_recap.insert(match.captured(1), counts);
            return;
        }
        if (trimmed.isEmpty() && m_recap.isEmpty())
            return;
        endRecap();
    }
    if (trimmed.isEmpty())
        return;

    if (trimmed == QLatin1String("...ignoring")) {
        // It follows the whole result of the host that failed last (after all of a loop's item lines).
        for (qsizetype i = m_pending.size() - 1; i >= 0; --i) {
            Pending &pending = m_pending[i];
            const bool failedResult = pending.items ? pending.anyFailed && pending.status != HostStatus::Ignored
                                                    : pending.status == HostStatus::Failed && !pending.settled;
            if (failedResult) {
                pending.status = HostStatus::Ignored;
                pending.message.clear();
                pending.settled = true;
                break;
            }
        }
        flushSettled();
        return;
    }
    // Any other line settles a failure held for a possible "...ignoring".
    for (Pending &pending : m_pending) {
        if (!pending.items)
            pending.settled = true;
    }
    flushSettled();

    if (const QRegularExpressionMatch match = banner.match(trimmed); match.hasMatch()) {
        const QString kind = match.captured(1);
        const QString title = match.captured(2);
        if (kind != QLatin1String("PLAY RECAP") && match.capturedStart(2) < 0)
            return; // a line of stars that is no banner after all
        endTask();
        if (kind == QLatin1String("PLAY RECAP")) {
            m_inRecap = true;
            m_recap.clear();
            return;
        }
        startPlaybook();
        AnsibleEvent event;
        if (kind == QLatin1String("PLAY")) {
            event.type = AnsibleEvent::Type::PlayStart;
            event.name = title;
            m_events << event;
            return;
        }
        event.type = AnsibleEvent::Type::TaskStart;
        const qsizetype separator = title.indexOf(QLatin1String(" : "));
        if (separator > 0) {
            event.role = title.left(separator);
            event.name = title.mid(separator + 3);
        } else {
            event.name = title;
        }
        event.handler = kind == QLatin1String("RUNNING HANDLER");
        event.uuid = QStringLiteral("text-%1").arg(++m_taskCount);
        m_taskName = event.name;
        m_taskUuid = event.uuid;
        m_events << event;
        return;
    }

    const QRegularExpressionMatch match = result.match(trimmed);
    if (!match.hasMatch())
        return;
    const QString keyword = match.captured(1);
    QString host = match.captured(2);
    const qsizetype delegated = host.indexOf(QLatin1String(" -> "));
    if (delegated >= 0)
        host.truncate(delegated);
    host = host.trimmed();
    const QString rest = match.captured(3);
    const bool item = itemStart.match(rest).hasMatch();
    const bool unreachable = keyword == QLatin1String("fatal") && rest.startsWith(QLatin1String(": UNREACHABLE!"));
    const bool failed = keyword == QLatin1String("fatal") || keyword == QLatin1String("failed");

    startPlaybook();
    Pending &pending = pendingFor(host, item);
    if (item) {
        if (unreachable) {
            pending.anyUnreachable = true;
        } else if (failed) {
            pending.anyFailed = true;
        } else if (keyword == QLatin1String("changed")) {
            pending.anyChanged = true;
        } else if (keyword == QLatin1String("ok")) {
            pending.anyOk = true;
        }
        if (failed) {
            const auto object = resultObject(rest);
            if (object && truthy(object->value(QLatin1String("unreachable"))))
                pending.anyUnreachable = true;
            if (pending.message.isEmpty())
                pending.message = messageOf(rest);
        }
    } else if (unreachable) {
        pending.status = HostStatus::Unreachable;
        pending.message = messageOf(rest);
    } else if (failed) {
        pending.status = HostStatus::Failed;
        pending.message = messageOf(rest);
    } else if (keyword == QLatin1String("changed")) {
        pending.status = HostStatus::Changed;
    } else if (keyword == QLatin1String("skipping")) {
        pending.status = HostStatus::Skipped;
    } else {
        pending.status = HostStatus::Ok;
    }
    flushSettled();
}

} // namespace ksw
