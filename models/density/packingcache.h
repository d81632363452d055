#pragma once

#include "vectorpacker.h"

#include <QByteArray>
#include <QHash>

#include <future>
#include <mutex>

namespace landfall {

/** Packs through VectorPacker, once per distinct problem. VectorPacker::pack is a pure function of
    the problem and the settings (its searches are seeded, their budgets are work units, not time),
    so density runs that meet the same pool share its packing: a node-size sweep's point at the
    scenario's own size is the scenario's own packing, and two scenarios that differ only in their
    node pack the same VMs onto the same hosts. The report gives one cache to all its runs.

    Thread-safe: a run that asks for a problem another run is packing waits for that packing.
    Every outcome is kept until the cache is destroyed, so a cache serves one set of runs. */
class PackingCache {
public:
    PackOutcome pack(const PackingProblem &problem, const PackerSettings &settings);

    int packed() const; ///< problems packed
    int reused() const; ///< requests answered from an earlier or concurrent packing

private:
    /** The problem and every setting, byte for byte: equal keys are equal packings. */
    static QByteArray keyOf(const PackingProblem &problem, const PackerSettings &settings);

    mutable std::mutex m_mutex;
    QHash<QByteArray, std::shared_future<PackOutcome>> m_outcomes;
    int m_reused = 0;
};

} // namespace landfall
