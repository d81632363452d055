#pragma once

#include "projectsummary.h"
#include "storeerror.h"
#include "vmlistrow.h"

#include "advisor/manualoverride.h"
#include "domain/chunkedlist.h"
#include "domain/cluster.h"
#include "domain/decision.h"
#include "domain/host.h"
#include "domain/result.h"
#include "domain/vm.h"
#include "waves/connection.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;
struct sqlite3;

namespace landfall {

class InventoryWrite;
class SqliteHardening;
class SqliteStatement;

/** A row an import saw but did not take into the plan: a template or an SRM placeholder. */
struct ExcludedVm {
    QString identityKey;
    QString name;
    QString kind; ///< "template" or "srmPlaceholder"
};

/** Everything one accepted import writes, in one transaction. VMs with an id update that
    row; VMs without one are inserted, or update the VM of the same identity. */
struct InventoryBatch {
    ImportRecord record;
    ChunkedList<Vm> vms; ///< in the chunks the file was mapped in, each let go once written
    QList<ExcludedVm> excluded;
    QList<Host> hosts;       ///< written over the hosts of the same identity; others are kept
    QList<Cluster> clusters; ///< written over the clusters of the same identity; others are kept
};

/** The project file: a SQLite database that holds the inventory, the consultant's answers
    and what is computed from them. This class owns the connection (a named one, never Qt's
    default) and all of the project's SQL; every change runs in a transaction. */
class ProjectStore {
public:
    /** ReadOnly: for commands that only read. Nothing is written to the file, not even a
        migration: a project of an older format is copied into memory and migrated there. */
    enum class OpenMode { ExistingOnly, CreateIfMissing, ReadOnly };

    static Result<std::unique_ptr<ProjectStore>, StoreError> open(const QString &path, OpenMode mode);
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    QString path() const { return m_path; }
    bool wasCreated() const { return m_created; }
    bool isReadOnly() const { return m_readOnly; }

    /** The first read that failed (damage found while reading, a value out of range, a
        statement stopped): every read returns all its rows or records its error here, and
        from then on the store refuses every write, so nothing is saved from a partial read. */
    std::optional<StoreError> readFailure() const { return m_readFailure; }
    /** The first read failure of any store in this process; the CLI turns it into exit 3. */
    static std::optional<StoreError> readFailureInProcess();

    /** How much an import may grow the project: at most this many times the bytes of its input
        files, plus kGrowthAllowanceBytes. A real inventory grows a project by 2 to 10 times its
        size (measured on the samples); a crafted workbook whose cells repeat one long string
        would grow it by thousands. */
    static constexpr qint64 kGrowthFactor = 64;
    static constexpr qint64 kGrowthAllowanceBytes = qint64(32) << 20;

    // The inventory.
    std::optional<StoreError> importInventory(InventoryBatch batch);
    QList<Vm> vms() const;
    std::optional<Vm> vm(qint64 id) const;
    /** The VMs of these ids that are in the project, in the order asked. */
    QList<Vm> vmsWithIds(const QList<qint64> &ids) const;
    qint64 vmCount() const;
    /** Case-insensitive (Unicode case folding) and blind to Unicode normalisation (NFC and NFD
        spellings match); several across vCenters. */
    QList<qint64> vmIdsByName(const QString &name) const;
    /** The form names are compared in: NFC, then Unicode case folding. */
    static QString nameKey(const QString &name);
    /** Every VM's id, ordered by name as the name index orders them (case-insensitive for ASCII
        letters), then by id: a sort by name without comparing a string. */
    QList<qint64> vmIdsInNameOrder() const;
    std::optional<qint64> vmIdByUuid(const QString &uuid) const;
    std::optional<StoreError> updateVms(const QList<Vm> &vms);
    ProjectSummary summary() const;
    QList<Host> hosts() const;       ///< the estate's hypervisor hosts, ordered by id; empty without vHost
    QList<Cluster> clusters() const; ///< the estate's clusters (vCluster), ordered by id
    /** The partitions, disks and NICs imported for VM `vmId` (vPartition, vDisk, vNetwork). */
    QList<VmPartition> vmPartitions(qint64 vmId) const;
    QList<VmDisk> vmDisks(qint64 vmId) const;
    QList<VmNic> vmNics(qint64 vmId) const;
    QList<ImportRecord> importHistory() const;

    // Project settings: small named values (the advisor's inputs, the rule set, ...).
    QString setting(const QString &key, const QString &fallback = {}) const;
    std::optional<StoreError> setSetting(const QString &key, const QString &value);

    // The advisor's decisions, overrides and rules.
    /** Replaces every stored decision with these, and writes `settingsToKeep` (the rule set they
        came from), all in one transaction: a crash leaves either the old plan or the new one. */
    std::optional<StoreError> saveDecisions(const QList<Decision> &decisions,
                                            const QMap<QString, QString> &settingsToKeep = {});
    /** Writes these decisions over the stored ones of the same VMs (a few VMs re-classified). */
    std::optional<StoreError> updateDecisions(const QList<Decision> &decisions);
    QList<Decision> decisions() const;                ///< ordered by VM id
    QMap<QString, int> decisionCounts() const;        ///< path key -> VMs, from the stored decisions
    QHash<QString, ManualOverride> overrides() const; ///< by VM identity key
    std::optional<StoreError> setOverride(const ManualOverride &manualOverride);
    std::optional<StoreError> clearOverride(const QString &identityKey);

    // The density engine's scenarios.
    /** Adds a scenario, or replaces the one of the same name; `definition` is its JSON. */
    std::optional<StoreError> saveScenario(const QString &name, const QString &definition);
    QStringList scenarioNames() const; ///< in the order they were first added
    std::optional<QString> scenarioDefinition(const QString &name) const;
    /** True when a scenario of that name was removed, false when there was none. */
    Result<bool, StoreError> removeScenario(const QString &name);

    // For the desktop application.
    /** Every VM's displayed columns, ordered by id; reads no custom attributes. */
    QList<VmListRow> vmListRows() const;
    /** Sets one workshop attribute on several VMs, as (VM id, value) pairs, in one transaction. */
    std::optional<StoreError> setWorkshopAnswer(WorkshopAnswers::Attribute attribute,
                                                const QList<std::pair<qint64, QString>> &values);

    // Move groups and waves (projectstore_waves.cpp).
    /** Adds these dependencies, or updates those of the same ends, port and protocol, in one
        transaction. Each end is resolved to a VM (by name, DNS name or IP address) or kept as an
        external endpoint. Returns how many ends were VMs of the inventory. */
    Result<int, StoreError> importDependencies(const QList<Connection> &connections);
    /** Every dependency, its ends resolved to VM ids (0 for an external endpoint). */
    QList<Dependency> dependencies() const;
    qint64 dependencyCount() const;
    std::optional<StoreError> clearDependencies();
    /** The consultant's explicit move groups by VM id; an empty name means "none, whatever the CSV said". */
    QHash<qint64, QString> moveGroups() const;
    /** Sets (VM id, group) pairs in one transaction; a null group removes the setting. */
    std::optional<StoreError> setMoveGroups(const QList<std::pair<qint64, QString>> &values);
    QHash<QString, int> wavePins() const; ///< group name -> wave
    /** Pins a group to a wave; wave 0 removes the pin. */
    std::optional<StoreError> setWavePin(const QString &group, int wave);

private:
    friend class InventoryWrite; // an import's write, a transaction that spans the reading of its file

    ProjectStore(QString path, QString connectionName);
    static std::optional<StoreError> checkExistingFile(const QString &path, int *version);
    std::optional<StoreError> migrate();
    /** Runs `work` in a transaction; commits when it returns no error, rolls back otherwise. */
    std::optional<StoreError> inTransaction(const std::function<std::optional<StoreError>()> &work);
    /** The parts of inTransaction(), for a change that is written a piece at a time. */
    std::optional<StoreError> beginChange();
    std::optional<StoreError> commitChange();
    void rollbackChange();
    StoreError errorFrom(const QSqlQuery &query, const QString &what) const;
    StoreError errorFrom(const SqliteStatement &statement, const QString &what) const;
    std::optional<StoreError> writeDecisionRows(const QList<Decision> &decisions);
    /** The decision rows as stored, unverified: all of them, or those of `ids`; nullopt on a
        read failure. */
    std::optional<QList<Decision>> storedDecisions(const std::optional<QList<qint64>> &ids = std::nullopt) const;
    QSqlDatabase database() const;
    sqlite3 *connectionHandle() const;
    std::optional<StoreError> writeVms(ChunkedList<Vm> vms, qint64 importId);
    std::optional<StoreError> writeHosts(const QList<Host> &hosts, qint64 importId);
    std::optional<StoreError> writeClusters(const QList<Cluster> &clusters, qint64 importId);
    /** Records the first read failure; returns false for the caller's convenience. */
    bool noteReadFailure(const QString &what, const QString &detail) const;
    bool noteReadFailure(const SqliteStatement &statement, const QString &what) const;
    bool noteReadFailure(const QSqlQuery &query, const QString &what) const;
    static std::optional<StoreError> openReadOnlyCopy(QSqlDatabase &db, const QString &path);
    qint64 fileBytes() const;

    QString m_path;
    QString m_connectionName;
    bool m_created = false;
    bool m_readOnly = false;
    mutable std::optional<StoreError> m_readFailure;
    /// Ids by nameKey() of the VMs whose names are not plain ASCII; read by vmIdsByName().
    mutable std::optional<QHash<QString, QList<qint64>>> m_unicodeNames;
    std::unique_ptr<SqliteHardening> m_hardening;
};

} // namespace landfall
