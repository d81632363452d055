#include "businesscasecharts.h"

#include "chartstyle.h"

#include "cost/businesscasemodels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

QChart *MonthlyCostChart::create(CostByPathModel *model)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QStackedBarSeries;
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(CostByPathModel::Rehost);
    mapper->setLastBarSetColumn(CostByPathModel::Retain);
    mapper->setFirstRow(0);
    mapper->setRowCount(model->rowCount());
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);
    series->setBarWidth(0.55);

    const QList<QBarSet *> sets = series->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        const QColor colour =
            ChartStyle::pathColor(migrationPathKey(CostByPathModel::pathOf(CostByPathModel::Rehost + i)));
        sets[i]->setColor(colour);
        sets[i]->setBorderColor(colour);
    }
    double highest = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        double total = 0;
        for (int column = CostByPathModel::Rehost; column <= CostByPathModel::Retain; ++column)
            total += model->index(row, column).data().toDouble();
        highest = std::max(highest, total);
    }
    QBarCategoryAxis *categories = ChartStyle::categoryAxis(model, CostByPathModel::Label, 12);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    QValueAxis *values =
        ChartStyle::countAxis(highest * 1.1, QObject::tr("Thousands of %1 a month").arg(model->currency()));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *CostOverYearsChart::create(CostTimelineModel *model)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto line = [&](int column, const QColor &colour, const QString &name) {
        auto *series = new QLineSeries;
        series->setName(name);
        auto *mapper = new QVXYModelMapper(chart);
        mapper->setXColumn(CostTimelineModel::Month);
        mapper->setYColumn(column);
        mapper->setModel(model);
        mapper->setSeries(series);
        QPen pen(colour);
        pen.setWidthF(2.5);
        series->setPen(pen);
        chart->addSeries(series);
        return series;
    };
    QLineSeries *staying = line(CostTimelineModel::Staying, ChartStyle::secondary(), QObject::tr("Staying as today"));
    QLineSeries *moving = line(CostTimelineModel::Moving, ChartStyle::primary(), QObject::tr("Moving"));

    const int months = std::max(1, model->rowCount() - 1);
    double highest = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        highest = std::max({highest, model->index(row, CostTimelineModel::Staying).data().toDouble(),
                            model->index(row, CostTimelineModel::Moving).data().toDouble()});

    auto *payback = new QScatterSeries;
    payback->setName(QObject::tr("Payback"));
    payback->setMarkerSize(12);
    payback->setColor(ChartStyle::ink());
    payback->setBorderColor(Qt::white);
    if (const auto month = model->paybackMonth(); month && *month <= months) {
        payback->append(*month, model->index(*month, CostTimelineModel::Moving).data().toDouble());
        payback->setPointLabelsVisible(true);
        payback->setPointLabelsFormat(QObject::tr("payback, month %1").arg(*month));
        payback->setPointLabelsFont(ChartStyle::font(11, true));
        payback->setPointLabelsColor(ChartStyle::ink());
    } else {
        payback->setName(month ? QObject::tr("Payback in month %1, after these years").arg(*month)
                               : QObject::tr("No payback: moving costs more each month"));
    }
    chart->addSeries(payback);

    auto *x = new QValueAxis;
    x->setRange(0, months);
    x->setTickCount(std::min(months / 12, 10) + 1);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setLabelsFont(ChartStyle::font(12));
    x->setLabelsColor(ChartStyle::muted());
    x->setGridLineColor(ChartStyle::gridLine());
    x->setTitleText(QObject::tr("Months from the start of the move"));
    x->setTitleFont(ChartStyle::font(12));
    x->setTitleBrush(ChartStyle::muted());
    QValueAxis *y = ChartStyle::countAxis(highest * 1.05, QObject::tr("Thousands of %1").arg(model->currency()));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(staying), static_cast<QAbstractSeries *>(moving),
                                    static_cast<QAbstractSeries *>(payback)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
