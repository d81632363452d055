#pragma once

#include <QObject>

class QLabel;
class QTimer;

namespace landfall {

class BusinessCaseView;
class DashboardView;
class DecisionTableModel;
class MainWindow;
class NodeSizeSweepModel;
class OsCountModel;
class PlanPathCountModel;
class PlanView;
class ProjectStore;
class ResourceComparisonModel;
class RuleTableModel;
class RulesEditor;
class ScenarioComparisonModel;
class ScenarioView;

/** The plan, rules, scenarios and dashboard pages of the main window, with the item models they
    share, and the wiring that keeps them live: an edited VM is re-classified on its own, a rule
    change re-classifies the plan, and the density scenarios re-pack in the background. */
class WorkspaceViews : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceViews(MainWindow *window);

    DecisionTableModel *decisions() const { return m_decisions; }
    RuleTableModel *rules() const { return m_rules; }
    PlanPathCountModel *pathCounts() const { return m_pathCounts; }
    OsCountModel *osCounts() const { return m_osCounts; }
    ScenarioComparisonModel *scenarios() const { return m_scenarios; }
    ResourceComparisonModel *resources() const { return m_resources; }
    NodeSizeSweepModel *sweep() const { return m_sweep; }

    PlanView *planView() const { return m_planView; }
    RulesEditor *rulesEditor() const { return m_rulesEditor; }
    ScenarioView *scenarioView() const { return m_scenarioView; }
    DashboardView *dashboard() const { return m_dashboard; }
    BusinessCaseView *businessCase() const { return m_businessCase; }

    void setWorkshopMode(bool on);
    /** Hands the current decisions to the density engine now, rather than after the pause that
        lets a burst of edits re-pack once. */
    void repackNow();

private:
    void setStore(ProjectStore *store);
    void onAnswersChanged(const QList<qint64> &vmIds);
    void showDetail(int scenarioRow);
    void updateStatus();

    MainWindow *m_window;
    DecisionTableModel *m_decisions;
    RuleTableModel *m_rules;
    PlanPathCountModel *m_pathCounts;
    OsCountModel *m_osCounts;
    ScenarioComparisonModel *m_scenarios;
    ResourceComparisonModel *m_resources;
    NodeSizeSweepModel *m_sweep;
    PlanView *m_planView;
    RulesEditor *m_rulesEditor;
    ScenarioView *m_scenarioView;
    DashboardView *m_dashboard;
    BusinessCaseView *m_businessCase;
    QLabel *m_pathsLabel;
    QTimer *m_repackTimer;
    int m_detailRow = 0;
};

} // namespace landfall
