#pragma once

#include <QString>

#include <optional>

struct sqlite3;

namespace landfall {

/** Compares a project file's schema with the one Landfall's own migrations build, so that a file
    carrying a view in place of a table, a trigger, or a table of other columns is refused before
    any of its SQL is used. The expected schema is built, not written down: the migration steps
    run on an empty in-memory database, so every step added later is covered as it lands. */
class SchemaCheck {
public:
    /** What differs between the schema of `connection` (a file at format `version`) and the one
        SchemaMigrations builds up to `version`; nullopt when they are the same. */
    static std::optional<QString> problemIn(sqlite3 *connection, int version);
    /** PRAGMA quick_check: nullopt when it says ok, otherwise its first finding. */
    static std::optional<QString> damageIn(sqlite3 *connection);
};

} // namespace landfall
