#include "resourcecomparisonmodel.h"

namespace landfall {

ResourceComparisonModel::ResourceComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ResourceComparisonModel::setResult(const QString &scenario, const QList<Workload> &workloads,
                                        const std::optional<DensityResult> &result)
{
    m_scenario = scenario;
    std::array<std::array<double, 2>, RowCount> values{};
    m_warning.clear();
    if (result) {
        // Capacity bought on both sides, as the engine counts it: never a difference of demand.
        values[PhysicalCores] = {result->before.physicalCores, result->after.physicalCores};
        values[Vcpu] = {result->before.vcpu, result->after.vcpu};
        values[MemoryGiB] = {result->before.memoryGiB, result->after.memoryGiB};
        values[DiskGiB] = {result->before.diskGiB, result->after.diskGiB};
        values[LicencesStandard] = {double(result->licencesBefore.standard), double(result->licencesAfter.standard)};
        values[LicencesDatacenter] = {double(result->licencesBefore.datacenter),
                                      double(result->licencesAfter.datacenter)};
        QStringList warnings;
        if (result->allFellBackToProvisioned() && result->basis.sizing == QLatin1String("performance"))
            warnings.append(tr("No workload has utilisation data: every one is sized as provisioned, not by its use."));
        if (const QString disk = diskLimitNote(*result); !disk.isEmpty())
            warnings.append(disk);
        m_warning = warnings.join(u' ');
    }
    Q_UNUSED(workloads)
    m_values = values;
    Q_EMIT dataChanged(index(0, Before), index(RowCount - 1, After));
    Q_EMIT headerDataChanged(Qt::Horizontal, Before, After);
}

QString ResourceComparisonModel::diskLimitNote(const DensityResult &result)
{
    // The node-size sweep then reads the same count at every size, and the dashboard says why.
    const DensityResult::DiskBoundNodes disk = result.diskBoundNodes();
    if (!disk.most())
        return {};
    return tr("Node disk is what fills first on %1 of the %2 workload nodes (the system pool aside): larger node sizes "
              "need as many nodes.")
        .arg(disk.diskLimited)
        .arg(disk.nodes);
}

double ResourceComparisonModel::value(int row, int column) const
{
    return m_values[row][column - Before];
}

int ResourceComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

int ResourceComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResourceComparisonModel::resourceName(int row)
{
    switch (row) {
    case PhysicalCores:
        return tr("Cores");
    case Vcpu:
        return tr("vCPU");
    case MemoryGiB:
        return tr("Memory");
    case DiskGiB:
        return tr("Disk");
    case LicencesStandard:
        return tr("Lic. Std");
    case LicencesDatacenter:
        return tr("Lic. DC");
    default:
        return {};
    }
}

QString ResourceComparisonModel::resourceDescription(int row)
{
    switch (row) {
    case PhysicalCores:
        return tr("Physical cores");
    case Vcpu:
        return tr("vCPU");
    case MemoryGiB:
        return tr("Memory");
    case DiskGiB:
        return tr("Disk (persistent volumes included after)");
    case LicencesStandard:
        return tr("Windows Server Standard core licences");
    case LicencesDatacenter:
        return tr("Windows Server Datacenter core licences");
    default:
        return {};
    }
}

QVariant ResourceComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == Resource && role == Qt::UserRole)
        return index.row() == MemoryGiB || index.row() == DiskGiB ? QStringLiteral("GiB") : QString();
    if (index.column() == Resource && role == Qt::ToolTipRole)
        return resourceDescription(index.row());
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (index.column() == Resource)
        return resourceName(index.row());
    // Whole units: a projector shows "1,204 vCPU", not "1203.7".
    return std::round(value(index.row(), index.column()));
}

QVariant ResourceComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return resourceName(section);
    switch (section) {
    case Resource:
        return tr("Resource");
    case Before:
        return tr("Bought as VMs");
    case After:
        return tr("Bought as containers");
    default:
        return {};
    }
}

} // namespace landfall
