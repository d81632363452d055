#pragma once

#include <QStringList>

namespace landfall {

/** The project file's schema, as the list of steps that build it. Step N takes a file from
    user_version N-1 to N; a file is brought up to date by running the missing steps in order,
    all in one transaction. Steps are only ever appended, never edited once released. */
class SchemaMigrations {
public:
    /** 'LNDF': written to PRAGMA application_id so a Landfall project is told from any SQLite file. */
    static constexpr int kApplicationId = 0x4C4E4446;

    static int latestVersion();
    /** The SQL statements of step `version` (1-based). */
    static QStringList step(int version);
};

} // namespace landfall
