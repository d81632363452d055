#include "resourcesbeforeafterchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QVBarModelMapper>
#include <QValueAxis>

namespace landfall {

QChart *ResourcesBeforeAfterChart::create(QAbstractItemModel *model, int labelColumn, int beforeColumn, int afterColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    // Horizontal: the resource names ("Windows Server licences") read whole on the left.
    auto *series = new QHorizontalBarSeries;
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(beforeColumn);
    mapper->setLastBarSetColumn(afterColumn);
    mapper->setFirstRow(0);
    mapper->setRowCount(model->rowCount());
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);
    series->setBarWidth(0.75);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(10);

    const double highest = std::max(1.0, ChartStyle::styleComparisonBars(series, 11));
    QBarCategoryAxis *categories = ChartStyle::categoryAxis(model, labelColumn, 12);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    auto *values = new QValueAxis;
    values->setRange(0, highest * 1.15);
    values->applyNiceNumbers();
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setLabelsFont(ChartStyle::font(12));
    values->setLabelsColor(ChartStyle::muted());
    values->setGridLineColor(ChartStyle::gridLine());
    values->setLineVisible(false);
    values->setTitleText(QObject::tr("Amount (vCPU, GiB, licences)"));
    values->setTitleFont(ChartStyle::font(12));
    values->setTitleBrush(ChartStyle::muted());
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
