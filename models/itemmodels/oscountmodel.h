#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace landfall {

class InventoryTableModel;

/** VMs per operating system family and version, most common first, for the dashboard's bar
    chart; counted from the inventory table so that it follows imports without SQL. */
class OsCountModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { System, Vms, ColumnCount };
    Q_ENUM(Column)
    /** The rest are summed into "Other": a chart a room can read has a dozen bars, not fifty. */
    static constexpr int kMaxRows = 10;

    explicit OsCountModel(InventoryTableModel *inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QStringList labels() const;

public Q_SLOTS:
    void recount();

private:
    struct Row {
        QString label;
        int vms = 0;
    };
    QPointer<InventoryTableModel> m_inventory;
    QList<Row> m_rows;
};

} // namespace landfall
