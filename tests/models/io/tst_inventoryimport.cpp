#include "io/inventoryimporter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace landfall;

namespace {

QString samplePath(const char *name)
{
    return QStringLiteral(LANDFALL_TEST_DATA "/samples/") + QLatin1String(name);
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

std::unique_ptr<ProjectStore> newProject(const QTemporaryDir &dir, const char *name = "p.landfall")
{
    auto opened = ProjectStore::open(dir.filePath(QLatin1String(name)), ProjectStore::OpenMode::CreateIfMissing);
    return opened ? std::move(opened.value()) : nullptr;
}

std::optional<Vm> findVm(const QList<Vm> &vms, const QString &name)
{
    for (const Vm &vm : vms) {
        if (vm.name == name)
            return vm;
    }
    return std::nullopt;
}

} // namespace

/** Every inventory format and variant, the samples with their exact totals, bad rows and merges. */
class TestInventoryImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rvToolsSample()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(samplePath("rvtools-vinfo-sample.csv"), {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, 39);
        const ProjectSummary summary = store->summary();
        QCOMPARE(summary.vms, 39);
        QCOMPARE(summary.poweredOn, 34);
        QCOMPARE(summary.vcpu, 214);
        QCOMPARE(summary.memoryGiB, 282.0);
        QCOMPARE(summary.excludedTemplates, 0);
        QCOMPARE(summary.excludedSrmPlaceholders, 1);
        QCOMPARE(summary.osCounts.value(QStringLiteral("windows-server")).value(QStringLiteral("2019")), 5);
        QCOMPARE(summary.osCounts.value(QStringLiteral("rhel")).value(QStringLiteral("8")), 4);
        const QList<Vm> vms = store->vms();
        std::optional<Vm> db = findVm(vms, QStringLiteral("lon-db-0700000"));
        QVERIFY(db);
        QCOMPARE(db->vcenter, QStringLiteral("vcenter01.corp.example"));
        QCOMPARE(db->uuid, QStringLiteral("11e20b8f-3d9c-1738-8d11-0f216cad4a26"));
        QCOMPARE(db->annotation, QStringLiteral("Owner: Finance, ticket CHG-1042"));
        QCOMPARE(db->provisionedMiB, 118960.0);
        QCOMPARE(db->usedMiB, 59113.0);
        QVERIFY(db->usedKnown);
        QCOMPARE(db->osConfigured, QStringLiteral("Microsoft Windows Server 2016 or later (64-bit)"));
        QCOMPARE(db->os.windowsBuild, QStringLiteral("10.0.17763"));
        QCOMPARE(db->cluster, QStringLiteral("CL-LON-1"));
        QCOMPARE(store->importHistory().size(), 1);
        QCOMPARE(store->importHistory()[0].rowsTaken, 39);
    }

    void azureMigrateSample()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(samplePath("azure-migrate-sample.csv"), {});
        QVERIFY(outcome.accepted);
        const ProjectSummary summary = store->summary();
        QCOMPARE(summary.vms, 25);
        QCOMPARE(summary.vcpu, 136);
        // Azure Migrate's MB are MiB (Microsoft's own samples: 2048, 4096, 16384 MB): 193,253 MB is 188.72 GiB.
        QVERIFY(qAbs(summary.memoryGiB - 193253 / 1024.0) < 1e-9);
        const std::optional<Vm> print = findVm(store->vms(), QStringLiteral("fra-print-0800000.corp.example"));
        QVERIFY(print);
        QCOMPARE(print->cpuUtilPct, 33.9);
        QCOMPARE(print->memoryUtilPct, 89.5);
        QCOMPARE(print->diskCount, 2);
        QCOMPARE(print->provisionedMiB, 102 * 1024.0); // and its GB are GiB: 51 + 51 GB
        QCOMPARE(print->os.version, QStringLiteral("2016"));
        // The export has no "Storage in use" column: the used disk is unknown, not 0.
        QVERIFY(!print->usedKnown);
        QCOMPARE(summary.vmsWithoutUsedDisk, 25);
        QCOMPARE(summary.usedGiB, 0.0);
    }

    void workshopAnswersMergeIntoTheInventory()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        QVERIFY(importer.importFile(samplePath("rvtools-vinfo-sample.csv"), {}).accepted);
        const ImportOutcome answers = importer.importFile(samplePath("workshop-answers-sample.csv"), {});
        QVERIFY(answers.accepted);
        QCOMPARE(answers.added, 0);
        QCOMPARE(answers.updated, 28);
        QCOMPARE(store->summary().vms, 39);
        std::optional<Vm> db = findVm(store->vms(), QStringLiteral("lon-db-0700000"));
        QCOMPARE(db->answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("database"));
        QCOMPARE(db->answers.value(WorkshopAnswers::Attribute::SourceAvailable), QStringLiteral("yes"));
        QCOMPARE(db->vcpu, 1); // the inventory's values stay
        // Re-importing the inventory keeps the answers.
        QVERIFY(importer.importFile(samplePath("rvtools-vinfo-sample.csv"), {}).accepted);
        db = findVm(store->vms(), QStringLiteral("lon-db-0700000"));
        QCOMPARE(db->answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("database"));
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        QVERIFY(importer.importFile(samplePath("rvtools-vinfo-sample.csv"), {}).accepted);
        QFile sample(samplePath("rvtools-vinfo-sample.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray changed = sample.readAll();
        changed.replace("lon-db-0700000,poweredOn", "lon-db-0700000-renamed,poweredOff");
        const ImportOutcome again = importer.importFile(writeFile(dir, "again.csv", changed), {});
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.updated, 39);
        QCOMPARE(store->vmCount(), 39);
        const std::optional<Vm> renamed = findVm(store->vms(), QStringLiteral("lon-db-0700000-renamed"));
        QVERIFY(renamed);
        QCOMPARE(renamed->powerState, PowerState::Off);
        QCOMPARE(store->summary().excludedSrmPlaceholders, 1); // not counted twice
        QCOMPARE(store->importHistory().size(), 2);
    }

    void headerVariants_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<double>("memoryMiB");
        QTest::addColumn<double>("provisionedMiB");
        QTest::newRow("vInfo-prefixed")
            << QByteArray("vInfoVMName,vInfoPowerstate,vInfoCPUs,vInfoMemory,vInfoProvisioned,vInfoInUse,vInfoOS,"
                          "vInfoOSTools,vInfoUUID\n"
                          "web1,poweredOn,2,4096,10240,5120,Microsoft Windows Server 2019 (64-bit),,u-1\n")
            << 4096.0 << 10240.0;
        QTest::newRow("european excel") << QByteArray(
                                               "\xEF\xBB\xBFVM;Powerstate;CPUs;Memory;Provisioned MiB;In Use MiB\r\n"
                                               "web1;poweredOn;2;4096;10240,5;5120\r\n")
                                        << 4096.0 << 10240.5;
        QTest::newRow("rvtools 3.x")
            << QByteArray("VM,Powerstate,Template,CPUs,Memory,Backup Policy,Provisioned MB,In Use MB,Unshared MB\n"
                          "web1,poweredOn,False,2,\"16,384\",gold,\"102,400\",\"51,200\",0\n")
            << 16384.0 << 102400.0;
        QTest::newRow("header spellings")
            << QByteArray("VM,Powerstate,CPUs,Memory,Provisioned MiB,In use MiB,OS according to the VMware tools\n"
                          "web1,poweredOn,2,4096,10240,1,Ubuntu 22.04.3 LTS\n")
            << 4096.0 << 10240.0;
    }

    void headerVariants()
    {
        QFETCH(QByteArray, content);
        QFETCH(double, memoryMiB);
        QFETCH(double, provisionedMiB);
        QTemporaryDir dir;
        const ParsedInventory parsed = InventoryReader::read(writeFile(dir, "v.csv", content), {});
        QVERIFY2(parsed.issues.isEmpty(), qPrintable(parsed.issues.value(0).toString()));
        QCOMPARE(parsed.format, InventoryFormat::RvTools);
        QCOMPARE(parsed.rows.size(), 1);
        QCOMPARE(parsed.rows[0].vm.name, QStringLiteral("web1"));
        QCOMPARE(parsed.rows[0].vm.vcpu, 2);
        QCOMPARE(parsed.rows[0].vm.memoryMiB, memoryMiB);
        QCOMPARE(parsed.rows[0].vm.provisionedMiB, provisionedMiB);
    }

    void unknownColumnsBecomeCustomAttributes()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const QString path = writeFile(dir, "v.csv",
                                       "VM,Powerstate,CPUs,Memory,Backup Policy,Cost Center,VM UUID\n"
                                       "web1,poweredOn,2,4096,gold,CC-17,u-1\n");
        QVERIFY(InventoryImporter(*store).importFile(path, {}).accepted);
        const Vm vm = store->vms().constFirst();
        QCOMPARE(vm.customAttributes.value(QStringLiteral("Backup Policy")), QStringLiteral("gold"));
        QCOMPARE(vm.customAttributes.value(QStringLiteral("Cost Center")), QStringLiteral("CC-17"));
        QCOMPARE(vm.customAttributes.size(), 2);
    }

    void reimportKeepsIdsAndReplacesCustomAttributes()
    {
        // The first import goes into an empty project (plain inserts); the second finds every VM
        // again by its identity (upserts) and must keep ids while taking the new values.
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        QVERIFY(importer
                    .importFile(writeFile(dir, "a.csv",
                                          "VM,Powerstate,CPUs,Memory,Cost Center,VM UUID\n"
                                          "web1,poweredOn,2,4096,CC-17,u-1\n"
                                          "web2,poweredOn,4,8192,CC-18,u-2\n"),
                                {})
                    .accepted);
        const QList<Vm> before = store->vms();
        const ImportOutcome again = importer.importFile(writeFile(dir, "b.csv",
                                                                  "VM,Powerstate,CPUs,Memory,Cost Center,VM UUID\n"
                                                                  "web1,poweredOff,8,4096,CC-99,u-1\n"
                                                                  "web3,poweredOn,1,2048,,u-3\n"),
                                                        {});
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 1);
        QCOMPARE(again.updated, 1);
        const QList<Vm> after = store->vms();
        QCOMPARE(after.size(), 3);
        QCOMPARE(findVm(after, QStringLiteral("web1"))->id, findVm(before, QStringLiteral("web1"))->id);
        QCOMPARE(findVm(after, QStringLiteral("web1"))->vcpu, 8);
        QCOMPARE(findVm(after, QStringLiteral("web1"))->customAttributes.value(QStringLiteral("Cost Center")),
                 QStringLiteral("CC-99"));
        QCOMPARE(findVm(after, QStringLiteral("web2"))->customAttributes.value(QStringLiteral("Cost Center")),
                 QStringLiteral("CC-18"));
        QVERIFY(findVm(after, QStringLiteral("web3"))->customAttributes.isEmpty());
    }

    void aVmListedTwiceTakesItsLastRow()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const ImportOutcome outcome =
            InventoryImporter(*store).importFile(writeFile(dir, "v.csv",
                                                           "VM,Powerstate,CPUs,Memory,VM UUID\n"
                                                           "web1,poweredOn,2,4096,u-1\n"
                                                           "db1,poweredOn,4,8192,u-2\n"
                                                           "web1-renamed,poweredOn,6,4096,U-1\n"
                                                           "web1-again,poweredOn,8,4096,u-1\n"),
                                                 {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, 2);
        QCOMPARE(outcome.updated, 0);
        const QList<Vm> vms = store->vms();
        QCOMPARE(vms.size(), 2);
        QCOMPARE(vms[0].name, QStringLiteral("web1-again")); // in the place of the first row
        QCOMPARE(vms[0].vcpu, 8);
        QCOMPARE(vms[1].name, QStringLiteral("db1"));
    }

    void templatesAndPlaceholdersAreCountedAndSkipped()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const QString path = writeFile(dir, "v.csv",
                                       "VM,Powerstate,Template,SRM Placeholder,CPUs,Memory,VM UUID\n"
                                       "web1,poweredOn,False,False,2,4096,u-1\n"
                                       "tmpl,poweredOff,True,False,2,4096,u-2\n"
                                       "srm,poweredOff,False,True,2,4096,u-3\n");
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QCOMPARE(outcome.excludedTemplates, 1);
        QCOMPARE(outcome.excludedSrmPlaceholders, 1);
        QCOMPARE(store->summary().vms, 1);
        QCOMPARE(store->summary().excludedTemplates, 1);
    }

    void rowsOfManyChunksStayInFileOrder()
    {
        // More rows than one chunk of mapping holds (2,048): the chunks are kept as they are, not
        // joined, so what crosses a chunk's edge is what could go wrong.
        constexpr int kRows = 5000;
        QByteArray csv = "VM,Powerstate,Template,CPUs,Memory,VM UUID\n";
        for (int i = 0; i < kRows; ++i) {
            const bool isTemplate = i % 1000 == 999;
            // vm-10 (row 12) and, past two chunk edges, a second vm-10 without UUID (row 4602).
            const QByteArray name = i == 4600 ? QByteArray("vm-10") : QByteArray("vm-" + QByteArray::number(i));
            const QByteArray uuid = i == 10 || i == 4600 ? QByteArray() : QByteArray("u-" + QByteArray::number(i));
            csv += name + ",poweredOn," + (isTemplate ? "True" : "False") + ",2,4096," + uuid + "\n";
        }
        QTemporaryDir dir;
        const QString path = writeFile(dir, "v.csv", csv);
        ParsedInventory parsed = InventoryReader::read(path, {});
        QVERIFY(!parsed.fatal);
        QCOMPARE(parsed.rowsRead, kRows);
        QCOMPARE(parsed.excluded.size(), 5);
        QCOMPARE(parsed.rows.size(), kRows - 5);
        QStringList expected;
        for (int i = 0; i < kRows; ++i) {
            if (i % 1000 != 999)
                expected.append(i == 4600 ? QStringLiteral("vm-10") : QStringLiteral("vm-%1").arg(i));
        }
        QStringList byIndex, byIteration;
        for (qsizetype i = 0; i < parsed.rows.size(); ++i)
            byIndex.append(parsed.rows[i].vm.name);
        for (const MappedRow &row : std::as_const(parsed.rows))
            byIteration.append(row.vm.name);
        QCOMPARE(byIndex, expected);
        QCOMPARE(byIteration, expected);
        QCOMPARE(parsed.rows[2047].row, qint64(2051)); // past the templates of rows 1001 and 2001

        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).apply(std::move(parsed), {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, kRows - 5);
        QCOMPARE(outcome.excludedTemplates, 5);
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings[0].contains(QLatin1String("rows 12, 4602 all name a VM vm-10")),
                 qPrintable(outcome.warnings[0]));
        QCOMPARE(store->vms().size(), kRows - 5);
    }

    /** A CSV of 5,000 rows is written into the project chunk by chunk (2,048 rows) while it is
        still being read: these are the cases that cross a chunk's edge on the way into the store. */
    static QByteArray csvOfManyChunks(int rows, const std::function<QByteArray(int i)> &line)
    {
        QByteArray csv = "VM,Powerstate,CPUs,Memory,VM UUID\n";
        for (int i = 0; i < rows; ++i)
            csv += line(i) + "\n";
        return csv;
    }

    void aStreamedImportKeepsTheLastRowOfAVmAndWarnsOfSameNames()
    {
        constexpr int kRows = 5000;
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "many.csv", csvOfManyChunks(kRows, [](int i) -> QByteArray {
                          if (i == 4500) // u-7 again, two chunks later, with other sizes: the last row wins
                              return "vm-7-renamed,poweredOff,8,16384,U-7";
                          if (i == 10 || i == 4600) // two VMs of one name and no UUID, in different chunks
                              return "twin,poweredOn,2,4096,";
                          return "vm-" + QByteArray::number(i) + ",poweredOn,2,4096,u-" + QByteArray::number(i);
                      }));
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, kRows - 1);
        QCOMPARE(outcome.updated, 0);
        QCOMPARE(outcome.rowsRefused, 0);
        QCOMPARE(store->vmCount(), qint64(kRows - 1));
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings[0].contains(QLatin1String("rows 12, 4602 all name a VM twin")),
                 qPrintable(outcome.warnings[0]));
        QCOMPARE(store->vmIdsByName(QStringLiteral("twin")).size(), 2);
        QVERIFY(store->vmIdsByName(QStringLiteral("vm-7")).isEmpty());
        const std::optional<qint64> id = store->vmIdByUuid(QStringLiteral("u-7"));
        QVERIFY(id);
        const std::optional<Vm> vm = store->vm(*id);
        QCOMPARE(vm->name, QStringLiteral("vm-7-renamed"));
        QCOMPARE(vm->vcpu, 8);
        QCOMPARE(vm->memoryMiB, 16384.0);
        QCOMPARE(store->importHistory().constFirst().rowsTaken, kRows - 1);

        // The same file again updates every VM: nothing is added, twins included.
        const ImportOutcome again = InventoryImporter(*store).importFile(path, {});
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.updated, kRows - 1);
        QCOMPARE(store->vmCount(), qint64(kRows - 1));
    }

    void aBadRowInALateChunkLeavesTheProjectAsItWas()
    {
        // The rows before it were written already when the bad row is read: they are rolled back.
        constexpr int kRows = 5000;
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        {
            auto store = newProject(dir);
            QVERIFY(InventoryImporter(*store).importFile(samplePath("rvtools-vinfo-sample.csv"), {}).accepted);
        }
        const QByteArray before = fileHash(project);
        const QString bad = writeFile(dir, "late.csv", csvOfManyChunks(kRows, [](int i) -> QByteArray {
                                          return "new-" + QByteArray::number(i) + ",poweredOn," +
                                                 (i == 4800 ? "many" : "2") + ",4096,n-" + QByteArray::number(i);
                                      }));
        qint64 vmsBefore = 0;
        {
            auto store = ProjectStore::open(project, ProjectStore::OpenMode::ExistingOnly);
            QVERIFY(store);
            vmsBefore = store.value()->vmCount();
            const ImportOutcome outcome = InventoryImporter(*store.value()).importFile(bad, {});
            QVERIFY(!outcome.accepted);
            QCOMPARE(outcome.issues.size(), 1);
            QCOMPARE(outcome.issues[0].row, 4802);
            QCOMPARE(outcome.goodRows, kRows - 1); // what --skip-bad-rows would import
            QCOMPARE(store.value()->vmCount(), vmsBefore);
        }
        QCOMPARE(fileHash(project), before);

        // With --skip-bad-rows, every other row goes in and the one is counted as refused.
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        ImportOptions skip;
        skip.skipBadRows = true;
        const ImportOutcome skipped = InventoryImporter(*store.value()).importFile(bad, skip);
        QVERIFY(skipped.accepted);
        QCOMPARE(skipped.added, kRows - 1);
        QCOMPARE(skipped.rowsRefused, 1);
        QCOMPARE(store.value()->vmCount(), vmsBefore + kRows - 1);
    }

    void aCancelledReadStopsAndSaysSo()
    {
        // 60,000 rows: the progress callback cancels at its first call, and the read stops well
        // before the end of the file instead of reading on behind the caller's back (it reads at
        // most a few chunks ahead of the one taken).
        constexpr int kRows = 60000;
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "big.csv", csvOfManyChunks(kRows, [](int i) -> QByteArray {
                          return "vm-" + QByteArray::number(i) + ",poweredOn,2,4096,u-" + QByteArray::number(i);
                      }));
        int calls = 0;
        qint64 permille = -1;
        qsizetype rowsTaken = 0;
        const ParsedInventory parsed = InventoryReader::read(
            path, {},
            [&](qint64 done, qint64 total) {
                ++calls;
                permille = done * 1000 / total;
                return false;
            },
            [&rowsTaken](const ParsedInventory &, QList<MappedRow> rows) { rowsTaken += rows.size(); });
        QVERIFY(parsed.fatal);
        QCOMPARE(calls, 1);
        // One chunk (a few hundred rows) reached the sink, not the file.
        QVERIFY2(rowsTaken > 0 && rowsTaken <= 4096, qPrintable(QString::number(rowsTaken)));
        QVERIFY(permille >= 0 && permille < 1000);
        QVERIFY2(parsed.rowsRead < kRows / 4, qPrintable(QString::number(parsed.rowsRead)));
        QVERIFY(parsed.issues.constLast().message.contains(QLatin1String("cancelled")));
    }

    void badRows_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        const QByteArray header = "VM,Powerstate,CPUs,Memory\n";
        QTest::newRow("non-numeric CPUs") << header + "web1,poweredOn,four,4096\n"
                                          << u"bad.csv:2:CPUs: \"four\": not a number; expected a whole number"_qs;
        QTest::newRow("negative memory") << header + "web1,poweredOn,2,-512\n"
                                         << u"bad.csv:2:Memory: \"-512\": negative; expected a size of 0 or more"_qs;
        QTest::newRow("fractional CPUs") << header + "web1,poweredOn,2.5,512\n"
                                         << u"bad.csv:2:CPUs: \"2.5\": not a whole number"_qs;
        QTest::newRow("empty mandatory") << header + ",poweredOn,2,512\n"
                                         << u"bad.csv:2:VM: the cell is empty, but the column is mandatory"_qs;
        QTest::newRow("power state") << header + "web1,hibernating,2,512\n"
                                     << u"bad.csv:2:Powerstate: \"hibernating\": not a power state"_qs;
        QTest::newRow("missing column") << QByteArray("VM,Powerstate,CPUs\nweb1,poweredOn,2\n")
                                        << u"bad.csv:1:memoryMiB: the mandatory column is missing"_qs;
        QTest::newRow("unknown answer")
            << QByteArray("name,role\nweb1,webserver\n")
            << u"bad.csv:2:role: \"webserver\": not an allowed value; expected one of web"_qs;
        QTest::newRow("unknown header") << QByteArray("colour,size\nred,4\n")
                                        << u"bad.csv:1: the header row is not one Landfall knows"_qs;
    }

    void badRows()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto store = newProject(dir);
        const ImportOutcome outcome = InventoryImporter(*store).importFile(writeFile(dir, "bad.csv", content), {});
        QVERIFY(!outcome.accepted);
        QVERIFY(!outcome.issues.isEmpty());
        const QString message = outcome.issues[0].toString().mid(dir.path().size() + 1);
        QVERIFY2(message.startsWith(expected), qPrintable(message));
        QCOMPARE(store->vmCount(), 0);
    }

    void aBadRowRejectsTheWholeFileAndTheProjectStaysAsItWas()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        {
            auto store = newProject(dir);
            QVERIFY(InventoryImporter(*store).importFile(samplePath("rvtools-vinfo-sample.csv"), {}).accepted);
        }
        const QByteArray before = fileHash(project);
        const QString bad = writeFile(dir, "bad.csv",
                                      "VM,Powerstate,CPUs,Memory,VM UUID\n"
                                      "new1,poweredOn,2,4096,n-1\n"
                                      "new2,poweredOn,x,4096,n-2\n"
                                      "new3,poweredOn,2,-1,n-3\n");
        {
            auto store = ProjectStore::open(project, ProjectStore::OpenMode::ExistingOnly);
            QVERIFY(store);
            const ImportOutcome outcome = InventoryImporter(*store.value()).importFile(bad, {});
            QVERIFY(!outcome.accepted);
            QCOMPARE(outcome.issues.size(), 2); // every problem is listed, not just the first
            QCOMPARE(outcome.issues[0].row, 3);
            QCOMPARE(outcome.issues[1].row, 4);
        }
        QCOMPARE(fileHash(project), before);
    }

    void skipBadRowsImportsTheGoodOnes()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        const QString bad = writeFile(dir, "bad.csv",
                                      "VM,Powerstate,CPUs,Memory,VM UUID\n"
                                      "new1,poweredOn,2,4096,n-1\n"
                                      "new2,poweredOn,x,4096,n-2\n");
        ImportOptions options;
        options.skipBadRows = true;
        const ImportOutcome outcome = InventoryImporter(*store).importFile(bad, options);
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, 1);
        QCOMPARE(outcome.issues.size(), 1);
        QCOMPARE(store->importHistory().constFirst().rowsRefused, 1);
    }

    void forcedFormatOverridesDetection()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "v.csv", "VM,Powerstate,CPUs,Memory\nweb1,poweredOn,2,4096\n");
        ImportOptions options;
        options.format = InventoryFormat::AzureMigrate;
        const ParsedInventory parsed = InventoryReader::read(path, options);
        QVERIFY(parsed.fatal);
        QVERIFY(parsed.issues[0].message.contains(QLatin1String("Server Name")));
    }

    void hostileNamesAreStoredLiterally_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("non-ascii") << QStringLiteral("Zürich-Ωμέγα-東京-01");
        QTest::newRow("quotes") << QStringLiteral("it's \"quoted\"");
        QTest::newRow("semicolons") << QStringLiteral("a;b;c");
        QTest::newRow("sql") << QStringLiteral("x'); DROP TABLE vms; --");
        QTest::newRow("html") << QStringLiteral("<script>alert(1)</script> & \"x\"");
        QTest::newRow("path") << QStringLiteral("../../etc/passwd");
    }

    void hostileNamesAreStoredLiterally()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        auto store = newProject(dir);
        QString quoted = name;
        quoted.replace(u'"', QLatin1String("\"\""));
        const QString path = writeFile(dir, "v.csv",
                                       "VM,Powerstate,CPUs,Memory,Annotation\n\"" + quoted.toUtf8() +
                                           "\",poweredOn,2,4096,\"" + quoted.toUtf8() + "\"\n");
        QVERIFY(InventoryImporter(*store).importFile(path, {}).accepted);
        const QList<Vm> vms = store->vms();
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms[0].name, name);
        QCOMPARE(vms[0].annotation, name);
        QCOMPARE(store->vmIdsByName(name).size(), 1);
    }

    void usedDiskIsKnownOnlyWhereTheFileGivesIt()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        const QString inventory = writeFile(dir, "vinfo.csv",
                                            "VM,Powerstate,CPUs,Memory,In Use MiB\n"
                                            "full,poweredOn,2,4096,2048\n"
                                            "empty,poweredOn,2,4096,\n"
                                            "zero,poweredOn,2,4096,0\n");
        QVERIFY(importer.importFile(inventory, {}).accepted);
        QList<Vm> vms = store->vms();
        QVERIFY(findVm(vms, QStringLiteral("full"))->usedKnown);
        QCOMPARE(findVm(vms, QStringLiteral("full"))->usedMiB, 2048.0);
        QVERIFY(!findVm(vms, QStringLiteral("empty"))->usedKnown);
        QVERIFY(findVm(vms, QStringLiteral("zero"))->usedKnown); // a 0 the file gives is a figure
        ProjectSummary summary = store->summary();
        QCOMPARE(summary.vmsWithoutUsedDisk, 1);
        QCOMPARE(summary.usedGiB, 2.0);

        // A Landfall CSV without usedGiB keeps what the VMs had; one with it sets it; its new VMs
        // without it are unknown.
        const QString answers = writeFile(dir, "a.csv", "name,role\nfull,web\nempty,web\nnew1,app\n");
        QVERIFY(importer.importFile(answers, {}).accepted);
        vms = store->vms();
        QVERIFY(findVm(vms, QStringLiteral("full"))->usedKnown);
        QCOMPARE(findVm(vms, QStringLiteral("full"))->usedMiB, 2048.0);
        QVERIFY(!findVm(vms, QStringLiteral("empty"))->usedKnown);
        QVERIFY(!findVm(vms, QStringLiteral("new1"))->usedKnown);
        const QString used = writeFile(dir, "u.csv", "name,usedGiB\nempty,3\nfull,\nnew2,5\n");
        QVERIFY(importer.importFile(used, {}).accepted);
        vms = store->vms();
        QVERIFY(findVm(vms, QStringLiteral("empty"))->usedKnown);
        QCOMPARE(findVm(vms, QStringLiteral("empty"))->usedMiB, 3 * 1024.0);
        QVERIFY(findVm(vms, QStringLiteral("full"))->usedKnown); // an empty cell leaves it as it was
        QCOMPARE(findVm(vms, QStringLiteral("full"))->usedMiB, 2048.0);
        QVERIFY(findVm(vms, QStringLiteral("new2"))->usedKnown);
        summary = store->summary();
        QCOMPARE(summary.vmsWithoutUsedDisk, 1); // new1
        QCOMPARE(summary.usedGiB, 2.0 + 3 + 5);
    }

    void landfallCsvAddsNewVmsAndRefusesAmbiguousNames()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        const QString two = writeFile(dir, "two.csv",
                                      "VM,Powerstate,CPUs,Memory,VM UUID,VI SDK Server\n"
                                      "app1,poweredOn,2,4096,u-1,vc1\n"
                                      "app1,poweredOn,2,4096,u-2,vc2\n");
        QVERIFY(importer.importFile(two, {}).accepted);
        const QString answers = writeFile(dir, "a.csv", "name,role,vcpu,memoryGiB\napp1,web,,\nextra,app,4,8\n");
        ImportOutcome outcome = importer.importFile(answers, {});
        QVERIFY(!outcome.accepted);
        QVERIFY(outcome.issues[0].toString().contains(QLatin1String("names 2 VMs")));
        QCOMPARE(store->vmCount(), 2);
        const QString byUuid = writeFile(dir, "b.csv", "name,uuid,role\napp1,u-2,web\nextra,,app\n");
        outcome = importer.importFile(byUuid, {});
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.added, 1);
        QCOMPARE(store->vmCount(), 3);
        const QList<Vm> vms = store->vms();
        QCOMPARE(vms[1].answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("web"));
        QCOMPARE(vms[0].answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("unknown"));
    }

    void demoInventoryImports()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        InventoryImporter importer(*store);
        QVERIFY(importer.importFile(QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/demo-rvtools-vinfo.csv"), {})
                    .accepted);
        const ImportOutcome answers =
            importer.importFile(QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/demo-workshop-answers.csv"), {});
        QVERIFY(answers.accepted);
        QCOMPARE(answers.added, 0);
        const ProjectSummary summary = store->summary();
        QVERIFY(summary.vms >= 300);
        // The demo's FreeBSD guests are named "freebsd" since issue 13 (they were "other").
        for (const char *family :
             {"windows-server", "windows-client", "rhel", "ubuntu", "centos", "debian", "sles", "linux", "freebsd"})
            QVERIFY2(summary.osCounts.contains(QLatin1String(family)), family);
    }
};

QTEST_GUILESS_MAIN(TestInventoryImport)
#include "tst_inventoryimport.moc"
