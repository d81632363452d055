#pragma once

#include "businesscase.h"
#include "pricebook.h"

#include <QAbstractTableModel>

namespace landfall {

/** Today against after the move, a month, one row each and one column per path: the stacked
    bars of the Business case view (a QVBarModelMapper takes the path columns as bar sets).
    Amounts are in thousands of the book's currency, so an axis reads "112" rather than "112045". */
class CostByPathModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Rehost, Containerize, CloudNative, Retire, Retain, ColumnCount };
    Q_ENUM(Column)
    using QAbstractTableModel::QAbstractTableModel;

    void setBusinessCase(const BusinessCase &businessCase);
    static MigrationPath pathOf(int column) { return MigrationPath(column - Rehost); }
    QString currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QMap<MigrationPath, double> m_rows[2];
    QString m_currency;
    bool m_empty = true;
};

/** The cumulative cost month by month, staying as today against moving: the lines of the cost
    over the years, in thousands of the book's currency, with the payback month beside them. */
class CostTimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Month, Staying, Moving, ColumnCount };
    Q_ENUM(Column)
    using QAbstractTableModel::QAbstractTableModel;

    void setBusinessCase(const BusinessCase &businessCase);
    std::optional<int> paybackMonth() const { return m_payback; }
    QString currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<double> m_staying;
    QList<double> m_moving;
    std::optional<int> m_payback;
    QString m_currency;
};

/** One row per VM: its path, size and monthly cost after the move against its share of today,
    and for rehosted VMs the size it would take as provisioned. Money is shown in the book's
    currency with the locale's separators; Qt::UserRole gives the plain number to sort by. */
class VmCostTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Path, Sku, Monthly, Today, PricedAs, ProvisionedSku, ProvisionedMonthly, ColumnCount };
    Q_ENUM(Column)
    using QAbstractTableModel::QAbstractTableModel;

    void setBusinessCase(const BusinessCase &businessCase, const PriceBook &book);
    const VmCost &cost(int row) const { return m_vms[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VmCost> m_vms;
    PriceBook m_book;
    bool m_provisionedOnly = true;
};

/** The VM sizes of a price book, editable cell by cell for the price book editor. An edit that
    would make the size invalid (no name, no vCPU, Windows below Linux) is refused. */
class PriceBookSkuModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Series, Vcpu, MemoryGiB, LinuxHourly, WindowsHourly, Gpu, Nested, ColumnCount };
    Q_ENUM(Column)
    using QAbstractTableModel::QAbstractTableModel;

    void setSkus(const QList<VmSku> &skus);
    const QList<VmSku> &skus() const { return m_skus; }
    /** Adds a size after `row` (at the end when out of range) as a copy of it, renamed. */
    int addSku(int row);
    void removeSku(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void skusEdited();

private:
    QList<VmSku> m_skus;
};

} // namespace landfall
