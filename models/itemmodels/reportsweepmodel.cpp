#include "reportsweepmodel.h"

#include <algorithm>

namespace landfall {

ReportSweepModel::ReportSweepModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportSweepModel::setPoints(const QList<NodeSizePoint> &points)
{
    beginResetModel();
    m_points.clear();
    for (const NodeSizePoint &point : points) {
        if (point.feasible)
            m_points.append(point);
    }
    // A line is drawn in the order of its points: by size, whatever order the scenario lists them in.
    std::stable_sort(m_points.begin(), m_points.end(), [](const NodeSizePoint &a, const NodeSizePoint &b) {
        return a.size.vcpu != b.size.vcpu ? a.size.vcpu < b.size.vcpu : a.size.memoryGiB < b.size.memoryGiB;
    });
    endResetModel();
}

int ReportSweepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_points.size());
}

int ReportSweepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportSweepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const NodeSizePoint &point = m_points.at(index.row());
    switch (index.column()) {
    case NodeVcpu:
        return point.size.vcpu;
    case NodeMemoryGiB:
        return point.size.memoryGiB;
    case Nodes:
        return point.nodes;
    case LowerBound:
        return point.lowerBound;
    case VcpuBought:
        return point.vcpuBought;
    default:
        return {};
    }
}

QVariant ReportSweepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NodeVcpu:
        return tr("Node vCPU");
    case NodeMemoryGiB:
        return tr("Node memory (GiB)");
    case Nodes:
        return tr("Nodes");
    case LowerBound:
        return tr("Lower bound");
    case VcpuBought:
        return tr("vCPU bought");
    default:
        return {};
    }
}

} // namespace landfall
