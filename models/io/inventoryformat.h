#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** RvToolsHosts is RVTools' vHost tab saved as CSV: hosts, no VMs. */
enum class InventoryFormat { Auto, RvTools, AzureMigrate, Landfall, AzureMigrateDiscovery, RvToolsHosts };

/** "auto", "rvtools", "azure-migrate", "landfall", "azure-migrate-discovery", "rvtools-vhost" */
QString inventoryFormatKey(InventoryFormat format);
std::optional<InventoryFormat> inventoryFormatFromKey(const QString &key);

/** Tells an inventory's format from its header row. */
class InventoryFormatDetector {
public:
    /** The format whose signature columns the header holds; Auto when none fits. */
    static InventoryFormat detect(const QStringList &header);
    /** A header name reduced to what identifies it across versions and exports:
        "vInfoInUse", "In use MiB" and "*In Use MiB" all become "inuse..." alike. */
    static QString normalizedColumn(const QString &headerName);
};

} // namespace landfall
