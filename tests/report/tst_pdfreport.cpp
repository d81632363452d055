// The customer report as the consultant gets it: `landfall-cli report` on the demo project,
// read back with poppler's pdftotext, pdfinfo and pdffonts; and the chart factories and the
// GUI's File menu entries.
#include "reportfixture.h"

#include "charts/nodesizesweepchart.h"
#include "charts/pathdonutchart.h"
#include "charts/scenariocomparisonchart.h"
#include "itemmodels/reportpathmodel.h"
#include "itemmodels/reportscenariomodel.h"
#include "itemmodels/reportsweepmodel.h"
#include "mainwindow.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QMenuBar>
#include <QPieSeries>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace landfall;
using namespace reporttest;

namespace {

QString pdfText(const QString &pdf, const QStringList &extra = {})
{
    const Run r = run(QStringLiteral("pdftotext"), extra + QStringList{pdf, QStringLiteral("-")});
    return r.status == 0 ? r.out : QString();
}

int pageCount(const QString &pdf)
{
    const Run r = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(r.out);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/** The text in drawing order, lines joined by spaces: a cell wrapped at a space reads whole. */
QString flowText(const QString &pdf)
{
    return pdfText(pdf, {QStringLiteral("-raw")}).replace(u'\n', u' ').replace(u'\f', u' ');
}

} // namespace

class TestPdfReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are needed");
        QVERIFY(m_dir.isValid());
        m_project = makeDemoProject(m_dir);
        QVERIFY(!m_project.isEmpty());
        m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Run r =
            cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), m_pdf, QStringLiteral("--customer"),
                 QStringLiteral("Acme <b>Holdings</b> & Co"), QStringLiteral("--consultant"),
                 QStringLiteral("Jane Doe"), QStringLiteral("--appendix"), QStringLiteral("full")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("pages")));
        const Run summary = cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")});
        QCOMPARE(summary.status, 0);
        m_summary = QJsonDocument::fromJson(summary.out.toUtf8()).object();
    }

    void summaryFigures()
    {
        const QString text = pdfText(m_pdf);
        QVERIFY(text.contains(QStringLiteral("Executive summary")));
        const int vms = m_summary.value(QStringLiteral("vms")).toInt();
        QVERIFY(vms > 300);
        // The "VMs in scope" tile and the opening sentence.
        QVERIFY(text.contains(QStringLiteral("The inventory holds %1 VMs in scope").arg(vms)));
        QVERIFY(text.contains(QStringLiteral("VMs in scope")));
        // The count per path, as the table of the summary shows it.
        const QString flow = flowText(m_pdf);
        const QJsonObject paths = m_summary.value(QStringLiteral("paths")).toObject();
        const QList<std::pair<QString, QString>> labels{
            {QStringLiteral("rehost"), QStringLiteral("Rehost")},
            {QStringLiteral("containerize"), QStringLiteral("Containerize")},
            {QStringLiteral("cloudNative"), QStringLiteral("Cloud native")},
            {QStringLiteral("retire"), QStringLiteral("Retire")},
            {QStringLiteral("retain"), QStringLiteral("Retain")}};
        int sum = 0;
        for (const auto &[key, label] : labels) {
            const int count = paths.value(key).toInt();
            sum += count;
            QVERIFY2(flow.contains(label + u' ' + QString::number(count) + u' '), qPrintable(label));
        }
        QCOMPARE(sum, vms);
        // The headline density result: nodes against hosts, then capacity bought on one basis and licences.
        QVERIFY(QRegularExpression(QStringLiteral("need [\\d,]+ container nodes")).match(flow).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("would need [\\d,]+ hosts")).match(flow).hasMatch());
        QVERIFY(flow.contains(QLatin1String("Physical cores bought, before / after")));
        QVERIFY(flow.contains(QLatin1String("Windows licences, before / after")));
    }

    void everyVmInTheAppendix()
    {
        const QString flow = flowText(m_pdf);
        const qsizetype appendix = flow.indexOf(QStringLiteral("Every VM in scope, once, grouped by application"));
        QVERIFY(appendix > 0);
        const QString tail = flow.mid(appendix);
        const Run classify = cli({QStringLiteral("classify"), m_project, QStringLiteral("--json")});
        QCOMPARE(classify.status, 0);
        const QJsonArray decisions = QJsonDocument::fromJson(classify.out.toUtf8()).array();
        QCOMPARE(decisions.size(), m_summary.value(QStringLiteral("vms")).toInt());
        for (const QJsonValue &decision : decisions) {
            const QString name = decision.toObject().value(QStringLiteral("name")).toString();
            QVERIFY2(tail.contains(name), qPrintable(name));
        }
    }

    void literalText()
    {
        const QString flow = flowText(m_pdf);
        QVERIFY(flow.contains(kHostileName));
        QVERIFY(!flow.contains(QLatin1String("&amp;\"x\"")));
        QVERIFY(!flow.contains(QLatin1String("&quot;")));
        QVERIFY(!flow.contains(QLatin1String("&lt;")));
        // The customer on the cover and in every running header, markup and all.
        const QString text = pdfText(m_pdf);
        QVERIFY(text.contains(QStringLiteral("Acme <b>Holdings</b> & Co")));
        QVERIFY(text.contains(QStringLiteral("Jane Doe")));
    }

    void scenariosAndSections()
    {
        const QString text = flowText(m_pdf);
        for (const QString &needle :
             {QStringLiteral("baseline"), QStringLiteral("large-nodes"), QStringLiteral("Contents"),
              QStringLiteral("Method and assumptions"), QStringLiteral("Container density and node sizes"),
              QStringLiteral("Node-size sweep: baseline"), QStringLiteral("Node-size sweep: large-nodes"),
              QStringLiteral("Risk register"), QStringLiteral("gMSA"), QStringLiteral("older than Windows Server 2016"),
              QStringLiteral("GPU"), QStringLiteral("vCPU of a node")})
            QVERIFY2(text.contains(needle), qPrintable(needle));
    }

    void pagesHeadersAndFonts()
    {
        const int pages = pageCount(m_pdf);
        QVERIFY2(pages >= 12 && pages <= 80, qPrintable(QString::number(pages)));
        // Every page carries its number in the footer.
        const QString text = pdfText(m_pdf);
        for (int page = 1; page <= pages; ++page)
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                     qPrintable(QString::number(page)));
        QCOMPARE(text.count(u'\f'), pages);
        // A4 by default; fonts embedded, so it reads the same on the customer's machine.
        QVERIFY(run(QStringLiteral("pdfinfo"), {m_pdf}).out.contains(QLatin1String("(A4)")));
        const Run fonts = run(QStringLiteral("pdffonts"), {m_pdf});
        QCOMPARE(fonts.status, 0);
        const QStringList lines = fonts.out.split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) {
            const QStringList columns = line.split(u' ', Qt::SkipEmptyParts);
            // name type encoding emb sub uni object ID: "emb" is the fourth from the end.
            QVERIFY2(columns.size() >= 7 && columns.at(columns.size() - 5) == QLatin1String("yes"), qPrintable(line));
        }
    }

    void letterAndChosenScenario()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
        const Run r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--paper"),
                           QStringLiteral("letter"), QStringLiteral("--scenario"), QStringLiteral("large-nodes")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(QLatin1String("(letter)")));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("Node-size sweep: large-nodes")));
        QVERIFY(!text.contains(QLatin1String("Node-size sweep: baseline")));
    }

    void exitStatuses()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("x.pdf"));
        QCOMPARE(cli({QStringLiteral("report"), m_project}).status, 2);
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--paper"),
                      QStringLiteral("a3")})
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--scenario"),
                      QStringLiteral("nope")})
                     .status,
                 1);
        QCOMPARE(cli({QStringLiteral("report"), m_dir.filePath(QStringLiteral("missing.landfall")),
                      QStringLiteral("--out"), pdf})
                     .status,
                 3);
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("no/such/dir/x.pdf"))})
                     .status,
                 1);
        QVERIFY(!QFile::exists(pdf));
    }

    void chartsFollowTheirModels()
    {
        ReportPathModel paths;
        QAbstractItemModelTester pathTester(&paths);
        paths.setCounts({{QStringLiteral("rehost"), QStringLiteral("Rehost"), 3},
                         {QStringLiteral("containerize"), QStringLiteral("Containerize"), 5}});
        std::unique_ptr<QChart> donut(PathDonutChart::create(&paths, ReportPathModel::Label, ReportPathModel::Vms));
        auto *pie = qobject_cast<QPieSeries *>(donut->series().constFirst());
        QVERIFY(pie);
        QCOMPARE(pie->count(), 2);
        QCOMPARE(pie->sum(), 8.0);

        ReportScenarioModel scenarios;
        QAbstractItemModelTester scenarioTester(&scenarios);
        DensityResult a;
        a.scenario = QStringLiteral("a");
        a.vmHosts = 4;
        a.containerNodes = 2;
        a.before.physicalCores = 128;
        a.after.physicalCores = 31.6;
        scenarios.setResults({a});
        // The report compares physical cores, the same unit on both sides, not machine counts.
        std::unique_ptr<QChart> bars(ScenarioComparisonChart::create(&scenarios, ReportScenarioModel::Name,
                                                                     ReportScenarioModel::CoresBefore,
                                                                     ReportScenarioModel::CoresAfter, u"cores"_qs));
        auto *barSeries = qobject_cast<QAbstractBarSeries *>(bars->series().constFirst());
        QVERIFY(barSeries);
        QCOMPARE(barSeries->count(), 2);
        QCOMPARE(barSeries->barSets().at(0)->at(0), 128.0);
        QCOMPARE(barSeries->barSets().at(1)->at(0), 32.0);
        QCOMPARE(barSeries->barSets().at(0)->label(), u"Before: VM hosts"_qs);

        ReportSweepModel sweep;
        QAbstractItemModelTester sweepTester(&sweep);
        NodeSizePoint big{{16, 64}, true, {}, 3, 3, 48, 192, false};
        NodeSizePoint small{{4, 16}, true, {}, 9, 8, 36, 144, true};
        NodeSizePoint impossible{{2, 4}, false, QStringLiteral("too small"), 0, 0, 0, 0, false};
        sweep.setPoints({big, impossible, small});
        QCOMPARE(sweep.rowCount(), 2);
        QCOMPARE(sweep.index(0, ReportSweepModel::NodeVcpu).data().toInt(), 4);
        std::unique_ptr<QChart> line(NodeSizeSweepChart::create(&sweep, ReportSweepModel::NodeVcpu,
                                                                ReportSweepModel::Nodes, ReportSweepModel::LowerBound));
        QCOMPARE(line->series().size(), 2);
        auto *nodes = qobject_cast<QLineSeries *>(line->series().at(1));
        QVERIFY(nodes);
        QCOMPARE(nodes->count(), 2);
        // Along a logarithmic axis: 16 vCPU sits at log2(16), labelled "16".
        QCOMPARE(nodes->at(1), QPointF(4, 3));
    }

    void fileMenuOffersReportAndExport()
    {
        MainWindow window;
        auto *report = window.findChild<QAction *>(QStringLiteral("reportAction"));
        auto *exportPlan = window.findChild<QAction *>(QStringLiteral("exportPlanAction"));
        QVERIFY(report);
        QVERIFY(exportPlan);
        QVERIFY(!report->isEnabled()); // no project yet
        QVERIFY(window.openProject(m_project));
        QVERIFY(report->isEnabled());
        QVERIFY(exportPlan->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_pdf;
    QJsonObject m_summary;
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
