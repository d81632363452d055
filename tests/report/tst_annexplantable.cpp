// The plan's per-VM tables (the annex workbook, the CSV and Excel plan) when the inventory did
// not give a VM's used disk (Vm::usedKnown false, schema step 8): "unknown" or empty, never 0,
// and the annex's totals sum only what is known and count the rest.
#include "report/annexworkbook.h"
#include "report/plantablebuilder.h"

#include <QTest>

using namespace landfall;

namespace {

Vm vm(qint64 id, const QString &name, std::optional<double> usedMiB)
{
    Vm v;
    v.id = id;
    v.name = name;
    v.vcpu = 2;
    v.memoryMiB = 4096;
    v.provisionedMiB = 10240;
    v.usedMiB = usedMiB.value_or(0);
    v.usedKnown = usedMiB.has_value();
    return v;
}

Decision rehost(qint64 vmId)
{
    Decision d;
    d.vmId = vmId;
    d.path = MigrationPath::Rehost;
    d.reason = QStringLiteral("lift and shift");
    return d;
}

const XlsxSheet *sheetNamed(const QList<XlsxSheet> &sheets, const QString &name)
{
    for (const XlsxSheet &sheet : sheets) {
        if (sheet.name == name)
            return &sheet;
    }
    return nullptr;
}

QVariant cell(const PlanTable &table, int row, const QString &column)
{
    const qsizetype at = table.header.indexOf(column);
    return at < 0 ? QVariant() : table.rows.at(row).at(at);
}

bool isNumber(const QVariant &value)
{
    const int type = value.typeId();
    return type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong;
}

} // namespace

class TestAnnexPlanTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void annexWritesUnknownUsedDiskAsUnknownAndCountsIt();
    void planTableLeavesUnknownUsedDiskEmpty();
    void bothTablesPlaceEveryVmOfEachScenario();

private:
    const QList<Vm> m_vms{vm(1, QStringLiteral("app-01"), 2048), vm(2, QStringLiteral("azm-02"), std::nullopt),
                          vm(3, QStringLiteral("db-03"), 1024)};
    const QList<Decision> m_decisions{rehost(1), rehost(2), rehost(3)};
};

void TestAnnexPlanTable::annexWritesUnknownUsedDiskAsUnknownAndCountsIt()
{
    const QList<XlsxSheet> sheets = AnnexWorkbook::build(m_vms, m_decisions, {});
    const XlsxSheet *rehosted = sheetNamed(sheets, QStringLiteral("Rehost"));
    QVERIFY(rehosted);
    QCOMPARE(rehosted->table.rows.size(), 3);
    const QString used = QStringLiteral("Storage used (GiB)");
    QCOMPARE(cell(rehosted->table, 0, used), QVariant(2.0));
    QCOMPARE(cell(rehosted->table, 1, used), QVariant(QStringLiteral("unknown")));
    QCOMPARE(cell(rehosted->table, 2, used), QVariant(1.0));

    // The summary sums the two known values (3 GiB, not 3 GiB plus a 0) and says one is unknown.
    const XlsxSheet *summary = sheetNamed(sheets, AnnexWorkbook::kSummarySheet);
    QVERIFY(summary);
    const QString unknown = QStringLiteral("VMs whose storage used is unknown");
    QVERIFY2(summary->table.header.contains(unknown), qPrintable(summary->table.header.join(u'|')));
    int checked = 0;
    for (int row = 0; row < summary->table.rows.size(); ++row) {
        const QString path = cell(summary->table, row, QStringLiteral("Migration path")).toString();
        if (path != QLatin1String("Rehost") && path != QLatin1String("Total"))
            continue;
        QCOMPARE(cell(summary->table, row, used).toDouble(), 3.0);
        QCOMPARE(cell(summary->table, row, unknown).toLongLong(), 1);
        ++checked;
    }
    QCOMPARE(checked, 2);
    // A path whose VMs all have a known value counts none.
    const int retire =
        int(std::find_if(summary->table.rows.cbegin(), summary->table.rows.cend(),
                         [](const QVariantList &row) { return row.first() == QStringLiteral("Retire"); }) -
            summary->table.rows.cbegin());
    QVERIFY(retire < summary->table.rows.size());
    QCOMPARE(cell(summary->table, retire, unknown).toLongLong(), 0);
}

void TestAnnexPlanTable::planTableLeavesUnknownUsedDiskEmpty()
{
    const PlanTable table = PlanTableBuilder::build(m_vms, m_decisions, {});
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(0).size(), table.header.size());
    const QString used = QStringLiteral("usedMiB");
    QCOMPARE(cell(table, 0, used), QVariant(2048.0));
    // Empty, which Landfall's CSV format reads back as "not given"; a number (0) would read as no disk.
    const QVariant unknown = cell(table, 1, used);
    QVERIFY2(!isNumber(unknown), unknown.typeName());
    QVERIFY(unknown.toString().isEmpty());
    QCOMPARE(cell(table, 2, used), QVariant(1024.0));
}

void TestAnnexPlanTable::bothTablesPlaceEveryVmOfEachScenario()
{
    DensityResult result;
    result.scenario = QStringLiteral("aks");
    result.placement = {{1, QStringLiteral("app-01"), QStringLiteral("linux"), 2},
                        {3, QStringLiteral("db-03"), QStringLiteral("linux"), 1}};
    const PlanTable table = PlanTableBuilder::build(m_vms, m_decisions, {result});
    QCOMPARE(cell(table, 0, QStringLiteral("aks pool")), QVariant(QStringLiteral("linux")));
    QCOMPARE(cell(table, 0, QStringLiteral("aks node")), QVariant(2));
    QCOMPARE(cell(table, 1, QStringLiteral("aks pool")).toString(), QString()); // not placed
    QCOMPARE(cell(table, 2, QStringLiteral("aks node")), QVariant(1));

    const QList<XlsxSheet> sheets = AnnexWorkbook::build(m_vms, m_decisions, {result});
    const XlsxSheet *rehosted = sheetNamed(sheets, QStringLiteral("Rehost"));
    QVERIFY(rehosted);
    QCOMPARE(rehosted->table.rows.at(0).size(), rehosted->table.header.size());
    QCOMPARE(cell(rehosted->table, 0, QStringLiteral("Node pool (aks)")), QVariant(QStringLiteral("linux")));
    QCOMPARE(cell(rehosted->table, 2, QStringLiteral("Node (aks)")), QVariant(1));
    QCOMPARE(cell(rehosted->table, 1, QStringLiteral("Node (aks)")).toString(), QString());
}

QTEST_GUILESS_MAIN(TestAnnexPlanTable)
#include "tst_annexplantable.moc"
