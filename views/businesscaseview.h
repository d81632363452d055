#pragma once

#include "cost/businesscase.h"
#include "cost/pricebook.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace landfall {

class CostByPathModel;
class CostTimelineModel;
class DecisionTableModel;
class LiveChartView;
class PriceBookEditor;
class ProjectStore;
class ScenarioComparisonModel;
class VmCostTableModel;

/** The business case: what the estate costs a month today against after the move, stacked by
    path; the cumulative cost over the years with the payback month; every VM's size and cost;
    the assumptions in sentences; and the price book it is all priced from, editable. It follows
    the plan and the scenarios' density results, and prices them off the GUI thread. */
class BusinessCaseView : public QWidget {
    Q_OBJECT
public:
    BusinessCaseView(DecisionTableModel *plan, ScenarioComparisonModel *scenarios, QUndoStack *undoStack,
                     QWidget *parent = nullptr);
    ~BusinessCaseView() override;

    void setStore(ProjectStore *store);
    /** Prices the plan again now, instead of after the pause that lets a burst of edits settle. */
    void recompute();
    /** Prices the plan again after a pause: the waves it ramps with, or something else it follows, changed. */
    void schedule();
    /** Writes `json` as the project's price book (empty: the built-in one); the undo command's step. */
    bool storePriceBook(const QString &json);

    const std::optional<BusinessCase> &businessCase() const { return m_case; }
    const PriceBook &priceBook() const { return m_book; }
    /** True while a change waits to be priced or is being priced. */
    bool isBusy() const;
    QComboBox *scenarioBox() const { return m_scenarioBox; }
    QSpinBox *yearsBox() const { return m_years; }
    QLabel *headline() const { return m_headline; }
    QLabel *basisBanner() const { return m_banner; }
    PriceBookEditor *priceBookEditor() const { return m_editor; }
    QTableView *vmTable() const { return m_vmTable; }
    VmCostTableModel *vmModel() const { return m_vms; }
    QList<LiveChartView *> charts() const;
    QTabWidget *pages() const { return m_pages; }

Q_SIGNALS:
    /** A new business case arrived (or could not be made: businessCase() is then empty). */
    void businessCaseChanged();

private:
    /** One scenario of the comparison priced: its monthly cost today and after the move. */
    struct ScenarioCost {
        QString scenario;
        bool priced = false;
        double today = 0;
        double after = 0;
    };
    struct Outcome {
        std::optional<BusinessCase> businessCase;
        QList<ScenarioCost> scenarios; ///< every scenario of the comparison, for its monthly cost
        QString error;
        quint64 generation = 0;
    };
    void refreshScenarios();
    void onComputed();
    void display(const BusinessCase &bc);
    void chooseBook(const PriceBook &book);

    DecisionTableModel *m_plan;
    ScenarioComparisonModel *m_scenarios;
    QUndoStack *m_undoStack;
    ProjectStore *m_store = nullptr;
    CostByPathModel *m_byPath;
    CostTimelineModel *m_timeline;
    VmCostTableModel *m_vms;
    QComboBox *m_scenarioBox;
    QSpinBox *m_years;
    QLabel *m_headline;
    QLabel *m_banner;
    QLabel *m_assumptions;
    LiveChartView *m_monthlyChart;
    LiveChartView *m_yearsChart;
    QTableView *m_vmTable;
    PriceBookEditor *m_editor;
    QTabWidget *m_pages;
    QTimer *m_timer;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0;
    bool m_sortedOnce = false; ///< the table starts sorted by cost, once
    bool m_again = false;      ///< something changed while a computation ran
    std::optional<BusinessCase> m_case;
    PriceBook m_book;
};

} // namespace landfall
