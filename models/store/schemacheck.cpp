#include "schemacheck.h"

#include "schemamigrations.h"
#include "sqlitehardening.h"

#include <sqlite3.h>

#include <QMap>
#include <QStringList>

namespace landfall {

namespace {

/** One row of sqlite_schema, without its root page (which differs from file to file). */
struct SchemaObject {
    QString type;
    QString table;
    QString sql;
    bool operator==(const SchemaObject &) const = default;
};

QString columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(statement, column)) : QString();
}

/** The rows of `sql`'s first columns; nullopt (with SQLite's message in `error`) on a failure. */
std::optional<QList<QStringList>> rowsOf(sqlite3 *connection, const char *sql, int columns, QString &error)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_finalize(statement);
        return std::nullopt;
    }
    QList<QStringList> rows;
    int result = SQLITE_ROW;
    while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row.append(columnText(statement, c));
        rows.append(row);
    }
    if (result != SQLITE_DONE)
        error = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(statement);
    if (result != SQLITE_DONE)
        return std::nullopt;
    return rows;
}

std::optional<QMap<QString, SchemaObject>> schemaOf(sqlite3 *connection, QString &error)
{
    const auto rows = rowsOf(connection, "SELECT name, type, tbl_name, sql FROM sqlite_schema", 4, error);
    if (!rows)
        return std::nullopt;
    QMap<QString, SchemaObject> objects;
    for (const QStringList &row : *rows)
        objects.insert(row[0], SchemaObject{row[1], row[2], row[3]});
    return objects;
}

/** The columns of a table, as "name type" from PRAGMA table_info, to say which ones differ. */
QStringList columnsOf(sqlite3 *connection, const QString &table)
{
    QString error;
    const QByteArray sql =
        "SELECT name, type FROM pragma_table_info(" + ('\'' + table.toUtf8().replace('\'', "''") + '\'') + ")";
    QStringList columns;
    if (const auto rows = rowsOf(connection, sql.constData(), 2, error)) {
        for (const QStringList &row : *rows)
            columns.append(row[0] + u' ' + row[1]);
    }
    return columns;
}

QString elided(const QString &text)
{
    constexpr int kShown = 160;
    QString oneLine = text.simplified();
    return oneLine.size() <= kShown ? oneLine : oneLine.left(kShown) + QStringLiteral("...");
}

/** What the migration steps up to `version` build, on an empty database of their own. */
std::optional<QMap<QString, SchemaObject>> expectedSchema(int version, QString &error)
{
    sqlite3 *memory = nullptr;
    if (sqlite3_open_v2(":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error = QStringLiteral("cannot build the expected schema");
        sqlite3_close(memory);
        return std::nullopt;
    }
    SqliteHardening hardening;
    hardening.apply(memory);
    std::optional<QMap<QString, SchemaObject>> schema;
    bool built = true;
    for (int step = 1; step <= version && built; ++step) {
        for (const QString &statement : SchemaMigrations::step(step)) {
            if (sqlite3_exec(memory, statement.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
                error = QStringLiteral("migration step %1 fails: %2")
                            .arg(step)
                            .arg(QString::fromUtf8(sqlite3_errmsg(memory)));
                built = false;
                break;
            }
        }
    }
    if (built)
        schema = schemaOf(memory, error);
    sqlite3_close(memory);
    return schema;
}

} // namespace

std::optional<QString> SchemaCheck::problemIn(sqlite3 *connection, int version)
{
    QString error;
    const std::optional<QMap<QString, SchemaObject>> expected = expectedSchema(version, error);
    if (!expected)
        return error;
    const std::optional<QMap<QString, SchemaObject>> found = schemaOf(connection, error);
    if (!found)
        return QStringLiteral("its schema cannot be read: %1").arg(error);
    // Code that runs (a view or a trigger) is named first: it is what makes a file dangerous, and a
    // table renamed away from under a view changes every table that refers to it.
    QStringList problems;
    QStringList runnable;
    const auto runs = [](const SchemaObject &object) {
        return object.type == QLatin1String("view") || object.type == QLatin1String("trigger");
    };
    for (auto it = found->cbegin(); it != found->cend(); ++it) {
        const auto wanted = expected->constFind(it.key());
        if (wanted == expected->cend()) {
            (runs(*it) ? runnable : problems)
                .append(QStringLiteral("a %1 '%2' that Landfall does not create (%3)")
                            .arg(it->type, it.key(), elided(it->sql)));
        } else if (wanted->type != it->type) {
            (runs(*it) ? runnable : problems)
                .append(QStringLiteral("'%1' is a %2 where Landfall creates a %3 (%4)")
                            .arg(it.key(), it->type, wanted->type, elided(it->sql)));
        } else if (!(*wanted == *it)) {
            QString detail;
            if (it->type == QLatin1String("table")) {
                const QStringList have = columnsOf(connection, it.key());
                QStringList missing;
                QStringList extra;
                // The expected columns, parsed by SQLite from the expected CREATE statement.
                sqlite3 *memory = nullptr;
                sqlite3_open_v2(":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
                SqliteHardening hardening;
                hardening.apply(memory);
                sqlite3_exec(memory, wanted->sql.toUtf8().constData(), nullptr, nullptr, nullptr);
                const QStringList want = columnsOf(memory, it.key());
                sqlite3_close(memory);
                for (const QString &column : want) {
                    if (!have.contains(column))
                        missing.append(column);
                }
                for (const QString &column : have) {
                    if (!want.contains(column))
                        extra.append(column);
                }
                if (!missing.isEmpty())
                    detail += QStringLiteral("; missing columns: %1").arg(missing.join(QLatin1String(", ")));
                if (!extra.isEmpty())
                    detail +=
                        QStringLiteral("; columns Landfall does not create: %1").arg(extra.join(QLatin1String(", ")));
            }
            problems.append(QStringLiteral("the %1 '%2' is not defined as Landfall defines it%3 (found: %4)")
                                .arg(it->type, it.key(), detail, elided(it->sql)));
        }
    }
    for (auto it = expected->cbegin(); it != expected->cend(); ++it) {
        if (!found->contains(it.key()))
            problems.append(QStringLiteral("no %1 '%2'").arg(it->type, it.key()));
    }
    problems = runnable + problems;
    if (problems.isEmpty())
        return std::nullopt;
    constexpr int kListed = 5;
    QString text = problems.mid(0, kListed).join(QLatin1String("; "));
    if (problems.size() > kListed)
        text += QStringLiteral("; and %1 more").arg(problems.size() - kListed);
    return text;
}

std::optional<QString> SchemaCheck::damageIn(sqlite3 *connection)
{
    QString error;
    const auto rows = rowsOf(connection, "PRAGMA quick_check(5)", 1, error);
    if (!rows)
        return error;
    QStringList findings;
    for (const QStringList &row : *rows)
        findings.append(row.value(0));
    if (findings == QStringList{QStringLiteral("ok")})
        return std::nullopt;
    return findings.join(QLatin1String("; "));
}

} // namespace landfall
