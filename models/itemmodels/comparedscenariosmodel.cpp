#include "comparedscenariosmodel.h"

namespace landfall {

ComparedScenariosModel::ComparedScenariosModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

bool ComparedScenariosModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex name = sourceModel()->index(sourceRow, 0, sourceParent);
    return name.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
}

} // namespace landfall
