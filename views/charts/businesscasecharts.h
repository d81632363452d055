#pragma once

class QChart;

namespace landfall {

class CostByPathModel;
class CostTimelineModel;

/** Today against after the move, a month, as two bars stacked by migration path, fed by
    CostByPathModel through a QVBarModelMapper. */
class MonthlyCostChart {
public:
    static QChart *create(CostByPathModel *model);
};

/** The cumulative cost over the years, staying as today against moving, as two lines fed by
    CostTimelineModel through QVXYModelMappers, with the payback month marked where it falls. */
class CostOverYearsChart {
public:
    static QChart *create(CostTimelineModel *model);
};

} // namespace landfall
