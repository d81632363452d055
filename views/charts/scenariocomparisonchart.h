#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Grouped bars per scenario: VM hosts against container nodes, fed through a QVBarModelMapper
    by a model with one row per scenario (ReportScenarioModel, or the dashboard's
    ScenarioComparisonModel: both put the name, VM hosts and container nodes in columns 0 to 2). */
class ScenarioComparisonChart {
public:
    /** Each column from `firstBarColumn` to `lastBarColumn` is one bar set, named by its header. */
    static QChart *create(QAbstractItemModel *model, int nameColumn = 0, int firstBarColumn = 1, int lastBarColumn = 2);
};

} // namespace landfall
