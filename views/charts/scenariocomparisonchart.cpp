#include "scenariocomparisonchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

QChart *ScenarioComparisonChart::create(QAbstractItemModel *model, int nameColumn, int firstBarColumn,
                                        int lastBarColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QBarSeries;
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(firstBarColumn);
    mapper->setLastBarSetColumn(lastBarColumn);
    mapper->setFirstRow(0);
    mapper->setRowCount(model->rowCount());
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(6);

    const double highest = ChartStyle::styleComparisonBars(series, 12);
    QBarCategoryAxis *categories = ChartStyle::categoryAxis(model, nameColumn, 13);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);

    QValueAxis *values = ChartStyle::countAxis(highest * 1.18, QObject::tr("Machines"));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
