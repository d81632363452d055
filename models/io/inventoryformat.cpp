#include "inventoryformat.h"

namespace landfall {

QString inventoryFormatKey(InventoryFormat format)
{
    switch (format) {
    case InventoryFormat::RvTools:
        return QStringLiteral("rvtools");
    case InventoryFormat::AzureMigrate:
        return QStringLiteral("azure-migrate");
    case InventoryFormat::Landfall:
        return QStringLiteral("landfall");
    case InventoryFormat::AzureMigrateDiscovery:
        return QStringLiteral("azure-migrate-discovery");
    case InventoryFormat::RvToolsHosts:
        return QStringLiteral("rvtools-vhost");
    case InventoryFormat::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<InventoryFormat> inventoryFormatFromKey(const QString &key)
{
    for (InventoryFormat format :
         {InventoryFormat::Auto, InventoryFormat::RvTools, InventoryFormat::AzureMigrate, InventoryFormat::Landfall,
          InventoryFormat::AzureMigrateDiscovery, InventoryFormat::RvToolsHosts}) {
        if (key == inventoryFormatKey(format))
            return format;
    }
    return std::nullopt;
}

QString InventoryFormatDetector::normalizedColumn(const QString &headerName)
{
    QString name;
    name.reserve(headerName.size());
    for (const QChar c : headerName) {
        if (c.isLetterOrNumber() || c == u'#' || c == u'(' || c == u')')
            name += c.toLower();
    }
    // Some RVTools CSV exports prefix every name with the tab: "vInfoCPUs".
    if (name.startsWith(QLatin1String("vinfo")) && name.size() > 5)
        name.remove(0, 5);
    return name;
}

InventoryFormat InventoryFormatDetector::detect(const QStringList &header)
{
    bool vmName = false, cpus = false, powerState = false, serverName = false, cores = false, name = false;
    bool machineName = false, host = false, hostSockets = false, hostCores = false;
    for (const QString &column : header) {
        const QString key = normalizedColumn(column);
        vmName |= key == QLatin1String("vm") || key == QLatin1String("vmname");
        cpus |= key == QLatin1String("cpus");
        powerState |= key == QLatin1String("powerstate");
        serverName |= key == QLatin1String("servername");
        cores |= key == QLatin1String("cores");
        name |= key == QLatin1String("name");
        machineName |= key == QLatin1String("machinename");
        host |= key == QLatin1String("host") || key == QLatin1String("vhosthost") || key == QLatin1String("vhostname");
        hostSockets |= key == QLatin1String("#cpu") || key == QLatin1String("vhost#cpu");
        hostCores |= key == QLatin1String("#cores") || key == QLatin1String("vhost#cores");
    }
    if (host && hostSockets && hostCores && !vmName)
        return InventoryFormat::RvToolsHosts;
    if (machineName && cores)
        return InventoryFormat::AzureMigrateDiscovery;

    if (vmName && (cpus || powerState))
        return InventoryFormat::RvTools;
    if (serverName && cores)
        return InventoryFormat::AzureMigrate;
    if (name)
        return InventoryFormat::Landfall;
    return InventoryFormat::Auto;
}

} // namespace landfall
