// The report's body as a CIO reads it (issue 17 items 1, 2, 4, 5; issue 19 item 6), on the demo
// project through landfall-cli: at most 25 pages before the appendix; the executive summary
// holds the recommendation, the currency and both monthly costs; no scenario key and no project
// file name reaches the text; identifiers break only after / : -; the exceptions appendix lists
// every VM that needs a decision, the full one every VM once; no page is less than a third full
// except a section's last; notes, the recommendation and the options are checked.
#include "reportchecks.h"

#include "report/pdfreportwriter.h"
#include "report/reportbuilder.h"
#include "report/reportlayout.h"
#include "store/projectstore.h"

#include <QBuffer>
#include <QLocale>
#include <QPdfWriter>
#include <QStandardPaths>

using namespace landfall;
using namespace reporttest;

class TestReportBody : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are needed");
        QVERIFY(m_dir.isValid());
        m_project = makeDemoProject(m_dir);
        QVERIFY(!m_project.isEmpty());
        const QString demo = QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/");
        QCOMPARE(cli({QStringLiteral("dependencies"), m_project, QStringLiteral("--import"),
                      demo + QStringLiteral("demo-dependencies.csv")})
                     .status,
                 0);
        Run r =
            cli({QStringLiteral("scenario"), m_project, QStringLiteral("--recommend"), QStringLiteral("large-nodes"),
                 QStringLiteral("--why"), QStringLiteral("Fewer, larger nodes are simpler to run.")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(cli({QStringLiteral("scenario"), m_project, QStringLiteral("--list")})
                    .out.contains(QLatin1String("large-nodes (recommended)")));
        r = cli({QStringLiteral("report-notes"), m_project, QStringLiteral("--set"),
                 QStringLiteral("risks=The customer accepts the print server risk.")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_pdf = m_dir.filePath(QStringLiteral("body.pdf"));
        r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), m_pdf, QStringLiteral("--customer"),
                 QStringLiteral("Contoso Manufacturing and Logistics Holdings International"), QStringLiteral("--note"),
                 QStringLiteral("plan=Payroll stays whole in one wave.")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_pages = pageTexts(m_pdf);
        QVERIFY(m_pages.size() > 10);
        const Run classify = cli({QStringLiteral("classify"), m_project, QStringLiteral("--json")});
        QCOMPARE(classify.status, 0);
        m_decisions = QJsonDocument::fromJson(classify.out.toUtf8()).array();
        QVERIFY(m_decisions.size() > 300);
    }

    void bodyIsAtMost25Pages()
    {
        const int body = bodyPages(m_pages);
        QVERIFY2(body < m_pages.size(), "the default appendix (exceptions) follows the body");
        QVERIFY2(body <= 25, qPrintable(QString::number(body)));
    }

    void summaryHoldsRecommendationAndMoney()
    {
        const Run cost = cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"),
                              QStringLiteral("large-nodes"), QStringLiteral("--json")});
        QVERIFY2(cost.status == 0, qPrintable(cost.err));
        const QJsonObject json = QJsonDocument::fromJson(cost.out.toUtf8()).object();
        const QString currency = json.value(QStringLiteral("currency")).toString();
        QVERIFY(!currency.isEmpty());
        const QJsonObject monthly = json.value(QStringLiteral("monthly")).toObject();
        const QLocale english(QLocale::English);
        const QString before =
            english.toString(monthly.value(QStringLiteral("before")).toDouble(), 'f', 0) + u' ' + currency;
        const QString after =
            english.toString(monthly.value(QStringLiteral("after")).toDouble(), 'f', 0) + u' ' + currency;
        // The summary: from its title to the next section's.
        QString summary;
        for (int i = 2; i < m_pages.size() && !m_pages.at(i).contains(QLatin1String("The inventory holds")); ++i)
            summary += m_pages.at(i);
        summary = flow(summary);
        QVERIFY(summary.contains(QLatin1String("Executive summary")));
        QVERIFY2(summary.contains(QStringLiteral("We recommend scenario \u201clarge-nodes\u201d")),
                 qPrintable(summary));
        QVERIFY(summary.contains(QLatin1String("Fewer, larger nodes are simpler to run.")));
        QVERIFY2(summary.contains(before), qPrintable(before));
        QVERIFY2(summary.contains(after), qPrintable(after));
        for (const QString &needle :
             {QStringLiteral("Top risks"), QStringLiteral("Decisions for the CIO"), QStringLiteral("Licence position"),
              QStringLiteral("Physical cores"), QStringLiteral("payback")})
            QVERIFY2(summary.contains(needle), qPrintable(needle));
    }

    void sectionsAndNotes()
    {
        const QString text = flow(m_pages.join(u' '));
        for (const QString &section :
             {QStringLiteral("The estate today"), QStringLiteral("The plan by migration path"),
              QStringLiteral("Container density and node sizes"), QStringLiteral("Business case"),
              QStringLiteral("Wave plan"), QStringLiteral("Risk register"),
              QStringLiteral("Exceptions: VMs that need a decision"), QStringLiteral("Next steps"),
              QStringLiteral("Method and assumptions"), QStringLiteral("By application"), QStringLiteral("By owner"),
              QStringLiteral("By datacenter"), QStringLiteral("The waves on the calendar"),
              QStringLiteral("Payroll stays whole in one wave."),
              QStringLiteral("The customer accepts the print server risk."),
              QStringLiteral("Collect 30 days of performance data")})
            QVERIFY2(text.contains(section), qPrintable(section));
        // The infeasible size of the sweep is shown, with its reason, never dropped.
        QVERIFY(text.contains(QLatin1String("best: least vCPU bought")));
    }

    void noScenarioKeyNoProjectFile()
    {
        const QString text = pdfText(m_pdf);
        QStringList keys;
        for (const QByteArray &json :
             {QByteArray(R"({"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128}})"),
              QByteArray(R"({"name": "large-nodes", "node": {"vcpu": 64, "memoryGiB": 256}})")})
            keys += scenarioKeys(json);
        QVERIFY(keys.size() > 20);
        QVERIFY(keys.contains(QLatin1String("node.vcpu")));
        for (const QString &key : std::as_const(keys))
            QVERIFY2(!text.contains(key), qPrintable(key));
        QVERIFY(!text.contains(QLatin1String("demo.landfall")));
        QVERIFY(!text.contains(QLatin1String(".landfall")));
        // Nor the engine's names for pools and packers.
        QVERIFY(!text.contains(QLatin1String("windows-10.0.")));
        QVERIFY(!text.contains(QLatin1String("ffd")));
    }

    void identifiersNeverSplitMidToken()
    {
        // VM names and image references, wherever they stand: the default report and the full one.
        QStringList identifiers;
        for (const QJsonValue &value : std::as_const(m_decisions)) {
            const QJsonObject d = value.toObject();
            identifiers.append(d.value(QStringLiteral("baseImage")).toString());
            identifiers.append(d.value(QStringLiteral("name")).toString());
        }
        identifiers.removeAll(QString());
        identifiers.removeDuplicates();
        for (const QString &pdf : {m_pdf, fullPdf()}) {
            int checked = 0;
            const QStringList broken =
                splitIdentifiers(flow(pdfText(pdf, {QStringLiteral("-raw")})), identifiers, checked);
            QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral(" | "))));
            QVERIFY2(checked > 100, qPrintable(QString::number(checked)));
        }
    }

    void everyExceptionListed()
    {
        // Independently of the builder: low confidence, or a condition other than an
        // end-of-support notice on a VM that moves, makes a VM an exception.
        QStringList expected;
        for (const QJsonValue &value : std::as_const(m_decisions)) {
            const QJsonObject d = value.toObject();
            const QString path = d.value(QStringLiteral("path")).toString();
            bool open = false;
            if (path != QLatin1String("retire") && path != QLatin1String("retain")) {
                for (const QJsonValue &c : d.value(QStringLiteral("conditions")).toArray())
                    open = open || !c.toString().startsWith(QLatin1String("End of support"));
            }
            if (d.value(QStringLiteral("confidence")).toString() == QLatin1String("low") || open)
                expected.append(d.value(QStringLiteral("name")).toString());
        }
        QVERIFY(expected.size() > 20);
        const int body = bodyPages(m_pages);
        const QString appendix = flow(m_pages.mid(body).join(u' '));
        for (const QString &name : std::as_const(expected))
            QVERIFY2(appendix.contains(name), qPrintable(name));
        // The section counts the same VMs (and perhaps a few more: blockers, unknown OS).
        const QRegularExpressionMatch count =
            QRegularExpression(QStringLiteral("([\\d,]+) of the ([\\d,]+) VMs cannot move as planned"))
                .match(flow(m_pages.mid(0, body).join(u' ')));
        QVERIFY(count.hasMatch());
        QVERIFY(count.captured(1).remove(u',').toInt() >= expected.size());
    }

    void fullAppendixListsEveryVmOnce()
    {
        const QString pdf = fullPdf();
        QVERIFY(QFile::exists(pdf));
        const QStringList pages = pageTexts(pdf);
        const QString appendix = flow(pages.mid(bodyPages(pages)).join(u' '));
        QVERIFY(appendix.contains(QLatin1String("Appendix: every VM and its decision")));
        for (const QJsonValue &value : std::as_const(m_decisions)) {
            const QString name = value.toObject().value(QStringLiteral("name")).toString();
            QVERIFY2(appendix.count(name) == 1, qPrintable(name));
        }
    }

    void pagesAtLeastAThirdFull()
    {
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        const auto inputs = ReportBuilder::gather(*store.value(), ReportOptions());
        QVERIFY(inputs);
        QCOMPARE(inputs.value().recommended, QStringLiteral("large-nodes"));
        const auto model = ReportBuilder::build(inputs.value());
        QVERIFY(model);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        writer.setResolution(1200);
        ReportLayout layout(model.value(), &writer,
                            PdfReportWriter::pageSize(PdfReportWriter::Paper::A4).size(QPageSize::Point));
        const QList<ReportPage> pages = layout.run();
        const QList<int> starts = layout.sectionPages();
        const QRectF content = layout.contentRect();
        const qreal third = content.top() + content.height() / 3;
        for (int s = 0; s < starts.size(); ++s) {
            const int end = s + 1 < starts.size() ? starts.at(s + 1) : int(pages.size());
            for (int p = starts.at(s); p < end - 1; ++p) { // a section's last page may be short
                qreal bottom = 0;
                for (const PageItem &item : pages.at(p).items)
                    bottom = std::max(bottom, std::max(item.rect.top(), item.rect.bottom()));
                QVERIFY2(bottom >= third, qPrintable(QStringLiteral("page %1 of section %2").arg(p + 1).arg(s + 1)));
            }
        }
        QCOMPARE(model.value().headline, 1);
        QVERIFY(!model.value().waves.isEmpty());
    }

    void optionsAndErrors()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("x.pdf"));
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--appendix"),
                      QStringLiteral("some")})
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--note"),
                      QStringLiteral("nosuchsection=x")})
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf,
                      QStringLiteral("--primary-colour"), QStringLiteral("not-a-colour")})
                     .status,
                 2);
        QCOMPARE(
            cli({QStringLiteral("scenario"), m_project, QStringLiteral("--recommend"), QStringLiteral("nope")}).status,
            1);
        QCOMPARE(cli({QStringLiteral("scenario"), m_project, QStringLiteral("--why"), QStringLiteral("x")}).status, 2);
        QVERIFY(!QFile::exists(pdf));
        // Without a recommendation the summary says so and reports the first scenario.
        QCOMPARE(
            cli({QStringLiteral("scenario"), m_project, QStringLiteral("--recommend"), QStringLiteral("none")}).status,
            0);
        const Run r =
            cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf, QStringLiteral("--appendix"),
                 QStringLiteral("none"), QStringLiteral("--primary-colour"), QStringLiteral("#7a1f3d")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QStringList pages = pageTexts(pdf);
        QCOMPARE(bodyPages(pages), int(pages.size()));
        QVERIFY(flow(pages.join(u' ')).contains(QLatin1String("No scenario has been marked as recommended yet")));
    }

private:
    /** The report with the full appendix, written once. */
    QString fullPdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("full.pdf"));
        if (!QFile::exists(pdf)) {
            const Run r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), pdf,
                               QStringLiteral("--appendix"), QStringLiteral("full")});
            if (r.status != 0)
                qWarning("report --appendix full: %s", qPrintable(r.err));
        }
        return pdf;
    }

    QTemporaryDir m_dir;
    QString m_project;
    QString m_pdf;
    QStringList m_pages;
    QJsonArray m_decisions;
};

QTEST_MAIN(TestReportBody)
#include "tst_reportbody.moc"
