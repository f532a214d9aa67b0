// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// Both hosts-file parsers on any bytes: a value or an error that names a place, never a crash or a hang.
#include "FuzzSupport.h"

#include "kubespray/HostsFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const auto &result : {ksw::HostsFile::parseYaml(bytes, QStringLiteral("hosts.yaml")),
                               ksw::HostsFile::parseIni(bytes, QStringLiteral("inventory.ini"))}) {
        if (!result && !result.error().where.isValid())
            ksw::fuzz::fail("a hosts-file error that names no file");
    }
    return 0;
}
