#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Resources before (as VMs) and after (as containers) per resource, each normalised to its
    "before" as 100 %, so vCPU, GiB and licences never share one linear axis; each resource's
    figures, in their own units (GiB, TiB, PiB), are in its label. Reads ResourceComparisonModel:
    Qt::UserRole of the label column is "GiB" for sizes, Qt::ToolTipRole the full name. */
class ResourcesBeforeAfterChart {
public:
    static QChart *create(QAbstractItemModel *model, int labelColumn = 0, int beforeColumn = 1, int afterColumn = 2);
};

} // namespace landfall
