#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Columns marking each size, -1 where the model has none: whether it fits (a size that does
    not is drawn on the axis with its reason in the legend), is the scenario's current size,
    is the best one; its label ("16 vCPU, 64 GiB") and why it does not fit. */
struct NodeSizeSweepMarks {
    int feasible = -1;
    int current = -1;
    int best = -1;
    int label = -1;
    int reason = -1;
};

/** Nodes needed against node size (and the lower bound, dashed), read from a model with one row per node size
   (ReportSweepModel, or the dashboard's NodeSizeSweepModel with its own columns); the x axis is logarithmic because
   node sizes double. */
class NodeSizeSweepChart {
public:
    using Marks = NodeSizeSweepMarks;
    /** `lowerBoundColumn` -1: no lower-bound line. */
    static QChart *create(QAbstractItemModel *model, int vcpuColumn = 0, int nodesColumn = 2, int lowerBoundColumn = 3,
                          const Marks &marks = {});
};

} // namespace landfall
