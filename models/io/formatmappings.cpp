#include "formatmappings.h"

#include "inventoryformat.h"
#include "workbooktabs.h"

namespace landfall {

namespace {

constexpr double kMiBPerMB = 1.0;   // VMware's "MB" are MiB, and so are Azure Migrate's (its samples: 2048, 16384 MB)
constexpr double kMiBPerGiB = 1024; // Azure Migrate's "GB" are GiB (its samples: 128 GB disks)

QStringList aliases(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QLatin1String(name));
    return list;
}

ColumnSpec text(const char *field, QStringList names, std::function<void(Vm &, const QString &)> set,
                bool mandatory = false)
{
    return {
        QLatin1String(field), std::move(names), CellKind::Text, mandatory, 1, [set](MappedRow &row, const Cell &cell) {
            set(row.vm, cell.text);
        }};
}

ColumnSpec number(const char *field, QStringList names, CellKind kind, double toMiB,
                  std::function<void(Vm &, double)> set, bool mandatory = false)
{
    return {QLatin1String(field), std::move(names), kind, mandatory, toMiB, [set](MappedRow &row, const Cell &cell) {
                set(row.vm, cell.number);
            }};
}

ColumnSpec power(QStringList names)
{
    return {QStringLiteral("powerState"),
            std::move(names),
            CellKind::Power,
            false,
            1,
            [](MappedRow &row, const Cell &cell) { row.vm.powerState = cell.power; }};
}

ColumnSpec answer(WorkshopAnswers::Attribute attribute)
{
    const QString key = WorkshopAnswers::key(attribute);
    return {key,
            {InventoryFormatDetector::normalizedColumn(key)},
            CellKind::Answer,
            false,
            1,
            [attribute](MappedRow &row, const Cell &cell) { row.vm.answers.setValue(attribute, cell.text); },
            attribute};
}

ColumnSpec date(const char *field, QStringList names, std::function<void(Vm &, const QString &)> set)
{
    return text(field, std::move(names), [set](Vm &vm, const QString &v) {
        // A CSV writes dates as text ("2024/03/11 04:12:55"), which is no serial number: that
        // is known from a '/' or ':' without the cost of a failed toDouble() per cell.
        const bool dateAsText = v.contains(u'/') || v.contains(u':');
        set(vm, dateAsText ? v : WorkbookTabs::dateText(v));
    });
}

/** The OS the guest reports wins over the one the VM was created as; RVTools' Guest Detailed Data,
    where the guest wrote it, names the version that "Windows Server 2016 or later" hides. */
void normalizeOs(MappedRow &row)
{
    Vm &vm = row.vm;
    vm.os = OsNormalizer::normalize(vm.osReported.isEmpty() ? vm.osConfigured : vm.osReported, vm.guestDetailedData);
    if (!vm.os.isKnown() && !vm.osReported.isEmpty())
        vm.os = OsNormalizer::normalize(vm.osConfigured, vm.guestDetailedData);
}

} // namespace

QStringList FormatMappings::rvToolsStandardHeader()
{
    return QString::fromLatin1(
               "VM,Powerstate,Template,SRM Placeholder,Config status,DNS Name,Connection state,Guest state,Heartbeat,"
               "Consolidation Needed,PowerOn,Suspended To Memory,Suspend time,Suspend Interval,Creation date,"
               "Change Version,CPUs,Overall Cpu Readiness,Memory,Active Memory,NICs,Disks,Total disk capacity MiB,"
               "Fixed Passthru HotPlug,min Required EVC Mode Key,Latency Sensitivity,Op Notification Timeout,"
               "EnableUUID,CBT,Primary IP Address,Network #1,Network #2,Network #3,Network #4,Network #5,Network #6,"
               "Network #7,Network #8,Num Monitors,Video Ram KiB,Resource pool,Folder ID,Folder,vApp,DAS protection,"
               "FT State,FT Role,FT Latency,FT Bandwidth,FT Secondary Latency,Provisioned MiB,In Use MiB,"
               "Unshared MiB,HA Restart Priority,HA Isolation Response,HA VM Monitoring,Cluster rule(s),"
               "Cluster rule name(s),Boot Required,Boot delay,Boot retry delay,Boot retry enabled,Boot BIOS setup,"
               "Reboot PowerOff,EFI Secure boot,Firmware,HW version,HW upgrade status,HW upgrade policy,HW target,"
               "Path,Log directory,Snapshot directory,Suspend directory,Annotation,Datacenter,Cluster,Host,"
               "OS according to the configuration file,OS according to the VMware Tools,Customization Info,"
               "Guest Detailed Data,VM ID,SMBIOS UUID,VM UUID,VI SDK Server type,VI SDK API Version,VI SDK Server,"
               "VI SDK UUID")
        .split(u',');
}

FormatMapping FormatMappings::rvTools()
{
    using K = CellKind;
    FormatMapping mapping;
    mapping.formatName = QStringLiteral("RVTools vInfo");
    mapping.columns = {
        text(
            "name", aliases({"VM", "VMName"}), [](Vm &vm, const QString &v) { vm.name = v; }, true),
        power(aliases({"Powerstate"})),
        {QStringLiteral("template"), aliases({"Template"}), K::Flag, false, 1,
         [](MappedRow &row, const Cell &cell) {
             if (cell.flag)
                 row.kind = MappedRow::Kind::Template;
         }},
        {QStringLiteral("srmPlaceholder"), aliases({"SRM Placeholder"}), K::Flag, false, 1,
         [](MappedRow &row, const Cell &cell) {
             if (cell.flag && row.kind == MappedRow::Kind::Vm)
                 row.kind = MappedRow::Kind::SrmPlaceholder;
         }},
        text("dnsName", aliases({"DNS Name"}), [](Vm &vm, const QString &v) { vm.dnsName = v; }),
        number(
            "vcpu", aliases({"CPUs"}), K::Count, 1, [](Vm &vm, double v) { vm.vcpu = int(v); }, true),
        number(
            "memoryMiB", aliases({"Memory", "Memory MiB", "Memory MB"}), K::Size, kMiBPerMB,
            [](Vm &vm, double v) { vm.memoryMiB = v; }, true),
        number("nicCount", aliases({"NICs"}), K::Count, 1, [](Vm &vm, double v) { vm.nicCount = int(v); }),
        number("diskCount", aliases({"Disks"}), K::Count, 1, [](Vm &vm, double v) { vm.diskCount = int(v); }),
        text("ipAddress", aliases({"Primary IP Address"}), [](Vm &vm, const QString &v) { vm.ipAddress = v; }),
        number("provisionedMiB", aliases({"Provisioned MiB", "Provisioned MB", "Provisioned"}), K::Size, kMiBPerMB,
               [](Vm &vm, double v) { vm.provisionedMiB = v; }),
        number("usedMiB", aliases({"In Use MiB", "In Use MB", "InUse"}), K::Size, kMiBPerMB,
               [](Vm &vm, double v) {
                   vm.usedMiB = v;
                   vm.usedKnown = true;
               }),
        text("firmware", aliases({"Firmware"}), [](Vm &vm, const QString &v) { vm.firmware = v; }),
        text("annotation", aliases({"Annotation"}), [](Vm &vm, const QString &v) { vm.annotation = v; }),
        text("datacenter", aliases({"Datacenter"}), [](Vm &vm, const QString &v) { vm.datacenter = v; }),
        text("cluster", aliases({"Cluster"}), [](Vm &vm, const QString &v) { vm.cluster = v; }),
        text("host", aliases({"Host"}), [](Vm &vm, const QString &v) { vm.host = v; }),
        text("osConfigured", aliases({"OS according to the configuration file", "OS"}),
             [](Vm &vm, const QString &v) { vm.osConfigured = v; }),
        text("osReported", aliases({"OS according to the VMware Tools", "OS according to the VMware tools", "OSTools"}),
             [](Vm &vm, const QString &v) { vm.osReported = v; }),
        text("uuid", aliases({"VM UUID", "UUID"}), [](Vm &vm, const QString &v) { vm.uuid = v; }),
        text("vcenter", aliases({"VI SDK Server"}), [](Vm &vm, const QString &v) { vm.vcenter = v; }),
        text("guestDetailedData", aliases({"Guest Detailed Data"}),
             [](Vm &vm, const QString &v) { vm.guestDetailedData = v; }),
        text("folder", aliases({"Folder"}), [](Vm &vm, const QString &v) { vm.folder = v; }),
        text("resourcePool", aliases({"Resource pool"}), [](Vm &vm, const QString &v) { vm.resourcePool = v; }),
        text("vApp", aliases({"vApp"}), [](Vm &vm, const QString &v) { vm.vApp = v; }),
        text("hwVersion", aliases({"HW version", "VM Version"}), [](Vm &vm, const QString &v) { vm.hwVersion = v; }),
        {QStringLiteral("efiSecureBoot"), aliases({"EFI Secure boot"}), K::Flag, false, 1,
         [](MappedRow &row, const Cell &cell) { row.vm.efiSecureBoot = cell.flag; }},
        date("creationDate", aliases({"Creation date"}), [](Vm &vm, const QString &v) { vm.creationDate = v; }),
        date("powerOnDate", aliases({"PowerOn"}), [](Vm &vm, const QString &v) { vm.powerOnDate = v; }),
        number("activeMemoryMiB", aliases({"Active Memory"}), K::Size, kMiBPerMB,
               [](Vm &vm, double v) { vm.activeMemoryMiB = v; }),
        text("guestState", aliases({"Guest state"}), [](Vm &vm, const QString &v) { vm.guestState = v; }),
        text("heartbeat", aliases({"Heartbeat"}), [](Vm &vm, const QString &v) { vm.heartbeat = v; }),
        text("toolsStatus", aliases({"Tools status", "VMware Tools status", "Tools"}),
             [](Vm &vm, const QString &v) { vm.toolsStatus = v; }),
    };
    for (int network = 1; network <= 8; ++network)
        mapping.columns.append(
            text("networks", {QStringLiteral("Network #%1").arg(network)}, [](Vm &vm, const QString &v) {
                vm.networks += (vm.networks.isEmpty() ? QString() : QStringLiteral(", ")) + v;
            }));
    for (const QString &column : rvToolsStandardHeader())
        mapping.ignoredColumns.insert(InventoryFormatDetector::normalizedColumn(column));
    // Columns of older (3.x) exports that are not custom attributes either.
    for (const char *column : {"Unshared MB", "Video Ram KB", "Total disk capacity MB", "VM Version", "vInfoVMName",
                               "FT Sec. Latency", "Vm Failover In Progress", "Suspend time", "Suspend Interval",
                               "Suspended To Memory", "Change Version", "Overall Cpu Readiness"})
        mapping.ignoredColumns.insert(InventoryFormatDetector::normalizedColumn(QLatin1String(column)));
    mapping.finish = [](MappedRow &row) {
        row.vm.source = QStringLiteral("rvtools");
        normalizeOs(row);
    };
    return mapping;
}

FormatMapping FormatMappings::azureMigrate()
{
    using K = CellKind;
    FormatMapping mapping;
    mapping.formatName = QStringLiteral("Azure Migrate import");
    mapping.columns = {
        text(
            "name", aliases({"Server Name"}), [](Vm &vm, const QString &v) { vm.name = v; }, true),
        text("ipAddress", aliases({"IP addresses"}), [](Vm &vm, const QString &v) { vm.ipAddress = v; }),
        number(
            "vcpu", aliases({"Cores"}), K::Count, 1, [](Vm &vm, double v) { vm.vcpu = int(v); }, true),
        number(
            "memoryMiB", aliases({"Memory (In MB)"}), K::Size, kMiBPerMB, [](Vm &vm, double v) { vm.memoryMiB = v; },
            true),
        text(
            "osName", aliases({"OS name"}), [](Vm &vm, const QString &v) { vm.osReported = v; }, true),
        text("osVersion", aliases({"OS version"}), [](Vm &vm, const QString &v) { vm.osConfigured = v; }),
        number("cpuUtilPct", aliases({"CPU utilization percentage"}), K::Percent, 1,
               [](Vm &vm, double v) { vm.cpuUtilPct = v; }),
        number("memoryUtilPct", aliases({"Memory utilization percentage"}), K::Percent, 1,
               [](Vm &vm, double v) { vm.memoryUtilPct = v; }),
        number("nicCount", aliases({"Network adapters"}), K::Count, 1, [](Vm &vm, double v) { vm.nicCount = int(v); }),
        text("firmware", aliases({"Boot type"}), [](Vm &vm, const QString &v) { vm.firmware = v; }),
        number("diskCount", aliases({"Number of disks"}), K::Count, 1, [](Vm &vm, double v) { vm.diskCount = int(v); }),
        number("usedMiB", aliases({"Storage in use (In GB)"}), K::Size, kMiBPerGiB,
               [](Vm &vm, double v) {
                   vm.usedMiB = v;
                   vm.usedKnown = true;
               }),
    };
    for (int disk = 1; disk <= 8; ++disk) {
        const QString header = QStringLiteral("Disk %1 size (In GB)").arg(disk);
        mapping.columns.append(
            number("provisionedMiB", {header}, K::Size, kMiBPerGiB, [](Vm &vm, double v) { vm.provisionedMiB += v; }));
        for (const char *metric : {"read throughput (MB per second)", "write throughput (MB per second)",
                                   "read ops (operations per second)", "write ops (operations per second)"})
            mapping.ignoredColumns.insert(InventoryFormatDetector::normalizedColumn(
                QStringLiteral("Disk %1 ").arg(disk) + QLatin1String(metric)));
    }
    for (const char *column :
         {"OS architecture", "Network In throughput", "Network Out throughput", "Server type", "Hypervisor"})
        mapping.ignoredColumns.insert(InventoryFormatDetector::normalizedColumn(QLatin1String(column)));
    mapping.finish = [](MappedRow &row) {
        Vm &vm = row.vm;
        vm.source = QStringLiteral("azure-migrate");
        // The template has the OS name and, apart, its version: read them as one string.
        if (!vm.osConfigured.isEmpty() && !vm.osReported.contains(vm.osConfigured))
            vm.osReported += u' ' + vm.osConfigured;
        vm.osConfigured.clear();
        vm.dnsName = vm.name.contains(u'.') ? vm.name : QString();
        // Without the appliance, a server in the template is taken as running.
        vm.powerState = PowerState::On;
        normalizeOs(row);
    };
    return mapping;
}

FormatMapping FormatMappings::azureMigrateDiscovery()
{
    using K = CellKind;
    FormatMapping mapping;
    mapping.formatName = QStringLiteral("Azure Migrate discovery export");
    mapping.columns = {
        text(
            "name", aliases({"Machine Name"}), [](Vm &vm, const QString &v) { vm.name = v; }, true),
        text("osReported", aliases({"Operating System"}), [](Vm &vm, const QString &v) { vm.osReported = v; }),
        number(
            "vcpu", aliases({"Cores"}), K::Count, 1, [](Vm &vm, double v) { vm.vcpu = int(v); }, true),
        number(
            "memoryMiB", aliases({"Memory (in MB)"}), K::Size, kMiBPerMB, [](Vm &vm, double v) { vm.memoryMiB = v; },
            true),
        number("diskCount", aliases({"Total Disks"}), K::Count, 1, [](Vm &vm, double v) { vm.diskCount = int(v); }),
        text("ipAddress", aliases({"IP Addresses"}), [](Vm &vm, const QString &v) { vm.ipAddress = v; }),
        number("nicCount", aliases({"Total Network Adapters"}), K::Count, 1,
               [](Vm &vm, double v) { vm.nicCount = int(v); }),
        text("firmware", aliases({"Boot Type"}), [](Vm &vm, const QString &v) { vm.firmware = v; }),
        power(aliases({"Power Stats", "Power Status"})),
        text("uuid", aliases({"Machine ID"}), [](Vm &vm, const QString &v) { vm.uuid = v; }),
    };
    for (const char *column : {"MAC Addresses", "First Discovery Time", "Last Updated Time"})
        mapping.ignoredColumns.insert(InventoryFormatDetector::normalizedColumn(QLatin1String(column)));
    mapping.finish = [](MappedRow &row) {
        Vm &vm = row.vm;
        vm.source = QStringLiteral("azure-migrate");
        // "[fe80::1,10.0.0.5]; " as the export lists them: keep the addresses, comma-separated.
        QString addresses = vm.ipAddress;
        addresses.remove(u'[').remove(u']').replace(u';', u',');
        QStringList list = addresses.split(u',', Qt::SkipEmptyParts);
        for (QString &address : list)
            address = address.trimmed();
        list.removeAll(QString());
        vm.ipAddress = list.join(QStringLiteral(", "));
        vm.dnsName = vm.name.contains(u'.') ? vm.name : QString();
        normalizeOs(row);
    };
    return mapping;
}

FormatMapping FormatMappings::landfall()
{
    using K = CellKind;
    FormatMapping mapping;
    mapping.formatName = QStringLiteral("Landfall CSV");
    mapping.columns = {
        text(
            "name", aliases({"name"}), [](Vm &vm, const QString &v) { vm.name = v; }, true),
        text("uuid", aliases({"uuid"}), [](Vm &vm, const QString &v) { vm.uuid = v; }),
        text("vcenter", aliases({"vcenter"}), [](Vm &vm, const QString &v) { vm.vcenter = v; }),
        text("os", aliases({"os"}), [](Vm &vm, const QString &v) { vm.osReported = v; }),
        power(aliases({"powerState"})),
        number("vcpu", aliases({"vcpu"}), K::Count, 1, [](Vm &vm, double v) { vm.vcpu = int(v); }),
        number("memoryMiB", aliases({"memoryGiB"}), K::Size, kMiBPerGiB, [](Vm &vm, double v) { vm.memoryMiB = v; }),
        number("provisionedMiB", aliases({"provisionedGiB"}), K::Size, kMiBPerGiB,
               [](Vm &vm, double v) { vm.provisionedMiB = v; }),
        number("usedMiB", aliases({"usedGiB"}), K::Size, kMiBPerGiB,
               [](Vm &vm, double v) {
                   vm.usedMiB = v;
                   vm.usedKnown = true;
               }),
        number("cpuUtilPct", aliases({"cpuUtilP95"}), K::Percent, 1, [](Vm &vm, double v) { vm.cpuUtilPct = v; }),
        number("memoryUtilPct", aliases({"memoryUtilP95"}), K::Percent, 1,
               [](Vm &vm, double v) { vm.memoryUtilPct = v; }),
        text("datacenter", aliases({"datacenter"}), [](Vm &vm, const QString &v) { vm.datacenter = v; }),
        text("cluster", aliases({"cluster"}), [](Vm &vm, const QString &v) { vm.cluster = v; }),
        text("application", aliases({"application"}), [](Vm &vm, const QString &v) { vm.application = v; }),
        text("owner", aliases({"owner"}), [](Vm &vm, const QString &v) { vm.owner = v; }),
        text("notes", aliases({"notes"}), [](Vm &vm, const QString &v) { vm.notes = v; }),
    };
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
        mapping.columns.append(answer(attribute));
    mapping.tracksPresentFields = true;
    mapping.finish = [](MappedRow &row) {
        row.vm.source = QStringLiteral("landfall");
        normalizeOs(row);
        if (row.vm.powerState == PowerState::Unknown && !row.presentFields.contains(QStringLiteral("powerState")))
            row.vm.powerState = PowerState::On;
    };
    return mapping;
}

} // namespace landfall
