#pragma once

#include <QRectF>
#include <QSizeF>

class QChart;
class QPainter;

namespace landfall {

/** Draws a chart onto any painter (a PDF page, a printer, an image) through a
    QGraphicsScene, so that in a PDF it stays vector: lines and text, not pixels. */
class ChartRenderer {
public:
    /** Lays the chart out at `logicalSize` (its pixel fonts are relative to that) and scales it into `target`. */
    static void render(QChart *chart, QPainter *painter, const QRectF &target, const QSizeF &logicalSize);
};

} // namespace landfall
