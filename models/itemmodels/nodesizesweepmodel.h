#pragma once

#include "density/nodesizesweep.h"
#include "density/scenario.h"
#include "density/workload.h"

#include <QAbstractTableModel>

namespace landfall {

/** The node-size sweep of one scenario: nodes (and what they buy) against node size, one row per
    size on offer that can hold every workload, for the dashboard's line. Computed on the thread
    pool; a newer request wins. */
class NodeSizeSweepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /** Every size of the sweep is a row, one that cannot hold some workload too (Feasible false,
        no node count, Reason saying why); Current is the scenario's own node size. */
    enum Column {
        Size,
        NodeVcpu,
        NodeMemoryGiB,
        Nodes,
        LowerBound,
        VcpuBought,
        MemoryGiBBought,
        Best,
        Feasible,
        Current,
        Reason,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit NodeSizeSweepModel(QObject *parent = nullptr);

    /** Sweeps the scenario's node sizes for these workloads, in the background. */
    void compute(const Scenario &scenario, const QList<Workload> &workloads);
    bool isBusy() const { return m_running; }
    QString scenario() const { return m_scenario; }
    const QList<NodeSizePoint> &points() const { return m_points; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void computed();

private:
    QList<NodeSizePoint> m_points;
    QString m_scenario;
    Scenario::NodeSize m_current; ///< the scenario's node size, marked on the chart
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace landfall
