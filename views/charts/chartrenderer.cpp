#include "chartrenderer.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

namespace landfall {

void ChartRenderer::render(QChart *chart, QPainter *painter, const QRectF &target, const QSizeF &logicalSize)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), logicalSize));
    // The layout settles on the next event loop turn; a report renders at once, so force it.
    if (chart->layout())
        chart->layout()->activate();
    // Qt Charts finishes some of its layout in posted events (axis labels, legend).
    QCoreApplication::sendPostedEvents();
    scene.setSceneRect(QRectF(QPointF(0, 0), logicalSize));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    scene.render(painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    painter->restore();
    scene.removeItem(chart); // the caller keeps the chart
}

} // namespace landfall
