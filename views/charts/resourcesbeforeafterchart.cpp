#include "resourcesbeforeafterchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QVBarModelMapper>
#include <QValueAxis>

namespace landfall {

QChart *ResourcesBeforeAfterChart::create(QAbstractItemModel *model, int labelColumn, int beforeColumn, int afterColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QBarSeries;
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

    double highest = 1;
    const QList<QBarSet *> sets = series->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        QBarSet *set = sets.at(i);
        set->setColor(i == 0 ? ChartStyle::secondary() : ChartStyle::primary());
        set->setBorderColor(Qt::transparent);
        set->setLabelColor(ChartStyle::ink());
        set->setLabelFont(ChartStyle::font(11, true));
        for (int j = 0; j < set->count(); ++j)
            highest = std::max(highest, set->at(j));
    }
    QStringList labels;
    for (int row = 0; row < model->rowCount(); ++row)
        labels.append(model->index(row, labelColumn).data().toString());
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    categories->setLabelsFont(ChartStyle::font(12));
    categories->setLabelsColor(ChartStyle::ink());
    categories->setGridLineVisible(false);
    categories->setLinePenColor(ChartStyle::muted());
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);

    auto *values = new QValueAxis;
    values->setRange(0, highest * 1.15);
    values->applyNiceNumbers();
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setLabelsFont(ChartStyle::font(12));
    values->setLabelsColor(ChartStyle::muted());
    values->setGridLineColor(ChartStyle::gridLine());
    values->setLineVisible(false);
    values->setTitleText(QObject::tr("Amount"));
    values->setTitleFont(ChartStyle::font(12));
    values->setTitleBrush(ChartStyle::muted());
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
