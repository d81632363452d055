#include "vmplanlookup.h"

namespace landfall {

VmPlanLookup::VmPlanLookup(const QList<Decision> &decisions, const QList<DensityResult> &results)
{
    m_decisions.reserve(decisions.size());
    for (const Decision &decision : decisions)
        m_decisions.insert(decision.vmId, &decision);
    for (const DensityResult &result : results) {
        QHash<qint64, const Placement *> placed;
        placed.reserve(result.placement.size());
        for (const Placement &placement : result.placement)
            placed.insert(placement.vmId, &placement);
        m_placements.append(placed);
    }
}

QVariantList VmPlanLookup::placementCells(qint64 vmId) const
{
    QVariantList cells;
    cells.reserve(2 * m_placements.size());
    for (const QHash<qint64, const Placement *> &placed : m_placements) {
        const Placement *placement = placed.value(vmId);
        cells.append(placement ? QVariant(placement->pool) : QVariant(QString()));
        cells.append(placement ? QVariant(placement->node) : QVariant(QString()));
    }
    return cells;
}

QVariant VmPlanLookup::usedCell(const Vm &vm, double mibPerUnit, const QString &unknown)
{
    return vm.usedKnown ? QVariant(vm.usedMiB / mibPerUnit) : QVariant(unknown);
}

} // namespace landfall
