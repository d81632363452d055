// The report's content and the plan exports, from the demo project: what ReportBuilder and
// PlanTableBuilder produce, and what `landfall-cli export --csv/--xlsx` writes and reads back.
#include "reportfixture.h"

#include "io/csvreader.h"
#include "io/xlsxreader.h"
#include "report/plantablebuilder.h"
#include "report/reportbuilder.h"
#include "store/projectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace landfall;
using namespace reporttest;

namespace {

const ReportSection *findSection(const ReportModel &model, const QString &title)
{
    for (const ReportSection &section : model.sections) {
        if (section.title == title)
            return &section;
    }
    return nullptr;
}

QList<std::vector<QString>> readAll(RecordSource &source)
{
    QList<std::vector<QString>> rows;
    Record record;
    while (source.next(record))
        rows.append(record.fields);
    return rows;
}

} // namespace

/** The report's sections and figures, and the exports' rows and columns. */
class TestReportContent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = makeDemoProject(m_dir);
        QVERIFY(!m_project.isEmpty());
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        m_vms = store.value()->vms();
        QVERIFY(m_vms.size() > 300);
        QVERIFY(store.value()->decisions().isEmpty()); // nothing classified yet: the report must do it
    }

    void reportCoversEveryVm()
    {
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        ReportOptions options;
        options.customer = QStringLiteral("Acme");
        const auto inputs = ReportBuilder::gather(*store.value(), options);
        QVERIFY2(inputs, qPrintable(inputs ? QString() : inputs.error().message));
        QCOMPARE(store.value()->decisions().size(), m_vms.size()); // classified and stored
        const auto model = ReportBuilder::build(inputs.value());
        QVERIFY(model);
        const ReportModel &m = model.value();
        QCOMPARE(m.vmsInScope, int(m_vms.size()));
        int sum = 0;
        for (const PathCount &count : m.pathCounts)
            sum += count.vms;
        QCOMPARE(sum, int(m_vms.size()));
        QCOMPARE(m.scenarios.size(), 2);
        QCOMPARE(m.scenarios.at(0).scenario.name, QStringLiteral("baseline"));
        QCOMPARE(m.scenarios.at(1).scenario.name, QStringLiteral("large-nodes"));
        QCOMPARE(m.scenarios.at(1).result.scenario, QStringLiteral("large-nodes"));
        QVERIFY(!m.scenarios.at(0).sweep.isEmpty());

        const QStringList titles = [&] {
            QStringList list;
            for (const ReportSection &section : m.sections)
                list.append(section.title);
            return list;
        }();
        QCOMPARE(titles,
                 (QStringList{
                     QStringLiteral("Executive summary"), QStringLiteral("The estate today"),
                     QStringLiteral("The plan by migration path"), QStringLiteral("Container density and node sizes"),
                     QStringLiteral("Business case"), QStringLiteral("Wave plan"), QStringLiteral("Risk register"),
                     QStringLiteral("Exceptions: VMs that need a decision"), QStringLiteral("Next steps"),
                     QStringLiteral("Method and assumptions"), QStringLiteral("Appendix: the exceptions, VM by VM")}));
        QVERIFY(m.sections.constLast().appendix);
        QVERIFY(!m.sections.constFirst().appendix);

        // With the full appendix, every VM is listed once, by its name as given, grouped by application.
        ReportInputs full = inputs.value();
        full.options.appendix = ReportOptions::Appendix::Full;
        const auto fullModel = ReportBuilder::build(full);
        QVERIFY(fullModel);
        const ReportSection *appendix =
            findSection(fullModel.value(), QStringLiteral("Appendix: every VM and its decision"));
        QVERIFY(appendix);
        const ReportTable *found = nullptr;
        for (const ReportBlock &block : appendix->blocks) {
            if (block.kind == ReportBlock::Kind::Table && block.text == QLatin1String("Every VM, by application"))
                found = &block.table;
        }
        QVERIFY(found);
        const ReportTable &table = *found;
        QCOMPARE(table.rows.size(), m_vms.size());
        QSet<QString> names;
        for (const QStringList &row : table.rows)
            names.insert(row.at(1));
        for (const Vm &vm : std::as_const(m_vms))
            QVERIFY2(names.contains(vm.name), qPrintable(vm.name));
        QVERIFY(names.contains(kHostileName));
        // No appendix at all with "none": the body is the whole report.
        ReportInputs none = inputs.value();
        none.options.appendix = ReportOptions::Appendix::None;
        const auto noneModel = ReportBuilder::build(none);
        QVERIFY(noneModel);
        QVERIFY(!noneModel.value().sections.constLast().appendix);

        // The decision tables of the plan: one row per decision, their VM counts adding up to the path's.
        const ReportSection *plan = findSection(m, QStringLiteral("The plan by migration path"));
        QVERIFY(plan);
        int inPathTables = 0;
        for (const ReportBlock &block : plan->blocks) {
            if (block.kind != ReportBlock::Kind::Table || !block.text.endsWith(QLatin1String("one row per decision")))
                continue;
            QStringList seen;
            for (const QStringList &row : block.table.rows) {
                inPathTables += QString(row.constFirst()).remove(u',').toInt();
                const QString decision = row.mid(1, 4).join(u'|');
                QVERIFY2(!seen.contains(decision), qPrintable(decision)); // never split into several rows
                seen.append(decision);
            }
        }
        int moving = 0;
        for (const PathCount &path : m.pathCounts) {
            if (path.key != QLatin1String("retire") && path.key != QLatin1String("retain"))
                moving += path.vms;
        }
        QCOMPARE(inPathTables, moving);

        // Every scenario parameter is listed, a column per scenario.
        const ReportSection *method = findSection(m, QStringLiteral("Method and assumptions"));
        QVERIFY(method);
        bool nodeVcpu = false;
        bool rules = false;
        for (const ReportBlock &block : method->blocks) {
            if (block.kind != ReportBlock::Kind::Table)
                continue;
            if (block.table.header ==
                QStringList{QStringLiteral("Parameter"), QStringLiteral("baseline"), QStringLiteral("large-nodes")}) {
                // In words: the glossary names node.vcpu, and no raw key is shown.
                for (const QStringList &row : block.table.rows) {
                    QVERIFY2(!row.constFirst().contains(u'.'), qPrintable(row.constFirst()));
                    if (row.constFirst() == QLatin1String("vCPU of a node")) {
                        QCOMPARE(row, (QStringList{QStringLiteral("vCPU of a node"), QStringLiteral("32"),
                                                   QStringLiteral("64")}));
                        nodeVcpu = true;
                    }
                }
            }
            if (block.table.header.value(1) == QLatin1String("Path") && block.table.header.value(0) == u'#')
                rules = block.table.rows.size() > 5;
        }
        QVERIFY(nodeVcpu);
        QVERIFY(rules);
    }

    /** The sweep's "current size" is the headline, and the report's sweeps are what `density --json`
        gives for the same scenario: the report's shared packings change no figure. */
    void sweepAgreesWithTheHeadlineAndTheCli()
    {
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        const auto inputs = ReportBuilder::gather(*store.value(), ReportOptions());
        QVERIFY(inputs);
        const auto model = ReportBuilder::build(inputs.value());
        QVERIFY(model);
        QHash<int, int> headlineAtVcpu;
        for (const ScenarioOutcome &outcome : model.value().scenarios)
            headlineAtVcpu.insert(outcome.scenario.node.vcpu, outcome.result.containerNodes);
        for (const ScenarioOutcome &outcome : model.value().scenarios) {
            int atOwnSize = 0;
            for (const NodeSizePoint &point : outcome.sweep) {
                // Both scenarios differ only in their node: each sweep point at a scenario's size is its headline.
                if (headlineAtVcpu.contains(point.size.vcpu)) {
                    QCOMPARE(point.nodes, headlineAtVcpu.value(point.size.vcpu));
                    atOwnSize += point.size.vcpu == outcome.scenario.node.vcpu &&
                                         point.size.memoryGiB == outcome.scenario.node.memoryGiB
                                     ? 1
                                     : 0;
                }
            }
            QCOMPARE(atOwnSize, 1);
            const Run density = cli({QStringLiteral("density"), m_project, QStringLiteral("--scenario"),
                                     outcome.scenario.name, QStringLiteral("--json")});
            QCOMPARE(density.status, 0);
            const QJsonObject json = QJsonDocument::fromJson(density.out.toUtf8()).object();
            QCOMPARE(json.value(QStringLiteral("containerNodes")).toInt(), outcome.result.containerNodes);
            QCOMPARE(json.value(QStringLiteral("nodeSizes")).toArray(), NodeSizeSweep::toJson(outcome.sweep));
        }
    }

    void defaultScenarioWhenNone()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("bare.landfall"));
        QCOMPARE(cli({QStringLiteral("import"), project,
                      QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/demo-rvtools-vinfo.csv")})
                     .status,
                 0);
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        const auto inputs = ReportBuilder::gather(*store.value(), ReportOptions());
        QVERIFY(inputs);
        QCOMPARE(inputs.value().scenarios.size(), 1);
        QCOMPARE(inputs.value().scenarios.constFirst().name, QStringLiteral("default"));
    }

    void unknownScenarioIsRefused()
    {
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        ReportOptions options;
        options.scenarios = {QStringLiteral("nope")};
        const auto inputs = ReportBuilder::gather(*store.value(), options);
        QVERIFY(!inputs);
        QCOMPARE(inputs.error().kind, ReportError::Kind::Input);
        QVERIFY(inputs.error().message.contains(QLatin1String("baseline")));
    }

    void csvAndXlsxExportsReadBack()
    {
        const QString csvPath = m_dir.filePath(QStringLiteral("plan.csv"));
        const QString xlsxPath = m_dir.filePath(QStringLiteral("plan.xlsx"));
        const Run r = cli({QStringLiteral("export"), m_project, QStringLiteral("--csv"), csvPath,
                           QStringLiteral("--xlsx"), xlsxPath});
        QVERIFY2(r.status == 0, qPrintable(r.err));

        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store);
        const auto expected = PlanTableBuilder::fromStore(*store.value());
        QVERIFY(expected);
        const QStringList &header = expected.value().header;
        for (const QString &column :
             {QStringLiteral("name"), QStringLiteral("vcpu"), QStringLiteral("role"), QStringLiteral("path"),
              QStringLiteral("baseImage"), QStringLiteral("reason"), QStringLiteral("baseline pool"),
              QStringLiteral("baseline node"), QStringLiteral("large-nodes pool"), QStringLiteral("large-nodes node")})
            QVERIFY2(header.contains(column), qPrintable(column));

        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        CsvReader csv(csvFile.readAll(), csvPath);
        QCOMPARE(csv.header(), header);
        const QList<std::vector<QString>> csvRows = readAll(csv);
        QVERIFY(!csv.error());

        // The workbook is the report's annex: headers in words, a sheet per path (its own test,
        // tst_reportnavigation, reads it whole); here its rows agree with the CSV's.
        QHash<QString, std::vector<QString>> xlsxByName;
        QStringList xlsxHeader;
        for (MigrationPath sheetPath : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                                        MigrationPath::Retire, MigrationPath::Retain}) {
            XlsxReader xlsx(xlsxPath, ReportBuilder::pathLabel(sheetPath));
            if (xlsx.error())
                continue; // a path without VMs has no sheet
            xlsxHeader = xlsx.header();
            const int vm = int(xlsxHeader.indexOf(QStringLiteral("VM")));
            for (const std::vector<QString> &row : readAll(xlsx))
                xlsxByName.insert(row.at(size_t(vm)), row);
            QVERIFY(!xlsx.error());
        }
        QCOMPARE(xlsxByName.size(), m_vms.size());
        const int xPath = int(xlsxHeader.indexOf(QStringLiteral("Migration path")));
        const int xPool = int(xlsxHeader.indexOf(QStringLiteral("Node pool (baseline)")));
        const int xNotes = int(xlsxHeader.indexOf(QStringLiteral("Annotation")));
        QVERIFY(xPath >= 0 && xPool >= 0 && xNotes >= 0);

        QCOMPARE(csvRows.size(), m_vms.size());
        const int name = int(header.indexOf(QStringLiteral("name")));
        const int path = int(header.indexOf(QStringLiteral("path")));
        const int pool = int(header.indexOf(QStringLiteral("baseline pool")));
        const int node = int(header.indexOf(QStringLiteral("baseline node")));
        const int notes = int(header.indexOf(QStringLiteral("annotation")));
        bool hostileSeen = false;
        int placed = 0;
        for (qsizetype i = 0; i < csvRows.size(); ++i) {
            const std::vector<QString> &c = csvRows.at(i);
            QCOMPARE(int(c.size()), int(header.size()));
            QCOMPARE(c.at(name), m_vms.at(i).name); // in inventory order, names as given
            QVERIFY2(xlsxByName.contains(c.at(name)), qPrintable(c.at(name)));
            const std::vector<QString> &x = xlsxByName.value(c.at(name));
            QCOMPARE(x.at(size_t(xPath)), ReportBuilder::pathLabel(*migrationPathFromKey(c.at(path))));
            QCOMPARE(x.at(size_t(xPool)), c.at(pool));
            if (c.at(path) == QLatin1String("containerize")) {
                QVERIFY(!c.at(pool).isEmpty());
                QVERIFY(c.at(node).toInt() >= 1);
                ++placed;
            } else {
                QVERIFY(c.at(pool).isEmpty());
            }
            if (c.at(name) == kHostileName) {
                hostileSeen = true;
                QCOMPARE(c.at(notes), kHostileNote);
                QCOMPARE(x.at(size_t(xNotes)), kHostileNote);
            }
        }
        QVERIFY(hostileSeen);
        QVERIFY(placed > 0);
        QVERIFY(r.out.contains(QStringLiteral("%1 VMs written to").arg(m_vms.size())));
    }

    void exportUsage()
    {
        QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--csv")}).status, 2);
        QCOMPARE(cli({QStringLiteral("export"), m_dir.filePath(QStringLiteral("missing.landfall")),
                      QStringLiteral("--csv"), m_dir.filePath(QStringLiteral("x.csv"))})
                     .status,
                 3);
        QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--xlsx"),
                      m_dir.filePath(QStringLiteral("no/such/dir/plan.xlsx"))})
                     .status,
                 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QList<Vm> m_vms;
};

QTEST_GUILESS_MAIN(TestReportContent)
#include "tst_reportcontent.moc"
