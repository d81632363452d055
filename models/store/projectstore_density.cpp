// The density engine's part of ProjectStore: what-if scenarios, each a JSON document under its
// name. The store keeps the text; models/density parses and validates it.
#include "projectstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace landfall {

std::optional<StoreError> ProjectStore::saveScenario(const QString &name, const QString &definition)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        // A replaced scenario keeps its place in the list.
        query.prepare(QStringLiteral("INSERT INTO scenarios (name, definition, position) "
                                     "VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM scenarios)) "
                                     "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition"));
        query.addBindValue(name);
        query.addBindValue(definition);
        if (!query.exec())
            return errorFrom(query, QStringLiteral("save the scenario %1").arg(name));
        return std::nullopt;
    });
}

QStringList ProjectStore::scenarioNames() const
{
    QStringList names;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT name FROM scenarios ORDER BY position, name")))
        while (query.next())
            names.append(query.value(0).toString());
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("read the scenarios")), QStringList{};
    return names;
}

std::optional<QString> ProjectStore::scenarioDefinition(const QString &name) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT definition FROM scenarios WHERE name = ?"));
    query.addBindValue(name);
    if (query.exec() && query.next())
        return query.value(0).toString();
    if (query.lastError().isValid())
        noteReadFailure(query, QStringLiteral("read the scenario %1").arg(name.left(80)));
    return std::nullopt;
}

Result<bool, StoreError> ProjectStore::removeScenario(const QString &name)
{
    bool removed = false;
    const std::optional<StoreError> error = inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("DELETE FROM scenarios WHERE name = ?"));
        query.addBindValue(name);
        if (!query.exec())
            return errorFrom(query, QStringLiteral("remove the scenario %1").arg(name));
        removed = query.numRowsAffected() > 0;
        return std::nullopt;
    });
    if (error)
        return *error;
    return removed;
}

} // namespace landfall
