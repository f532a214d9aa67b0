// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "store/InventoryStore.h"

#include "store/DurableFile.h"
#include "store/History.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ksw {

InventoryStore::InventoryStore(const QString &inventoryDirectory)
    : m_folder(History::dataFolder(inventoryDirectory)) {}

QString InventoryStore::siteProfilePath() const {
    const QString path = m_folder + QStringLiteral("/site.yaml");
    return QFileInfo(path).isFile() ? path : QString();
}

std::optional<Error> InventoryStore::keepSiteProfile(const QByteArray &bytes) {
    const QString path = m_folder + QStringLiteral("/site.yaml");
    if (auto problem = durable::write(path, bytes))
        return Error{
            {path},
            {},
            QCoreApplication::translate("InventoryStore", "Cannot keep the site profile: %1").arg(problem->message)};
    return std::nullopt;
}

} // namespace ksw
