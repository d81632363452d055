#pragma once

#include <QString>

namespace landfall {

/** Why a project file could not be used. The CLI exits 3 for every kind but Rejected. */
struct StoreError {
    enum class Kind {
        Foreign,    ///< a file that is not a Landfall project
        Newer,      ///< written by a newer Landfall
        Unreadable, ///< missing, not SQLite, damaged, or not permitted
        Busy,       ///< another program holds the project
        Failed,     ///< a write failed (disk full, I/O error)
        Damaged,    ///< pages or schema not as Landfall writes them, or a value out of range
        Rejected,   ///< the input asks for more than a project allows (exit 1, not 3)
    };
    Kind kind = Kind::Failed;
    QString message;
};

} // namespace landfall
