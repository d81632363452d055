// The report's navigation and its annex (issue 17, items 2 and 3): `landfall-cli report` on the
// demo project writes a PDF whose outline (read back through QPDF) has an entry per section and
// per heading, whose contents entries link to the pages their sections start on (checked with
// pdftotext on those pages), and an annex workbook beside it, read back with XlsxReader, that
// holds every VM once under headers in words.
#include "reportfixture.h"

#include "io/xlsxreader.h"
#include "report/annexworkbook.h"
#include "report/plantablebuilder.h"
#include "report/reportbuilder.h"
#include "store/projectstore.h"

#include <QFileInfo>
#include <QStandardPaths>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

using namespace landfall;
using namespace reporttest;

namespace {

/** pdftotext of one page (1-based), or of the area x, y, width, height (points from the top left) of it. */
QString pageText(const QString &pdf, int page, const QRectF &area = {})
{
    QStringList arguments{QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page)};
    if (!area.isNull())
        arguments << QStringLiteral("-x") << QString::number(qFloor(area.x())) << QStringLiteral("-y")
                  << QString::number(qFloor(area.y())) << QStringLiteral("-W") << QString::number(qCeil(area.width()))
                  << QStringLiteral("-H") << QString::number(qCeil(area.height()));
    const Run r = run(QStringLiteral("pdftotext"), arguments + QStringList{pdf, QStringLiteral("-")});
    return r.status == 0 ? QString(r.out).replace(u'\n', u' ').simplified() : QString();
}

struct Entry {
    QString title;
    int page = -1; ///< 1-based
    QList<Entry> kids;
};

QList<Entry> entries(QPDF &pdf, std::vector<QPDFOutlineObjectHelper> items)
{
    QList<Entry> list;
    for (QPDFOutlineObjectHelper &item : items) {
        Entry entry;
        entry.title = QString::fromStdString(item.getTitle());
        QPDFObjectHandle page = item.getDestPage();
        entry.page = page.isNull() ? -1 : pdf.findPage(page) + 1;
        entry.kids = entries(pdf, item.getKids());
        list.append(entry);
    }
    return list;
}

/** A link annotation of a page: its rectangle (points from the top left) and its target page (1-based). */
struct Link {
    QRectF rect;
    int target = -1;
};

QList<Link> links(QPDF &pdf, int page)
{
    QList<Link> list;
    QPDFPageObjectHelper helper = QPDFPageDocumentHelper(pdf).getAllPages().at(size_t(page - 1));
    const QPDFObjectHandle::Rectangle box = helper.getMediaBox().getArrayAsRectangle();
    QPDFObjectHandle annotations = helper.getObjectHandle().getKey("/Annots");
    if (!annotations.isArray())
        return list;
    for (QPDFObjectHandle annotation : annotations.aitems()) {
        if (!annotation.getKey("/Subtype").isNameAndEquals("/Link"))
            continue;
        const QPDFObjectHandle::Rectangle r = annotation.getKey("/Rect").getArrayAsRectangle();
        Link link;
        link.rect = QRectF(r.llx, box.ury - r.ury, r.urx - r.llx, r.ury - r.lly);
        QPDFObjectHandle dest = annotation.getKey("/Dest");
        if (dest.isArray() && dest.getArrayNItems() > 0) {
            QPDFObjectHandle target = dest.getArrayItem(0);
            link.target = pdf.findPage(target) + 1;
        }
        list.append(link);
    }
    return list;
}

QList<std::vector<QString>> readAll(XlsxReader &reader)
{
    QList<std::vector<QString>> rows;
    Record record;
    while (reader.next(record))
        rows.append(record.fields);
    return rows;
}

/** The sheets of an annex workbook: Summary first, then the path sheets, as XlsxReader reads them. */
struct Annex {
    QStringList summaryHeader;
    QList<std::vector<QString>> summary;
    QMap<QString, QStringList> headers;                    ///< by sheet
    QMap<QString, QList<std::vector<QString>>> pathSheets; ///< by sheet
};

std::optional<Annex> readAnnex(const QString &path)
{
    Annex annex;
    XlsxReader summary(path, AnnexWorkbook::kSummarySheet);
    if (summary.error()) {
        qWarning("%s", qPrintable(summary.error()->toString()));
        return std::nullopt;
    }
    annex.summaryHeader = summary.header();
    annex.summary = readAll(summary);
    for (const std::vector<QString> &row : std::as_const(annex.summary)) {
        const QString sheet = row.at(size_t(annex.summaryHeader.indexOf(QStringLiteral("Sheet"))));
        if (sheet.isEmpty() || sheet == QLatin1String("(none)"))
            continue;
        XlsxReader reader(path, sheet);
        if (reader.error()) {
            qWarning("%s: %s", qPrintable(sheet), qPrintable(reader.error()->toString()));
            return std::nullopt;
        }
        annex.headers.insert(sheet, reader.header());
        annex.pathSheets.insert(sheet, readAll(reader));
        if (reader.error())
            return std::nullopt;
    }
    return annex;
}

} // namespace

class TestReportNavigation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext) are needed");
        QVERIFY(m_dir.isValid());
        m_project = makeDemoProject(m_dir);
        QVERIFY(!m_project.isEmpty());
        m_pdf = m_dir.filePath(QStringLiteral("assessment.pdf"));
        const Run r = cli({QStringLiteral("report"), m_project, QStringLiteral("--out"), m_pdf,
                           QStringLiteral("--customer"), QStringLiteral("Acme")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_annex = m_dir.filePath(QStringLiteral("assessment-annex.xlsx"));
        QVERIFY2(QFileInfo::exists(m_annex), qPrintable(r.out));
        QVERIFY(r.out.contains(m_annex));

        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        m_vms = store.value()->vms();
        ReportOptions options;
        options.customer = QStringLiteral("Acme");
        const auto inputs = ReportBuilder::gather(*store.value(), options);
        QVERIFY(inputs);
        const auto model = ReportBuilder::build(inputs.value());
        QVERIFY(model);
        m_model = model.value();
    }

    void outlineHasAnEntryPerSectionAndHeading()
    {
        QPDF pdf;
        pdf.processFile(QFile::encodeName(m_pdf).constData());
        QCOMPARE(QString::fromStdString(pdf.getRoot().getKey("/PageMode").getName()), QStringLiteral("/UseOutlines"));
        QPDFOutlineDocumentHelper outline(pdf);
        const QList<Entry> top = entries(pdf, outline.getTopLevelOutlines());
        QCOMPARE(top.size(), m_model.sections.size());
        int previousPage = 0;
        for (qsizetype s = 0; s < top.size(); ++s) {
            const ReportSection &section = m_model.sections.at(s);
            const Entry &entry = top.at(s);
            QCOMPARE(entry.title, QStringLiteral("%1. %2").arg(s + 1).arg(section.title));
            QVERIFY2(entry.page > previousPage, qPrintable(entry.title)); // a section starts a page
            previousPage = entry.page;
            // The page it opens shows the section's title.
            QVERIFY2(pageText(m_pdf, entry.page).contains(section.title), qPrintable(entry.title));
            QStringList headings;
            for (const ReportBlock &block : section.blocks) {
                if (block.kind == ReportBlock::Kind::Heading)
                    headings.append(block.text);
            }
            QStringList kids;
            for (const Entry &kid : entry.kids) {
                kids.append(kid.title);
                QVERIFY2(kid.page >= entry.page, qPrintable(kid.title));
                // A heading is drawn on the page its bookmark opens.
                QVERIFY2(pageText(m_pdf, kid.page).contains(kid.title.section(u' ', 0, 1)), qPrintable(kid.title));
                QVERIFY(kid.kids.isEmpty());
            }
            QCOMPARE(kids, headings);
        }
    }

    void contentsEntriesLinkToTheirSections()
    {
        QPDF pdf;
        pdf.processFile(QFile::encodeName(m_pdf).constData());
        const QList<Link> onContents = links(pdf, 2); // the cover, then the contents
        QCOMPARE(onContents.size(), m_model.sections.size());
        QPDFOutlineDocumentHelper outline(pdf);
        const QList<Entry> top = entries(pdf, outline.getTopLevelOutlines());
        for (qsizetype s = 0; s < onContents.size(); ++s) {
            const Link &link = onContents.at(s);
            const QString title = m_model.sections.at(s).title;
            // The entry under the link names the section and the page the link opens.
            const QString text = pageText(m_pdf, 2, link.rect);
            QVERIFY2(text.contains(title), qPrintable(text));
            QVERIFY2(text.endsWith(u' ' + QString::number(link.target)), qPrintable(text));
            QCOMPARE(link.target, top.at(s).page);
        }
        // The cover and the section pages carry no links of their own.
        QVERIFY(links(pdf, 1).isEmpty());
        QVERIFY(links(pdf, top.constFirst().page).isEmpty());
    }

    void annexHoldsEveryVmOnceUnderFriendlyHeaders()
    {
        const std::optional<Annex> annex = readAnnex(m_annex);
        QVERIFY(annex);
        QCOMPARE(annex->summaryHeader.constFirst(), QStringLiteral("Migration path"));
        QVERIFY(annex->summaryHeader.contains(QStringLiteral("Memory (GiB)")));
        const int vmsColumn = int(annex->summaryHeader.indexOf(QStringLiteral("VMs")));
        // A line per path and the total.
        QCOMPARE(annex->summary.size(), 6);
        QCOMPARE(annex->summary.constLast().at(0), QStringLiteral("Total"));
        QCOMPARE(annex->summary.constLast().at(size_t(vmsColumn)).toInt(), int(m_vms.size()));

        QMap<QString, int> seen;
        for (const std::vector<QString> &row : std::as_const(annex->summary)) {
            const QString sheet = row.at(size_t(annex->summaryHeader.indexOf(QStringLiteral("Sheet"))));
            if (row.at(0) == QLatin1String("Total"))
                continue;
            QCOMPARE(annex->pathSheets.value(sheet).size(), row.at(size_t(vmsColumn)).toInt());
        }
        const QStringList machineKeys = PlanTableBuilder::build({}, {}, {}).header;
        QVERIFY(machineKeys.contains(QStringLiteral("memoryMiB")));
        QHash<QString, const Vm *> byName;
        for (const Vm &vm : std::as_const(m_vms))
            byName.insert(vm.name, &vm);
        QCOMPARE(byName.size(), m_vms.size()); // the demo's names are unique: a name is a VM
        for (auto it = annex->pathSheets.cbegin(); it != annex->pathSheets.cend(); ++it) {
            const QStringList &header = annex->headers.value(it.key());
            for (const QString &column : {QStringLiteral("VM"), QStringLiteral("vCPU"), QStringLiteral("Memory (GiB)"),
                                          QStringLiteral("Storage provisioned (GiB)"), QStringLiteral("Migration path"),
                                          QStringLiteral("Reason"), QStringLiteral("Node pool (baseline)"),
                                          QStringLiteral("Node (large-nodes)")})
                QVERIFY2(header.contains(column), qPrintable(it.key() + u':' + column));
            // Headers in words: none is a key of the CSV export (memoryMiB, baseImage, cpuUtilPct, ...).
            for (const QString &column : header)
                QVERIFY2(!machineKeys.contains(column), qPrintable(column));
            const int name = int(header.indexOf(QStringLiteral("VM")));
            const int path = int(header.indexOf(QStringLiteral("Migration path")));
            const int memory = int(header.indexOf(QStringLiteral("Memory (GiB)")));
            const int annotation = int(header.indexOf(QStringLiteral("Annotation")));
            for (const std::vector<QString> &row : it.value()) {
                const Vm *vm = byName.value(row.at(size_t(name)));
                QVERIFY2(vm, qPrintable(row.at(size_t(name))));
                ++seen[vm->name];
                QCOMPARE(row.at(size_t(path)), it.key()); // a VM is on its path's sheet
                QCOMPARE(row.at(size_t(memory)).toDouble(), vm->memoryMiB / 1024.0);
                if (vm->name == kHostileName)
                    QCOMPARE(row.at(size_t(annotation)), kHostileNote);
            }
        }
        QCOMPARE(seen.size(), m_vms.size());
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY(seen.contains(kHostileName));
    }

    void reportNamesItsAnnex() { QVERIFY(pageText(m_pdf, 2).contains(QStringLiteral("assessment-annex.xlsx"))); }

    void exportXlsxWritesTheAnnex()
    {
        const QString path = m_dir.filePath(QStringLiteral("plan.xlsx"));
        const Run r = cli({QStringLiteral("export"), m_project, QStringLiteral("--xlsx"), path});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("%1 VMs written to").arg(m_vms.size())));
        const std::optional<Annex> exported = readAnnex(path);
        const std::optional<Annex> beside = readAnnex(m_annex);
        QVERIFY(exported && beside);
        QCOMPARE(exported->summary, beside->summary);
        QCOMPARE(exported->pathSheets.keys(), beside->pathSheets.keys());
        for (const QString &sheet : exported->pathSheets.keys())
            QCOMPARE(exported->pathSheets.value(sheet), beside->pathSheets.value(sheet));
    }

    void annexBesideThePdf_data()
    {
        QTest::addColumn<QString>("pdf");
        QTest::addColumn<QString>("annex");
        QTest::newRow("pdf") << QStringLiteral("out/a.pdf") << QStringLiteral("out/a-annex.xlsx");
        QTest::newRow("upper case") << QStringLiteral("out/A.PDF") << QStringLiteral("out/A-annex.xlsx");
        QTest::newRow("no suffix") << QStringLiteral("report") << QStringLiteral("report-annex.xlsx");
        QTest::newRow("dots") << QStringLiteral("/tmp/v1.2.pdf") << QStringLiteral("/tmp/v1.2-annex.xlsx");
    }

    void annexBesideThePdf()
    {
        QFETCH(QString, pdf);
        QFETCH(QString, annex);
        QCOMPARE(AnnexWorkbook::pathBeside(pdf), annex);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_pdf;
    QString m_annex;
    QList<Vm> m_vms;
    ReportModel m_model;
};

QTEST_MAIN(TestReportNavigation)
#include "tst_reportnavigation.moc"
