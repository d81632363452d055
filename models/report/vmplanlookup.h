#pragma once

#include "density/densityresult.h"
#include "domain/decision.h"
#include "domain/vm.h"

#include <QHash>
#include <QList>
#include <QVariant>

namespace landfall {

/** What the plan's per-VM tables (the annex workbook, the CSV and Excel plan) read beside each
    VM: its decision and, for each scenario, the pool and node it is placed on. The lists it is
    made from must outlive it. */
class VmPlanLookup {
public:
    VmPlanLookup(const QList<Decision> &decisions, const QList<DensityResult> &results);

    /** The VM's decision, or null when the project is not classified. */
    const Decision *decision(qint64 vmId) const { return m_decisions.value(vmId); }
    /** The pool and the node of the VM in each scenario, in the order of the results; two empty
        cells where a scenario did not place it. */
    QVariantList placementCells(qint64 vmId) const;

    /** The disk the VM uses, in MiB divided by `mibPerUnit`, as a cell: `unknown` (text) when
        the inventory did not give it (Vm::usedKnown false), never 0. */
    static QVariant usedCell(const Vm &vm, double mibPerUnit, const QString &unknown);

private:
    QHash<qint64, const Decision *> m_decisions;
    QList<QHash<qint64, const Placement *>> m_placements; ///< per scenario
};

} // namespace landfall
