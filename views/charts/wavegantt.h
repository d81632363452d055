#pragma once

#include "waves/waveplan.h"

#include <QGraphicsView>
#include <QHash>

class QGraphicsRectItem;

namespace landfall {

/** The waves as a Gantt chart: one row per wave, a bar from its first to its last day on a
    calendar axis, and under it a chip per move group. Dragging a chip onto another row (or below
    the last, for a new wave) asks to move the group there: the chart only reports the drop,
    the owner turns it into an undoable edit. */
class WaveGantt : public QGraphicsView {
    Q_OBJECT
public:
    explicit WaveGantt(QWidget *parent = nullptr);

    void setPlan(const WavePlan &plan);
    /** Where a group's chip is, in viewport coordinates; null when it is not shown. */
    QPoint chipPosition(const QString &group) const;
    /** A point in the row of `wave`, in viewport coordinates (one past the last: the new-wave row). */
    QPoint rowPosition(int wave) const;

Q_SIGNALS:
    void groupDropped(const QString &group, int wave);
    void groupClicked(const QString &group);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void layOut();
    int waveAt(double sceneY) const;

    WavePlan m_plan; ///< a copy: the chart redraws itself when resized
    QHash<QString, QGraphicsRectItem *> m_chips;
    QList<std::pair<double, double>> m_rows; ///< scene top and bottom of each wave's row, then the new-wave row
    QGraphicsRectItem *m_dragged = nullptr;
    QPointF m_dragOffset;
    QPointF m_dragStart;
};

} // namespace landfall
