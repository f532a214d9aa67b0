#!/usr/bin/python
# SPDX-License-Identifier: GPL-3.0-or-later
# Part of Kubespray Wizard.
#
# The node side of the preflight (resources/ansible/preflight.yml): from the node itself, ask each company DNS
# server for each name, and each registry for /v2/. Read-only: it opens sockets and nothing else, writes no file,
# and talks to nobody but the servers it is given. Nodes may lack dig, so the DNS query is built here: one UDP
# packet straight to the server (the node's resolver and /etc/hosts are not involved, which is the point: the
# question is whether *that* server answers the node). HTTP goes through http.client, which ignores proxy
# variables, so the request goes where containerd's would without a proxy. Python 3.6+ standard library only
# (nodes run whatever python3 their distribution has).

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: ksw_preflight_probe
short_description: Asks company DNS servers and registries from the node (read-only)
description:
  - Sends one DNS query per name, record type (A, AAAA) and server over UDP, and one GET /v2/ per registry.
  - Reports addresses or the error per name and server, and the HTTP status or the error per registry.
options:
  dns_servers: {type: list, elements: str, default: []}
  names: {type: list, elements: str, default: []}
  registries: {type: list, elements: dict, default: [], description: "items {host: 'name[:port]', scheme: http|https|unknown}"}
  dns_timeout: {type: float, default: 3}
  http_timeout: {type: float, default: 5}
"""

import errno
import http.client
import os
import random
import select
import socket
import ssl
import struct
import threading
import time

from ansible.module_utils.basic import AnsibleModule

RCODES = {1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}
TYPE_A = 1
TYPE_AAAA = 28


class DnsError(Exception):
    """A query that got no usable answer; kind is one of timeout, refused, name-not-found, server-error, bad-name,
    unreachable, protocol."""

    def __init__(self, kind, text):
        Exception.__init__(self, text)
        self.kind = kind
        self.text = text


def encode_name(name):
    labels = [label for label in name.rstrip(".").split(".")]
    if not labels or any(not label for label in labels):
        raise DnsError("bad-name", "not a DNS name: %r" % name)
    out = b""
    for label in labels:
        try:
            raw = label.encode("idna")
        except UnicodeError:
            raise DnsError("bad-name", "not a DNS name: %r" % name)
        if len(raw) > 63:
            raise DnsError("bad-name", "a label longer than 63 bytes in %r" % name)
        out += struct.pack("B", len(raw)) + raw
    return out + b"\x00"


def skip_name(message, offset):
    # Names in answers may end in a compression pointer (two bytes) instead of the zero label.
    while True:
        if offset >= len(message):
            raise DnsError("protocol", "truncated name in the answer")
        length = message[offset]
        if length == 0:
            return offset + 1
        if length & 0xC0 == 0xC0:
            return offset + 2
        offset += 1 + length


def query(server, name, qtype, timeout):
    """The addresses of `name` (record `qtype`) as `server` answers; [] for an answer without such records."""
    qid = random.getrandbits(16)
    packet = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + encode_name(name) + struct.pack(">HH", qtype, 1)
    family = socket.AF_INET6 if ":" in server else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        # connect() makes the kernel drop datagrams from anyone else and report ICMP port-unreachable as
        # ConnectionRefusedError: "nothing listens on port 53" and "no answer" stay distinct.
        sock.connect((server, 53))
        sock.send(packet)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise socket.timeout()
            sock.settimeout(left)
            reply = sock.recv(65535)
            if len(reply) >= 12 and struct.unpack(">H", reply[:2])[0] == qid:
                break
    except socket.timeout:
        raise DnsError("timeout", "no answer from %s within %g s" % (server, timeout))
    except ConnectionRefusedError:
        raise DnsError("refused", "%s refused the query (nothing listens on port 53)" % server)
    except OSError as e:
        raise DnsError("unreachable", "%s cannot be reached: %s" % (server, e.strerror or e))
    finally:
        sock.close()

    flags, qdcount, ancount = struct.unpack(">HHH", reply[2:8])
    rcode = flags & 0x000F
    if rcode == 3:
        raise DnsError("name-not-found", "%s does not know %s (NXDOMAIN)" % (server, name))
    if rcode != 0:
        raise DnsError("server-error", "%s answered %s" % (server, RCODES.get(rcode, "rcode %d" % rcode)))
    offset = 12
    for _ in range(qdcount):
        offset = skip_name(reply, offset) + 4
    addresses = []
    for _ in range(ancount):
        offset = skip_name(reply, offset)
        if offset + 10 > len(reply):
            raise DnsError("protocol", "truncated answer from %s" % server)
        rtype, rclass, _ttl, rdlength = struct.unpack(">HHIH", reply[offset:offset + 10])
        offset += 10
        rdata = reply[offset:offset + rdlength]
        offset += rdlength
        if rclass == 1 and rtype == TYPE_A and rdlength == 4 and qtype == TYPE_A:
            addresses.append(socket.inet_ntop(socket.AF_INET, rdata))
        elif rclass == 1 and rtype == TYPE_AAAA and rdlength == 16 and qtype == TYPE_AAAA:
            addresses.append(socket.inet_ntop(socket.AF_INET6, rdata))
    return addresses


def resolve_all(servers, names, timeout):
    results = []
    for server in servers:
        # A server that did not answer (or refused) once is not asked again: every further name would only cost
        # the same time-out.
        dead = None
        for name in names:
            entry = {"server": server, "name": name, "addresses": [], "error_kind": "", "error": ""}
            if dead is not None:
                entry["error_kind"], entry["error"] = dead.kind, dead.text + " (not asked again)"
                results.append(entry)
                continue
            errors = []
            for qtype in (TYPE_A, TYPE_AAAA):
                try:
                    entry["addresses"].extend(query(server, name, qtype, timeout))
                except DnsError as e:
                    errors.append(e)
                    if e.kind in ("timeout", "refused", "unreachable"):
                        dead = e
                        break
            if not entry["addresses"]:
                if errors:
                    worst = errors[0]
                    entry["error_kind"], entry["error"] = worst.kind, worst.text
                else:
                    entry["error_kind"] = "no-address"
                    entry["error"] = "%s knows %s but has no address for it" % (server, name)
            results.append(entry)
    return results


def classify(exc):
    """(kind, text) of a failed HTTP request; kind is one of timeout, refused, name-not-found, certificate, tls,
    protocol, unreachable, error."""
    if isinstance(exc, socket.timeout) or isinstance(exc, TimeoutError):
        return "timeout", "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "refused", "connection refused"
    if isinstance(exc, socket.gaierror):
        return "name-not-found", "name not found: %s" % exc.strerror
    if isinstance(exc, getattr(ssl, "SSLCertVerificationError", ())):
        return "certificate", "certificate not trusted: %s" % (exc.verify_message or exc.reason)
    if isinstance(exc, ssl.SSLError):
        if exc.reason == "CERTIFICATE_VERIFY_FAILED":  # Python 3.6 has no SSLCertVerificationError
            return "certificate", "certificate not trusted: %s" % exc
        return "tls", "TLS handshake failed: %s" % (exc.reason or exc)
    if isinstance(exc, http.client.HTTPException):
        return "protocol", "not HTTP: %s" % (exc.__class__.__name__ + (": %s" % exc if str(exc) else ""))
    if isinstance(exc, OSError):
        if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
            return "unreachable", exc.strerror
        return "error", exc.strerror or str(exc)
    return "error", str(exc)


def get_v2(host, scheme, timeout):
    result = {"url": "%s://%s/v2/" % (scheme, host), "scheme": scheme, "status": 0, "api_version": "",
              "error_kind": "", "error": ""}
    if scheme == "https":
        connection = http.client.HTTPSConnection(host, timeout=timeout, context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(host, timeout=timeout)
    try:
        connection.request("GET", "/v2/", headers={"User-Agent": "kubespray-wizard-preflight", "Accept": "*/*"})
        response = connection.getresponse()
        result["status"] = response.status
        result["api_version"] = response.getheader("Docker-Distribution-Api-Version") or ""
        response.read(65536)
    except Exception as e:  # every failure is a result, never a failed task
        result["error_kind"], result["error"] = classify(e)
    finally:
        connection.close()
    return result


def check_registry(registry, timeout):
    host = str(registry.get("host", ""))
    scheme = str(registry.get("scheme", "unknown")).lower()
    if not host:
        return {"host": host, "url": "", "scheme": scheme, "status": 0, "api_version": "", "error_kind": "error",
                "error": "no host given"}
    if scheme == "http":
        result = get_v2(host, "http", timeout)
    else:
        result = get_v2(host, "https", timeout)
        # Scheme unknown and the server does not speak TLS at all (not a certificate problem): try plain HTTP,
        # as containerd would with an http:// mirror.
        if scheme == "unknown" and result["error_kind"] == "tls":
            result = get_v2(host, "http", timeout)
    result["host"] = host
    return result


def exit_when_nobody_listens():
    # With pipelining the module runs without a pty, and OpenSSH leaves it running when the controller goes away
    # (a cancelled preflight): once the other end of our stdout is closed, nobody will read the answer, so stop.
    def watch():
        poller = select.poll()
        poller.register(1, 0)  # no events asked: POLLERR and POLLHUP are always reported
        while True:
            for _fd, events in poller.poll(250):
                if events & (select.POLLERR | select.POLLHUP | select.POLLNVAL):
                    os._exit(1)

    thread = threading.Thread(target=watch)
    thread.daemon = True
    thread.start()


def main():
    exit_when_nobody_listens()
    module = AnsibleModule(
        argument_spec=dict(
            dns_servers=dict(type="list", elements="str", default=[]),
            names=dict(type="list", elements="str", default=[]),
            registries=dict(type="list", elements="dict", default=[]),
            dns_timeout=dict(type="float", default=3.0),
            http_timeout=dict(type="float", default=5.0),
        ),
        supports_check_mode=True,
    )
    p = module.params
    dns = resolve_all(p["dns_servers"], p["names"], max(0.1, p["dns_timeout"]))
    registries = [check_registry(r, max(0.1, p["http_timeout"])) for r in p["registries"]]
    module.exit_json(changed=False, dns=dns, registries=registries)


if __name__ == "__main__":
    main()
