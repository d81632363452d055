#include "projectstore.h"

#include "schemamigrations.h"
#include "sqlitestatement.h"
#include "textpool.h"

#include <sqlite3.h>

#include <QAtomicInteger>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QVariant>

namespace landfall {

namespace {

QAtomicInteger<quint64> g_connectionCounter;
constexpr int kBusyTimeoutMs = 5000; ///< as QSQLITE_BUSY_TIMEOUT below: how long a second program waits

// Inventory columns: an import of the same VM overwrites these and nothing else.
const QStringList kInventoryColumns = {
    QStringLiteral("source"),
    QStringLiteral("vcenter"),
    QStringLiteral("uuid"),
    QStringLiteral("name"),
    QStringLiteral("dns_name"),
    QStringLiteral("power_state"),
    QStringLiteral("vcpu"),
    QStringLiteral("memory_mib"),
    QStringLiteral("provisioned_mib"),
    QStringLiteral("used_mib"),
    QStringLiteral("disk_count"),
    QStringLiteral("nic_count"),
    QStringLiteral("os_configured"),
    QStringLiteral("os_reported"),
    QStringLiteral("os_family"),
    QStringLiteral("os_version"),
    QStringLiteral("os_build"),
    QStringLiteral("datacenter"),
    QStringLiteral("cluster"),
    QStringLiteral("host"),
    QStringLiteral("ip_address"),
    QStringLiteral("annotation"),
    QStringLiteral("firmware"),
    QStringLiteral("cpu_util_pct"),
    QStringLiteral("memory_util_pct"),
    QStringLiteral("guest_detailed_data"),
    QStringLiteral("folder"),
    QStringLiteral("resource_pool"),
    QStringLiteral("vapp"),
    QStringLiteral("networks"),
    QStringLiteral("hw_version"),
    QStringLiteral("creation_date"),
    QStringLiteral("power_on_date"),
    QStringLiteral("guest_state"),
    QStringLiteral("heartbeat"),
    QStringLiteral("tools_status"),
    QStringLiteral("efi_secure_boot"),
    QStringLiteral("active_memory_mib"),
    QStringLiteral("guest_used_mib"),
    QStringLiteral("raw_device_mappings"),
    QStringLiteral("shared_disks"),
    QStringLiteral("same_name_index"),
};

// The consultant's columns: only the consultant (or a Landfall CSV) changes these.
const QStringList kConsultantColumns = {
    QStringLiteral("application"),  QStringLiteral("owner"),
    QStringLiteral("role"),         QStringLiteral("stack"),
    QStringLiteral("gui"),          QStringLiteral("kernel_driver"),
    QStringLiteral("windows_auth"), QStringLiteral("source_available"),
    QStringLiteral("change_rate"),  QStringLiteral("trust"),
    QStringLiteral("decommission"), QStringLiteral("must_stay_on_prem"),
    QStringLiteral("notes"),
};

/** Binds the columns of kInventoryColumns then kConsultantColumns, in their order, from
    parameter `first`; returns the next free parameter. */
int bindVmColumns(SqliteStatement &statement, int first, const Vm &vm)
{
    using A = WorkshopAnswers::Attribute;
    int p = first;
    for (const QString *text : {&vm.source, &vm.vcenter, &vm.uuid, &vm.name, &vm.dnsName})
        statement.bind(p++, *text);
    statement.bind(p++, powerStateKey(vm.powerState));
    statement.bind(p++, qint64(vm.vcpu));
    for (const double size : {vm.memoryMiB, vm.provisionedMiB, vm.usedMiB})
        statement.bind(p++, size);
    statement.bind(p++, qint64(vm.diskCount));
    statement.bind(p++, qint64(vm.nicCount));
    for (const QString *text : {&vm.osConfigured, &vm.osReported, &vm.os.family, &vm.os.version, &vm.os.windowsBuild,
                                &vm.datacenter, &vm.cluster, &vm.host, &vm.ipAddress, &vm.annotation, &vm.firmware})
        statement.bind(p++, *text);
    statement.bind(p++, vm.cpuUtilPct);
    statement.bind(p++, vm.memoryUtilPct);
    for (const QString *text :
         {&vm.guestDetailedData, &vm.folder, &vm.resourcePool, &vm.vApp, &vm.networks, &vm.hwVersion, &vm.creationDate,
          &vm.powerOnDate, &vm.guestState, &vm.heartbeat, &vm.toolsStatus})
        statement.bind(p++, *text);
    statement.bind(p++, vm.efiSecureBoot ? std::optional<double>(*vm.efiSecureBoot ? 1 : 0) : std::nullopt);
    statement.bind(p++, vm.activeMemoryMiB);
    statement.bind(p++, vm.guestUsedMiB);
    statement.bind(p++, qint64(vm.rawDeviceMappings));
    statement.bind(p++, qint64(vm.sharedDisks));
    statement.bind(p++, qint64(vm.sameNameIndex));
    statement.bind(p++, vm.application);
    statement.bind(p++, vm.owner);
    for (A attribute : {A::Role, A::Stack, A::Gui, A::KernelDriver, A::WindowsAuth, A::SourceAvailable, A::ChangeRate,
                        A::Trust, A::Decommission, A::MustStayOnPrem})
        statement.bind(p++, vm.answers.value(attribute));
    statement.bind(p++, vm.notes);
    return p;
}

QString selectVmsSql()
{
    return QLatin1String("SELECT id, ") + (kInventoryColumns + kConsultantColumns).join(QLatin1String(", ")) +
           QLatin1String(" FROM vms");
}

/** One row of selectVmsSql(). Repeated texts (vCenters, OS, clusters, answers) share one copy. */
Vm vmFromRow(const SqliteStatement &query, TextPool &pool)
{
    using A = WorkshopAnswers::Attribute;
    int c = 0;
    const auto text = [&]() { return pool.text(query.utf8At(c++)); };
    const auto unique = [&]() { return TextPool::unpooled(query.utf8At(c++)); };
    const auto number = [&]() { return query.doubleAt(c++); };
    const auto optionalNumber = [&]() {
        const int column = c++;
        return query.isNullAt(column) ? std::nullopt : std::optional<double>(query.doubleAt(column));
    };
    Vm vm;
    vm.id = query.int64At(c++);
    vm.source = text();
    vm.vcenter = text();
    vm.uuid = unique();
    vm.name = unique();
    vm.dnsName = unique();
    vm.powerState = powerStateFromKey(text()).value_or(PowerState::Unknown);
    vm.vcpu = int(query.int64At(c++));
    vm.memoryMiB = number();
    vm.provisionedMiB = number();
    vm.usedMiB = number();
    vm.diskCount = int(query.int64At(c++));
    vm.nicCount = int(query.int64At(c++));
    vm.osConfigured = text();
    vm.osReported = text();
    vm.os.family = text();
    vm.os.version = text();
    vm.os.windowsBuild = text();
    vm.datacenter = text();
    vm.cluster = text();
    vm.host = text();
    vm.ipAddress = unique();
    vm.annotation = unique();
    vm.firmware = text();
    vm.cpuUtilPct = optionalNumber();
    vm.memoryUtilPct = optionalNumber();
    vm.guestDetailedData = text();
    vm.folder = text();
    vm.resourcePool = text();
    vm.vApp = text();
    vm.networks = text();
    vm.hwVersion = text();
    vm.creationDate = unique();
    vm.powerOnDate = unique();
    vm.guestState = text();
    vm.heartbeat = text();
    vm.toolsStatus = text();
    if (const std::optional<double> secureBoot = optionalNumber())
        vm.efiSecureBoot = *secureBoot != 0;
    vm.activeMemoryMiB = optionalNumber();
    vm.guestUsedMiB = optionalNumber();
    vm.rawDeviceMappings = int(query.int64At(c++));
    vm.sharedDisks = int(query.int64At(c++));
    vm.sameNameIndex = int(query.int64At(c++));
    vm.application = text();
    vm.owner = text();
    for (A attribute : {A::Role, A::Stack, A::Gui, A::KernelDriver, A::WindowsAuth, A::SourceAvailable, A::ChangeRate,
                        A::Trust, A::Decommission, A::MustStayOnPrem})
        vm.answers.setValue(attribute, text());
    vm.notes = unique();
    return vm;
}

/** Writes a VM's partitions, disks and NICs (vPartition, vDisk, vNetwork) in place of the ones it had. */
class VmDetailsWriter {
public:
    explicit VmDetailsWriter(sqlite3 *connection)
        : m_clearPartitions(connection, QStringLiteral("DELETE FROM vm_partitions WHERE vm_id = ?"))
        , m_clearDisks(connection, QStringLiteral("DELETE FROM vm_disks WHERE vm_id = ?"))
        , m_clearNics(connection, QStringLiteral("DELETE FROM vm_nics WHERE vm_id = ?"))
        , m_addPartition(connection, QStringLiteral("INSERT INTO vm_partitions (vm_id, position, path, capacity_mib, "
                                                    "consumed_mib) VALUES (?, ?, ?, ?, ?)"))
        , m_addDisk(connection, QStringLiteral("INSERT INTO vm_disks (vm_id, position, label, capacity_mib, "
                                               "raw_device_mapping, shared, disk_mode, thin) VALUES (?, ?, ?, ?, ?, "
                                               "?, ?, ?)"))
        , m_addNic(connection, QStringLiteral("INSERT INTO vm_nics (vm_id, position, label, adapter, network, "
                                              "mac_address, ipv4, ipv6, connected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    {}

    /** The first statement that could not be prepared, or null. */
    const SqliteStatement *invalid() const
    {
        for (const SqliteStatement *statement :
             {&m_clearPartitions, &m_clearDisks, &m_clearNics, &m_addPartition, &m_addDisk, &m_addNic}) {
            if (!statement->isValid())
                return statement;
        }
        return nullptr;
    }

    /** The statement that failed, or null when all of the VM's details were written. */
    SqliteStatement *write(qint64 id, const Vm &vm)
    {
        for (SqliteStatement *clear : {&m_clearPartitions, &m_clearDisks, &m_clearNics}) {
            clear->bind(1, id);
            if (!clear->execute())
                return clear;
        }
        qint64 position = 0;
        for (const VmPartition &partition : vm.partitions) {
            m_addPartition.bind(1, id);
            m_addPartition.bind(2, position++);
            m_addPartition.bind(3, partition.path);
            m_addPartition.bind(4, partition.capacityMiB);
            m_addPartition.bind(5, partition.consumedMiB);
            if (!m_addPartition.execute())
                return &m_addPartition;
        }
        position = 0;
        for (const VmDisk &disk : vm.disks) {
            m_addDisk.bind(1, id);
            m_addDisk.bind(2, position++);
            m_addDisk.bind(3, disk.label);
            m_addDisk.bind(4, disk.capacityMiB);
            m_addDisk.bind(5, qint64(disk.rawDeviceMapping));
            m_addDisk.bind(6, qint64(disk.shared));
            m_addDisk.bind(7, disk.diskMode);
            m_addDisk.bind(8, qint64(disk.thin));
            if (!m_addDisk.execute())
                return &m_addDisk;
        }
        position = 0;
        for (const VmNic &nic : vm.nics) {
            m_addNic.bind(1, id);
            m_addNic.bind(2, position++);
            int p = 3;
            for (const QString *text : {&nic.label, &nic.adapter, &nic.network, &nic.macAddress, &nic.ipv4, &nic.ipv6})
                m_addNic.bind(p++, *text);
            m_addNic.bind(p, qint64(nic.connected));
            if (!m_addNic.execute())
                return &m_addNic;
        }
        return nullptr;
    }

private:
    SqliteStatement m_clearPartitions;
    SqliteStatement m_clearDisks;
    SqliteStatement m_clearNics;
    SqliteStatement m_addPartition;
    SqliteStatement m_addDisk;
    SqliteStatement m_addNic;
};

bool isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the file.
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           error.text().contains(QLatin1String("locked"), Qt::CaseInsensitive);
}

} // namespace

ProjectStore::ProjectStore(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

ProjectStore::~ProjectStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase ProjectStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *ProjectStore::connectionHandle() const
{
    // QtSql's SQLite driver hands out its sqlite3* as a QVariant of that pointer type.
    const QVariant handle = database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

namespace {

/** Reads a file's application id and format; a problem when it is not a project this version opens. */
std::optional<StoreError> probeExistingFile(const QString &path, bool readOnly)
{
    // Look before touching: read-only unless a hot journal must be rolled back (see checkExistingFile),
    // so a foreign or newer file keeps every byte.
    const QString name = QStringLiteral("landfall-probe-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::optional<StoreError> problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            problem = StoreError{StoreError::Kind::Unreadable,
                                 QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text())};
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
                const QSqlError error = query.lastError();
                problem = StoreError{isBusy(error) ? StoreError::Kind::Busy : StoreError::Kind::Foreign,
                                     isBusy(error) ? QStringLiteral("%1: the project is busy: another program is "
                                                                    "writing to it; try again in a moment")
                                                         .arg(path)
                                                   : QStringLiteral("%1: is not a Landfall project (not a SQLite "
                                                                    "database: %2)")
                                                         .arg(path, error.databaseText())};
            } else if (query.value(0).toInt() != SchemaMigrations::kApplicationId) {
                problem = StoreError{StoreError::Kind::Foreign,
                                     QStringLiteral("%1: is a SQLite database, but not a Landfall project; Landfall "
                                                    "leaves it untouched")
                                         .arg(path)};
            } else if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next() &&
                       query.value(0).toInt() > SchemaMigrations::latestVersion()) {
                problem = StoreError{StoreError::Kind::Newer,
                                     QStringLiteral("%1: was written by a newer Landfall (project format %2; this "
                                                    "version reads up to %3); update Landfall to open it")
                                         .arg(path)
                                         .arg(query.value(0).toInt())
                                         .arg(SchemaMigrations::latestVersion())};
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

/** Waits, as for any busy project, while another program creates this one. SQLite writes
    nothing to a new file until its first commit, so a project being set up is an empty file
    whose creator holds the write lock (or is about to take it: the file is a moment old).
    Taking and dropping the lock writes nothing, and rolls back the journal of a creator that
    was killed. Without this wait the empty file would be refused as not a project. */
std::optional<StoreError> waitForCreator(const QString &path)
{
    QElapsedTimer waited;
    waited.start();
    const auto emptyAndNew = [&]() {
        const QFileInfo file(path);
        return file.size() == 0 && file.lastModified().msecsTo(QDateTime::currentDateTime()) < 1000;
    };
    while (emptyAndNew() && waited.elapsed() < kBusyTimeoutMs)
        QThread::msleep(50);
    if (QFileInfo(path).size() != 0)
        return std::nullopt;
    const QString name = QStringLiteral("landfall-creator-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::optional<StoreError> problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (db.open()) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")) && isBusy(query.lastError()))
                problem = StoreError{StoreError::Kind::Busy,
                                     QStringLiteral("%1: the project is busy: another program is creating it; try "
                                                    "again in a moment")
                                         .arg(path)};
            else
                query.exec(QStringLiteral("ROLLBACK"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace

std::optional<StoreError> ProjectStore::checkExistingFile(const QString &path)
{
    if (std::optional<StoreError> busy = waitForCreator(path))
        return busy;
    std::optional<StoreError> problem = probeExistingFile(path, true);
    // A program killed while writing leaves a hot journal, which only a writable connection can
    // roll back; a read-only probe then fails with SQLITE_READONLY. Rolling it back restores the
    // last committed state, as any SQLite client opening the file would, so probe again writable.
    if (problem && problem->kind == StoreError::Kind::Foreign && QFileInfo::exists(path + QLatin1String("-journal")))
        problem = probeExistingFile(path, false);
    return problem;
}

Result<std::unique_ptr<ProjectStore>, StoreError> ProjectStore::open(const QString &path, OpenMode mode)
{
    const QFileInfo file(path);
    const bool exists = file.exists();
    if (!exists && mode == OpenMode::ExistingOnly)
        return StoreError{StoreError::Kind::Unreadable, QStringLiteral("%1: no such project file").arg(path)};
    if (exists && file.isDir())
        return StoreError{StoreError::Kind::Unreadable,
                          QStringLiteral("%1: is a folder, not a project file").arg(path)};
    bool emptyFile = false;
    if (exists) {
        const std::optional<StoreError> problem = checkExistingFile(path);
        // An empty file holds nobody's data: it is what a first import killed before its first
        // commit leaves behind (once its journal is rolled back). Set it up as a new project.
        emptyFile = QFileInfo(path).size() == 0;
        const bool recoverable =
            mode == OpenMode::CreateIfMissing && emptyFile && problem && problem->kind == StoreError::Kind::Foreign;
        if (problem && !recoverable)
            return *problem;
    }

    const QString name = QStringLiteral("landfall-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, name));
    store->m_created = !exists || emptyFile;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // A second writer waits up to 5 s for the first, then is told the project is busy.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return StoreError{StoreError::Kind::Unreadable,
                          QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text())};
    QSqlQuery pragma(db);
    // A 64 MiB page cache (SQLite's default is 2 MiB) keeps the identity and name indexes in
    // memory while an import inserts 100,000 VMs in random key order.
    for (const char *statement :
         {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -65536"}) {
        if (!pragma.exec(QLatin1String(statement)))
            return store->errorFrom(pragma, QStringLiteral("set up the connection"));
    }
    if (std::optional<StoreError> problem = store->migrate())
        return *problem;
    return store;
}

std::optional<StoreError> ProjectStore::migrate()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return errorFrom(query, QStringLiteral("read the project format"));
    const int current = query.value(0).toInt();
    if (current == SchemaMigrations::latestVersion())
        return std::nullopt;
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery step(database());
        for (int version = current + 1; version <= SchemaMigrations::latestVersion(); ++version) {
            for (const QString &statement : SchemaMigrations::step(version)) {
                if (!step.exec(statement))
                    return errorFrom(step, QStringLiteral("upgrade the project to format %1").arg(version));
            }
        }
        if (!step.exec(QStringLiteral("PRAGMA application_id = %1").arg(SchemaMigrations::kApplicationId)) ||
            !step.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaMigrations::latestVersion())))
            return errorFrom(step, QStringLiteral("record the project format"));
        return std::nullopt;
    });
}

std::optional<StoreError> ProjectStore::inTransaction(const std::function<std::optional<StoreError>()> &work)
{
    QSqlDatabase db = database();
    QSqlQuery begin(db);
    // IMMEDIATE takes the write lock up front, so a busy project fails before any work is done.
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return errorFrom(begin, QStringLiteral("start a change"));
    std::optional<StoreError> problem = work();
    QSqlQuery end(db);
    if (problem) {
        end.exec(QStringLiteral("ROLLBACK"));
        return problem;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        StoreError error = errorFrom(end, QStringLiteral("save the change"));
        end.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return std::nullopt;
}

StoreError ProjectStore::errorFrom(const QSqlQuery &query, const QString &what) const
{
    const QSqlError error = query.lastError();
    if (isBusy(error))
        return {StoreError::Kind::Busy,
                QStringLiteral("%1: the project is busy: another program is writing to it; try again in a moment")
                    .arg(m_path)};
    return {StoreError::Kind::Failed, QStringLiteral("%1: could not %2: %3").arg(m_path, what, error.text())};
}

StoreError ProjectStore::errorFrom(const SqliteStatement &statement, const QString &what) const
{
    if (statement.errorCode() == 5 || statement.errorCode() == 6) // SQLITE_BUSY, SQLITE_LOCKED
        return {StoreError::Kind::Busy,
                QStringLiteral("%1: the project is busy: another program is writing to it; try again in a moment")
                    .arg(m_path)};
    return {StoreError::Kind::Failed,
            QStringLiteral("%1: could not %2: %3").arg(m_path, what, statement.errorMessage())};
}

std::optional<StoreError> ProjectStore::importInventory(const InventoryBatch &batch)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlDatabase db = database();
        QSqlQuery history(db);
        history.prepare(QStringLiteral(
            "INSERT INTO imports (file, format, imported_at, rows_taken, rows_refused, excluded_templates, "
            "excluded_srm_placeholders, rvtools_version, exported_at, source_server) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, "
            "?)"));
        const ImportRecord &r = batch.record;
        for (const QVariant &value :
             QVariantList{r.file, r.format, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), r.rowsTaken,
                          r.rowsRefused, r.excludedTemplates, r.excludedSrmPlaceholders,
                          // A null QString binds as NULL; these columns hold '' when the file does not say.
                          r.rvtoolsVersion.isNull() ? QStringLiteral("") : r.rvtoolsVersion,
                          r.exportedAt.isNull() ? QStringLiteral("") : r.exportedAt,
                          r.sourceServer.isNull() ? QStringLiteral("") : r.sourceServer})
            history.addBindValue(value);
        if (!history.exec())
            return errorFrom(history, QStringLiteral("record the import"));
        const qint64 importId = history.lastInsertId().toLongLong();

        if (std::optional<StoreError> problem = writeVms(batch.vms, importId))
            return problem;

        QSqlQuery excluded(db);
        excluded.prepare(QStringLiteral("INSERT INTO excluded_vms (identity_key, name, kind, import_id) VALUES (?, ?, "
                                        "?, ?) ON CONFLICT (identity_key) DO UPDATE SET name = excluded.name, kind = "
                                        "excluded.kind, import_id = excluded.import_id"));
        QSqlQuery dropVm(db);
        dropVm.prepare(QStringLiteral("DELETE FROM vms WHERE identity_key = ?"));
        for (const ExcludedVm &row : batch.excluded) {
            for (const QVariant &value : QVariantList{row.identityKey, row.name, row.kind, importId})
                excluded.addBindValue(value);
            // A VM turned into a template since the last export leaves the plan.
            dropVm.addBindValue(row.identityKey);
            if (!excluded.exec() || !dropVm.exec())
                return errorFrom(excluded, QStringLiteral("record excluded row %1").arg(row.name));
        }
        if (std::optional<StoreError> problem = writeHosts(batch.hosts, importId))
            return problem;
        return writeClusters(batch.clusters, importId);
    });
}

std::optional<StoreError> ProjectStore::writeClusters(const QList<Cluster> &clusters, qint64 importId)
{
    QSqlQuery upsert(database());
    upsert.prepare(QStringLiteral(
        "INSERT INTO clusters (identity_key, vcenter, name, host_count, effective_hosts, ha_enabled, failover_level, "
        "total_cpu_mhz, effective_cpu_mhz, total_memory_mib, effective_memory_mib, cpu_cores, cpu_threads, import_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identity_key) DO UPDATE SET "
        "vcenter = excluded.vcenter, name = excluded.name, host_count = excluded.host_count, "
        "effective_hosts = excluded.effective_hosts, ha_enabled = excluded.ha_enabled, "
        "failover_level = excluded.failover_level, total_cpu_mhz = excluded.total_cpu_mhz, "
        "effective_cpu_mhz = excluded.effective_cpu_mhz, total_memory_mib = excluded.total_memory_mib, "
        "effective_memory_mib = excluded.effective_memory_mib, cpu_cores = excluded.cpu_cores, "
        "cpu_threads = excluded.cpu_threads, import_id = excluded.import_id"));
    for (const Cluster &cluster : clusters) {
        for (const QVariant &value : QVariantList{
                 cluster.identityKey(), cluster.vcenter, cluster.name, cluster.hostCount, cluster.effectiveHosts,
                 cluster.haEnabled ? 1 : 0, cluster.failoverLevel, cluster.totalCpuMhz, cluster.effectiveCpuMhz,
                 cluster.totalMemoryMiB, cluster.effectiveMemoryMiB, cluster.cpuCores, cluster.cpuThreads, importId})
            upsert.addBindValue(value);
        if (!upsert.exec())
            return errorFrom(upsert, QStringLiteral("record cluster %1").arg(cluster.name));
    }
    return std::nullopt;
}

QList<Cluster> ProjectStore::clusters() const
{
    QList<Cluster> list;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT id, vcenter, name, host_count, effective_hosts, ha_enabled, failover_level, "
                                   "total_cpu_mhz, effective_cpu_mhz, total_memory_mib, effective_memory_mib, "
                                   "cpu_cores, cpu_threads FROM clusters ORDER BY id")))
        return list;
    while (query.next()) {
        Cluster cluster;
        cluster.id = query.value(0).toLongLong();
        cluster.vcenter = query.value(1).toString();
        cluster.name = query.value(2).toString();
        cluster.hostCount = query.value(3).toInt();
        cluster.effectiveHosts = query.value(4).toInt();
        cluster.haEnabled = query.value(5).toInt() != 0;
        cluster.failoverLevel = query.value(6).toInt();
        cluster.totalCpuMhz = query.value(7).toDouble();
        cluster.effectiveCpuMhz = query.value(8).toDouble();
        cluster.totalMemoryMiB = query.value(9).toDouble();
        cluster.effectiveMemoryMiB = query.value(10).toDouble();
        cluster.cpuCores = query.value(11).toInt();
        cluster.cpuThreads = query.value(12).toInt();
        list.append(cluster);
    }
    return list;
}

QList<VmPartition> ProjectStore::vmPartitions(qint64 vmId) const
{
    QList<VmPartition> list;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT path, capacity_mib, consumed_mib FROM vm_partitions WHERE vm_id = ? ORDER BY position"));
    query.addBindValue(vmId);
    if (query.exec()) {
        while (query.next())
            list.append({query.value(0).toString(), query.value(1).toDouble(), query.value(2).toDouble()});
    }
    return list;
}

QList<VmDisk> ProjectStore::vmDisks(qint64 vmId) const
{
    QList<VmDisk> list;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT label, capacity_mib, raw_device_mapping, shared, disk_mode, thin FROM vm_disks "
                       "WHERE vm_id = ? ORDER BY position"));
    query.addBindValue(vmId);
    if (query.exec()) {
        while (query.next())
            list.append({query.value(0).toString(), query.value(1).toDouble(), query.value(2).toInt() != 0,
                         query.value(3).toInt() != 0, query.value(4).toString(), query.value(5).toInt() != 0});
    }
    return list;
}

QList<VmNic> ProjectStore::vmNics(qint64 vmId) const
{
    QList<VmNic> list;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT label, adapter, network, mac_address, ipv4, ipv6, connected FROM vm_nics "
                                 "WHERE vm_id = ? ORDER BY position"));
    query.addBindValue(vmId);
    if (query.exec()) {
        while (query.next())
            list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                         query.value(6).toInt() != 0});
    }
    return list;
}

std::optional<StoreError> ProjectStore::writeHosts(const QList<Host> &hosts, qint64 importId)
{
    QSqlQuery upsert(database());
    upsert.prepare(QStringLiteral(
        "INSERT INTO hosts (identity_key, vcenter, name, datacenter, cluster, cpu_model, sockets, cores, "
        "hyper_threading, memory_mib, esx_version, vendor, model, vm_count, vcpu_count, import_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identity_key) DO UPDATE SET "
        "vcenter = excluded.vcenter, name = excluded.name, datacenter = excluded.datacenter, "
        "cluster = excluded.cluster, cpu_model = excluded.cpu_model, sockets = excluded.sockets, "
        "cores = excluded.cores, hyper_threading = excluded.hyper_threading, memory_mib = excluded.memory_mib, "
        "esx_version = excluded.esx_version, vendor = excluded.vendor, model = excluded.model, "
        "vm_count = excluded.vm_count, vcpu_count = excluded.vcpu_count, import_id = excluded.import_id"));
    for (const Host &host : hosts) {
        for (const QVariant &value :
             QVariantList{host.identityKey(), host.vcenter, host.name, host.datacenter, host.cluster, host.cpuModel,
                          host.sockets, host.cores, host.hyperThreading ? 1 : 0, host.memoryMiB, host.esxVersion,
                          host.vendor, host.model, host.vmCount, host.vcpuCount, importId})
            upsert.addBindValue(value);
        if (!upsert.exec())
            return errorFrom(upsert, QStringLiteral("record host %1").arg(host.name));
    }
    return std::nullopt;
}

QList<Host> ProjectStore::hosts() const
{
    QList<Host> list;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT id, vcenter, name, datacenter, cluster, cpu_model, sockets, cores, "
                                   "hyper_threading, memory_mib, esx_version, vendor, model, vm_count, vcpu_count "
                                   "FROM hosts ORDER BY id")))
        return list;
    while (query.next()) {
        Host host;
        host.id = query.value(0).toLongLong();
        host.vcenter = query.value(1).toString();
        host.name = query.value(2).toString();
        host.datacenter = query.value(3).toString();
        host.cluster = query.value(4).toString();
        host.cpuModel = query.value(5).toString();
        host.sockets = query.value(6).toInt();
        host.cores = query.value(7).toInt();
        host.hyperThreading = query.value(8).toInt() != 0;
        host.memoryMiB = query.value(9).toDouble();
        host.esxVersion = query.value(10).toString();
        host.vendor = query.value(11).toString();
        host.model = query.value(12).toString();
        host.vmCount = query.value(13).toInt();
        host.vcpuCount = query.value(14).toInt();
        list.append(host);
    }
    return list;
}

QList<Vm> ProjectStore::vms() const
{
    // Through SQLite's C interface: QSqlQuery's QVariant per value took seconds at 100,000 VMs,
    // and the plan, the CLI and the report all start here.
    QList<Vm> list;
    SqliteStatement query(connectionHandle(), selectVmsSql() + QLatin1String(" ORDER BY id"));
    if (!query.isValid())
        return list;
    list.reserve(vmCount());
    TextPool pool;
    while (query.nextRow())
        list.append(vmFromRow(query, pool));
    SqliteStatement attributes(connectionHandle(),
                               QStringLiteral("SELECT vm_id, key, value FROM vm_custom_attributes ORDER BY vm_id"));
    if (!attributes.isValid())
        return list;
    QHash<qint64, qsizetype> indexOf;
    bool indexed = false;
    while (attributes.nextRow()) {
        if (!indexed) { // only projects with custom attributes pay for the index
            indexOf.reserve(list.size());
            for (qsizetype i = 0; i < list.size(); ++i)
                indexOf.insert(list[i].id, i);
            indexed = true;
        }
        const qsizetype index = indexOf.value(attributes.int64At(0), -1);
        if (index >= 0)
            list[index].customAttributes.insert(pool.text(attributes.utf8At(1)),
                                                TextPool::unpooled(attributes.utf8At(2)));
    }
    return list;
}

std::optional<Vm> ProjectStore::vm(qint64 id) const
{
    const QList<Vm> found = vmsWithIds({id});
    return found.isEmpty() ? std::nullopt : std::optional<Vm>(found.constFirst());
}

QList<Vm> ProjectStore::vmsWithIds(const QList<qint64> &ids) const
{
    // Two statements prepared once for all the ids: a bulk edit re-reads a thousand VMs.
    QList<Vm> found;
    SqliteStatement query(connectionHandle(), selectVmsSql() + QLatin1String(" WHERE id = ?"));
    SqliteStatement attributes(connectionHandle(),
                               QStringLiteral("SELECT key, value FROM vm_custom_attributes WHERE vm_id = ?"));
    if (!query.isValid() || !attributes.isValid())
        return found;
    found.reserve(ids.size());
    TextPool pool;
    for (qint64 id : ids) {
        query.bind(1, id);
        if (query.nextRow()) {
            Vm vm = vmFromRow(query, pool);
            attributes.bind(1, id);
            while (attributes.nextRow())
                vm.customAttributes.insert(TextPool::unpooled(attributes.utf8At(0)),
                                           TextPool::unpooled(attributes.utf8At(1)));
            attributes.reset();
            found.append(std::move(vm));
        }
        query.reset();
    }
    return found;
}

qint64 ProjectStore::vmCount() const
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("SELECT count(*) FROM vms")) && query.next() ? query.value(0).toLongLong() : 0;
}

QList<qint64> ProjectStore::vmIdsByName(const QString &name) const
{
    QList<qint64> ids;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM vms WHERE name = ? COLLATE NOCASE ORDER BY id"));
    query.addBindValue(name);
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    return ids;
}

std::optional<qint64> ProjectStore::vmIdByUuid(const QString &uuid) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM vms WHERE uuid = ? COLLATE NOCASE ORDER BY id LIMIT 1"));
    query.addBindValue(uuid);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

std::optional<StoreError> ProjectStore::updateVms(const QList<Vm> &vms)
{
    for (const Vm &vm : vms) {
        if (vm.id == 0)
            return StoreError{StoreError::Kind::Failed,
                              QStringLiteral("%1: VM %2 is not in the project yet").arg(m_path, vm.name)};
    }
    return inTransaction([&]() { return writeVms(vms, 0); });
}

std::optional<StoreError> ProjectStore::writeVms(const QList<Vm> &vms, qint64 importId)
{
    // Straight to SQLite on QtSql's own connection: an import writes 100,000 rows here, and
    // QSqlQuery's per-value QVariant handling would cost more than SQLite itself.
    const QStringList allColumns = kInventoryColumns + kConsultantColumns;
    QStringList placeholders(allColumns.size() + 2, QStringLiteral("?"));
    QStringList updates;
    for (const QString &column : kInventoryColumns) {
        if (column != QLatin1String("source"))
            updates.append(column + QLatin1String(" = excluded.") + column);
    }
    // A VM already in the project by its identity keeps its id, its answers and its notes. Into
    // a project without VMs (every first import) a plain INSERT does, and saves SQLite the
    // conflict handling on each of 100,000 rows. No RETURNING clause: SQLite builds a temporary
    // table for it on every row; the id is looked up only for the VMs that need it (those with
    // custom attributes).
    sqlite3 *connection = connectionHandle();
    QString insertSql = QLatin1String("INSERT INTO vms (identity_key, ") + allColumns.join(QLatin1String(", ")) +
                        QLatin1String(", import_id) VALUES (") + placeholders.join(QLatin1String(", ")) +
                        QLatin1String(")");
    if (vmCount() > 0)
        insertSql += QLatin1String(" ON CONFLICT (identity_key) DO UPDATE SET ") + updates.join(QLatin1String(", ")) +
                     QLatin1String(", import_id = excluded.import_id");
    SqliteStatement upsert(connection, insertSql);
    SqliteStatement update(connection, QLatin1String("UPDATE vms SET ") + allColumns.join(QLatin1String(" = ?, ")) +
                                           QLatin1String(" = ?, identity_key = ? WHERE id = ?"));
    SqliteStatement idOf(connection, QStringLiteral("SELECT id FROM vms WHERE identity_key = ?"));
    SqliteStatement clearAttributes(connection, QStringLiteral("DELETE FROM vm_custom_attributes WHERE vm_id = ?"));
    SqliteStatement addAttribute(
        connection, QStringLiteral("INSERT INTO vm_custom_attributes (vm_id, key, value) VALUES (?, ?, ?)"));
    for (const SqliteStatement *statement : {&upsert, &update, &idOf, &clearAttributes, &addAttribute}) {
        if (!statement->isValid())
            return errorFrom(*statement, QStringLiteral("prepare the write"));
    }
    VmDetailsWriter details(connection);
    if (const SqliteStatement *invalid = details.invalid())
        return errorFrom(*invalid, QStringLiteral("prepare the write"));
    for (const Vm &vm : vms) {
        qint64 id = vm.id;
        const bool isNew = vm.id == 0;
        SqliteStatement &statement = isNew ? upsert : update;
        int parameter = 1;
        if (isNew)
            statement.bind(parameter++, vm.identityKey());
        parameter = bindVmColumns(statement, parameter, vm);
        if (isNew) {
            statement.bind(parameter, importId);
        } else {
            statement.bind(parameter++, vm.identityKey());
            statement.bind(parameter, vm.id);
        }
        if (!statement.execute())
            return errorFrom(statement, QStringLiteral("save VM %1").arg(vm.name));

        // An edited VM's attributes are replaced; an imported one's are kept unless it brings its own.
        const bool hasDetails = !vm.partitions.isEmpty() || !vm.disks.isEmpty() || !vm.nics.isEmpty();
        if (isNew && vm.customAttributes.isEmpty() && !hasDetails)
            continue;
        if (isNew) {
            idOf.bind(1, vm.identityKey());
            if (!idOf.execute(&id))
                return errorFrom(idOf, QStringLiteral("save VM %1").arg(vm.name));
        }
        if (hasDetails) {
            if (const SqliteStatement *failed = details.write(id, vm))
                return errorFrom(*failed, QStringLiteral("save the partitions, disks and NICs of %1").arg(vm.name));
        }
        if (isNew && vm.customAttributes.isEmpty())
            continue;
        clearAttributes.bind(1, id);
        if (!clearAttributes.execute())
            return errorFrom(clearAttributes, QStringLiteral("save the custom attributes of %1").arg(vm.name));
        for (auto it = vm.customAttributes.cbegin(); it != vm.customAttributes.cend(); ++it) {
            addAttribute.bind(1, id);
            addAttribute.bind(2, it.key());
            addAttribute.bind(3, it.value());
            if (!addAttribute.execute())
                return errorFrom(addAttribute, QStringLiteral("save the custom attributes of %1").arg(vm.name));
        }
    }
    return std::nullopt;
}

ProjectSummary ProjectStore::summary() const
{
    ProjectSummary summary;
    QSqlQuery query(database());
    if (query.exec(
            QStringLiteral("SELECT count(*), coalesce(sum(power_state = 'poweredOn'), 0), coalesce(sum(vcpu), 0), "
                           "coalesce(sum(memory_mib), 0), coalesce(sum(provisioned_mib), 0), "
                           "coalesce(sum(used_mib), 0) FROM vms")) &&
        query.next()) {
        summary.vms = query.value(0).toInt();
        summary.poweredOn = query.value(1).toInt();
        summary.vcpu = query.value(2).toLongLong();
        summary.memoryGiB = query.value(3).toDouble() / 1024;
        summary.provisionedGiB = query.value(4).toDouble() / 1024;
        summary.usedGiB = query.value(5).toDouble() / 1024;
    }
    if (query.exec(QStringLiteral("SELECT kind, count(*) FROM excluded_vms GROUP BY kind"))) {
        while (query.next()) {
            if (query.value(0).toString() == QLatin1String("template"))
                summary.excludedTemplates = query.value(1).toInt();
            else
                summary.excludedSrmPlaceholders = query.value(1).toInt();
        }
    }
    if (query.exec(QStringLiteral("SELECT coalesce(sum(guest_used_mib), 0) FROM vms")) && query.next())
        summary.guestUsedGiB = query.value(0).toDouble() / 1024;
    if (query.exec(QStringLiteral("SELECT count(*), coalesce(sum(cores), 0), coalesce(sum(sockets), 0), "
                                  "coalesce(sum(memory_mib), 0) FROM hosts")) &&
        query.next()) {
        summary.hosts.count = query.value(0).toInt();
        summary.hosts.cores = query.value(1).toLongLong();
        summary.hosts.sockets = query.value(2).toLongLong();
        summary.hosts.memoryGiB = query.value(3).toDouble() / 1024;
    }
    if (query.exec(QStringLiteral("SELECT os_family, os_version, count(*) FROM vms GROUP BY os_family, os_version"))) {
        while (query.next())
            summary.osCounts[query.value(0).toString()][query.value(1).toString()] = query.value(2).toInt();
    }
    return summary;
}

QList<ImportRecord> ProjectStore::importHistory() const
{
    QList<ImportRecord> history;
    QSqlQuery query(database());
    if (!query.exec(
            QStringLiteral("SELECT id, file, format, imported_at, rows_taken, rows_refused, excluded_templates, "
                           "excluded_srm_placeholders, rvtools_version, exported_at, source_server FROM imports "
                           "ORDER BY id")))
        return history;
    while (query.next()) {
        history.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toInt(), query.value(5).toInt(),
                        query.value(6).toInt(), query.value(7).toInt(), query.value(8).toString(),
                        query.value(9).toString(), query.value(10).toString()});
    }
    return history;
}

QString ProjectStore::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return fallback;
}

std::optional<StoreError> ProjectStore::setSetting(const QString &key, const QString &value)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        query.prepare(QStringLiteral(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(key);
        query.addBindValue(value);
        if (!query.exec())
            return errorFrom(query, QStringLiteral("save the setting %1").arg(key));
        return std::nullopt;
    });
}

} // namespace landfall
