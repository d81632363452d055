#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringEncoder>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace landfall {

class SqliteHardening;

/** A read-only SQLite connection of its own to a project file, for a worker thread that reads
    beside the store's connection (which belongs to the thread that opened it). */
class SqliteReadConnection {
public:
    explicit SqliteReadConnection(const QString &path);
    ~SqliteReadConnection();
    SqliteReadConnection(const SqliteReadConnection &) = delete;
    SqliteReadConnection &operator=(const SqliteReadConnection &) = delete;

    sqlite3 *handle() const { return m_connection; } ///< null when the file could not be opened

private:
    sqlite3 *m_connection = nullptr;
    std::unique_ptr<SqliteHardening> m_hardening;
};

/** A prepared SQLite statement on the connection QtSql opened, for the paths where
    QSqlQuery's per-value QVariant overhead dominates: writing a whole inventory, its
    decisions, and reading every VM back (100,000 rows each). Used only inside ProjectStore. */
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

    /** Steps a query: true while it yields a row, whose columns the *At() functions read.
        False at the end, or on an error (errorCode() tells which); then reset() runs it again. */
    bool nextRow();
    /** True when the last nextRow() stopped on an error rather than at the end of the rows. */
    bool failed() const { return m_lastStep != 0 && m_lastStep != 100 && m_lastStep != 101; }
    void reset();
    qint64 int64At(int column) const;
    double doubleAt(int column) const;
    bool isNullAt(int column) const;
    /** A text column's UTF-8 bytes, valid until the next step. */
    QByteArrayView utf8At(int column) const;

    QString errorMessage() const;
    /** SQLite's result code of the last failure (5 and 6: the file is busy or locked). */
    int errorCode() const;

private:
    sqlite3 *m_connection;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastStep = 0; ///< SQLite's result of the last step (100 row, 101 done)
    /** What one parameter is bound to, when it is a text: its UTF-8, kept here so that SQLite
        need not copy it, and the text it came from, to see the same text bound again. */
    struct BoundText {
        QByteArray utf8;
        QString source;       ///< null unless the parameter is bound to this (non-empty) text
        bool isEmpty = false; ///< bound to an empty text
        void forget()
        {
            source = QString();
            isEmpty = false;
        }
    };
    void forgetText(int index); ///< the parameter is about to be bound to something else than a text
    std::vector<BoundText> m_boundText;
    /// Stateless: each value is encoded on its own, as QString::toUtf8() does.
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

} // namespace landfall
