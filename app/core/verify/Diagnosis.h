// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "kubespray/Topic.h"
#include "net/Cidr.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ksw {

/// What a failed verification job says, in plain words, and which page of the wizard fixes it.
///
/// The rules, first match wins, each looking at one line at a time:
/// 1. Registries: the node spoke HTTPS to a registry that answers plain HTTP ("server gave HTTP response to HTTPS
///    client", "first record does not look like a TLS handshake"), or a pull failed on a certificate.
/// 2. Ranges: a connection to an address inside the cluster's pod or service range timed out, found no route or
///    was refused: from a pod (and often from a node) that address belongs to the cluster, not to the company.
///    A name lookup is never read this way: the cluster's own DNS lives in the service range by design.
/// 3. DNS: a name could not be resolved ("no such host", "bad address", "Name or service not known", ...). A
///    pull error ("dial tcp: lookup registry.x on 10.0.0.1:53: no such host") is the node's DNS; still DNS.
/// Anything else: no topic, with the lines that look like errors as evidence and, where the words are
/// recognisable (credentials, an image that does not exist, a time-out outside the cluster's ranges), a hint.
struct Diagnosis {
    /// The topic whose page fixes it (Registries, Dns or Ranges); nothing when no rule matched.
    std::optional<Topic> topic;
    /// Translated plain words: what went wrong and what to do, naming the page ("Registries", "DNS",
    /// "Address ranges"). Empty when there was nothing to read.
    QString summary;
    /// The verbatim line(s) from events, status or log that led to it.
    QString evidence;
    /// The name (DNS), registry (Registries) or address (Ranges) the evidence is about, when one could be read.
    QString subject;
    /// Ranges: the cluster range that holds `subject`.
    QString range;

    /// `texts`: event messages, container waiting/terminated reasons and messages, the container log (each may
    /// hold many lines). `clusterRanges`: the pod and service ranges of the cluster.
    static Diagnosis diagnose(const QStringList &texts, const QList<Cidr> &clusterRanges);
};

} // namespace ksw
