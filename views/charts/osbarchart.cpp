#include "osbarchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QVBarModelMapper>
#include <QValueAxis>

namespace landfall {

QChart *OsBarChart::create(QAbstractItemModel *model, int labelColumn, int valueColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QHorizontalBarSeries;
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(valueColumn);
    mapper->setLastBarSetColumn(valueColumn);
    mapper->setFirstRow(0);
    mapper->setRowCount(model->rowCount());
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);
    series->setBarWidth(0.72);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(8);

    double highest = 0;
    for (QBarSet *set : series->barSets()) {
        set->setColor(ChartStyle::primary());
        set->setBorderColor(Qt::transparent);
        set->setLabelColor(ChartStyle::ink());
        set->setLabelFont(ChartStyle::font(12, true));
        for (int i = 0; i < set->count(); ++i)
            highest = std::max(highest, set->at(i));
    }
    QStringList labels;
    for (int row = 0; row < model->rowCount(); ++row)
        labels.append(model->index(row, labelColumn).data().toString());
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    categories->setReverse(true); // the first row, the most common system, on top
    categories->setLabelsFont(ChartStyle::font(13));
    categories->setLabelsColor(ChartStyle::ink());
    categories->setGridLineVisible(false);
    categories->setLinePenColor(ChartStyle::muted());
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    // Room beyond the longest bar for its value label.
    QValueAxis *values = ChartStyle::countAxis(highest * 1.25, QObject::tr("VMs"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->hide();
    return chart;
}

} // namespace landfall
