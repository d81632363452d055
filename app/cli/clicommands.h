#pragma once

#include "commandline.h"

#include <QJsonObject>

namespace landfall::cli {

/** Registers every command of landfall-cli, part by part. */
void registerCommands(CommandRegistry &registry);

void registerInventoryCommands(CommandRegistry &registry); ///< import, summary

/** Adds what later parts know (the advisor's paths, ...) to `summary --json`. */
void extendSummary(ProjectStore &store, QJsonObject &summary);

} // namespace landfall::cli
