#pragma once

class QAbstractItemModel;
class QChart;

namespace landfall {

/** Horizontal bars of VMs per operating system family and version, most common on top, fed
    through a QVBarModelMapper by a model with a label and a count column (OsCountModel). */
class OsBarChart {
public:
    static QChart *create(QAbstractItemModel *model, int labelColumn = 0, int valueColumn = 1);
};

} // namespace landfall
