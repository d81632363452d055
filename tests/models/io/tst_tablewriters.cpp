#include "io/csvreader.h"
#include "io/tablewriters.h"
#include "io/xlsxreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

PlanTable sampleTable()
{
    PlanTable table;
    table.header = {QStringLiteral("name"), QStringLiteral("vcpu"), QStringLiteral("memoryGiB"),
                    QStringLiteral("notes")};
    table.rows = {
        {QStringLiteral("web-01"), 4, 8.5, QStringLiteral("plain")},
        {QStringLiteral("=HYPERLINK(\"http://x\")"), 2, 4.0, QStringLiteral("+1 and, \"quoted\"\nline")},
        {QStringLiteral("@SUM(A1)"), 1, 0.5, QStringLiteral("-2")},
        {QStringLiteral("Zürich <b>x</b>"), qint64(16), 64.0, QString()},
    };
    return table;
}

} // namespace

/** The plan's CSV and xlsx exports: they read back as written, and formulas stay text. */
class TestTableWriters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formulaGuard_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("minus") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("plain") << QStringLiteral("web-01") << QStringLiteral("web-01");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }

    void formulaGuard()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(FormulaGuard::neutralize(text), expected);
    }

    void csvRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.csv"));
        QVERIFY(!CsvTableWriter::write(sampleTable(), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        CsvReader reader(bytes, path);
        QCOMPARE(reader.header(), sampleTable().header);
        Record record;
        QList<std::vector<QString>> rows;
        while (reader.next(record))
            rows.append(record.fields);
        QVERIFY(!reader.error());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0][0], QStringLiteral("web-01"));
        QCOMPARE(rows[0][2], QStringLiteral("8.5"));
        QCOMPARE(rows[1][0], QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows[1][3], QStringLiteral("'+1 and, \"quoted\"\nline"));
        QCOMPARE(rows[2][0], QStringLiteral("'@SUM(A1)"));
        QCOMPARE(rows[2][3], QStringLiteral("'-2"));
        QCOMPARE(rows[3][0], QStringLiteral("Zürich <b>x</b>"));
        QCOMPARE(rows[3][1], QStringLiteral("16"));
    }

    void xlsxReadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.xlsx"));
        QVERIFY(!XlsxTableWriter::write(sampleTable(), path, QStringLiteral("Plan")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        XlsxReader reader(path, QStringLiteral("Plan"));
        QVERIFY2(!reader.error(), qPrintable(reader.error() ? reader.error()->toString() : QString()));
        QCOMPARE(reader.header(), sampleTable().header);
        Record record;
        QList<std::vector<QString>> rows;
        while (reader.next(record))
            rows.append(record.fields);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0][1], QStringLiteral("4"));
        QCOMPARE(rows[0][2], QStringLiteral("8.5"));
        QCOMPARE(rows[1][0], QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows[1][3], QStringLiteral("'+1 and, \"quoted\"\nline"));
        QCOMPARE(rows[3][0], QStringLiteral("Zürich <b>x</b>"));
        QCOMPARE(rows[3][3], QString());
    }

    void anUnwritablePathIsAnError()
    {
        QVERIFY(CsvTableWriter::write(sampleTable(), QStringLiteral("/nonexistent-dir/plan.csv")));
        QVERIFY(XlsxTableWriter::write(sampleTable(), QStringLiteral("/nonexistent-dir/plan.xlsx")));
    }
};

QTEST_GUILESS_MAIN(TestTableWriters)
#include "tst_tablewriters.moc"
