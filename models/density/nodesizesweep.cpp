#include "nodesizesweep.h"

#include "densityengine.h"

#include <QJsonObject>

#include <tuple>

namespace landfall {

QList<NodeSizePoint> NodeSizeSweep::run(const Scenario &scenario, const QList<Workload> &workloads)
{
    QList<NodeSizePoint> points;
    int best = -1;
    for (const Scenario::NodeSize &size : scenario.nodeSizes) {
        Scenario sized = scenario;
        sized.node.vcpu = size.vcpu;
        sized.node.memoryGiB = size.memoryGiB;
        sized.packing.mixNodeSizes = false; // each point is one size; the mix is the engine's result
        DensityEngine::Options options;
        options.vmHosts = false;
        options.placement = false;
        options.effortScale = 1.0 / std::max<qsizetype>(1, scenario.nodeSizes.size());
        const auto result = DensityEngine(sized).run(workloads, options);
        NodeSizePoint point;
        point.size = size;
        if (!result) {
            point.feasible = false;
            point.error = result.error().toString();
        } else {
            point.nodes = result.value().containerNodes;
            point.lowerBound = result.value().containerNodesLowerBound;
            point.vcpuBought = result.value().containerVcpuBought;
            point.memoryGiBBought = result.value().containerMemoryGiBBought;
            point.notSchedulable = int(result.value().notSchedulable.size());
            const auto rank = [](const NodeSizePoint &p) {
                return std::tuple(p.notSchedulable, p.vcpuBought, p.memoryGiBBought);
            };
            if (best < 0 || rank(point) < rank(points[best]))
                best = int(points.size());
        }
        points.append(point);
    }
    if (best >= 0)
        points[best].best = true;
    return points;
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
