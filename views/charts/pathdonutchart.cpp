#include "pathdonutchart.h"

#include "chartstyle.h"

#include "domain/quantityformat.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QVPieModelMapper>

namespace landfall {

QChart *PathDonutChart::create(QAbstractItemModel *model, int labelColumn, int valueColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QPieSeries;
    series->setHoleSize(0.55);
    series->setPieSize(0.9);
    auto *mapper = new QVPieModelMapper(chart);
    mapper->setLabelsColumn(labelColumn);
    mapper->setValuesColumn(valueColumn);
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);

    // Colours follow the path (its key in Qt::UserRole), not the slice's position.
    double total = 0;
    for (const QPieSlice *slice : series->slices())
        total += slice->value();
    const QList<QPieSlice *> slices = series->slices();
    for (int i = 0; i < slices.size(); ++i) {
        QPieSlice *slice = slices.at(i);
        const QString key = model->index(i, labelColumn).data(Qt::UserRole).toString();
        slice->setBrush(ChartStyle::pathColor(key));
        slice->setPen(QPen(Qt::white, 2));
        slice->setLabelVisible(false);
        const double share = total > 0 ? 100.0 * slice->value() / total : 0;
        // Two lines, name over figures: the legend beside the donut gets a share of the chart's
        // width only, and one line ("Cloud native 62 (20 %)") would be elided there.
        slice->setLabel(QStringLiteral("%1<br>%2 (%3 %)")
                            .arg(slice->label().toHtmlEscaped(), QuantityFormat::count(slice->value()),
                                 QLocale().toString(share, 'f', share < 10 ? 1 : 0)));
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setFont(ChartStyle::font(14));
    return chart;
}

} // namespace landfall
