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

/** The curve of nodes against node size, and the size that buys the least: cloud prices are
    close to linear in vCPU and memory, so least vCPU bought (then least memory) is cheapest,
    among the sizes that leave the fewest workloads unplaced. */
class NodeSizeSweep {
public:
    static QList<NodeSizePoint> run(const Scenario &scenario, const QList<Workload> &workloads);
    static QJsonArray toJson(const QList<NodeSizePoint> &points);
};

} // namespace landfall
