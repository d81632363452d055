#include "store/projectstore.h"
#include "waves/dependencyimporter.h"
#include "waves/waveinput.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

const QByteArray kAzureHeader = "Time slot,Source server name,Source IP,Source application,Source process,"
                                "Destination server name,Destination IP,Destination application,Destination process,"
                                "Destination port\n";

} // namespace

/** The dependency files: Azure Migrate's export and Landfall's connections CSV, bad rows, and the store. */
class TestDependencyImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void azureMigrateExport()
    {
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("deps.csv"),
                  kAzureHeader + "2026-11-01 00:00,web-01,10.0.0.11,IIS,w3wp.exe,sql-01,10.0.0.21,SQL Server,"
                                 "sqlservr.exe,1433\n"
                                 "2026-11-01 01:00,web-01,10.0.0.11,IIS,w3wp.exe,sql-01,10.0.0.21,SQL Server,"
                                 "sqlservr.exe,1433\n"
                                 "2026-11-01 00:00,,10.0.0.12,,app.exe,,52.1.2.3,,,443\n");
        const auto read = DependencyImporter::readFile(path);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().constFirst().toString()));
        QCOMPARE(read.value().format, QLatin1String(DependencyImporter::kAzureMigrateFormat));
        QCOMPARE(read.value().rowsRead, 3);
        QCOMPARE(read.value().connections.size(), 2); // the two time slots of web-01 -> sql-01 are one connection
        const Connection &first = read.value().connections.constFirst();
        QCOMPARE(first.source, QStringLiteral("web-01"));
        QCOMPARE(first.targetIp, QStringLiteral("10.0.0.21"));
        QCOMPARE(first.port, 1433);
        QCOMPARE(first.protocol, QStringLiteral("tcp"));
        QCOMPARE(first.process, QStringLiteral("sqlservr.exe"));
        QCOMPARE(first.observations, 2);
        const Connection &second = read.value().connections.constLast();
        QCOMPARE(second.source, QStringLiteral("10.0.0.12")); // no server name: the IP stands for it
        QCOMPARE(second.target, QStringLiteral("52.1.2.3"));
    }

    void azureMigrateWithoutPort()
    {
        QTemporaryDir dir;
        const auto read = DependencyImporter::readFile(
            write(dir, QStringLiteral("d.csv"), "Source server name,Destination server name\nweb,sql\n"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().constFirst().row, 1);
        QVERIFY(read.error().constFirst().message.contains(QLatin1String("Destination port")));
    }

    void plainConnections()
    {
        QTemporaryDir dir;
        const auto read = DependencyImporter::readFile(write(
            dir, QStringLiteral("c.csv"), "source;target;port;protocol\nweb-01;sql-01;1433;TCP\nweb-01;dns;53;udp\n"));
        QVERIFY(read.ok());
        QCOMPARE(read.value().format, QLatin1String(DependencyImporter::kConnectionsFormat));
        QCOMPARE(read.value().connections.size(), 2);
        QCOMPARE(read.value().connections[0].protocol, QStringLiteral("tcp"));
        QCOMPARE(read.value().connections[1].protocol, QStringLiteral("udp"));
        QCOMPARE(read.value().connections[1].port, 53);
    }

    void badRows_data()
    {
        QTest::addColumn<QByteArray>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port not a number")
            << QByteArray("web,sql,http,tcp\n")
            << QStringLiteral("c.csv:2:port: \"http\": expected a port number from 0 to 65535");
        QTest::newRow("port too large") << QByteArray("web,sql,70000,tcp\n")
                                        << QStringLiteral(
                                               "c.csv:2:port: \"70000\": expected a port number from 0 to 65535");
        QTest::newRow("protocol") << QByteArray("web,sql,80,icmp\n")
                                  << QStringLiteral("c.csv:2:protocol: \"icmp\": expected tcp or udp");
        QTest::newRow("no target") << QByteArray("ok,fine,1,tcp\nweb,,80,tcp\n")
                                   << QStringLiteral("c.csv:3:target: expected the server's VM name or IP address");
    }
    void badRows()
    {
        QFETCH(QByteArray, rows);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("c.csv"), "source,target,port,protocol\n" + rows);
        const auto read = DependencyImporter::readFile(path);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().size(), 1);
        QCOMPARE(read.error().constFirst().toString(), expected);
        // With bad rows skipped, the good ones are taken and the bad one listed.
        const auto skipped = DependencyImporter::readFile(path, true);
        QVERIFY(skipped.ok());
        QCOMPARE(skipped.value().skipped.size(), 1);
        QCOMPARE(skipped.value().connections.size(), rows.count('\n') - 1);
    }

    void notADependencyFile()
    {
        QTemporaryDir dir;
        const auto read = DependencyImporter::readFile(write(dir, QStringLiteral("x.csv"), "name,os\nweb,linux\n"));
        QVERIFY(!read.ok());
        QVERIFY(read.error().constFirst().toString().startsWith(QLatin1String("x.csv:1: not a dependency file")));
    }

    void storeResolvesEndsAndKeepsExternals()
    {
        QTemporaryDir dir;
        auto opened =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        ProjectStore &store = *opened.value();
        InventoryBatch batch;
        batch.record.file = QStringLiteral("inline");
        batch.record.format = QStringLiteral("landfall");
        for (const auto &[name, ip] : {std::pair{"web-01", "10.0.0.11"}, std::pair{"sql-01", "10.0.0.21"}}) {
            Vm vm;
            vm.source = QStringLiteral("landfall");
            vm.name = QLatin1String(name);
            vm.ipAddress = QLatin1String(ip);
            vm.dnsName = vm.name + QStringLiteral(".corp.example");
            batch.vms.append(vm);
        }
        QVERIFY(!store.importInventory(batch));
        const QList<Connection> connections = {
            {QStringLiteral("WEB-01"), {}, QStringLiteral("10.0.0.21"), {}, 1433, QStringLiteral("tcp"), {}, 3},
            {QStringLiteral("web-01.corp.example"),
             {},
             QStringLiteral("52.1.2.3"),
             {},
             443,
             QStringLiteral("tcp"),
             {},
             1}};
        const auto written = store.importDependencies(connections);
        QVERIFY(written.ok());
        QCOMPARE(written.value(), 3);
        QCOMPARE(store.dependencyCount(), 2);
        // Importing again updates instead of adding.
        QVERIFY(store.importDependencies(connections).ok());
        const QList<Dependency> all = store.dependencies();
        QCOMPARE(all.size(), 2);
        const qint64 web = store.vmIdsByName(QStringLiteral("web-01")).constFirst();
        const qint64 sql = store.vmIdsByName(QStringLiteral("sql-01")).constFirst();
        int external = 0;
        for (const Dependency &d : all) {
            QCOMPARE(d.sourceVmId, web);
            if (d.port == 1433) {
                QCOMPARE(d.targetVmId, sql);
                QCOMPARE(d.observations, 3);
            } else {
                QCOMPARE(d.targetVmId, 0);
                QCOMPARE(d.targetEndpoint, QStringLiteral("52.1.2.3"));
                ++external;
            }
        }
        QCOMPARE(external, 1);
        QVERIFY(!store.clearDependencies());
        QCOMPARE(store.dependencyCount(), 0);
    }

    void storeKeepsMoveGroupsAndPins()
    {
        QTemporaryDir dir;
        auto opened =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        ProjectStore &store = *opened.value();
        InventoryBatch batch;
        batch.record.file = QStringLiteral("inline");
        batch.record.format = QStringLiteral("landfall");
        Vm vm;
        vm.source = QStringLiteral("landfall");
        vm.name = QStringLiteral("a");
        batch.vms.append(vm);
        QVERIFY(!store.importInventory(batch));
        const qint64 id = store.vmIdsByName(QStringLiteral("a")).constFirst();
        QVERIFY(!store.setMoveGroups({{id, QStringLiteral(" payroll ")}}));
        QCOMPARE(store.moveGroups().value(id), QStringLiteral("payroll"));
        QVERIFY(!store.setMoveGroups({{id, QString()}}));
        QVERIFY(store.moveGroups().isEmpty());
        // A `moveGroup` column of a Landfall CSV (a custom attribute) groups the VM; the GUI's setting wins.
        Vm fromCsv = store.vm(id).value();
        fromCsv.customAttributes.insert(QStringLiteral("moveGroup"), QStringLiteral("Batch"));
        QVERIFY(!store.updateVms({fromCsv}));
        QCOMPARE(WaveInput::fromProject(store).vms.front().moveGroup, QStringLiteral("Batch"));
        QVERIFY(!store.setMoveGroups({{id, QStringLiteral("Night")}}));
        QCOMPARE(WaveInput::fromProject(store).vms.front().moveGroup, QStringLiteral("Night"));
        QVERIFY(!store.setMoveGroups({{id, QStringLiteral("")}}));
        QCOMPARE(WaveInput::fromProject(store).vms.front().moveGroup, QString());
        QVERIFY(!store.setWavePin(QStringLiteral("payroll"), 3));
        QCOMPARE(store.wavePins().value(QStringLiteral("payroll")), 3);
        QVERIFY(!store.setWavePin(QStringLiteral("payroll"), 0));
        QVERIFY(store.wavePins().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDependencyImport)
#include "tst_dependencyimport.moc"
