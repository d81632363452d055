#include "reportpathmodel.h"

namespace landfall {

ReportPathModel::ReportPathModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportPathModel::setCounts(const QList<PathCount> &counts)
{
    beginResetModel();
    m_counts = counts;
    endResetModel();
}

int ReportPathModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int ReportPathModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportPathModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PathCount &count = m_counts.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (index.column() == Label)
            return count.label;
        return count.vms;
    }
    if (role == Qt::UserRole)
        return count.key;
    return {};
}

QVariant ReportPathModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Label ? tr("Migration path") : tr("VMs");
}

} // namespace landfall
