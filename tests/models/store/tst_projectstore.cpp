#include "store/projectstore.h"
#include "store/schemamigrations.h"
#include "store/sqlitehardening.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/** Runs SQL on a file through a connection of its own, as another program would. */
bool runSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

/** A project of `count` VMs with a decision each, as Landfall writes it. */
QString makeProject(const QTemporaryDir &dir, int count = 5, const QString &name = QStringLiteral("p.landfall"))
{
    const QString path = dir.filePath(name);
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
    if (!store)
        return {};
    InventoryBatch batch;
    batch.record.file = QStringLiteral("inventory.csv");
    batch.record.format = QStringLiteral("landfall");
    for (int n = 0; n < count; ++n) {
        Vm vm;
        vm.vcenter = QStringLiteral("vc");
        vm.uuid = QStringLiteral("uuid-%1").arg(n);
        vm.name = QStringLiteral("vm-%1").arg(n);
        vm.vcpu = 2;
        vm.memoryMiB = 4096;
        batch.vms.append(vm);
    }
    if (const auto error = store.value()->importInventory(batch)) {
        qWarning("%s", qPrintable(error->message));
        return {};
    }
    QList<Decision> decisions;
    for (const Vm &vm : store.value()->vms()) {
        Decision decision;
        decision.vmId = vm.id;
        decision.path = MigrationPath::Containerize;
        decision.reason = QStringLiteral("fits");
        decision.trace.append({QStringLiteral("r1"), QStringLiteral("a reason")});
        decisions.append(decision);
    }
    if (const auto error = store.value()->saveDecisions(decisions)) {
        qWarning("%s", qPrintable(error->message));
        return {};
    }
    return path;
}

} // namespace

/** The project file: its schema, migrations, refusals and transactions. */
class TestProjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsAVersionedProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.landfall"));
        {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
            QVERIFY(store);
            QVERIFY(store.value()->wasCreated());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray header = file.read(100);
        QVERIFY(header.startsWith("SQLite format 3"));
        // The application id sits big-endian at offset 68: the MIME magic relies on it.
        QCOMPARE(header.mid(68, 4), QByteArray("LNDF"));
        auto again = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(again);
        QVERIFY(!again.value()->wasCreated());
    }

    void migratesAnOlderProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.landfall"));
        // A project as version 1 wrote it, with one VM.
        QStringList v1 = SchemaMigrations::step(1);
        v1 << QStringLiteral(
                  "INSERT INTO vms (identity_key, name, vcpu, memory_mib, role) VALUES ('name:old', 'old', 2, "
                  "4096, 'web')")
           << QStringLiteral("PRAGMA application_id = %1").arg(SchemaMigrations::kApplicationId)
           << QStringLiteral("PRAGMA user_version = 1");
        QVERIFY(runSql(path, v1));
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        const QList<Vm> vms = store.value()->vms();
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms[0].name, QStringLiteral("old"));
        QCOMPARE(vms[0].answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("web"));
        QCOMPARE(vms[0].diskCount, 0);
        QVERIFY(!vms[0].cpuUtilPct);
        QCOMPARE(store.value()->summary().vms, 1);
    }

    void anOlderProjectsZeroUsedDiskBecomesUnknown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v7.landfall"));
        // A project of format 7, before used_known: 0 was stored where the inventory said nothing.
        QStringList v7;
        for (int step = 1; step <= 7; ++step)
            v7 << SchemaMigrations::step(step);
        v7 << QStringLiteral("INSERT INTO vms (identity_key, name, used_mib) VALUES ('name:a', 'a', 0)")
           << QStringLiteral("INSERT INTO vms (identity_key, name, used_mib) VALUES ('name:b', 'b', 2048)")
           << QStringLiteral("PRAGMA application_id = %1").arg(SchemaMigrations::kApplicationId)
           << QStringLiteral("PRAGMA user_version = 7");
        QVERIFY(runSql(path, v7));
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        const QList<Vm> vms = store.value()->vms();
        QCOMPARE(vms.size(), 2);
        QVERIFY(!vms[0].usedKnown);
        QVERIFY(vms[1].usedKnown);
        QCOMPARE(vms[1].usedMiB, 2048.0);
        const QList<VmListRow> rows = store.value()->vmListRows();
        QCOMPARE(rows.size(), 2);
        QVERIFY(!rows[0].usedKnown);
        QVERIFY(rows[1].usedKnown);
        const ProjectSummary summary = store.value()->summary();
        QCOMPARE(summary.vmsWithoutUsedDisk, 1);
        QCOMPARE(summary.usedGiB, 2.0);
    }

    void usedKnownRoundTrips()
    {
        QTemporaryDir dir;
        auto store =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(store);
        InventoryBatch batch;
        batch.record.file = QStringLiteral("in.csv");
        batch.record.format = QStringLiteral("rvtools");
        Vm unknown;
        unknown.name = QStringLiteral("unknown");
        unknown.usedKnown = false;
        Vm zero;
        zero.name = QStringLiteral("zero"); // known, and 0
        batch.vms = {unknown, zero};
        QVERIFY(!store.value()->importInventory(batch));
        const QList<Vm> vms = store.value()->vms();
        QCOMPARE(vms.size(), 2);
        QVERIFY(!vms[0].usedKnown);
        QVERIFY(vms[1].usedKnown);
        Vm edited = vms[0];
        edited.usedKnown = true;
        edited.usedMiB = 1024;
        QVERIFY(!store.value()->updateVms({edited}));
        QVERIFY(store.value()->vms()[0].usedKnown);
        QCOMPARE(store.value()->summary().vmsWithoutUsedDisk, 0);
    }

    void refusesAForeignSqliteFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.db"));
        QVERIFY(runSql(path, {QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("INSERT INTO t VALUES (1)")}));
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(!store);
        QCOMPARE(store.error().kind, StoreError::Kind::Foreign);
        QVERIFY(store.error().message.contains(QLatin1String("not a Landfall project")));
        QCOMPARE(fileHash(path), before);
    }

    void refusesANewerProjectUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.landfall"));
        {
            QVERIFY(ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing));
        }
        QVERIFY(runSql(path, {QStringLiteral("PRAGMA user_version = %1").arg(SchemaMigrations::latestVersion() + 1)}));
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(!store);
        QCOMPARE(store.error().kind, StoreError::Kind::Newer);
        QVERIFY(store.error().message.contains(QLatin1String("newer Landfall")));
        QCOMPARE(fileHash(path), before);
    }

    void refusesFilesThatAreNotDatabases_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("VM,CPUs\nweb1,2\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("binary") << QByteArray(4096, '\x7f');
    }

    void refusesFilesThatAreNotDatabases()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.landfall"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(!store);
        QCOMPARE(fileHash(path), before);
    }

    void anEmptyFileLeftByAnInterruptedCreateBecomesAProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.landfall"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly)); // a summary does not write
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QVERIFY(store.value()->wasCreated());
        QCOMPARE(store.value()->vmCount(), 0);
    }

    void refusesAMissingFileWhenAskedForAnExistingOne()
    {
        QTemporaryDir dir;
        auto store =
            ProjectStore::open(dir.filePath(QStringLiteral("none.landfall")), ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(!store);
        QCOMPARE(store.error().kind, StoreError::Kind::Unreadable);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.landfall"))));
    }

    void aFailedChangeRollsBack()
    {
        QTemporaryDir dir;
        auto store =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(store);
        InventoryBatch batch;
        batch.record.file = QStringLiteral("x.csv");
        batch.record.format = QStringLiteral("rvtools");
        Vm good;
        good.name = QStringLiteral("good");
        good.vcpu = 2;
        Vm bad;
        bad.name = QStringLiteral("bad");
        bad.vcpu = -1; // the schema's CHECK refuses it
        batch.vms = {good, bad};
        QVERIFY(store.value()->importInventory(batch));
        QCOMPARE(store.value()->vmCount(), 0);
        QVERIFY(store.value()->importHistory().isEmpty());
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        auto store =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QCOMPARE(store.value()->setting(QStringLiteral("k"), QStringLiteral("fallback")), QStringLiteral("fallback"));
        QVERIFY(!store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v1")));
        QVERIFY(!store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v2")));
        QCOMPARE(store.value()->setting(QStringLiteral("k")), QStringLiteral("v2"));
    }

    void aSecondWriterIsToldTheProjectIsBusy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.landfall"));
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(store);
        // Another program holds the write lock for longer than the busy timeout.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QElapsedTimer timer;
        timer.start();
        const std::optional<StoreError> error = store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v"));
        QVERIFY(error);
        QCOMPARE(error->kind, StoreError::Kind::Busy);
        QVERIFY(timer.elapsed() >= 4000); // it waited before giving up
        lock.exec(QStringLiteral("ROLLBACK"));
        lock = QSqlQuery();
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QVERIFY(!store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v")));
    }

    // Issue 21: a project file from a stranger.
    void refusesSchemaObjectsLandfallDoesNotCreate_data()
    {
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("named");
        QTest::newRow("view in place of vms")
            << QStringList{QStringLiteral("PRAGMA foreign_keys = OFF"),
                           QStringLiteral("ALTER TABLE vms RENAME TO kept"),
                           QStringLiteral("CREATE VIEW vms AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM r) SELECT k.* FROM kept k, r")}
            << QStringLiteral("view");
        QTest::newRow("trigger") << QStringList{QStringLiteral(
                                        "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN UPDATE decisions SET path = "
                                        "'retire'; END")}
                                 << QStringLiteral("trigger 't'");
        QTest::newRow("extra table") << QStringList{QStringLiteral("CREATE TABLE extra (x)")}
                                     << QStringLiteral("table 'extra'");
        QTest::newRow("extra index") << QStringList{QStringLiteral("CREATE INDEX odd ON vms(notes)")}
                                     << QStringLiteral("index 'odd'");
        QTest::newRow("dropped column") << QStringList{QStringLiteral("ALTER TABLE vms DROP COLUMN notes")}
                                        << QStringLiteral("missing columns: notes");
        QTest::newRow("added column") << QStringList{QStringLiteral("ALTER TABLE vms ADD COLUMN evil TEXT")}
                                      << QStringLiteral("evil");
        QTest::newRow("dropped table") << QStringList{QStringLiteral("DROP TABLE scenarios")}
                                       << QStringLiteral("no table 'scenarios'");
        QTest::newRow("view with randomblob")
            << QStringList{QStringLiteral("CREATE VIEW hog AS SELECT randomblob(1000000000)")}
            << QStringLiteral("view 'hog'");
    }

    void refusesSchemaObjectsLandfallDoesNotCreate()
    {
        QFETCH(QStringList, sql);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        QVERIFY(!path.isEmpty());
        QVERIFY(runSql(path, sql));
        const QByteArray before = fileHash(path);
        for (const auto mode : {ProjectStore::OpenMode::ExistingOnly, ProjectStore::OpenMode::ReadOnly}) {
            QElapsedTimer timer;
            timer.start();
            auto store = ProjectStore::open(path, mode);
            QVERIFY(!store);
            QCOMPARE(store.error().kind, StoreError::Kind::Damaged);
            QVERIFY2(store.error().message.contains(named), qPrintable(store.error().message));
            QVERIFY(timer.elapsed() < 5000);
        }
        QCOMPARE(fileHash(path), before);
    }

    void aZeroedPageIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 400);
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        QVERIFY(file.size() > 8 * pageSize);
        file.seek(file.size() / pageSize / 2 * pageSize);
        file.write(QByteArray(pageSize, '\0'));
        file.close();
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QStringLiteral("damaged")), qPrintable(store.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void theStatementBoundStopsAnEndlessQuery()
    {
        sqlite3 *connection = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &connection), SQLITE_OK);
        SqliteHardening::setStepsPerStatement(1'000'000);
        SqliteHardening hardening;
        QVERIFY(hardening.apply(connection));
        SqliteHardening::setStepsPerStatement(SqliteHardening::kDefaultStepsPerStatement);
        QElapsedTimer timer;
        timer.start();
        const int result = sqlite3_exec(
            connection, "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
            nullptr, nullptr, nullptr);
        QCOMPARE(result, SQLITE_INTERRUPT);
        QVERIFY(hardening.tripped());
        QVERIFY(timer.elapsed() < 5000);
        // The next statement starts with a fresh bound.
        QCOMPARE(sqlite3_exec(connection, "SELECT 1", nullptr, nullptr, nullptr), SQLITE_OK);
        // Defensive: the schema cannot be written, and no extension loads.
        QVERIFY(sqlite3_exec(connection,
                             "CREATE TABLE t (x); PRAGMA writable_schema = ON; UPDATE sqlite_schema SET "
                             "sql = 'x'",
                             nullptr, nullptr, nullptr) != SQLITE_OK);
        QVERIFY(sqlite3_exec(connection, "SELECT load_extension('/nonexistent')", nullptr, nullptr, nullptr) !=
                SQLITE_OK);
        sqlite3_close(connection);
    }

    /** A crafted query that returns endless cheap rows, read one row at a time as the store's
        reads do: the bound counts the work of the whole statement, not of each row, so the read
        ends instead of filling memory. */
    void theStatementBoundCountsEveryRowOfOneStatement()
    {
        sqlite3 *connection = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &connection), SQLITE_OK);
        SqliteHardening::setStepsPerStatement(1'000'000);
        SqliteHardening hardening;
        QVERIFY(hardening.apply(connection));
        SqliteHardening::setStepsPerStatement(SqliteHardening::kDefaultStepsPerStatement);
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(sqlite3_prepare_v2(connection,
                                    "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT i FROM r",
                                    -1, &statement, nullptr),
                 SQLITE_OK);
        qint64 rows = 0;
        int result = SQLITE_ROW;
        while (result == SQLITE_ROW && rows < 100'000'000) {
            result = sqlite3_step(statement);
            rows += result == SQLITE_ROW ? 1 : 0;
        }
        QCOMPARE(result, SQLITE_INTERRUPT);
        QVERIFY(hardening.tripped());
        // A row costs a handful of steps: the bound of a million steps ends it within a million rows.
        QVERIFY2(rows < 1'000'000, qPrintable(QString::number(rows)));
        // Reset and run again: the new run has the whole bound again, and trips the same way.
        sqlite3_reset(statement);
        qint64 rowsAgain = 0;
        while (sqlite3_step(statement) == SQLITE_ROW)
            ++rowsAgain;
        QCOMPARE(rowsAgain, rows);
        sqlite3_finalize(statement);
        sqlite3_close(connection);
    }

    void aNumberOutOfRangeIsAReadFailureAndNothingIsSaved_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("column");
        QTest::newRow("vcpu 2^31") << QStringLiteral("vcpu = 2147483648") << QStringLiteral("vcpu");
        QTest::newRow("vcpu INT64_MAX") << QStringLiteral("vcpu = 9223372036854775807") << QStringLiteral("vcpu");
        QTest::newRow("memory 1e308") << QStringLiteral("memory_mib = 1e308") << QStringLiteral("memory_mib");
        QTest::newRow("memory inf") << QStringLiteral("memory_mib = 1e999") << QStringLiteral("memory_mib");
        QTest::newRow("utilisation") << QStringLiteral("cpu_util_pct = 1e300") << QStringLiteral("cpu_util_pct");
    }

    void aNumberOutOfRangeIsAReadFailureAndNothingIsSaved()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, column);
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        QVERIFY(!path.isEmpty());
        QVERIFY(runSql(path, {QStringLiteral("UPDATE vms SET %1 WHERE name = 'vm-3'").arg(assignment)}));
        const QByteArray before = fileHash(path);
        {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
            QVERIFY(store);
            QVERIFY(store.value()->vms().isEmpty()); // all rows or none
            const std::optional<StoreError> failure = store.value()->readFailure();
            QVERIFY(failure);
            QVERIFY2(failure->message.contains(column) && failure->message.contains(QStringLiteral("vm-3")),
                     qPrintable(failure->message));
            QVERIFY(store.value()->saveDecisions({}));
            QVERIFY(store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v")));
            QVERIFY(ProjectStore::readFailureInProcess());
        }
        QCOMPARE(fileHash(path), before);
    }

    void storedDecisionsAreVerifiedBeforeUse()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        QVERIFY(!path.isEmpty());
        QList<Decision> plan;
        {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
            QVERIFY(store);
            plan = store.value()->decisions();
            QCOMPARE(plan.size(), 5);
            // A few decisions updated keep the fingerprint in step.
            QList<Decision> changed = {plan[1]};
            changed[0].path = MigrationPath::Retain;
            changed[0].overridden = true;
            QVERIFY(!store.value()->updateDecisions(changed));
            const QList<Decision> after = store.value()->decisions();
            QCOMPARE(after.size(), 5);
            QCOMPARE(after[1].path, MigrationPath::Retain);
            QVERIFY(!store.value()->saveDecisions(plan));
        }
        QVERIFY(runSql(path, {QStringLiteral("UPDATE decisions SET path = 'retire'")}));
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        QVERIFY(store.value()->decisions().isEmpty()); // not the plan: the callers recompute it
        QVERIFY(!store.value()->readFailure());
        // Saving the true plan again rewrites the rows, though its fingerprint is the stored one.
        QVERIFY(!store.value()->saveDecisions(plan));
        QCOMPARE(store.value()->decisions(), plan);
    }

    void refusesFilesThatAreNotRegularOrHaveAWriteAheadLog()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        QVERIFY(!path.isEmpty());
        const QByteArray before = fileHash(path);
        for (const char *suffix : {"-wal", "-shm"}) {
            QFile log(path + QLatin1String(suffix));
            QVERIFY(log.open(QIODevice::WriteOnly));
            log.write(QByteArray(64, 'x'));
            log.close();
            for (const auto mode : {ProjectStore::OpenMode::ExistingOnly, ProjectStore::OpenMode::ReadOnly}) {
                auto store = ProjectStore::open(path, mode);
                QVERIFY(!store);
                QVERIFY2(store.error().message.contains(QStringLiteral("write-ahead")),
                         qPrintable(store.error().message));
            }
            QCOMPARE(QFile(path + QLatin1String(suffix)).size(), 64);
            QFile::remove(path + QLatin1String(suffix));
        }
        QCOMPARE(fileHash(path), before);
        const QString fifo = dir.filePath(QStringLiteral("fifo.landfall"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const auto &[file, what] :
             {std::pair{fifo, QStringLiteral("FIFO")}, std::pair{QStringLiteral("/dev/null"), QStringLiteral("device")},
              std::pair{dir.path(), QStringLiteral("folder")}}) {
            QElapsedTimer timer;
            timer.start();
            auto store = ProjectStore::open(file, ProjectStore::OpenMode::CreateIfMissing);
            QVERIFY(!store);
            QVERIFY2(store.error().message.contains(what), qPrintable(store.error().message));
            QVERIFY(timer.elapsed() < 1000);
        }
    }

    void aUriFileNameIsAFileName()
    {
        QTemporaryDir dir;
        QVERIFY(QDir::setCurrent(dir.path()));
        const QString name = QStringLiteral("file:x?mode=memory");
        QVERIFY(!ProjectStore::open(name, ProjectStore::OpenMode::ExistingOnly));
        {
            auto store = ProjectStore::open(name, ProjectStore::OpenMode::CreateIfMissing);
            QVERIFY(store);
        }
        QVERIFY(QFileInfo(dir.filePath(name)).isFile());
    }

    void aReadOnlyOpenNeverMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.landfall"));
        QStringList v1 = SchemaMigrations::step(1);
        v1 << QStringLiteral(
                  "INSERT INTO vms (identity_key, name, vcpu, memory_mib) VALUES ('name:old', 'old', 2, 4096)")
           << QStringLiteral("PRAGMA application_id = %1").arg(SchemaMigrations::kApplicationId)
           << QStringLiteral("PRAGMA user_version = 1");
        QVERIFY(runSql(path, v1));
        const QByteArray before = fileHash(path);
        {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            QVERIFY(store.value()->isReadOnly());
            QCOMPARE(store.value()->vms().size(), 1);
            QCOMPARE(store.value()->summary().vms, 1);
            QVERIFY(store.value()->hosts().isEmpty()); // a table of a later format, in the copy only
            QVERIFY(store.value()->setSetting(QStringLiteral("k"), QStringLiteral("v")));
        }
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
    }

    void namesCompareAfterNfcAndCaseFolding()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.landfall"));
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(store);
        InventoryBatch batch;
        batch.record.file = QStringLiteral("answers.csv");
        batch.record.format = QStringLiteral("landfall");
        Vm nfd;
        nfd.uuid = QStringLiteral("u1");
        nfd.name = QStringLiteral("Cafe\u0301-01"); // e + combining acute
        Vm ascii;
        ascii.uuid = QStringLiteral("u2");
        ascii.name = QStringLiteral("Web-01");
        batch.vms = {nfd, ascii};
        QVERIFY(!store.value()->importInventory(batch));
        QCOMPARE(store.value()->vmIdsByName(QStringLiteral("CAF\u00c9-01")).size(), 1); // NFC, upper case
        QCOMPARE(store.value()->vmIdsByName(QStringLiteral("caf\u00e9-01")).size(), 1);
        QCOMPARE(store.value()->vmIdsByName(QStringLiteral("WEB-01")).size(), 1);
        QCOMPARE(store.value()->vmIdsByName(QStringLiteral("cafe-01")).size(), 0);
        // Unicode case folding, not only ASCII: final sigma and capital sigma fold alike.
        QCOMPARE(ProjectStore::nameKey(QStringLiteral("\u039f\u0394\u039f\u03a3")),
                 ProjectStore::nameKey(QStringLiteral("\u03bf\u03b4\u03bf\u03c2")));
    }

    void anImportMayGrowTheProjectOnlyInProportion()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir);
        QVERIFY(!path.isEmpty());
        const QString input = dir.filePath(QStringLiteral("small.xlsx"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(50 * 1024, 'x')); // a 50 KiB workbook
        file.close();
        const QByteArray before = fileHash(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        InventoryBatch batch;
        batch.record.file = input;
        batch.record.format = QStringLiteral("rvtools");
        const QString shared(40000, u's'); // one long shared string used by every row
        for (int n = 0; n < 2000; ++n) {
            Vm vm;
            vm.uuid = QStringLiteral("big-%1").arg(n);
            vm.name = QStringLiteral("big-%1").arg(n);
            vm.annotation = shared;
            batch.vms.append(vm);
        }
        const std::optional<StoreError> refused = store.value()->importInventory(batch);
        QVERIFY(refused);
        QCOMPARE(refused->kind, StoreError::Kind::Rejected);
        QVERIFY2(refused->message.contains(input), qPrintable(refused->message));
        QCOMPARE(store.value()->vmCount(), 5);
        store.value().reset();
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
