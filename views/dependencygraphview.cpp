#include "dependencygraphview.h"

#include "waves/dependencygraphlayout.h"
#include "waves/waveplanmodel.h"

#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QMap>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

struct Node {
    QString label;
    QString detail;
    int kind = 0; ///< 0 a member, 1 a VM of another group, 2 an external endpoint
};

} // namespace

DependencyGraphView::DependencyGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("dependencyGraph"));
    setAccessibleName(tr("Dependency graph of the selected group"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
}

void DependencyGraphView::showGroup(const WavePlanModel &model, const QString &name)
{
    scene()->clear();
    m_nodes = 0;
    m_edges = 0;
    const WavePlan &plan = model.plan();
    const int groupIndex = plan.groupIndex(name);
    if (groupIndex < 0) {
        scene()->addSimpleText(tr("Select a group to see its dependencies."));
        return;
    }
    const WaveInput &input = model.input();
    QHash<qint64, int> vmIndex;
    for (size_t i = 0; i < input.vms.size(); ++i)
        vmIndex.insert(input.vms[i].id, int(i));

    QList<Node> nodes;
    QHash<QString, int> nodeOf; // "vm:<id>" or "ext:<address>"
    bool cut = false;
    const auto nodeFor = [&](qint64 vmId, const QString &endpoint) -> int {
        const QString key = vmId ? QStringLiteral("vm:%1").arg(vmId) : QStringLiteral("ext:") + endpoint.toCaseFolded();
        if (const auto it = nodeOf.constFind(key); it != nodeOf.cend())
            return *it;
        if (nodes.size() >= kMaxNodes) {
            cut = true;
            return -1;
        }
        Node node;
        if (vmId && vmIndex.contains(vmId)) {
            const int vm = vmIndex.value(vmId);
            const int group = plan.groupOfVm[size_t(vm)];
            node.label = input.vms[size_t(vm)].name;
            node.kind = group == groupIndex ? 0 : 1;
            node.detail =
                node.kind == 0
                    ? migrationPathKey(input.vms[size_t(vm)].path)
                    : tr("%1, wave %2").arg(plan.groups[size_t(group)].name).arg(plan.groups[size_t(group)].wave);
        } else {
            node.label = endpoint;
            node.kind = 2;
            node.detail = tr("outside the inventory");
        }
        nodeOf.insert(key, int(nodes.size()));
        nodes.append(node);
        return int(nodes.size() - 1);
    };
    for (const int member : plan.groups[size_t(groupIndex)].members)
        nodeFor(input.vms[size_t(member)].id, {});

    QMap<std::pair<int, int>, QStringList> ports;
    for (const Dependency &d : model.dependencies()) {
        const bool fromMember = d.sourceVmId && vmIndex.contains(d.sourceVmId) &&
                                plan.groupOfVm[size_t(vmIndex.value(d.sourceVmId))] == groupIndex;
        const bool toMember = d.targetVmId && vmIndex.contains(d.targetVmId) &&
                              plan.groupOfVm[size_t(vmIndex.value(d.targetVmId))] == groupIndex;
        if (!fromMember && !toMember)
            continue;
        const int from = nodeFor(d.sourceVmId, d.sourceEndpoint);
        const int to = nodeFor(d.targetVmId, d.targetEndpoint);
        if (from < 0 || to < 0 || from == to)
            continue;
        QStringList &list = ports[{from, to}];
        const QString port = QString::number(d.port);
        if (!list.contains(port))
            list.append(port);
    }
    QList<std::pair<int, int>> edges = ports.keys();
    const QList<QPointF> at = DependencyGraphLayout::layout(int(nodes.size()), edges);

    const QColor colours[] = {QColor(0x1f, 0x6f, 0xb5), QColor(0x8a, 0x8a, 0x8a), QColor(0xd0, 0x7a, 0x12)};
    constexpr double kWidth = 170;
    constexpr double kHeight = 38;
    for (auto it = ports.cbegin(); it != ports.cend(); ++it) {
        const QPointF from = at[it.key().first] + QPointF(kWidth / 2, 0);
        const QPointF to = at[it.key().second] - QPointF(kWidth / 2, 0);
        const bool backwards = to.x() < from.x();
        const QPointF a = backwards ? at[it.key().first] - QPointF(kWidth / 2, 0) : from;
        const QPointF b = backwards ? at[it.key().second] + QPointF(kWidth / 2, 0) : to;
        scene()->addLine(QLineF(a, b), QPen(QColor(0x55, 0x55, 0x55), 1.2));
        const QLineF line(b, a);
        const double angle = std::atan2(-line.dy(), line.dx());
        QPolygonF head;
        head << b << b + QPointF(std::sin(angle + M_PI / 3) * 8, std::cos(angle + M_PI / 3) * 8)
             << b + QPointF(std::sin(angle + M_PI - M_PI / 3) * 8, std::cos(angle + M_PI - M_PI / 3) * 8);
        scene()->addPolygon(head, QPen(QColor(0x55, 0x55, 0x55)), QBrush(QColor(0x55, 0x55, 0x55)));
        auto *label = scene()->addSimpleText(it.value().mid(0, 3).join(QLatin1String(", ")));
        label->setPos((a + b) / 2 + QPointF(-10, -16));
        ++m_edges;
    }
    for (int i = 0; i < nodes.size(); ++i) {
        const Node &node = nodes[i];
        auto *box = scene()->addRect(at[i].x() - kWidth / 2, at[i].y() - kHeight / 2, kWidth, kHeight,
                                     QPen(colours[node.kind].darker(130)),
                                     QBrush(colours[node.kind].lighter(node.kind == 0 ? 100 : 140)));
        box->setToolTip(node.label + QStringLiteral("\n") + node.detail);
        auto *text = scene()->addSimpleText(node.label + QStringLiteral("\n") + node.detail);
        text->setBrush(node.kind == 0 ? QBrush(Qt::white) : QBrush(Qt::black));
        text->setPos(at[i].x() - kWidth / 2 + 6, at[i].y() - kHeight / 2 + 2);
        ++m_nodes;
    }
    if (cut) {
        auto *note = scene()->addSimpleText(tr("Only the first %1 endpoints are drawn.").arg(kMaxNodes));
        note->setPos(scene()->itemsBoundingRect().bottomLeft() + QPointF(0, 10));
    }
    setSceneRect(scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    // A large neighbourhood is shown whole, down to a scale where the names still read.
    resetTransform();
    const QRectF bounds = sceneRect();
    const double fit = std::min({1.0, viewport()->width() / std::max(1.0, bounds.width()),
                                 viewport()->height() / std::max(1.0, bounds.height())});
    const double scale = std::max(0.45, fit);
    this->scale(scale, scale);
}

} // namespace landfall
