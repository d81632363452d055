#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Nodes needed against node size (and the lower bound, dashed), fed through QVXYModelMappers
    by a model with one row per node size (ReportSweepModel, or the dashboard's
    NodeSizeSweepModel with its own columns); the x axis is logarithmic because node sizes double. */
class NodeSizeSweepChart {
public:
    /** `lowerBoundColumn` -1: no lower-bound line. */
    static QChart *create(QAbstractItemModel *model, int vcpuColumn = 0, int nodesColumn = 2, int lowerBoundColumn = 3);
};

} // namespace landfall
