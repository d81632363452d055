#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Resources before (as VMs) and after (as containers) as grouped bars per resource, fed
    through a QVBarModelMapper by ResourceComparisonModel. Every bar carries its figure: vCPU,
    GiB and licences share one axis, so a short bar is still read by its number. */
class ResourcesBeforeAfterChart {
public:
    static QChart *create(QAbstractItemModel *model, int labelColumn = 0, int beforeColumn = 1, int afterColumn = 2);
};

} // namespace landfall
