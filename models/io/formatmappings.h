#pragma once

#include "rowmapper.h"

namespace landfall {

/** The column tables of the formats Landfall reads (inventory-formats.md). */
class FormatMappings {
public:
    static FormatMapping rvTools();
    static FormatMapping azureMigrate();
    /** The Azure Migrate appliance's discovery export (sheet Discovery_Report). */
    static FormatMapping azureMigrateDiscovery();
    static FormatMapping landfall();
    /** The RVTools vInfo header of a recent export, in order: used by the demo and the benchmark. */
    static QStringList rvToolsStandardHeader();
};

} // namespace landfall
