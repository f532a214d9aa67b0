// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// The callback plugin's JSON lines and the text fallback: no crash, no hang, and the text parser gives the same
// events however the output is split into reads.
#include "FuzzSupport.h"

#include "run/AnsibleEvents.h"

namespace {

using ksw::AnsibleEvent;

QStringList described(const QList<AnsibleEvent> &events) {
    QStringList result;
    for (const AnsibleEvent &event : events)
        result.append(AnsibleEvent::typeName(event.type) + u'|' + event.name + u'|' + event.host + u'|' + event.task +
                      u'|' + QString::number(int(event.status)) + u'|' + event.message);
    return result;
}

QStringList parsed(const QList<QByteArrayView> &reads) {
    ksw::TextEventParser parser;
    QList<AnsibleEvent> events;
    for (QByteArrayView read : reads) {
        parser.feed(read);
        events += parser.takeEvents();
    }
    parser.finish();
    events += parser.takeEvents();
    return described(events);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView input = ksw::fuzz::whole(data, size);
    for (QByteArrayView line : input.toByteArray().split('\n'))
        (void)ksw::parseEventLine(line);
    if (parsed({input}) != parsed(ksw::fuzz::pieces(data, size)))
        ksw::fuzz::fail("TextEventParser depends on how the output is split");
    return 0;
}
