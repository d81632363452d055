#include "workspaceviews.h"

#include "businesscaseview.h"
#include "inventoryview.h"
#include "mainwindow.h"
#include "planview.h"
#include "ruleseditor.h"
#include "scenarioview.h"

#include "charts/dashboardview.h"
#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/nodesizesweepmodel.h"
#include "itemmodels/oscountmodel.h"
#include "itemmodels/planpathcountmodel.h"
#include "itemmodels/resourcecomparisonmodel.h"
#include "itemmodels/ruletablemodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "store/projectstore.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace landfall {

namespace {

/** Above this many VMs changed at once (a bulk edit), the whole plan is re-classified instead. */
constexpr int kReclassifyOneByOneLimit = 2000;

} // namespace

WorkspaceViews::WorkspaceViews(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_decisions(new DecisionTableModel(this))
    , m_rules(new RuleTableModel(this))
    , m_pathCounts(new PlanPathCountModel(m_decisions, this))
    , m_osCounts(new OsCountModel(window->inventoryModel(), this))
    , m_scenarios(new ScenarioComparisonModel(this))
    , m_resources(new ResourceComparisonModel(this))
    , m_sweep(new NodeSizeSweepModel(this))
    , m_planView(new PlanView(m_decisions, window->undoStack()))
    , m_rulesEditor(new RulesEditor(m_rules, window->undoStack()))
    , m_scenarioView(new ScenarioView(m_scenarios, window->undoStack()))
    , m_dashboard(new DashboardView(m_pathCounts, m_osCounts, m_scenarioView->comparedModel(), m_resources, m_sweep))
    , m_businessCase(new BusinessCaseView(m_decisions, m_scenarios, window->undoStack()))
    , m_pathsLabel(new QLabel(window))
    , m_repackTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("workspaceViews"));
    window->addView(m_planView, tr("&Plan"), QKeySequence(Qt::CTRL | Qt::Key_2));
    window->addView(m_rulesEditor, tr("&Rules"), QKeySequence(Qt::CTRL | Qt::Key_3));
    window->addView(m_scenarioView, tr("&Scenarios"), QKeySequence(Qt::CTRL | Qt::Key_4));
    window->addView(m_dashboard, tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_5));
    window->addView(m_businessCase, tr("&Business case"), QKeySequence(Qt::CTRL | Qt::Key_6));

    m_pathsLabel->setObjectName(QStringLiteral("pathCountsLabel"));
    m_pathsLabel->setAccessibleName(tr("Plan counts"));
    m_pathsLabel->setContentsMargins(8, 0, 8, 0);
    window->statusBar()->addPermanentWidget(m_pathsLabel);

    window->inventoryView()->setPlan(m_decisions);
    m_rulesEditor->setPlan(m_decisions);
    // "Show the moved VMs": the plan, filtered to them.
    connect(m_rulesEditor, &RulesEditor::showVmsRequested, this,
            [this, window](const QList<qint64> &vmIds, const QString &description) {
                m_planView->showOnlyVms(vmIds, description);
                if (const auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("views")))
                    window->showView(tabs->indexOf(m_planView));
            });
    connect(window, &MainWindow::projectOpened, this, &WorkspaceViews::setStore);
    connect(window, &MainWindow::inventoryReloaded, m_decisions, &DecisionTableModel::reload);
    connect(window, &MainWindow::workshopModeChanged, this, &WorkspaceViews::setWorkshopMode);
    connect(window->inventoryModel(), &InventoryTableModel::answersChanged, this, &WorkspaceViews::onAnswersChanged);
    connect(m_rules, &RuleTableModel::rulesChanged, m_decisions, &DecisionTableModel::reload);
    connect(m_pathCounts, &QAbstractItemModel::dataChanged, this, &WorkspaceViews::updateStatus);
    connect(m_decisions, &DecisionTableModel::loadingChanged, this, &WorkspaceViews::updateStatus);

    // A burst of edits (a bulk edit, spin box arrows held down) re-packs once.
    m_repackTimer->setSingleShot(true);
    m_repackTimer->setInterval(150);
    connect(m_repackTimer, &QTimer::timeout, this, &WorkspaceViews::repackNow);
    connect(m_decisions, &DecisionTableModel::decisionsChanged, m_repackTimer, qOverload<>(&QTimer::start));
    connect(m_scenarios, &ScenarioComparisonModel::resultChanged, this, [this](int row) {
        if (row == m_detailRow)
            showDetail(row);
    });
    m_dashboard->setScenarioList(m_scenarios, ScenarioComparisonModel::Name);
    // The dashboard's picker and the Scenarios page's list select the same scenario.
    connect(m_dashboard, &DashboardView::scenarioPicked, m_scenarioView, &ScenarioView::selectRow);
    connect(window, &MainWindow::presenterModeChanged, this,
            [this](bool on) { m_dashboard->setPresenterMode(on, m_window->presenterFontScale()); });
    connect(m_scenarioView, &ScenarioView::currentScenarioChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_dashboard->setPickedScenario(row);
        m_detailRow = row;
        m_sweep->compute(m_scenarios->scenario(row), m_scenarios->workloads());
        showDetail(row);
    });
    setWorkshopMode(window->isWorkshopMode());
    updateStatus();
}

void WorkspaceViews::setStore(ProjectStore *store)
{
    m_repackTimer->stop();
    m_planView->resetForNewProject();
    m_rulesEditor->resetForNewProject();
    m_decisions->setStoreInBackground(store); // the inventory paints first
    m_rules->setStore(store);
    // The hosts alone (a few hundred rows) keep the GUI thread free; vHost's `# vCPUs` gives the shares.
    m_scenarios->setEstate(store ? Estate{store->hosts(), {}} : Estate{});
    m_scenarios->setWorkloads(m_decisions->containerWorkloads());
    m_scenarioView->setStore(store);
    m_businessCase->setStore(store);
    updateStatus();
}

void WorkspaceViews::repackNow()
{
    m_repackTimer->stop();
    m_scenarios->setWorkloads(m_decisions->containerWorkloads());
    if (m_detailRow >= 0 && m_detailRow < m_scenarios->rowCount())
        m_sweep->compute(m_scenarios->scenario(m_detailRow), m_scenarios->workloads());
}

void WorkspaceViews::onAnswersChanged(const QList<qint64> &vmIds)
{
    // One edit of many VMs (a bulk edit) re-classifies them together: one write to the project.
    if (vmIds.size() > kReclassifyOneByOneLimit)
        m_decisions->reload();
    else
        m_decisions->reclassifyVms(vmIds);
}

void WorkspaceViews::showDetail(int scenarioRow)
{
    if (scenarioRow < 0 || scenarioRow >= m_scenarios->rowCount())
        return;
    const QString name = m_scenarios->scenario(scenarioRow).name;
    m_resources->setResult(name, m_scenarios->workloads(), m_scenarios->result(scenarioRow));
    m_dashboard->setDetailScenario(name, m_resources->warning());
}

void WorkspaceViews::setWorkshopMode(bool on)
{
    m_dashboard->setWorkshopMode(on);
}

void WorkspaceViews::updateStatus()
{
    if (m_decisions->loading()) {
        m_pathsLabel->setText(tr("Classifying the plan…"));
        return;
    }
    if (!m_decisions->store() || m_decisions->rowCount() == 0) {
        m_pathsLabel->clear();
        return;
    }
    const QLocale locale;
    QStringList parts;
    for (int row = 0; row < PlanPathCountModel::kPathCount; ++row) {
        const MigrationPath path = PlanPathCountModel::pathAt(row);
        if (const int count = m_pathCounts->count(path))
            parts.append(tr("%1 %2").arg(locale.toString(count), DecisionTableModel::pathText(path).toLower()));
    }
    m_pathsLabel->setText(parts.join(QStringLiteral("  ·  ")));
}

} // namespace landfall
