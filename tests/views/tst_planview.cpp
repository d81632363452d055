#include "guifixture.h"

#include "overridedialog.h"
#include "planview.h"
#include "ruleseditor.h"
#include "workspaceviews.h"

#include "itemmodels/decisionfiltermodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/planpathcountmodel.h"
#include "itemmodels/ruletablemodel.h"
#include "itemmodels/setworkshopanswercommand.h"
#include "store/projectstore.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>

using namespace landfall;

/** The plan view and the rules editor driven as a consultant would: select, override, undo,
    change a rule and watch the plan follow. */
class TestPlanView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void planShowsEveryVmWithItsTrace();
    void overrideThroughTheDialogThenUndo();
    void ruleChangeReclassifies();
    void refusedRuleShowsWhy();
    void editingAVmReclassifiesIt();
    void pathFilter();

private:
    int rowOf(const QString &name) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    WorkspaceViews *m_workspace = nullptr;
};

void TestPlanView::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_planview");
}

void TestPlanView::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = testing::windowWithSampleProject(m_dir->filePath(QStringLiteral("plan.landfall")));
    QVERIFY(m_window);
    m_workspace = m_window->workspace();
    QVERIFY(m_workspace);
}

void TestPlanView::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

int TestPlanView::rowOf(const QString &name) const
{
    const DecisionTableModel *model = m_workspace->decisions();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->vm(row).name == name)
            return row;
    }
    return -1;
}

void TestPlanView::planShowsEveryVmWithItsTrace()
{
    DecisionTableModel *model = m_workspace->decisions();
    QCOMPARE(model->rowCount(), 39);
    // The plan is stored with the project, for the CLI and the report.
    QCOMPARE(m_window->store()->decisions().size(), 39);
    PlanView *view = m_workspace->planView();
    QCOMPARE(view->table()->model()->rowCount(), 39);
    view->table()->setCurrentIndex(view->table()->model()->index(3, 0));
    const std::optional<qint64> id = view->currentVmId();
    QVERIFY(id);
    const Decision &decision = model->decision(model->rowForId(*id));
    QVERIFY(!decision.trace.isEmpty());
    const QString detail = view->detail()->toPlainText();
    QVERIFY(detail.contains(model->vm(model->rowForId(*id)).name));
    QVERIFY(detail.contains(tr("Rule trace")));
    QVERIFY(detail.contains(decision.trace.constFirst().ruleId));
    QVERIFY(detail.contains(decision.reason.left(30)));
    // The status bar counts the plan.
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("pathCountsLabel"))->text().isEmpty());
}

void TestPlanView::overrideThroughTheDialogThenUndo()
{
    DecisionTableModel *model = m_workspace->decisions();
    PlanView *view = m_workspace->planView();
    m_window->showView(1);
    view->selectVm(model->decision(0).vmId);
    const qint64 id = *view->currentVmId();
    const int row = model->rowForId(id);
    const MigrationPath before = model->decision(row).path;
    const MigrationPath after = before == MigrationPath::Retain ? MigrationPath::Rehost : MigrationPath::Retain;
    const int countBefore = m_workspace->pathCounts()->count(after);

    auto *button = view->findChild<QPushButton *>(QStringLiteral("overrideButton"));
    QVERIFY(button && button->isEnabled());
    button->click();
    auto *dialog = view->findChild<OverrideDialog *>();
    QVERIFY(dialog);
    dialog->setPath(after);
    dialog->setNote(QStringLiteral("Stays on premises until the lease ends"));
    dialog->accept();

    QCOMPARE(model->decision(row).path, after);
    QVERIFY(model->decision(row).overridden);
    QCOMPARE(model->decision(row).overrideNote, QStringLiteral("Stays on premises until the lease ends"));
    QCOMPARE(m_workspace->pathCounts()->count(after), countBefore + 1);
    QVERIFY(view->detail()->toPlainText().contains(QStringLiteral("Stays on premises until the lease ends")));
    QCOMPARE(m_window->store()->overrides().size(), 1);
    QCOMPARE(m_window->undoStack()->count(), 1);
    QVERIFY(m_window->undoAction()->text().contains(tr("Override")));

    m_window->undoAction()->trigger();
    QCOMPARE(model->decision(row).path, before);
    QVERIFY(!model->decision(row).overridden);
    QVERIFY(m_window->store()->overrides().isEmpty());
    QCOMPARE(m_workspace->pathCounts()->count(after), countBefore);

    m_window->redoAction()->trigger();
    QCOMPARE(model->decision(row).path, after);
    QCOMPARE(m_window->store()->overrides().size(), 1);

    // Clearing is an undo step too.
    QVERIFY(view->clearCurrentOverride());
    QCOMPARE(model->decision(row).path, before);
    QVERIFY(m_window->store()->overrides().isEmpty());
    QCOMPARE(m_window->undoStack()->count(), 2);
}

void TestPlanView::ruleChangeReclassifies()
{
    RulesEditor *editor = m_workspace->rulesEditor();
    DecisionTableModel *model = m_workspace->decisions();
    const int rulesBefore = m_workspace->rules()->rowCount();
    const int retiredBefore = m_workspace->pathCounts()->count(MigrationPath::Retire);
    QVERIFY(retiredBefore < 39);
    QSignalSpy reclassified(model, &DecisionTableModel::decisionsChanged);

    // A rule that retires every VM, added and then moved to the top: first match wins.
    Rule everything;
    everything.id = QStringLiteral("retire-everything");
    everything.description = QStringLiteral("The customer leaves the data centre");
    everything.path = MigrationPath::Retire;
    everything.confidence = Confidence::High;
    everything.reason = QStringLiteral("Everything is retired.");
    QCOMPARE(editor->addRule(everything), std::nullopt);
    QCOMPARE(m_workspace->rules()->rowCount(), rulesBefore + 1);
    const int added = editor->currentRow();
    QCOMPARE(m_workspace->rules()->rules().at(added).id, everything.id);
    QVERIFY(!reclassified.isEmpty());
    QCOMPARE(editor->moveRule(added, 0), std::nullopt);
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), 39);
    QCOMPARE(model->decision(0).trace.constLast().ruleId, everything.id);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("pathCountsLabel"))->text().contains(QLatin1String("39")));
    // Saved with the project: the CLI and a reopened project see the same rules and plan.
    QVERIFY(m_window->store()->setting(QStringLiteral("advisor.rules")).contains(everything.id));
    QCOMPARE(m_window->store()->decisionCounts().value(QStringLiteral("retire")), 39);

    // Disabling it gives the plan back.
    QCOMPARE(editor->setRuleEnabled(0, false), std::nullopt);
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), retiredBefore);
    QVERIFY(editor->message()->text().contains(tr("re-classified")));

    // Each edit is one undo step.
    QCOMPARE(m_window->undoStack()->count(), 3);
    m_window->undoAction()->trigger(); // enable again
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), 39);
    m_window->undoAction()->trigger(); // move back down
    m_window->undoAction()->trigger(); // remove
    QCOMPARE(m_workspace->rules()->rowCount(), rulesBefore);
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), retiredBefore);

    // Reset to the defaults.
    QCOMPARE(editor->setRuleEnabled(0, false), std::nullopt);
    QCOMPARE(editor->resetToDefaults(), std::nullopt);
    QVERIFY(m_workspace->rules()->rules() == RuleSet::defaults());
}

void TestPlanView::refusedRuleShowsWhy()
{
    RulesEditor *editor = m_workspace->rulesEditor();
    Rule duplicate = m_workspace->rules()->rules().at(0);
    const std::optional<QString> refused = editor->addRule(duplicate);
    QVERIFY(refused);
    QVERIFY(editor->message()->text().contains(*refused));
    QCOMPARE(m_window->undoStack()->count(), 0);
    QVERIFY(editor->moveRule(0, 999).has_value());
    // Conditions in words are checked before they reach the rule set.
    QVERIFY(!RuleTableModel::parseConditions(QStringLiteral("role resembles web")));
    const auto parsed = RuleTableModel::parseConditions(QStringLiteral("role is web, app\nvcpu atMost 8"));
    QVERIFY(parsed);
    QCOMPARE(parsed.value().size(), 2);
    QCOMPARE(parsed.value().at(0).values, QStringList({QStringLiteral("web"), QStringLiteral("app")}));
    QCOMPARE(parsed.value().at(1).bound, QStringLiteral("8"));
}

void TestPlanView::editingAVmReclassifiesIt()
{
    DecisionTableModel *model = m_workspace->decisions();
    int row = 0;
    while (row < model->rowCount() && model->decision(row).path == MigrationPath::Retire)
        ++row;
    QVERIFY(row < model->rowCount());
    const qint64 id = model->decision(row).vmId;
    const int retiredBefore = m_workspace->pathCounts()->count(MigrationPath::Retire);
    // The consultant answers "decommission: yes" in the inventory; the plan follows at once.
    m_window->undoStack()->push(new SetWorkshopAnswerCommand(
        m_window->inventoryModel(), WorkshopAnswers::Attribute::Decommission, {id}, QStringLiteral("yes")));
    QCOMPARE(model->decision(model->rowForId(id)).path, MigrationPath::Retire);
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), retiredBefore + 1);
    m_window->undoAction()->trigger();
    QVERIFY(model->decision(model->rowForId(id)).path != MigrationPath::Retire);
    QCOMPARE(m_workspace->pathCounts()->count(MigrationPath::Retire), retiredBefore);
}

void TestPlanView::pathFilter()
{
    PlanView *view = m_workspace->planView();
    const int containerized = m_workspace->pathCounts()->count(MigrationPath::Containerize);
    QVERIFY(containerized > 0);
    QComboBox *paths = view->pathFilter();
    paths->setCurrentIndex(paths->findData(static_cast<int>(MigrationPath::Containerize)));
    QCOMPARE(view->table()->model()->rowCount(), containerized);
    paths->setCurrentIndex(0);
    QCOMPARE(view->table()->model()->rowCount(), 39);
}

QTEST_MAIN(TestPlanView)
#include "tst_planview.moc"
