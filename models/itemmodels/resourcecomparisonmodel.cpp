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
    if (result) {
        // Before: what the VMs were given; after: that less what the engine says containers save.
        double vcpu = 0, memoryMiB = 0, diskGiB = 0;
        for (const Workload &w : workloads) {
            vcpu += w.vcpu;
            memoryMiB += w.memoryMiB;
            diskGiB += w.diskGiB;
        }
        values[Vcpu] = {vcpu, std::max(0.0, vcpu - result->savedVcpu)};
        values[MemoryGiB] = {memoryMiB / 1024.0, std::max(0.0, memoryMiB / 1024.0 - result->savedMemoryGiB)};
        values[DiskGiB] = {diskGiB, std::max(0.0, diskGiB - result->savedDiskGiB)};
        values[LicencesStandard] = {double(result->licencesBefore.standard), double(result->licencesAfter.standard)};
        values[LicencesDatacenter] = {double(result->licencesBefore.datacenter),
                                      double(result->licencesAfter.datacenter)};
    }
    m_values = values;
    Q_EMIT dataChanged(index(0, Before), index(RowCount - 1, After));
    Q_EMIT headerDataChanged(Qt::Horizontal, Before, After);
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
    case Vcpu:
        return tr("vCPU");
    case MemoryGiB:
        return tr("Mem. GiB");
    case DiskGiB:
        return tr("Disk GiB");
    case LicencesStandard:
        return tr("Lic. Std");
    case LicencesDatacenter:
        return tr("Lic. DC");
    default:
        return {};
    }
}

QVariant ResourceComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
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
        return tr("As VMs");
    case After:
        return tr("As containers");
    default:
        return {};
    }
}

} // namespace landfall
