// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/Topic.h"

#include <QCoreApplication>

namespace ksw {

namespace {

struct TopicText {
    Topic topic;
    const char *key;
    const char *title;
};

const TopicText topics[] = {
    {Topic::Ranges, "ranges", QT_TRANSLATE_NOOP("Topic", "Address ranges")},
    {Topic::Registries, "registries", QT_TRANSLATE_NOOP("Topic", "Registries")},
    {Topic::Dns, "dns", QT_TRANSLATE_NOOP("Topic", "DNS")},
    {Topic::Nodes, "nodes", QT_TRANSLATE_NOOP("Topic", "Deploy")},
    {Topic::Inventory, "inventory", QT_TRANSLATE_NOOP("Topic", "Open the inventory")},
    {Topic::Access, "access", QT_TRANSLATE_NOOP("Topic", "Deploy")},
};

const TopicText &textOf(Topic topic) {
    for (const TopicText &text : topics) {
        if (text.topic == topic)
            return text;
    }
    return topics[0];
}

} // namespace

QString topicKey(Topic topic) {
    return QString::fromLatin1(textOf(topic).key);
}

std::optional<Topic> topicFromKey(const QString &key) {
    for (const TopicText &text : topics) {
        if (key == QLatin1String(text.key))
            return text.topic;
    }
    return std::nullopt;
}

QString topicTitle(Topic topic) {
    return QCoreApplication::translate("Topic", textOf(topic).title);
}

} // namespace ksw
