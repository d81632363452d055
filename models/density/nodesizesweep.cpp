#include "nodesizesweep.h"

#include "densityengine.h"

#include <QJsonObject>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <tuple>

namespace landfall {

QList<NodeSizePoint> NodeSizeSweep::run(const Scenario &scenario, const QList<Workload> &workloads,
                                        PackingCache *packings)
{
    // The sizes are independent packings: side by side, on a pool of their own. The GUI calls this
    // from a thread of the global pool; a blocking wait there for work queued on that same pool
    // hangs once every thread of it waits (and Qt's painting, which uses it too, with them).
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    QList<NodeSizePoint> points =
        QtConcurrent::blockingMapped(&pool, scenario.nodeSizes, [&](const Scenario::NodeSize &size) {
            return point(scenario, size, workloads, packings);
        });
    markBest(points);
    return points;
}

NodeSizePoint NodeSizeSweep::point(const Scenario &scenario, const Scenario::NodeSize &size,
                                   const QList<Workload> &workloads, PackingCache *packings)
{
    Scenario sized = scenario;
    sized.node.vcpu = size.vcpu;
    sized.node.memoryGiB = size.memoryGiB;
    sized.packing.mixNodeSizes = false; // each point is one size; the mix is the engine's result
    // The scenario's own effort, so that the point at its own size is its own
    // packing; the VM hosts and the placement do not change the nodes, so they are left out.
    DensityEngine::Options options;
    options.vmHosts = false;
    options.placement = false;
    options.packings = packings;
    const auto result = DensityEngine(sized).run(workloads, options);
    NodeSizePoint point;
    point.size = size;
    if (!result) {
        point.feasible = false;
        point.error = result.error().toString();
        return point;
    }
    point.nodes = result.value().containerNodes;
    point.lowerBound = result.value().containerNodesLowerBound;
    point.vcpuBought = result.value().containerVcpuBought;
    point.memoryGiBBought = result.value().containerMemoryGiBBought;
    point.notSchedulable = int(result.value().notSchedulable.size());
    return point;
}

void NodeSizeSweep::markBest(QList<NodeSizePoint> &points)
{
    const auto rank = [](const NodeSizePoint &p) {
        return std::tuple(p.notSchedulable, p.vcpuBought, p.memoryGiBBought);
    };
    int best = -1;
    for (int i = 0; i < int(points.size()); ++i) {
        points[i].best = false;
        if (points[i].feasible && (best < 0 || rank(points[i]) < rank(points[best])))
            best = i;
    }
    if (best >= 0)
        points[best].best = true;
}

QJsonArray NodeSizeSweep::toJson(const QList<NodeSizePoint> &points)
{
    QJsonArray array;
    for (const NodeSizePoint &p : points) {
        QJsonObject o{{QStringLiteral("vcpu"), p.size.vcpu},
                      {QStringLiteral("memoryGiB"), p.size.memoryGiB},
                      {QStringLiteral("feasible"), p.feasible}};
        if (p.feasible) {
            o.insert(QStringLiteral("nodes"), p.nodes);
            o.insert(QStringLiteral("lowerBound"), p.lowerBound);
            o.insert(QStringLiteral("vcpuBought"), p.vcpuBought);
            o.insert(QStringLiteral("memoryGiBBought"), p.memoryGiBBought);
            o.insert(QStringLiteral("best"), p.best);
            o.insert(QStringLiteral("notSchedulable"), p.notSchedulable);
        } else {
            o.insert(QStringLiteral("error"), p.error);
        }
        array.append(o);
    }
    return array;
}

} // namespace landfall
