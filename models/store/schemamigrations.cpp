#include "schemamigrations.h"

#include <QList>

namespace landfall {

namespace {

// Units are in the column names. Text columns default to '' so that reads need no NULL checks.
const QList<QStringList> &steps()
{
    static const QList<QStringList> all = {
        // 1: the inventory and its import history.
        {
            QStringLiteral(R"(CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                format TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                rows_taken INTEGER NOT NULL,
                rows_refused INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE vms (
                id INTEGER PRIMARY KEY,
                identity_key TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL DEFAULT '',
                vcenter TEXT NOT NULL DEFAULT '',
                uuid TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL,
                dns_name TEXT NOT NULL DEFAULT '',
                power_state TEXT NOT NULL DEFAULT 'unknown',
                vcpu INTEGER NOT NULL DEFAULT 0 CHECK (vcpu >= 0),
                memory_mib REAL NOT NULL DEFAULT 0 CHECK (memory_mib >= 0),
                provisioned_mib REAL NOT NULL DEFAULT 0 CHECK (provisioned_mib >= 0),
                used_mib REAL NOT NULL DEFAULT 0 CHECK (used_mib >= 0),
                os_configured TEXT NOT NULL DEFAULT '',
                os_reported TEXT NOT NULL DEFAULT '',
                os_family TEXT NOT NULL DEFAULT 'unknown',
                os_version TEXT NOT NULL DEFAULT '',
                os_build TEXT NOT NULL DEFAULT '',
                datacenter TEXT NOT NULL DEFAULT '',
                cluster TEXT NOT NULL DEFAULT '',
                host TEXT NOT NULL DEFAULT '',
                ip_address TEXT NOT NULL DEFAULT '',
                annotation TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL DEFAULT 'unknown',
                stack TEXT NOT NULL DEFAULT 'unknown',
                gui TEXT NOT NULL DEFAULT 'unknown',
                kernel_driver TEXT NOT NULL DEFAULT 'unknown',
                windows_auth TEXT NOT NULL DEFAULT 'unknown',
                source_available TEXT NOT NULL DEFAULT 'unknown',
                change_rate TEXT NOT NULL DEFAULT 'unknown',
                trust TEXT NOT NULL DEFAULT 'trusted',
                decommission TEXT NOT NULL DEFAULT 'unknown',
                must_stay_on_prem TEXT NOT NULL DEFAULT 'unknown',
                notes TEXT NOT NULL DEFAULT '',
                import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL))"),
            QStringLiteral("CREATE INDEX vms_name ON vms(name COLLATE NOCASE)"),
        },
        // 2: utilisation, the remaining inventory fields, custom attributes and excluded rows.
        {
            QStringLiteral("ALTER TABLE vms ADD COLUMN disk_count INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN nic_count INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN firmware TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN cpu_util_pct REAL"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN memory_util_pct REAL"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN application TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN owner TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(R"(CREATE TABLE vm_custom_attributes (
                vm_id INTEGER NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (vm_id, key)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE excluded_vms (
                identity_key TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('template', 'srmPlaceholder')),
                import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL))"),
            QStringLiteral("ALTER TABLE imports ADD COLUMN excluded_templates INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE imports ADD COLUMN excluded_srm_placeholders INTEGER NOT NULL DEFAULT 0"),
        },
        // 3: the advisor: project settings (its rule set among them), decisions and overrides.
        // Overrides are keyed by the VM's identity, not its row, so they survive a re-import.
        {
            QStringLiteral(R"(CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE decisions (
                vm_id INTEGER PRIMARY KEY REFERENCES vms(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT '',
                base_image TEXT NOT NULL DEFAULT '',
                isolation TEXT NOT NULL DEFAULT 'none',
                confidence TEXT NOT NULL,
                conditions TEXT NOT NULL DEFAULT '[]',
                rules TEXT NOT NULL DEFAULT '[]',
                reason TEXT NOT NULL DEFAULT '',
                trace TEXT NOT NULL DEFAULT '[]',
                overridden INTEGER NOT NULL DEFAULT 0,
                override_note TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE overrides (
                identity_key TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                set_at TEXT NOT NULL))"),
        },
        // 4: the density engine's what-if scenarios, each a JSON document under its name.
        {
            QStringLiteral(R"(CREATE TABLE scenarios (
                name TEXT PRIMARY KEY,
                definition TEXT NOT NULL,
                position INTEGER NOT NULL DEFAULT 0))"),
        },
        // 5: the estate's hypervisor hosts (RVTools vHost), the baseline the plan is compared with.
        {
            QStringLiteral(R"(CREATE TABLE hosts (
                id INTEGER PRIMARY KEY,
                identity_key TEXT NOT NULL UNIQUE,
                vcenter TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL,
                datacenter TEXT NOT NULL DEFAULT '',
                cluster TEXT NOT NULL DEFAULT '',
                cpu_model TEXT NOT NULL DEFAULT '',
                sockets INTEGER NOT NULL DEFAULT 0 CHECK (sockets >= 0),
                cores INTEGER NOT NULL DEFAULT 0 CHECK (cores >= 0),
                hyper_threading INTEGER NOT NULL DEFAULT 0,
                memory_mib REAL NOT NULL DEFAULT 0 CHECK (memory_mib >= 0),
                esx_version TEXT NOT NULL DEFAULT '',
                vendor TEXT NOT NULL DEFAULT '',
                model TEXT NOT NULL DEFAULT '',
                vm_count INTEGER NOT NULL DEFAULT 0 CHECK (vm_count >= 0),
                vcpu_count INTEGER NOT NULL DEFAULT 0 CHECK (vcpu_count >= 0),
                import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL))"),
        },
        // 6: the rest of the RVTools workbook: vInfo's standard columns, vPartition, vDisk, vNetwork,
        // vCluster, and vMetaData in the import history.
        {
            QStringLiteral("ALTER TABLE imports ADD COLUMN rvtools_version TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE imports ADD COLUMN exported_at TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE imports ADD COLUMN source_server TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN guest_detailed_data TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN folder TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN resource_pool TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN vapp TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN networks TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN hw_version TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN efi_secure_boot INTEGER"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN creation_date TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN power_on_date TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN active_memory_mib REAL"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN guest_state TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN heartbeat TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN tools_status TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN guest_used_mib REAL"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN raw_device_mappings INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN shared_disks INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE vms ADD COLUMN same_name_index INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(R"(CREATE TABLE vm_partitions (
                vm_id INTEGER NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                path TEXT NOT NULL DEFAULT '',
                capacity_mib REAL NOT NULL DEFAULT 0,
                consumed_mib REAL NOT NULL DEFAULT 0,
                PRIMARY KEY (vm_id, position)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE vm_disks (
                vm_id INTEGER NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                capacity_mib REAL NOT NULL DEFAULT 0,
                raw_device_mapping INTEGER NOT NULL DEFAULT 0,
                shared INTEGER NOT NULL DEFAULT 0,
                disk_mode TEXT NOT NULL DEFAULT '',
                thin INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (vm_id, position)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE vm_nics (
                vm_id INTEGER NOT NULL REFERENCES vms(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                adapter TEXT NOT NULL DEFAULT '',
                network TEXT NOT NULL DEFAULT '',
                mac_address TEXT NOT NULL DEFAULT '',
                ipv4 TEXT NOT NULL DEFAULT '',
                ipv6 TEXT NOT NULL DEFAULT '',
                connected INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (vm_id, position)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE clusters (
                id INTEGER PRIMARY KEY,
                identity_key TEXT NOT NULL UNIQUE,
                vcenter TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL,
                host_count INTEGER NOT NULL DEFAULT 0,
                effective_hosts INTEGER NOT NULL DEFAULT 0,
                ha_enabled INTEGER NOT NULL DEFAULT 0,
                failover_level INTEGER NOT NULL DEFAULT 0,
                total_cpu_mhz REAL NOT NULL DEFAULT 0,
                effective_cpu_mhz REAL NOT NULL DEFAULT 0,
                total_memory_mib REAL NOT NULL DEFAULT 0,
                effective_memory_mib REAL NOT NULL DEFAULT 0,
                cpu_cores INTEGER NOT NULL DEFAULT 0,
                cpu_threads INTEGER NOT NULL DEFAULT 0,
                import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL))"),
        },
        // 7: move groups and waves. The dependencies between endpoints (a VM of the inventory, or
        // an external address when vm_id is NULL), the consultant's explicit move groups and the
        // groups pinned to a wave (by name, so a pin survives a re-plan). The wave parameters are
        // a setting ("waves/parameters", JSON).
        {
            QStringLiteral(R"(CREATE TABLE endpoints (
                id INTEGER PRIMARY KEY,
                address TEXT NOT NULL UNIQUE COLLATE NOCASE,
                vm_id INTEGER REFERENCES vms(id) ON DELETE SET NULL))"),
            QStringLiteral(R"(CREATE TABLE dependencies (
                source_id INTEGER NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
                target_id INTEGER NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
                port INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
                protocol TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp')),
                process TEXT NOT NULL DEFAULT '',
                observations INTEGER NOT NULL DEFAULT 1 CHECK (observations >= 1),
                PRIMARY KEY (source_id, target_id, port, protocol)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE vm_move_groups (
                vm_id INTEGER PRIMARY KEY REFERENCES vms(id) ON DELETE CASCADE,
                move_group TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE wave_pins (
                group_name TEXT PRIMARY KEY,
                wave INTEGER NOT NULL CHECK (wave >= 1)))"),
        },
        // 8: whether the inventory gave a VM's used disk. used_mib is NOT NULL, so before this step
        // an export without the figure (an Azure Migrate row with an empty "Storage in use", a
        // Landfall CSV without usedGiB) stored 0, which the views showed as "0.0 GiB". A VM that
        // exists uses some disk, so in a project written before this step used_mib = 0 can only
        // mean "not given": those rows become unknown, every other row stays known.
        {
            QStringLiteral("ALTER TABLE vms ADD COLUMN used_known INTEGER NOT NULL DEFAULT 1 "
                           "CHECK (used_known IN (0, 1))"),
            QStringLiteral("UPDATE vms SET used_known = 0 WHERE used_mib = 0"),
        },
    };
    return all;
}

} // namespace

int SchemaMigrations::latestVersion()
{
    return int(steps().size());
}

QStringList SchemaMigrations::step(int version)
{
    return steps().value(version - 1);
}

} // namespace landfall
