#pragma once

#include <QString>

namespace landfall {

/** Why a report or export could not be made: the user's input (a scenario, a rule set) or the
    project file itself (the CLI exits 3 then). */
struct ReportError {
    enum class Kind { Input, Store };
    Kind kind = Kind::Input;
    QString message;
};

} // namespace landfall
