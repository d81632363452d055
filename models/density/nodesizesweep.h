#pragma once

#include "scenario.h"
#include "workload.h"

#include <QJsonArray>
#include <QList>

namespace landfall {

/** One node size of a sweep: what it takes to run the workloads on nodes of that size. */
struct NodeSizePoint {
    Scenario::NodeSize size;
    bool feasible = true;
    QString error;          ///< why the scenario cannot run at this size at all
    int notSchedulable = 0; ///< workloads larger than this size: listed, the rest still packs
    int nodes = 0;
    int lowerBound = 0;
    double vcpuBought = 0;
    double memoryGiBBought = 0;
    bool best = false;
};

class PackingCache;

/** The curve of nodes against node size, and the size that buys the least: cloud prices are
    close to linear in vCPU and memory, so least vCPU bought (then least memory) is cheapest,
    among the sizes that leave the fewest workloads unplaced.

    Each point is the scenario's own packing at that size, with the scenario's full packing effort:
    the point at the scenario's node size is the scenario's headline figure, and a point at another
    scenario's node size is that scenario's figure when nothing else differs. */
class NodeSizeSweep {
public:
    /** `packings`, when given, is shared with the scenario's own run and other sweeps over the same
        workloads: a packing they have in common runs once. The figures are the same either way. */
    static QList<NodeSizePoint> run(const Scenario &scenario, const QList<Workload> &workloads,
                                    PackingCache *packings = nullptr);
    /** One point of the sweep, without `best` (markBest sets it over all the points). */
    static NodeSizePoint point(const Scenario &scenario, const Scenario::NodeSize &size,
                               const QList<Workload> &workloads, PackingCache *packings = nullptr);
    /** Marks the size that buys the least among those that leave the fewest workloads unplaced. */
    static void markBest(QList<NodeSizePoint> &points);
    static QJsonArray toJson(const QList<NodeSizePoint> &points);
};

} // namespace landfall
