#include "io/inventoryimporter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

QString realInventories()
{
    return QStringLiteral(LANDFALL_SOURCE_DIR "/../shared/real-inventories");
}

QJsonObject expected(const QString &file)
{
    QFile json(realInventories() + u'/' + file + QLatin1String(".expect.json"));
    return json.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(json.readAll()).object() : QJsonObject();
}

/** The figure under the first of `keys` the expectations hold (the binary reading where there are two). */
std::optional<double> figure(const QJsonObject &expect, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        if (expect.contains(QLatin1String(key)))
            return expect.value(QLatin1String(key)).toDouble();
    }
    return std::nullopt;
}

void compareGiB(double actual, std::optional<double> wanted, const char *what)
{
    if (!wanted)
        return;
    // The expectations are rounded to three decimals.
    QVERIFY2(qAbs(actual - *wanted) < 0.002,
             qPrintable(QStringLiteral("%1: %2, expected %3").arg(QLatin1String(what)).arg(actual).arg(*wanted)));
}

} // namespace

/** Exports nobody on this project wrote (../shared/real-inventories, with figures counted
    independently in *.expect.json): each imports, and gives those figures. */
class TestRealInventories : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(realInventories()))
            QSKIP("../shared/real-inventories is not beside this clone: the real exports are not available here");
    }

    void importsWithItsExpectedFigures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("skipBadRows");
        QTest::addColumn<int>("hosts"); ///< -1: not asserted (the expectations do not count them)
        QTest::newRow("FarmLonati, RVTools 4.7.1.4") << u"abeggi-FarmLonati.anon.xlsx"_qs << false << 8;
        QTest::newRow("bcspa2, RVTools 4.7.1.4") << u"abeggi-bcspa2.anon.xlsx"_qs << false << -1;
        QTest::newRow("RVTools 4.4.3, re-saved in Excel") << u"abeggi-RVTools_2024-02-27.anon.xlsx"_qs << false << -1;
        QTest::newRow("IBM sizing workshop, 3.x headers") << u"ibm-SizingWorkshop-RVTools.xlsx"_qs << false << 34;
        QTest::newRow("kubev2v, a truncated last row") << u"kubev2v-example1.xlsx"_qs << true << -1;
        QTest::newRow("Genesis, four rows of one name") << u"genesis-RVToolsPure-subset.xlsx"_qs << false << -1;
        QTest::newRow("tdstm, RVTools 3.x CSV") << u"tdstm-rvtools3-vinfo.csv"_qs << false << -1;
        QTest::newRow("Azure Migrate import template") << u"azm-petender-template.csv"_qs << false << 0;
        QTest::newRow("Azure Migrate discovery export") << u"msft-AzureMigrate_Discovery_Report.xlsx"_qs << false << 0;
    }

    void importsWithItsExpectedFigures()
    {
        QFETCH(QString, file);
        QFETCH(bool, skipBadRows);
        QFETCH(int, hosts);
        const QString path = realInventories() + u'/' + file;
        if (!QFileInfo::exists(path))
            QSKIP(qPrintable(file + QLatin1String(" is not in ../shared/real-inventories")));
        const QJsonObject expect = expected(file);
        QVERIFY(!expect.isEmpty());

        QTemporaryDir dir;
        auto opened =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(opened);
        ProjectStore &store = **opened;
        ImportOptions options;
        options.skipBadRows = skipBadRows;
        const ImportOutcome outcome = InventoryImporter(store).importFile(path, options);
        QStringList issues;
        for (const ImportIssue &issue : outcome.issues)
            issues.append(issue.toString());
        QVERIFY2(outcome.accepted, qPrintable(issues.join(u'\n')));
        if (!skipBadRows)
            QVERIFY2(outcome.issues.isEmpty(), qPrintable(issues.join(u'\n')));
        // What the issue says of the kubev2v export: only its truncated last row is refused, and says so.
        if (skipBadRows) {
            QCOMPARE(outcome.rowsRefused, expect.value(QLatin1String("rows")).toInt() -
                                              expect.value(QLatin1String("vms")).toInt() -
                                              expect.value(QLatin1String("templates")).toInt());
            QVERIFY2(issues.join(u'\n').contains(QLatin1String("truncated")), qPrintable(issues.join(u'\n')));
        }

        const ProjectSummary summary = store.summary();
        QCOMPARE(summary.vms, expect.value(QLatin1String("vms")).toInt());
        QCOMPARE(summary.poweredOn, expect.value(QLatin1String("poweredOn")).toInt());
        QCOMPARE(summary.vcpu, qint64(expect.value(QLatin1String("vcpu")).toInt()));
        QCOMPARE(summary.excludedTemplates, expect.value(QLatin1String("templates")).toInt());
        QCOMPARE(summary.excludedSrmPlaceholders, expect.value(QLatin1String("srmPlaceholders")).toInt());
        compareGiB(summary.memoryGiB, figure(expect, {"memoryGiB", "memoryGiB_ifMiB"}), "memoryGiB");
        compareGiB(summary.provisionedGiB, figure(expect, {"provisionedGiB", "provisionedGiB_ifGiB"}),
                   "provisionedGiB");
        compareGiB(summary.usedGiB, figure(expect, {"usedGiB", "usedGiB_ifGiB"}), "usedGiB");
        if (hosts >= 0)
            QCOMPARE(summary.hosts.count, hosts);

        // Rows of one name and no UUID stay as many VMs, and the import says which they are.
        const int uniqueNames = expect.value(QLatin1String("uniqueNames")).toInt(summary.vms);
        if (uniqueNames < summary.vms)
            QVERIFY2(outcome.warnings.join(u'\n').contains(QLatin1String("separate VMs")),
                     qPrintable(outcome.warnings.join(u'\n')));

        // Importing the same file again updates every VM and adds none.
        const ImportOutcome again = InventoryImporter(store).importFile(path, options);
        QVERIFY(again.accepted);
        QCOMPARE(again.added, 0);
        QCOMPARE(store.summary().vms, summary.vms);
    }

    void keepsTheWorkbookTabsOfARealExport()
    {
        const QString path = realInventories() + QLatin1String("/abeggi-FarmLonati.anon.xlsx");
        if (!QFileInfo::exists(path))
            QSKIP("abeggi-FarmLonati.anon.xlsx is not in ../shared/real-inventories");
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QVERIFY(!parsed.fatal);
        QCOMPARE(parsed.clusters.size(), 2);
        QCOMPARE(parsed.metaData.rvtoolsVersion, QStringLiteral("4.7"));
        QVERIFY2(parsed.metaData.exportedAt.startsWith(QLatin1String("2025-05-30T")),
                 qPrintable(parsed.metaData.exportedAt));
        int withPartitions = 0, withDisks = 0, withNics = 0, withGuestData = 0;
        for (const MappedRow &row : parsed.rows) {
            withPartitions += row.vm.guestUsedMiB.has_value();
            withDisks += !row.vm.disks.isEmpty();
            withNics += !row.vm.nics.isEmpty();
            withGuestData += !row.vm.guestDetailedData.isEmpty();
        }
        QVERIFY2(withPartitions > 150, qPrintable(QString::number(withPartitions)));
        QVERIFY2(withDisks > 200, qPrintable(QString::number(withDisks)));
        QVERIFY2(withNics > 200, qPrintable(QString::number(withNics)));
        QVERIFY2(withGuestData >= 160, qPrintable(QString::number(withGuestData)));
        // The standard columns of RVTools 4.7 are fields, never custom attributes.
        for (const MappedRow &row : parsed.rows) {
            for (const char *standard : {"FT Sec. Latency", "Vm Failover In Progress", "Folder", "HW version"})
                QVERIFY2(!row.vm.customAttributes.contains(QLatin1String(standard)), standard);
        }
    }
};

QTEST_GUILESS_MAIN(TestRealInventories)
#include "tst_realinventories.moc"
