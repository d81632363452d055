#include "reportscenariomodel.h"

#include <cmath>

namespace landfall {

ReportScenarioModel::ReportScenarioModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportScenarioModel::setResults(const QList<DensityResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

int ReportScenarioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ReportScenarioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportScenarioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const DensityResult &result = m_results.at(index.row());
    switch (index.column()) {
    case Name:
        return result.scenario;
    case VmHosts:
        return result.vmHosts;
    case ContainerNodes:
        return result.containerNodes;
    case VmHostsLowerBound:
        return result.vmHostsLowerBound;
    case ContainerNodesLowerBound:
        return result.containerNodesLowerBound;
    case CoresBefore:
        return std::round(result.before.physicalCores);
    case CoresAfter:
        return std::round(result.after.physicalCores);
    default:
        return {};
    }
}

QVariant ReportScenarioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_results.size() ? QVariant(m_results.at(section).scenario) : QVariant();
    switch (section) {
    case Name:
        return tr("Scenario");
    case VmHosts:
        return tr("VM hosts");
    case ContainerNodes:
        return tr("Container nodes");
    case VmHostsLowerBound:
        return tr("VM hosts, lower bound");
    case ContainerNodesLowerBound:
        return tr("Container nodes, lower bound");
    case CoresBefore:
        return tr("Before: VM hosts");
    case CoresAfter:
        return tr("After: container nodes");
    default:
        return {};
    }
}

} // namespace landfall
