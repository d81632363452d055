#pragma once

#include <QAbstractProxyModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace landfall {

class InventoryTableModel;

/** Sorts and filters the inventory for a view: by a search text and by exact values of chosen
    columns (OS family, cluster, power state, later the path).

    Not a QSortFilterProxyModel: at 100,000 rows its row-by-row insert and remove signals and
    its QVariant comparisons take seconds, where a mapping rebuilt in one pass takes
    milliseconds. A filter change resets the proxy; a sort is a layout change that keeps the
    selection. Edits do not re-sort or re-filter by themselves (a row does not jump away from
    the consultant editing it); refresh() applies the current sort and filters again. */
class InventoryFilterModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit InventoryFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    /** Shows only rows where the name, IP, host, cluster, datacenter or OS contains `text`. */
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    /** Shows only rows whose raw value (KeyRole) in `column` is `key`; a null key clears it. */
    void setColumnFilter(int column, const QString &key);
    QString columnFilter(int column) const { return m_columnFilters.value(column); }
    /** Shows only the VMs of these ids (those on one migration path, say); nullopt clears it. */
    void setIdFilter(const std::optional<QSet<qint64>> &ids);
    bool hasIdFilter() const { return m_idFilter.has_value(); }
    void clearFilters();
    /** Applies the current filters and sort again, after edits. */
    void refresh();

    /** What the rows shown add up to, for the totals under the grid. */
    struct ShownTotals {
        int vms = 0;
        qint64 vcpu = 0;
        double memoryMiB = 0;
        double provisionedMiB = 0; ///< the disk the VMs are given, which the target must hold
        double usedMiB = 0;        ///< the disk used, over the VMs whose inventory gave it
        int usedUnknown = 0;       ///< VMs whose inventory did not give the used disk
    };
    ShownTotals shownTotals() const;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool accepts(int sourceRow) const;
    bool matchesSearch(int sourceRow) const;
    /** The accepted source rows, in the current order. */
    QList<int> acceptedRows() const;
    void sortRows(QList<int> &rows) const;
    void rebuildInverse();
    void resetMapping();
    void connectSource();

    QAbstractItemModel *m_source = nullptr;
    InventoryTableModel *m_inventory = nullptr; ///< the source, when it is one: read without QVariant
    QList<QMetaObject::Connection> m_connections;
    QList<int> m_proxyToSource;
    QList<int> m_sourceToProxy; ///< -1 where filtered out
    QString m_searchText;
    QHash<int, QString> m_columnFilters;
    std::optional<QSet<qint64>> m_idFilter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace landfall
