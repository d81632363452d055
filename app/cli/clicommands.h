#pragma once

#include "commandline.h"

#include <QJsonObject>

namespace landfall::cli {

/** Registers every command of landfall-cli, part by part. */
void registerCommands(CommandRegistry &registry);

void registerInventoryCommands(CommandRegistry &registry); ///< import, summary
void registerAdvisorCommands(CommandRegistry &registry);   ///< classify, override, rules, export
void registerDensityCommands(CommandRegistry &registry);   ///< scenario, density, compare
void registerCostCommands(CommandRegistry &registry);      ///< pricebook, cost
void registerWaveCommands(CommandRegistry &registry);      ///< dependencies, waves
void registerReportCommands(CommandRegistry &registry);    ///< report (only where landfall-cli links the views)

/** Adds what later parts know (the advisor's paths, ...) to `summary --json`. */
void extendSummary(ProjectStore &store, QJsonObject &summary);

} // namespace landfall::cli
