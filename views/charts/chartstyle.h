#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

class QChart;

namespace landfall {

/** The house look of every chart, on screen and in the report: one restrained palette and
    fonts sized in pixels, so a chart scales as a whole when it is rendered into a PDF. */
class ChartStyle {
public:
    static QColor ink();   ///< titles and values
    static QColor muted(); ///< axis labels, legends
    static QColor gridLine();
    static QColor primary();   ///< the container side of every comparison
    static QColor secondary(); ///< the VM side
    static QColor pathColor(const QString &pathKey);

    /** A font of `pixelSize` pixels in the chart's own coordinates. */
    static QFont font(int pixelSize, bool bold = false);
    /** White background, no frame or shadow, no animation, the house fonts and legend. */
    static void apply(QChart *chart);
};

} // namespace landfall
