#include "io/sheetxmlscanner.h"

#include <QtTest>

using namespace landfall;

namespace {

/** A source that hands out `xml` `piece` bytes at a time, as the zip's inflated pieces come. */
SheetXmlScanner::Source sourceOf(const QByteArray &xml, qint64 piece)
{
    auto offset = std::make_shared<qint64>(0);
    return [xml, piece, offset](char *buffer, qint64 size) {
        const qint64 n = qMin(qMin(size, piece), qint64(xml.size()) - *offset);
        std::memcpy(buffer, xml.constData() + *offset, size_t(n));
        *offset += n;
        return n;
    };
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/** Every row as "r=2: A2=s:0|B2=:8192|..." (reference, type, value or inline text), or "error: ..." at a failure. */
QStringList scan(const QByteArray &xml, qint64 piece, bool decode = true)
{
    SheetXmlScanner scanner(sourceOf(xml, piece));
    QStringList rows;
    if (!scanner.enterSheetData())
        return {scanner.hasError() ? u"error: "_qs + scanner.errorString() : u"no sheetData"_qs};
    QStringList cells;
    QString rowReference;
    while (true) {
        switch (scanner.next()) {
        case SheetXmlScanner::Token::RowStart:
            rowReference = fromView(scanner.rowReference());
            cells.clear();
            break;
        case SheetXmlScanner::Token::CellStart: {
            const QString reference = fromView(scanner.cellReference());
            const QString type = fromView(scanner.cellType());
            if (!scanner.readCell(decode)) {
                rows.append(u"error: "_qs + scanner.errorString());
                return rows;
            }
            const std::string &text = scanner.hasInlineText() ? scanner.inlineText() : scanner.value();
            cells.append(reference + u'=' + type + u':' + QString::fromUtf8(text.data(), qsizetype(text.size())));
            break;
        }
        case SheetXmlScanner::Token::RowEnd:
            rows.append(u"r="_qs + rowReference + u": "_qs + cells.join(u'|'));
            break;
        case SheetXmlScanner::Token::SheetDataEnd:
            return rows;
        case SheetXmlScanner::Token::Invalid:
            rows.append(u"error: "_qs + scanner.errorString());
            return rows;
        }
    }
}

} // namespace

/** The worksheet scanner: what it reads of well-formed sheets, whatever the pieces they come in,
    and what it refuses. */
class TestSheetXmlScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsCells_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("RVTools 4.7, x: prefix, empty shared-string cell")
            << QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"urn:s\"><x:sheetData>"
                          "<x:row r=\"1\"><x:c r=\"A1\" s=\"2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" s=\"2\" "
                          "t=\"s\" /><x:c r=\"C1\" s=\"3\"><x:v>8192</x:v></x:c></x:row></x:sheetData></x:worksheet>")
            << QStringList{u"r=1: A1=s:0|B1=s:|C1=:8192"_qs};
        QTest::newRow("no prefix, inline rich text, phonetic guide left out, formula skipped")
            << QByteArray(
                   "<worksheet><sheetPr/><dimension ref=\"A1:B2\"/><sheetData><row r=\"2\" spans=\"1:2\">"
                   "<c r=\"A2\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>web</t></r><r><t xml:space=\"preserve\">"
                   " 01</t></r><rPh><t>x</t></rPh></is></c><c r=\"B2\"><f>1+1</f><v>2</v></c></row>"
                   "</sheetData></worksheet>")
            << QStringList{u"r=2: A2=inlineStr:web 01|B2=:2"_qs};
        // The same rich-text reading as a shared string's: phonetic properties are not text, even when they hold some.
        QTest::newRow("x: prefix, inline rich text, phonetic guide and phonetic properties left out")
            << QByteArray("<x:worksheet xmlns:x=\"urn:s\"><x:sheetData><x:row r=\"4\"><x:c r=\"A4\" t=\"inlineStr\">"
                          "<x:is><x:r><x:t>\xE6\x9D\xB1</x:t></x:r><x:r><x:t>\xE4\xBA\xAC</x:t></x:r><x:rPh sb=\"0\" "
                          "eb=\"2\"><x:t>tokyo</x:t></x:rPh><x:phoneticPr fontId=\"1\"><x:t>kana</x:t></x:phoneticPr>"
                          "<x:phoneticPr fontId=\"2\"/></x:is></x:c></x:row></x:sheetData></x:worksheet>")
            << QStringList{u"r=4: A4=inlineStr:\u6771\u4eac"_qs};
        QTest::newRow("entities, character references, CDATA, comments, CR LF, UTF-8")
            << QByteArray("\xEF\xBB\xBF<worksheet><!-- made by hand --><sheetData><row><c t=\"str\"><v>a&lt;b&gt;c"
                          "&amp;d&apos;e&quot;f&#65;&#x42;&#x1F600;</v></c><c t=\"str\"><v><![CDATA[<raw & kept>]]>"
                          "</v></c><c t=\"str\"><v>one\r\ntwo\rthree</v></c><c t=\"str\"><v>Zürich</v></c></row>"
                          "<row r=\"9\"/></sheetData></worksheet>")
            << QStringList{u"r=: =str:a<b>c&d'e\"fAB\U0001F600|=str:<raw & kept>|=str:one\ntwo\nthree|=str:Zürich"_qs,
                           u"r=9: "_qs};
        QTest::newRow("attributes in single quotes, white space in tags, an attribute with an entity")
            << QByteArray("<worksheet ><sheetData\n><row r='3' ><c r='A&#51;' t = 's' ><v >7</v ></c ></row>"
                          "</sheetData></worksheet>")
            << QStringList{u"r=3: A3=s:7"_qs};
        QTest::newRow("empty sheetData") << QByteArray("<worksheet><sheetData/></worksheet>") << QStringList{};
    }

    void readsCells()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QStringList, rows);
        // The same rows however the bytes are cut: tags, entities and UTF-8 characters split across pieces.
        for (const qint64 piece : {qint64(1), qint64(2), qint64(7), qint64(1) << 20})
            QCOMPARE(scan(xml, piece), rows);
    }

    void skipsCellsWithoutDecodingThem()
    {
        const QByteArray xml = "<worksheet><sheetData><row><c r=\"A1\" t=\"str\"><v>a&amp;b</v></c></row></sheetData>"
                               "</worksheet>";
        QCOMPARE(scan(xml, 1 << 20, false), QStringList{u"r=: A1=str:"_qs});
    }

    void refusesMalformedXml_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"str\"><v>";
        const QByteArray tail = "</v></c></row></sheetData></worksheet>";
        QTest::newRow("mismatched end tag") << QByteArray(head + "x</c></v></row></sheetData></worksheet>")
                                            << u"the end tag </c> where </v> was expected"_qs;
        QTest::newRow("unknown entity") << QByteArray(head + "&nbsp;" + tail) << u"the entity &nbsp; is not defined"_qs;
        QTest::newRow("bare ampersand") << QByteArray(head + "a & b and more text past the limit of an entity" + tail)
                                        << u"an & that starts no entity reference"_qs;
        QTest::newRow("NUL byte") << QByteArray(head + QByteArray("a\0b", 3) + tail) << u"U+0000"_qs;
        QTest::newRow("&#0;") << QByteArray(head + "&#0;" + tail) << u"&#0; is not a character XML allows"_qs;
        QTest::newRow("not UTF-8") << QByteArray(head + "\xC3\x28" + tail) << u"not UTF-8"_qs;
        QTest::newRow("truncated") << QByteArray(head + "12") << u"premature end of document"_qs;
        QTest::newRow("unquoted attribute")
            << QByteArray("<worksheet><sheetData><row r=2></row></sheetData></worksheet>") << u"without quotes"_qs;
        QTest::newRow("< in attribute") << QByteArray(
                                               "<worksheet><sheetData><row r=\"<\"></row></sheetData></worksheet>")
                                        << u"a < inside an attribute value"_qs;
        QTest::newRow("DOCTYPE") << QByteArray("<!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet><sheetData/>"
                                               "</worksheet>")
                                 << u"DOCTYPE"_qs;
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFE<\0w\0", 6) << u"UTF-16"_qs;
        QTest::newRow("other encoding")
            << QByteArray("<?xml version=\"1.0\" encoding=\"windows-1252\"?><worksheet><sheetData/></worksheet>")
            << u"the encoding windows-1252"_qs;
    }

    void refusesMalformedXml()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, expected);
        for (const qint64 piece : {qint64(1), qint64(1) << 20}) {
            const QStringList rows = scan(xml, piece);
            QVERIFY2(!rows.isEmpty() && rows.constLast().startsWith(u"error: "_qs) &&
                         rows.constLast().contains(expected),
                     qPrintable(rows.join(u'\n')));
        }
    }

    void countsLinesForMessages()
    {
        SheetXmlScanner scanner(sourceOf("<worksheet>\n<sheetData>\n<row>\n<c><v>1</x></c></row></sheetData>"
                                         "</worksheet>",
                                         3));
        QVERIFY(scanner.enterSheetData());
        QVERIFY(scanner.next() == SheetXmlScanner::Token::RowStart);
        QVERIFY(scanner.next() == SheetXmlScanner::Token::CellStart);
        QVERIFY(!scanner.readCell(true));
        QCOMPARE(scanner.lineNumber(), qint64(4));
    }

    void readsSharedStrings()
    {
        const QByteArray xml = "<x:sst xmlns:x=\"urn:s\" count=\"3\"><x:si><x:t>poweredOn</x:t></x:si><x:si/>"
                               "<x:si><x:r><x:t>Win</x:t></x:r><x:r><x:t>dows</x:t></x:r><x:rPh><x:t>w</x:t></x:rPh>"
                               "<x:phoneticPr fontId=\"1\"/></x:si></x:sst>";
        for (const qint64 piece : {qint64(1), qint64(1) << 20}) {
            SheetXmlScanner scanner(sourceOf(xml, piece));
            QVERIFY(scanner.enterSharedStrings());
            QStringList strings;
            bool found = false;
            while (scanner.nextSharedString(found) && found)
                strings.append(QString::fromStdString(scanner.value()));
            QVERIFY2(!scanner.hasError(), qPrintable(scanner.errorString()));
            QCOMPARE(strings, (QStringList{u"poweredOn"_qs, QString(), u"Windows"_qs}));
        }
    }
};

QTEST_GUILESS_MAIN(TestSheetXmlScanner)
#include "tst_sheetxmlscanner.moc"
