#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** The donut of VMs per migration path, fed by a table model (ReportPathModel, or any with a
    label and a count column) through a QVPieModelMapper. */
class PathDonutChart {
public:
    /** A new chart (the caller owns it). A slice takes its path's colour from the label
        column's Qt::UserRole (a migrationPathKey()) where the model gives one. */
    static QChart *create(QAbstractItemModel *model, int labelColumn = 0, int valueColumn = 1);
};

} // namespace landfall
