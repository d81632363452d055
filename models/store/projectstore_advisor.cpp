// ProjectStore's advisor tables: decisions (a cache the advisor recomputes at will), and the
// consultant's overrides, which are keyed by VM identity so that they outlive re-imports.
#include "projectstore.h"
#include "sqlitestatement.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace landfall {

namespace {

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

/** A digest of every field of every decision, in order: equal digests, equal plans. */
QByteArray fingerprintOf(const QList<Decision> &decisions)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &text) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
        hash.addData(QByteArrayView("\0\0", 2)); // a separator no UTF-16 text holds
    };
    for (const Decision &decision : decisions) {
        add(QString::number(decision.vmId));
        add(migrationPathKey(decision.path));
        add(decision.target);
        add(decision.baseImage);
        add(isolationKey(decision.isolation));
        add(confidenceKey(decision.confidence));
        for (const QString &condition : decision.conditions)
            add(condition);
        add(QStringLiteral("|"));
        for (const RuleTraceEntry &entry : decision.trace) {
            add(entry.ruleId);
            add(entry.reason);
        }
        add(QStringLiteral("|"));
        add(decision.reason);
        add(decision.overridden ? QStringLiteral("1") : QStringLiteral("0"));
        add(decision.overrideNote);
    }
    return hash.result().toHex();
}

constexpr const char *kDecisionsFingerprintKey = "advisor.decisionsFingerprint";

} // namespace

std::optional<StoreError> ProjectStore::saveDecisions(const QList<Decision> &decisions,
                                                      const QMap<QString, QString> &settingsToKeep)
{
    // Opening a project re-classifies it; most often nothing changed since the last save, and
    // rewriting 100,000 rows would only cost the consultant a second.
    const QString fingerprint = QString::fromLatin1(fingerprintOf(decisions));
    QMap<QString, QString> settings = settingsToKeep;
    settings.insert(QLatin1String(kDecisionsFingerprintKey), fingerprint);
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        const bool unchanged = setting(QLatin1String(kDecisionsFingerprintKey)) == fingerprint &&
                               query.exec(QStringLiteral("SELECT count(*) FROM decisions")) && query.next() &&
                               query.value(0).toLongLong() == decisions.size();
        query.prepare(QStringLiteral(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            query.bindValue(0, it.key());
            query.bindValue(1, it.value());
            if (!query.exec())
                return errorFrom(query, QStringLiteral("save the setting %1").arg(it.key()));
        }
        if (unchanged)
            return std::nullopt;
        if (!query.exec(QStringLiteral("DELETE FROM decisions")))
            return errorFrom(query, QStringLiteral("clear the decisions"));
        return writeDecisionRows(decisions);
    });
}

std::optional<StoreError> ProjectStore::updateDecisions(const QList<Decision> &decisions)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        // The stored plan is no longer the one fingerprinted: the next saveDecisions() writes all.
        QSqlQuery forget(database());
        forget.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        forget.addBindValue(QLatin1String(kDecisionsFingerprintKey));
        if (!forget.exec())
            return errorFrom(forget, QStringLiteral("update the decisions"));
        return writeDecisionRows(decisions);
    });
}

std::optional<StoreError> ProjectStore::writeDecisionRows(const QList<Decision> &decisions)
{
    // Through SQLite's C interface: 100,000 decisions are saved on every re-classification.
    SqliteStatement insert(
        connectionHandle(),
        QStringLiteral("INSERT OR REPLACE INTO decisions (vm_id, path, target, base_image, isolation, "
                       "confidence, conditions, rules, reason, trace, overridden, override_note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert.isValid())
        return errorFrom(insert, QStringLiteral("prepare the decisions"));
    for (const Decision &decision : decisions) {
        QJsonArray rules;
        QJsonArray trace;
        for (const RuleTraceEntry &entry : decision.trace) {
            rules.append(entry.ruleId);
            trace.append(QJsonObject{{QStringLiteral("rule"), entry.ruleId}, {QStringLiteral("reason"), entry.reason}});
        }
        // Every text binds as text, '' for "nothing": the columns are NOT NULL.
        insert.bind(1, decision.vmId);
        insert.bind(2, migrationPathKey(decision.path));
        insert.bind(3, decision.target);
        insert.bind(4, decision.baseImage);
        insert.bind(5, isolationKey(decision.isolation));
        insert.bind(6, confidenceKey(decision.confidence));
        insert.bind(7, jsonText(QJsonArray::fromStringList(decision.conditions)));
        insert.bind(8, jsonText(rules));
        insert.bind(9, decision.reason);
        insert.bind(10, jsonText(trace));
        insert.bind(11, qint64(decision.overridden ? 1 : 0));
        insert.bind(12, decision.overrideNote);
        if (!insert.execute())
            return errorFrom(insert, QStringLiteral("save the decision for VM %1").arg(decision.vmId));
    }
    return std::nullopt;
}

QList<Decision> ProjectStore::decisions() const
{
    QList<Decision> list;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT vm_id, path, target, base_image, isolation, confidence, conditions, reason, "
                                   "trace, overridden, override_note FROM decisions ORDER BY vm_id")))
        return list;
    while (query.next()) {
        Decision decision;
        decision.vmId = query.value(0).toLongLong();
        decision.path = migrationPathFromKey(query.value(1).toString()).value_or(MigrationPath::Rehost);
        decision.target = query.value(2).toString();
        decision.baseImage = query.value(3).toString();
        decision.isolation = isolationFromKey(query.value(4).toString()).value_or(Isolation::None);
        decision.confidence = confidenceFromKey(query.value(5).toString()).value_or(Confidence::Low);
        for (const QJsonValue &condition : jsonArray(query.value(6).toString()))
            decision.conditions.append(condition.toString());
        decision.reason = query.value(7).toString();
        for (const QJsonValue &entry : jsonArray(query.value(8).toString())) {
            const QJsonObject object = entry.toObject();
            decision.trace.append(
                {object.value(QStringLiteral("rule")).toString(), object.value(QStringLiteral("reason")).toString()});
        }
        decision.overridden = query.value(9).toInt() != 0;
        decision.overrideNote = query.value(10).toString();
        list.append(decision);
    }
    return list;
}

QMap<QString, int> ProjectStore::decisionCounts() const
{
    QMap<QString, int> counts;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT path, count(*) FROM decisions GROUP BY path"))) {
        while (query.next())
            counts.insert(query.value(0).toString(), query.value(1).toInt());
    }
    return counts;
}

QHash<QString, ManualOverride> ProjectStore::overrides() const
{
    QHash<QString, ManualOverride> all;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT identity_key, path, note, set_at FROM overrides")))
        return all;
    while (query.next()) {
        const std::optional<MigrationPath> path = migrationPathFromKey(query.value(1).toString());
        if (!path)
            continue; // written by hand with a path this version does not know: ignore, do not guess
        ManualOverride entry{query.value(0).toString(), *path, query.value(2).toString(), query.value(3).toString()};
        all.insert(entry.identityKey, entry);
    }
    return all;
}

std::optional<StoreError> ProjectStore::setOverride(const ManualOverride &manualOverride)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("INSERT INTO overrides (identity_key, path, note, set_at) VALUES (?, ?, ?, ?) "
                                     "ON CONFLICT (identity_key) DO UPDATE SET path = excluded.path, note = "
                                     "excluded.note, set_at = excluded.set_at"));
        query.addBindValue(manualOverride.identityKey);
        query.addBindValue(migrationPathKey(manualOverride.path));
        query.addBindValue(manualOverride.note.isNull() ? QStringLiteral("") : manualOverride.note);
        query.addBindValue(manualOverride.setAt.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
                                                          : manualOverride.setAt);
        if (!query.exec())
            return errorFrom(query, QStringLiteral("save the override of %1").arg(manualOverride.identityKey));
        return std::nullopt;
    });
}

std::optional<StoreError> ProjectStore::clearOverride(const QString &identityKey)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("DELETE FROM overrides WHERE identity_key = ?"));
        query.addBindValue(identityKey);
        if (!query.exec())
            return errorFrom(query, QStringLiteral("remove the override of %1").arg(identityKey));
        return std::nullopt;
    });
}

} // namespace landfall
