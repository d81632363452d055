#include "store/projectstore.h"
#include "store/schemamigrations.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
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
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
