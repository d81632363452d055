#include "reportbuilder.h"

#include "advisor/oslifecycle.h"
#include "domain/osinfo.h"

#include "planinputs.h"

#include "reportsettings.h"
#include "scenarioglossary.h"

#include "advisor/projectadvisor.h"
#include "cost/projectbusinesscase.h"
#include "density/densityengine.h"
#include "density/estate.h"
#include "density/packingcache.h"
#include "store/projectstore.h"
#include "waves/waveplanmodel.h"
#include "waves/waveplanner.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadPool>
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

/** "Windows Server 2019", "RHEL 8": the OS as a reader names it, not as the rules key it. */
QString osLabel(const OsInfo &os)
{
    const QString family = OsInfo::familyName(os.family, OsInfo::NameLength::Brief);
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

/** "windows-10.0.26100-untrusted-gpu" -> "Windows nodes, build 26100, isolated, GPU": a pool as a reader names it. */
QString poolLabel(const QString &name)
{
    const QStringList parts = name.split(u'-');
    QStringList words;
    if (parts.value(0) == QLatin1String("windows"))
        words.append(QStringLiteral("Windows nodes, build ") + parts.value(1).section(u'.', -1));
    else if (parts.value(0) == QLatin1String("linux"))
        words.append(QStringLiteral("Linux nodes"));
    else if (parts.value(0) == QLatin1String("system"))
        words.append(QStringLiteral("System nodes"));
    else
        return name;
    for (qsizetype i = parts.value(0) == QLatin1String("windows") ? 2 : 1; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part == QLatin1String("gpu"))
            words.append(QStringLiteral("GPU"));
        else if (part == QLatin1String("untrusted"))
            words.append(QStringLiteral("Hyper-V isolated"));
        else if (part == QLatin1String("kata"))
            words.append(QStringLiteral("Kata isolated"));
        else
            words.append(part);
    }
    return words.join(QStringLiteral(", "));
}

/** Severity of a risk, as the register prints it and orders the top five. */
enum class Severity { High, Medium, Low };

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::High:
        return QStringLiteral("High");
    case Severity::Medium:
        return QStringLiteral("Medium");
    case Severity::Low:
        return QStringLiteral("Low");
    }
    return {};
}

struct Risk {
    QString name;
    Severity severity = Severity::Medium;
    QString mitigation;
    int vms = 0;
};

/** Why a VM is an exception: it needs the consultant's or the customer's decision. */
enum ExceptionReason : unsigned {
    kLowConfidence = 1,
    kConditions = 2,
    kUnknownOs = 4,
    kTooLarge = 8,
    kBlocked = 16,
};

/** The conditions that hold a VM's move until someone decides: not the end-of-support notices
    (the risk register and the wave order carry those), and none on a VM that is switched off
    or stays. */
int openConditions(const Decision &decision)
{
    if (decision.path == MigrationPath::Retire || decision.path == MigrationPath::Retain)
        return 0;
    return int(std::count_if(decision.conditions.cbegin(), decision.conditions.cend(), [](const QString &condition) {
        return !condition.startsWith(QLatin1String("End of support"));
    }));
}

QString exceptionWords(unsigned reasons, int conditions)
{
    QStringList words;
    if (reasons & kLowConfidence)
        words.append(QStringLiteral("low confidence"));
    if (reasons & kBlocked)
        words.append(QStringLiteral("blocker"));
    if (reasons & kConditions)
        words.append(conditions == 1 ? QStringLiteral("1 condition open")
                                     : QStringLiteral("%1 conditions open").arg(conditions));
    if (reasons & kUnknownOs)
        words.append(QStringLiteral("OS not recognised"));
    if (reasons & kTooLarge)
        words.append(QStringLiteral("not schedulable"));
    return words.join(QStringLiteral(", "));
}

/** A VM's share of a pivot: counts and sums per path. */
struct PivotCell {
    int vms = 0;
    double vcpu = 0;
    double memoryGiB = 0;
    double monthly = 0;
};

/** How many rows of a bounded table to show before "Other": the body stays in 25 pages at any size. */
constexpr int kTopRows = 8;
constexpr int kTopDecisions = 10;
constexpr int kTopWaves = 24;

QString money(double value, const QString &currency)
{
    return QLocale(QLocale::English).toString(value, 'f', 0) + u' ' + currency;
}

QString gib(double value)
{
    return number(value, value >= 100 ? 0 : 1);
}

class Composer {
public:
    Composer(const ReportInputs &inputs, ReportModel &model, const std::optional<WavePlan> &plan)
        : m_inputs(inputs)
        , m_model(model)
        , m_plan(plan)
    {
        for (const Decision &decision : inputs.decisions)
            m_decisions.insert(decision.vmId, &decision);
        if (inputs.businessCase) {
            for (const VmCost &cost : inputs.businessCase->vms)
                m_costs.insert(cost.vmId, &cost);
        }
        for (const ScenarioOutcome &outcome : std::as_const(model.scenarios)) {
            QList<std::pair<QString, QString>> flat;
            flatten(outcome.scenario.toJson(), QString(), flat);
            for (const auto &[key, value] : std::as_const(flat)) {
                if (key.contains(u'.') && !m_keys.contains(key))
                    m_keys.append(key);
            }
        }
        // The longest first: "node.memoryGiB" is replaced before a shorter key could match inside it.
        std::sort(m_keys.begin(), m_keys.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        const ScenarioOutcome &headline = model.scenarios.at(model.headline);
        for (const NotSchedulable &n : headline.result.notSchedulable)
            m_notSchedulable.insert(n.vmId);
        classifyExceptions();
        countRisks();
    }

    void summary();
    void estate();
    void plan();
    void density();
    void business();
    void waves();
    void riskRegister();
    void exceptions();
    void nextSteps();
    void method();
    void appendix();

private:
    const Decision *decisionOf(const Vm &vm) const { return m_decisions.value(vm.id); }
    /** Engine text (an error, an assumption) with every scenario key put in words. */
    QString scrub(QString text) const
    {
        for (const QString &key : m_keys)
            text.replace(key, ScenarioGlossary::words(key).toLower());
        // The engine's names for pools and operating systems, in the reader's words.
        static const QRegularExpression pool(
            QStringLiteral("\\b(?:windows-\\d+\\.\\d+\\.\\d+|linux|system)(?:-[a-z]+)*\\b"));
        static const QRegularExpression poolish(QStringLiteral("-|^windows"));
        QString out;
        qsizetype last = 0;
        for (auto it = pool.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (!match.captured().contains(poolish))
                continue; // a plain "linux" or "system" in a sentence
            out += text.mid(last, match.capturedStart() - last) + poolLabel(match.captured());
            last = match.capturedEnd();
        }
        text = out + text.mid(last);
        static const QList<std::pair<QRegularExpression, QString>> families{
            {QRegularExpression(QStringLiteral("\\bwindows-server\\b")), QStringLiteral("Windows Server")},
            {QRegularExpression(QStringLiteral("\\bwindows-client\\b")), QStringLiteral("Windows")},
            {QRegularExpression(QStringLiteral("\\bubuntu (?=\\d)")), QStringLiteral("Ubuntu ")},
            {QRegularExpression(QStringLiteral("\\brhel (?=\\d)")), QStringLiteral("RHEL ")},
            {QRegularExpression(QStringLiteral("\\bdebian (?=\\d)")), QStringLiteral("Debian ")},
            {QRegularExpression(QStringLiteral("\\bcentos (?=\\d)")), QStringLiteral("CentOS ")},
            {QRegularExpression(QStringLiteral("\\bsles (?=\\d)")), QStringLiteral("SLES ")},
        };
        for (const auto &[pattern, words] : families)
            text.replace(pattern, words);
        return text;
    }
    QString currency() const
    {
        return m_inputs.businessCase ? m_inputs.businessCase->currency
                                     : m_model.scenarios.at(m_model.headline).result.licences.currency;
    }
    void begin(ReportSection &section, const QString &noteKey) const;
    void classifyExceptions();
    void countRisks();
    QList<Risk> sortedRisks() const;
    ReportTable pivot(const QString &label, const std::function<QString(const Vm &)> &keyOf) const;

    const ReportInputs &m_inputs;
    ReportModel &m_model;
    const std::optional<WavePlan> &m_plan;
    QHash<qint64, const Decision *> m_decisions;
    QHash<qint64, const VmCost *> m_costs;
    QStringList m_keys;
    QSet<qint64> m_notSchedulable;
    QHash<qint64, unsigned> m_exceptions; ///< VM id -> ExceptionReason bits
    QList<Risk> m_risks;
    int m_pastSupport = 0;
    int m_within12 = 0;
    int m_unknownSupport = 0;
    int m_measured = 0;
};

void Composer::begin(ReportSection &section, const QString &noteKey) const
{
    const QString note = m_inputs.options.notes.value(noteKey).trimmed();
    if (!note.isEmpty())
        section.blocks.append(paragraph(QStringLiteral("Consultant\u2019s note: ") + note, ReportBlock::Kind::Note));
}

void Composer::classifyExceptions()
{
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        unsigned reasons = 0;
        if (!decision || decision->confidence == Confidence::Low)
            reasons |= kLowConfidence;
        if (decision && openConditions(*decision) > 0)
            reasons |= kConditions;
        if (!vm.os.isKnown())
            reasons |= kUnknownOs;
        if (m_notSchedulable.contains(vm.id))
            reasons |= kTooLarge;
        // A containerized Windows VM older than 2016 has no base image: it cannot go as decided.
        const int year = windowsServerYear(vm.os);
        if (decision && decision->path == MigrationPath::Containerize && year > 0 && year < 2016)
            reasons |= kBlocked;
        if (reasons)
            m_exceptions.insert(vm.id, reasons);
        if (vm.cpuUtilPct || vm.memoryUtilPct)
            ++m_measured;
    }
}

void Composer::countRisks()
{
    m_risks = {
        {QStringLiteral("Operating system past its end of support"), Severity::High,
         QStringLiteral("Move these VMs in the first waves, or buy extended security updates until they move."), 0},
        {QStringLiteral("Windows older than Windows Server 2016 planned as a container"), Severity::High,
         QStringLiteral("No supported container image exists: upgrade the application first, or rehost it."), 0},
        {QStringLiteral("Workloads larger than any node of the recommended scenario"), Severity::High,
         QStringLiteral("Add a larger node pool, or rehost these VMs."), 0},
        {QStringLiteral("Operating system reaching its end of support within 12 months"), Severity::Medium,
         QStringLiteral("Plan the upgrade or the move before the date each VM's condition names."), 0},
        {QStringLiteral("Decision made on little information (low confidence)"), Severity::Medium,
         QStringLiteral("Confirm the workshop answers with the application owners."), 0},
        {QStringLiteral("Windows authentication in containers (group managed service accounts)"), Severity::Medium,
         QStringLiteral("Set up a group managed service account and a credential specification per application."), 0},
        {QStringLiteral("GPU capacity needed"), Severity::Medium,
         QStringLiteral("Confirm GPU node availability in the region and budget it."), 0},
        {QStringLiteral("Operating system not recognised"), Severity::Medium,
         QStringLiteral("Check the guest operating system in vCenter; until then the decision is a guess."), 0},
        {QStringLiteral("Containers sized as provisioned, not by measured use"), Severity::Low,
         QStringLiteral("Collect 30 days of performance data to size them to what they use."), 0},
        {QStringLiteral("Path set by hand, against the rules"), Severity::Low,
         QStringLiteral("Review the override notes with the customer."), 0},
    };
    const QDate planDate = m_inputs.advisorInputs.effectivePlanDate();
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        const SupportBand band = OsLifecycle::band(OsLifecycle::shipped().release(vm.os), planDate);
        if (band == SupportBand::Past) {
            ++m_pastSupport;
            if (!decision || decision->path != MigrationPath::Retire)
                ++m_risks[0].vms;
        } else if (band == SupportBand::Within12Months) {
            ++m_within12;
            if (!decision || decision->path != MigrationPath::Retire)
                ++m_risks[3].vms;
        } else if (band == SupportBand::Unknown) {
            ++m_unknownSupport;
        }
        if (!decision)
            continue;
        const int year = windowsServerYear(vm.os);
        if (decision->path == MigrationPath::Containerize && year > 0 && year < 2016)
            ++m_risks[1].vms;
        if (m_notSchedulable.contains(vm.id))
            ++m_risks[2].vms;
        if (decision->confidence == Confidence::Low)
            ++m_risks[4].vms;
        const QString joined = decision->conditions.join(u' ').toLower();
        if (joined.contains(QLatin1String("gmsa")))
            ++m_risks[5].vms;
        if (joined.contains(QLatin1String("gpu")))
            ++m_risks[6].vms;
        if (!vm.os.isKnown())
            ++m_risks[7].vms;
        if (decision->path == MigrationPath::Containerize && !vm.cpuUtilPct && !vm.memoryUtilPct)
            ++m_risks[8].vms;
        if (decision->overridden)
            ++m_risks[9].vms;
    }
}

QList<Risk> Composer::sortedRisks() const
{
    QList<Risk> risks;
    for (const Risk &risk : m_risks) {
        if (risk.vms > 0)
            risks.append(risk);
    }
    std::stable_sort(risks.begin(), risks.end(), [](const Risk &a, const Risk &b) {
        return a.severity != b.severity ? a.severity < b.severity : a.vms > b.vms;
    });
    return risks;
}

void Composer::summary()
{
    ReportSection section;
    section.title = QStringLiteral("Executive summary");
    begin(section, QStringLiteral("summary"));
    const ScenarioOutcome &headline = m_model.scenarios.at(m_model.headline);
    const DensityResult &r = headline.result;
    const std::optional<BusinessCase> &bc = m_inputs.businessCase;
    const QString cur = currency();

    section.blocks.append(heading(QStringLiteral("Recommendation")));
    if (!m_inputs.recommended.isEmpty()) {
        QString text = QStringLiteral("We recommend scenario \u201c%1\u201d.").arg(headline.scenario.name);
        if (!m_inputs.recommendationWhy.trimmed().isEmpty())
            text += u' ' + m_inputs.recommendationWhy.trimmed();
        if (bc)
            text += QStringLiteral(" It takes the estate from %1 to %2 a month")
                        .arg(money(bc->before, cur), money(bc->after, cur)) +
                    (bc->paybackMonth
                         ? QStringLiteral(" and pays back in month %1.").arg(*bc->paybackMonth)
                         : QStringLiteral(", but does not pay back within %1 years.").arg(m_inputs.options.years));
        section.blocks.append(paragraph(text));
    } else {
        section.blocks.append(paragraph(
            QStringLiteral("No scenario has been marked as recommended yet. The figures below are for scenario "
                           "\u201c%1\u201d, the first reported; the consultant marks the recommended one before the "
                           "report goes to the customer.")
                .arg(headline.scenario.name)));
    }

    ReportBlock figures;
    figures.kind = ReportBlock::Kind::Figures;
    figures.figures.append({ReportBuilder::count(m_model.vmsInScope), QStringLiteral("VMs in scope")});
    if (bc) {
        // The currency in the caption: a large estate's amount fits the tile whole.
        figures.figures.append({number(bc->before, 0), cur + QStringLiteral(" a month today")});
        figures.figures.append({number(bc->after, 0), cur + QStringLiteral(" a month after the move")});
        figures.figures.append(
            {bc->paybackMonth ? QStringLiteral("Month %1").arg(*bc->paybackMonth) : QStringLiteral("None"),
             QStringLiteral("payback, counted from the start of the move")});
    } else {
        figures.figures.append({ReportBuilder::count(r.containerNodes), QStringLiteral("container nodes")});
        figures.figures.append({ReportBuilder::count(r.vmHosts), QStringLiteral("VM hosts for the same workloads")});
    }
    section.blocks.append(figures);

    if (bc) {
        double before = 0;
        double after = 0;
        for (const YearCost &year : bc->years) {
            before += year.before;
            after += year.after;
        }
        ReportTable money_;
        money_.header = {QStringLiteral("Cost (") + cur + u')', QStringLiteral("Today"),
                         QStringLiteral("After the move"), QStringLiteral("Difference")};
        money_.columnWeights = {2.4, 1.2, 1.2, 1.2};
        money_.rows.append({QStringLiteral("Per month"), money(bc->before, cur), money(bc->after, cur),
                            money(bc->before - bc->after, cur)});
        money_.rows.append(
            {QStringLiteral("Over %1 years, with the move's ramp and one-off costs").arg(bc->years.size()),
             money(before, cur), money(after, cur), money(before - after, cur)});
        section.blocks.append(tableBlock(QStringLiteral("Today against after the move"), money_));
    } else {
        section.blocks.append(
            paragraph(QStringLiteral("The business case could not be made: ") + scrub(m_inputs.businessCaseError),
                      ReportBlock::Kind::Note));
    }

    ReportTable capacity;
    capacity.header = {QStringLiteral("Capacity bought"), QStringLiteral("Before"), QStringLiteral("After"),
                       QStringLiteral("Change")};
    capacity.columnWeights = {2.4, 1.2, 1.2, 1.8};
    capacity.rows.append({QStringLiteral("Physical cores"), number(r.before.physicalCores, 0),
                          number(r.after.physicalCores, 0),
                          DensityResult::savingInWords(r.savedPhysicalCores, QStringLiteral("cores"))});
    capacity.rows.append({QStringLiteral("vCPU (hardware threads)"), number(r.before.vcpu, 0), number(r.after.vcpu, 0),
                          DensityResult::savingInWords(r.savedVcpu, QStringLiteral("vCPU"))});
    capacity.rows.append({QStringLiteral("Memory (GiB)"), number(r.before.memoryGiB, 0), number(r.after.memoryGiB, 0),
                          DensityResult::savingInWords(r.savedMemoryGiB, QStringLiteral("GiB"))});
    section.blocks.append(tableBlock(
        QStringLiteral("Capacity for the containerized VMs: VM hosts before, container nodes after, same units"),
        capacity));

    const auto &lic = r.licences;
    QString licence;
    if (lic.model == QLatin1String("included"))
        licence = QStringLiteral("Licence position: today's Windows Server licences for these VMs cost %1; after the "
                                 "move the Windows licence is included in the price of the nodes.")
                      .arg(money(lic.before.bill.cost, lic.currency));
    else
        licence = QStringLiteral("Licence position: today's Windows Server licences for these VMs cost %1; after the "
                                 "move, with Azure Hybrid Benefit on the Windows nodes, %2 (%3 core licences today, "
                                 "%4 after).")
                      .arg(money(lic.before.bill.cost, lic.currency), money(lic.after.bill.cost, lic.currency),
                           ReportBuilder::count(lic.before.bill.standardCores + lic.before.bill.datacenterCores),
                           ReportBuilder::count(lic.after.bill.standardCores + lic.after.bill.datacenterCores));
    section.blocks.append(paragraph(licence));

    section.blocks.append(heading(QStringLiteral("Top risks")));
    const QList<Risk> risks = sortedRisks();
    ReportBlock top;
    top.kind = ReportBlock::Kind::Bullets;
    for (qsizetype i = 0; i < risks.size() && i < 5; ++i)
        top.items.append(QStringLiteral("%1 (%2, %3 VMs): %4")
                             .arg(risks.at(i).name, severityLabel(risks.at(i).severity).toLower(),
                                  ReportBuilder::count(risks.at(i).vms), risks.at(i).mitigation));
    if (top.items.isEmpty())
        top.items.append(QStringLiteral("No risk was found in the inventory and the decisions."));
    section.blocks.append(top);

    section.blocks.append(heading(QStringLiteral("Decisions for the CIO")));
    ReportBlock decisions;
    decisions.kind = ReportBlock::Kind::Bullets;
    decisions.items.append(
        m_inputs.recommended.isEmpty()
            ? QStringLiteral("Choose the target scenario among the %1 compared.").arg(m_model.scenarios.size())
            : QStringLiteral("Approve scenario \u201c%1\u201d as the target.").arg(headline.scenario.name));
    int retire = 0;
    for (const PathCount &path : std::as_const(m_model.pathCounts)) {
        if (path.key == migrationPathKey(MigrationPath::Retire))
            retire = path.vms;
    }
    if (retire > 0)
        decisions.items.append(
            QStringLiteral("Approve switching off the %1 VMs planned for retirement: the first quick win.")
                .arg(ReportBuilder::count(retire)));
    if (m_risks[0].vms > 0)
        decisions.items.append(QStringLiteral("Fund extended security updates or an early move for the %1 VMs past "
                                              "their operating system's end of support.")
                                   .arg(ReportBuilder::count(m_risks[0].vms)));
    if (!m_exceptions.isEmpty())
        decisions.items.append(QStringLiteral("Name owners to settle the %1 VMs that need a decision (the exceptions).")
                                   .arg(ReportBuilder::count(m_exceptions.size())));
    if (m_plan && !m_plan->waves.empty())
        decisions.items.append(
            QStringLiteral("Agree the start of the first wave on %1 and the %2 waves that follow.")
                .arg(QLocale(QLocale::English).toString(m_plan->waves.front().start, QStringLiteral("d MMMM yyyy")))
                .arg(m_plan->waves.size() - 1));
    if (m_measured == 0)
        decisions.items.append(
            QStringLiteral("Allow a 30-day performance collection: no VM has measured use, so every size is as "
                           "provisioned."));
    section.blocks.append(decisions);
    m_model.sections.append(section);
}

void Composer::estate()
{
    ReportSection section;
    section.title = QStringLiteral("The estate today");
    begin(section, QStringLiteral("estate"));
    double vcpu = 0;
    double memoryGiB = 0;
    double provisionedTiB = 0;
    double usedTiB = 0;
    int poweredOn = 0;
    for (const Vm &vm : m_inputs.vms) {
        vcpu += vm.vcpu;
        memoryGiB += vm.memoryMiB / 1024.0;
        provisionedTiB += vm.provisionedMiB / (1024.0 * 1024.0);
        usedTiB += vm.usedMiB / (1024.0 * 1024.0);
        if (vm.isPoweredOn())
            ++poweredOn;
    }
    double hostCores = 0;
    double hostMemoryGiB = 0;
    for (const Host &host : m_inputs.hosts) {
        hostCores += host.cores;
        hostMemoryGiB += host.memoryMiB / 1024.0;
    }
    const int excluded = m_model.excludedTemplates + m_model.excludedSrmPlaceholders;
    section.blocks.append(paragraph(
        QStringLiteral("The inventory holds %1 VMs in scope (%2 powered on), with %3 vCPU, %4 GiB of memory and %5 TiB "
                       "of disk provisioned (%6 TiB used). %7 more were left out: templates (%8) and Site Recovery "
                       "Manager placeholders (%9).")
            .arg(ReportBuilder::count(m_model.vmsInScope), ReportBuilder::count(poweredOn), number(vcpu, 0),
                 number(memoryGiB, 0), number(provisionedTiB), number(usedTiB), ReportBuilder::count(excluded),
                 ReportBuilder::count(m_model.excludedTemplates),
                 ReportBuilder::count(m_model.excludedSrmPlaceholders))));
    ReportBlock figures;
    figures.kind = ReportBlock::Kind::Figures;
    figures.figures = {{ReportBuilder::count(m_model.vmsInScope), QStringLiteral("VMs")},
                       {number(vcpu, 0), QStringLiteral("vCPU")},
                       {number(memoryGiB, 0), QStringLiteral("GiB of memory")},
                       {m_inputs.hosts.isEmpty() ? QStringLiteral("-") : ReportBuilder::count(m_inputs.hosts.size()),
                        QStringLiteral("hypervisor hosts")}};
    section.blocks.append(figures);
    if (m_inputs.hosts.isEmpty())
        section.blocks.append(paragraph(
            QStringLiteral("The inventory lists no hypervisor hosts; today's capacity is estimated from the scenario's "
                           "host size.")));
    else
        section.blocks.append(paragraph(
            QStringLiteral("The %1 hosts have %2 physical cores and %3 GiB of memory.")
                .arg(ReportBuilder::count(m_inputs.hosts.size()), number(hostCores, 0), number(hostMemoryGiB, 0))));

    // The operating systems, the largest first; the rest as one row.
    QHash<QString, PivotCell> byOs;
    QHash<QString, SupportBand> bandOf;
    const QDate planDate = m_inputs.advisorInputs.effectivePlanDate();
    for (const Vm &vm : m_inputs.vms) {
        const QString os = osLabel(vm.os);
        PivotCell &cell = byOs[os];
        ++cell.vms;
        cell.vcpu += vm.vcpu;
        cell.memoryGiB += vm.memoryMiB / 1024.0;
        if (!bandOf.contains(os))
            bandOf.insert(os, OsLifecycle::band(OsLifecycle::shipped().release(vm.os), planDate));
    }
    QList<std::pair<QString, PivotCell>> sorted;
    for (auto it = byOs.cbegin(); it != byOs.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second.vms != b.second.vms ? a.second.vms > b.second.vms : a.first < b.first;
    });
    const auto bandWords = [](SupportBand band) {
        switch (band) {
        case SupportBand::Past:
            return QStringLiteral("past end of support");
        case SupportBand::Within12Months:
            return QStringLiteral("ends within 12 months");
        case SupportBand::Supported:
            return QStringLiteral("supported");
        case SupportBand::Unknown:
            break;
        }
        return QStringLiteral("not known");
    };
    ReportTable os;
    os.header = {QStringLiteral("Operating system"), QStringLiteral("VMs"), QStringLiteral("vCPU"),
                 QStringLiteral("Memory (GiB)"), QStringLiteral("Support")};
    os.columnWeights = {2.6, 0.8, 0.8, 1.0, 1.8};
    PivotCell other;
    int others = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const auto &[name, cell] = sorted.at(i);
        if (i < 12) {
            os.rows.append({name, ReportBuilder::count(cell.vms), number(cell.vcpu, 0), gib(cell.memoryGiB),
                            bandWords(bandOf.value(name))});
        } else {
            ++others;
            other.vms += cell.vms;
            other.vcpu += cell.vcpu;
            other.memoryGiB += cell.memoryGiB;
        }
    }
    if (others > 0)
        os.rows.append({QStringLiteral("Other (%1 systems)").arg(others), ReportBuilder::count(other.vms),
                        number(other.vcpu, 0), gib(other.memoryGiB), QString()});
    section.blocks.append(tableBlock(QStringLiteral("The operating systems"), os));

    section.blocks.append(heading(QStringLiteral("End-of-support exposure")));
    section.blocks.append(paragraph(
        QStringLiteral("Judged on the plan date, %1: %2 VMs run an operating system past its end of support, %3 reach "
                       "it within 12 months, and for %4 the date is not known. VMs past their end of support get no "
                       "security updates; moving them early, or retiring them, removes the exposure.")
            .arg(QLocale(QLocale::English).toString(planDate, QStringLiteral("d MMMM yyyy")),
                 ReportBuilder::count(m_pastSupport), ReportBuilder::count(m_within12),
                 ReportBuilder::count(m_unknownSupport))));
    m_model.sections.append(section);
}

ReportTable Composer::pivot(const QString &label, const std::function<QString(const Vm &)> &keyOf) const
{
    // The largest groups by VMs, one row per path they use; the rest summed as "Other".
    QHash<QString, std::array<PivotCell, 5>> groups;
    QHash<QString, int> totals;
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        if (!decision)
            continue;
        QString key = keyOf(vm).trimmed();
        if (key.isEmpty())
            key = QStringLiteral("(not given)");
        PivotCell &cell = groups[key][size_t(decision->path)];
        ++cell.vms;
        cell.vcpu += vm.vcpu;
        cell.memoryGiB += vm.memoryMiB / 1024.0;
        if (const VmCost *cost = m_costs.value(vm.id))
            cell.monthly += cost->monthly;
        ++totals[key];
    }
    QStringList keys = groups.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
    });
    std::array<PivotCell, 5> other{};
    int others = 0;
    ReportTable table;
    table.header = {label,
                    QStringLiteral("Path"),
                    QStringLiteral("VMs"),
                    QStringLiteral("vCPU"),
                    QStringLiteral("Memory (GiB)"),
                    QStringLiteral("After, a month (") + currency() + u')'};
    table.columnWeights = {2.4, 1.3, 0.7, 0.7, 1.0, 1.3};
    const auto addRows = [&](const QString &name, const std::array<PivotCell, 5> &cells) {
        bool first = true;
        for (MigrationPath path : kPaths) {
            const PivotCell &cell = cells[size_t(path)];
            if (cell.vms == 0)
                continue;
            table.rows.append({first ? name : QString(), ReportBuilder::pathLabel(path), ReportBuilder::count(cell.vms),
                               number(cell.vcpu, 0), gib(cell.memoryGiB),
                               m_inputs.businessCase ? number(cell.monthly, 0) : QStringLiteral("-")});
            first = false;
        }
    };
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const auto &cells = groups.value(keys.at(i));
        if (i < kTopRows || keys.size() == kTopRows + 1) {
            addRows(keys.at(i), cells);
            continue;
        }
        ++others;
        for (size_t p = 0; p < 5; ++p) {
            other[p].vms += cells[p].vms;
            other[p].vcpu += cells[p].vcpu;
            other[p].memoryGiB += cells[p].memoryGiB;
            other[p].monthly += cells[p].monthly;
        }
    }
    if (others > 0)
        addRows(QStringLiteral("Other (%1)").arg(ReportBuilder::count(others)), other);
    return table;
}

void Composer::plan()
{
    ReportSection section;
    section.title = QStringLiteral("The plan by migration path");
    begin(section, QStringLiteral("plan"));
    section.blocks.append(paragraph(
        QStringLiteral("Each VM takes one of five paths. The rules in the method section decide it from the inventory "
                       "and the workshop answers; the consultant may set it by hand, with a note. The donut and the "
                       "table show the paths; the tables after them give the reasons in words and the decisions, one "
                       "row per decision with the VMs it covers.")));
    section.blocks.append(chartBlock(ReportBlock::Chart::PathDonut, QStringLiteral("VMs per migration path")));
    QHash<MigrationPath, PivotCell> byPath;
    for (const Vm &vm : m_inputs.vms) {
        const Decision *decision = decisionOf(vm);
        if (!decision)
            continue;
        PivotCell &cell = byPath[decision->path];
        ++cell.vms;
        cell.vcpu += vm.vcpu;
        cell.memoryGiB += vm.memoryMiB / 1024.0;
    }
    const std::optional<BusinessCase> &bc = m_inputs.businessCase;
    ReportTable paths;
    paths.header = {QStringLiteral("Migration path"),
                    QStringLiteral("VMs"),
                    QStringLiteral("Share"),
                    QStringLiteral("vCPU"),
                    QStringLiteral("Memory (GiB)"),
                    QStringLiteral("Today, a month (") + currency() + u')',
                    QStringLiteral("After, a month (") + currency() + u')'};
    paths.columnWeights = {1.6, 0.7, 0.7, 0.7, 1.0, 1.3, 1.3};
    for (MigrationPath path : kPaths) {
        const PivotCell cell = byPath.value(path);
        paths.rows.append({ReportBuilder::pathLabel(path), ReportBuilder::count(cell.vms),
                           percent(cell.vms, m_model.vmsInScope), number(cell.vcpu, 0), gib(cell.memoryGiB),
                           bc ? number(bc->beforeByPath.value(path), 0) : QStringLiteral("-"),
                           bc ? number(bc->byPath.value(path), 0) : QStringLiteral("-")});
    }
    section.blocks.append(tableBlock(QStringLiteral("VMs, capacity and cost per migration path"), paths));

    for (MigrationPath path : kPaths) {
        section.blocks.append(heading(ReportBuilder::pathLabel(path)));
        QString text = pathDescription(path);
        // The reasons in words, the most frequent first.
        QHash<QString, int> reasons;
        QList<QStringList> keys;
        QHash<QStringList, int> decisions;
        QHash<QStringList, int> withConditions;
        int vms = 0;
        for (const Vm &vm : m_inputs.vms) {
            const Decision *decision = decisionOf(vm);
            if (!decision || decision->path != path)
                continue;
            ++vms;
            ++reasons[decision->overridden ? QStringLiteral("Set by hand: ") + decision->overrideNote
                                           : decision->reason];
            // One decision is where the VMs go and how (target, image, isolation, confidence);
            // its conditions are counted, and named in the risk register and the appendix.
            const QStringList key{decision->target, decision->baseImage,
                                  decision->isolation == Isolation::None ? QString()
                                                                         : isolationKey(decision->isolation),
                                  confidenceKey(decision->confidence)};
            auto it = decisions.find(key);
            if (it == decisions.end()) {
                keys.append(key);
                it = decisions.insert(key, 0);
            }
            ++*it;
            if (!decision->conditions.isEmpty())
                ++withConditions[key];
        }
        if (vms == 0) {
            section.blocks.append(paragraph(text + QStringLiteral(" No VM takes this path.")));
            continue;
        }
        section.blocks.append(paragraph(text + QStringLiteral(" %1 VMs (%2) take it, in %3 distinct decisions.")
                                                   .arg(ReportBuilder::count(vms), percent(vms, m_model.vmsInScope),
                                                        ReportBuilder::count(keys.size()))));
        QList<std::pair<QString, int>> sortedReasons;
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
            sortedReasons.append({it.key(), it.value()});
        std::sort(sortedReasons.begin(), sortedReasons.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        ReportBlock why;
        why.kind = ReportBlock::Kind::Bullets;
        int otherReasons = 0;
        const qsizetype shownReasons = sortedReasons.size() <= 6 ? sortedReasons.size() : 5;
        for (qsizetype i = 0; i < sortedReasons.size(); ++i) {
            if (i < shownReasons)
                why.items.append(QStringLiteral("%1 VMs: %2")
                                     .arg(ReportBuilder::count(sortedReasons.at(i).second), sortedReasons.at(i).first));
            else
                otherReasons += sortedReasons.at(i).second;
        }
        if (otherReasons > 0)
            why.items.append(QStringLiteral("%1 VMs: %2 other reasons")
                                 .arg(ReportBuilder::count(otherReasons))
                                 .arg(sortedReasons.size() - shownReasons));
        section.blocks.append(why);
        if (path == MigrationPath::Retire || path == MigrationPath::Retain)
            continue; // nothing is built for these: the reasons say it all
        std::stable_sort(keys.begin(), keys.end(),
                         [&](const QStringList &a, const QStringList &b) { return decisions[a] > decisions[b]; });
        ReportTable table;
        table.header = {QStringLiteral("VMs"),       QStringLiteral("Target"),     QStringLiteral("Base image"),
                        QStringLiteral("Isolation"), QStringLiteral("Confidence"), QStringLiteral("With conditions")};
        table.columnWeights = {0.6, 2.6, 2.8, 0.9, 0.9, 1.0};
        int rest = 0;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i < kTopDecisions) {
                QStringList row{ReportBuilder::count(decisions[keys.at(i)])};
                row.append(keys.at(i));
                row.append(ReportBuilder::count(withConditions.value(keys.at(i))));
                table.rows.append(row);
            } else {
                rest += decisions[keys.at(i)];
            }
        }
        if (rest > 0)
            table.rows.append({ReportBuilder::count(rest),
                               QStringLiteral("%1 other decisions, listed in the annex workbook")
                                   .arg(ReportBuilder::count(keys.size() - kTopDecisions)),
                               QString(), QString(), QString(), QString()});
        section.blocks.append(
            tableBlock(ReportBuilder::pathLabel(path) + QStringLiteral(": one row per decision"), table));
    }

    section.blocks.append(heading(QStringLiteral("By application")));
    section.blocks.append(
        tableBlock(QStringLiteral("The largest applications, by path"),
                   pivot(QStringLiteral("Application"), [](const Vm &vm) { return vm.application; })));
    section.blocks.append(heading(QStringLiteral("By owner")));
    section.blocks.append(tableBlock(QStringLiteral("The largest owners, by path"),
                                     pivot(QStringLiteral("Owner"), [](const Vm &vm) { return vm.owner; })));
    section.blocks.append(heading(QStringLiteral("By datacenter")));
    section.blocks.append(tableBlock(QStringLiteral("The datacenters, by path"),
                                     pivot(QStringLiteral("Datacenter"), [](const Vm &vm) { return vm.datacenter; })));
    m_model.sections.append(section);
}

/** Why larger nodes do not need fewer nodes, when that is what the sweep shows: a node's local
    disk is one size for every node size, so where disk sets the count, vCPU and memory do not.
    Empty when the count falls with the size, or when something else holds it. */
QString diskBoundSweepNote(const ScenarioOutcome &outcome)
{
    QList<NodeSizePoint> feasible;
    for (const NodeSizePoint &point : outcome.sweep)
        if (point.feasible && point.nodes > 0)
            feasible.append(point);
    if (feasible.size() < 2 || outcome.scenario.node.diskGiB <= 0)
        return {};
    std::sort(feasible.begin(), feasible.end(),
              [](const NodeSizePoint &a, const NodeSizePoint &b) { return a.size.vcpu < b.size.vcpu; });
    // Twice the vCPU buys less than a tenth fewer nodes: the size is not what sets the count.
    if (feasible.constLast().nodes < 0.9 * feasible.constFirst().nodes)
        return {};
    if (!outcome.result.diskBoundNodes().most())
        return {};
    return QStringLiteral(" Larger nodes need hardly fewer nodes here: most of the workload nodes are full by "
                          "local disk (%1 GiB a node, the same at every size), not by vCPU or memory, so a "
                          "larger node only leaves more of both unused. A larger node disk in the scenario, or "
                          "more of the data on network storage, would let the larger sizes hold more.")
        .arg(number(outcome.scenario.node.diskGiB, 0));
}

void Composer::density()
{
    ReportSection section;
    section.title = QStringLiteral("Container density and node sizes");
    begin(section, QStringLiteral("density"));
    const ScenarioOutcome &headline = m_model.scenarios.at(m_model.headline);
    const DensityResult &r = headline.result;
    section.blocks.append(paragraph(
        QStringLiteral("Under scenario \u201c%1\u201d the %2 containerized VMs need %3 container nodes; no packing can "
                       "use fewer than %4. Run as VMs on hypervisor hosts instead, the same workloads would need %5 "
                       "hosts (at least %6, set by their %7).")
            .arg(headline.scenario.name, ReportBuilder::count(r.workloads), ReportBuilder::count(r.containerNodes),
                 ReportBuilder::count(r.containerNodesLowerBound), ReportBuilder::count(r.vmHosts),
                 ReportBuilder::count(r.vmHostsLowerBound),
                 r.vmHostsLimitingResource.isEmpty() ? QStringLiteral("size") : r.vmHostsLimitingResource)));
    const QString sizing = r.basis.sizing == QLatin1String("performance")
                               ? QStringLiteral("sized by their measured use where it is known, as provisioned "
                                                "elsewhere")
                               : QStringLiteral("sized as provisioned");
    section.blocks.append(paragraph(
        QStringLiteral("Basis: both sides are compared on the same terms. Workloads are %1; CPU may be overcommitted "
                       "%2 times; machines are filled to %3 % of what they offer; spares: %4. ")
            .arg(sizing, number(r.basis.cpuOvercommit), number(r.basis.targetUtilisationPct, 0), r.basis.spares) +
        (r.baseline.source == QLatin1String("inventory")
             ? QStringLiteral("Before is today's estate: %1 hosts with %2 physical cores and %3 GiB, of which the "
                              "containerized VMs hold %4 cores and %5 GiB, repacked onto %6.")
                   .arg(number(r.baseline.hosts, 0), number(r.baseline.physicalCores, 0),
                        number(r.baseline.memoryGiB, 0), number(r.baseline.containerizedShare.physicalCores, 0),
                        number(r.baseline.containerizedShare.memoryGiB, 0), r.baseline.hostModel)
             : QStringLiteral("The inventory names no hosts, so before is the scenario's host: %1.")
                   .arg(r.baseline.hostModel))));
    if (r.allFellBackToProvisioned() && r.basis.sizing == QLatin1String("performance"))
        section.blocks.append(paragraph(QStringLiteral("The inventory has no utilisation data, so every workload was "
                                                       "sized as provisioned, not by its measured use."),
                                        ReportBlock::Kind::Note));

    section.blocks.append(heading(QStringLiteral("Scenario comparison")));
    section.blocks.append(chartBlock(ReportBlock::Chart::ScenarioComparison,
                                     QStringLiteral("Physical cores bought per scenario: the VMs on hypervisor hosts "
                                                    "(before) against the container nodes (after)")));
    ReportTable compare;
    compare.header = {QStringLiteral("Measure")};
    compare.columnWeights = {2.6};
    for (int i = 0; i < m_model.scenarios.size(); ++i) {
        compare.header.append(
            m_model.scenarios.at(i).scenario.name +
            (i == m_model.headline && !m_inputs.recommended.isEmpty() ? QStringLiteral(" (recommended)") : QString()));
        compare.columnWeights.append(1.4);
    }
    auto row = [&](const QString &label, const std::function<QString(const DensityResult &)> &cell) {
        QStringList cells{label};
        for (const ScenarioOutcome &outcome : std::as_const(m_model.scenarios))
            cells.append(cell(outcome.result));
        compare.rows.append(cells);
    };
    row(QStringLiteral("Container nodes (least possible)"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.containerNodes) + QStringLiteral(" (") +
               ReportBuilder::count(d.containerNodesLowerBound) + u')';
    });
    row(QStringLiteral("VM hosts for the same workloads (least possible)"), [](const DensityResult &d) -> QString {
        return ReportBuilder::count(d.vmHosts) + QStringLiteral(" (") + ReportBuilder::count(d.vmHostsLowerBound) +
               u')';
    });
    row(QStringLiteral("Physical cores bought, before / after"), [](const DensityResult &d) -> QString {
        return number(d.before.physicalCores, 0) + QStringLiteral(" / ") + number(d.after.physicalCores, 0);
    });
    row(QStringLiteral("Memory bought (GiB), before / after"), [](const DensityResult &d) -> QString {
        return number(d.before.memoryGiB, 0) + QStringLiteral(" / ") + number(d.after.memoryGiB, 0);
    });
    row(QStringLiteral("Workloads larger than any node"),
        [](const DensityResult &d) -> QString { return ReportBuilder::count(d.notSchedulable.size()); });
    row(QStringLiteral("Windows licences, before / after"), [](const DensityResult &d) -> QString {
        if (d.licences.model == QLatin1String("included"))
            return money(d.licences.before.bill.cost, d.licences.currency) + QStringLiteral(" / in the node price");
        return money(d.licences.before.bill.cost, d.licences.currency) + QStringLiteral(" / ") +
               money(d.licences.after.bill.cost, d.licences.currency);
    });
    section.blocks.append(tableBlock(QStringLiteral("The scenarios side by side"), compare));

    ReportTable pools;
    pools.header = {QStringLiteral("Scenario"),       QStringLiteral("Node pool"), QStringLiteral("Nodes"),
                    QStringLiteral("Least possible"), QStringLiteral("Set by"),    QStringLiteral("Workloads")};
    pools.columnWeights = {1.5, 2.2, 0.8, 1.0, 1.0, 0.9};
    for (const ScenarioOutcome &outcome : std::as_const(m_model.scenarios)) {
        for (const PoolResult &pool : outcome.result.pools)
            pools.rows.append(QStringList{outcome.scenario.name, poolLabel(pool.name), ReportBuilder::count(pool.nodes),
                                          ReportBuilder::count(pool.lowerBound), pool.limitingResource,
                                          ReportBuilder::count(pool.workloads)});
    }
    section.blocks.append(tableBlock(QStringLiteral("Node pools per scenario"), pools));

    for (int i = 0; i < m_model.scenarios.size(); ++i) {
        const ScenarioOutcome &outcome = m_model.scenarios.at(i);
        section.blocks.append(heading(QStringLiteral("Node-size sweep: ") + outcome.scenario.name));
        QStringList infeasible;
        QString best;
        for (const NodeSizePoint &point : outcome.sweep) {
            const QString size =
                QStringLiteral("%1 vCPU / %2 GiB").arg(point.size.vcpu).arg(number(point.size.memoryGiB, 0));
            if (!point.feasible)
                infeasible.append(size + QStringLiteral(" (") + scrub(point.error) + u')');
            if (point.best)
                best = size;
        }
        QString text = QStringLiteral("The same workloads packed at each node size: fewer, larger nodes against more, "
                                      "smaller ones.");
        if (!best.isEmpty())
            text += QStringLiteral(" The best size, the one that buys the least vCPU, is %1.").arg(best);
        text += diskBoundSweepNote(outcome);
        if (!infeasible.isEmpty())
            text += QStringLiteral(" Not possible: ") + infeasible.join(QStringLiteral("; ")) + u'.';
        // The chart first: the heading keeps with it, and the words under it read as its legend.
        section.blocks.append(
            chartBlock(ReportBlock::Chart::NodeSizeSweep,
                       QStringLiteral("Nodes needed per node size, scenario ") + outcome.scenario.name, i));
        section.blocks.append(paragraph(text));
    }
    m_model.sections.append(section);
}

void Composer::business()
{
    ReportSection section;
    section.title = QStringLiteral("Business case");
    begin(section, QStringLiteral("business"));
    const std::optional<BusinessCase> &bc = m_inputs.businessCase;
    if (!bc) {
        section.blocks.append(
            paragraph(QStringLiteral("The business case could not be made: ") + scrub(m_inputs.businessCaseError),
                      ReportBlock::Kind::Note));
        m_model.sections.append(section);
        return;
    }
    const QString cur = bc->currency;
    section.blocks.append(paragraph(
        QStringLiteral("Priced for scenario \u201c%1\u201d from the price book \u201c%2\u201d (%3), in %4. Today the "
                       "estate costs %5 a month; after the move, %6 a month, of which %7 in the cloud.")
            .arg(bc->scenario, bc->priceBookName, bc->priceBookDate, cur, money(bc->before, cur), money(bc->after, cur),
                 money(bc->cloudAfter(), cur))));
    ReportTable paths;
    paths.header = {QStringLiteral("Migration path"), QStringLiteral("Today, a month"),
                    QStringLiteral("After, a month"), QStringLiteral("Difference")};
    paths.columnWeights = {2.0, 1.3, 1.3, 1.3};
    for (MigrationPath path : kPaths)
        paths.rows.append({ReportBuilder::pathLabel(path), money(bc->beforeByPath.value(path), cur),
                           money(bc->byPath.value(path), cur),
                           money(bc->beforeByPath.value(path) - bc->byPath.value(path), cur)});
    paths.rows.append(
        {QStringLiteral("Total"), money(bc->before, cur), money(bc->after, cur), money(bc->before - bc->after, cur)});
    section.blocks.append(tableBlock(QStringLiteral("Cost by migration path"), paths));

    ReportTable years;
    years.header = {QStringLiteral("Year"), QStringLiteral("Staying as today"), QStringLiteral("Moving"),
                    QStringLiteral("Saving to date")};
    years.columnWeights = {0.8, 1.4, 1.4, 1.4};
    for (const YearCost &year : bc->years)
        years.rows.append({QString::number(year.year), money(year.before, cur), money(year.after, cur),
                           money(year.cumulativeSaving, cur)});
    section.blocks.append(tableBlock(QStringLiteral("The years of the total cost of ownership"), years));
    section.blocks.append(paragraph(
        bc->paybackMonth
            ? QStringLiteral(
                  "The move pays back in month %1, counted from its start; the one-off cost of the move is %2.")
                  .arg(*bc->paybackMonth)
                  .arg(money(bc->oneOffMigration, cur))
            : QStringLiteral("The move does not pay back within %1 years; its one-off cost is %2.")
                  .arg(bc->years.size())
                  .arg(money(bc->oneOffMigration, cur))));

    ReportTable estate;
    estate.header = {QStringLiteral("Today's estate, a month"), QStringLiteral("Cost")};
    estate.columnWeights = {3, 1.4};
    estate.rows = {{QStringLiteral("Hardware"), money(bc->estate.hardware, cur)},
                   {QStringLiteral("Virtualisation licences"), money(bc->estate.virtualisation, cur)},
                   {QStringLiteral("Operating system licences"), money(bc->estate.licences, cur)},
                   {QStringLiteral("Storage"), money(bc->estate.storage, cur)},
                   {QStringLiteral("Operations"), money(bc->estate.operations, cur)},
                   {QStringLiteral("Total"), money(bc->estate.total(), cur)}};
    section.blocks.append(tableBlock(QStringLiteral("What today's estate is spent on"), estate));

    section.blocks.append(heading(QStringLiteral("Assumptions")));
    ReportBlock assumptions;
    assumptions.kind = ReportBlock::Kind::Bullets;
    for (const QString &assumption : bc->assumptions)
        assumptions.items.append(scrub(assumption));
    if (!bc->anyUtilisation)
        assumptions.items.append(QStringLiteral("No VM has measured use: every price is for the provisioned size, "
                                                "so the cloud side is an upper bound."));
    section.blocks.append(assumptions);
    m_model.sections.append(section);
}

void Composer::waves()
{
    ReportSection section;
    section.title = QStringLiteral("Wave plan");
    begin(section, QStringLiteral("waves"));
    if (!m_plan || m_plan->waves.empty()) {
        section.blocks.append(paragraph(QStringLiteral("No VM moves: every VM is retained, so there are no waves."),
                                        ReportBlock::Kind::Note));
        m_model.sections.append(section);
        return;
    }
    const WavePlan &plan = *m_plan;
    const QLocale english(QLocale::English);
    const auto day = [&](const QDate &date) { return english.toString(date, QStringLiteral("d MMM yyyy")); };
    int moving = 0;
    for (const Wave &wave : plan.waves)
        moving += wave.vms;
    const WaveParameters &p = plan.parameters;
    section.blocks.append(paragraph(
        QStringLiteral("%1 VMs move in %2 waves, from %3 to %4, in %5 move groups: VMs that must move together "
                       "because the consultant grouped them, they serve one application or they talk to each other. "
                       "Retiring VMs go first (a quick win), then the least risky groups as pilots; the groups with "
                       "open conditions come last. A wave takes at most %6 VMs and %7 TiB of data to replicate "
                       "(replication moves %8 GB a day) and lasts %9 days. The %10 retained VMs are in no wave.")
            .arg(ReportBuilder::count(moving), ReportBuilder::count(plan.waves.size()), day(plan.waves.front().start),
                 day(plan.waves.back().end), ReportBuilder::count(plan.groups.size()), ReportBuilder::count(p.maxVms),
                 number(p.tibPerWave()), number(p.bandwidthGBPerDay, 0), QString::number(p.waveDays))
            .arg(ReportBuilder::count(plan.retainedVms))));
    if (!m_inputs.wavePlanRecorded)
        section.blocks.append(paragraph(
            QStringLiteral("These waves are a first proposal, made from the applications and owners alone: the "
                           "project records no dependencies, move groups or wave settings yet. The business case "
                           "therefore spreads the move by the price book's yearly ramp, not by these dates."),
            ReportBlock::Kind::Note));
    section.blocks.append(chartBlock(ReportBlock::Chart::WaveGantt, QStringLiteral("The waves on the calendar")));
    ReportTable table;
    table.header = {QStringLiteral("Wave"), QStringLiteral("Dates"), QStringLiteral("Move groups"),
                    QStringLiteral("VMs"), QStringLiteral("Data (TiB)")};
    table.columnWeights = {0.5, 1.8, 4.0, 0.6, 0.8};
    int restVms = 0;
    double restTiB = 0;
    for (size_t i = 0; i < plan.waves.size(); ++i) {
        const Wave &wave = plan.waves.at(i);
        if (int(i) >= kTopWaves) {
            restVms += wave.vms;
            restTiB += wave.tib;
            continue;
        }
        QStringList names;
        for (size_t g = 0; g < wave.groups.size() && g < 4; ++g)
            names.append(plan.groups.at(size_t(wave.groups.at(g))).name);
        QString groups = names.join(QStringLiteral(", "));
        if (wave.groups.size() > 4)
            groups += QStringLiteral(" and %1 more").arg(wave.groups.size() - 4);
        if (wave.overLimit)
            groups += QStringLiteral(" (over a wave's limits: one group too large to split)");
        table.rows.append({QString::number(wave.number), day(wave.start) + QStringLiteral(" to ") + day(wave.end),
                           groups, ReportBuilder::count(wave.vms), number(wave.tib)});
    }
    if (int(plan.waves.size()) > kTopWaves)
        table.rows.append(
            {QStringLiteral("%1-%2").arg(kTopWaves + 1).arg(plan.waves.size()),
             day(plan.waves.at(kTopWaves).start) + QStringLiteral(" to ") + day(plan.waves.back().end),
             QStringLiteral("%1 more waves, listed in the annex workbook").arg(plan.waves.size() - size_t(kTopWaves)),
             ReportBuilder::count(restVms), number(restTiB)});
    section.blocks.append(tableBlock(QStringLiteral("The waves, their move groups, VMs, data and dates"), table));
    if (!plan.crossWave.empty())
        section.blocks.append(paragraph(
            QStringLiteral("%1 dependencies cross from one wave to another: while the two ends are apart, those "
                           "connections run between the datacenter and the cloud, with the latency that adds.")
                .arg(ReportBuilder::count(plan.crossWave.size()))));
    m_model.sections.append(section);
}

void Composer::riskRegister()
{
    ReportSection section;
    section.title = QStringLiteral("Risk register");
    begin(section, QStringLiteral("risks"));
    section.blocks.append(paragraph(
        QStringLiteral("The risks found in the inventory and the decisions, the most severe first. A risk is high "
                       "when it stops a VM from moving as planned, medium when it may change the plan, low when it "
                       "changes its cost.")));
    ReportTable table;
    table.header = {QStringLiteral("Risk"), QStringLiteral("Severity"), QStringLiteral("VMs"),
                    QStringLiteral("Mitigation")};
    table.columnWeights = {2.6, 0.8, 0.6, 3.2};
    for (const Risk &risk : sortedRisks())
        table.rows.append({risk.name, severityLabel(risk.severity), ReportBuilder::count(risk.vms), risk.mitigation});
    if (table.rows.isEmpty())
        section.blocks.append(paragraph(QStringLiteral("No risk was found."), ReportBlock::Kind::Note));
    else
        section.blocks.append(tableBlock(QStringLiteral("Risks, their severity and mitigation"), table));

    QHash<QString, int> counts;
    for (const Decision &decision : m_inputs.decisions) {
        for (const QString &condition : decision.conditions)
            ++counts[condition];
    }
    QList<std::pair<QString, int>> sorted;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (!sorted.isEmpty()) {
        section.blocks.append(heading(QStringLiteral("Conditions to check")));
        ReportTable conditions;
        conditions.header = {QStringLiteral("Condition"), QStringLiteral("VMs")};
        conditions.columnWeights = {6.0, 0.7};
        int rest = 0;
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            if (i < 12)
                conditions.rows.append({scrub(sorted.at(i).first), ReportBuilder::count(sorted.at(i).second)});
            else
                rest += sorted.at(i).second;
        }
        if (rest > 0)
            conditions.rows.append(
                {QStringLiteral("%1 other conditions").arg(sorted.size() - 12), ReportBuilder::count(rest)});
        section.blocks.append(
            tableBlock(QStringLiteral("The conditions the decisions carry, the most frequent first"), conditions));
    }
    m_model.sections.append(section);
}

void Composer::exceptions()
{
    ReportSection section;
    section.title = QStringLiteral("Exceptions: VMs that need a decision");
    begin(section, QStringLiteral("exceptions"));
    const int total = int(m_exceptions.size());
    QString where;
    switch (m_inputs.options.appendix) {
    case ReportOptions::Appendix::None:
        where = QStringLiteral("Each is listed in the annex workbook.");
        break;
    case ReportOptions::Appendix::Exceptions:
        where = QStringLiteral("Each is listed, by application, in the appendix.");
        break;
    case ReportOptions::Appendix::Full:
        where = QStringLiteral("Each is marked in the appendix, which lists every VM by application.");
        break;
    }
    section.blocks.append(paragraph(
        QStringLiteral("%1 of the %2 VMs cannot move as planned until someone decides: their decision has low "
                       "confidence, a blocker, conditions still open, an operating system that was not recognised, or "
                       "they are larger than any node. %3")
            .arg(ReportBuilder::count(total), ReportBuilder::count(m_model.vmsInScope), where)));
    int counts[5] = {0, 0, 0, 0, 0};
    QHash<QString, int> byApplication;
    for (const Vm &vm : m_inputs.vms) {
        const unsigned reasons = m_exceptions.value(vm.id);
        if (!reasons)
            continue;
        for (int bit = 0; bit < 5; ++bit) {
            if (reasons & (1u << bit))
                ++counts[bit];
        }
        ++byApplication[vm.application.trimmed().isEmpty() ? QStringLiteral("(not given)") : vm.application.trimmed()];
    }
    ReportTable why;
    why.header = {QStringLiteral("Why a decision is needed"), QStringLiteral("VMs")};
    why.columnWeights = {5, 1};
    why.rows = {
        {QStringLiteral("Low confidence: the rules decided on little information"), ReportBuilder::count(counts[0])},
        {QStringLiteral("A blocker: the planned path cannot work as it stands"), ReportBuilder::count(counts[4])},
        {QStringLiteral("Conditions still open"), ReportBuilder::count(counts[1])},
        {QStringLiteral("Operating system not recognised"), ReportBuilder::count(counts[2])},
        {QStringLiteral("Not schedulable: larger than any node"), ReportBuilder::count(counts[3])}};
    section.blocks.append(tableBlock(QStringLiteral("The exceptions by reason (a VM may have several)"), why));
    QList<std::pair<QString, int>> sorted;
    for (auto it = byApplication.cbegin(); it != byApplication.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    ReportTable apps;
    apps.header = {QStringLiteral("Application"), QStringLiteral("VMs that need a decision")};
    apps.columnWeights = {4, 1.4};
    int rest = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i < 12)
            apps.rows.append({sorted.at(i).first, ReportBuilder::count(sorted.at(i).second)});
        else
            rest += sorted.at(i).second;
    }
    if (rest > 0)
        apps.rows.append(
            {QStringLiteral("Other (%1 applications)").arg(sorted.size() - 12), ReportBuilder::count(rest)});
    if (!apps.rows.isEmpty())
        section.blocks.append(tableBlock(QStringLiteral("The exceptions by application"), apps));
    m_model.sections.append(section);
}

void Composer::nextSteps()
{
    ReportSection section;
    section.title = QStringLiteral("Next steps");
    begin(section, QStringLiteral("next"));
    ReportBlock steps;
    steps.kind = ReportBlock::Kind::Bullets;
    if (m_inputs.recommended.isEmpty())
        steps.items.append(
            QStringLiteral("Choose the target scenario, so that the plan and the business case follow it."));
    if (m_measured == 0)
        steps.items.append(QStringLiteral(
            "Collect 30 days of performance data (CPU and memory at the 95th percentile, for example with Azure "
            "Migrate's appliance or vRealize Operations): no VM has measured use, so every workload is sized as "
            "provisioned. Measured use usually shrinks the nodes and the cloud bill, and raises the confidence of "
            "every figure."));
    else if (m_measured < m_model.vmsInScope)
        steps.items.append(QStringLiteral("Extend the performance collection to the %1 VMs without measured use.")
                               .arg(ReportBuilder::count(m_model.vmsInScope - m_measured)));
    int noApplication = 0;
    int noOwner = 0;
    for (const Vm &vm : m_inputs.vms) {
        noApplication += vm.application.trimmed().isEmpty() ? 1 : 0;
        noOwner += vm.owner.trimmed().isEmpty() ? 1 : 0;
    }
    if (noApplication > 0 || noOwner > 0)
        steps.items.append(QStringLiteral("Complete the workshop answers: %1 VMs have no application and %2 no owner; "
                                          "the move groups and the decisions rest on them.")
                               .arg(ReportBuilder::count(noApplication), ReportBuilder::count(noOwner)));
    if (m_inputs.waveInput.links.empty())
        steps.items.append(QStringLiteral("Import the dependency data (Azure Migrate's dependency analysis, or a list "
                                          "of connections): without it the move groups follow the applications only."));
    if (!m_exceptions.isEmpty())
        steps.items.append(QStringLiteral("Settle the %1 exceptions with their owners, the blockers first.")
                               .arg(ReportBuilder::count(m_exceptions.size())));
    if (m_inputs.businessCase &&
        m_inputs.businessCase->priceBookName.contains(QLatin1String("list"), Qt::CaseInsensitive))
        steps.items.append(QStringLiteral("Replace the list prices with the customer's own agreement prices."));
    steps.items.append(QStringLiteral("Run the first wave as a pilot and measure it before the waves that follow."));
    section.blocks.append(steps);
    m_model.sections.append(section);
}

void Composer::method()
{
    ReportSection section;
    section.title = QStringLiteral("Method and assumptions");
    begin(section, QStringLiteral("method"));
    section.blocks.append(paragraph(
        QStringLiteral("Every figure in this report follows from the inventory, the workshop answers, the rules and "
                       "the scenario parameters below. The rules are applied in order and the first that matches "
                       "decides a VM's path; its caveats add conditions to check. Each containerized VM is then sized "
                       "from its measured use (or its provisioned size where none was measured) and packed onto node "
                       "pools and, for comparison, onto hypervisor hosts; for each, the least number of machines any "
                       "packing could use is proven, so the distance from the best possible is known. The cost model "
                       "prices every path from the price book, and the wave planner orders the VMs into move groups "
                       "and waves.")));
    const QString platform = targetPlatformKey(m_inputs.advisorInputs.platform);
    section.blocks.append(paragraph(
        QStringLiteral("The target platform is %1, with Windows nodes on build %2; images and operating system support "
                       "are judged on %3.")
            .arg(ScenarioGlossary::value(platform), m_inputs.advisorInputs.windowsBuild,
                 QLocale(QLocale::English)
                     .toString(m_inputs.advisorInputs.effectivePlanDate(), QStringLiteral("d MMMM yyyy")))));

    section.blocks.append(heading(QStringLiteral("Scenario parameters")));
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
        table.columnWeights = {2.6};
        for (qsizetype i = start; i < end; ++i) {
            table.header.append(all[i].scenario.name);
            table.columnWeights.append(1.4);
        }
        QStringList keys;
        for (const auto &list : std::as_const(flat)) {
            for (const auto &[key, value] : list) {
                if (!keys.contains(key) && key != QLatin1String("name"))
                    keys.append(key);
            }
        }
        for (const QString &key : std::as_const(keys)) {
            QStringList cells{ScenarioGlossary::words(key)};
            for (const auto &list : std::as_const(flat)) {
                const auto it = std::find_if(list.cbegin(), list.cend(), [&](const auto &p) { return p.first == key; });
                cells.append(it == list.cend() ? QString() : ScenarioGlossary::value(scrub(it->second)));
            }
            table.rows.append(cells);
        }
        section.blocks.append(tableBlock(QStringLiteral("The parameters of each scenario, in words"), table));
    }

    section.blocks.append(heading(QStringLiteral("Glossary")));
    ReportTable glossary;
    glossary.header = {QStringLiteral("Term"), QStringLiteral("Meaning")};
    glossary.columnWeights = {1.4, 5};
    glossary.rows = {
        {QStringLiteral("Rehost"), QStringLiteral("Move a VM as it is, to a cloud VM.")},
        {QStringLiteral("Containerize"), QStringLiteral("Repackage a VM's application as containers on Kubernetes.")},
        {QStringLiteral("Cloud native"), QStringLiteral("Rebuild on the cloud's managed services.")},
        {QStringLiteral("Retire / Retain"), QStringLiteral("Switch a VM off / keep it where it is.")},
        {QStringLiteral("Node, node pool"), QStringLiteral("A machine that runs containers; a set of identical ones.")},
        {QStringLiteral("Least possible"),
         QStringLiteral("The fewest machines any packing could use: a proven bound.")},
        {QStringLiteral("Confidence"), QStringLiteral("How much information the rules had: high, medium or low.")},
        {QStringLiteral("Condition"), QStringLiteral("Something to check before a VM moves as decided.")},
        {QStringLiteral("Move group, wave"), QStringLiteral("VMs that move together; groups that move in one period.")},
        {QStringLiteral("Payback"), QStringLiteral("The month the savings have covered the cost of the move.")},
    };
    section.blocks.append(tableBlock(QStringLiteral("The words of this report"), glossary));

    section.blocks.append(heading(QStringLiteral("Rules")));
    ReportTable rules;
    rules.header = {QStringLiteral("#"), QStringLiteral("Path"), QStringLiteral("Confidence"),
                    QStringLiteral("Reason")};
    rules.columnWeights = {0.35, 1.0, 0.9, 6.0};
    int index = 0;
    for (const Rule &rule : m_inputs.rules.rules()) {
        ++index;
        if (!rule.enabled)
            continue;
        rules.rows.append(QStringList{QString::number(index), ReportBuilder::pathLabel(rule.path),
                                      confidenceKey(rule.confidence), rule.reason});
    }
    section.blocks.append(
        tableBlock(QStringLiteral("The classification rules in order, the first match decides"), rules));
    m_model.sections.append(section);
}

void Composer::appendix()
{
    if (m_inputs.options.appendix == ReportOptions::Appendix::None)
        return;
    const bool full = m_inputs.options.appendix == ReportOptions::Appendix::Full;
    ReportSection section;
    section.appendix = true;
    section.title = full ? QStringLiteral("Appendix: every VM and its decision")
                         : QStringLiteral("Appendix: the exceptions, VM by VM");
    section.blocks.append(paragraph(
        full ? QStringLiteral("Every VM in scope, once, grouped by application, with its path and the reason for it. "
                              "A VM that needs a decision says why in the last column. Names are as in the inventory.")
             : QStringLiteral("Every VM that needs a decision, grouped by application, with its path and why. Names "
                              "are as in the inventory.")));
    // By application, then in inventory order within it.
    QList<const Vm *> order;
    for (const Vm &vm : m_inputs.vms) {
        if (full || m_exceptions.contains(vm.id))
            order.append(&vm);
    }
    std::stable_sort(order.begin(), order.end(), [](const Vm *a, const Vm *b) {
        const QString x = a->application.trimmed();
        const QString y = b->application.trimmed();
        if (x.isEmpty() != y.isEmpty())
            return y.isEmpty();
        return x < y;
    });
    ReportTable table;
    if (full) {
        table.header = {QStringLiteral("Application"),
                        QStringLiteral("VM"),
                        QStringLiteral("Operating system"),
                        QStringLiteral("vCPU"),
                        QStringLiteral("GiB"),
                        QStringLiteral("Path"),
                        QStringLiteral("Confidence"),
                        QStringLiteral("Decision needed")};
        table.columnWeights = {1.5, 2.0, 1.5, 0.45, 0.5, 0.95, 0.85, 1.6};
    } else {
        table.header = {QStringLiteral("Application"), QStringLiteral("VM"), QStringLiteral("Path"),
                        QStringLiteral("Confidence"), QStringLiteral("Why a decision is needed")};
        table.columnWeights = {1.4, 1.7, 0.9, 0.8, 3.4};
    }
    QString previous;
    bool first = true;
    for (const Vm *vm : std::as_const(order)) {
        const Decision *decision = decisionOf(*vm);
        const QString application =
            vm->application.trimmed().isEmpty() ? QStringLiteral("(not given)") : vm->application.trimmed();
        const QString shownApplication = first || application != previous ? application : QString();
        first = false;
        previous = application;
        const unsigned reasons = m_exceptions.value(vm->id);
        QString why = exceptionWords(reasons, decision ? openConditions(*decision) : 0);
        if (decision && (reasons & kConditions)) {
            // The first open condition in words: what the reader must settle.
            for (const QString &condition : decision->conditions) {
                if (!condition.startsWith(QLatin1String("End of support"))) {
                    why += QStringLiteral(": ") + scrub(condition);
                    break;
                }
            }
        }
        const QString path = decision ? ReportBuilder::pathLabel(decision->path) : QStringLiteral("not classified");
        const QString confidence = decision ? confidenceKey(decision->confidence) : QString();
        if (full)
            table.rows.append({shownApplication, vm->name, osLabel(vm->os), QString::number(vm->vcpu),
                               number(vm->memoryMiB / 1024.0, vm->memoryMiB >= 10240 ? 0 : 1), path, confidence, why});
        else
            table.rows.append({shownApplication, vm->name, path, confidence, why});
    }
    if (table.rows.isEmpty())
        section.blocks.append(paragraph(QStringLiteral("No VM needs a decision."), ReportBlock::Kind::Note));
    else
        section.blocks.append(tableBlock(full ? QStringLiteral("Every VM, by application")
                                              : QStringLiteral("The VMs that need a decision, by application"),
                                         table));
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

    // The consultant's recommendation and notes, kept in the project; a note given for this
    // report (the command line, the dialog) wins over the stored one of its section.
    const QString recommended = store.setting(ReportSettings::kRecommended);
    for (const Scenario &scenario : std::as_const(inputs.scenarios)) {
        if (!recommended.isEmpty() && scenario.name == bounded(recommended)) {
            inputs.recommended = scenario.name;
            inputs.recommendationWhy = store.setting(ReportSettings::kRecommendationWhy);
        }
    }
    const QJsonObject notes = QJsonDocument::fromJson(store.setting(ReportSettings::kNotes).toUtf8()).object();
    for (auto it = notes.constBegin(); it != notes.constEnd(); ++it) {
        if (!inputs.options.notes.contains(it.key()))
            inputs.options.notes.insert(it.key(), it.value().toString());
    }

    // The business case of the headline scenario: it reads the price book and the scenario's
    // own JSON from the store. The project's own "default" scenario name stands for every default.
    const QString headline = inputs.recommended.isEmpty() ? inputs.scenarios.constFirst().name : inputs.recommended;
    const QString costScenario = store.scenarioNames().contains(headline) ? headline : QString();
    // Read here, on the store's thread; build() prices it with the density result it packs anyway.
    Result<BusinessCaseSource, CostError> businessCase =
        ProjectBusinessCase::source(store, costScenario, std::clamp(options.years, 1, 30));
    if (businessCase)
        inputs.businessCaseSource = businessCase.value();
    else
        inputs.businessCaseError = businessCase.error().toString();

    inputs.waveInput = WaveInput::fromProject(store);
    const QString waveSettings = store.setting(WavePlanModel::kParametersKey);
    if (!waveSettings.isEmpty()) {
        Result<WaveParameters, QString> parameters =
            WaveParameters::fromJson(QJsonDocument::fromJson(waveSettings.toUtf8()).object());
        if (parameters)
            inputs.waveParameters = parameters.value();
    }
    inputs.wavePins = store.wavePins();
    inputs.wavePlanRecorded = ProjectBusinessCase::hasWavePlan(store);
    if (const std::optional<StoreError> failure = store.readFailure())
        return ReportError{ReportError::Kind::Store, failure->message};
    return inputs;
}

Result<ReportModel, ReportError> ReportBuilder::build(const ReportInputs &inputs, const Progress &progress)
{
    if (inputs.scenarios.isEmpty())
        return ReportError{ReportError::Kind::Input, QStringLiteral("a report needs at least one scenario")};
    ReportModel model;
    model.title = QStringLiteral("Cloud migration assessment");
    model.subtitle = QStringLiteral("The recommendation, the business case, the risks and the next steps");
    model.customer = inputs.options.customer;
    model.consultant = inputs.options.consultant;
    model.date = inputs.options.date;
    model.logoPath = inputs.options.logoPath;
    model.primaryColour = inputs.options.primaryColour;
    model.accentColour = inputs.options.accentColour;
    model.recommended = inputs.recommended;
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

    // The scenarios and their sweeps' points are independent: run them side by side. They share
    // one packing cache, so a packing they have in common runs once: a sweep point at a scenario's
    // own node size is that scenario's packing (the sweep's "current size" is the headline), and two
    // scenarios that differ only in their node share their sweeps' points and their VM hosts.
    const QList<Workload> workloads = PlanInputs::containerWorkloads(inputs.vms, inputs.decisions);
    const Estate estate = Estate::fromInventory(inputs.hosts, inputs.vms);
    struct Run {
        Scenario scenario;
        std::optional<DensityResult> result;
        QString error;
        QList<NodeSizePoint> sweep;
    };
    struct Job {
        int run;
        int point; ///< the sweep point, or -1 for the scenario's own run
    };
    QList<Run> runs;
    QList<Job> jobs;
    for (const Scenario &scenario : inputs.scenarios) {
        jobs.append({int(runs.size()), -1});
        runs.append({scenario, std::nullopt, {}, QList<NodeSizePoint>(scenario.nodeSizes.size())});
    }
    for (int r = 0; r < int(runs.size()); ++r)
        for (int k = 0; k < int(runs.at(r).sweep.size()); ++k)
            jobs.append({r, k});
    PackingCache packings;
    std::atomic<int> done = 0;
    const int total = int(jobs.size());
    // A pool of its own: the GUI builds the report on a thread of the global pool, and a blocking
    // wait there for jobs queued on that same pool hangs once all of its threads wait.
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    QtConcurrent::blockingMap(&pool, jobs, [&](const Job &job) {
        Run &run = runs[job.run];
        if (job.point >= 0) {
            run.sweep[job.point] =
                NodeSizeSweep::point(run.scenario, run.scenario.nodeSizes.at(job.point), workloads, &packings);
        } else {
            // With the placement: the annex workbook lists each VM's pool and node from these runs.
            DensityEngine::Options options;
            options.packings = &packings;
            Result<DensityResult, ScenarioError> result = DensityEngine(run.scenario, estate).run(workloads, options);
            if (result)
                run.result = result.value();
            else
                run.error = run.scenario.name + QStringLiteral(": ") + result.error().toString();
        }
        const int finished = ++done;
        if (progress)
            progress(5 + 85 * finished / total);
    });
    for (Run &run : runs) {
        if (!run.result)
            return ReportError{ReportError::Kind::Input, run.error};
        run.result->scenario = run.scenario.name;
        NodeSizeSweep::markBest(run.sweep);
        model.scenarios.append(ScenarioOutcome{run.scenario, *run.result, run.sweep});
    }

    for (int i = 0; i < model.scenarios.size(); ++i) {
        if (!inputs.recommended.isEmpty() && model.scenarios.at(i).scenario.name == inputs.recommended)
            model.headline = i;
    }
    // The business case's scenario was packed above (its pools and placement do not depend on the
    // estate or the VM-host comparison): price that result rather than pack the scenario again.
    // A copy of the inputs is cheap, their lists are shared.
    ReportInputs priced = inputs;
    if (!priced.businessCase && priced.businessCaseSource) {
        const BusinessCaseSource &source = *priced.businessCaseSource;
        const QJsonObject wanted = source.inputs.scenario.toJson();
        Result<BusinessCase, CostError> businessCase = CostError{};
        bool packed = false;
        for (const ScenarioOutcome &outcome : std::as_const(model.scenarios)) {
            if (outcome.scenario.toJson() == wanted) {
                businessCase = ProjectBusinessCase::compute(source, outcome.result);
                packed = true;
                break;
            }
        }
        if (!packed) { // a cost scenario the report does not show: pack it for the business case alone
            DensityEngine::Options options;
            options.vmHosts = false;
            options.packings = &packings;
            const auto density = DensityEngine(source.inputs.scenario)
                                     .run(ProjectBusinessCase::containerWorkloads(source.inputs), options);
            if (density)
                businessCase = ProjectBusinessCase::compute(source, density.value());
            else
                businessCase = CostError{QStringLiteral("scenario %1").arg(source.inputs.scenario.name),
                                         density.error().toString()};
        }
        if (businessCase)
            priced.businessCase = businessCase.value();
        else
            priced.businessCaseError = businessCase.error().toString();
    }
    std::optional<WavePlan> plan;
    if (!inputs.waveInput.vms.empty()) {
        plan = WavePlanner::plan(inputs.waveInput, inputs.waveParameters, inputs.wavePins);
        for (const Wave &wave : plan->waves)
            model.waves.append({wave.number, wave.start, wave.end, wave.vms, wave.overLimit});
    }

    Composer composer(priced, model, plan);
    composer.summary();
    composer.estate();
    composer.plan();
    composer.density();
    composer.business();
    composer.waves();
    composer.riskRegister();
    composer.exceptions();
    composer.nextSteps();
    composer.method();
    composer.appendix();
    if (progress)
        progress(100);
    return model;
}

} // namespace landfall
