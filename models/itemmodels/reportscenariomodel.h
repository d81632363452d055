#pragma once

#include "density/densityresult.h"

#include <QAbstractTableModel>

namespace landfall {

/** Finished density results, one row per scenario: the machines of each side, and the physical
    cores each side buys (adjacent, so the report's grouped bars map them as a range through a
    QVBarModelMapper). The report charts the cores: a count of VM hosts beside a count of container
    nodes compares machines of different sizes. Unlike the dashboard's model it packs nothing. */
class ReportScenarioModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        VmHosts,
        ContainerNodes,
        VmHostsLowerBound,
        ContainerNodesLowerBound,
        CoresBefore, ///< physical cores of the VM hosts; CoresBefore and CoresAfter are adjacent
        CoresAfter,  ///< physical cores of the container nodes (a cloud vCPU is a hyper-thread)
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ReportScenarioModel(QObject *parent = nullptr);

    void setResults(const QList<DensityResult> &results);
    const QList<DensityResult> &results() const { return m_results; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DensityResult> m_results;
};

} // namespace landfall
