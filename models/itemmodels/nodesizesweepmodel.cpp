#include "nodesizesweepmodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace landfall {

NodeSizeSweepModel::NodeSizeSweepModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void NodeSizeSweepModel::compute(const Scenario &scenario, const QList<Workload> &workloads)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    auto *watcher = new QFutureWatcher<QList<NodeSizePoint>>(this);
    connect(watcher, &QFutureWatcher<QList<NodeSizePoint>>::finished, this, [this, watcher, generation, scenario]() {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer sweep is on its way
        // Every size is kept: one that cannot hold the largest workload is shown with the reason.
        QList<NodeSizePoint> points = watcher->result();
        // The line runs from small nodes to large ones.
        std::stable_sort(points.begin(), points.end(), [](const NodeSizePoint &a, const NodeSizePoint &b) {
            return a.size.vcpu != b.size.vcpu ? a.size.vcpu < b.size.vcpu : a.size.memoryGiB < b.size.memoryGiB;
        });
        beginResetModel();
        m_points = points;
        m_scenario = scenario.name;
        m_current = {scenario.node.vcpu, scenario.node.memoryGiB};
        m_running = false;
        endResetModel();
        Q_EMIT computed();
    });
    watcher->setFuture(QtConcurrent::run([scenario, workloads]() { return NodeSizeSweep::run(scenario, workloads); }));
}

int NodeSizeSweepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_points.size());
}

int NodeSizeSweepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeSizeSweepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeSizePoint &p = m_points[index.row()];
    if (role == Qt::ToolTipRole && !p.feasible)
        return p.error;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Size:
        return tr("%1 vCPU, %2 GiB").arg(p.size.vcpu).arg(p.size.memoryGiB);
    case NodeVcpu:
        return p.size.vcpu;
    case NodeMemoryGiB:
        return p.size.memoryGiB;
    case Nodes: // no count for a size that does not fit: unknown, not 0
        return p.feasible ? QVariant(p.nodes) : QVariant();
    case LowerBound:
        return p.lowerBound;
    case VcpuBought:
        return p.vcpuBought;
    case MemoryGiBBought:
        return p.memoryGiBBought;
    case Best:
        return p.best ? tr("cheapest") : QString();
    case Feasible:
        return p.feasible;
    case Current:
        return p.size == m_current;
    case Reason:
        return p.feasible ? QString() : p.error;
    default:
        return {};
    }
}

QVariant NodeSizeSweepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Size:
        return tr("Node size");
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
    case MemoryGiBBought:
        return tr("Memory bought (GiB)");
    case Best:
        return tr("Best");
    case Feasible:
        return tr("Fits");
    case Current:
        return tr("Current");
    case Reason:
        return tr("Why it does not fit");
    default:
        return {};
    }
}

} // namespace landfall
