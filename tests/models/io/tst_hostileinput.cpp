#include "io/containerartefactexporter.h"
#include "io/containerworkload.h"
#include "io/csvreader.h"
#include "io/inventoryimporter.h"
#include "io/tablewriters.h"
#include "io/xlsxreader.h"

#include "../../support/testzip.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

namespace {

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

std::unique_ptr<ProjectStore> newProject(const QTemporaryDir &dir)
{
    auto opened =
        ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
    return opened ? std::move(opened.value()) : nullptr;
}

/** A zip of these entries, deflated, written through minizip (the library the reader uses). */
QByteArray zipOf(const QList<std::pair<const char *, QByteArray>> &entries)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("z.zip")).toLocal8Bit();
    zipFile zip = zipOpen(path.constData(), APPEND_STATUS_CREATE);
    if (zip == nullptr)
        return {};
    for (const auto &[name, content] : entries) {
        zip_fileinfo info{};
        if (zipOpenNewFileInZip(zip, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_BEST_SPEED) !=
                ZIP_OK ||
            zipWriteInFileInZip(zip, content.constData(), unsigned(content.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK) {
            zipClose(zip, nullptr);
            return {};
        }
    }
    zipClose(zip, nullptr);
    QFile file(QString::fromLocal8Bit(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** A workbook with one sheet, vInfo, holding `sheet` (and `sharedStrings` when given). */
QByteArray workbook(const QByteArray &sheet, const QByteArray &sharedStrings = {})
{
    QList<std::pair<const char *, QByteArray>> entries{
        {"xl/workbook.xml",
         "<workbook xmlns:r=\"r\"><sheets><sheet name=\"vInfo\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet}};
    if (!sharedStrings.isEmpty())
        entries.append({"xl/sharedStrings.xml", sharedStrings});
    return zipOf(entries);
}

constexpr qint64 kSecondsBudget = 20; // far above what each case needs, far below a hang

} // namespace

/** The inputs an attacker, or an unlucky export, would send: each gets a clear refusal or a
    literal, safe result, within seconds and without a crash. Cases the reader tests already
    cover at the reader level (tst_csvreader's refusals, tst_xlsxreader's zip bomb,
    tst_inventoryimport's SQL and HTML names) are taken here through the whole import path. */
class TestHostileInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aMillionColumnsInADataRowAreRefused()
    {
        QTemporaryDir dir;
        QByteArray content = "VM,Powerstate,CPUs,Memory\nweb,poweredOn,2,4096";
        content += QByteArray(1000000, ',') + "x\n";
        const QString path = writeFile(dir, "wide.csv", content);
        QElapsedTimer timer;
        timer.start();
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QVERIFY(timer.elapsed() < kSecondsBudget * 1000);
        QVERIFY(parsed.fatal);
        QCOMPARE(parsed.issues.size(), 1);
        QVERIFY2(parsed.issues[0].toString().contains(QLatin1String(":2: the row has more than 4096 columns")),
                 qPrintable(parsed.issues[0].toString()));
    }

    void aMillionColumnsInAWorkbookAreRefused()
    {
        // A sheet can name any column up to XFD (16384); beyond that the reference is refused.
        const QByteArray sheet = "<worksheet><sheetData><row><c r=\"XFE1\" t=\"inlineStr\"><is><t>VM</t></is></c></row>"
                                 "</sheetData></worksheet>";
        XlsxReader reader(workbook(sheet), QStringLiteral("wide.xlsx"), QStringLiteral("vInfo"));
        QVERIFY(reader.error());
        QVERIFY(reader.error()->message.contains(QLatin1String("XFE1")));
    }

    void aTwoGigabyteFileIsRefusedBySizeBeforeItIsRead()
    {
        // A sparse file: 2 GiB long, no disk blocks, so the test writes almost nothing. The
        // reader must refuse it from its size alone: reading it would take 2 GiB of memory.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("VM,Powerstate,CPUs,Memory\nweb,") > 0);
        QVERIFY(file.resize(qint64(2) * 1024 * 1024 * 1024 + 1));
        file.close();
        QElapsedTimer timer;
        timer.start();
        const ParsedInventory parsed = InventoryReader::read(path, {});
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(parsed.fatal);
        QCOMPARE(parsed.issues.size(), 1);
        QVERIFY2(parsed.issues[0].message.contains(QLatin1String("is 2048 MiB; Landfall reads CSV inventories of up "
                                                                 "to 512 MiB")),
                 qPrintable(parsed.issues[0].message));
    }

    void aLineLongerThanTheRecordCapIsRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        // The same code refuses a 2 GB line; 17 MiB is just over the 16 MiB record cap.
        const QByteArray big(CsvReader::kMaxRecordBytes + 1024 * 1024, 'x');
        QTest::newRow("plain") << big << u"longer than 16 MiB"_qs;
        QTest::newRow("quoted") << QByteArray('"' + big + '"') << u"longer than 16 MiB"_qs;
        QTest::newRow("unclosed quote") << QByteArray('"' + big) << u"never closes"_qs;
    }

    void aLineLongerThanTheRecordCapIsRefused()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        const QByteArray content = "VM,Powerstate,CPUs,Memory\n" + line + ",poweredOn,1,1024\n";
        QElapsedTimer timer;
        timer.start();
        const ParsedInventory parsed = InventoryReader::readContent(content, QStringLiteral("long.csv"), {});
        QVERIFY(timer.elapsed() < kSecondsBudget * 1000);
        QVERIFY(parsed.fatal);
        QVERIFY(!parsed.issues.isEmpty());
        QVERIFY2(parsed.issues.constLast().toString().contains(expected),
                 qPrintable(parsed.issues.constLast().toString()));
    }

    void aZipBombThroughTheImportIsRefused()
    {
        // 80 MiB of spaces compress to a few hundred KiB; the import path reads workbooks from
        // memory or a file alike, so the cap is checked here with the in-memory reader at 64 MiB.
        QByteArray sheet = "<worksheet><sheetData>";
        sheet += QByteArray(80 * 1024 * 1024, ' ');
        sheet += "</sheetData></worksheet>";
        const QByteArray bomb = workbook(sheet);
        sheet.clear();
        QVERIFY(bomb.size() < 1024 * 1024);
        XlsxReader reader(bomb, QStringLiteral("bomb.xlsx"), QStringLiteral("vInfo"), 64 * 1024 * 1024);
        QVERIFY(reader.error());
        QVERIFY2(reader.error()->message.contains(QLatin1String("zip bomb")), qPrintable(reader.error()->message));
    }

    void xmlEntityExpansionIsRefused()
    {
        // "Billion laughs": nested entities in the shared strings that would expand to gigabytes.
        QByteArray strings = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a0 \"lol\">";
        for (int i = 1; i < 12; ++i)
            strings += QByteArray("<!ENTITY a") + QByteArray::number(i) + " \"" +
                       QByteArray("&a").append(QByteArray::number(i - 1)).append(';').repeated(10) + "\">";
        strings += "]><sst><si><t>&a11;</t></si></sst>";
        const QByteArray sheet = "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
        QElapsedTimer timer;
        timer.start();
        XlsxReader reader(workbook(sheet, strings), QStringLiteral("laughs.xlsx"), QStringLiteral("vInfo"));
        QVERIFY(timer.elapsed() < kSecondsBudget * 1000);
        // Either refused, or the header holds a bounded text: never gigabytes.
        if (!reader.error()) {
            QCOMPARE(reader.header().size(), 1);
            QVERIFY(reader.header()[0].size() < 10 * 1024 * 1024);
        }
    }

    void nulBytesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("csv") << QByteArray(QByteArray("VM,Powerstate,CPUs,Memory\nweb") + '\0' + "x,poweredOn,1,1024\n")
                             << u"NUL byte at offset 29"_qs;
        QTest::newRow("utf-16 csv") << QByteArray("\xFF\xFEV\0M\0,\0C\0\0\0",
                                                  12) // a UTF-16 NUL character, not the high byte of one
                                    << u"NUL byte"_qs;
        QTest::newRow("xlsx raw NUL") << workbook(QByteArray("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>V") +
                                                  '\0' + "M</t></is></c></row></sheetData></worksheet>")
                                      << u"not valid XML"_qs;
        QTest::newRow("xlsx &#0;") << workbook("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>V&#0;M</t></is>"
                                               "</c></row></sheetData></worksheet>")
                                   << u"not valid XML"_qs;
    }

    void nulBytesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const ParsedInventory parsed = InventoryReader::readContent(content, QStringLiteral("nul"), {});
        QVERIFY(parsed.fatal);
        QVERIFY(!parsed.issues.isEmpty());
        QVERIFY2(parsed.issues[0].message.contains(expected), qPrintable(parsed.issues[0].message));
    }

    void invalidUtf8IsReadAsWindows1252AndStoredAsValidText()
    {
        QTemporaryDir dir;
        auto store = newProject(dir);
        QVERIFY(store);
        // A lone continuation byte, an overlong '/', a truncated sequence and a surrogate half.
        const QString path = writeFile(dir, "bad-utf8.csv",
                                       "VM,Powerstate,CPUs,Memory\n"
                                       "a\x80z,poweredOn,1,1024\n"
                                       "b\xC0\xAFz,poweredOn,1,1024\n"
                                       "c\xE2\x82,poweredOn,1,1024\n"
                                       "d\xED\xA0\x80z,poweredOn,1,1024\n");
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY(outcome.accepted);
        QVERIFY(outcome.warnings.join(u'\n').contains(QLatin1String("Windows-1252")));
        const QList<Vm> vms = store->vms();
        QCOMPARE(vms.size(), 4);
        QStringList names;
        for (const Vm &vm : vms) {
            names.append(vm.name);
            // What went into the project reads back as text, whatever the file held.
            QVERIFY(QByteArrayView(vm.name.toUtf8()).isValidUtf8());
        }
        names.sort();
        QCOMPARE(names[0], QStringLiteral("a\u20ACz"));
        QCOMPARE(names[1], QStringLiteral("b\u00C0\u00AFz"));
    }

    void controlCharactersInNamesAreStoredLiterally_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("terminal escape") << QStringLiteral("web\x1B[31mred\x1B[0m");
        QTest::newRow("bell and backspace") << QStringLiteral("a\x07\x08z");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("line break") << QStringLiteral("first\nsecond");
        QTest::newRow("bidi override") << QStringLiteral("invoice\u202Etxt.exe");
        QTest::newRow("zero width") << QStringLiteral("a\u200Bb");
        QTest::newRow("sql and quote") << QStringLiteral("x' OR '1'='1'; --");
        QTest::newRow("html entity") << QStringLiteral("&lt;b&gt; <img src=x onerror=alert(1)>");
        QTest::newRow("percent format") << QStringLiteral("%1 %s %n %%");
    }

    void controlCharactersInNamesAreStoredLiterally()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        auto store = newProject(dir);
        QVERIFY(store);
        QString quoted = name;
        quoted.replace(u'"', QLatin1String("\"\""));
        const QString path =
            writeFile(dir, "v.csv", "VM,Powerstate,CPUs,Memory\n\"" + quoted.toUtf8() + "\",poweredOn,2,4096\n");
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY(outcome.accepted);
        QCOMPARE(store->vms().size(), 1);
        QCOMPARE(store->vms()[0].name, name);
        QCOMPARE(store->vmListRows().size(), 1);
        QCOMPARE(store->vmIdsByName(name).size(), 1);
    }

    void formulaCellsAreNeutralisedOnCsvExport()
    {
        // tst_tablewriters checks FormulaGuard cell by cell; here the classic payloads go through
        // the whole CSV export and back through Landfall's own reader.
        const QStringList payloads{
            QStringLiteral("=cmd|' /C calc'!A0"),       QStringLiteral("+SUM(1,2)"), QStringLiteral("-2+3"),
            QStringLiteral("@HYPERLINK(\"http://x\")"), QStringLiteral("\t=1"),      QStringLiteral("\r=1")};
        PlanTable table;
        table.header = {QStringLiteral("name"), QStringLiteral("vcpu")};
        for (const QString &payload : payloads)
            table.rows.append({payload, -4});
        CsvReader reader(CsvTableWriter::toCsv(table), QStringLiteral("plan.csv"));
        Record record;
        int row = 0;
        while (reader.next(record)) {
            QCOMPARE(record.fields[0], u'\'' + payloads[row]);
            QCOMPARE(record.fields[1], QStringLiteral("-4")); // a number stays a number
            ++row;
        }
        QVERIFY(!reader.error());
        QCOMPARE(row, payloads.size());
    }

    void safeFolderNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent dirs") << QStringLiteral("../../etc/passwd") << QStringLiteral("etc-passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("etc-passwd");
        QTest::newRow("windows") << QStringLiteral("..\\..\\Windows\\System32") << QStringLiteral("windows-system32");
        QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("vm");
        QTest::newRow("empty") << QString() << QStringLiteral("vm");
        QTest::newRow("control") << QStringLiteral("a\x1B[31m\nb") << QStringLiteral("a-31m-b");
        QTest::newRow("digits first") << QStringLiteral("1web") << QStringLiteral("vm-1web");
    }

    void safeFolderNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString safe = ContainerWorkload::safeName(name);
        QCOMPARE(safe, expected);
        QVERIFY(!safe.isEmpty());
        QVERIFY(safe.size() <= 63);
        QVERIFY(!safe.contains(u'/') && !safe.contains(u'\\') && !safe.contains(QLatin1String("..")));
    }

    void dockerfilesOfAHostileNameStayInsideTheFolder()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        QList<Vm> vms;
        QList<Decision> decisions;
        const QStringList names{QStringLiteral("../../etc/passwd"), QStringLiteral("../escape"), QStringLiteral(".."),
                                QStringLiteral("/tmp/x")};
        for (int i = 0; i < names.size(); ++i) {
            Vm vm;
            vm.id = i + 1;
            vm.name = names[i];
            vm.vcpu = 2;
            vm.memoryMiB = 4096;
            vms.append(vm);
            Decision decision;
            decision.vmId = vm.id;
            decision.path = MigrationPath::Containerize;
            decision.baseImage = QStringLiteral("eclipse-temurin:17-jre");
            decisions.append(decision);
        }
        const auto written = ContainerArtefactExporter::exportTo(out, vms, decisions, {});
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        QCOMPARE(written.value().size(), names.size());
        QVERIFY(written.value().contains(QStringLiteral("etc-passwd")));
        // Nothing was written outside the chosen folder: its parent holds only the folder.
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{u"out"_qs});
        const QString root = QDir(out).canonicalPath();
        QDirIterator it(out, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = QFileInfo(it.next()).canonicalFilePath();
            QVERIFY2(file.startsWith(root + u'/'), qPrintable(file));
            ++files;
        }
        QCOMPARE(files, names.size() * 2); // a Dockerfile and a manifest each
    }
    void aWorkbookThatRepeatsOneLongStringIsRefusedBeforeItFillsTheDisk()
    {
        // One 30,000-character shared string in a column of 3,000 rows: a workbook of some tens of
        // KiB that would write 90 MB into the project. The growth check refuses it while the VMs
        // are being written, and the project stays as it was.
        QByteArray strings = "<sst><si><t>VM</t></si><si><t>Powerstate</t></si><si><t>CPUs</t></si>"
                             "<si><t>Memory</t></si><si><t>Note</t></si><si><t>poweredOn</t></si><si><t>";
        strings += QByteArray(30000, 'x') + "</t></si></sst>";
        QByteArray sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                           "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                           "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>";
        constexpr int kRows = 3000;
        for (int row = 2; row <= kRows + 1; ++row) {
            const QByteArray r = QByteArray::number(row);
            sheet += "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>vm-" + r +
                     "</t></is></c><c r=\"B" + r + "\" t=\"s\"><v>5</v></c><c r=\"C" + r + "\"><v>2</v></c><c r=\"D" +
                     r + "\"><v>4096</v></c><c r=\"E" + r + "\" t=\"s\"><v>6</v></c></row>";
        }
        sheet += "</sheetData></worksheet>";
        QTemporaryDir dir;
        const QString path = writeFile(dir, "repeats.xlsx", workbook(sheet, strings));
        QVERIFY(QFileInfo(path).size() < 256 * 1024);
        auto store = newProject(dir);
        const qint64 bytesBefore = QFileInfo(store->path()).size();
        const ImportOutcome outcome = InventoryImporter(*store).importFile(path, {});
        QVERIFY(!outcome.accepted);
        QVERIFY(outcome.storeError);
        QCOMPARE(outcome.storeError->kind, StoreError::Kind::Rejected);
        QVERIFY2(outcome.storeError->message.contains(QLatin1String("would grow the project by")) &&
                     outcome.storeError->message.contains(QLatin1String("nothing was imported")),
                 qPrintable(outcome.storeError->message));
        QCOMPARE(store->vmCount(), 0);
        QVERIFY(store->importHistory().isEmpty());
        QCOMPARE(QFileInfo(store->path()).size(), bytesBefore);
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
