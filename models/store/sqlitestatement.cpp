#include "sqlitestatement.h"

#include "sqlitehardening.h"

#include <sqlite3.h>

#include <QFileInfo>

namespace landfall {

SqliteReadConnection::SqliteReadConnection(const QString &path)
{
    // An absolute path is never read as a URI; the connection gets the store's guards.
    m_hardening = std::make_unique<SqliteHardening>();
    if (sqlite3_open_v2(QFileInfo(path).absoluteFilePath().toUtf8().constData(), &m_connection, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK ||
        !m_hardening->apply(m_connection)) {
        sqlite3_close(m_connection);
        m_connection = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_connection, 5000); // a writer's commit takes milliseconds; wait it out
}

SqliteReadConnection::~SqliteReadConnection()
{
    sqlite3_close(m_connection);
}

SqliteStatement::SqliteStatement(sqlite3 *connection, const QString &sql)
    : m_connection(connection)
{
    if (m_connection != nullptr)
        sqlite3_prepare16_v2(m_connection, sql.utf16(), int(sql.size() * 2), &m_statement, nullptr);
    m_boundText.resize(size_t(sqlite3_bind_parameter_count(m_statement)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::bind(int index, const QString &text)
{
    if (index < 1 || size_t(index) > m_boundText.size())
        return sqlite3_bind_text(m_statement, index, "", 0, SQLITE_STATIC) == SQLITE_OK; // SQLite reports the range
    BoundText &bound = m_boundText[size_t(index - 1)];
    // Row after row binds the same texts (an empty note, the source, a cluster the reader shared
    // between rows): a parameter still bound to that very text keeps its binding.
    if (text.isEmpty()) {
        if (bound.isEmpty)
            return true;
        bound.forget();
        bound.isEmpty = true;
        return sqlite3_bind_text(m_statement, index, "", 0, SQLITE_STATIC) == SQLITE_OK;
    }
    if (bound.source.isSharedWith(text) && bound.source.size() == text.size())
        return true;
    // The project file is UTF-8: handing SQLite UTF-8 spares it a conversion per value. Each
    // parameter has a buffer of its own that keeps its capacity from one run to the next, so
    // that encoding a value allocates nothing (QString::toUtf8() would, for each value of a
    // 100,000-row import); SQLite uses the bytes in place (SQLITE_STATIC) until the parameter
    // is bound again.
    bound.forget();
    bound.utf8.resize(m_encoder.requiredSpace(text.size()));
    const char *end = m_encoder.appendToBuffer(bound.utf8.data(), text);
    if (sqlite3_bind_text(m_statement, index, bound.utf8.constData(), int(end - bound.utf8.constData()),
                          SQLITE_STATIC) != SQLITE_OK)
        return false;
    bound.source = text; // shares the text's data, which therefore cannot be reused for another text
    return true;
}

bool SqliteStatement::bind(int index, qint64 number)
{
    forgetText(index);
    return sqlite3_bind_int64(m_statement, index, number) == SQLITE_OK;
}

bool SqliteStatement::bind(int index, double number)
{
    forgetText(index);
    return sqlite3_bind_double(m_statement, index, number) == SQLITE_OK;
}

bool SqliteStatement::bind(int index, const std::optional<double> &number)
{
    forgetText(index);
    return number ? bind(index, *number) : sqlite3_bind_null(m_statement, index) == SQLITE_OK;
}

void SqliteStatement::forgetText(int index)
{
    if (index >= 1 && size_t(index) <= m_boundText.size())
        m_boundText[size_t(index - 1)].forget();
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
    return result == SQLITE_DONE;
}

bool SqliteStatement::nextRow()
{
    m_lastStep = m_statement ? sqlite3_step(m_statement) : SQLITE_MISUSE;
    return m_lastStep == SQLITE_ROW;
}

void SqliteStatement::reset()
{
    m_lastStep = 0;
    sqlite3_reset(m_statement);
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::doubleAt(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool SqliteStatement::isNullAt(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QByteArrayView SqliteStatement::utf8At(int column) const
{
    // sqlite3_column_text first, then the size: the order SQLite documents.
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
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
