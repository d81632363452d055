#pragma once

#include "density/nodesizesweep.h"
#include "report/reportmodel.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>

class QPainter;

namespace landfall {

/** The report's charts that Qt Charts draws poorly on paper, painted directly so they stay
    vector in the PDF: the node-size sweep as bars (an infeasible size shown as a struck-out
    slot with its reason, the best size marked) and the wave plan as a Gantt chart. */
class ReportPaintedCharts {
public:
    struct Style {
        QFont font;     ///< the labels' face; sized here from `unit`
        qreal unit = 1; ///< device units per point
        QColor primary; ///< bars
        QColor accent;  ///< the best size, the over-limit waves' outline
        QColor ink;
        QColor muted;
        QColor rule;
    };

    static void paintSweep(QPainter &painter, const QRectF &rect, const QList<NodeSizePoint> &points,
                           const Style &style);
    static void paintGantt(QPainter &painter, const QRectF &rect, const QList<GanttBar> &waves, const Style &style);
};

} // namespace landfall
