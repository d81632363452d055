// ProjectStore's methods for the desktop application: the inventory table's light rows and
// the workshop edits it makes.
#include "projectstore.h"
#include "sqlitestatement.h"
#include "textpool.h"

#include <cmath>

#include <QFuture>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

namespace landfall {

namespace {

/** The column of the vms table that holds each workshop attribute, in the enum's order. */
QString answerColumn(WorkshopAnswers::Attribute attribute)
{
    static const std::array<QString, WorkshopAnswers::kAttributeCount> columns = {
        QStringLiteral("role"),         QStringLiteral("stack"),
        QStringLiteral("gui"),          QStringLiteral("kernel_driver"),
        QStringLiteral("windows_auth"), QStringLiteral("source_available"),
        QStringLiteral("change_rate"),  QStringLiteral("trust"),
        QStringLiteral("decommission"), QStringLiteral("must_stay_on_prem")};
    return columns[static_cast<size_t>(attribute)];
}

/** The rows with ids from `first` to `last`, by a query whose two parameters bound them. */
/** Nullopt when the read stopped early, or a number is out of range (as ProjectStore::vms()). */
std::optional<QList<VmListRow>> readListRows(SqliteStatement &query, qint64 first, qint64 last, qint64 expected)
{
    QList<VmListRow> rows;
    if (!query.isValid())
        return std::nullopt;
    query.bind(1, first);
    query.bind(2, last);
    rows.reserve(expected);
    TextPool pool;
    while (query.nextRow()) {
        VmListRow row;
        row.id = query.int64At(0);
        row.name = TextPool::unpooled(query.utf8At(1));
        row.powerState = powerStateFromKey(pool.text(query.utf8At(2))).value_or(PowerState::Unknown);
        row.osFamily = pool.text(query.utf8At(3));
        row.osVersion = pool.text(query.utf8At(4));
        row.vcpu = int(query.int64At(5));
        row.memoryMiB = query.doubleAt(6);
        row.provisionedMiB = query.doubleAt(7);
        row.usedMiB = query.doubleAt(8);
        row.datacenter = pool.text(query.utf8At(9));
        row.cluster = pool.text(query.utf8At(10));
        row.host = pool.text(query.utf8At(11));
        row.ipAddress = TextPool::unpooled(query.utf8At(12));
        for (size_t i = 0; i < row.answers.size(); ++i)
            row.answers[i] = pool.text(query.utf8At(13 + int(i)));
        const qint64 usedKnown = query.int64At(13 + int(row.answers.size()));
        row.usedKnown = usedKnown != 0;
        const bool inRange = row.vcpu >= 0 && query.int64At(5) <= 1'000'000 && query.int64At(5) >= 0 &&
                             (usedKnown == 0 || usedKnown == 1);
        const double mib = row.memoryMiB + row.provisionedMiB + row.usedMiB;
        if (!inRange || !std::isfinite(mib) || row.memoryMiB < 0 || row.provisionedMiB < 0 || row.usedMiB < 0 ||
            mib > 3e12)
            return std::nullopt;
        rows.append(std::move(row));
    }
    if (query.failed())
        return std::nullopt;
    return rows;
}

} // namespace

QList<VmListRow> ProjectStore::vmListRows() const
{
    QStringList columns = {QStringLiteral("id"),          QStringLiteral("name"),
                           QStringLiteral("power_state"), QStringLiteral("os_family"),
                           QStringLiteral("os_version"),  QStringLiteral("vcpu"),
                           QStringLiteral("memory_mib"),  QStringLiteral("provisioned_mib"),
                           QStringLiteral("used_mib"),    QStringLiteral("datacenter"),
                           QStringLiteral("cluster"),     QStringLiteral("host"),
                           QStringLiteral("ip_address")};
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
        columns.append(answerColumn(attribute));
    columns.append(QStringLiteral("used_known"));

    const QString sql = QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) +
                        QLatin1String(" FROM vms WHERE id BETWEEN ? AND ? ORDER BY id");
    const QString what = QStringLiteral("read the VMs for the inventory table");
    const QString detail = QStringLiteral("a row stopped the read, or holds a number out of range");
    SqliteStatement bounds(connectionHandle(), QStringLiteral("SELECT min(id), max(id), count(*) FROM vms"));
    if (!bounds.isValid() || !bounds.nextRow())
        return noteReadFailure(bounds, what), QList<VmListRow>{};
    if (bounds.int64At(2) == 0)
        return {};
    const qint64 first = bounds.int64At(0);
    const qint64 last = bounds.int64At(1);
    const qint64 count = bounds.int64At(2);

    // This is the wait before the window shows the project. SQLite's C interface, not QSqlQuery,
    // whose QVariant per value costs seconds at 100,000 rows; and a large project is read in two
    // halves at once, the upper one on a read-only connection of its own on the thread pool.
    constexpr qint64 kReadInHalvesFrom = 20000;
    if (count < kReadInHalvesFrom) {
        SqliteStatement all(connectionHandle(), sql);
        std::optional<QList<VmListRow>> rows = readListRows(all, first, last, count);
        if (!rows)
            return noteReadFailure(what, all.failed() ? all.errorMessage() : detail), QList<VmListRow>{};
        return std::move(*rows);
    }
    const qint64 middle = first + (last - first) / 2;
    QFuture<std::optional<QList<VmListRow>>> upperHalf =
        QtConcurrent::run([path = m_path, sql, middle, last, count]() -> std::optional<QList<VmListRow>> {
            SqliteReadConnection connection(path);
            if (!connection.handle())
                return std::nullopt;
            SqliteStatement upper(connection.handle(), sql);
            if (!upper.isValid())
                return std::nullopt;
            return readListRows(upper, middle + 1, last, count / 2);
        });
    SqliteStatement lower(connectionHandle(), sql);
    std::optional<QList<VmListRow>> rows = readListRows(lower, first, middle, count);
    std::optional<QList<VmListRow>> upper = upperHalf.takeResult();
    if (!rows)
        return noteReadFailure(what, lower.failed() ? lower.errorMessage() : detail), QList<VmListRow>{};
    if (!upper) { // no second connection, or it failed: read the upper half here
        SqliteStatement again(connectionHandle(), sql);
        upper = readListRows(again, middle + 1, last, count / 2);
        if (!upper)
            return noteReadFailure(what, again.failed() ? again.errorMessage() : detail), QList<VmListRow>{};
    }
    rows->append(std::move(*upper));
    return std::move(*rows);
}

QList<qint64> ProjectStore::vmIdsInNameOrder() const
{
    QList<qint64> ids;
    // The index vms_name holds (name COLLATE NOCASE, id): SQLite walks it and reads no table row.
    SqliteStatement query(connectionHandle(), QStringLiteral("SELECT id FROM vms ORDER BY name COLLATE NOCASE, id"));
    while (query.nextRow())
        ids.append(query.int64At(0));
    if (!query.isValid() || query.failed())
        return noteReadFailure(query, QStringLiteral("sort the VMs by name")), QList<qint64>{};
    return ids;
}

std::optional<StoreError> ProjectStore::setWorkshopAnswer(WorkshopAnswers::Attribute attribute,
                                                          const QList<std::pair<qint64, QString>> &values)
{
    const QStringList allowed = WorkshopAnswers::allowedValues(attribute);
    for (const auto &[id, value] : values) {
        if (!allowed.contains(value))
            return StoreError{
                StoreError::Kind::Failed,
                QStringLiteral("%1: %2 is not a value of %3 (expected one of %4)")
                    .arg(m_path, value, WorkshopAnswers::key(attribute), allowed.join(QLatin1String(", ")))};
    }
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery update(database());
        update.prepare(QLatin1String("UPDATE vms SET ") + answerColumn(attribute) + QLatin1String(" = ? WHERE id = ?"));
        for (const auto &[id, value] : values) {
            update.bindValue(0, value);
            update.bindValue(1, id);
            if (!update.exec())
                return errorFrom(update,
                                 QStringLiteral("save the %1 of VM %2").arg(WorkshopAnswers::key(attribute)).arg(id));
        }
        return std::nullopt;
    });
}

} // namespace landfall
