#include "io/inventoryimporter.h"
#include "io/xlsxreader.h"

#include "../../support/testzip.h"

#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

/** Writes a minimal but complete .xlsx workbook, as Excel and RVTools lay one out. */
void writeWorkbook(const QString &path, const QByteArray &sheetXml, const QByteArray &sharedStrings,
                   const QString &sheetName = QStringLiteral("vInfo"))
{
    QList<test::ZipEntrySpec> entries{
        {QStringLiteral("[Content_Types].xml"), "<?xml version=\"1.0\"?><Types/>"},
        {QStringLiteral("xl/workbook.xml"),
         "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
         "<sheet name=\"vSummary\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"" +
             sheetName.toUtf8() + "\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"},
        {QStringLiteral("xl/_rels/workbook.xml.rels"),
         "<?xml version=\"1.0\"?><Relationships>"
         "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>"},
        {QStringLiteral("xl/worksheets/sheet1.xml"), "<?xml version=\"1.0\"?><worksheet><sheetData/></worksheet>"},
        {QStringLiteral("xl/worksheets/sheet2.xml"), sheetXml},
    };
    if (!sharedStrings.isEmpty())
        entries.append({QStringLiteral("xl/sharedStrings.xml"), sharedStrings});
    QVERIFY(test::writeZip(path, entries));
}

const QByteArray kSharedStrings = "<?xml version=\"1.0\"?><sst>"
                                  "<si><t>VM</t></si><si><t>Powerstate</t></si><si><t>CPUs</t></si>"
                                  "<si><t>Memory</t></si><si><t>Template</t></si>"
                                  "<si><t>OS according to the VMware Tools</t></si>"
                                  "<si><t>web-01</t></si><si><t>poweredOn</t></si>"
                                  "<si><r><t>Microsoft Windows Server </t></r><r><t>2019 (64-bit)</t></r></si>"
                                  "</sst>";

// Row 3 holds an inline string, a boolean, a number in exponent form and a missing cell.
const QByteArray kSheet = "<?xml version=\"1.0\"?><worksheet><sheetData>"
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                          "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
                          "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c></row>"
                          "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>6</v></c><c r=\"B2\" t=\"s\"><v>7</v></c>"
                          "<c r=\"C2\"><v>4</v></c><c r=\"D2\"><v>8192</v></c><c r=\"E2\" t=\"b\"><v>0</v></c>"
                          "<c r=\"F2\" t=\"s\"><v>8</v></c></row>"
                          "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>tmpl-&lt;01&gt;</t></is></c>"
                          "<c r=\"C3\"><v>2</v></c><c r=\"D3\"><v>4.096E3</v></c>"
                          "<c r=\"E3\" t=\"b\"><v>1</v></c></row>"
                          "</sheetData></worksheet>";

} // namespace

/** RVTools workbooks: the vInfo sheet with every kind of cell, and damaged workbooks. */
class TestXlsxReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryKindOfCell()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rvtools.xlsx"));
        writeWorkbook(path, kSheet, kSharedStrings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY2(!reader.error(), qPrintable(reader.error() ? reader.error()->toString() : QString()));
        QCOMPARE(reader.header().size(), 6);
        QCOMPARE(reader.header()[5], QStringLiteral("OS according to the VMware Tools"));
        Record record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.row, 2);
        QCOMPARE(record.fields[0], QStringLiteral("web-01"));
        QCOMPARE(record.fields[3], QStringLiteral("8192"));
        QCOMPARE(record.fields[4], QStringLiteral("False"));
        QCOMPARE(record.fields[5], QStringLiteral("Microsoft Windows Server 2019 (64-bit)"));
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields[0], QStringLiteral("tmpl-<01>"));
        QCOMPARE(record.fields[1], QString()); // the missing cell
        QCOMPARE(record.fields[3], QStringLiteral("4096"));
        QCOMPARE(record.fields[4], QStringLiteral("True"));
        QVERIFY(!reader.next(record));
    }

    void importsAsRvTools()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rvtools.xlsx"));
        writeWorkbook(path, kSheet, kSharedStrings);
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QVERIFY(parsed.issues.isEmpty());
        QCOMPARE(parsed.format, InventoryFormat::RvTools);
        QCOMPARE(parsed.rows.size(), 1);
        QCOMPARE(parsed.excluded.size(), 1); // the template
        QCOMPARE(parsed.rows[0].vm.os.version, QStringLiteral("2019"));
        QCOMPARE(parsed.rows[0].vm.memoryMiB, 8192.0);
    }

    void refusesAWorkbookWithoutVInfo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.xlsx"));
        writeWorkbook(path, kSheet, kSharedStrings, QStringLiteral("Budget"));
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY(reader.error());
        QVERIFY(reader.error()->message.contains(QLatin1String("no sheet named vInfo")));
    }

    void refusesTruncatedAndDamagedWorkbooks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rvtools.xlsx"));
        writeWorkbook(path, kSheet, kSharedStrings);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        for (const qsizetype length : {qsizetype(10), whole.size() / 2, whole.size() - 30}) {
            const QString cut = dir.filePath(QStringLiteral("cut-%1.xlsx").arg(length));
            QFile out(cut);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(whole.left(length));
            out.close();
            const ParsedInventory parsed = InventoryReader::read(cut, {});
            QVERIFY2(parsed.fatal, qPrintable(cut));
            QVERIFY(!parsed.issues.isEmpty());
            QVERIFY(parsed.issues[0].toString().startsWith(cut));
        }
    }

    void refusesAReferenceToAMissingSharedString()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.xlsx"));
        QByteArray sheet = kSheet;
        sheet.replace("<c r=\"A2\" t=\"s\"><v>6</v></c>", "<c r=\"A2\" t=\"s\"><v>99</v></c>");
        writeWorkbook(path, sheet, kSharedStrings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->row, 2);
        QVERIFY(reader.error()->message.contains(QLatin1String("shared string 99")));
    }

    void namesTheCellWhereTheXmlIsMalformed()
    {
        // An entity no XML defines in D3 (Memory), a column the reader decodes.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("malformed.xlsx"));
        QByteArray sheet = kSheet;
        sheet.replace("<v>4.096E3</v>", "<v>4&nbsp;096</v>");
        writeWorkbook(path, sheet, kSharedStrings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        Record record;
        while (reader.next(record)) {
        }
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->file, path);
        QCOMPARE(reader.error()->row, 3);
        QCOMPARE(reader.error()->column, QStringLiteral("Memory"));
        QVERIFY2(reader.error()->message.contains(QLatin1String("sheet vInfo is not valid XML in cell D3")) &&
                     reader.error()->message.contains(QLatin1String("&nbsp;")),
                 qPrintable(reader.error()->toString()));
    }

    void readsAnRvTools47Workbook()
    {
        // RVTools 4.7: the x: prefix on every element, and an empty text cell written as a
        // shared-string cell without a value, which is an empty cell, not an error.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rvtools47.xlsx"));
        const QByteArray ns = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        const QByteArray strings = "<?xml version=\"1.0\"?><x:sst " + ns +
                                   "><x:si><x:t>VM</x:t></x:si><x:si><x:t>Powerstate</x:t></x:si>"
                                   "<x:si><x:t>CPUs</x:t></x:si><x:si><x:t>Memory</x:t></x:si>"
                                   "<x:si><x:t>Annotation</x:t></x:si><x:si><x:t>web-01</x:t></x:si>"
                                   "<x:si><x:t>poweredOn</x:t></x:si></x:sst>";
        const QByteArray sheet = "<?xml version=\"1.0\"?><x:worksheet " + ns +
                                 "><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                                 "<x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"C1\" t=\"s\"><x:v>2</x:v></x:c>"
                                 "<x:c r=\"D1\" t=\"s\"><x:v>3</x:v></x:c><x:c r=\"E1\" t=\"s\"><x:v>4</x:v></x:c>"
                                 "</x:row><x:row r=\"2\"><x:c r=\"A2\" s=\"2\" t=\"s\"><x:v>5</x:v></x:c>"
                                 "<x:c r=\"B2\" s=\"2\" t=\"s\"><x:v>6</x:v></x:c><x:c r=\"C2\" s=\"3\"><x:v>2</x:v>"
                                 "</x:c><x:c r=\"D2\" s=\"3\"><x:v>4096</x:v></x:c><x:c r=\"E2\" s=\"2\" t=\"s\" />"
                                 "</x:row></x:sheetData></x:worksheet>";
        writeWorkbook(path, sheet, strings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY2(!reader.error(), qPrintable(reader.error() ? reader.error()->toString() : QString()));
        QCOMPARE(reader.header(),
                 QStringList({u"VM"_qs, u"Powerstate"_qs, u"CPUs"_qs, u"Memory"_qs, u"Annotation"_qs}));
        Record record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields[0], QStringLiteral("web-01"));
        QCOMPARE(record.fields[3], QStringLiteral("4096"));
        QVERIFY(record.fields[4].isEmpty());
        QVERIFY(!reader.next(record));
        QVERIFY(!reader.error());
    }

    void refusesACellLongerThanExcelAllows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.xlsx"));
        QByteArray sheet = kSheet;
        sheet.replace(
            "<c r=\"A3\" t=\"inlineStr\"><is><t>tmpl-&lt;01&gt;</t></is></c>",
            QByteArray("<c r=\"A3\" t=\"inlineStr\"><is><t>").append(QByteArray(32768, 'x')).append("</t></is></c>"));
        writeWorkbook(path, sheet, kSharedStrings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        Record record;
        while (reader.next(record)) {
        }
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->file, path);
        QCOMPARE(reader.error()->row, 3);
        QCOMPARE(reader.error()->column, QStringLiteral("VM"));
        QVERIFY2(reader.error()->message.contains(QLatin1String("cell A3 of sheet vInfo holds 32768 characters")) &&
                     reader.error()->message.contains(QLatin1String("32,767")),
                 qPrintable(reader.error()->toString()));
        // 32,767 characters, Excel's limit, are still a cell.
        sheet = kSheet;
        sheet.replace("tmpl-&lt;01&gt;", QByteArray(32767, 'x'));
        writeWorkbook(path, sheet, kSharedStrings);
        XlsxReader atLimit(path, QStringLiteral("vInfo"));
        while (atLimit.next(record)) {
        }
        QVERIFY2(!atLimit.error(), qPrintable(atLimit.error()->toString()));
    }

    void refusesMoreSharedStringsThanTheSheetsHaveCells()
    {
        // 200,000 empty strings (2.6 MB of XML) for sheets of about 1 KB: no cell could show them.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("strings.xlsx"));
        QByteArray strings = "<?xml version=\"1.0\"?><sst>";
        strings += QByteArray("<si><t></t></si>").repeated(200000);
        strings += "</sst>";
        writeWorkbook(path, kSheet, strings);
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->file, path);
        QVERIFY2(reader.error()->message.contains(QLatin1String("shared-string table holds more than")),
                 qPrintable(reader.error()->toString()));
    }

    void refusesAWorkbookWithADuplicatedEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twice.xlsx"));
        // A workbook with a second, different vInfo sheet part of the same name after the first.
        QList<test::ZipEntrySpec> entries{
            {QStringLiteral("xl/workbook.xml"),
             "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
             "<sheets><sheet name=\"vInfo\" r:id=\"rId1\"/></sheets></workbook>"},
            {QStringLiteral("xl/_rels/workbook.xml.rels"),
             "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
            {QStringLiteral("xl/sharedStrings.xml"), kSharedStrings},
            {QStringLiteral("xl/worksheets/sheet1.xml"), kSheet},
            {QStringLiteral("xl/worksheets/sheet1.xml"), "<worksheet><sheetData/></worksheet>"},
        };
        QVERIFY(test::writeZip(path, entries));
        XlsxReader reader(path, QStringLiteral("vInfo"));
        QVERIFY(reader.error());
        QVERIFY2(reader.error()->message.contains(QLatin1String("holds the zip entry xl/worksheets/sheet1.xml twice")),
                 qPrintable(reader.error()->toString()));
    }

    void refusesAZipBomb()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
        // A sheet of 80 MiB of spaces compresses to under a megabyte; the cap here is 64 MiB (1 GiB in use).
        QVERIFY(test::writeZip(
            path, {{QStringLiteral("xl/workbook.xml"),
                    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    "<sheets><sheet name=\"vInfo\" r:id=\"rId1\"/></sheets></workbook>"},
                   {QStringLiteral("xl/_rels/workbook.xml.rels"),
                    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                   {QStringLiteral("xl/worksheets/sheet1.xml"), QByteArray(16 * 1024 * 1024, ' '), 5}}));
        QVERIFY(QFileInfo(path).size() < 1024 * 1024);
        XlsxReader reader(path, QStringLiteral("vInfo"), 64 * 1024 * 1024);
        QVERIFY(reader.error());
        QVERIFY2(reader.error()->message.contains(QLatin1String("zip bomb")), qPrintable(reader.error()->message));
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
