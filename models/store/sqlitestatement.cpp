#include "sqlitestatement.h"

#include <sqlite3.h>

namespace landfall {

SqliteStatement::SqliteStatement(sqlite3 *connection, const QString &sql)
    : m_connection(connection)
{
    if (m_connection != nullptr)
        sqlite3_prepare16_v2(m_connection, sql.utf16(), int(sql.size() * 2), &m_statement, nullptr);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::bind(int index, const QString &text)
{
    // The project file is UTF-8: handing SQLite UTF-8 spares it a conversion per value.
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

bool SqliteStatement::bind(int index, qint64 number)
{
    return sqlite3_bind_int64(m_statement, index, number) == SQLITE_OK;
}

bool SqliteStatement::bind(int index, double number)
{
    return sqlite3_bind_double(m_statement, index, number) == SQLITE_OK;
}

bool SqliteStatement::bind(int index, const std::optional<double> &number)
{
    return number ? bind(index, *number) : sqlite3_bind_null(m_statement, index) == SQLITE_OK;
}

bool SqliteStatement::execute(qint64 *firstColumn)
{
    int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        if (firstColumn != nullptr)
            *firstColumn = sqlite3_column_int64(m_statement, 0);
        while (result == SQLITE_ROW)
            result = sqlite3_step(m_statement);
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return result == SQLITE_DONE;
}

QString SqliteStatement::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_connection));
}

int SqliteStatement::errorCode() const
{
    return sqlite3_errcode(m_connection) & 0xff;
}

} // namespace landfall
