#pragma once

#include "../domain/jsonfieldreader.h"

namespace landfall {

/** Why a scenario was refused, with the JSON key at fault so the consultant can fix the file. */
using ScenarioError = JsonFieldError;

} // namespace landfall
