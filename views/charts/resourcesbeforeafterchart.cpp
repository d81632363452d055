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

    QValueAxis *values = ChartStyle::countAxis(highest * 1.15, QObject::tr("Amount (vCPU, GiB, licences)"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
