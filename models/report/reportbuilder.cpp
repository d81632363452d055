#include "reportbuilder.h"

#include "advisor/oslifecycle.h"

#include "planinputs.h"

#include "advisor/projectadvisor.h"
#include "density/densityengine.h"
#include "density/estate.h"
#include "store/projectstore.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>

namespace landfall {

namespace {

constexpr MigrationPath kPaths[] = {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                                    MigrationPath::Retire, MigrationPath::Retain};

QString number(double value, int decimals = 1)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? number(100.0 * double(part) / double(whole)) + QStringLiteral(" %") : QStringLiteral("-");
}

QString pathDescription(MigrationPath path)
{
    switch (path) {
    case MigrationPath::Rehost:
        return QStringLiteral("These VMs move as they are, to virtual machines in the cloud or on hypervisor "
                              "hosts: nothing in them changes.");
    case MigrationPath::Containerize:
        return QStringLiteral("These VMs are repackaged as containers on Kubernetes node pools or container hosts. "
                              "The base image and the isolation follow from the operating system and the workshop "
                              "answers; the node pools they need are sized in the scenario comparison.");
    case MigrationPath::CloudNative:
        return QStringLiteral("These VMs are rebuilt on the cloud's managed services (databases, web apps, "
                              "functions): the application is changed, not just moved.");
    case MigrationPath::Retire:
        return QStringLiteral("These VMs are switched off: they are no longer needed, so nothing is moved.");
    case MigrationPath::Retain:
        return QStringLiteral("These VMs stay where they are, for now: a constraint keeps them on premises.");
    }
    return {};
}

/** "node.vcpu" -> "8": every leaf of a scenario's JSON, so each parameter is named as in its file. */
void flatten(const QJsonObject &object, const QString &prefix, QList<std::pair<QString, QString>> &out)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        const QJsonValue value = it.value();
        if (value.isObject()) {
            flatten(value.toObject(), key, out);
        } else if (value.isArray()) {
            QStringList parts;
            for (const QJsonValue &element : value.toArray()) {
                const QJsonObject size = element.toObject();
                if (size.contains(QLatin1String("vcpu")) && size.contains(QLatin1String("memoryGiB")))
                    parts.append(QStringLiteral("%1 vCPU / %2 GiB")
                                     .arg(size.value(QLatin1String("vcpu")).toInt())
                                     .arg(size.value(QLatin1String("memoryGiB")).toDouble()));
                else
                    parts.append(QString::fromUtf8(QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Compact))
                                     .mid(1)
                                     .chopped(1));
            }
            out.append({key, parts.join(QStringLiteral(", "))});
        } else if (value.isBool()) {
            out.append({key, value.toBool() ? QStringLiteral("yes") : QStringLiteral("no")});
        } else if (value.isDouble()) {
            out.append({key, QString::number(value.toDouble())});
        } else {
            out.append({key, value.toString()});
        }
    }
}

QString conditionText(const RuleCondition &condition)
{
    const QString op = RuleCondition::opKey(condition.op);
    if (condition.isComparison())
        return condition.field + u' ' + op + u' ' + condition.bound;
    return condition.field + u' ' + op + u' ' + condition.values.join(QStringLiteral(" | "));
}

/** "Windows Server 2019", "RHEL 8": the OS as a reader names it, not as the rules key it. */
QString osLabel(const OsInfo &os)
{
    static const QHash<QString, QString> names{{QStringLiteral("windows-server"), QStringLiteral("Windows Server")},
                                               {QStringLiteral("windows-client"), QStringLiteral("Windows")},
                                               {QStringLiteral("rhel"), QStringLiteral("RHEL")},
                                               {QStringLiteral("centos"), QStringLiteral("CentOS")},
                                               {QStringLiteral("ubuntu"), QStringLiteral("Ubuntu")},
                                               {QStringLiteral("debian"), QStringLiteral("Debian")},
                                               {QStringLiteral("sles"), QStringLiteral("SLES")},
                                               {QStringLiteral("oracle-linux"), QStringLiteral("Oracle Linux")},
                                               {QStringLiteral("rocky"), QStringLiteral("Rocky Linux")},
                                               {QStringLiteral("almalinux"), QStringLiteral("AlmaLinux")},
                                               {QStringLiteral("linux"), QStringLiteral("Linux")},
                                               {QStringLiteral("other"), QStringLiteral("Other")},
                                               {QStringLiteral("unknown"), QStringLiteral("Unknown")}};
    const QString family = names.value(os.family, os.family);
    return os.version.isEmpty() ? family : family + u' ' + os.version;
}

/** The year of a Windows Server version ("2012 R2" -> 2012), 0 when it has none. */
int windowsServerYear(const OsInfo &os)
{
    if (os.family != QLatin1String("windows-server"))
        return 0;
    return os.version.left(4).toInt();
}

ReportBlock heading(const QString &text)
{
    ReportBlock block;
    block.kind = ReportBlock::Kind::Heading;
    block.text = text;
    return block;
}

ReportBlock paragraph(const QString &text, ReportBlock::Kind kind = ReportBlock::Kind::Paragraph)
{
    ReportBlock block;
    block.kind = kind;
    block.text = text;
    return block;
}

ReportBlock tableBlock(const QString &caption, ReportTable table)
{
    ReportBlock block;
    block.kind = ReportBlock::Kind::Table;
    block.text = caption;
    block.table = std::move(table);
    return block;
}

ReportBlock chartBlock(ReportBlock::Chart chart, const QString &caption, int scenarioIndex = 0)
{
    ReportBlock block;
    block.kind = ReportBlock::Kind::Chart;
    block.chart = chart;
    block.text = caption;
    block.scenarioIndex = scenarioIndex;
    return block;
}

struct Risk {
    QString name;
    QString check;
    int vms = 0;
};

class Composer {
public:
    Composer(const ReportInputs &inputs, ReportModel &model)
        : m_inputs(inputs)
        , m_model(model)
    {
        for (const Decision &decision : inputs.decisions)
            m_decisions.insert(decision.vmId, &decision);
    }

    void summary();
    void method();
    void paths();
    void scenarios();
    void risks();
    void appendix();

private:
    const Decision *decisionOf(const Vm &vm) const { return m_decisions.value(vm.id); }

    const ReportInputs &m_inputs;
    ReportModel &m_model;
    QHash<qint64, const Decision *> m_decisions;
};

void Composer::summary()
{
    ReportSection section;
    section.title = QStringLiteral("Executive summary");
    const int inScope = m_model.vmsInScope;
    const int excluded = m_model.excludedTemplates + m_model.excludedSrmPlaceholders;
    int containerize = 0;
    for (const PathCount &path : std::as_const(m_model.pathCounts)) {
        if (path.key == migrationPathKey(MigrationPath::Containerize))
            containerize = path.vms;
    }
    const ScenarioOutcome &headline = m_model.scenarios.constFirst();
    const DensityResult &r = headline.result;

    ReportBlock figures;
    figures.kind = ReportBlock::Kind::Figures;
    figures.figures = {
        {ReportBuilder::count(inScope), QStringLiteral("VMs in scope")},
        {ReportBuilder::count(excluded), QStringLiteral("excluded (templates, SRM placeholders)")},
        {ReportBuilder::count(containerize), QStringLiteral("VMs to containerize")},
        {ReportBuilder::count(r.containerNodes) + QStringLiteral(" / ") + ReportBuilder::count(r.vmHosts),
         QStringLiteral("container nodes / VM hosts, scenario ") + headline.scenario.name},
    };
    section.blocks.append(paragraph(
        QStringLiteral("This report plans the move of %1 virtual machines to the cloud. %2 more were found in the "
                       "inventory but left out of scope (templates: %3, Site Recovery Manager placeholders: %4). "
                       "Each VM was classified into a migration path by the rule set in the method section; the "
                       "containerized VMs were then packed onto node pools under each scenario.")
            .arg(ReportBuilder::count(inScope), ReportBuilder::count(excluded),
                 ReportBuilder::count(m_model.excludedTemplates),
                 ReportBuilder::count(m_model.excludedSrmPlaceholders))));
    section.blocks.append(figures);

    ReportTable pathTable;
    pathTable.header = {QStringLiteral("Migration path"), QStringLiteral("VMs"), QStringLiteral("Share")};
    pathTable.columnWeights = {3, 1, 1};
    for (const PathCount &path : std::as_const(m_model.pathCounts))
        pathTable.rows.append(QStringList{path.label, ReportBuilder::count(path.vms), percent(path.vms, inScope)});
    pathTable.rows.append(
        QStringList{QStringLiteral("Total"), ReportBuilder::count(inScope), percent(inScope, inScope)});
    section.blocks.append(chartBlock(ReportBlock::Chart::PathDonut, QStringLiteral("VMs per migration path")));
    section.blocks.append(tableBlock(QStringLiteral("VMs per migration path"), pathTable));

    section.blocks.append(heading(QStringLiteral("Headline density result")));
    section.blocks.append(
        paragraph(QStringLiteral("Under scenario \u201c%1\u201d the %2 containerized workloads need %3 container nodes "
                                 "(the proven lower bound is %4). Run as VMs instead, the same workloads would need %5 "
                                 "hypervisor hosts (lower bound %6, limited by %7).")
                      .arg(headline.scenario.name, ReportBuilder::count(r.workloads),
                           ReportBuilder::count(r.containerNodes), ReportBuilder::count(r.containerNodesLowerBound),
                           ReportBuilder::count(r.vmHosts), ReportBuilder::count(r.vmHostsLowerBound),
                           r.vmHostsLimitingResource.isEmpty() ? QStringLiteral("-") : r.vmHostsLimitingResource)));

    ReportTable savings;
    savings.header = {QStringLiteral("Measure")};
    savings.columnWeights = {3};
    for (const ScenarioOutcome &outcome : std::as_const(m_model.scenarios)) {
        savings.header.append(outcome.scenario.name);
        savings.columnWeights.append(1.4);
    }
    auto row = [&](const QString &label, const std::function<QString(const DensityResult &)> &cell) {
        QStringList cells{label};
        for (const ScenarioOutcome &outcome : std::as_const(m_model.scenarios))
            cells.append(cell(outcome.result));
        savings.rows.append(cells);
    };
    row(QStringLiteral("Container nodes (lower bound)"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.containerNodes) + QStringLiteral(" (") +
               ReportBuilder::count(d.containerNodesLowerBound) + u')';
    });
    row(QStringLiteral("VM hosts (lower bound)"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.vmHosts) + QStringLiteral(" (") + ReportBuilder::count(d.vmHostsLowerBound) +
               u')';
    });
    // Capacity bought on both sides, in the same units; a negative saving is an increase, said so.
    row(QStringLiteral("Basis of both sides"), [](const DensityResult &d) -> QString {
        return QStringLiteral("%1, CPU overcommit %2, %3 % target, spares %4")
            .arg(d.basis.sizing)
            .arg(d.basis.cpuOvercommit)
            .arg(d.basis.targetUtilisationPct)
            .arg(d.basis.spares);
    });
    row(QStringLiteral("Physical cores bought, before / after"), [](const DensityResult &d) -> QString {
        return number(d.before.physicalCores) + QStringLiteral(" / ") + number(d.after.physicalCores);
    });
    row(QStringLiteral("Memory bought (GiB), before / after"), [](const DensityResult &d) -> QString {
        return number(d.before.memoryGiB) + QStringLiteral(" / ") + number(d.after.memoryGiB);
    });
    row(QStringLiteral("Disk (GiB), before / after with persistent volumes"), [](const DensityResult &d) -> QString {
        return number(d.before.diskGiB) + QStringLiteral(" / ") + number(d.after.diskGiB);
    });
    row(QStringLiteral("Physical cores"), [](const DensityResult &d) -> QString {
        return DensityResult::savingInWords(d.savedPhysicalCores, QStringLiteral("cores"));
    });
    row(QStringLiteral("Memory"), [](const DensityResult &d) -> QString {
        return DensityResult::savingInWords(d.savedMemoryGiB, QStringLiteral("GiB"));
    });
    row(QStringLiteral("Disk"), [](const DensityResult &d) -> QString {
        return DensityResult::savingInWords(d.savedDiskGiB, QStringLiteral("GiB"));
    });
    row(QStringLiteral("Not schedulable"),
        [](const DensityResult &d) -> QString { return ReportBuilder::count(d.notSchedulable.size()); });
    row(QStringLiteral("Windows core licences before, Standard / Datacenter"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.licencesBefore.standard) + QStringLiteral(" / ") +
               ReportBuilder::count(d.licencesBefore.datacenter);
    });
    row(QStringLiteral("Windows core licences after, Standard / Datacenter"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.licencesAfter.standard) + QStringLiteral(" / ") +
               ReportBuilder::count(d.licencesAfter.datacenter);
    });
    row(QStringLiteral("Licences, cheaper edition per server: before / after"), [](const DensityResult &d) -> QString {
        if (d.licences.model == QLatin1String("included"))
            return number(d.licences.before.bill.cost, 0) + u' ' + d.licences.currency +
                   QStringLiteral(" / in the node price (licence-included)");
        return number(d.licences.before.bill.cost, 0) + QStringLiteral(" / ") + number(d.licences.after.bill.cost, 0) +
               u' ' + d.licences.currency + QStringLiteral(" (after: Azure Hybrid Benefit)");
    });
    section.blocks.append(tableBlock(QStringLiteral("Capacity bought and licences per scenario"), savings));
    section.blocks.append(paragraph(
        r.baseline.source == QLatin1String("inventory")
            ? QStringLiteral("Today the estate runs on %1 hosts (%2 physical cores, %3 GiB); the containerized VMs "
                             "hold %4 cores and %5 GiB of them. Before is those VMs repacked onto %6 on the same "
                             "basis as the nodes. %7")
                  .arg(number(r.baseline.hosts), number(r.baseline.physicalCores), number(r.baseline.memoryGiB),
                       number(r.baseline.containerizedShare.physicalCores),
                       number(r.baseline.containerizedShare.memoryGiB), r.baseline.hostModel, r.licences.basis)
            : QStringLiteral("The inventory names no hosts (no vHost), so before is the scenario's host: %1, on the "
                             "same basis as the nodes. %2")
                  .arg(r.baseline.hostModel, r.licences.basis)));
    if (r.allFellBackToProvisioned() && r.basis.sizing == QLatin1String("performance"))
        section.blocks.append(
            paragraph(QStringLiteral("Warning: the inventory has no utilisation data, so every workload was sized as "
                                     "provisioned (the VM's vCPU and memory), not by its measured use.")));
    m_model.sections.append(section);
}

void Composer::method()
{
    ReportSection section;
    section.title = QStringLiteral("Method and assumptions");
    section.blocks.append(paragraph(
        QStringLiteral("Every figure in this report follows from the inventory, the workshop answers, the rule set "
                       "and the scenario parameters below. The advisor applies the rules in order and the first "
                       "that matches decides a VM's path; its caveats add conditions to check. The density engine "
                       "sizes each containerized VM from its utilisation (or its provisioned size where none was "
                       "measured), packs the workloads onto node pools and, for comparison, onto hypervisor hosts, "
                       "and proves a lower bound for each so the distance from the optimum is known.")));
    section.blocks.append(heading(QStringLiteral("Advisor inputs")));
    ReportTable inputs;
    inputs.header = {QStringLiteral("Input"), QStringLiteral("Value")};
    inputs.columnWeights = {2, 3};
    inputs.rows = {{QStringLiteral("Target platform"), targetPlatformKey(m_inputs.advisorInputs.platform)},
                   {QStringLiteral("Windows build of the node pool or host"), m_inputs.advisorInputs.windowsBuild},
                   {QStringLiteral("Plan date (images and OS support judged on it)"),
                    m_inputs.advisorInputs.effectivePlanDate().toString(Qt::ISODate)},
                   {QStringLiteral("Project file"), m_inputs.projectFile}};
    section.blocks.append(tableBlock(QStringLiteral("Advisor inputs"), inputs));

    section.blocks.append(heading(QStringLiteral("Scenario parameters")));
    // One column per scenario, four at a time, so that differences read across a row.
    const QList<ScenarioOutcome> &all = m_model.scenarios;
    for (qsizetype start = 0; start < all.size(); start += 4) {
        const qsizetype end = std::min<qsizetype>(all.size(), start + 4);
        QList<QList<std::pair<QString, QString>>> flat;
        for (qsizetype i = start; i < end; ++i) {
            flat.append(QList<std::pair<QString, QString>>());
            flatten(all[i].scenario.toJson(), QString(), flat.last());
        }
        ReportTable table;
        table.header = {QStringLiteral("Parameter")};
        table.columnWeights = {2.2};
        for (qsizetype i = start; i < end; ++i) {
            table.header.append(all[i].scenario.name);
            table.columnWeights.append(1.5);
        }
        QStringList keys;
        for (const auto &list : std::as_const(flat)) {
            for (const auto &[key, value] : list) {
                if (!keys.contains(key) && key != QLatin1String("name"))
                    keys.append(key);
            }
        }
        for (const QString &key : std::as_const(keys)) {
            QStringList cells{key};
            for (const auto &list : std::as_const(flat)) {
                const auto it = std::find_if(list.cbegin(), list.cend(), [&](const auto &p) { return p.first == key; });
                cells.append(it == list.cend() ? QString() : it->second);
            }
            table.rows.append(cells);
        }
        section.blocks.append(tableBlock(QStringLiteral("Scenario parameters, as named in the scenario files"), table));
    }

    section.blocks.append(heading(QStringLiteral("Rule set")));
    section.blocks.append(paragraph(
        QStringLiteral("The rules are applied top to bottom; the first enabled rule whose conditions all hold decides "
                       "the path. A decision's reason and rule trace in the appendix name the rule behind it.")));
    ReportTable rules;
    rules.header = {QStringLiteral("#"),    QStringLiteral("Rule"),       QStringLiteral("When"),
                    QStringLiteral("Path"), QStringLiteral("Confidence"), QStringLiteral("Reason")};
    rules.columnWeights = {0.35, 1.5, 2.2, 1.0, 0.9, 3.2};
    int index = 0;
    for (const Rule &rule : m_inputs.rules.rules()) {
        QStringList when;
        for (const RuleCondition &condition : rule.when)
            when.append(conditionText(condition));
        QString id = rule.id;
        if (!rule.enabled)
            id += QStringLiteral(" (disabled)");
        rules.rows.append(QStringList{
            QString::number(++index), id, when.isEmpty() ? QStringLiteral("every VM") : when.join(QStringLiteral("; ")),
            ReportBuilder::pathLabel(rule.path), confidenceKey(rule.confidence), rule.reason});
    }
    section.blocks.append(tableBlock(QStringLiteral("Classification rules in order"), rules));
    m_model.sections.append(section);
}

void Composer::paths()
{
    // VMs that share a decision (target, image, isolation, confidence, conditions) share a row:
    // a large estate has thousands of VMs but a few dozen distinct decisions, and a consultant
    // reads the decisions, then the names. Long lists continue on further rows.
    constexpr int kNamesPerRow = 5;
    for (MigrationPath path : kPaths) {
        ReportSection section;
        section.title = ReportBuilder::pathLabel(path);
        section.blocks.append(paragraph(pathDescription(path)));
        QList<QStringList> keys;
        QHash<QStringList, QStringList> names;
        int vms = 0;
        for (const Vm &vm : m_inputs.vms) {
            const Decision *decision = decisionOf(vm);
            if (!decision || decision->path != path)
                continue;
            const QStringList key{decision->target, decision->baseImage,
                                  decision->isolation == Isolation::None ? QString()
                                                                         : isolationKey(decision->isolation),
                                  confidenceKey(decision->confidence), decision->conditions.join(QStringLiteral("; "))};
            auto it = names.find(key);
            if (it == names.end()) {
                keys.append(key);
                it = names.insert(key, {});
            }
            it->append(vm.name);
            ++vms;
        }
        ReportTable table;
        table.header = {QStringLiteral("VMs"),       QStringLiteral("Target"),     QStringLiteral("Base image"),
                        QStringLiteral("Isolation"), QStringLiteral("Confidence"), QStringLiteral("Conditions")};
        table.columnWeights = {2.6, 2.1, 1.9, 0.8, 0.9, 2.3};
        for (const QStringList &key : std::as_const(keys)) {
            const QStringList &group = names[key];
            for (qsizetype start = 0; start < group.size(); start += kNamesPerRow) {
                QStringList row{group.mid(start, kNamesPerRow).join(QStringLiteral(", "))};
                row.append(key);
                table.rows.append(row);
            }
        }
        if (table.rows.isEmpty()) {
            section.blocks.append(paragraph(QStringLiteral("No VM takes this path."), ReportBlock::Kind::Note));
        } else {
            section.blocks.append(
                paragraph(QStringLiteral("%1 VMs (%2 of those in scope), in %3 distinct decisions. VMs are listed in "
                                         "inventory order, by their names as given.")
                              .arg(ReportBuilder::count(vms), percent(vms, m_model.vmsInScope),
                                   ReportBuilder::count(keys.size()))));
            section.blocks.append(
                tableBlock(ReportBuilder::pathLabel(path) + QStringLiteral(": decisions and their VMs"), table));
        }
        m_model.sections.append(section);
    }
}

void Composer::scenarios()
{
    ReportSection section;
    section.title = QStringLiteral("Scenario comparison and node sizes");
    section.blocks.append(paragraph(
        QStringLiteral("Each scenario packs the same containerized workloads. The chart compares, per scenario, the "
                       "hypervisor hosts the workloads would need as VMs with the container nodes they need as "
                       "containers.")));
    section.blocks.append(chartBlock(ReportBlock::Chart::ScenarioComparison,
                                     QStringLiteral("VM hosts and container nodes per scenario")));
    ReportTable pools;
    pools.header = {QStringLiteral("Scenario"),    QStringLiteral("Pool"),       QStringLiteral("Nodes"),
                    QStringLiteral("Lower bound"), QStringLiteral("Limited by"), QStringLiteral("Workloads"),
                    QStringLiteral("Method")};
    pools.columnWeights = {1.5, 1.8, 0.8, 0.9, 1.0, 0.9, 1.4};
    for (const ScenarioOutcome &outcome : std::as_const(m_model.scenarios)) {
        for (const PoolResult &pool : outcome.result.pools)
            pools.rows.append(QStringList{outcome.scenario.name, pool.name, ReportBuilder::count(pool.nodes),
                                          ReportBuilder::count(pool.lowerBound), pool.limitingResource,
                                          ReportBuilder::count(pool.workloads),
                                          pool.method + (pool.optimal ? QStringLiteral(", optimal") : QString())});
    }
    section.blocks.append(tableBlock(QStringLiteral("Node pools per scenario"), pools));

    for (int i = 0; i < m_model.scenarios.size(); ++i) {
        const ScenarioOutcome &outcome = m_model.scenarios.at(i);
        section.blocks.append(heading(QStringLiteral("Node-size sweep: ") + outcome.scenario.name));
        section.blocks.append(
            chartBlock(ReportBlock::Chart::NodeSizeSweep,
                       QStringLiteral("Nodes needed per node size, scenario ") + outcome.scenario.name, i));
        ReportTable sweep;
        sweep.header = {QStringLiteral("Node size"),           QStringLiteral("Nodes"),
                        QStringLiteral("Lower bound"),         QStringLiteral("vCPU bought"),
                        QStringLiteral("Memory bought (GiB)"), QStringLiteral("Note")};
        sweep.columnWeights = {1.6, 0.8, 0.9, 1.0, 1.3, 2.0};
        for (const NodeSizePoint &point : outcome.sweep) {
            const QString size =
                QStringLiteral("%1 vCPU / %2 GiB").arg(point.size.vcpu).arg(number(point.size.memoryGiB, 0));
            if (!point.feasible) {
                sweep.rows.append(QStringList{size, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                                              QStringLiteral("-"), point.error});
                continue;
            }
            sweep.rows.append(QStringList{
                size, ReportBuilder::count(point.nodes), ReportBuilder::count(point.lowerBound),
                number(point.vcpuBought, 0), number(point.memoryGiBBought, 0),
                (point.best ? QStringLiteral("cheapest: least vCPU bought. ") : QString()) +
                    (point.notSchedulable > 0
                         ? QStringLiteral("%1 workloads larger than the node, not placed").arg(point.notSchedulable)
                         : QString())});
        }
        section.blocks.append(tableBlock(QStringLiteral("Node-size sweep, scenario ") + outcome.scenario.name, sweep));
    }
    m_model.sections.append(section);
}

void Composer::risks()
{
    ReportSection section;
    section.title = QStringLiteral("Risks and conditions to check");
    QList<Risk> risks = {
        {QStringLiteral("Windows authentication (gMSA)"),
         QStringLiteral("Each container needs a group managed service account and a credential spec; the nodes "
                        "must be able to retrieve it."),
         0},
        {QStringLiteral("Operating system older than Windows Server 2016"),
         QStringLiteral("No supported container base image exists: upgrade in place first, or rehost."), 0},
        {QStringLiteral("GPU node pool needed"),
         QStringLiteral("A GPU-enabled Windows node pool must be available in the region and budgeted."), 0},
        {QStringLiteral("Low confidence decision"),
         QStringLiteral("Confirm the workshop answers: the rules decided on little information."), 0},
        {QStringLiteral("Path set by hand"),
         QStringLiteral("The consultant overrode the rules; the override note says why."), 0},
        {QStringLiteral("Operating system not recognised"),
         QStringLiteral("Check the guest OS in vCenter; the rules cannot judge it."), 0},
        {QStringLiteral("No utilisation data (sized as provisioned)"),
         QStringLiteral("Containers were sized on provisioned vCPU and memory: measure to size them tighter."), 0},
        {QStringLiteral("Operating system past its end of support"),
         QStringLiteral("No security updates any more: move it first, or buy extended security updates; each VM's "
                        "condition names the date."),
         0},
        {QStringLiteral("Operating system reaching its end of support within 12 months"),
         QStringLiteral("Plan the upgrade or the move before the date each VM's condition names."), 0},
    };
    const QDate planDate = m_inputs.advisorInputs.effectivePlanDate();
    QMap<QString, int> conditionCounts;
    QMap<QString, QStringList> conditionPaths;
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        if (!decision)
            continue;
        const QString joined = decision->conditions.join(u' ').toLower();
        if (joined.contains(QLatin1String("gmsa")))
            ++risks[0].vms;
        const int year = windowsServerYear(vm.os);
        if (year > 0 && year < 2016)
            ++risks[1].vms;
        if (joined.contains(QLatin1String("gpu")))
            ++risks[2].vms;
        if (decision->confidence == Confidence::Low)
            ++risks[3].vms;
        if (decision->overridden)
            ++risks[4].vms;
        if (!vm.os.isKnown())
            ++risks[5].vms;
        if (decision->path == MigrationPath::Containerize && !vm.cpuUtilPct && !vm.memoryUtilPct)
            ++risks[6].vms;
        const SupportBand band = OsLifecycle::band(OsLifecycle::shipped().release(vm.os), planDate);
        if (band == SupportBand::Past)
            ++risks[7].vms;
        else if (band == SupportBand::Within12Months)
            ++risks[8].vms;
        for (const QString &condition : decision->conditions) {
            ++conditionCounts[condition];
            QStringList &paths = conditionPaths[condition];
            const QString label = ReportBuilder::pathLabel(decision->path);
            if (!paths.contains(label))
                paths.append(label);
        }
    }
    section.blocks.append(paragraph(
        QStringLiteral("The risks below were found in the inventory and the decisions. Each VM's own conditions are "
                       "listed in the tables of its migration path.")));
    ReportTable riskTable;
    riskTable.header = {QStringLiteral("Risk"), QStringLiteral("VMs"), QStringLiteral("What to check")};
    riskTable.columnWeights = {2.2, 0.7, 4.0};
    for (const Risk &risk : std::as_const(risks))
        riskTable.rows.append(QStringList{risk.name, ReportBuilder::count(risk.vms), risk.check});
    section.blocks.append(tableBlock(QStringLiteral("Risks found"), riskTable));

    section.blocks.append(heading(QStringLiteral("Conditions to check")));
    ReportTable conditions;
    conditions.header = {QStringLiteral("Condition"), QStringLiteral("VMs"), QStringLiteral("Paths")};
    conditions.columnWeights = {4.0, 0.7, 2.0};
    QList<std::pair<QString, int>> sorted;
    for (auto it = conditionCounts.cbegin(); it != conditionCounts.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[condition, vms] : std::as_const(sorted))
        conditions.rows.append(
            {condition, ReportBuilder::count(vms), conditionPaths.value(condition).join(QStringLiteral(", "))});
    if (conditions.rows.isEmpty())
        section.blocks.append(paragraph(QStringLiteral("No decision carries a condition."), ReportBlock::Kind::Note));
    else
        section.blocks.append(tableBlock(QStringLiteral("Conditions the decisions carry"), conditions));
    m_model.sections.append(section);
}

void Composer::appendix()
{
    ReportSection section;
    section.title = QStringLiteral("Appendix: every VM and its decision");
    section.blocks.append(paragraph(
        QStringLiteral("Every VM in scope, in inventory order, with its path, the rule that decided it and its reason. "
                       "A reason is given by its code: the codes are listed in full after this table, since many VMs "
                       "share one. Names and text from the inventory are shown exactly as given.")));
    ReportTable table;
    table.header = {
        QStringLiteral("VM"),   QStringLiteral("Operating system"), QStringLiteral("vCPU"), QStringLiteral("GiB"),
        QStringLiteral("Path"), QStringLiteral("Confidence"),       QStringLiteral("Rule"), QStringLiteral("Reason")};
    table.columnWeights = {2.2, 1.7, 0.5, 0.5, 1.0, 0.85, 1.9, 0.6};
    QHash<QString, int> codes;
    QStringList reasons;
    QList<int> reasonVms;
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        QString rule;
        QString reason;
        if (decision) {
            if (!decision->trace.isEmpty())
                rule = decision->trace.constFirst().ruleId;
            reason = decision->reason;
            if (decision->overridden)
                reason = QStringLiteral("Set by hand: ") + decision->overrideNote;
        }
        auto code = codes.constFind(reason);
        if (code == codes.cend()) {
            code = codes.insert(reason, int(reasons.size()) + 1);
            reasons.append(reason);
            reasonVms.append(0);
        }
        ++reasonVms[*code - 1];
        table.rows.append(QStringList{
            vm.name, osLabel(vm.os), QString::number(vm.vcpu),
            number(vm.memoryMiB / 1024.0, vm.memoryMiB >= 10240 ? 0 : 1),
            decision ? ReportBuilder::pathLabel(decision->path) : QStringLiteral("not classified"),
            decision ? confidenceKey(decision->confidence) : QString(), rule, QStringLiteral("R%1").arg(*code)});
    }
    section.blocks.append(tableBlock(QStringLiteral("Every VM"), table));

    ReportTable legend;
    legend.header = {QStringLiteral("Code"), QStringLiteral("Reason"), QStringLiteral("VMs")};
    legend.columnWeights = {0.6, 6.0, 0.7};
    for (qsizetype i = 0; i < reasons.size(); ++i)
        legend.rows.append(
            QStringList{QStringLiteral("R%1").arg(i + 1), reasons.at(i), ReportBuilder::count(reasonVms.at(i))});
    section.blocks.append(heading(QStringLiteral("Reasons")));
    section.blocks.append(tableBlock(QStringLiteral("The reasons of the decisions, by code"), legend));
    m_model.sections.append(section);
}

} // namespace

QString ReportBuilder::pathLabel(MigrationPath path)
{
    switch (path) {
    case MigrationPath::Rehost:
        return QStringLiteral("Rehost");
    case MigrationPath::Containerize:
        return QStringLiteral("Containerize");
    case MigrationPath::CloudNative:
        return QStringLiteral("Cloud native");
    case MigrationPath::Retire:
        return QStringLiteral("Retire");
    case MigrationPath::Retain:
        return QStringLiteral("Retain");
    }
    return {};
}

QString ReportBuilder::count(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

Result<ReportInputs, ReportError> ReportBuilder::gather(ProjectStore &store, const ReportOptions &options)
{
    ReportInputs inputs;
    inputs.options = options;
    inputs.projectFile = QFileInfo(store.path()).fileName();
    Result<QList<Scenario>, ReportError> scenarios = PlanInputs::scenarios(store, options.scenarios);
    if (!scenarios)
        return scenarios.error();
    inputs.scenarios = scenarios.value();
    // A name is shown, in headings, tables, charts and every running header: a crafted one of
    // 100,000 characters would make the layout's cost its own. Names are bounded for display.
    constexpr qsizetype kShownName = 120;
    const auto bounded = [](const QString &text) {
        return text.size() <= kShownName ? text : text.left(kShownName - 1) + QChar(0x2026);
    };
    for (Scenario &scenario : inputs.scenarios)
        scenario.name = bounded(scenario.name);
    inputs.options.customer = bounded(inputs.options.customer);
    inputs.options.consultant = bounded(inputs.options.consultant);
    Result<QList<Decision>, ReportError> decisions = PlanInputs::decisions(store);
    if (!decisions)
        return decisions.error();
    inputs.decisions = decisions.value();
    inputs.vms = store.vms();
    inputs.hosts = store.hosts();
    inputs.summary = store.summary();
    if (const std::optional<StoreError> failure = store.readFailure())
        return ReportError{ReportError::Kind::Store, failure->message};
    const ProjectAdvisor advisor(store);
    Result<RuleSet, AdvisorError> rules = advisor.rules();
    if (!rules)
        return ReportError{ReportError::Kind::Input, rules.error().message};
    inputs.rules = rules.value();
    inputs.advisorInputs = advisor.inputs();
    return inputs;
}

Result<ReportModel, ReportError> ReportBuilder::build(const ReportInputs &inputs, const Progress &progress)
{
    if (inputs.scenarios.isEmpty())
        return ReportError{ReportError::Kind::Input, QStringLiteral("a report needs at least one scenario")};
    ReportModel model;
    model.title = QStringLiteral("Cloud migration assessment");
    model.subtitle = QStringLiteral("Migration paths, container density and the conditions to check");
    model.customer = inputs.options.customer;
    model.consultant = inputs.options.consultant;
    model.date = inputs.options.date;
    model.logoPath = inputs.options.logoPath;
    model.annexFile = inputs.options.annexFile;
    model.projectFile = inputs.projectFile;
    model.vmsInScope = int(inputs.vms.size());
    model.excludedTemplates = inputs.summary.excludedTemplates;
    model.excludedSrmPlaceholders = inputs.summary.excludedSrmPlaceholders;

    QHash<MigrationPath, int> counts;
    for (const Decision &decision : inputs.decisions)
        ++counts[decision.path];
    for (MigrationPath path : kPaths)
        model.pathCounts.append({migrationPathKey(path), pathLabel(path), counts.value(path)});
    if (progress)
        progress(5);

    // The scenarios are independent: run them side by side, each with its sweep.
    const QList<Workload> workloads = PlanInputs::containerWorkloads(inputs.vms, inputs.decisions);
    const Estate estate = Estate::fromInventory(inputs.hosts, inputs.vms);
    struct Run {
        Scenario scenario;
        std::optional<ScenarioOutcome> outcome;
        QString error;
    };
    QList<Run> runs;
    for (const Scenario &scenario : inputs.scenarios)
        runs.append({scenario, std::nullopt, {}});
    std::atomic<int> done = 0;
    const int total = int(runs.size());
    QtConcurrent::blockingMap(runs, [&](Run &run) {
        // With the placement: the annex workbook lists each VM's pool and node from these runs.
        Result<DensityResult, ScenarioError> result = DensityEngine(run.scenario, estate).run(workloads);
        if (!result) {
            run.error = run.scenario.name + QStringLiteral(": ") + result.error().toString();
        } else {
            run.outcome = ScenarioOutcome{run.scenario, result.value(), NodeSizeSweep::run(run.scenario, workloads)};
            run.outcome->result.scenario = run.scenario.name;
        }
        const int finished = ++done;
        if (progress)
            progress(5 + 85 * finished / total);
    });
    for (const Run &run : std::as_const(runs)) {
        if (!run.outcome)
            return ReportError{ReportError::Kind::Input, run.error};
        model.scenarios.append(*run.outcome);
    }

    Composer composer(inputs, model);
    composer.summary();
    composer.method();
    composer.paths();
    composer.scenarios();
    composer.risks();
    composer.appendix();
    if (progress)
        progress(100);
    return model;
}

} // namespace landfall
