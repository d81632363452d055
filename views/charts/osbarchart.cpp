#include "osbarchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

QChart *OsBarChart::create(QAbstractItemModel *model, int labelColumn, int valueColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QHorizontalBarSeries;
    // A horizontal bar chart draws its first category at the bottom, and QBarCategoryAxis::setReverse
    // does not move the bars with the labels: the rows go in last first, so that the most common
    // system is on top and "Other" (the model's last row) at the bottom.
    auto *set = new QBarSet(QObject::tr("VMs"));
    QStringList labels;
    double highest = 0;
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const double value = model->index(row, valueColumn).data().toDouble();
        set->append(value);
        labels.append(model->index(row, labelColumn).data().toString());
        highest = std::max(highest, value);
    }
    series->append(set);
    chart->addSeries(series);
    series->setBarWidth(0.72);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(8);
    set->setColor(ChartStyle::primary());
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(ChartStyle::ink());
    set->setLabelFont(ChartStyle::font(12, true));
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
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
