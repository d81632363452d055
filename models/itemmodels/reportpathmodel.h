#pragma once

#include "report/reportmodel.h"

#include <QAbstractTableModel>

namespace landfall {

/** The report's VMs per migration path (label, VMs; the path's key in Qt::UserRole): what the
    path donut maps through a QVPieModelMapper. Fed finished counts, so it reads no store. */
class ReportPathModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Vms, ColumnCount };
    Q_ENUM(Column)

    explicit ReportPathModel(QObject *parent = nullptr);

    void setCounts(const QList<PathCount> &counts);
    const QList<PathCount> &counts() const { return m_counts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PathCount> m_counts;
};

} // namespace landfall
