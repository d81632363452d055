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

    const QList<QBarSet *> sets = series->barSets();
    double highest = 0;
    for (int i = 0; i < sets.size(); ++i) {
        QBarSet *set = sets.at(i);
        set->setColor(i == 0 ? ChartStyle::secondary() : ChartStyle::primary());
        set->setBorderColor(Qt::transparent);
        set->setLabelColor(ChartStyle::ink());
        set->setLabelFont(ChartStyle::font(12, true));
        for (int j = 0; j < set->count(); ++j)
            highest = std::max(highest, set->at(j));
    }

    QStringList scenarios;
    for (int row = 0; row < model->rowCount(); ++row)
        scenarios.append(model->index(row, nameColumn).data().toString());
    auto *categories = new QBarCategoryAxis;
    categories->append(scenarios);
    categories->setLabelsFont(ChartStyle::font(13));
    categories->setLabelsColor(ChartStyle::ink());
    categories->setGridLineVisible(false);
    categories->setLinePenColor(ChartStyle::muted());
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);

    auto *values = new QValueAxis;
    values->setRange(0, std::max(1.0, highest * 1.18));
    values->applyNiceNumbers();
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setLabelsFont(ChartStyle::font(12));
    values->setLabelsColor(ChartStyle::muted());
    values->setGridLineColor(ChartStyle::gridLine());
    values->setLineVisible(false);
    values->setTitleText(QObject::tr("Machines"));
    values->setTitleFont(ChartStyle::font(12));
    values->setTitleBrush(ChartStyle::muted());
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
