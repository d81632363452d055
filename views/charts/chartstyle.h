#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

class QAbstractBarSeries;
class QAbstractItemModel;
class QBarCategoryAxis;
class QChart;
class QValueAxis;

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
    /** Colours the sets of a VM-against-container bar series (VM side first) and labels its
        bars; returns the highest value, for the value axis's range. */
    static double styleComparisonBars(QAbstractBarSeries *series, int labelPixelSize);
    /** A category axis labelled with `column` of `model`, one category per row, each label as
        drawnLabels() makes it. */
    static QBarCategoryAxis *categoryAxis(const QAbstractItemModel *model, int column, int labelPixelSize);
    /** Category labels a chart never elides into something ambiguous: a long label takes its
        distinct short form ("WS 2008 R2") and, if still long, wraps onto two lines (rich text,
        "<br>"); the text is HTML-escaped, as Qt Charts draws labels as rich text. */
    static QStringList drawnLabels(const QStringList &labels, int wrapAt = kWrapAt);
    /** The full label a drawn one stands for, as plain text on one line (the test reads both). */
    static QString plainLabel(const QString &drawn);
    static constexpr int kWrapAt = 14;
    /** A count axis from 0 to a nice number above `top`, titled `title`, in whole numbers. */
    static QValueAxis *countAxis(double top, const QString &title);
};

} // namespace landfall
