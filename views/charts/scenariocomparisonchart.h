#pragma once

#include <QString>

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Grouped bars per scenario, before against after, fed through a QVBarModelMapper by a model with
    one row per scenario: the dashboard's ScenarioComparisonModel (VM hosts and container nodes in
    columns 1 and 2), or the report's ReportScenarioModel (the physical cores of each side). */
class ScenarioComparisonChart {
public:
    /** Each column from `firstBarColumn` to `lastBarColumn` is one bar set, named by its header. */
    static QChart *create(QAbstractItemModel *model, int nameColumn = 0, int firstBarColumn = 1, int lastBarColumn = 2,
                          const QString &valueTitle = {});
};

} // namespace landfall
