#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QGridLayout;
class QLabel;

namespace landfall {

class LiveChartView;

/** The dashboard: the five charts of a workshop (paths, operating systems, hosts against nodes
    per scenario, resources before and after, the node-size sweep), each fed by an item model,
    each exported to PNG or SVG, all of them large enough for a projector in workshop mode. */
class DashboardView : public QWidget {
    Q_OBJECT
public:
    /** The models stay the caller's: path counts, OS counts, the compared scenarios, the
        resources before and after, and the node-size sweep. */
    DashboardView(QAbstractItemModel *paths, QAbstractItemModel *systems, QAbstractItemModel *scenarios,
                  QAbstractItemModel *resources, QAbstractItemModel *sweep, QWidget *parent = nullptr);

    LiveChartView *pathChart() const { return m_paths; }
    LiveChartView *osChart() const { return m_systems; }
    LiveChartView *scenarioChart() const { return m_scenarios; }
    LiveChartView *resourcesChart() const { return m_resources; }
    LiveChartView *sweepChart() const { return m_sweep; }
    QList<LiveChartView *> charts() const;

    void setWorkshopMode(bool on);
    /** Presenter mode: every chart fits the view without scrolling (three columns, two rows),
        with fonts `fontScale` times the desk's. Off, the workshop or desk layout returns. */
    void setPresenterMode(bool on, double fontScale);
    bool isPresenterMode() const { return m_presenter; }

    /** The scenario picker on the dashboard itself: lists the `nameColumn` of `scenarios`. */
    void setScenarioList(QAbstractItemModel *scenarios, int nameColumn);
    /** Shows `row` as picked, without emitting scenarioPicked(). */
    void setPickedScenario(int row);
    QComboBox *scenarioPicker() const { return m_picker; }

Q_SIGNALS:
    /** The user picked the scenario at `row` of the scenario list. */
    void scenarioPicked(int row);

public:
    /** Names the scenario the resources and the sweep are for. */
    void setDetailScenario(const QString &name, const QString &warning = {});

private:
    QWidget *panel(LiveChartView *chart, const QString &exportName);
    /** Places the panels: three columns on a desk, two larger ones (scrolling) on a projector. */
    void arrangePanels(bool workshop);
    void arrangeForPresenter();

    LiveChartView *m_paths;
    LiveChartView *m_systems;
    LiveChartView *m_scenarios;
    LiveChartView *m_resources;
    LiveChartView *m_sweep;
    QLabel *m_caption;
    QComboBox *m_picker;
    bool m_workshop = false;
    bool m_presenter = false;
    QGridLayout *m_grid;
    QList<QWidget *> m_panels; ///< paths, systems, scenarios, resources, sweep
};

} // namespace landfall
