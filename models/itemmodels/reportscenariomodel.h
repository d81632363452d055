#pragma once

#include "density/densityresult.h"

#include <QAbstractTableModel>

namespace landfall {

/** Finished density results, one row per scenario (VM hosts and container nodes adjacent, as
    ScenarioComparisonModel has them): the report's grouped bars map them through a
    QVBarModelMapper. Unlike the dashboard's model it packs nothing: the report has the results. */
class ReportScenarioModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, VmHosts, ContainerNodes, VmHostsLowerBound, ContainerNodesLowerBound, ColumnCount };
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
