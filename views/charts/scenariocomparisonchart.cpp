#include "scenariocomparisonchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

QChart *ScenarioComparisonChart::create(QAbstractItemModel *model, int nameColumn, int firstBarColumn,
                                        int lastBarColumn, const QString &valueTitle)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    // Horizontal: scenario names ("aks-32x128-licence-included") read whole on the left, on
    // two lines where needed; under vertical bars Qt Charts elides them at a projector's sizes.
    auto *series = new QHorizontalBarSeries;
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
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    QValueAxis *values =
        ChartStyle::countAxis(highest * 1.18, valueTitle.isEmpty() ? QObject::tr("Machines") : valueTitle);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
