#include "oscountmodel.h"

#include "inventorytablemodel.h"

#include <QHash>

#include <algorithm>

namespace landfall {

OsCountModel::OsCountModel(InventoryTableModel *inventory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inventory(inventory)
{
    connect(inventory, &QAbstractItemModel::modelReset, this, &OsCountModel::recount);
    recount();
}

void OsCountModel::recount()
{
    QHash<QString, int> counts;
    if (m_inventory) {
        for (int row = 0; row < m_inventory->rowCount(); ++row) {
            const VmListRow &vm = m_inventory->vmRow(row);
            QString label = InventoryTableModel::displayText(InventoryTableModel::OsFamily, vm.osFamily);
            if (!vm.osVersion.isEmpty())
                label += u' ' + vm.osVersion;
            ++counts[label];
        }
    }
    QList<Row> rows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        rows.append({it.key(), it.value()});
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return a.vms != b.vms ? a.vms > b.vms : a.label < b.label; });
    if (rows.size() > kMaxRows) {
        Row other{tr("Other"), 0};
        for (qsizetype i = kMaxRows - 1; i < rows.size(); ++i)
            other.vms += rows[i].vms;
        rows.resize(kMaxRows - 1);
        rows.append(other);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QStringList OsCountModel::labels() const
{
    QStringList labels;
    for (const Row &row : m_rows)
        labels.append(row.label);
    return labels;
}

int OsCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OsCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OsCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const Row &row = m_rows[index.row()];
    return index.column() == System ? QVariant(row.label) : QVariant(row.vms);
}

QVariant OsCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows[section].label) : QVariant();
    return section == System ? tr("Operating system") : tr("VMs");
}

} // namespace landfall
