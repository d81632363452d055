#pragma once

#include <QString>

#include <cstdint>

struct sqlite3;

namespace landfall {

/** The guards every connection to a project file gets, because a project file is untrusted
    input (consultants pass them around): SQL the file carries never runs with Landfall's
    rights, and no statement runs without bound. One instance per connection, alive as long as
    the connection: it is the progress handler's counter. */
class SqliteHardening {
public:
    /** The work one statement may do, in SQLite virtual-machine steps. The largest statement
        Landfall runs (a sort of 100,000 VMs) takes a few million; a recursive view in a crafted
        file takes them all in seconds and is stopped instead of hanging. */
    static constexpr std::int64_t kDefaultStepsPerStatement = 2'000'000'000;
    /** SQLite's heap, at most: a crafted file cannot make the process take all memory. */
    static constexpr std::int64_t kHeapLimitBytes = std::int64_t(1) << 30;
    /** The longest text or blob a value may hold. */
    static constexpr int kMaxValueBytes = 64 << 20;

    /** Sets the guards on `connection`: defensive mode, untrusted schema, no extensions, no
        triggers or views, the statement bound and the heap limit. False when SQLite refused one. */
    bool apply(sqlite3 *connection);
    /** True when the last statement was stopped by the bound (SQLite reports SQLITE_INTERRUPT). */
    bool tripped() const { return m_tripped; }
    /** The message for a statement the bound stopped. */
    static QString trippedMessage();

    /** For tests and the fuzzer: the bound of every connection set up from now on. */
    static void setStepsPerStatement(std::int64_t steps);

private:
    static int onProgress(void *self);
    static int onTrace(unsigned type, void *self, void *, void *);

    std::int64_t m_callsLeft = 0;
    std::int64_t m_callsPerStatement = 0;
    bool m_tripped = false;
};

} // namespace landfall
