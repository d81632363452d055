#pragma once

#include "cost/pricebook.h"
#include "density/densityresult.h"
#include "density/estate.h"
#include "density/scenario.h"
#include "density/workload.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace landfall {

/** The project's density scenarios side by side, one row per scenario and one column per figure,
    for the comparison table (transposed) and the grouped bar chart. Each scenario is packed on
    the thread pool: a large estate re-packs in the background while the consultant types. */
class ScenarioComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        VmHosts, ///< VmHosts and ContainerNodes are adjacent: the grouped bars map them as a range
        ContainerNodes,
        Workloads,
        MonthlyCostToday, ///< the business case of the scenario, a month (set by whoever prices it)
        MonthlyCostAfter,
        ContainerNodesLowerBound,
        VmHostsLowerBound,
        SavedVcpu,
        SavedMemoryGiB,
        SavedDiskGiB,
        LicencesBeforeStandard,
        LicencesAfterStandard,
        LicencesBeforeDatacenter,
        LicencesAfterDatacenter,
        PhysicalCoresBefore, ///< capacity bought, same units and basis on both sides
        PhysicalCoresAfter,
        MemoryGiBBefore,
        MemoryGiBAfter,
        NotSchedulable,
        Basis, ///< the shared basis in words, with any deliberate asymmetry
        Status,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ScenarioComparisonModel(QObject *parent = nullptr);
    ~ScenarioComparisonModel() override;

    void setScenarios(const QList<Scenario> &scenarios);
    void setScenario(int row, const Scenario &scenario);
    /** Adds a scenario at `row`, or at the end when `row` is out of range, and packs it. */
    void addScenario(const Scenario &scenario, int row = -1);
    void removeScenario(int row);
    const Scenario &scenario(int row) const { return m_rows[row].scenario; }
    int rowForName(const QString &name) const;
    /** The workloads every scenario packs; all are re-packed. */
    void setWorkloads(const QList<Workload> &workloads);
    /** The customer's hosts, the baseline every scenario is compared against; all are re-packed. */
    void setEstate(const Estate &estate);
    /** The project's price book: the node sizes a scenario mixes without prices of their own are
        priced from it (NodeSizePricing); the scenarios that mix sizes are re-packed. */
    void setPriceBook(const PriceBook &book);
    const QList<Workload> &workloads() const { return m_workloads; }

    const std::optional<DensityResult> &result(int row) const { return m_rows[row].result; }

    /** A scenario's business case a month: the amounts, and as shown (in the price book's currency). */
    struct MonthlyCost {
        double today = 0;
        double after = 0;
        QString todayText;
        QString afterText;
    };
    /** Sets the monthly cost shown for the scenario of that name; none: not priced (yet). */
    void setMonthlyCost(const QString &scenario, const std::optional<MonthlyCost> &cost);
    std::optional<MonthlyCost> monthlyCost(int row) const { return m_rows[row].cost; }
    /** True while some scenario is being packed. */
    bool isBusy() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /** Only the Name column's check state: whether the scenario is in the comparison. */
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    /** A scenario's packing arrived (or failed). */
    void resultChanged(int row);

private:
    struct Row {
        Scenario scenario;
        std::optional<DensityResult> result;
        QString error;
        quint64 generation = 0; ///< results of an older generation are dropped
        bool running = false;
        bool compared = true;
        std::optional<MonthlyCost> cost; ///< set by the business case, which prices every scenario
    };
    void repack(int row);

    QList<Row> m_rows;
    QList<Workload> m_workloads;
    Estate m_estate;
    std::optional<PriceBook> m_book;
    quint64 m_nextGeneration = 1;
};

} // namespace landfall
