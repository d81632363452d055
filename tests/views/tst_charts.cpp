#include "../support/testtimeout.h"
#include "guifixture.h"

#include "charts/chartstyle.h"
#include "charts/dashboardview.h"
#include "charts/livechartview.h"
#include "charts/nodesizesweepchart.h"
#include "charts/osbarchart.h"
#include "domain/categorylabels.h"
#include "workspaceviews.h"

#include <QAbstractSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QStandardItemModel>
#include <QXYSeries>

using namespace landfall;

namespace {

/** The texts a chart draws (axis labels, bar labels, titles), as laid out in a shown view. */
QStringList drawnTexts(QChart *chart)
{
    QChartView view(chart);
    view.resize(900, 600);
    view.show();
    QCoreApplication::processEvents();
    QStringList texts;
    for (QGraphicsItem *item : view.scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append(text->toPlainText());
        else if (auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts.append(simple->text());
    }
    view.setChart(new QChart); // the caller still owns `chart`
    return texts;
}

QStandardItemModel *osModel(const QList<std::pair<QString, int>> &rows, QObject *parent)
{
    auto *model = new QStandardItemModel(int(rows.size()), 2, parent);
    for (int row = 0; row < rows.size(); ++row) {
        model->setData(model->index(row, 0), rows[row].first);
        model->setData(model->index(row, 1), rows[row].second);
    }
    return model;
}

} // namespace

/** Charts that tell the truth at a glance (issue 18, item 3). */
class TestCharts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numbersHaveTheLocalesSeparators();
    void osBarsLargestFirstOtherLast();
    void sweepShowsEverySizeWithBestCurrentAndWhyNot();
    void sweepLabelsSizesThatAreNotPowersOfTwo();
    void emptyProjectDashboardSaysWhatToDo();

private:
    QTemporaryDir m_settingsDir;
};

void TestCharts::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_charts");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCharts::numbersHaveTheLocalesSeparators()
{
    QObject owner;
    QStandardItemModel *model = osModel({{QStringLiteral("Windows Server 2019"), 1129795}}, &owner);
    std::unique_ptr<QChart> chart(OsBarChart::create(model));
    const QStringList texts = drawnTexts(chart.get());
    QVERIFY2(texts.contains(QStringLiteral("1,129,795")), qPrintable(texts.join(u'|')));
    QVERIFY(!texts.contains(QStringLiteral("1129795")));
}

void TestCharts::osBarsLargestFirstOtherLast()
{
    QObject owner;
    // The model's order: most common first, "Other" last (OsCountModel sorts so).
    QStandardItemModel *model = osModel({{QStringLiteral("Windows Server 2019"), 40},
                                         {QStringLiteral("Ubuntu 22.04"), 25},
                                         {QStringLiteral("Windows Server 2012 R2"), 10},
                                         {QStringLiteral("Other"), 30}},
                                        &owner);
    std::unique_ptr<QChart> chart(OsBarChart::create(model));
    auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    QVERIFY(series);
    auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    QVERIFY(!axis->isReverse()); // reversing the axis leaves the bars where they were
    // A horizontal bar chart draws its first category at the bottom: the last one is on top.
    const QStringList bottomToTop = axis->categories();
    // Long names take their distinct short forms ("WS 2019"); the legend gives the key.
    QCOMPARE(bottomToTop.constLast(), QStringLiteral("WS 2019"));
    QCOMPARE(bottomToTop.constFirst(), QStringLiteral("Other"));
    QVERIFY(chart->legend()->isVisible());
    const QBarSet *set = series->barSets().constFirst();
    QCOMPARE(set->count(), 4);
    for (int i = 0; i < set->count(); ++i) {
        // Each bar carries its own category's value.
        const int row = model->rowCount() - 1 - i;
        QCOMPARE(set->at(i), model->index(row, 1).data().toDouble());
        const QString full = model->index(row, 0).data().toString();
        QCOMPARE(bottomToTop.at(i), CategoryLabels::shortForms({full}, ChartStyle::kWrapAt).constFirst());
    }
}

void TestCharts::sweepShowsEverySizeWithBestCurrentAndWhyNot()
{
    QObject owner;
    // Columns: vCPU, nodes, lower bound, fits, current, best, label, reason.
    auto *model = new QStandardItemModel(4, 8, &owner);
    const QList<QList<QVariant>> rows = {
        {4, QVariant(), 0, false, false, QString(), QStringLiteral("4 vCPU, 16 GiB"),
         QStringLiteral("sql-01 needs 6 vCPU")},
        {8, 12, 10, true, true, QString(), QStringLiteral("8 vCPU, 32 GiB"), QString()},
        {16, 6, 5, true, false, QStringLiteral("cheapest"), QStringLiteral("16 vCPU, 64 GiB"), QString()},
        {32, 4, 3, true, false, QString(), QStringLiteral("32 vCPU, 128 GiB"), QString()},
    };
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < rows[row].size(); ++column)
            model->setData(model->index(row, column), rows[row][column]);
    }
    NodeSizeSweepChart::Marks marks;
    marks.feasible = 3;
    marks.current = 4;
    marks.best = 5;
    marks.label = 6;
    marks.reason = 7;
    std::unique_ptr<QChart> chart(NodeSizeSweepChart::create(model, 0, 1, 2, marks));
    QStringList names;
    int pointsOnTheLine = -1;
    for (QAbstractSeries *series : chart->series()) {
        names.append(ChartStyle::plainLabel(series->name()));
        if (series->name() == QObject::tr("Nodes needed"))
            pointsOnTheLine = int(static_cast<QXYSeries *>(series)->count());
    }
    QCOMPARE(pointsOnTheLine, 3);
    // One legend entry on two lines: "Best:" over the size.
    QVERIFY2(names.contains(QStringLiteral("Best: 16 vCPU, 64 GiB")), qPrintable(names.join(u'|')));
    QVERIFY2(names.contains(QStringLiteral("Current: 8 vCPU, 32 GiB")), qPrintable(names.join(u'|')));
    QVERIFY2(names.contains(QStringLiteral("Does not fit: 4 vCPU, 16 GiB (sql-01 needs 6 vCPU)")),
             qPrintable(names.join(u'|')));
    // Every size has its label on the x axis, the one that does not fit too (a logarithmic value
    // axis labelled only powers of two, and none between 32 and 96 vCPU).
    const QList<QAbstractAxis *> bottom = chart->axes(Qt::Horizontal);
    QCOMPARE(bottom.size(), 1);
    auto *sizes = qobject_cast<QCategoryAxis *>(bottom.constFirst());
    QVERIFY(sizes);
    QCOMPARE(sizes->categoriesLabels(),
             (QStringList{QStringLiteral("4"), QStringLiteral("8"), QStringLiteral("16"), QStringLiteral("32")}));
    for (const QString &label : sizes->categoriesLabels()) {
        const double at = sizes->endValue(label);
        QVERIFY2(at > sizes->min() && at < sizes->max(), qPrintable(label));
    }
}

void TestCharts::sweepLabelsSizesThatAreNotPowersOfTwo()
{
    QObject owner;
    // The screenshot's scenario: 32, 48, 64 and 96 vCPU, all fitting.
    auto *model = new QStandardItemModel(4, 3, &owner);
    const int vcpus[] = {32, 48, 64, 96};
    for (int row = 0; row < 4; ++row) {
        model->setData(model->index(row, 0), vcpus[row]);
        model->setData(model->index(row, 1), 40 - 8 * row);
        model->setData(model->index(row, 2), 30 - 8 * row);
    }
    std::unique_ptr<QChart> chart(NodeSizeSweepChart::create(model, 0, 1, 2));
    auto *sizes = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
    QVERIFY(sizes);
    QCOMPARE(sizes->categoriesLabels(),
             (QStringList{QStringLiteral("32"), QStringLiteral("48"), QStringLiteral("64"), QStringLiteral("96")}));
    // The points lie over their labels, in order, and the node counts are the model's.
    for (QAbstractSeries *series : chart->series()) {
        if (series->name() != QObject::tr("Nodes needed"))
            continue;
        const auto *line = static_cast<QXYSeries *>(series);
        QCOMPARE(line->count(), 4);
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(line->at(row).x(), sizes->endValue(sizes->categoriesLabels().at(row)));
            QCOMPARE(line->at(row).y(), 40.0 - 8 * row);
        }
    }
}

void TestCharts::emptyProjectDashboardSaysWhatToDo()
{
    QTemporaryDir dir;
    MainWindow window;
    window.setFileDialogs(std::make_unique<testing::SilentDialogs>());
    window.show();
    QVERIFY(window.newProject(dir.filePath(QStringLiteral("empty.landfall"))));
    DashboardView *dashboard = window.workspace()->dashboard();
    window.showView(4);
    QCoreApplication::processEvents();
    for (LiveChartView *chart : dashboard->charts()) {
        QTRY_VERIFY2(!chart->emptyText().isEmpty(), qPrintable(chart->title()));
        QVERIFY2(chart->emptyText().contains(QLatin1String("Import")), qPrintable(chart->emptyText()));
        // No axes: nothing reads "0 0 0 1 1 1".
        QVERIFY(chart->chart()->axes().isEmpty());
        QVERIFY(chart->chart()->series().isEmpty());
        QCOMPARE(chart->chart()->title(), chart->title());
    }

    // Once there are VMs, the charts come back.
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QVERIFY(window.importFiles(
        {testing::sample("rvtools-vinfo-sample.csv"), testing::sample("workshop-answers-sample.csv")}));
    QVERIFY(finished.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->charts().value(0)->emptyText().isEmpty(), landfall::test::scaledTimeout(10000));
    QTRY_VERIFY(dashboard->charts().value(1)->emptyText().isEmpty());
    QVERIFY(!dashboard->charts().value(1)->chart()->series().isEmpty());
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
