#pragma once

#include <QString>

namespace landfall {

/** Why a scenario was refused, with the JSON key at fault so the consultant can fix the file. */
struct ScenarioError {
    QString key;     ///< "node.reserved", "sizing.comfortFactor", ...
    QString message; ///< what is wrong, in words
    QString toString() const { return key.isEmpty() ? message : key + QStringLiteral(": ") + message; }
};

} // namespace landfall
