#include "scenariocomparisonmodel.h"

#include "cost/nodesizepricing.h"
#include "density/densityengine.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace landfall {

namespace {

/** What a packing on the pool hands back: a plain value, as QFuture wants one. */
struct Packed {
    std::optional<DensityResult> result;
    QString error;
};

} // namespace

ScenarioComparisonModel::ScenarioComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ScenarioComparisonModel::~ScenarioComparisonModel() = default;

void ScenarioComparisonModel::setScenarios(const QList<Scenario> &scenarios)
{
    beginResetModel();
    m_rows.clear();
    for (const Scenario &scenario : scenarios)
        m_rows.append({scenario, std::nullopt, {}, 0, false, true, std::nullopt});
    endResetModel();
    for (int row = 0; row < m_rows.size(); ++row)
        repack(row);
}

void ScenarioComparisonModel::setScenario(int row, const Scenario &scenario)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const bool renamed = m_rows[row].scenario.name != scenario.name;
    m_rows[row].scenario = scenario;
    Q_EMIT dataChanged(index(row, Name), index(row, Name));
    // The name is the row's header too (a column header of the side-by-side comparison).
    if (renamed)
        Q_EMIT headerDataChanged(Qt::Vertical, row, row);
    repack(row);
}

void ScenarioComparisonModel::addScenario(const Scenario &scenario, int row)
{
    if (row < 0 || row > m_rows.size())
        row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.insert(row, {scenario, std::nullopt, {}, 0, false, true, std::nullopt});
    endInsertRows();
    repack(row);
}

void ScenarioComparisonModel::removeScenario(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int ScenarioComparisonModel::rowForName(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].scenario.name == name)
            return row;
    }
    return -1;
}

void ScenarioComparisonModel::setWorkloads(const QList<Workload> &workloads)
{
    m_workloads = workloads;
    for (int row = 0; row < m_rows.size(); ++row)
        repack(row);
}

void ScenarioComparisonModel::setEstate(const Estate &estate)
{
    m_estate = estate;
    for (int row = 0; row < m_rows.size(); ++row)
        repack(row);
}

void ScenarioComparisonModel::setPriceBook(const PriceBook &book)
{
    m_book = book;
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].scenario.packing.mixNodeSizes)
            repack(row);
}

bool ScenarioComparisonModel::isBusy() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.running; });
}

void ScenarioComparisonModel::repack(int row)
{
    Row &r = m_rows[row];
    const quint64 generation = m_nextGeneration++;
    r.generation = generation;
    r.running = true;
    Q_EMIT dataChanged(index(row, Status), index(row, Status));
    // The stored JSON is not kept here, so a `node.sku` the scenario names does not price the mix.
    const Scenario scenario = m_book ? NodeSizePricing::priced(r.scenario, {}, *m_book) : r.scenario;
    const QList<Workload> workloads = m_workloads; // shared, read only on the pool
    const Estate estate = m_estate;
    auto *watcher = new QFutureWatcher<Packed>(this);
    connect(watcher, &QFutureWatcher<Packed>::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        // The row may have moved or gone since: find it by its generation.
        for (int at = 0; at < m_rows.size(); ++at) {
            Row &done = m_rows[at];
            if (done.generation != generation)
                continue;
            const Packed packed = watcher->result();
            done.result = packed.result;
            done.error = packed.error;
            done.running = false;
            Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            Q_EMIT resultChanged(at);
            return;
        }
    });
    watcher->setFuture(QtConcurrent::run([scenario, workloads, estate]() {
        DensityEngine::Options options;
        options.placement = false;
        const auto result = DensityEngine(scenario, estate).run(workloads, options);
        if (!result)
            return Packed{std::nullopt, result.error().toString()};
        return Packed{result.value(), {}};
    }));
}

int ScenarioComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScenarioComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ScenarioComparisonModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool ScenarioComparisonModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != Name || role != Qt::CheckStateRole)
        return false;
    m_rows[index.row()].compared = value.value<Qt::CheckState>() == Qt::Checked;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

void ScenarioComparisonModel::setMonthlyCost(const QString &scenario, const std::optional<MonthlyCost> &cost)
{
    const int row = rowForName(scenario);
    if (row < 0)
        return;
    m_rows[row].cost = cost;
    Q_EMIT dataChanged(index(row, MonthlyCostToday), index(row, MonthlyCostAfter));
}

QVariant ScenarioComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::CheckStateRole && index.column() == Name)
        return row.compared ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != Qt::EditRole)
        return {};
    if (index.column() == Name)
        return row.scenario.name;
    if (index.column() == Status) {
        if (row.running)
            return tr("Packing...");
        if (!row.error.isEmpty())
            return row.error;
        if (row.result && row.result->allFellBackToProvisioned() &&
            row.result->basis.sizing == QLatin1String("performance"))
            return tr("Done. No workload has utilisation data: every one is sized as provisioned");
        return tr("Done");
    }
    if (index.column() == MonthlyCostToday || index.column() == MonthlyCostAfter) {
        if (!row.cost)
            return display ? QVariant(QStringLiteral("–")) : QVariant(0);
        const bool today = index.column() == MonthlyCostToday;
        return display ? QVariant(today ? row.cost->todayText : row.cost->afterText)
                       : QVariant(today ? row.cost->today : row.cost->after);
    }
    if (!row.result)
        return display ? QVariant(QStringLiteral("–")) : QVariant(0);
    const DensityResult &r = *row.result;
    const QLocale locale;
    const auto oneDecimal = [&](double value) -> QVariant {
        return display ? QVariant(locale.toString(value, 'f', 1)) : QVariant(value);
    };
    const auto number = [&](double value) -> QVariant {
        return display ? QVariant(locale.toString(value, 'f', 0)) : QVariant(value);
    };
    switch (index.column()) {
    case VmHosts:
        return r.vmHosts;
    case ContainerNodes:
        return r.containerNodes;
    case Workloads:
        return r.workloads;
    case ContainerNodesLowerBound:
        return r.containerNodesLowerBound;
    case VmHostsLowerBound:
        return r.vmHostsLowerBound;
    case SavedVcpu: // one decimal, as the CLI prints it: -0.5 vCPU is not -1
        return oneDecimal(r.savedVcpu);
    case SavedMemoryGiB:
        return oneDecimal(r.savedMemoryGiB);
    case SavedDiskGiB:
        return oneDecimal(r.savedDiskGiB);
    case LicencesBeforeStandard:
        return r.licencesBefore.standard;
    case LicencesAfterStandard:
        return r.licencesAfter.standard;
    case LicencesBeforeDatacenter:
        return r.licencesBefore.datacenter;
    case LicencesAfterDatacenter:
        return r.licencesAfter.datacenter;
    case PhysicalCoresBefore:
        return number(r.before.physicalCores);
    case PhysicalCoresAfter:
        return number(r.after.physicalCores);
    case MemoryGiBBefore:
        return number(r.before.memoryGiB);
    case MemoryGiBAfter:
        return number(r.after.memoryGiB);
    case NotSchedulable:
        return int(r.notSchedulable.size());
    case Basis: {
        QString basis = tr("%1 sizing, CPU overcommit %2, target %3 %, spares %4")
                            .arg(r.basis.sizing)
                            .arg(r.basis.cpuOvercommit)
                            .arg(r.basis.targetUtilisationPct)
                            .arg(r.basis.spares);
        for (const QString &asymmetry : r.basis.asymmetries)
            basis += tr("; asymmetry: %1").arg(asymmetry);
        return basis;
    }
    default:
        return {};
    }
}

QVariant ScenarioComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows[section].scenario.name) : QVariant();
    switch (section) {
    case Name:
        return tr("Scenario");
    case VmHosts:
        return tr("VM hosts");
    case ContainerNodes:
        return tr("Container nodes");
    case Workloads:
        return tr("Containerized workloads");
    case ContainerNodesLowerBound:
        return tr("Container nodes, lower bound");
    case VmHostsLowerBound:
        return tr("VM hosts, lower bound");
    case SavedVcpu:
        return tr("vCPU bought, before - after");
    case SavedMemoryGiB:
        return tr("Memory bought (GiB), before - after");
    case SavedDiskGiB:
        return tr("Disk (GiB), before - after");
    case LicencesBeforeStandard:
        return tr("Core licences before, Standard");
    case LicencesAfterStandard:
        return tr("Core licences after, Standard");
    case LicencesBeforeDatacenter:
        return tr("Core licences before, Datacenter");
    case LicencesAfterDatacenter:
        return tr("Core licences after, Datacenter");
    case PhysicalCoresBefore:
        return tr("Physical cores bought, as VMs");
    case PhysicalCoresAfter:
        return tr("Physical cores bought, as containers");
    case MemoryGiBBefore:
        return tr("Memory bought (GiB), as VMs");
    case MemoryGiBAfter:
        return tr("Memory bought (GiB), as containers");
    case NotSchedulable:
        return tr("Not schedulable");
    case MonthlyCostToday:
        return tr("Cost a month, today");
    case MonthlyCostAfter:
        return tr("Cost a month, after the move");
    case Basis:
        return tr("Basis of both sides");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace landfall
