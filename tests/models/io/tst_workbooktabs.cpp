#include "io/inventoryimporter.h"

#include "../../support/testzip.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

using Rows = QList<QStringList>;

/** Writes a workbook as RVTools 4.7 does: the x: prefix, every text in the shared strings, an
    empty text cell as a shared-string cell without a value, numbers as plain cells. */
class Rv47Workbook {
public:
    void addSheet(const QString &name, const Rows &rows) { m_sheets.append({name, rows}); }

    bool write(const QString &path)
    {
        const QByteArray ns = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        QList<test::ZipEntrySpec> entries;
        QByteArray sheets;
        QByteArray relations;
        for (qsizetype s = 0; s < m_sheets.size(); ++s) {
            const QByteArray id = QByteArray::number(s + 1);
            sheets +=
                "<x:sheet name=\"" + m_sheets[s].first.toUtf8() + "\" sheetId=\"" + id + "\" r:id=\"rId" + id + "\" />";
            relations += "<Relationship Target=\"/xl/worksheets/sheet" + id + ".xml\" Id=\"rId" + id + "\" />";
            QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet " + ns + "><x:sheetData>";
            const Rows &rows = m_sheets[s].second;
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const QByteArray rowNumber = QByteArray::number(r + 1);
                xml += "<x:row r=\"" + rowNumber + "\">";
                for (qsizetype c = 0; c < rows[r].size(); ++c) {
                    const QByteArray letters = c < 26 ? QByteArray(1, char('A' + c))
                                                      : QByteArray(1, char('A' + c / 26 - 1)) + char('A' + c % 26);
                    const QByteArray ref = letters + rowNumber;
                    const QString &value = rows[r][c];
                    bool number = false;
                    value.toDouble(&number);
                    if (value.isEmpty())
                        xml += "<x:c r=\"" + ref + "\" s=\"2\" t=\"s\" />";
                    else if (number && r > 0)
                        xml += "<x:c r=\"" + ref + "\" s=\"3\"><x:v>" + value.toUtf8() + "</x:v></x:c>";
                    else
                        xml += "<x:c r=\"" + ref + "\" s=\"2\" t=\"s\"><x:v>" + QByteArray::number(stringIndex(value)) +
                               "</x:v></x:c>";
                }
                xml += "</x:row>";
            }
            xml += "</x:sheetData></x:worksheet>";
            entries.append({QStringLiteral("xl/worksheets/sheet%1.xml").arg(s + 1), xml});
        }
        QByteArray strings = "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:sst " + ns + ">";
        for (const QString &text : std::as_const(m_strings))
            strings += "<x:si><x:t>" + text.toHtmlEscaped().toUtf8() + "</x:t></x:si>";
        strings += "</x:sst>";
        entries.append({QStringLiteral("xl/sharedStrings.xml"), strings});
        entries.append({QStringLiteral("xl/workbook.xml"),
                        "<?xml version=\"1.0\"?><x:workbook " + ns +
                            " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            "<x:sheets>" +
                            sheets + "</x:sheets></x:workbook>"});
        entries.append({QStringLiteral("xl/_rels/workbook.xml.rels"),
                        "<?xml version=\"1.0\"?><Relationships>" + relations + "</Relationships>"});
        return test::writeZip(path, entries);
    }

private:
    int stringIndex(const QString &text)
    {
        const qsizetype found = m_strings.indexOf(text);
        if (found >= 0)
            return int(found);
        m_strings.append(text);
        return int(m_strings.size() - 1);
    }

    QList<std::pair<QString, Rows>> m_sheets;
    QStringList m_strings;
};

QStringList cells(const char *commaSeparated)
{
    return QString::fromUtf8(commaSeparated).split(u',');
}

const char *kGuestData = "architecture='X86' bitness='64' buildNumber='17763' distroName='Windows' "
                         "distroVersion='10.0' familyName='Windows' prettyName='Windows Server 2019, 64-bit (Build "
                         "17763.6054)'";

/** An RVTools 4.7 workbook with every tab Landfall reads, two VMs (one with a UUID, one without). */
Rv47Workbook fullWorkbook()
{
    Rv47Workbook book;
    book.addSheet(
        QStringLiteral("vInfo"),
        {cells("VM,Powerstate,Template,SRM Placeholder,Guest state,Heartbeat,PowerOn,Creation date,CPUs,Memory,"
               "Active Memory,Network #1,Network #2,Resource pool,Folder,vApp,FT Sec. Latency,Provisioned MiB,"
               "In Use MiB,EFI Secure boot,Firmware,HW version,Host,OS according to the configuration file,"
               "Guest Detailed Data,VM UUID,VI SDK Server"),
         {u"app-01"_qs,
          u"poweredOn"_qs,
          u"False"_qs,
          u"False"_qs,
          u"running"_qs,
          u"green"_qs,
          u"45797.5"_qs,
          u"45000"_qs,
          u"4"_qs,
          u"8192"_qs,
          u"737"_qs,
          u"VLAN-10"_qs,
          u"VLAN-20"_qs,
          u"/Resources/Prod"_qs,
          u"/Prod/App"_qs,
          QString(),
          u"-1"_qs,
          u"102400"_qs,
          u"81920"_qs,
          u"True"_qs,
          u"efi"_qs,
          u"vmx-19"_qs,
          u"esx01"_qs,
          u"Microsoft Windows Server 2016 or later (64-bit)"_qs,
          QString::fromLatin1(kGuestData),
          u"4201-aa"_qs,
          u"vc01"_qs},
         {u"db-01"_qs, u"poweredOff"_qs, u"False"_qs, u"False"_qs,  u"notRunning"_qs, u"gray"_qs,
          QString(),   QString(),        u"2"_qs,     u"4096"_qs,   QString(),        QString(),
          QString(),   QString(),        QString(),   QString(),    QString(),        u"51200"_qs,
          u"20480"_qs, QString(),        u"bios"_qs,  u"vmx-13"_qs, u"esx02"_qs,      u"Ubuntu Linux (64-bit)"_qs,
          QString(),   QString(),        u"vc01"_qs}});
    book.addSheet(QStringLiteral("vPartition"),
                  {cells("VM,Powerstate,Template,Disk,Capacity MiB,Consumed MiB,Free MiB,VM UUID,VI SDK Server"),
                   cells("app-01,poweredOn,False,C:\\,61440,30000,31440,4201-AA,vc01"),
                   cells("app-01,poweredOn,False,D:\\,40960,10000,30960,4201-aa,vc01"),
                   cells("db-01,poweredOff,False,/,51200,12288,38912,,vc01")});
    book.addSheet(
        QStringLiteral("vDisk"),
        {cells("VM,Template,Disk,Capacity MiB,Raw,Disk Mode,Sharing mode,Thin,Shared Bus,VM UUID,VI SDK Server"),
         cells("app-01,False,Hard disk 1,61440,False,persistent,sharingNone,True,noSharing,4201-aa,vc01"),
         cells("app-01,False,Hard disk 2,40960,True,independent_persistent,sharingNone,False,noSharing,4201-aa,vc01"),
         cells("db-01,False,Hard disk 1,51200,False,persistent,sharingMultiWriter,False,noSharing,,vc01")});
    book.addSheet(
        QStringLiteral("vNetwork"),
        {cells("VM,Template,NIC label,Adapter,Network,Connected,Mac Address,IPv4 Address,IPv6 Address,"
               "VM UUID,VI SDK Server"),
         cells("app-01,False,Network adapter 1,Vmxnet3,VLAN-10,True,00:50:56:01:02:03,10.0.0.5,,4201-aa,vc01"),
         cells("app-01,False,Network adapter 2,E1000e,VLAN-20,False,00:50:56:01:02:04,,,4201-aa,vc01")});
    book.addSheet(QStringLiteral("vHost"),
                  {cells("Host,Datacenter,Cluster,CPU Model,HT Active,# CPU,Cores per CPU,# Cores,# Memory,# VMs total,"
                         "# VMs,# vCPUs,ESX Version,Vendor,Model,VI SDK Server"),
                   cells("esx01,DC1,CL1,Intel(R) Xeon(R) Gold 6338,True,2,16,32,1048192,12,11,40,VMware ESXi 8.0.2,"
                         "Dell Inc.,PowerEdge R750,vc01"),
                   cells("esx02,DC1,CL1,Intel(R) Xeon(R) Gold 6338,False,2,8,16,524096,5,5,12,VMware ESXi 7.0.3,"
                         "HPE,ProLiant DL380 Gen10,vc01")});
    book.addSheet(QStringLiteral("vCluster"),
                  {cells("Name,NumHosts,numEffectiveHosts,TotalCpu,NumCpuCores,NumCpuThreads,Effective Cpu,"
                         "TotalMemory,Effective Memory,HA enabled,Failover Level,VI SDK Server"),
                   cells("CL1,2,2,95760,48,96,90000,1572288,1500000,True,1,vc01")});
    book.addSheet(QStringLiteral("vMetaData"),
                  {cells("RVTools major version,RVTools version,xlsx creation datetime,Server"),
                   cells("4.7,4.7.1.4,45807.6548958333,vc01")});
    return book;
}

std::unique_ptr<ProjectStore> newProject(const QTemporaryDir &dir)
{
    auto opened =
        ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
    return opened ? std::move(opened.value()) : nullptr;
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

std::optional<Vm> findVm(const QList<Vm> &vms, const QString &name)
{
    for (const Vm &vm : vms) {
        if (vm.name == name)
            return vm;
    }
    return std::nullopt;
}

QString issuesText(const QList<ImportIssue> &issues)
{
    QStringList lines;
    for (const ImportIssue &issue : issues)
        lines.append(issue.toString());
    return lines.join(u'\n');
}

} // namespace

/** The whole RVTools workbook, the Azure Migrate discovery export and its units, and names that
    repeat: each read into the project as issue 13 asks. */
class TestWorkbookTabs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTabOfTheWorkbookIsStored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rvtools.xlsx"));
        QVERIFY(fullWorkbook().write(path));
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY2(outcome.accepted && outcome.issues.isEmpty(), qPrintable(issuesText(outcome.issues)));
        QCOMPARE(outcome.added, 2);
        QCOMPARE(outcome.hosts, 2);
        QCOMPARE(outcome.clusters, 1);

        const QList<Vm> vms = store->vms();
        const std::optional<Vm> app = findVm(vms, QStringLiteral("app-01"));
        const std::optional<Vm> db = findVm(vms, QStringLiteral("db-01"));
        QVERIFY(app && db);
        // vPartition: the guest's own used space (found by UUID, whatever its case), beside vInfo's In Use.
        QCOMPARE(app->guestUsedMiB, 40000.0);
        QCOMPARE(app->usedMiB, 81920.0);
        QCOMPARE(db->guestUsedMiB, 12288.0); // by name: the VM has no UUID
        const QList<VmPartition> partitions = store->vmPartitions(app->id);
        QCOMPARE(partitions.size(), 2);
        QCOMPARE(partitions[1].path, QStringLiteral("D:\\"));
        QCOMPARE(partitions[1].capacityMiB, 40960.0);
        // vDisk: a raw device mapping and a multi-writer disk are facts the advisor can test.
        QCOMPARE(app->rawDeviceMappings, 1);
        QCOMPARE(app->sharedDisks, 0);
        QCOMPARE(db->sharedDisks, 1);
        const QList<VmDisk> disks = store->vmDisks(app->id);
        QCOMPARE(disks.size(), 2);
        QVERIFY(disks[0].thin);
        QVERIFY(disks[1].rawDeviceMapping);
        QCOMPARE(disks[1].diskMode, QStringLiteral("independent_persistent"));
        // vNetwork: every NIC with its network and address.
        const QList<VmNic> nics = store->vmNics(app->id);
        QCOMPARE(nics.size(), 2);
        QCOMPARE(nics[0].network, QStringLiteral("VLAN-10"));
        QCOMPARE(nics[0].ipv4, QStringLiteral("10.0.0.5"));
        QVERIFY(nics[0].connected);
        QVERIFY(!nics[1].connected);
        QVERIFY(store->vmNics(db->id).isEmpty());
        // vInfo's standard columns are fields, not custom attributes.
        QCOMPARE(app->guestDetailedData, QString::fromLatin1(kGuestData));
        QCOMPARE(app->folder, QStringLiteral("/Prod/App"));
        QCOMPARE(app->resourcePool, QStringLiteral("/Resources/Prod"));
        QCOMPARE(app->networks, QStringLiteral("VLAN-10, VLAN-20"));
        QCOMPARE(app->hwVersion, QStringLiteral("vmx-19"));
        QCOMPARE(app->efiSecureBoot, std::optional<bool>(true));
        QCOMPARE(db->efiSecureBoot, std::optional<bool>());
        QCOMPARE(app->activeMemoryMiB, 737.0);
        QCOMPARE(app->guestState, QStringLiteral("running"));
        QCOMPARE(app->heartbeat, QStringLiteral("green"));
        QCOMPARE(app->creationDate, QStringLiteral("2023-03-15T00:00:00"));
        QCOMPARE(app->powerOnDate, QStringLiteral("2025-05-20T12:00:00"));
        QVERIFY2(app->customAttributes.isEmpty(), qPrintable(app->customAttributes.keys().join(u',')));

        // vHost: the estate's hosts.
        const QList<Host> hosts = store->hosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts[0].name, QStringLiteral("esx01"));
        QCOMPARE(hosts[0].vcenter, QStringLiteral("vc01"));
        QCOMPARE(hosts[0].cluster, QStringLiteral("CL1"));
        QCOMPARE(hosts[0].cpuModel, QStringLiteral("Intel(R) Xeon(R) Gold 6338"));
        QCOMPARE(hosts[0].sockets, 2);
        QCOMPARE(hosts[0].cores, 32);
        QVERIFY(hosts[0].hyperThreading);
        QVERIFY(!hosts[1].hyperThreading);
        QCOMPARE(hosts[0].memoryMiB, 1048192.0);
        QCOMPARE(hosts[0].vmCount, 11);
        QCOMPARE(hosts[0].vcpuCount, 40);
        QCOMPARE(hosts[1].esxVersion, QStringLiteral("VMware ESXi 7.0.3"));
        QCOMPARE(hosts[1].vendor, QStringLiteral("HPE"));
        QCOMPARE(hosts[1].model, QStringLiteral("ProLiant DL380 Gen10"));
        // vCluster.
        const QList<Cluster> clusters = store->clusters();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters[0].hostCount, 2);
        QVERIFY(clusters[0].haEnabled);
        QCOMPARE(clusters[0].failoverLevel, 1);
        QCOMPARE(clusters[0].effectiveCpuMhz, 90000.0);
        QCOMPARE(clusters[0].effectiveMemoryMiB, 1500000.0);
        // vMetaData, in the import history.
        const QList<ImportRecord> history = store->importHistory();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].rvtoolsVersion, QStringLiteral("4.7.1.4"));
        QCOMPARE(history[0].exportedAt, QStringLiteral("2025-05-30T15:43:03"));
        QCOMPARE(history[0].sourceServer, QStringLiteral("vc01"));

        const ProjectSummary summary = store->summary();
        QCOMPARE(summary.hosts.count, 2);
        QCOMPARE(summary.hosts.cores, 48);
        QCOMPARE(summary.hosts.sockets, 4);
        QCOMPARE(summary.hosts.memoryGiB, (1048192.0 + 524096.0) / 1024);
        QCOMPARE(summary.guestUsedGiB, 52288.0 / 1024);

        // A second import of the same export updates the hosts and the VMs' details, never adds.
        const ImportOutcome again = InventoryImporter(*store).importFile(path, {});
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 0);
        QCOMPARE(store->hosts().size(), 2);
        QCOMPARE(store->vmPartitions(app->id).size(), 2);
    }

    void aWorkbookOfVInfoAloneStillImports()
    {
        QTemporaryDir dir;
        Rv47Workbook book;
        book.addSheet(QStringLiteral("vInfo"),
                      {cells("VM,Powerstate,CPUs,Memory,In Use MiB"), cells("web,poweredOn,2,4096,1024")});
        const QString path = dir.filePath(QStringLiteral("vinfo.xlsx"));
        QVERIFY(book.write(path));
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY2(outcome.accepted, qPrintable(issuesText(outcome.issues)));
        QCOMPARE(store->summary().vms, 1);
        QCOMPARE(store->summary().hosts.count, 0);
        QCOMPARE(store->vms().constFirst().guestUsedMiB, std::optional<double>());
    }

    void aBadCellInATabNamesSheetRowAndColumn()
    {
        QTemporaryDir dir;
        Rv47Workbook book;
        book.addSheet(QStringLiteral("vInfo"), {cells("VM,Powerstate,CPUs,Memory"), cells("web,poweredOn,2,4096")});
        book.addSheet(QStringLiteral("vHost"), {cells("Host,# CPU,# Cores,# Memory"), cells("esx01,2,many,1024")});
        const QString path = dir.filePath(QStringLiteral("bad.xlsx"));
        QVERIFY(book.write(path));
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QCOMPARE(parsed.issues.size(), 1);
        QCOMPARE(parsed.issues[0].row, 2);
        QCOMPARE(parsed.issues[0].column, QStringLiteral("# Cores"));
        QVERIFY2(parsed.issues[0].toString().contains(QLatin1String("\"many\": in sheet vHost, not a number")),
                 qPrintable(parsed.issues[0].toString()));
        QVERIFY(!parsed.acceptable({}));
        ImportOptions skip;
        skip.skipBadRows = true;
        QVERIFY(parsed.acceptable(skip));
    }

    void theVHostTabAsCsvGivesTheHosts()
    {
        // RVTools' CSV export of vHost beside its vInfo: `import PROJECT vinfo.csv vhost.csv`.
        QTemporaryDir dir;
        const QString vinfo =
            writeFile(dir, "vinfo.csv", "VM,Powerstate,CPUs,Memory,Host\nweb,poweredOn,2,4096,esx01\n");
        const QString vhost = writeFile(dir, "vhost.csv",
                                        "Host,Datacenter,Cluster,CPU Model,# CPU,# Cores,HT Active,# Memory,# VMs,"
                                        "# vCPUs,ESX Version,Vendor,Model\n"
                                        "esx01,DC1,CL1,\"Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz\",2,32,True,"
                                        "1048192,1,2,VMware ESXi 8.0.2 build-22380479,Dell Inc.,PowerEdge R750\n"
                                        "esx02,DC1,CL1,AMD EPYC 7543,1,32,False,524096,0,0,VMware ESXi 8.0.2,HPE,"
                                        "ProLiant DL325\n");
        auto store = newProject(dir);
        QVERIFY(InventoryImporter(*store).importFile(vinfo, {}).accepted);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(vhost, {});
        QVERIFY2(outcome.accepted, qPrintable(issuesText(outcome.issues)));
        QCOMPARE(outcome.hosts, 2);
        QCOMPARE(outcome.added, 0);
        QCOMPARE(store->vmCount(), 1);
        const QList<Host> hosts = store->hosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts[0].cpuModel, QStringLiteral("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz"));
        QCOMPARE(hosts[1].sockets, 1);
        QCOMPARE(hosts[1].cores, 32);
        QCOMPARE(store->importHistory().constLast().format, QStringLiteral("rvtools-vhost"));
    }

    void theAzureMigrateDiscoveryExport_data()
    {
        QTest::addColumn<bool>("asWorkbook");
        QTest::newRow("workbook") << true;
        QTest::newRow("CSV saved from it") << false;
    }

    void theAzureMigrateDiscoveryExport()
    {
        QFETCH(bool, asWorkbook);
        const Rows rows{
            cells("Machine Name,Environment,Operating System,Cores,Memory (in MB),Total Disks,IP Addresses,"
                  "MAC Addresses,Total Network Adapters,Boot Type,Power Stats,Machine ID"),
            cells("SQLVM11,,Microsoft Windows Server 2019 (64-bit),2,4096,1,[10.1.2.3;fe80::1]; ,[00:50:56:8f:8f:c4];,"
                  "1,BIOS,ON,/subscriptions/s/machines/m-1"),
            cells("DEVVM05,Dev,Ubuntu 22.04,4,16384,2,[]; ,[],1,UEFI,OFF,/subscriptions/s/machines/m-2"),
        };
        QTemporaryDir dir;
        QString path;
        if (asWorkbook) {
            Rv47Workbook book;
            book.addSheet(QStringLiteral("Properties"), {cells("Tenant ID,Workflow"), cells("t-1,Custom")});
            book.addSheet(QStringLiteral("Discovery_Report"), rows);
            path = dir.filePath(QStringLiteral("AzureMigrate_Discovery_Report.xlsx"));
            QVERIFY(book.write(path));
        } else {
            QByteArray csv;
            for (const QStringList &row : rows) {
                QStringList quoted;
                for (const QString &cell : row)
                    quoted.append(u'"' + cell + u'"');
                csv += quoted.join(u',').toUtf8() + "\r\n";
            }
            path = writeFile(dir, "AzureMigrate_Discovery_Report.csv", csv);
        }
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY2(outcome.accepted && outcome.issues.isEmpty(), qPrintable(issuesText(outcome.issues)));
        QCOMPARE(store->importHistory().constFirst().format, QStringLiteral("azure-migrate-discovery"));
        const ProjectSummary summary = store->summary();
        QCOMPARE(summary.vms, 2);
        QCOMPARE(summary.poweredOn, 1); // from Power Stats
        QCOMPARE(summary.vcpu, 6);
        QCOMPARE(summary.memoryGiB, 20.0); // MB read as MiB
        const std::optional<Vm> sql = findVm(store->vms(), QStringLiteral("SQLVM11"));
        QVERIFY(sql);
        QCOMPARE(sql->ipAddress, QStringLiteral("10.1.2.3, fe80::1"));
        QCOMPARE(sql->os.version, QStringLiteral("2019"));
        QCOMPARE(sql->diskCount, 1);
        QCOMPARE(sql->firmware, QStringLiteral("BIOS"));
        QCOMPARE(sql->powerState, PowerState::On);
    }

    void azureMigrateUnitsAreBinary_data()
    {
        QTest::addColumn<QByteArray>("serverName");
        QTest::newRow("*Server Name") << QByteArray("*Server Name");
        QTest::newRow("*Server name, as the portal gives it") << QByteArray("*Server name");
    }

    void azureMigrateUnitsAreBinary()
    {
        // Microsoft's own template values: 2048, 4096, 16384 MB and 128 GB disks are binary sizes.
        QFETCH(QByteArray, serverName);
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "azm.csv",
                      "\xEF\xBB\xBF" + serverName +
                          ",*Cores,*Memory (In MB),*OS name,Server type,Hypervisor,Storage in use (In GB),"
                          "Number of disks,Disk 1 size (In GB),Disk 2 size (In GB)\n"
                          "VM001.corp.contoso.com,4,16384,Microsoft Windows Server 2016 (64-bit),Virtual,VMware,"
                          "100,2,128,64\n");
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY2(outcome.accepted && outcome.issues.isEmpty(), qPrintable(issuesText(outcome.issues)));
        const Vm vm = store->vms().constFirst();
        QCOMPARE(vm.memoryMiB, 16384.0);
        QCOMPARE(vm.provisionedMiB, 192 * 1024.0);
        QCOMPARE(vm.usedMiB, 100 * 1024.0);
        QVERIFY(vm.customAttributes.isEmpty()); // Server type and Hypervisor are the template's own columns
    }

    void rowsOfOneNameWithoutUuidStaySeparateVms()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "v.csv",
                                       "VM,Powerstate,CPUs,Memory\n"
                                       "app,poweredOn,2,4096\n"
                                       "web,poweredOn,1,1024\n"
                                       "App,poweredOn,4,8192\n"
                                       "app,poweredOff,8,2048\n");
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, 4);
        QCOMPARE(store->summary().vcpu, 15);
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings[0].contains(QLatin1String("rows 2, 4, 5 all name a VM app and give no VM UUID: "
                                                            "they are kept as 3 separate VMs")),
                 qPrintable(outcome.warnings[0]));
        // The same file again: each row finds its own VM, none is added.
        const ImportOutcome again = InventoryImporter(*store).importFile(path, {});
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.updated, 4);
        QCOMPARE(store->vmCount(), 4);
        // And an edit of the third one (re-read from the store) writes over it, not over the first.
        QList<Vm> vms = store->vms();
        Vm third = vms[3];
        QCOMPARE(third.vcpu, 8);
        third.notes = QStringLiteral("edited");
        QVERIFY(!store->updateVms({third}));
        QCOMPARE(store->vm(third.id)->notes, QStringLiteral("edited"));
        QVERIFY(store->vm(vms[0].id)->notes.isEmpty());
    }

    void aTruncatedLastRowSaysSo()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "cut.csv",
                                       "VM,Powerstate,Template,Annotation,CPUs,Memory,Datacenter,Cluster\n"
                                       "web,poweredOn,False,,2,4096,DC1,CL1\n"
                                       "cut,poweredOn\n");
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QCOMPARE(parsed.issues.size(), 1);
        QVERIFY2(parsed.issues[0].toString().contains(QLatin1String(":3:CPUs: the row is truncated: it ends after 2 "
                                                                    "of its 8 cells")),
                 qPrintable(parsed.issues[0].toString()));
    }
};

QTEST_GUILESS_MAIN(TestWorkbookTabs)
#include "tst_workbooktabs.moc"
