#include "guifixture.h"

#include "mainwindow.h"
#include "overridedialog.h"
#include "planview.h"
#include "ruleseditor.h"
#include "workspaceviews.h"

#include "itemmodels/decisionfiltermodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/ruletablemodel.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

using namespace landfall;

/** The plan and rules tools (issue 18, item 5): a bulk override of a selection as one undo step,
    filters by rule and by confidence, per-rule hit counts, and what a rule change moved. */
class TestPlanTools : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void bulkOverrideOfTheSelectionIsOneUndoStep();
    void filtersByRuleAndByConfidence_data();
    void filtersByRuleAndByConfidence();
    void rulesEditorCountsTheVmsEachRuleDecides();
    void ruleChangeTellsWhichVmsMovedAndShowsThem();
    void planFilterHidingEveryRowSaysSoAndOffersToClear();

private:
    void selectPlanRows(int first, int last);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    DecisionTableModel *m_plan = nullptr;
    PlanView *m_planView = nullptr;
};

void TestPlanTools::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_plantools");
}

void TestPlanTools::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = testing::windowWithSampleProject(m_dir->filePath(QStringLiteral("plan.landfall")));
    QVERIFY(m_window);
    m_plan = m_window->workspace()->decisions();
    m_planView = m_window->workspace()->planView();
    QTRY_VERIFY(!m_plan->loading() && m_plan->rowCount() > 20);
}

void TestPlanTools::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestPlanTools::selectPlanRows(int first, int last)
{
    QItemSelectionModel *selection = m_planView->table()->selectionModel();
    selection->clearSelection();
    const QAbstractItemModel *shown = m_planView->table()->model();
    selection->setCurrentIndex(shown->index(first, 0), QItemSelectionModel::NoUpdate);
    selection->select(QItemSelection(shown->index(first, 0), shown->index(last, DecisionTableModel::ColumnCount - 1)),
                      QItemSelectionModel::ClearAndSelect);
}

void TestPlanTools::bulkOverrideOfTheSelectionIsOneUndoStep()
{
    constexpr int kCount = 6;
    selectPlanRows(3, 3 + kCount - 1);
    const QList<qint64> ids = m_planView->selectedVmIds();
    QCOMPARE(ids.size(), kCount);
    QHash<qint64, MigrationPath> before;
    for (qint64 id : ids)
        before.insert(id, m_plan->decision(m_plan->rowForId(id)).path);

    // Through the button, as the consultant would: one dialog for the whole selection.
    auto *button = m_planView->findChild<QPushButton *>(QStringLiteral("overrideButton"));
    QVERIFY(button->isEnabled());
    QVERIFY(button->text().contains(QString::number(kCount)));
    button->click();
    auto *dialog = m_planView->findChild<OverrideDialog *>(QStringLiteral("bulkOverrideDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("%1 VMs").arg(kCount)));
    dialog->setPath(MigrationPath::Retain);
    dialog->setNote(QStringLiteral("the data centre lease runs to 2029"));
    QUndoStack *undo = m_window->undoStack();
    const int steps = undo->count();
    dialog->accept();
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Override %1 VMs to Retain").arg(kCount));
    for (qint64 id : ids) {
        const Decision &decision = m_plan->decision(m_plan->rowForId(id));
        QCOMPARE(decision.path, MigrationPath::Retain);
        QVERIFY(decision.overridden);
        QCOMPARE(decision.overrideNote, QStringLiteral("the data centre lease runs to 2029"));
    }
    QCOMPARE(m_planView->selectedVmIds(), ids); // the selection stays for the next step

    undo->undo();
    for (qint64 id : ids) {
        QCOMPARE(m_plan->decision(m_plan->rowForId(id)).path, before.value(id));
        QVERIFY(!m_plan->manualOverride(id));
    }
    undo->redo();
    for (qint64 id : ids)
        QVERIFY(m_plan->manualOverride(id));

    // Clearing them is one step too.
    selectPlanRows(3, 3 + kCount - 1);
    auto *clear = m_planView->findChild<QPushButton *>(QStringLiteral("clearOverrideButton"));
    QVERIFY(clear->isEnabled());
    clear->click();
    QCOMPARE(undo->undoText(), QStringLiteral("Clear the override of %1 VMs").arg(kCount));
    for (qint64 id : ids)
        QVERIFY(!m_plan->manualOverride(id));
}

void TestPlanTools::filtersByRuleAndByConfidence_data()
{
    QTest::addColumn<bool>("byRule");
    QTest::addColumn<bool>("byConfidence");
    QTest::newRow("rule") << true << false;
    QTest::newRow("confidence") << false << true;
    QTest::newRow("both") << true << true;
}

void TestPlanTools::filtersByRuleAndByConfidence()
{
    QFETCH(bool, byRule);
    QFETCH(bool, byConfidence);
    // The rule that decides the most VMs, and the confidence it gives most.
    const QHash<QString, int> hits = m_plan->ruleHitCounts();
    QString rule;
    for (auto it = hits.cbegin(); it != hits.cend(); ++it) {
        if (rule.isEmpty() || it.value() > hits.value(rule))
            rule = it.key();
    }
    QVERIFY(hits.value(rule) > 1);
    Confidence confidence = Confidence::Low;
    for (int row = 0; row < m_plan->rowCount(); ++row) {
        if (DecisionTableModel::decidingRule(m_plan->decision(row)) == rule)
            confidence = m_plan->decision(row).confidence;
    }
    QComboBox *rules = m_planView->ruleFilter();
    QComboBox *confidences = m_planView->confidenceFilter();
    QTRY_VERIFY(rules->findData(rule) > 0);
    QVERIFY(rules->itemText(rules->findData(rule)).endsWith(QStringLiteral("(%1)").arg(hits.value(rule))));
    if (byRule)
        rules->setCurrentIndex(rules->findData(rule));
    if (byConfidence)
        confidences->setCurrentIndex(confidences->findData(int(confidence)));
    int expected = 0;
    for (int row = 0; row < m_plan->rowCount(); ++row) {
        const Decision &d = m_plan->decision(row);
        if ((!byRule || DecisionTableModel::decidingRule(d) == rule) && (!byConfidence || d.confidence == confidence))
            ++expected;
    }
    const QAbstractItemModel *shown = m_planView->table()->model();
    QVERIFY(expected > 0 && expected < m_plan->rowCount());
    QCOMPARE(shown->rowCount(), expected);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const Decision &d =
            m_plan->decision(m_plan->rowForId(shown->index(row, 0).data(DecisionTableModel::IdRole).toLongLong()));
        if (byRule)
            QCOMPARE(DecisionTableModel::decidingRule(d), rule);
        if (byConfidence)
            QCOMPARE(d.confidence, confidence);
    }
    m_planView->clearFilters();
    QCOMPARE(shown->rowCount(), m_plan->rowCount());
}

void TestPlanTools::rulesEditorCountsTheVmsEachRuleDecides()
{
    RuleTableModel *rules = m_window->workspace()->rules();
    QCOMPARE(rules->headerData(RuleTableModel::Hits, Qt::Horizontal).toString(), QStringLiteral("VMs"));
    const auto check = [&]() {
        const QHash<QString, int> hits = m_plan->ruleHitCounts();
        int counted = hits.value(QStringLiteral("override")) + hits.value(QStringLiteral("none"));
        for (int row = 0; row < rules->rowCount(); ++row) {
            int expected = 0;
            for (int planRow = 0; planRow < m_plan->rowCount(); ++planRow)
                expected += m_plan->decision(planRow).trace.value(0).ruleId == rules->rules().at(row).id ? 1 : 0;
            QCOMPARE(rules->hits(row), expected);
            QCOMPARE(rules->index(row, RuleTableModel::Hits).data().toString(), QLocale().toString(expected));
            counted += expected;
        }
        QCOMPARE(counted, m_plan->rowCount()); // every VM is decided by exactly one rule
    };
    QTRY_VERIFY(rules->hits(0) + rules->hits(1) + rules->hits(2) > 0 || m_plan->rowCount() == 0);
    check();
    int busiest = 0;
    for (int row = 1; row < rules->rowCount(); ++row) {
        if (rules->hits(row) > rules->hits(busiest))
            busiest = row;
    }
    QVERIFY(rules->hits(busiest) > 0);
    QCOMPARE(m_window->workspace()->rulesEditor()->setRuleEnabled(busiest, false), std::nullopt);
    QTRY_COMPARE(rules->hits(busiest), 0);
    check();
}

void TestPlanTools::ruleChangeTellsWhichVmsMovedAndShowsThem()
{
    RulesEditor *editor = m_window->workspace()->rulesEditor();
    RuleTableModel *rules = m_window->workspace()->rules();
    // A rule whose VMs another rule gives another path, once it is off.
    QHash<qint64, MigrationPath> before;
    int row = 0;
    for (; row < rules->rowCount(); ++row) {
        if (rules->hits(row) == 0)
            continue;
        before = m_plan->pathsByVm();
        QCOMPARE(editor->setRuleEnabled(row, false), std::nullopt);
        if (!editor->lastMoves().isEmpty())
            break;
        QVERIFY(editor->message()->text().contains(QLatin1String("No VM changed path")));
        m_window->undoStack()->undo();
    }
    QVERIFY2(row < rules->rowCount(), "no rule of the defaults moves a sample VM when disabled");
    // What moved, counted against the plan itself.
    QHash<std::pair<int, int>, QSet<qint64>> moved;
    int total = 0;
    for (int planRow = 0; planRow < m_plan->rowCount(); ++planRow) {
        const Decision &d = m_plan->decision(planRow);
        if (before.value(d.vmId) != d.path) {
            moved[{int(before.value(d.vmId)), int(d.path)}].insert(d.vmId);
            ++total;
        }
    }
    QCOMPARE(editor->lastMoves().size(), moved.size());
    for (const RulesEditor::PathMove &move : editor->lastMoves())
        QCOMPARE(QSet<qint64>(move.vmIds.cbegin(), move.vmIds.cend()), moved.value({int(move.from), int(move.to)}));
    const QString message = editor->message()->text();
    QVERIFY2(message.contains(QStringLiteral("%1 VMs moved").arg(total)) ||
                 (total == 1 && message.contains(QLatin1String("1 VM moved"))),
             qPrintable(message));
    const RulesEditor::PathMove &largest = editor->lastMoves().constFirst();
    QVERIFY2(message.contains(
                 QStringLiteral("%1 from %2 to %3")
                     .arg(largest.vmIds.size())
                     .arg(DecisionTableModel::pathText(largest.from), DecisionTableModel::pathText(largest.to))),
             qPrintable(message));

    // "Show the moved VMs": the plan, with exactly those.
    QPushButton *show = editor->showMovedButton();
    QVERIFY(!show->isHidden());
    show->click();
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("views"));
    QCOMPARE(tabs->currentWidget(), m_planView);
    const QAbstractItemModel *shown = m_planView->table()->model();
    QCOMPARE(shown->rowCount(), total);
    QSet<qint64> shownIds;
    for (int r = 0; r < shown->rowCount(); ++r)
        shownIds.insert(shown->index(r, 0).data(DecisionTableModel::IdRole).toLongLong());
    QSet<qint64> movedIds;
    for (const QSet<qint64> &ids : std::as_const(moved))
        movedIds.unite(ids);
    QCOMPARE(shownIds, movedIds);
    QVERIFY(!m_planView->filterNotice()->isHidden());
    QVERIFY(m_planView->filterNoticeText()->text().contains(QLatin1String("moved by the last rule change")));
    m_planView->findChild<QPushButton *>(QStringLiteral("planClearFilters"))->click();
    QCOMPARE(shown->rowCount(), m_plan->rowCount());
    QVERIFY(m_planView->filterNotice()->isHidden());
}

void TestPlanTools::planFilterHidingEveryRowSaysSoAndOffersToClear()
{
    auto *search = m_planView->findChild<QLineEdit *>(QStringLiteral("planSearch"));
    search->setText(QStringLiteral("no-such-vm-anywhere"));
    QCOMPARE(m_planView->table()->model()->rowCount(), 0);
    QVERIFY(!m_planView->filterNotice()->isHidden());
    QVERIFY(m_planView->filterNoticeText()->text().contains(
        QStringLiteral("all %1 VMs are hidden").arg(m_plan->rowCount())));
    m_planView->findChild<QPushButton *>(QStringLiteral("planClearFilters"))->click();
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_planView->table()->model()->rowCount(), m_plan->rowCount());
    QVERIFY(m_planView->filterNotice()->isHidden());
}

QTEST_MAIN(TestPlanTools)
#include "tst_plantools.moc"
