#pragma once

#include "density/nodesizesweep.h"

#include <QAbstractTableModel>

namespace landfall {

/** A finished node-size sweep, one feasible size per row ordered by size: the report's sweep
    line maps (vCPU, nodes) through a QVXYModelMapper. It computes nothing, unlike the
    dashboard's NodeSizeSweepModel, because the report already ran the sweep. */
class ReportSweepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NodeVcpu, NodeMemoryGiB, Nodes, LowerBound, VcpuBought, ColumnCount };
    Q_ENUM(Column)

    explicit ReportSweepModel(QObject *parent = nullptr);

    /** Sizes that cannot hold some workload are left out: a line cannot show them. */
    void setPoints(const QList<NodeSizePoint> &points);
    const QList<NodeSizePoint> &points() const { return m_points; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<NodeSizePoint> m_points;
};

} // namespace landfall
