#pragma once

#include <QGraphicsView>

namespace landfall {

class WavePlanModel;

/** The dependency graph of one move group: its VMs, and the VMs of other groups and external
    endpoints they talk to, laid out in layers (clients left of servers), each edge with its port. */
class DependencyGraphView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr int kMaxNodes = 80; ///< a larger neighbourhood is cut, and said

    explicit DependencyGraphView(QWidget *parent = nullptr);
    /** Draws group `name` of the model's plan; an empty name clears the view. */
    void showGroup(const WavePlanModel &model, const QString &name);
    int nodeCount() const { return m_nodes; }
    int edgeCount() const { return m_edges; }

private:
    int m_nodes = 0;
    int m_edges = 0;
};

} // namespace landfall
