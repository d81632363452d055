#include "projectstore.h"

#include "inventorywrite.h"

#include "columnvalue.h"
#include "schemacheck.h"
#include "schemamigrations.h"
#include "sqlitehardening.h"
#include "sqlitestatement.h"
#include "textpool.h"

#include <sqlite3.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <cmath>

#include <QAtomicInteger>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
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
    QStringLiteral("used_known"),
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
    statement.bind(p++, qint64(vm.usedKnown ? 1 : 0));
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

// The largest values a project holds for real VMs, with room to spare: a value outside these
// was not written by an import, and would overflow or poison the sums and the packing.
constexpr qint64 kMaxCount = 1'000'000;       ///< vCPUs, disks, NICs of one VM
constexpr double kMaxMiB = 1e12;              ///< about 950 PiB
constexpr double kMaxUtilisationPct = 10'000; ///< RVTools reports above 100 for bursts

/** Checks one number read from a row; `problem` says which column and why, naming the row. */
class RangeCheck {
public:
    explicit RangeCheck(QString &problem)
        : m_problem(problem)
    {}
    qint64 count(qint64 value, const char *column)
    {
        if (value < 0 || value > kMaxCount)
            fail(column, QString::number(value), QStringLiteral("0 to %1").arg(kMaxCount));
        return std::clamp<qint64>(value, 0, kMaxCount);
    }
    bool flag(qint64 value, const char *column)
    {
        if (value != 0 && value != 1)
            fail(column, QString::number(value), QStringLiteral("0 or 1"));
        return value != 0;
    }
    double amount(double value, const char *column, double maximum)
    {
        if (!std::isfinite(value) || value < 0 || value > maximum)
            fail(column, QString::number(value), QStringLiteral("0 to %1").arg(maximum));
        return std::isfinite(value) ? std::clamp(value, 0.0, maximum) : 0.0;
    }

private:
    void fail(const char *column, const QString &value, const QString &expected)
    {
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("%1 is %2, expected %3").arg(QLatin1String(column), value, expected);
    }
    QString &m_problem;
};

/** One row of selectVmsSql(). Repeated texts (vCenters, OS, clusters, answers) share one copy.
    A number out of range sets `problem`, which names the column; the caller names the VM. */
Vm vmFromRow(const SqliteStatement &query, TextPool &pool, QString &problem)
{
    using A = WorkshopAnswers::Attribute;
    RangeCheck check(problem);
    int c = 0;
    const auto text = [&]() { return pool.text(query.utf8At(c++)); };
    const auto unique = [&]() { return TextPool::unpooled(query.utf8At(c++)); };
    const auto mib = [&](const char *column) { return check.amount(query.doubleAt(c++), column, kMaxMiB); };
    const auto count = [&](const char *column) { return int(check.count(query.int64At(c++), column)); };
    const auto flag = [&](const char *column) { return check.flag(query.int64At(c++), column); };
    const auto optionalPct = [&](const char *column) {
        const int at = c++;
        return query.isNullAt(at) ? std::nullopt
                                  : std::optional<double>(check.amount(query.doubleAt(at), column, kMaxUtilisationPct));
    };
    const auto optionalMiB = [&](const char *column) {
        const int at = c++;
        return query.isNullAt(at) ? std::nullopt
                                  : std::optional<double>(check.amount(query.doubleAt(at), column, kMaxMiB));
    };
    const auto optionalNumber = [&]() {
        const int at = c++;
        return query.isNullAt(at) ? std::nullopt : std::optional<double>(query.doubleAt(at));
    };
    Vm vm;
    vm.id = query.int64At(c++);
    vm.source = text();
    vm.vcenter = text();
    vm.uuid = unique();
    vm.name = unique();
    vm.dnsName = unique();
    vm.powerState = powerStateFromKey(text()).value_or(PowerState::Unknown);
    vm.vcpu = count("vcpu");
    vm.memoryMiB = mib("memory_mib");
    vm.provisionedMiB = mib("provisioned_mib");
    vm.usedMiB = mib("used_mib");
    vm.diskCount = count("disk_count");
    vm.nicCount = count("nic_count");
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
    vm.cpuUtilPct = optionalPct("cpu_util_pct");
    vm.memoryUtilPct = optionalPct("memory_util_pct");
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
    vm.activeMemoryMiB = optionalMiB("active_memory_mib");
    vm.guestUsedMiB = optionalMiB("guest_used_mib");
    vm.rawDeviceMappings = count("raw_device_mappings");
    vm.sharedDisks = count("shared_disks");
    vm.sameNameIndex = count("same_name_index");
    vm.usedKnown = flag("used_known");
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

/** The SQL that inserts a VM; `orUpdate`: or updates the VM of the same identity, keeping its id,
    the consultant's answers and notes. */
QString insertVmSql(bool orUpdate)
{
    const QStringList allColumns = kInventoryColumns + kConsultantColumns;
    const QStringList placeholders(allColumns.size() + 2, QStringLiteral("?"));
    QString sql = QLatin1String("INSERT INTO vms (identity_key, ") + allColumns.join(QLatin1String(", ")) +
                  QLatin1String(", import_id) VALUES (") + placeholders.join(QLatin1String(", ")) + QLatin1String(")");
    if (!orUpdate)
        return sql;
    QStringList updates;
    for (const QString &column : kInventoryColumns) {
        if (column != QLatin1String("source"))
            updates.append(column + QLatin1String(" = excluded.") + column);
    }
    return sql + QLatin1String(" ON CONFLICT (identity_key) DO UPDATE SET ") + updates.join(QLatin1String(", ")) +
           QLatin1String(", import_id = excluded.import_id");
}

/** Writes VMs with their custom attributes, partitions, disks and NICs, through statements
    prepared once: an import writes 100,000 rows here, and QSqlQuery's per-value QVariant
    handling would cost more than SQLite itself. */
class VmRowWriter {
public:
    /** What one write left in the project of a VM's own rows. */
    struct Written {
        qint64 id = 0;           ///< the VM's id, where the write had to know it
        bool attributes = false; ///< custom attributes were written
        bool details = false;    ///< partitions, disks or NICs were written
    };
    struct Failure {
        const SqliteStatement *statement;
        QString what; ///< what could not be saved, for the message
    };

    /** `intoEmptyProject`: the project held no VM when the write began, so a plain INSERT does
        for every VM met the first time, and saves SQLite the conflict handling on every row. */
    VmRowWriter(sqlite3 *connection, bool intoEmptyProject)
        : m_insert(connection, insertVmSql(!intoEmptyProject))
        , m_upsert(connection, insertVmSql(true))
        , m_update(connection, QLatin1String("UPDATE vms SET ") +
                                   (kInventoryColumns + kConsultantColumns).join(QLatin1String(" = ?, ")) +
                                   QLatin1String(" = ?, identity_key = ? WHERE id = ?"))
        , m_idOf(connection, QStringLiteral("SELECT id FROM vms WHERE identity_key = ?"))
        , m_clearAttributes(connection, QStringLiteral("DELETE FROM vm_custom_attributes WHERE vm_id = ?"))
        , m_addAttribute(connection,
                         QStringLiteral("INSERT INTO vm_custom_attributes (vm_id, key, value) VALUES (?, ?, ?)"))
        , m_details(connection)
    {}

    /** The first statement that could not be prepared, or null. */
    const SqliteStatement *invalid() const
    {
        for (const SqliteStatement *statement :
             {&m_insert, &m_upsert, &m_update, &m_idOf, &m_clearAttributes, &m_addAttribute}) {
            if (!statement->isValid())
                return statement;
        }
        return m_details.invalid();
    }

    /** Writes `vm`, whose identity key is `identityKey`. `earlier` is what this writer wrote of the
        same VM before, when a file lists it twice: that row is written over, and its attributes and
        details are replaced even by none. A VM without an id keeps the attributes and details it
        had in the project unless it brings its own; an edited VM's (with an id) are replaced. */
    std::optional<Failure> write(const Vm &vm, const QString &identityKey, qint64 importId, const Written *earlier,
                                 Written &written)
    {
        qint64 id = vm.id;
        const bool isNew = vm.id == 0;
        SqliteStatement &statement = !isNew ? m_update : earlier ? m_upsert : m_insert;
        int parameter = 1;
        if (isNew)
            statement.bind(parameter++, identityKey);
        parameter = bindVmColumns(statement, parameter, vm);
        if (isNew) {
            statement.bind(parameter, importId);
        } else {
            statement.bind(parameter++, identityKey);
            statement.bind(parameter, vm.id);
        }
        if (!statement.execute())
            return Failure{&statement, QStringLiteral("save VM %1").arg(vm.name)};

        const bool hasDetails = !vm.partitions.isEmpty() || !vm.disks.isEmpty() || !vm.nics.isEmpty();
        const bool replaceDetails = hasDetails || (earlier && earlier->details);
        const bool replaceAttributes = !isNew || !vm.customAttributes.isEmpty() || (earlier && earlier->attributes);
        written = {id, !vm.customAttributes.isEmpty(), hasDetails};
        if (!replaceDetails && !replaceAttributes)
            return std::nullopt;
        if (isNew && earlier && earlier->id != 0) {
            id = earlier->id;
        } else if (isNew) {
            m_idOf.bind(1, identityKey);
            if (!m_idOf.execute(&id))
                return Failure{&m_idOf, QStringLiteral("save VM %1").arg(vm.name)};
        }
        written.id = id;
        if (replaceDetails) {
            if (const SqliteStatement *failed = m_details.write(id, vm))
                return Failure{failed, QStringLiteral("save the partitions, disks and NICs of %1").arg(vm.name)};
        }
        if (!replaceAttributes)
            return std::nullopt;
        const QString what = QStringLiteral("save the custom attributes of %1");
        m_clearAttributes.bind(1, id);
        if (!m_clearAttributes.execute())
            return Failure{&m_clearAttributes, what.arg(vm.name)};
        for (auto it = vm.customAttributes.cbegin(); it != vm.customAttributes.cend(); ++it) {
            m_addAttribute.bind(1, id);
            m_addAttribute.bind(2, it.key());
            m_addAttribute.bind(3, it.value());
            if (!m_addAttribute.execute())
                return Failure{&m_addAttribute, what.arg(vm.name)};
        }
        return std::nullopt;
    }

private:
    SqliteStatement m_insert; ///< a plain INSERT into an empty project, else as m_upsert
    SqliteStatement m_upsert;
    SqliteStatement m_update;
    SqliteStatement m_idOf;
    SqliteStatement m_clearAttributes;
    SqliteStatement m_addAttribute;
    VmDetailsWriter m_details;
};

QString vmLabel(const Vm &vm)
{
    constexpr int kShown = 80; // a crafted name of 100,000 characters is not printed whole
    const QString name = vm.name.size() <= kShown ? vm.name : vm.name.left(kShown) + QStringLiteral("...");
    return QStringLiteral("VM '%1' (id %2)").arg(name).arg(vm.id);
}

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

namespace {
sqlite3 *sqliteHandleOf(const QSqlDatabase &db);
} // namespace

sqlite3 *ProjectStore::connectionHandle() const
{
    return sqliteHandleOf(database());
}

namespace {

sqlite3 *sqliteHandleOf(const QSqlDatabase &db)
{
    // QtSql's SQLite driver hands out its sqlite3* as a QVariant of that pointer type.
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/** The path SQLite is given: absolute, so that a name such as "file:x?mode=memory" is always a
    file name and never read as a URI. */
QString sqlitePath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

QString busyMessage(const QString &path)
{
    return QStringLiteral("%1: the project is busy: another program is writing to it; try again in a moment").arg(path);
}

/** Reads a file's application id and format, then its schema and its pages; a problem when it
    is not a project this version opens as it is. `version` receives the file's format. */
std::optional<StoreError> probeExistingFile(const QString &path, bool readOnly, int *version)
{
    // Look before touching: read-only unless a hot journal must be rolled back (see checkExistingFile),
    // so a foreign, newer or crafted file keeps every byte.
    const QString name = QStringLiteral("landfall-probe-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::optional<StoreError> problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath(path));
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        SqliteHardening hardening;
        if (!db.open()) {
            problem = StoreError{StoreError::Kind::Unreadable,
                                 QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text())};
        } else if (!hardening.apply(sqliteHandleOf(db))) {
            problem = StoreError{StoreError::Kind::Unreadable,
                                 QStringLiteral("%1: cannot be opened safely: this SQLite lacks the defensive "
                                                "settings Landfall needs")
                                     .arg(path)};
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
                const QSqlError error = query.lastError();
                problem = StoreError{isBusy(error) ? StoreError::Kind::Busy : StoreError::Kind::Foreign,
                                     isBusy(error) ? busyMessage(path)
                                                   : QStringLiteral("%1: is not a Landfall project (not a SQLite "
                                                                    "database: %2)")
                                                         .arg(path, error.databaseText())};
            } else if (query.value(0).toInt() != SchemaMigrations::kApplicationId) {
                problem = StoreError{StoreError::Kind::Foreign,
                                     QStringLiteral("%1: is a SQLite database, but not a Landfall project; Landfall "
                                                    "leaves it untouched")
                                         .arg(path)};
            } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                problem = StoreError{
                    StoreError::Kind::Unreadable,
                    QStringLiteral("%1: its format cannot be read: %2").arg(path, query.lastError().databaseText())};
            } else if (const int format = query.value(0).toInt(); format > SchemaMigrations::latestVersion()) {
                problem = StoreError{StoreError::Kind::Newer,
                                     QStringLiteral("%1: was written by a newer Landfall (project format %2; this "
                                                    "version reads up to %3); update Landfall to open it")
                                         .arg(path)
                                         .arg(format)
                                         .arg(SchemaMigrations::latestVersion())};
            } else if (format < 1) {
                problem = StoreError{StoreError::Kind::Damaged,
                                     QStringLiteral("%1: carries Landfall's mark but no project format (%2); Landfall "
                                                    "leaves it untouched")
                                         .arg(path)
                                         .arg(format)};
            } else if (std::optional<QString> schema = SchemaCheck::problemIn(sqliteHandleOf(db), format)) {
                // A crafted file: views, triggers or other tables would run or be read as the plan.
                problem = StoreError{StoreError::Kind::Damaged,
                                     QStringLiteral("%1: its schema is not one Landfall writes, so Landfall does not "
                                                    "open it and leaves it untouched: it holds %2")
                                         .arg(path, *schema)};
            } else if (std::optional<QString> damage = SchemaCheck::damageIn(sqliteHandleOf(db))) {
                problem = StoreError{StoreError::Kind::Damaged,
                                     QStringLiteral("%1: is damaged (SQLite's quick check: %2); Landfall leaves it "
                                                    "untouched: open a backup")
                                         .arg(path, *damage)};
            } else if (version) {
                *version = format;
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
        db.setDatabaseName(sqlitePath(path));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        SqliteHardening hardening;
        if (db.open() && hardening.apply(sqliteHandleOf(db))) {
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

/** A file Landfall must not open as a project, found before SQLite touches it: a folder, a FIFO
    (which would block the open forever), a device, a socket; or a project another program has
    in WAL mode, whose -wal file a read would merge into what it shows. */
std::optional<StoreError> refusedBeforeOpening(const QString &path, bool *exists)
{
    struct stat info {};
    const QByteArray native = QFile::encodeName(path);
    *exists = false;
    if (::stat(native.constData(), &info) != 0) {
        if (errno == ENOENT)
            return std::nullopt;
        return StoreError{
            StoreError::Kind::Unreadable,
            QStringLiteral("%1: cannot be opened: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    *exists = true;
    if (S_ISDIR(info.st_mode))
        return StoreError{StoreError::Kind::Unreadable,
                          QStringLiteral("%1: is a folder, not a project file").arg(path)};
    if (!S_ISREG(info.st_mode)) {
        const QString what = S_ISFIFO(info.st_mode)                           ? QStringLiteral("a FIFO (named pipe)")
                             : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? QStringLiteral("a device")
                             : S_ISSOCK(info.st_mode)                         ? QStringLiteral("a socket")
                                                                              : QStringLiteral("not a regular file");
        return StoreError{
            StoreError::Kind::Unreadable,
            QStringLiteral("%1: is %2, not a project file; Landfall opens only regular files").arg(path, what)};
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            return StoreError{StoreError::Kind::Unreadable,
                              QStringLiteral("%1: has a write-ahead log beside it (%1%2). Landfall never uses "
                                             "write-ahead logging, so another program has written to this project; "
                                             "reading it would merge changes Landfall did not make. Landfall "
                                             "leaves both files untouched: open the project in that program to "
                                             "finish its work, or remove the %2 file if you do not trust it")
                                  .arg(path, QLatin1String(suffix))};
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        // Bytes 18 and 19 of a SQLite header: 2 is WAL mode, which a read would switch on.
        const QByteArray header = file.read(100);
        if (header.size() == 100 && header.startsWith("SQLite format 3") && (header[18] == 2 || header[19] == 2))
            return StoreError{StoreError::Kind::Foreign,
                              QStringLiteral("%1: is in write-ahead-log mode, which Landfall never uses: another "
                                             "program has changed it; Landfall leaves it untouched")
                                  .arg(path)};
    }
    return std::nullopt;
}

} // namespace

std::optional<StoreError> ProjectStore::checkExistingFile(const QString &path, int *version)
{
    if (std::optional<StoreError> busy = waitForCreator(path))
        return busy;
    std::optional<StoreError> problem = probeExistingFile(path, true, version);
    // A program killed while writing leaves a hot journal, which only a writable connection can
    // roll back; a read-only probe then fails with SQLITE_READONLY. Rolling it back restores the
    // last committed state, as any SQLite client opening the file would, so probe again writable.
    if (problem && problem->kind == StoreError::Kind::Foreign && QFileInfo::exists(path + QLatin1String("-journal")))
        problem = probeExistingFile(path, false, version);
    return problem;
}

std::optional<StoreError> ProjectStore::openReadOnlyCopy(QSqlDatabase &db, const QString &path)
{
    // The backup API copies the file's pages into the in-memory database db opened; the file is
    // opened read-only, hardened, and closed again before anything runs on the copy.
    sqlite3 *file = nullptr;
    SqliteHardening hardening;
    std::optional<StoreError> problem;
    if (sqlite3_open_v2(sqlitePath(path).toUtf8().constData(), &file, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !hardening.apply(file)) {
        problem =
            StoreError{StoreError::Kind::Unreadable,
                       QStringLiteral("%1: cannot be opened: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(file)))};
    } else {
        sqlite3_busy_timeout(file, kBusyTimeoutMs);
        sqlite3_backup *backup = sqlite3_backup_init(sqliteHandleOf(db), "main", file, "main");
        const int stepped = backup ? sqlite3_backup_step(backup, -1) : SQLITE_ERROR;
        const int finished = backup ? sqlite3_backup_finish(backup) : SQLITE_ERROR;
        if (stepped != SQLITE_DONE || finished != SQLITE_OK)
            problem = StoreError{stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED ? StoreError::Kind::Busy
                                                                                    : StoreError::Kind::Unreadable,
                                 QStringLiteral("%1: cannot be read: %2")
                                     .arg(path, QString::fromUtf8(sqlite3_errmsg(sqliteHandleOf(db))))};
    }
    sqlite3_close(file);
    return problem;
}

Result<std::unique_ptr<ProjectStore>, StoreError> ProjectStore::open(const QString &path, OpenMode mode)
{
    bool exists = false;
    if (std::optional<StoreError> refused = refusedBeforeOpening(path, &exists))
        return *refused;
    if (!exists && mode != OpenMode::CreateIfMissing)
        return StoreError{StoreError::Kind::Unreadable, QStringLiteral("%1: no such project file").arg(path)};
    bool emptyFile = false;
    int version = SchemaMigrations::latestVersion();
    if (exists) {
        const std::optional<StoreError> problem = checkExistingFile(path, &version);
        // An empty file holds nobody's data: it is what a first import killed before its first
        // commit leaves behind (once its journal is rolled back). Set it up as a new project.
        emptyFile = QFileInfo(path).size() == 0;
        const bool recoverable =
            mode == OpenMode::CreateIfMissing && emptyFile && problem && problem->kind == StoreError::Kind::Foreign;
        if (problem && !recoverable)
            return *problem;
        if (emptyFile)
            version = 0;
    }

    const QString name = QStringLiteral("landfall-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, name));
    store->m_created = !exists || emptyFile;
    store->m_hardening = std::make_unique<SqliteHardening>();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    const bool readOnly = mode == OpenMode::ReadOnly;
    const bool copyInMemory = readOnly && version < SchemaMigrations::latestVersion();
    db.setDatabaseName(copyInMemory ? QStringLiteral(":memory:") : sqlitePath(path));
    // A second writer waits up to 5 s for the first, then is told the project is busy.
    db.setConnectOptions(readOnly && !copyInMemory ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                                   : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return StoreError{StoreError::Kind::Unreadable,
                          QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text())};
    if (!store->m_hardening->apply(sqliteHandleOf(db)))
        return StoreError{StoreError::Kind::Unreadable,
                          QStringLiteral("%1: cannot be opened safely: this SQLite lacks the defensive settings "
                                         "Landfall needs")
                              .arg(path)};
    if (copyInMemory) {
        if (std::optional<StoreError> problem = openReadOnlyCopy(db, path))
            return *problem;
    }
    QSqlQuery pragma(db);
    // A 64 MiB page cache (SQLite's default is 2 MiB) keeps the identity and name indexes in
    // memory while an import inserts 100,000 VMs in random key order.
    for (const char *statement :
         {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -65536"}) {
        if (!pragma.exec(QLatin1String(statement)))
            return store->errorFrom(pragma, QStringLiteral("set up the connection"));
    }
    // Read-only commands never migrate the file: an older project is migrated in its copy.
    if (!readOnly || copyInMemory) {
        if (std::optional<StoreError> problem = store->migrate())
            return *problem;
    }
    store->m_readOnly = readOnly;
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
    if (std::optional<StoreError> refused = beginChange())
        return refused;
    if (std::optional<StoreError> problem = work()) {
        rollbackChange();
        return problem;
    }
    return commitChange();
}

std::optional<StoreError> ProjectStore::beginChange()
{
    // After a read failed, whatever the caller computed may rest on part of the project: saving
    // it would turn damage into a smaller estate. A read-only store has nothing to write to.
    if (m_readFailure)
        return m_readFailure;
    m_unicodeNames.reset(); // names may change
    if (m_readOnly)
        return StoreError{StoreError::Kind::Failed,
                          QStringLiteral("%1: is open read-only for this command; nothing was written").arg(m_path)};
    QSqlQuery begin(database());
    // IMMEDIATE takes the write lock up front, so a busy project fails before any work is done.
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return errorFrom(begin, QStringLiteral("start a change"));
    return std::nullopt;
}

std::optional<StoreError> ProjectStore::commitChange()
{
    QSqlQuery end(database());
    if (!end.exec(QStringLiteral("COMMIT"))) {
        StoreError error = errorFrom(end, QStringLiteral("save the change"));
        end.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return std::nullopt;
}

void ProjectStore::rollbackChange()
{
    QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
}

namespace {

QMutex g_readFailureMutex;
std::optional<StoreError> g_firstReadFailure;

} // namespace

std::optional<StoreError> ProjectStore::readFailureInProcess()
{
    const QMutexLocker lock(&g_readFailureMutex);
    return g_firstReadFailure;
}

bool ProjectStore::noteReadFailure(const QString &what, const QString &detail) const
{
    if (!m_readFailure) {
        m_readFailure =
            StoreError{StoreError::Kind::Damaged,
                       QStringLiteral("%1: could not %2: %3; nothing was written").arg(m_path, what, detail)};
        const QMutexLocker lock(&g_readFailureMutex);
        if (!g_firstReadFailure)
            g_firstReadFailure = m_readFailure;
    }
    return false;
}

bool ProjectStore::noteReadFailure(const SqliteStatement &statement, const QString &what) const
{
    if (statement.errorCode() == 5 || statement.errorCode() == 6) { // SQLITE_BUSY, SQLITE_LOCKED
        noteReadFailure(what, QStringLiteral("the project is busy"));
        m_readFailure->kind = StoreError::Kind::Busy;
        return false;
    }
    return noteReadFailure(what, m_hardening && m_hardening->tripped() ? SqliteHardening::trippedMessage()
                                                                       : statement.errorMessage());
}

bool ProjectStore::noteReadFailure(const QSqlQuery &query, const QString &what) const
{
    return noteReadFailure(what, m_hardening && m_hardening->tripped() ? SqliteHardening::trippedMessage()
                                                                       : query.lastError().text());
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

qint64 ProjectStore::fileBytes() const
{
    // Pages in use, as this connection sees them inside its transaction.
    QSqlQuery query(database());
    qint64 pages = 0;
    if (query.exec(QStringLiteral("PRAGMA page_count")) && query.next())
        pages = query.value(0).toLongLong();
    if (query.exec(QStringLiteral("PRAGMA page_size")) && query.next())
        return pages * query.value(0).toLongLong();
    return 0;
}

std::optional<StoreError> ProjectStore::importInventory(InventoryBatch batch)
{
    Result<std::unique_ptr<InventoryWrite>, StoreError> write = InventoryWrite::begin(*this, batch.record);
    if (!write)
        return write.error();
    for (QList<Vm> &chunk : batch.vms.takeChunks()) {
        if (std::optional<StoreError> problem = (*write)->writeVms(std::move(chunk)))
            return problem;
    }
    return (*write)->finish(batch);
}

struct InventoryWrite::State {
    State(sqlite3 *connection, bool intoEmptyProject)
        : vms(connection, intoEmptyProject)
    {}

    VmRowWriter vms;
    qint64 importId = 0;
    qint64 bytesBefore = 0;  ///< the project's pages in use when the write began
    qint64 bytesAllowed = 0; ///< how much the write may grow them
    QString file;
    /// What was written of each VM, by identity key (by id for an edited VM): a row that names
    /// a VM again writes over it, and the VMs written are counted once each.
    QHash<QString, VmRowWriter::Written> written;
    bool finished = false;
};

Result<std::unique_ptr<InventoryWrite>, StoreError> InventoryWrite::begin(ProjectStore &store,
                                                                          const ImportRecord &record)
{
    if (std::optional<StoreError> refused = store.beginChange())
        return *refused;
    auto state = std::make_unique<State>(store.connectionHandle(), store.vmCount() == 0);
    std::unique_ptr<InventoryWrite> write(new InventoryWrite(store, std::move(state)));
    State &s = *write->m_state;
    if (const SqliteStatement *invalid = s.vms.invalid())
        return store.errorFrom(*invalid, QStringLiteral("prepare the write"));
    s.file = record.file;
    s.bytesBefore = store.fileBytes();
    const qint64 inputBytes = std::max<qint64>(0, QFileInfo(record.file).size());
    s.bytesAllowed = ProjectStore::kGrowthFactor * inputBytes + ProjectStore::kGrowthAllowanceBytes;

    // The import's row first, for the VMs to name it; finish() gives it the counts.
    QSqlQuery history(store.database());
    history.prepare(QStringLiteral("INSERT INTO imports (file, format, imported_at, rows_taken, rows_refused) "
                                   "VALUES (?, ?, ?, 0, 0)"));
    for (const QVariant &value :
         QVariantList{record.file, record.format, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
        history.addBindValue(value);
    if (!history.exec())
        return store.errorFrom(history, QStringLiteral("record the import"));
    s.importId = history.lastInsertId().toLongLong();
    return write;
}

InventoryWrite::InventoryWrite(ProjectStore &store, std::unique_ptr<State> state)
    : m_store(store)
    , m_state(std::move(state))
{}

InventoryWrite::~InventoryWrite()
{
    if (!m_state->finished)
        m_store.rollbackChange();
}

int InventoryWrite::vmsWritten() const
{
    return int(m_state->written.size());
}

std::optional<StoreError> InventoryWrite::writeVms(QList<Vm> vms)
{
    State &s = *m_state;
    for (const Vm &vm : std::as_const(vms)) {
        const QString identityKey = vm.identityKey();
        const QString key = vm.id != 0 ? QString::number(vm.id) : identityKey;
        const auto earlier = s.written.constFind(key);
        VmRowWriter::Written written;
        if (const std::optional<VmRowWriter::Failure> failure =
                s.vms.write(vm, identityKey, s.importId, earlier == s.written.cend() ? nullptr : &*earlier, written))
            return m_store.errorFrom(*failure->statement, failure->what);
        s.written.insert(key, written);
    }
    vms = {}; // let go before the check reads the page count
    return checkGrowth();
}

std::optional<StoreError> InventoryWrite::checkGrowth() const
{
    // Checked as the VMs are written, and before the commit: a refused import leaves the project as it was.
    const State &s = *m_state;
    const qint64 growth = m_store.fileBytes() - s.bytesBefore;
    if (growth <= s.bytesAllowed)
        return std::nullopt;
    return StoreError{StoreError::Kind::Rejected,
                      QStringLiteral("%1: importing %2 would grow the project by %3 MiB, more than %4 times "
                                     "the file's %5 KiB (plus %6 MiB); a real inventory needs far less, so "
                                     "the file repeats its content: nothing was imported")
                          .arg(m_store.m_path, s.file)
                          .arg(growth >> 20)
                          .arg(ProjectStore::kGrowthFactor)
                          .arg(std::max<qint64>(0, QFileInfo(s.file).size()) >> 10)
                          .arg(ProjectStore::kGrowthAllowanceBytes >> 20)};
}

std::optional<StoreError> InventoryWrite::finish(const InventoryBatch &rest)
{
    State &s = *m_state;
    QSqlDatabase db = m_store.database();
    QSqlQuery history(db);
    history.prepare(QStringLiteral("UPDATE imports SET rows_taken = ?, rows_refused = ?, excluded_templates = ?, "
                                   "excluded_srm_placeholders = ?, rvtools_version = ?, exported_at = ?, "
                                   "source_server = ? WHERE id = ?"));
    const ImportRecord &r = rest.record;
    for (const QVariant &value :
         QVariantList{r.rowsTaken, r.rowsRefused, r.excludedTemplates, r.excludedSrmPlaceholders,
                      // A null QString binds as NULL; these columns hold '' when the file does not say.
                      r.rvtoolsVersion.isNull() ? QStringLiteral("") : r.rvtoolsVersion,
                      r.exportedAt.isNull() ? QStringLiteral("") : r.exportedAt,
                      r.sourceServer.isNull() ? QStringLiteral("") : r.sourceServer, s.importId})
        history.addBindValue(value);
    if (!history.exec())
        return m_store.errorFrom(history, QStringLiteral("record the import"));

    QSqlQuery excluded(db);
    excluded.prepare(QStringLiteral("INSERT INTO excluded_vms (identity_key, name, kind, import_id) VALUES (?, ?, "
                                    "?, ?) ON CONFLICT (identity_key) DO UPDATE SET name = excluded.name, kind = "
                                    "excluded.kind, import_id = excluded.import_id"));
    QSqlQuery dropVm(db);
    dropVm.prepare(QStringLiteral("DELETE FROM vms WHERE identity_key = ?"));
    for (const ExcludedVm &row : rest.excluded) {
        for (const QVariant &value : QVariantList{row.identityKey, row.name, row.kind, s.importId})
            excluded.addBindValue(value);
        // A VM turned into a template since the last export leaves the plan.
        dropVm.addBindValue(row.identityKey);
        if (!excluded.exec() || !dropVm.exec())
            return m_store.errorFrom(excluded, QStringLiteral("record excluded row %1").arg(row.name));
    }
    if (std::optional<StoreError> problem = m_store.writeHosts(rest.hosts, s.importId))
        return problem;
    if (std::optional<StoreError> problem = m_store.writeClusters(rest.clusters, s.importId))
        return problem;
    if (std::optional<StoreError> refused = checkGrowth())
        return refused;
    s.finished = true; // committed or, when the commit fails, rolled back by it
    return m_store.commitChange();
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
                                   "FROM hosts ORDER BY id"))) {
        noteReadFailure(query, QStringLiteral("read the hosts"));
        return {};
    }
    QString problem;
    RangeCheck check(problem);
    while (query.next()) {
        Host host;
        host.id = query.value(0).toLongLong();
        host.vcenter = query.value(1).toString();
        host.name = query.value(2).toString();
        host.datacenter = query.value(3).toString();
        host.cluster = query.value(4).toString();
        host.cpuModel = query.value(5).toString();
        host.sockets = int(check.count(integerOf(query.value(6)), "sockets"));
        host.cores = int(check.count(integerOf(query.value(7)), "cores"));
        host.hyperThreading = integerOf(query.value(8)) != 0;
        host.memoryMiB = check.amount(query.value(9).toDouble(), "memory_mib", kMaxMiB);
        host.esxVersion = query.value(10).toString();
        host.vendor = query.value(11).toString();
        host.model = query.value(12).toString();
        host.vmCount = int(check.count(integerOf(query.value(13)), "vm_count"));
        host.vcpuCount = int(check.count(integerOf(query.value(14)), "vcpu_count"));
        if (!problem.isEmpty()) {
            noteReadFailure(QStringLiteral("read host '%1' (id %2)").arg(host.name.left(80)).arg(host.id), problem);
            return {};
        }
        list.append(host);
    }
    if (query.lastError().isValid()) {
        noteReadFailure(query, QStringLiteral("read the hosts"));
        return {};
    }
    return list;
}

QList<Vm> ProjectStore::vms() const
{
    // Through SQLite's C interface: QSqlQuery's QVariant per value took seconds at 100,000 VMs,
    // and the plan, the CLI and the report all start here.
    // Every row or none: a read that stops early is an error, never a smaller estate.
    QList<Vm> list;
    const QString what = QStringLiteral("read the VMs");
    SqliteStatement query(connectionHandle(), selectVmsSql() + QLatin1String(" ORDER BY id"));
    if (!query.isValid())
        return noteReadFailure(query, what), QList<Vm>{};
    list.reserve(vmCount());
    TextPool pool;
    QString problem;
    while (query.nextRow()) {
        list.append(vmFromRow(query, pool, problem));
        if (!problem.isEmpty())
            return noteReadFailure(QStringLiteral("read %1").arg(vmLabel(list.constLast())), problem), QList<Vm>{};
    }
    if (query.failed())
        return noteReadFailure(query, what), QList<Vm>{};
    SqliteStatement attributes(connectionHandle(),
                               QStringLiteral("SELECT vm_id, key, value FROM vm_custom_attributes ORDER BY vm_id"));
    if (!attributes.isValid())
        return noteReadFailure(attributes, QStringLiteral("read the custom attributes")), QList<Vm>{};
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
    if (attributes.failed())
        return noteReadFailure(attributes, QStringLiteral("read the custom attributes")), QList<Vm>{};
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
    const QString what = QStringLiteral("read the VMs");
    if (!query.isValid() || !attributes.isValid())
        return noteReadFailure(query.isValid() ? attributes : query, what), QList<Vm>{};
    found.reserve(ids.size());
    TextPool pool;
    QString problem;
    for (qint64 id : ids) {
        query.bind(1, id);
        if (query.nextRow()) {
            Vm vm = vmFromRow(query, pool, problem);
            if (!problem.isEmpty())
                return noteReadFailure(QStringLiteral("read %1").arg(vmLabel(vm)), problem), QList<Vm>{};
            attributes.bind(1, id);
            while (attributes.nextRow())
                vm.customAttributes.insert(TextPool::unpooled(attributes.utf8At(0)),
                                           TextPool::unpooled(attributes.utf8At(1)));
            if (attributes.failed())
                return noteReadFailure(attributes, what), QList<Vm>{};
            attributes.reset();
            found.append(std::move(vm));
        } else if (query.failed()) {
            return noteReadFailure(query, what), QList<Vm>{};
        }
        query.reset();
    }
    return found;
}

qint64 ProjectStore::vmCount() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT count(*) FROM vms")) && query.next())
        return query.value(0).toLongLong();
    noteReadFailure(query, QStringLiteral("count the VMs"));
    return 0;
}

QString ProjectStore::nameKey(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QList<qint64> ProjectStore::vmIdsByName(const QString &name) const
{
    // SQLite's NOCASE folds ASCII only and knows no normalisation: its index finds the names
    // that differ from this one in ASCII case. Names with other characters (which an NFD
    // spelling, or another case, may match) are compared after NFC and Unicode case folding,
    // through a table of their keys read once until the next write (an answers file looks up
    // every one of its rows).
    const QString key = nameKey(name);
    QList<qint64> ids;
    SqliteStatement query(connectionHandle(),
                          QStringLiteral("SELECT id, name FROM vms WHERE name = ? COLLATE NOCASE ORDER BY id"));
    query.bind(1, name);
    while (query.nextRow()) {
        if (nameKey(TextPool::unpooled(query.utf8At(1))) == key)
            ids.append(query.int64At(0));
    }
    if (query.failed() || !query.isValid())
        return noteReadFailure(query, QStringLiteral("find the VM %1").arg(name.left(80))), QList<qint64>{};
    if (!m_unicodeNames) {
        SqliteStatement unicode(connectionHandle(),
                                QStringLiteral("SELECT id, name FROM vms WHERE name GLOB '*[^ -~]*'"));
        QHash<QString, QList<qint64>> byKey;
        while (unicode.nextRow())
            byKey[nameKey(TextPool::unpooled(unicode.utf8At(1)))].append(unicode.int64At(0));
        if (unicode.failed() || !unicode.isValid())
            return noteReadFailure(unicode, QStringLiteral("find the VM %1").arg(name.left(80))), QList<qint64>{};
        m_unicodeNames = std::move(byKey);
    }
    for (qint64 id : m_unicodeNames->value(key)) {
        if (!ids.contains(id))
            ids.append(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<qint64> ProjectStore::vmIdByUuid(const QString &uuid) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM vms WHERE uuid = ? COLLATE NOCASE ORDER BY id LIMIT 1"));
    query.addBindValue(uuid);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    if (query.lastError().isValid())
        noteReadFailure(query, QStringLiteral("find the VM of UUID %1").arg(uuid.left(80)));
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

std::optional<StoreError> ProjectStore::writeVms(ChunkedList<Vm> vms, qint64 importId)
{
    VmRowWriter writer(connectionHandle(), vmCount() == 0);
    if (const SqliteStatement *invalid = writer.invalid())
        return errorFrom(*invalid, QStringLiteral("prepare the write"));
    for (const Vm &vm : std::as_const(vms)) {
        VmRowWriter::Written written;
        if (const std::optional<VmRowWriter::Failure> failure =
                writer.write(vm, vm.identityKey(), importId, nullptr, written))
            return errorFrom(*failure->statement, failure->what);
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
                           "coalesce(sum(CASE WHEN used_known THEN used_mib ELSE 0 END), 0), "
                           "coalesce(sum(NOT used_known), 0) FROM vms")) &&
        query.next()) {
        summary.vms = intOf(query.value(0));
        summary.poweredOn = intOf(query.value(1));
        summary.vcpu = integerOf(query.value(2));
        summary.memoryGiB = query.value(3).toDouble() / 1024;
        summary.provisionedGiB = query.value(4).toDouble() / 1024;
        summary.usedGiB = query.value(5).toDouble() / 1024;
        summary.vmsWithoutUsedDisk = intOf(query.value(6));
    } else {
        return noteReadFailure(query, QStringLiteral("add up the VMs")), ProjectSummary{};
    }
    // The sums above are SQLite's; their inputs are range-checked like a read of every VM.
    if (!std::isfinite(summary.memoryGiB + summary.provisionedGiB + summary.usedGiB) || summary.vcpu < 0 ||
        summary.vcpu > kMaxCount * std::max(1, summary.vms))
        return noteReadFailure(QStringLiteral("add up the VMs"), QStringLiteral("the totals are out of range")),
               ProjectSummary{};
    if (query.exec(QStringLiteral("SELECT kind, count(*) FROM excluded_vms GROUP BY kind"))) {
        while (query.next()) {
            if (query.value(0).toString() == QLatin1String("template"))
                summary.excludedTemplates = intOf(query.value(1));
            else
                summary.excludedSrmPlaceholders = intOf(query.value(1));
        }
    }
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("count the excluded rows")), ProjectSummary{};
    if (!query.exec(QStringLiteral("SELECT coalesce(sum(guest_used_mib), 0) FROM vms")) || !query.next())
        return noteReadFailure(query, QStringLiteral("sum the guest-used disk")), ProjectSummary{};
    summary.guestUsedGiB = query.value(0).toDouble() / 1024;
    if (!query.exec(QStringLiteral("SELECT count(*), coalesce(sum(cores), 0), coalesce(sum(sockets), 0), "
                                   "coalesce(sum(memory_mib), 0) FROM hosts")) ||
        !query.next())
        return noteReadFailure(query, QStringLiteral("count the hosts")), ProjectSummary{};
    summary.hosts.count = intOf(query.value(0));
    summary.hosts.cores = integerOf(query.value(1));
    summary.hosts.sockets = integerOf(query.value(2));
    summary.hosts.memoryGiB = query.value(3).toDouble() / 1024;
    if (query.exec(QStringLiteral("SELECT os_family, os_version, count(*) FROM vms GROUP BY os_family, os_version"))) {
        while (query.next())
            summary.osCounts[query.value(0).toString()][query.value(1).toString()] = intOf(query.value(2));
    }
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("count the operating systems")), ProjectSummary{};
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
        return noteReadFailure(query, QStringLiteral("read the import history")), QList<ImportRecord>{};
    while (query.next()) {
        history.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), intOf(query.value(4)), intOf(query.value(5)), intOf(query.value(6)),
                        intOf(query.value(7)), query.value(8).toString(), query.value(9).toString(),
                        query.value(10).toString()});
    }
    if (query.lastError().isValid())
        return noteReadFailure(query, QStringLiteral("read the import history")), QList<ImportRecord>{};
    return history;
}

QString ProjectStore::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    if (query.lastError().isValid())
        noteReadFailure(query, QStringLiteral("read the setting %1").arg(key));
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
