#pragma once

#include <QString>

namespace landfall {

/** Why a project file could not be used. The CLI exits 3 for every kind. */
struct StoreError {
    enum class Kind {
        Foreign,    ///< a file that is not a Landfall project
        Newer,      ///< written by a newer Landfall
        Unreadable, ///< missing, not SQLite, damaged, or not permitted
        Busy,       ///< another program holds the project
        Failed,     ///< a write failed (disk full, I/O error)
    };
    Kind kind = Kind::Failed;
    QString message;
};

} // namespace landfall
