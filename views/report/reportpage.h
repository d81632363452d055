#pragma once

#include "report/reportmodel.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

namespace landfall {

/** One thing to draw on a page, positioned by ReportLayout in device units. Text is drawn
    with QPainter::drawText at a baseline point: nothing in it is ever interpreted. */
struct PageItem {
    enum class Kind { Text, Fill, Line, Chart, Logo };
    Kind kind = Kind::Text;
    QRectF rect; ///< Text: x and baseline y in topLeft; Line: from topLeft to bottomRight
    QString text;
    int font = 0; ///< ReportStyle::Font
    QColor color;
    qreal lineWidth = 0;
    bool dotted = false; ///< Line: the dot leaders of the table of contents
    ReportBlock::Chart chart = ReportBlock::Chart::PathDonut;
    int scenarioIndex = 0;
};

/** A laid-out page: what to draw, and the section whose title its running header shows. */
struct ReportPage {
    QList<PageItem> items;
    QString header;
    bool cover = false;
};

} // namespace landfall
