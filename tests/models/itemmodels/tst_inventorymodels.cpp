#include "inventoryfixture.h"

#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/setworkshopanswercommand.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace landfall;
using Attribute = WorkshopAnswers::Attribute;

/** The inventory's item models: their contract (QAbstractItemModelTester), their columns and
    roles, filtering, sorting, and the undo commands that edit through them. */
class TestInventoryModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void modelPassesTheTester();
    void proxyPassesTheTester();
    void showsTheStoredVms();
    void answerColumnsAreEditableWithTheirAllowedValues();
    void filtersByColumn_data();
    void filtersByColumn();
    void filtersByText();
    void sortsNumbersAsNumbers();
    void editThenUndoAndRedo();
    void bulkEditIsOneUndoStep();
    void noOpEditAddsNoStep();
    void editsReachTheProjectFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<InventoryTableModel> m_model;
    static constexpr int kVms = 60;
};

void TestInventoryModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store =
        ProjectStore::open(m_dir->filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
    QVERIFY(store.ok());
    m_store = std::move(*store);
    QVERIFY(testing::fillProject(*m_store, kVms));
    m_model = std::make_unique<InventoryTableModel>();
    m_model->setStore(m_store.get());
}

void TestInventoryModels::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestInventoryModels::modelPassesTheTester()
{
    InventoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setAnswers(Attribute::Role, {{model.vmRow(3).id, QStringLiteral("web")}});
    model.reload();
    model.setStore(nullptr);
}

void TestInventoryModels::proxyPassesTheTester()
{
    InventoryFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.sort(InventoryTableModel::Vcpu, Qt::DescendingOrder);
    proxy.setColumnFilter(InventoryTableModel::Power, QStringLiteral("poweredOn"));
    proxy.setSearchText(QStringLiteral("ams"));
    m_model->setAnswers(Attribute::Role, {{m_model->vmRow(1).id, QStringLiteral("db")}});
    proxy.sort(InventoryTableModel::FirstAnswer);
    m_model->reload();
    proxy.clearFilters();
    proxy.setIdFilter(QSet<qint64>{m_model->vmRow(0).id, m_model->vmRow(2).id});
    QCOMPARE(proxy.rowCount(), 2);
    proxy.sort(InventoryTableModel::Name, Qt::DescendingOrder);
    proxy.setIdFilter(std::nullopt);
    QCOMPARE(proxy.rowCount(), m_model->rowCount());
}

void TestInventoryModels::showsTheStoredVms()
{
    QCOMPARE(m_model->rowCount(), kVms);
    QCOMPARE(m_model->columnCount(), int(InventoryTableModel::ColumnCount));
    const QModelIndex name = m_model->index(0, InventoryTableModel::Name);
    QCOMPARE(name.data().toString(), QStringLiteral("lon-web-000000"));
    QCOMPARE(m_model->index(0, InventoryTableModel::Power).data().toString(), QStringLiteral("Powered off"));
    QCOMPARE(m_model->index(0, InventoryTableModel::Power).data(InventoryTableModel::KeyRole).toString(),
             QStringLiteral("poweredOff"));
    QCOMPARE(m_model->index(0, InventoryTableModel::OsFamily).data().toString(), QStringLiteral("Windows Server"));
    QCOMPARE(m_model->index(1, InventoryTableModel::MemoryGiB).data(InventoryTableModel::KeyRole).toDouble(), 2.0);
    QVERIFY(name.data(InventoryTableModel::IdRole).toLongLong() > 0);
    QCOMPARE(m_model->headerData(InventoryTableModel::FirstAnswer, Qt::Horizontal).toString(), QStringLiteral("Role"));
    QCOMPARE(m_model->poweredOnCount(), kVms - (kVms + 6) / 7);
}

void TestInventoryModels::answerColumnsAreEditableWithTheirAllowedValues()
{
    const QModelIndex name = m_model->index(0, InventoryTableModel::Name);
    QVERIFY(!(m_model->flags(name) & Qt::ItemIsEditable));
    for (Attribute attribute : WorkshopAnswers::attributes()) {
        const QModelIndex cell = m_model->index(0, InventoryTableModel::columnForAttribute(attribute));
        QVERIFY(m_model->flags(cell) & Qt::ItemIsEditable);
        QCOMPARE(cell.data(InventoryTableModel::AllowedValuesRole).toStringList(),
                 WorkshopAnswers::allowedValues(attribute));
        QCOMPARE(cell.data(InventoryTableModel::AttributeKeyRole).toString(), WorkshopAnswers::key(attribute));
        QCOMPARE(cell.data(Qt::EditRole).toString(), WorkshopAnswers::unknownValue(attribute));
    }
}

void TestInventoryModels::filtersByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("expected");
    QTest::newRow("power off") << int(InventoryTableModel::Power) << QStringLiteral("poweredOff") << (kVms + 6) / 7;
    QTest::newRow("cluster") << int(InventoryTableModel::Cluster) << QStringLiteral("CL-LON-1") << 5; // 0, 4, 8, 36, 40
    QTest::newRow("os family") << int(InventoryTableModel::OsFamily) << QStringLiteral("ubuntu") << 9;
    QTest::newRow("no such") << int(InventoryTableModel::Cluster) << QStringLiteral("nowhere") << 0;
}

void TestInventoryModels::filtersByColumn()
{
    QFETCH(int, column);
    QFETCH(QString, key);
    QFETCH(int, expected);
    InventoryFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setColumnFilter(column, key);
    int count = 0;
    for (int row = 0; row < kVms; ++row) {
        if (m_model->index(row, column).data(InventoryTableModel::KeyRole).toString() == key)
            ++count;
    }
    QCOMPARE(count, expected);
    QCOMPARE(proxy.rowCount(), expected);
    proxy.setColumnFilter(column, QString());
    QCOMPARE(proxy.rowCount(), kVms);
}

void TestInventoryModels::filtersByText()
{
    InventoryFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSearchText(QStringLiteral("AMS-WEB"));
    QCOMPARE(proxy.rowCount(), 3); // ams: i % 4 == 1; web: (i / 4) % 5 == 0; so 1, 21 and 41
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row, 0).data().toString().startsWith(QLatin1String("ams-web")));
    proxy.setSearchText(QStringLiteral("10.3.0."));
    QCOMPARE(proxy.rowCount(), kVms / 4);
    proxy.setColumnFilter(InventoryTableModel::Power, QStringLiteral("poweredOff"));
    QVERIFY(proxy.rowCount() < kVms / 4);
}

void TestInventoryModels::sortsNumbersAsNumbers()
{
    InventoryFilterModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.sort(InventoryTableModel::MemoryGiB, Qt::AscendingOrder);
    double previous = -1;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const double value =
            proxy.index(row, InventoryTableModel::MemoryGiB).data(InventoryTableModel::KeyRole).toDouble();
        QVERIFY(value >= previous);
        previous = value;
    }
    QCOMPARE(proxy.index(proxy.rowCount() - 1, InventoryTableModel::MemoryGiB).data().toString(),
             QStringLiteral("32.0"));
    proxy.sort(InventoryTableModel::OsVersion, Qt::AscendingOrder);
    QCOMPARE(proxy.index(proxy.rowCount() - 1, InventoryTableModel::OsVersion).data().toString(),
             QStringLiteral("2019"));
}

void TestInventoryModels::editThenUndoAndRedo()
{
    QUndoStack stack;
    const int column = InventoryTableModel::columnForAttribute(Attribute::Role);
    const qint64 id = m_model->vmRow(5).id;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    stack.push(new SetWorkshopAnswerCommand(m_model.get(), Attribute::Role, {id}, QStringLiteral("database")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(m_model->index(5, column).data().toString(), QStringLiteral("database"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(5, column));
    stack.undo();
    QCOMPARE(m_model->index(5, column).data().toString(), QStringLiteral("unknown"));
    QCOMPARE(m_store->vm(id)->answers.value(Attribute::Role), QStringLiteral("unknown"));
    stack.redo();
    QCOMPARE(m_model->index(5, column).data().toString(), QStringLiteral("database"));
    QCOMPARE(m_store->vm(id)->answers.value(Attribute::Role), QStringLiteral("database"));
}

void TestInventoryModels::bulkEditIsOneUndoStep()
{
    QUndoStack stack;
    QList<qint64> ids;
    for (int row = 0; row < 40; ++row)
        ids.append(m_model->vmRow(row).id);
    // One VM already has the value: it is not part of the change, and undo leaves it as it was.
    stack.push(new SetWorkshopAnswerCommand(m_model.get(), Attribute::Role, {ids[7]}, QStringLiteral("web")));
    stack.push(new SetWorkshopAnswerCommand(m_model.get(), Attribute::Role, ids, QStringLiteral("web")));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(stack.text(1), QStringLiteral("Set Role to web on 39 VMs"));
    for (int row = 0; row < 40; ++row)
        QCOMPARE(m_model->vmRow(row).answer(Attribute::Role), QStringLiteral("web"));
    stack.undo();
    for (int row = 0; row < 40; ++row)
        QCOMPARE(m_model->vmRow(row).answer(Attribute::Role),
                 row == 7 ? QStringLiteral("web") : QStringLiteral("unknown"));
    stack.redo();
    QCOMPARE(m_store->vm(ids[39])->answers.value(Attribute::Role), QStringLiteral("web"));
}

void TestInventoryModels::noOpEditAddsNoStep()
{
    QUndoStack stack;
    stack.push(new SetWorkshopAnswerCommand(m_model.get(), Attribute::Trust, {m_model->vmRow(0).id},
                                            QStringLiteral("trusted")));
    QCOMPARE(stack.count(), 0);
}

void TestInventoryModels::editsReachTheProjectFile()
{
    const qint64 id = m_model->vmRow(2).id;
    QVERIFY(!m_model->setAnswers(Attribute::ChangeRate, {{id, QStringLiteral("high")}}));
    // Another model over the same file sees it: the edit is in the project, not only in memory.
    InventoryTableModel other;
    other.setStore(m_store.get());
    QCOMPARE(other.vmRow(other.rowForId(id)).answer(Attribute::ChangeRate), QStringLiteral("high"));
    QSignalSpy failed(m_model.get(), &InventoryTableModel::writeFailed);
    QVERIFY(m_model->setAnswers(Attribute::ChangeRate, {{id, QStringLiteral("sometimes")}}).has_value());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_model->vmRow(2).answer(Attribute::ChangeRate), QStringLiteral("high"));
}

QTEST_GUILESS_MAIN(TestInventoryModels)
#include "tst_inventorymodels.moc"
