#include "workbooktabs.h"

#include "cellparser.h"
#include "inventoryformat.h"
#include "recordsource.h"

#include <QDateTime>

namespace landfall {

namespace {

/** The columns one tab reader asks for, found by name in the tab's header, and their cells. */
class TabColumns {
public:
    TabColumns(RecordSource &table, QString file, QString sheet, QList<ImportIssue> &issues)
        : m_table(table)
        , m_file(std::move(file))
        , m_sheet(std::move(sheet))
        , m_issues(issues)
        , m_parser(table.decimalMark())
    {
        for (const QString &name : table.header()) {
            QString key = InventoryFormatDetector::normalizedColumn(name);
            // RVTools' CSV exports may prefix every header with its tab: "vHostHost", "vPartitionVM".
            for (const char *tab : {"vhost", "vcluster", "vpartition", "vdisk", "vnetwork", "vmetadata"}) {
                if (key.startsWith(QLatin1String(tab)) && key.size() > int(qstrlen(tab))) {
                    key.remove(0, int(qstrlen(tab)));
                    break;
                }
            }
            m_normalized.append(key);
        }
        m_wanted.assign(size_t(table.header().size()), false);
    }

    /** The index of the first of `aliases` the header has; -1 when none. */
    int find(std::initializer_list<const char *> aliases)
    {
        for (const char *alias : aliases) {
            const qsizetype column =
                m_normalized.indexOf(InventoryFormatDetector::normalizedColumn(QLatin1String(alias)));
            if (column >= 0) {
                m_wanted[size_t(column)] = true;
                return int(column);
            }
        }
        return -1;
    }
    void startReading() { m_table.setWantedColumns(m_wanted); }
    bool next()
    {
        m_rowHasIssue = false;
        return m_table.next(m_record);
    }
    qint64 row() const { return m_record.row; }
    bool rowHasIssue() const { return m_rowHasIssue; }

    /** The cell's text, trimmed; empty (never null: the store's columns are NOT NULL) when there is none. */
    QString text(int column) const
    {
        if (column < 0 || size_t(column) >= m_record.fields.size() || m_record.fields[size_t(column)].isNull())
            return QStringLiteral("");
        return m_record.fields[size_t(column)].trimmed();
    }
    double number(int column, const char *expected = "a number of 0 or more, such as 8192")
    {
        const QString value = text(column);
        if (value.isEmpty())
            return 0;
        const std::optional<double> parsed = m_parser.number(value);
        if (!parsed || *parsed < 0) {
            m_issues.append({m_file, m_record.row, m_table.header()[column], value,
                             QStringLiteral("in sheet %1, not a number of 0 or more; expected %2")
                                 .arg(m_sheet, QLatin1String(expected))});
            m_rowHasIssue = true;
            return 0;
        }
        return *parsed;
    }
    int count(int column) { return int(qMin(number(column, "a whole number of 0 or more, such as 16"), 1e9)); }
    bool flag(int column)
    {
        const QString value = text(column);
        const std::optional<bool> parsed = CellParser::boolean(value);
        if (!parsed) {
            m_issues.append({m_file, m_record.row, m_table.header()[column], value,
                             QStringLiteral("in sheet %1, not a yes/no value; expected True or False").arg(m_sheet)});
            m_rowHasIssue = true;
            return false;
        }
        return *parsed;
    }
    bool isTemplate(int column) const { return CellParser::boolean(text(column)).value_or(false); }

private:
    RecordSource &m_table;
    QString m_file;
    QString m_sheet;
    QList<ImportIssue> &m_issues;
    CellParser m_parser;
    QStringList m_normalized;
    std::vector<bool> m_wanted;
    Record m_record;
    bool m_rowHasIssue = false;
};

} // namespace

QString WorkbookTabs::dateText(const QString &text)
{
    bool ok = false;
    const double days = text.toDouble(&ok);
    if (!ok || days < 1 || days > 2958465) // 9999-12-31
        return text;
    const QDateTime epoch(QDate(1899, 12, 30), QTime(0, 0), Qt::UTC);
    return epoch.addSecs(qRound64(days * 86400.0)).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

namespace {

/** The loop every per-VM tab (vPartition, vDisk, vNetwork) shares: rows of templates and rows
    without a VM name are skipped, a row with a bad cell is left out (its issue is kept), and each
    row is filed under its VM's UUID and name. `readRow` fills one row from the current record. */
template <typename Row, typename ReadRow>
PerVmRows<Row> readPerVmRows(TabColumns &c, RecordSource &table, QList<ImportIssue> &issues, ReadRow readRow)
{
    const int vm = c.find({"VM", "VMName"});
    const int uuid = c.find({"VM UUID"});
    const int vcenter = c.find({"VI SDK Server"});
    const int isTemplate = c.find({"Template"});
    PerVmRows<Row> rows;
    if (vm < 0)
        return rows;
    c.startReading();
    // The rows of one VM come one after another: they are filed together, under keys built once,
    // in a list of their number (appended one at a time, each VM's list would grow two or three
    // times, and the lists of 100,000 VMs keep what growing left behind).
    QString name, id, server; // the VM of the rows in `pending`: its name, UUID and vCenter as written
    QList<Row> pending;
    const auto filePending = [&]() {
        if (pending.isEmpty())
            return;
        QList<Row> exact;
        exact.reserve(pending.size());
        for (Row &row : pending)
            exact.append(std::move(row));
        pending.clear();
        // By UUID within its vCenter where given, and by name.
        rows.add(server, id, name.toLower(), std::move(exact));
    };
    while (c.next()) {
        const QString rowName = c.text(vm);
        if (rowName.isEmpty() || c.isTemplate(isTemplate))
            continue;
        Row row;
        readRow(row);
        if (c.rowHasIssue())
            continue;
        const QString rowId = c.text(uuid);
        const QString rowServer = c.text(vcenter);
        if (rowName != name || rowId != id || rowServer != server) {
            filePending();
            name = rowName;
            id = rowId;
            server = rowServer;
        }
        pending.append(std::move(row));
    }
    filePending();
    if (table.error())
        issues.append(*table.error());
    return rows;
}

} // namespace

QList<Host> WorkbookTabs::readHosts(RecordSource &table, const QString &file, const QString &sheet,
                                    QList<ImportIssue> &issues)
{
    TabColumns c(table, file, sheet, issues);
    const int name = c.find({"Host", "Name"});
    const int datacenter = c.find({"Datacenter"});
    const int cluster = c.find({"Cluster"});
    const int cpuModel = c.find({"CPU Model"});
    const int sockets = c.find({"# CPU"});
    const int cores = c.find({"# Cores"});
    const int hyperThreading = c.find({"HT Active"});
    const int memory = c.find({"# Memory"});
    const int esx = c.find({"ESX Version"});
    const int vendor = c.find({"Vendor"});
    const int model = c.find({"Model"});
    const int vms = c.find({"# VMs", "# VMs total"});
    const int vcpus = c.find({"# vCPUs"});
    const int vcenter = c.find({"VI SDK Server"});
    QList<Host> hosts;
    if (name < 0)
        return hosts;
    c.startReading();
    while (c.next()) {
        Host host;
        host.name = c.text(name);
        if (host.name.isEmpty())
            continue;
        host.vcenter = c.text(vcenter);
        host.datacenter = c.text(datacenter);
        host.cluster = c.text(cluster);
        host.cpuModel = c.text(cpuModel);
        host.sockets = c.count(sockets);
        host.cores = c.count(cores);
        host.hyperThreading = hyperThreading >= 0 && c.flag(hyperThreading);
        host.memoryMiB = c.number(memory);
        host.esxVersion = c.text(esx);
        host.vendor = c.text(vendor);
        host.model = c.text(model);
        host.vmCount = c.count(vms);
        host.vcpuCount = c.count(vcpus);
        if (!c.rowHasIssue())
            hosts.append(std::move(host));
    }
    if (table.error())
        issues.append(*table.error());
    return hosts;
}

QList<Cluster> WorkbookTabs::readClusters(RecordSource &table, const QString &file, const QString &sheet,
                                          QList<ImportIssue> &issues)
{
    TabColumns c(table, file, sheet, issues);
    const int name = c.find({"Name", "Cluster"});
    const int hosts = c.find({"NumHosts"});
    const int effectiveHosts = c.find({"numEffectiveHosts"});
    const int ha = c.find({"HA enabled"});
    const int failover = c.find({"Failover Level"});
    const int totalCpu = c.find({"TotalCpu"});
    const int effectiveCpu = c.find({"Effective Cpu"});
    const int totalMemory = c.find({"TotalMemory"});
    const int effectiveMemory = c.find({"Effective Memory"});
    const int cores = c.find({"NumCpuCores"});
    const int threads = c.find({"NumCpuThreads"});
    const int vcenter = c.find({"VI SDK Server"});
    QList<Cluster> clusters;
    if (name < 0)
        return clusters;
    c.startReading();
    while (c.next()) {
        Cluster cluster;
        cluster.name = c.text(name);
        if (cluster.name.isEmpty())
            continue;
        cluster.vcenter = c.text(vcenter);
        cluster.hostCount = c.count(hosts);
        cluster.effectiveHosts = c.count(effectiveHosts);
        cluster.haEnabled = ha >= 0 && c.flag(ha);
        cluster.failoverLevel = c.count(failover);
        cluster.totalCpuMhz = c.number(totalCpu);
        cluster.effectiveCpuMhz = c.number(effectiveCpu);
        cluster.totalMemoryMiB = c.number(totalMemory);
        cluster.effectiveMemoryMiB = c.number(effectiveMemory);
        cluster.cpuCores = c.count(cores);
        cluster.cpuThreads = c.count(threads);
        if (!c.rowHasIssue())
            clusters.append(std::move(cluster));
    }
    if (table.error())
        issues.append(*table.error());
    return clusters;
}

PerVmRows<VmPartition> WorkbookTabs::readPartitions(RecordSource &table, const QString &file, const QString &sheet,
                                                    QList<ImportIssue> &issues)
{
    TabColumns c(table, file, sheet, issues);
    const int path = c.find({"Disk"});
    const int capacity = c.find({"Capacity MiB", "Capacity MB"});
    const int consumed = c.find({"Consumed MiB", "Consumed MB"});
    if (consumed < 0)
        return {};
    return readPerVmRows<VmPartition>(c, table, issues, [&](VmPartition &partition) {
        partition.path = c.text(path);
        partition.capacityMiB = c.number(capacity);
        partition.consumedMiB = c.number(consumed);
    });
}

PerVmRows<VmDisk> WorkbookTabs::readDisks(RecordSource &table, const QString &file, const QString &sheet,
                                          QList<ImportIssue> &issues)
{
    TabColumns c(table, file, sheet, issues);
    const int label = c.find({"Disk"});
    const int capacity = c.find({"Capacity MiB", "Capacity MB"});
    const int raw = c.find({"Raw"});
    const int mode = c.find({"Disk Mode"});
    const int sharing = c.find({"Sharing mode"});
    const int sharedBus = c.find({"Shared Bus"});
    const int thin = c.find({"Thin"});
    return readPerVmRows<VmDisk>(c, table, issues, [&](VmDisk &disk) {
        disk.label = c.text(label);
        disk.capacityMiB = c.number(capacity);
        disk.rawDeviceMapping = raw >= 0 && c.flag(raw);
        disk.diskMode = c.text(mode);
        // Multi-writer sharing, or a SCSI bus shared with other VMs (a guest cluster's quorum disk).
        const QString bus = c.text(sharedBus);
        disk.shared = c.text(sharing).compare(QLatin1String("sharingMultiWriter"), Qt::CaseInsensitive) == 0 ||
                      (!bus.isEmpty() && bus.compare(QLatin1String("noSharing"), Qt::CaseInsensitive) != 0);
        disk.thin = thin >= 0 && c.flag(thin);
    });
}

PerVmRows<VmNic> WorkbookTabs::readNics(RecordSource &table, const QString &file, const QString &sheet,
                                        QList<ImportIssue> &issues)
{
    TabColumns c(table, file, sheet, issues);
    const int label = c.find({"NIC label"});
    const int adapter = c.find({"Adapter"});
    const int network = c.find({"Network"});
    const int mac = c.find({"Mac Address"});
    const int ipv4 = c.find({"IPv4 Address"});
    const int ipv6 = c.find({"IPv6 Address"});
    const int connected = c.find({"Connected"});
    return readPerVmRows<VmNic>(c, table, issues, [&](VmNic &nic) {
        nic.label = c.text(label);
        nic.adapter = c.text(adapter);
        nic.network = c.text(network);
        nic.macAddress = c.text(mac);
        nic.ipv4 = c.text(ipv4);
        nic.ipv6 = c.text(ipv6);
        nic.connected = connected >= 0 && c.flag(connected);
    });
}

ExportMetaData WorkbookTabs::readMetaData(RecordSource &table)
{
    QList<ImportIssue> ignored;
    TabColumns c(table, {}, {}, ignored);
    const int major = c.find({"RVTools major version"});
    const int version = c.find({"RVTools version"});
    const int created = c.find({"xlsx creation datetime", "csv creation datetime"});
    const int server = c.find({"Server"});
    ExportMetaData meta;
    c.startReading();
    if (!c.next())
        return meta;
    const QString majorText = c.text(major);
    const QString full = c.text(version);
    // The full version ("4.7.1.4") where it is one of the major version's; the major one otherwise.
    meta.rvtoolsVersion = !full.isEmpty() && (majorText.isEmpty() || full.startsWith(majorText)) ? full : majorText;
    meta.exportedAt = dateText(c.text(created));
    meta.server = c.text(server);
    return meta;
}

} // namespace landfall
