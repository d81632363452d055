#include "planpathcountmodel.h"

#include "decisiontablemodel.h"

namespace landfall {

PlanPathCountModel::PlanPathCountModel(DecisionTableModel *decisions, QObject *parent)
    : QAbstractTableModel(parent)
    , m_decisions(decisions)
{
    connect(decisions, &DecisionTableModel::decisionsChanged, this, &PlanPathCountModel::recount);
    recount();
}

void PlanPathCountModel::recount()
{
    std::array<int, kPathCount> counts{};
    if (m_decisions) {
        for (int row = 0; row < m_decisions->rowCount(); ++row)
            ++counts[static_cast<size_t>(m_decisions->decision(row).path)];
    }
    for (int row = 0; row < kPathCount; ++row) {
        if (counts[row] != m_counts[row]) {
            m_counts[row] = counts[row];
            Q_EMIT dataChanged(index(row, Vms), index(row, Vms));
        }
    }
}

int PlanPathCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kPathCount;
}

int PlanPathCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanPathCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::UserRole)
        return migrationPathKey(pathAt(index.row()));
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == Path)
        return DecisionTableModel::pathText(pathAt(index.row()));
    return m_counts[index.row()];
}

QVariant PlanPathCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Path ? tr("Path") : tr("VMs");
}

} // namespace landfall
