#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace landfall {

/** A prepared SQLite statement on the connection QtSql opened, for the one path where
    QSqlQuery's per-value overhead dominates: writing a whole inventory in bulk. Used only
    inside ProjectStore, within its transactions. */
class SqliteStatement {
public:
    SqliteStatement(sqlite3 *connection, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    // Bind a value to the 1-based parameter `index`. A statement run many times must bind every
    // parameter before each run: bindings stay in place from one run to the next.
    bool bind(int index, const QString &text);
    bool bind(int index, qint64 number);
    bool bind(int index, double number);
    bool bind(int index, const std::optional<double> &number); ///< NULL when there is none
    /** Runs the statement; a first result column, if any, is read into `firstColumn`. */
    bool execute(qint64 *firstColumn = nullptr);
    QString errorMessage() const;
    /** SQLite's result code of the last failure (5 and 6: the file is busy or locked). */
    int errorCode() const;

private:
    sqlite3 *m_connection;
    sqlite3_stmt *m_statement = nullptr;
    /// The UTF-8 of each bound text parameter, kept here so that SQLite need not copy it.
    std::vector<QByteArray> m_boundText;
};

} // namespace landfall
