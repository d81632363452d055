// The report's body at 10,000 VMs (issue 17): a generated estate (tools/generate_inventory.py,
// as the report benchmark makes it) imported and reported through landfall-cli. The body must
// stay within 25 pages however large the estate; no scenario key, no project file name, no
// identifier split mid-token; the summary holds the money. The appendix is left out here (the
// demo test checks it): what grows with the estate is the body's bound.
#include "reportchecks.h"

#include <QLocale>
#include <QStandardPaths>

using namespace landfall;
using namespace reporttest;

class TestReportBody10k : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are needed");
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is needed to generate the 10,000-VM inventory");
        QVERIFY(m_dir.isValid());
        const QString inventory = m_dir.filePath(QStringLiteral("inventory.csv"));
        const QString answers = m_dir.filePath(QStringLiteral("answers.csv"));
        Run r = run(python, {QStringLiteral(LANDFALL_SOURCE_DIR "/tools/generate_inventory.py"),
                             QStringLiteral("--vms"), QStringLiteral("10000"), QStringLiteral("--rvtools"), inventory,
                             QStringLiteral("--answers"), answers, QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_project = m_dir.filePath(QStringLiteral("estate-10k.landfall"));
        r = cli({QStringLiteral("import"), m_project, inventory, answers});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString baseline = m_dir.filePath(QStringLiteral("baseline.json"));
        writeFile(baseline, R"({"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128},
                                "nodeSizes": [{"vcpu": 4, "memoryGiB": 16}, {"vcpu": 16, "memoryGiB": 64},
                                              {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]})");
        r = cli({QStringLiteral("scenario"), m_project, QStringLiteral("--add"), baseline});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = cli({QStringLiteral("scenario"), m_project, QStringLiteral("--recommend"), QStringLiteral("baseline"),
                 QStringLiteral("--why"), QStringLiteral("It buys the least capacity.")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), m_pdf, QStringLiteral("--appendix"),
                 QStringLiteral("none"), QStringLiteral("--customer"), QStringLiteral("Benchmark Customer")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_pages = pageTexts(m_pdf);
    }

    void bodyIsAtMost25Pages()
    {
        QVERIFY2(m_pages.size() <= 25, qPrintable(QString::number(m_pages.size())));
        QCOMPARE(bodyPages(m_pages), int(m_pages.size()));
        const QString text = flow(m_pages.join(u' '));
        QVERIFY(text.contains(QLatin1String("Other (")));                      // the pivots stay bounded
        QVERIFY(text.contains(QLatin1String("The waves, their move groups"))); // and the wave table is there
        QVERIFY(text.contains(QLatin1String("other decisions")));              // and the decision tables
    }

    void summaryHoldsRecommendationAndMoney()
    {
        const Run cost = cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"),
                              QStringLiteral("baseline"), QStringLiteral("--json")});
        QVERIFY2(cost.status == 0, qPrintable(cost.err));
        const QJsonObject json = QJsonDocument::fromJson(cost.out.toUtf8()).object();
        const QString currency = json.value(QStringLiteral("currency")).toString();
        const QJsonObject monthly = json.value(QStringLiteral("monthly")).toObject();
        const QLocale english(QLocale::English);
        QString summary;
        for (int i = 2; i < m_pages.size() && !m_pages.at(i).contains(QLatin1String("The inventory holds")); ++i)
            summary += m_pages.at(i);
        summary = flow(summary);
        QVERIFY(summary.contains(QStringLiteral("We recommend scenario \u201cbaseline\u201d")));
        for (const QString &key : {QStringLiteral("before"), QStringLiteral("after")}) {
            const QString amount = english.toString(monthly.value(key).toDouble(), 'f', 0) + u' ' + currency;
            QVERIFY2(summary.contains(amount), qPrintable(amount));
        }
    }

    void noScenarioKeyNoProjectFileNoSplitIdentifier()
    {
        const QString text = pdfText(m_pdf);
        const QStringList keys = scenarioKeys(R"({"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128}})");
        QVERIFY(keys.size() > 20);
        for (const QString &key : keys)
            QVERIFY2(!text.contains(key), qPrintable(key));
        QVERIFY(!text.contains(QLatin1String("estate-10k")));
        QVERIFY(!text.contains(QLatin1String(".landfall")));

        const Run classify = cli({QStringLiteral("classify"), m_project, QStringLiteral("--json")});
        QCOMPARE(classify.status, 0);
        QStringList identifiers;
        for (const QJsonValue &value : QJsonDocument::fromJson(classify.out.toUtf8()).array()) {
            identifiers.append(value.toObject().value(QStringLiteral("baseImage")).toString());
            identifiers.append(value.toObject().value(QStringLiteral("name")).toString());
        }
        identifiers.removeAll(QString());
        identifiers.removeDuplicates();
        int checked = 0;
        const QStringList broken =
            splitIdentifiers(flow(pdfText(m_pdf, {QStringLiteral("-raw")})), identifiers, checked);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral(" | "))));
        QVERIFY(checked > 10);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_pdf;
    QStringList m_pages;
};

QTEST_MAIN(TestReportBody10k)
#include "tst_reportbody10k.moc"
