#include "nodesizesweepchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

namespace {

QLineSeries *mapped(QAbstractItemModel *model, int xColumn, int yColumn, QChart *chart)
{
    auto *series = new QLineSeries;
    auto *mapper = new QVXYModelMapper(chart);
    mapper->setXColumn(xColumn);
    mapper->setYColumn(yColumn);
    mapper->setModel(model);
    mapper->setSeries(series);
    chart->addSeries(series);
    return series;
}

} // namespace

QChart *NodeSizeSweepChart::create(QAbstractItemModel *model, int vcpuColumn, int nodesColumn, int lowerBoundColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);

    QLineSeries *bound = nullptr;
    if (lowerBoundColumn >= 0) {
        bound = mapped(model, vcpuColumn, lowerBoundColumn, chart);
        bound->setName(QObject::tr("Lower bound"));
        bound->setPen(QPen(ChartStyle::secondary(), 2, Qt::DashLine));
    }

    QLineSeries *nodes = mapped(model, vcpuColumn, nodesColumn, chart);
    nodes->setName(QObject::tr("Nodes needed"));
    nodes->setPen(QPen(ChartStyle::primary(), 3));
    nodes->setPointsVisible(true);
    nodes->setPointLabelsVisible(true);
    nodes->setPointLabelsFormat(QStringLiteral("@yPoint"));
    nodes->setPointLabelsFont(ChartStyle::font(12, true));
    nodes->setPointLabelsColor(ChartStyle::ink());
    nodes->setPointLabelsClipping(false);

    double minX = 1;
    double maxX = 2;
    double maxY = 1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const double x = model->index(row, vcpuColumn).data().toDouble();
        const double y = model->index(row, nodesColumn).data().toDouble();
        minX = row == 0 ? x : std::min(minX, x);
        maxX = row == 0 ? x : std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    auto *xAxis = new QLogValueAxis;
    xAxis->setBase(2);
    xAxis->setRange(std::max(0.5, minX / 1.5), maxX * 1.5);
    xAxis->setLabelFormat(QStringLiteral("%g"));
    xAxis->setMinorTickCount(0);
    xAxis->setTitleText(QObject::tr("Node size (vCPU)"));
    xAxis->setTitleFont(ChartStyle::font(12));
    xAxis->setTitleBrush(ChartStyle::muted());
    xAxis->setLabelsFont(ChartStyle::font(12));
    xAxis->setLabelsColor(ChartStyle::muted());
    xAxis->setGridLineColor(ChartStyle::gridLine());
    xAxis->setLinePenColor(ChartStyle::muted());
    chart->addAxis(xAxis, Qt::AlignBottom);

    auto *yAxis = new QValueAxis;
    yAxis->setRange(0, maxY * 1.2);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setTitleText(QObject::tr("Nodes"));
    yAxis->setTitleFont(ChartStyle::font(12));
    yAxis->setTitleBrush(ChartStyle::muted());
    yAxis->setLabelsFont(ChartStyle::font(12));
    yAxis->setLabelsColor(ChartStyle::muted());
    yAxis->setGridLineColor(ChartStyle::gridLine());
    yAxis->setLineVisible(false);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QLineSeries *series : {bound, nodes}) {
        if (series) {
            series->attachAxis(xAxis);
            series->attachAxis(yAxis);
        }
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
