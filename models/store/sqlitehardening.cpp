#include "sqlitehardening.h"

#include <sqlite3.h>

#include <atomic>

namespace landfall {

namespace {

constexpr int kStepsPerProgressCall = 10'000;
std::atomic<std::int64_t> g_stepsPerStatement{SqliteHardening::kDefaultStepsPerStatement};

} // namespace

void SqliteHardening::setStepsPerStatement(std::int64_t steps)
{
    g_stepsPerStatement = steps;
}

QString SqliteHardening::trippedMessage()
{
    return QStringLiteral("a statement did more work than any Landfall project needs and was stopped (the file "
                          "holds SQL or data that Landfall did not write)");
}

bool SqliteHardening::apply(sqlite3 *connection)
{
    if (connection == nullptr)
        return false;
    // Process-wide, and idempotent: the first connection sets it.
    if (sqlite3_hard_heap_limit64(-1) == 0 || sqlite3_hard_heap_limit64(-1) > kHeapLimitBytes)
        sqlite3_hard_heap_limit64(kHeapLimitBytes);
    bool ok = true;
    // Defensive: no writes to sqlite_schema, no PRAGMA writable_schema, no journal tricks.
    // Untrusted schema: functions with side effects never run from a view, trigger or default.
    // Landfall creates neither views nor triggers, so one in a file never runs.
    for (const auto &[option, value] :
         {std::pair{SQLITE_DBCONFIG_DEFENSIVE, 1}, std::pair{SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0},
          std::pair{SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0}, std::pair{SQLITE_DBCONFIG_ENABLE_TRIGGER, 0},
          std::pair{SQLITE_DBCONFIG_ENABLE_VIEW, 0}, std::pair{SQLITE_DBCONFIG_DQS_DDL, 0},
          std::pair{SQLITE_DBCONFIG_DQS_DML, 0}}) {
        int now = -1;
        ok = sqlite3_db_config(connection, option, value, &now) == SQLITE_OK && now == value && ok;
    }
    ok = sqlite3_enable_load_extension(connection, 0) == SQLITE_OK && ok;
    sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0);
    m_callsPerStatement = std::max<std::int64_t>(1, g_stepsPerStatement / kStepsPerProgressCall);
    m_callsLeft = m_callsPerStatement;
    // The trace callback marks the start of every statement; the progress handler counts its work.
    sqlite3_trace_v2(connection, SQLITE_TRACE_STMT, &SqliteHardening::onTrace, this);
    sqlite3_progress_handler(connection, kStepsPerProgressCall, &SqliteHardening::onProgress, this);
    return ok;
}

int SqliteHardening::onTrace(unsigned type, void *self, void *, void *)
{
    if (type == SQLITE_TRACE_STMT) {
        auto *guard = static_cast<SqliteHardening *>(self);
        guard->m_callsLeft = guard->m_callsPerStatement;
        guard->m_tripped = false;
    }
    return 0;
}

int SqliteHardening::onProgress(void *self)
{
    auto *guard = static_cast<SqliteHardening *>(self);
    if (--guard->m_callsLeft > 0)
        return 0;
    guard->m_tripped = true;
    return 1; // SQLITE_INTERRUPT for the statement
}

} // namespace landfall
