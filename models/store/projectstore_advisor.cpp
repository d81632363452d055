// ProjectStore's advisor tables: decisions (a cache the advisor recomputes at will), and the
// consultant's overrides, which are keyed by VM identity so that they outlive re-imports.
#include "columnvalue.h"
#include "projectstore.h"
#include "sqlitestatement.h"

#include <QCryptographicHash>
#include <QSqlError>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>
#include <array>
#include <cstring>

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

/** A fingerprint of a set of decisions: the sum, lane by lane, of a SHA-256 digest of every
    field of each one. Equal fingerprints, equal plans; and because a sum does not depend on
    the order, updating a few decisions updates the fingerprint without reading the others. */
class DecisionFingerprint {
public:
    void add(const Decision &decision, int sign = 1)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const auto field = [&hash](const QString &text) {
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
            hash.addData(QByteArrayView("\0\0", 2)); // a separator no UTF-16 text holds
        };
        field(QString::number(decision.vmId));
        field(migrationPathKey(decision.path));
        field(decision.target);
        field(decision.baseImage);
        field(isolationKey(decision.isolation));
        field(confidenceKey(decision.confidence));
        for (const QString &condition : decision.conditions)
            field(condition);
        field(QStringLiteral("|"));
        for (const RuleTraceEntry &entry : decision.trace) {
            field(entry.ruleId);
            field(entry.reason);
        }
        field(QStringLiteral("|"));
        field(decision.reason);
        field(decision.overridden ? QStringLiteral("1") : QStringLiteral("0"));
        field(decision.overrideNote);
        const QByteArray digest = hash.result();
        for (size_t lane = 0; lane < m_lanes.size(); ++lane) {
            quint64 value = 0;
            std::memcpy(&value, digest.constData() + lane * sizeof(quint64), sizeof(quint64));
            m_lanes[lane] += sign > 0 ? value : quint64(0) - value; // modulo 2^64, by design
        }
        m_count += sign;
    }
    QString text() const
    {
        QString out = QStringLiteral("v2:%1:").arg(m_count);
        for (quint64 lane : m_lanes)
            out += QStringLiteral("%1").arg(lane, 16, 16, QLatin1Char('0'));
        return out;
    }
    static QString of(const QList<Decision> &decisions)
    {
        DecisionFingerprint fingerprint;
        for (const Decision &decision : decisions)
            fingerprint.add(decision);
        return fingerprint.text();
    }
    /** Parses text(); false when it is not one. */
    bool parse(const QString &text)
    {
        const QStringList parts = text.split(u':');
        if (parts.size() != 3 || parts[0] != QLatin1String("v2") || parts[2].size() != 64)
            return false;
        bool ok = true;
        m_count = parts[1].toLongLong(&ok);
        for (size_t lane = 0; lane < m_lanes.size() && ok; ++lane)
            m_lanes[lane] = parts[2].mid(qsizetype(lane) * 16, 16).toULongLong(&ok, 16);
        return ok;
    }

private:
    std::array<quint64, 4> m_lanes{};
    qint64 m_count = 0;
};

constexpr const char *kDecisionsFingerprintKey = "advisor.decisionsFingerprint";

} // namespace

std::optional<StoreError> ProjectStore::saveDecisions(const QList<Decision> &decisions,
                                                      const QMap<QString, QString> &settingsToKeep)
{
    // Opening a project re-classifies it; most often nothing changed since the last save, and
    // rewriting 100,000 rows would only cost the consultant a second.
    // "Unchanged" is decided on the stored rows themselves, never on the fingerprint alone: rows
    // edited in the file (by another program) are rewritten here.
    const QString fingerprint = DecisionFingerprint::of(decisions);
    QMap<QString, QString> settings = settingsToKeep;
    settings.insert(QLatin1String(kDecisionsFingerprintKey), fingerprint);
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        bool unchanged = setting(QLatin1String(kDecisionsFingerprintKey)) == fingerprint;
        if (unchanged) {
            const std::optional<QList<Decision>> stored = storedDecisions();
            if (!stored)
                return m_readFailure;
            unchanged = DecisionFingerprint::of(*stored) == fingerprint;
        }
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
        // The fingerprint follows the change: the stored rows of these VMs leave it, the new
        // ones join it. Without a valid fingerprint to start from, none is kept (the next read
        // then has none to check against and the plan is recomputed).
        QList<qint64> ids;
        for (const Decision &decision : decisions)
            ids.append(decision.vmId);
        DecisionFingerprint fingerprint;
        const bool known = fingerprint.parse(setting(QLatin1String(kDecisionsFingerprintKey)));
        const std::optional<QList<Decision>> old = storedDecisions(ids);
        if (!old)
            return m_readFailure;
        for (const Decision &decision : *old)
            fingerprint.add(decision, -1);
        for (const Decision &decision : decisions)
            fingerprint.add(decision);
        if (std::optional<StoreError> problem = writeDecisionRows(decisions))
            return problem;
        QSqlQuery keep(database());
        keep.prepare(known ? QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                                            "UPDATE SET value = excluded.value")
                           : QStringLiteral("DELETE FROM settings WHERE key = ?"));
        keep.addBindValue(QLatin1String(kDecisionsFingerprintKey));
        if (known)
            keep.addBindValue(fingerprint.text());
        if (!keep.exec())
            return errorFrom(keep, QStringLiteral("update the decisions"));
        return std::nullopt;
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
    // Verified before use: rows that do not add up to the fingerprint Landfall saved with them
    // (edited by another program, or a VM removed since) are not the plan; none is returned,
    // and the callers recompute it as for a project not yet classified.
    const std::optional<QList<Decision>> stored = storedDecisions();
    if (!stored)
        return {};
    if (stored->isEmpty() || DecisionFingerprint::of(*stored) != setting(QLatin1String(kDecisionsFingerprintKey)))
        return {};
    return *stored;
}

std::optional<QList<Decision>> ProjectStore::storedDecisions(const std::optional<QList<qint64>> &ids) const
{
    QList<Decision> list;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    const QString columns = QStringLiteral("SELECT vm_id, path, target, base_image, isolation, confidence, conditions, "
                                           "reason, trace, overridden, override_note FROM decisions");
    const auto readRow = [&]() {
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
        decision.overridden = integerOf(query.value(9)) != 0;
        decision.overrideNote = query.value(10).toString();
        list.append(decision);
    };
    const QString what = QStringLiteral("read the decisions");
    if (!ids) {
        if (!query.exec(columns + QLatin1String(" ORDER BY vm_id")))
            return noteReadFailure(query, what), std::nullopt;
        while (query.next())
            readRow();
        if (query.lastError().isValid())
            return noteReadFailure(query, what), std::nullopt;
        return list;
    }
    query.prepare(columns + QLatin1String(" WHERE vm_id = ?"));
    for (qint64 id : *ids) {
        query.bindValue(0, id);
        if (!query.exec())
            return noteReadFailure(query, what), std::nullopt;
        while (query.next())
            readRow();
        if (query.lastError().isValid())
            return noteReadFailure(query, what), std::nullopt;
    }
    return list;
}

QMap<QString, int> ProjectStore::decisionCounts() const
{
    QMap<QString, int> counts;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT path, count(*) FROM decisions GROUP BY path"))) {
        while (query.next())
            counts.insert(query.value(0).toString(), intOf(query.value(1)));
    }
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("count the decisions")), QMap<QString, int>{};
    return counts;
}

QHash<QString, ManualOverride> ProjectStore::overrides() const
{
    QHash<QString, ManualOverride> all;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT identity_key, path, note, set_at FROM overrides")))
        return noteReadFailure(query, QStringLiteral("read the overrides")), QHash<QString, ManualOverride>{};
    while (query.next()) {
        const std::optional<MigrationPath> path = migrationPathFromKey(query.value(1).toString());
        if (!path)
            continue; // written by hand with a path this version does not know: ignore, do not guess
        ManualOverride entry{query.value(0).toString(), *path, query.value(2).toString(), query.value(3).toString()};
        all.insert(entry.identityKey, entry);
    }
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("read the overrides")), QHash<QString, ManualOverride>{};
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
