#include "io/cellparser.h"
#include "io/csvreader.h"

#include <QTest>

using namespace landfall;

namespace {

QList<QStringList> readAll(CsvReader &reader)
{
    QList<QStringList> rows;
    Record record;
    while (reader.next(record)) {
        QStringList fields;
        for (const QString &field : record.fields)
            fields.append(field);
        rows.append(fields);
    }
    return rows;
}

} // namespace

/** The CSV dialects inventories arrive in, and the files that must be refused. */
class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks()
    {
        CsvReader reader(QByteArrayLiteral("VM,Annotation,CPUs\r\n"
                                           "a,\"Owner: Finance, ticket 1\",2\r\n"
                                           "b,\"say \"\"hi\"\"\nsecond line\",4\r\n"
                                           "c,,8\r\n"),
                         QStringLiteral("f.csv"));
        QVERIFY(!reader.error());
        QCOMPARE(reader.header(), QStringList({u"VM"_qs, u"Annotation"_qs, u"CPUs"_qs}));
        const QList<QStringList> rows = readAll(reader);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0][1], QStringLiteral("Owner: Finance, ticket 1"));
        QCOMPARE(rows[1][1], QStringLiteral("say \"hi\"\nsecond line"));
        QCOMPARE(rows[2][2], QStringLiteral("8"));
    }

    void rowNumbersCountRecordsWithTheHeaderAsRowOne()
    {
        CsvReader reader(QByteArrayLiteral("a,b\n1,\"x\ny\"\n\n3,4\n"), QStringLiteral("f.csv"));
        Record record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.row, 2);
        QVERIFY(reader.next(record));
        QCOMPARE(record.row, 4); // the blank line is row 3, as a spreadsheet shows it
    }

    void europeanExcelUsesSemicolonsAndDecimalCommas()
    {
        CsvReader reader(QByteArrayLiteral("\xEF\xBB\xBFVM;Memory;Note\r\nx;2,5;\"a;b\"\r\n"), QStringLiteral("f.csv"));
        QCOMPARE(reader.delimiter(), ';');
        QCOMPARE(reader.decimalMark(), QChar(u','));
        QCOMPARE(reader.header().constFirst(), QStringLiteral("VM")); // the byte-order mark is gone
        const QList<QStringList> rows = readAll(reader);
        QCOMPARE(rows[0][1], QStringLiteral("2,5"));
        QCOMPARE(rows[0][2], QStringLiteral("a;b"));
        QCOMPARE(CellParser(reader.decimalMark()).number(rows[0][1]), 2.5);
    }

    void tabsAndUtf16FromExcelUnicodeText()
    {
        QString text = QStringLiteral("VM\tCPUs\r\nZürich-01\t4\r\n");
        QByteArray bytes("\xFF\xFE", 2);
        bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        CsvReader reader(bytes, QStringLiteral("f.txt"));
        QVERIFY(!reader.error());
        QCOMPARE(reader.delimiter(), '\t');
        QCOMPARE(readAll(reader)[0][0], QStringLiteral("Zürich-01"));
    }

    void legacyWindows1252IsReadWithAWarning()
    {
        CsvReader reader(QByteArrayLiteral("VM,Note\nM\xFCnchen-01,\x80 5\n"), QStringLiteral("f.csv"));
        QVERIFY(!reader.error());
        QVERIFY(reader.warning().contains(QLatin1String("Windows-1252")));
        const QList<QStringList> rows = readAll(reader);
        QCOMPARE(rows[0][0], QStringLiteral("München-01"));
        QCOMPARE(rows[0][1], QStringLiteral("€ 5"));
    }

    void aByteOrderMarkIsSteppedOverWhateverTheEncoding()
    {
        // The mark is skipped in place (the file is not copied): a Windows-1252 file behind a
        // UTF-8 mark, and a NUL byte's offset, are both counted after it.
        CsvReader legacy(QByteArrayLiteral("\xEF\xBB\xBFVM,Note\nM\xFCnchen-01,x\n"), QStringLiteral("f.csv"));
        QVERIFY(!legacy.error());
        QCOMPARE(legacy.header().constFirst(), QStringLiteral("VM"));
        QCOMPARE(readAll(legacy)[0][0], QStringLiteral("München-01"));
        CsvReader binary(QByteArray("\xEF\xBB\xBFVM\n", 6) + '\0', QStringLiteral("f.csv"));
        QVERIFY(binary.error());
        QVERIFY(binary.error()->message.contains(QLatin1String("NUL byte at offset 3")));
    }

    void repeatedTextsAreTheSameValues()
    {
        // A column's repeated texts are shared between rows; each row still reads its own value.
        CsvReader reader(QByteArrayLiteral("a,b\nFalse,x\nFalse,\"x\"\nTrue,\"y\"\"\"\nFalse,\n"),
                         QStringLiteral("f.csv"));
        const QList<QStringList> rows = readAll(reader);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[1], QStringList({u"False"_qs, u"x"_qs}));
        QCOMPARE(rows[2], QStringList({u"True"_qs, u"y\""_qs}));
        QCOMPARE(rows[3][0], QStringLiteral("False"));
        QVERIFY(!rows[3][1].isNull());
        QVERIFY(rows[3][1].isEmpty());
    }

    void onlyWantedColumnsAreConverted()
    {
        CsvReader reader(QByteArrayLiteral("a,b,c\n1,2,3\n"), QStringLiteral("f.csv"));
        reader.setWantedColumns({false, true, false});
        Record record;
        QVERIFY(reader.next(record));
        QVERIFY(record.fields[0].isNull());
        QCOMPARE(record.fields[1], QStringLiteral("2"));
    }

    void shortRowsReadAsEmptyAndTrailingSeparatorsAreHarmless()
    {
        CsvReader reader(QByteArrayLiteral("a,b,c\n1\n4,5,6,\n"), QStringLiteral("f.csv"));
        const QList<QStringList> rows = readAll(reader);
        QVERIFY(!reader.error());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0], QStringList({u"1"_qs, u""_qs, u""_qs}));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << u"f.csv:1: the file is empty"_qs;
        QTest::newRow("binary") << QByteArray("PK\0\0garbage", 11) << u"NUL byte"_qs;
        QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"open\n") << u"f.csv:2: a quoted field opens"_qs;
        QTest::newRow("text after quote")
            << QByteArray("a,b\n\"x\"y,2\n") << u"f.csv:2: text follows a closing quote"_qs;
        QTest::newRow("too many fields") << QByteArray("a,b\n1,2,3\n") << u"f.csv:2: the row has 3 fields"_qs;
        QTest::newRow("a million columns") << QByteArray(1000000, ',') << u"more than 4096 columns"_qs;
    }

    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        CsvReader reader(content, QStringLiteral("f.csv"));
        Record record;
        while (reader.next(record)) {
        }
        QVERIFY(reader.error());
        QVERIFY2(reader.error()->toString().contains(expected), qPrintable(reader.error()->toString()));
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("decimalMark");
        QTest::addColumn<double>("expected"); // NaN: refused
        const double refused = qQNaN();
        QTest::newRow("plain") << u"8192"_qs << QChar(u'.') << 8192.0;
        QTest::newRow("thousands") << u"16,384"_qs << QChar(u'.') << 16384.0;
        QTest::newRow("millions") << u"1,048,576.5"_qs << QChar(u'.') << 1048576.5;
        QTest::newRow("decimal comma") << u"2,5"_qs << QChar(u',') << 2.5;
        QTest::newRow("european thousands") << u"16.384"_qs << QChar(u',') << 16384.0;
        QTest::newRow("negative") << u"-4"_qs << QChar(u'.') << -4.0;
        QTest::newRow("words") << u"four"_qs << QChar(u'.') << refused;
        QTest::newRow("bad grouping") << u"1,23"_qs << QChar(u'.') << refused;
        QTest::newRow("two decimals") << u"1.2.3"_qs << QChar(u'.') << refused;
        QTest::newRow("empty") << u""_qs << QChar(u'.') << refused;
        QTest::newRow("infinity") << u"inf"_qs << QChar(u'.') << refused;
    }

    void numbers()
    {
        QFETCH(QString, text);
        QFETCH(QChar, decimalMark);
        QFETCH(double, expected);
        const std::optional<double> value = CellParser(decimalMark).number(text);
        if (qIsNaN(expected))
            QVERIFY2(!value, qPrintable(text));
        else
            QCOMPARE(value.value_or(-1), expected);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
