#include "inventoryfiltermodel.h"

#include "inventorytablemodel.h"

#include <algorithm>
#include <numeric>

namespace landfall {

InventoryFilterModel::InventoryFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{}

void InventoryFilterModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_source = model;
    m_inventory = qobject_cast<InventoryTableModel *>(model);
    if (m_source)
        connectSource();
    m_proxyToSource = acceptedRows();
    rebuildInverse();
    endResetModel();
}

void InventoryFilterModel::connectSource()
{
    QAbstractItemModel *source = m_source;
    // Any change of the source's rows or layout: take the rows again, in one reset.
    const auto aboutToReset = [this]() { beginResetModel(); };
    const auto reset = [this]() {
        m_proxyToSource = acceptedRows();
        rebuildInverse();
        endResetModel();
    };
    m_connections = {
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, aboutToReset),
        connect(source, &QAbstractItemModel::modelReset, this, reset),
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, aboutToReset),
        connect(source, &QAbstractItemModel::layoutChanged, this, reset),
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, aboutToReset),
        connect(source, &QAbstractItemModel::rowsInserted, this, reset),
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, aboutToReset),
        connect(source, &QAbstractItemModel::rowsRemoved, this, reset),
        connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, aboutToReset),
        connect(source, &QAbstractItemModel::rowsMoved, this, reset),
        connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, aboutToReset),
        connect(source, &QAbstractItemModel::columnsInserted, this, reset),
        connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, aboutToReset),
        connect(source, &QAbstractItemModel::columnsRemoved, this, reset),
        connect(source, &QAbstractItemModel::columnsAboutToBeMoved, this, aboutToReset),
        connect(source, &QAbstractItemModel::columnsMoved, this, reset),
        connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
        connect(source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                    // The whole column at once (the plan's paths after a re-classification): one signal.
                    if (topLeft.row() == 0 && bottomRight.row() == m_source->rowCount() - 1) {
                        if (!m_proxyToSource.isEmpty())
                            Q_EMIT dataChanged(index(0, topLeft.column()),
                                               index(int(m_proxyToSource.size()) - 1, bottomRight.column()), roles);
                        return;
                    }
                    // Rows of a source range are scattered in the proxy: one signal per visible row.
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        const int proxyRow = m_sourceToProxy.value(row, -1);
                        if (proxyRow >= 0)
                            Q_EMIT dataChanged(index(proxyRow, topLeft.column()), index(proxyRow, bottomRight.column()),
                                               roles);
                    }
                }),
    };
}

void InventoryFilterModel::resetMapping()
{
    beginResetModel();
    m_proxyToSource = acceptedRows();
    rebuildInverse();
    endResetModel();
}

void InventoryFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    resetMapping();
}

void InventoryFilterModel::setColumnFilter(int column, const QString &key)
{
    if (key.isNull()) {
        if (m_columnFilters.remove(column) == 0)
            return;
    } else {
        const auto it = m_columnFilters.constFind(column);
        if (it != m_columnFilters.constEnd() && *it == key)
            return;
        m_columnFilters.insert(column, key);
    }
    resetMapping();
}

void InventoryFilterModel::setIdFilter(const std::optional<QSet<qint64>> &ids)
{
    if (!ids && !m_idFilter)
        return;
    m_idFilter = ids;
    resetMapping();
}

void InventoryFilterModel::clearFilters()
{
    if (m_searchText.isEmpty() && m_columnFilters.isEmpty() && !m_idFilter)
        return;
    m_searchText.clear();
    m_columnFilters.clear();
    m_idFilter.reset();
    resetMapping();
}

void InventoryFilterModel::refresh()
{
    resetMapping();
}

bool InventoryFilterModel::matchesSearch(int sourceRow) const
{
    if (m_searchText.isEmpty())
        return true;
    if (m_inventory) {
        const VmListRow &row = m_inventory->vmRow(sourceRow);
        for (const QString *text :
             {&row.name, &row.ipAddress, &row.host, &row.cluster, &row.datacenter, &row.osFamily, &row.osVersion}) {
            if (text->contains(m_searchText, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    for (int column = 0; column < m_source->columnCount(); ++column) {
        if (m_source->index(sourceRow, column).data().toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool InventoryFilterModel::accepts(int sourceRow) const
{
    if (m_idFilter) {
        const qint64 id = m_inventory ? m_inventory->vmRow(sourceRow).id
                                      : m_source->index(sourceRow, 0).data(InventoryTableModel::IdRole).toLongLong();
        if (!m_idFilter->contains(id))
            return false;
    }
    for (auto it = m_columnFilters.cbegin(); it != m_columnFilters.cend(); ++it) {
        const QString key = m_inventory
                                ? m_inventory->keyAt(sourceRow, it.key())
                                : m_source->index(sourceRow, it.key()).data(InventoryTableModel::KeyRole).toString();
        if (key != it.value())
            return false;
    }
    return matchesSearch(sourceRow);
}

QList<int> InventoryFilterModel::acceptedRows() const
{
    QList<int> rows;
    if (!m_source)
        return rows;
    const int count = m_source->rowCount();
    if (m_searchText.isEmpty() && m_columnFilters.isEmpty() && !m_idFilter) {
        rows.resize(count);
        std::iota(rows.begin(), rows.end(), 0);
    } else {
        for (int row = 0; row < count; ++row) {
            if (accepts(row))
                rows.append(row);
        }
    }
    sortRows(rows);
    return rows;
}

void InventoryFilterModel::sortRows(QList<int> &rows) const
{
    if (m_sortColumn < 0 || !m_source || m_sortColumn >= m_source->columnCount())
        return;
    // Ranks made once per column and row, compared as integers; ties keep their current order.
    QList<int> ranks;
    if (m_inventory) {
        ranks = m_inventory->sortRanks(m_sortColumn);
    } else {
        const int count = m_source->rowCount();
        QList<InventoryTableModel::SortKey> keys(count);
        for (int row = 0; row < count; ++row) {
            const QVariant value = m_source->index(row, m_sortColumn).data(InventoryTableModel::KeyRole);
            bool numeric = false;
            const double number = value.toDouble(&numeric);
            keys[row] = {numeric ? number : 0.0, numeric ? QString() : value.toString()};
        }
        ranks = InventoryTableModel::ranksOf(keys);
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    const auto less = [&](int left, int right) {
        return descending ? ranks[right] < ranks[left] : ranks[left] < ranks[right];
    };
    // Rows often arrive in order already (the project's order, a re-sort): a check costs one pass.
    if (!std::is_sorted(rows.cbegin(), rows.cend(), less))
        std::stable_sort(rows.begin(), rows.end(), less);
}

void InventoryFilterModel::rebuildInverse()
{
    m_sourceToProxy.fill(-1, m_source ? m_source->rowCount() : 0);
    for (int proxyRow = 0; proxyRow < int(m_proxyToSource.size()); ++proxyRow)
        m_sourceToProxy[m_proxyToSource[proxyRow]] = proxyRow;
}

void InventoryFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_source)
        return;
    // A layout change, not a reset: the selection and the current row follow their VMs.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QList<int> persistentSourceRows;
    persistentSourceRows.reserve(persistent.size());
    for (const QModelIndex &index : persistent)
        persistentSourceRows.append(m_proxyToSource.value(index.row(), -1));
    sortRows(m_proxyToSource);
    rebuildInverse();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const int proxyRow = m_sourceToProxy.value(persistentSourceRows[i], -1);
        moved.append(proxyRow < 0 ? QModelIndex() : index(proxyRow, persistent[i].column()));
    }
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex InventoryFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex InventoryFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex InventoryFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int InventoryFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int InventoryFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool InventoryFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex InventoryFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return m_source->index(m_proxyToSource[proxyIndex.row()], proxyIndex.column());
}

QModelIndex InventoryFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    const int proxyRow = m_sourceToProxy.value(sourceIndex.row(), -1);
    return proxyRow < 0 ? QModelIndex() : index(proxyRow, sourceIndex.column());
}

QVariant InventoryFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_source)
        return {};
    if (orientation == Qt::Horizontal)
        return m_source->headerData(section, orientation, role);
    // Rows are numbered as shown, not by their place in the project.
    if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return section + 1;
    return {};
}

} // namespace landfall

namespace landfall {

InventoryFilterModel::ShownTotals InventoryFilterModel::shownTotals() const
{
    ShownTotals totals;
    totals.vms = int(m_proxyToSource.size());
    if (!m_inventory)
        return totals;
    for (int sourceRow : m_proxyToSource) {
        const VmListRow &row = m_inventory->vmRow(sourceRow);
        totals.vcpu += row.vcpu;
        totals.memoryMiB += row.memoryMiB;
        totals.provisionedMiB += row.provisionedMiB;
        if (row.usedKnown)
            totals.usedMiB += row.usedMiB;
        else
            ++totals.usedUnknown;
    }
    return totals;
}

} // namespace landfall
