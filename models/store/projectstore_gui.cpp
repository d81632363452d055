// ProjectStore's methods for the desktop application: the inventory table's light rows and
// the workshop edits it makes.
#include "projectstore.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

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

/** Turns SQLite's UTF-8 text into QStrings, sharing one copy of each repeated text
    (clusters, OS families, answers) across 100,000 rows: less memory, and no decoding of
    a value seen before. */
class TextPool {
public:
    QString text(sqlite3_stmt *statement, int column)
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        if (!bytes || size == 0)
            return QStringLiteral("");
        const QByteArray probe = QByteArray::fromRawData(bytes, size); // no copy, for the lookup only
        const auto it = m_pool.constFind(probe);
        if (it != m_pool.constEnd())
            return *it;
        const QString decoded = QString::fromUtf8(bytes, size);
        m_pool.insert(QByteArray(bytes, size), decoded);
        return decoded;
    }
    static QString unpooled(sqlite3_stmt *statement, int column)
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(statement, column)) : QStringLiteral("");
    }

private:
    QHash<QByteArray, QString> m_pool;
};

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

    // Straight through SQLite's C interface on the store's own connection: QSqlQuery's QVariant
    // per value costs seconds at 100,000 rows, and this is the wait before the window shows.
    QList<VmListRow> rows;
    sqlite3 *connection = connectionHandle();
    if (!connection)
        return rows;
    const QByteArray sql =
        (QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM vms ORDER BY id"))
            .toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return rows;
    }
    rows.reserve(vmCount());
    TextPool pool;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        VmListRow row;
        row.id = sqlite3_column_int64(statement, 0);
        row.name = TextPool::unpooled(statement, 1);
        row.powerState = powerStateFromKey(pool.text(statement, 2)).value_or(PowerState::Unknown);
        row.osFamily = pool.text(statement, 3);
        row.osVersion = pool.text(statement, 4);
        row.vcpu = sqlite3_column_int(statement, 5);
        row.memoryMiB = sqlite3_column_double(statement, 6);
        row.provisionedMiB = sqlite3_column_double(statement, 7);
        row.usedMiB = sqlite3_column_double(statement, 8);
        row.datacenter = pool.text(statement, 9);
        row.cluster = pool.text(statement, 10);
        row.host = pool.text(statement, 11);
        row.ipAddress = TextPool::unpooled(statement, 12);
        for (size_t i = 0; i < row.answers.size(); ++i)
            row.answers[i] = pool.text(statement, 13 + int(i));
        rows.append(std::move(row));
    }
    sqlite3_finalize(statement);
    return rows;
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
