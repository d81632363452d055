#pragma once

#include "density/densityresult.h"
#include "density/workload.h"

#include <QAbstractTableModel>

#include <array>
#include <optional>

namespace landfall {

/** What is bought for the containerized workloads before (as VMs on hosts) and after (as
    container nodes) in one scenario, on one basis: physical cores, vCPU, memory, disk (with the
    persistent volumes after) and Windows Server core licences, one row each, for the dashboard's
    before-and-after bars (Qt::UserRole of the Resource column: "GiB" for a size, "" for a count). The rows are fixed,
   so bar mappers update in place. */
class ResourceComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Row { PhysicalCores, Vcpu, MemoryGiB, DiskGiB, LicencesStandard, LicencesDatacenter, RowCount };
    Q_ENUM(Row)
    enum Column { Resource, Before, After, ColumnCount };
    Q_ENUM(Column)

    explicit ResourceComparisonModel(QObject *parent = nullptr);

    /** `result` is the packing of `workloads` in the scenario shown; nullopt clears the figures. */
    void setResult(const QString &scenario, const QList<Workload> &workloads,
                   const std::optional<DensityResult> &result);
    QString scenario() const { return m_scenario; }
    double value(int row, int column) const;
    /** A warning in plain words for the dashboard, empty when there is none. */
    QString warning() const { return m_warning; }
    /** Why the node-size sweep may read flat: node disk, not vCPU or memory, fills most of the
        container nodes (their pools' limiting resource); empty when it does not. */
    static QString diskLimitNote(const DensityResult &result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /** The short name of a row ("Lic. Std"), for a chart's label. */
    static QString resourceName(int row);
    /** Its full name ("Windows Server Standard core licences"), the label's tooltip. */
    static QString resourceDescription(int row);

private:
    QString m_scenario;
    QString m_warning;
    std::array<std::array<double, 2>, RowCount> m_values{};
};

} // namespace landfall
