#include "guifixture.h"

#include "frozencolumntable.h"
#include "inventoryview.h"
#include "mainwindow.h"
#include "planview.h"
#include "workspaceviews.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSet>
#include <QUndoStack>

using namespace landfall;

namespace {

using A = WorkshopAnswers::Attribute;

QString answerOf(InventoryView *view, int row, A attribute)
{
    return view->filterModel()
        ->index(row, InventoryTableModel::columnForAttribute(attribute))
        .data(InventoryTableModel::KeyRole)
        .toString();
}

/** Selects rows [first, last] of the shown inventory, the current cell in `column` of the first. */
void selectRows(InventoryView *view, int first, int last, int column)
{
    QItemSelectionModel *selection = view->table()->selectionModel();
    selection->clearSelection();
    for (int row = first; row <= last; ++row)
        selection->select(view->filterModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->setCurrentIndex(view->filterModel()->index(first, column), QItemSelectionModel::NoUpdate);
}

} // namespace

/** The inventory grid with the habits of Excel (issue 18, item 4): a frozen name column, a Path
    column, typing to edit, copy as tab-separated text, paste as one undo step, totals of the rows
    shown and a column chooser. */
class TestInventoryGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void nameColumnStaysFrozenWhileScrollingRight();
    void pathColumnShowsThePlan();
    void typingOnAnAnswerStartsEditingIt();
    void copyIsTabSeparatedWithTheColumnNames();
    void pasteOfAColumnIsOneUndoStep_data();
    void pasteOfAColumnIsOneUndoStep();
    void pasteOfABadValueIsRefusedAndChangesNothing();
    void copyThenPasteOfAnswersRoundTrips();
    void totalsAreThoseOfTheRowsShown();
    void columnChooserIsInTheViewMenu();
    void usedDiskNotGivenShowsAsUnknown();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestInventoryGrid::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_inventorygrid");
}

void TestInventoryGrid::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = testing::windowWithSampleProject(m_dir->filePath(QStringLiteral("grid.landfall")));
    QVERIFY(m_window);
    m_window->resize(1000, 600);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    DecisionTableModel *plan = m_window->workspace()->decisions();
    QTRY_VERIFY(!plan->loading() && plan->rowCount() == m_window->inventoryView()->filterModel()->rowCount());
}

void TestInventoryGrid::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestInventoryGrid::nameColumnStaysFrozenWhileScrollingRight()
{
    InventoryView *view = m_window->inventoryView();
    FrozenColumnTable *table = view->table();
    QTableView *frozen = table->frozenView();
    QVERIFY(frozen->isVisible());
    QCOMPARE(frozen->selectionModel(), table->selectionModel());
    QCOMPARE(frozen->width(), table->columnWidth(InventoryTableModel::Name));
    for (int column = 0; column < InventoryTableModel::ColumnCount; ++column)
        QCOMPARE(frozen->isColumnHidden(column), column != InventoryTableModel::Name);

    // Scrolled to the far right, the names are still where they were, row for row.
    QScrollBar *horizontal = table->horizontalScrollBar();
    QVERIFY2(horizontal->maximum() > 0, "the grid is expected to be wider than the window");
    const QPoint where(frozen->width() / 2, frozen->rowHeight(0) / 2);
    const QModelIndex before = frozen->indexAt(where);
    horizontal->setValue(horizontal->maximum());
    QCOMPARE(frozen->geometry().left(), table->frameWidth());
    QCOMPARE(frozen->indexAt(where), before);
    QCOMPARE(before.column(), int(InventoryTableModel::Name));
    // Underneath, the table has scrolled its name column away.
    QVERIFY(table->columnViewportPosition(InventoryTableModel::Name) < 0);

    // Scrolled down, the frozen names follow the rows.
    table->resize(table->width(), 200);
    QScrollBar *vertical = table->verticalScrollBar();
    QVERIFY(vertical->maximum() > 0);
    vertical->setValue(vertical->maximum());
    QCOMPARE(frozen->verticalScrollBar()->value(), vertical->value());
    QCOMPARE(frozen->rowAt(0), table->rowAt(0));

    // The name stays the first column, whatever is dragged before it; and it cannot be hidden.
    QHeaderView *header = table->horizontalHeader();
    header->moveSection(header->visualIndex(InventoryTableModel::Cluster), 0);
    QCOMPARE(header->visualIndex(InventoryTableModel::Name), 0);
    view->setColumnShown(InventoryTableModel::Name, false);
    QVERIFY(!table->isColumnHidden(InventoryTableModel::Name));

    // A project opened again (a model reset) keeps the frozen view to the one column.
    view->filterModel()->setSearchText(QStringLiteral("db"));
    for (int column = 0; column < InventoryTableModel::ColumnCount; ++column)
        QCOMPARE(frozen->isColumnHidden(column), column != InventoryTableModel::Name);
}

void TestInventoryGrid::pathColumnShowsThePlan()
{
    InventoryView *view = m_window->inventoryView();
    DecisionTableModel *plan = m_window->workspace()->decisions();
    QVERIFY(!view->table()->isColumnHidden(InventoryTableModel::Path));
    QCOMPARE(view->table()->horizontalHeader()->visualIndex(InventoryTableModel::Path), 1);
    InventoryFilterModel *shown = view->filterModel();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const qint64 id = shown->index(row, 0).data(InventoryTableModel::IdRole).toLongLong();
        const Decision &decision = plan->decision(plan->rowForId(id));
        QCOMPARE(shown->index(row, InventoryTableModel::Path).data().toString(),
                 DecisionTableModel::pathText(decision.path));
    }
    // An override in the plan shows in the inventory at once.
    const qint64 id = shown->index(0, 0).data(InventoryTableModel::IdRole).toLongLong();
    const MigrationPath other = plan->decision(plan->rowForId(id)).path == MigrationPath::Retire
                                    ? MigrationPath::Retain
                                    : MigrationPath::Retire;
    PlanView *planView = m_window->workspace()->planView();
    planView->selectVm(id);
    QVERIFY(planView->overrideCurrent(other, QStringLiteral("decided in the workshop")));
    QCOMPARE(shown->index(0, InventoryTableModel::Path).data().toString(), DecisionTableModel::pathText(other));
    // And it sorts by path, in the plan's order.
    view->table()->sortByColumn(InventoryTableModel::Path, Qt::AscendingOrder);
    for (int row = 1; row < shown->rowCount(); ++row) {
        const auto pathAt = [&](int r) {
            return migrationPathFromKey(
                shown->index(r, InventoryTableModel::Path).data(InventoryTableModel::KeyRole).toString());
        };
        QVERIFY(int(*pathAt(row - 1)) <= int(*pathAt(row)));
    }
}

void TestInventoryGrid::typingOnAnAnswerStartsEditingIt()
{
    InventoryView *view = m_window->inventoryView();
    FrozenColumnTable *table = view->table();
    const int column = InventoryTableModel::columnForAttribute(A::MustStayOnPrem);
    int row = 0;
    while (row < view->filterModel()->rowCount() && answerOf(view, row, A::MustStayOnPrem) == QLatin1String("yes"))
        ++row;
    QVERIFY(row < view->filterModel()->rowCount());
    table->setFocus();
    table->selectionModel()->setCurrentIndex(view->filterModel()->index(row, column),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int steps = m_window->undoStack()->count();
    QTest::keyClick(table, Qt::Key_Y); // the first letter of "yes", as a spreadsheet's list takes it
    QTRY_COMPARE(answerOf(view, row, A::MustStayOnPrem), QStringLiteral("yes"));
    QCOMPARE(m_window->undoStack()->count(), steps + 1);
    // The choice committed and closed the editor.
    QTRY_VERIFY(table->viewport()->findChildren<QComboBox *>().isEmpty());
}

void TestInventoryGrid::copyIsTabSeparatedWithTheColumnNames()
{
    InventoryView *view = m_window->inventoryView();
    FrozenColumnTable *table = view->table();
    selectRows(view, 2, 4, InventoryTableModel::Name);
    table->setFocus();
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QString text = QGuiApplication::clipboard()->text();
    QStringList lines = text.split(u'\n');
    QCOMPARE(lines.takeLast(), QString()); // it ends with a line break
    QCOMPARE(lines.size(), 4);
    const QList<int> columns = view->shownColumns();
    QStringList header;
    for (int column : columns)
        header.append(view->filterModel()->headerData(column, Qt::Horizontal).toString());
    QCOMPARE(lines[0], header.join(u'\t'));
    QVERIFY(lines[0].startsWith(QLatin1String("Name\tPath\t")));
    QVERIFY(!header.contains(QStringLiteral("IP address"))); // hidden columns are not copied
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(u'\t');
        QCOMPARE(cells.size(), columns.size());
        for (int j = 0; j < columns.size(); ++j)
            QCOMPARE(cells[j], view->filterModel()->index(i + 1, columns[j]).data().toString());
    }
}

void TestInventoryGrid::pasteOfAColumnIsOneUndoStep_data()
{
    QTest::addColumn<bool>("onePerVm");
    QTest::addColumn<bool>("withHeader");
    QTest::newRow("one value for the selection") << false << false;
    QTest::newRow("one value per VM") << true << false;
    QTest::newRow("one value per VM, under the column name") << true << true;
}

void TestInventoryGrid::pasteOfAColumnIsOneUndoStep()
{
    QFETCH(bool, onePerVm);
    QFETCH(bool, withHeader);
    InventoryView *view = m_window->inventoryView();
    const int column = InventoryTableModel::columnForAttribute(A::MustStayOnPrem);
    constexpr int kRows = 8;
    QStringList before;
    QStringList wanted;
    for (int row = 0; row < kRows; ++row) {
        before.append(answerOf(view, row, A::MustStayOnPrem));
        // Per VM: yes and no by turns, so that the paste gives different values.
        wanted.append(onePerVm && row % 2 ? QStringLiteral("no") : QStringLiteral("yes"));
    }
    QSet<QString> newValues;
    int changing = 0;
    for (int row = 0; row < kRows; ++row) {
        if (before[row] != wanted[row]) {
            ++changing;
            newValues.insert(wanted[row]);
        }
    }
    QVERIFY(changing > 1);
    QString text = withHeader ? QStringLiteral("Must stay on-prem\n") : QString();
    if (onePerVm) {
        for (const QString &value : std::as_const(wanted))
            text += value.toUpper() + QStringLiteral("\r\n"); // any case, Windows line breaks
    } else {
        text += QStringLiteral("Yes\n");
    }
    selectRows(view, 0, kRows - 1, column);
    QGuiApplication::clipboard()->setText(text);
    QUndoStack *undo = m_window->undoStack();
    const QString after = answerOf(view, kRows, A::MustStayOnPrem);
    const int steps = undo->count();
    view->table()->setFocus();
    QTest::keyClick(view->table(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(undo->count(), steps + 1);
    for (int row = 0; row < kRows; ++row)
        QCOMPARE(answerOf(view, row, A::MustStayOnPrem), wanted[row]);
    QCOMPARE(answerOf(view, kRows, A::MustStayOnPrem), after); // the VM below the selection is untouched
    if (newValues.size() > 1)
        QCOMPARE(undo->undoText(), QStringLiteral("Paste Must stay on premises on %1 VMs").arg(changing));
    else
        QCOMPARE(undo->undoText(),
                 QStringLiteral("Set Must stay on premises to %1 on %2 VMs").arg(*newValues.cbegin()).arg(changing));
    // One undo brings every VM back.
    undo->undo();
    for (int row = 0; row < kRows; ++row)
        QCOMPARE(answerOf(view, row, A::MustStayOnPrem), before[row]);
    undo->redo();
    for (int row = 0; row < kRows; ++row)
        QCOMPARE(answerOf(view, row, A::MustStayOnPrem), wanted[row]);
}

void TestInventoryGrid::pasteOfABadValueIsRefusedAndChangesNothing()
{
    InventoryView *view = m_window->inventoryView();
    const int column = InventoryTableModel::columnForAttribute(A::MustStayOnPrem);
    selectRows(view, 0, 2, column);
    QStringList before;
    for (int row = 0; row < 3; ++row)
        before.append(answerOf(view, row, A::MustStayOnPrem));
    const int steps = m_window->undoStack()->count();
    QVERIFY(!view->pasteText(QStringLiteral("yes\nperhaps\nno\n")));
    QCOMPARE(m_window->undoStack()->count(), steps);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(answerOf(view, row, A::MustStayOnPrem), before[row]);
    const QString message = view->message()->text();
    QVERIFY2(message.contains(QLatin1String("Line 2")) && message.contains(QLatin1String("\"perhaps\"")) &&
                 message.contains(QLatin1String("yes, no, unknown")),
             qPrintable(message));
    // Two lines for three VMs: which goes where is not guessed.
    QVERIFY(!view->pasteText(QStringLiteral("yes\nno\n")));
    QVERIFY(view->message()->text().contains(QLatin1String("2 lines of answers for 3 selected VMs")));
    // Onto a column that is not an answer.
    selectRows(view, 0, 2, InventoryTableModel::Vcpu);
    QVERIFY(!view->pasteText(QStringLiteral("4\n")));
    QVERIFY(view->message()->text().contains(QLatin1String("vCPU")));
    QCOMPARE(m_window->undoStack()->count(), steps);
}

void TestInventoryGrid::copyThenPasteOfAnswersRoundTrips()
{
    // Copy two answer columns of three VMs, paste them onto three others: one step, the same answers.
    InventoryView *view = m_window->inventoryView();
    for (int column = 0; column < InventoryTableModel::ColumnCount; ++column) {
        const bool keep = column == InventoryTableModel::Name ||
                          column == InventoryTableModel::columnForAttribute(A::Trust) ||
                          column == InventoryTableModel::columnForAttribute(A::ChangeRate);
        view->setColumnShown(column, keep);
    }
    QCOMPARE(view->shownColumns().size(), 3);
    selectRows(view, 0, 2, InventoryTableModel::Name);
    const QString copied = view->copySelection();
    // Without the names: the answers only, from the first answer column shown.
    QStringList lines = copied.split(u'\n');
    for (QString &line : lines)
        line = line.section(u'\t', 1);
    const int first = view->shownColumns().at(1);
    selectRows(view, 10, 12, first);
    const int steps = m_window->undoStack()->count();
    const bool changes = [&] {
        for (int i = 0; i < 3; ++i) {
            for (A attribute : {A::Trust, A::ChangeRate})
                if (answerOf(view, i, attribute) != answerOf(view, 10 + i, attribute))
                    return true;
        }
        return false;
    }();
    QCOMPARE(view->pasteText(lines.join(u'\n')), changes);
    QCOMPARE(m_window->undoStack()->count(), steps + (changes ? 1 : 0));
    for (int i = 0; i < 3; ++i) {
        for (A attribute : {A::Trust, A::ChangeRate})
            QCOMPARE(answerOf(view, 10 + i, attribute), answerOf(view, i, attribute));
    }
}

void TestInventoryGrid::totalsAreThoseOfTheRowsShown()
{
    InventoryView *view = m_window->inventoryView();
    const auto expected = [view]() {
        InventoryFilterModel *shown = view->filterModel();
        qint64 vcpu = 0;
        double memoryGiB = 0;
        for (int row = 0; row < shown->rowCount(); ++row) {
            vcpu += shown->index(row, InventoryTableModel::Vcpu).data(InventoryTableModel::KeyRole).toLongLong();
            memoryGiB +=
                shown->index(row, InventoryTableModel::MemoryGiB).data(InventoryTableModel::KeyRole).toDouble();
        }
        const QLocale locale;
        return std::tuple(QString(locale.toString(shown->rowCount()) + QStringLiteral(" VMs shown")),
                          QString(locale.toString(vcpu) + QStringLiteral(" vCPU")), memoryGiB);
    };
    const auto check = [&]() {
        const auto [vms, vcpu, memoryGiB] = expected();
        const QString text = view->totals()->text();
        QVERIFY2(text.startsWith(vms), qPrintable(text + QStringLiteral(" / ") + vms));
        QVERIFY2(text.contains(vcpu), qPrintable(text + QStringLiteral(" / ") + vcpu));
        const QString memory = memoryGiB >= 1024
                                   ? QLocale().toString(memoryGiB / 1024, 'f', 1) + QStringLiteral("\u00a0TiB")
                                   : QLocale().toString(memoryGiB, 'f', 1) + QStringLiteral("\u00a0GiB");
        QVERIFY2(text.contains(memory + QStringLiteral(" memory")), qPrintable(text + QStringLiteral(" / ") + memory));
    };
    QTRY_VERIFY(view->totals()->text().startsWith(QStringLiteral("%1 VMs").arg(view->filterModel()->rowCount())));
    check();
    const int all = view->filterModel()->rowCount();
    view->searchField()->setText(QStringLiteral("db"));
    QTest::keyClick(view->searchField(), Qt::Key_Return);
    QVERIFY(view->filterModel()->rowCount() < all && view->filterModel()->rowCount() > 0);
    QTRY_VERIFY(view->totals()->text().startsWith(QStringLiteral("%1 VMs").arg(view->filterModel()->rowCount())));
    check();
}

void TestInventoryGrid::columnChooserIsInTheViewMenu()
{
    InventoryView *view = m_window->inventoryView();
    QMenu *viewMenu = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->menu() && action->text() == QLatin1String("&View"))
            viewMenu = action->menu();
    }
    QVERIFY(viewMenu);
    auto *columns = viewMenu->findChild<QMenu *>(QStringLiteral("inventoryColumnsMenu"));
    QVERIFY(columns);
    QVERIFY(viewMenu->actions().contains(columns->menuAction()));
    Q_EMIT columns->aboutToShow();
    QCOMPARE(columns->actions().size(), int(InventoryTableModel::ColumnCount));
    const auto action = [columns](int column) {
        return columns->findChild<QAction *>(QStringLiteral("column-%1").arg(column));
    };
    QVERIFY(!action(InventoryTableModel::Name)->isEnabled());
    QVERIFY(view->table()->isColumnHidden(InventoryTableModel::IpAddress));
    QVERIFY(!action(InventoryTableModel::IpAddress)->isChecked());
    action(InventoryTableModel::IpAddress)->trigger();
    QVERIFY(!view->table()->isColumnHidden(InventoryTableModel::IpAddress));
    action(InventoryTableModel::Cluster)->trigger();
    QVERIFY(view->table()->isColumnHidden(InventoryTableModel::Cluster));
    Q_EMIT columns->aboutToShow(); // filled again as it opens: the states are current
    QVERIFY(action(InventoryTableModel::IpAddress)->isChecked());
    QVERIFY(!action(InventoryTableModel::Cluster)->isChecked());
}

QTEST_MAIN(TestInventoryGrid)
void TestInventoryGrid::usedDiskNotGivenShowsAsUnknown()
{
    // Azure Migrate's export has no used disk: its 25 VMs join the RVTools sample's 39, which have it.
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->importFiles({testing::sample("azure-migrate-sample.csv")}));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    InventoryView *view = m_window->inventoryView();
    InventoryFilterModel *shown = view->filterModel();
    QTRY_COMPARE(shown->rowCount(), 39 + 25);
    int unknown = 0;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex used = shown->index(row, InventoryTableModel::UsedGiB);
        const QString name = shown->index(row, InventoryTableModel::Name).data().toString();
        if (!name.endsWith(QLatin1String(".corp.example")))
            continue; // an RVTools VM
        ++unknown;
        QCOMPARE(used.data().toString(), QStringLiteral("unknown"));
        QVERIFY(!used.data(InventoryTableModel::KeyRole).isValid());
        QVERIFY(used.data(Qt::ForegroundRole).isValid()); // greyed
    }
    QCOMPARE(unknown, 25);
    QTRY_VERIFY2(view->totals()->text().contains(QStringLiteral(" used (unknown for 25 VMs)")),
                 qPrintable(view->totals()->text()));

    // Unknown sorts below every figure: first ascending, last descending.
    shown->sort(InventoryTableModel::UsedGiB, Qt::AscendingOrder);
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, InventoryTableModel::UsedGiB).data().toString() == QLatin1String("unknown"),
                 row < 25);
    shown->sort(InventoryTableModel::UsedGiB, Qt::DescendingOrder);
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, InventoryTableModel::UsedGiB).data().toString() == QLatin1String("unknown"),
                 row >= 39);
}

#include "tst_inventorygrid.moc"
