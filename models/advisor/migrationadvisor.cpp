#include "migrationadvisor.h"

#include "domain/osinfo.h"

namespace landfall {

namespace {

using F = RuleFields::Field;
using Op = RuleCondition::Op;

Confidence lower(Confidence a, Confidence b)
{
    return int(a) > int(b) ? a : b; // the enum runs High, Medium, Low
}

QString poolName(const WindowsBuild &build)
{
    const QString version = OsNormalizer::windowsServerVersion(build.text());
    if (!version.isEmpty())
        return QStringLiteral("Windows Server %1 (%2)").arg(version, build.text());
    return QStringLiteral("%1 (%2)").arg(
        build.build() >= 22000 ? QStringLiteral("Windows 11") : QStringLiteral("Windows 10"), build.text());
}

} // namespace

MigrationAdvisor::MigrationAdvisor(const RuleSet &rules, const AdvisorInputs &inputs, const ImageCatalogue &catalogue,
                                   const OsLifecycle &lifecycle)
    : m_rules(rules)
    , m_inputs(inputs)
    , m_hostBuild(WindowsBuild::parse(inputs.windowsBuild)
                      .value_or(*WindowsBuild::parse(QLatin1String(AdvisorInputs::kDefaultWindowsBuild))))
    , m_planDate(inputs.effectivePlanDate())
    , m_lifecycle(lifecycle)
    , m_images(m_hostBuild, catalogue, m_planDate)
    , m_poolName(poolName(m_hostBuild))
    , m_hyperVCondition(QStringLiteral("Hyper-V isolation: every container gets a utility VM (memory and start-up "
                                       "time) and counts like a VM under Windows Server Standard licensing"))
{
    for (int placement = 0; placement < 6; ++placement)
        m_placementTargets[placement] = describePlacement(IsolationVerdict::Placement(placement), Isolation::Process);
    m_kataTarget = describePlacement(IsolationVerdict::Placement::LinuxPool, Isolation::Kata);
    m_kataHostTarget = describePlacement(IsolationVerdict::Placement::LinuxHost, Isolation::Kata);
    for (const Rule &rule : m_rules.rules()) {
        if (!rule.enabled)
            continue;
        CompiledRule compiled;
        compiled.rule = &rule;
        compiled.trace = {rule.id, rule.reason};
        for (const RuleCondition &condition : rule.when)
            compiled.when.push_back(compile(condition));
        for (const RuleCaveat &caveat : rule.caveats) {
            CompiledCaveat c;
            for (const RuleCondition &condition : caveat.when)
                c.when.push_back(compile(condition));
            c.trace = {rule.id + u'/' + caveat.id, caveat.condition};
            c.condition = caveat.condition;
            c.confidence = caveat.confidence;
            compiled.caveats.push_back(std::move(c));
        }
        m_compiled.push_back(std::move(compiled));
    }
}

MigrationAdvisor::CompiledCondition MigrationAdvisor::compile(const RuleCondition &condition)
{
    CompiledCondition c;
    c.field = *RuleFields::fromKey(condition.field);
    c.op = condition.op;
    switch (RuleFields::kind(c.field)) {
    case RuleFields::Kind::Words: {
        const QStringList &allowed = RuleFields::allowedValues(c.field);
        for (const QString &value : condition.values)
            c.wordMask |= quint64(1) << allowed.indexOf(value);
        break;
    }
    case RuleFields::Kind::FreeWords:
        c.words = condition.values;
        break;
    case RuleFields::Kind::Number:
        for (const QString &value : condition.values)
            c.values.push_back(value.toDouble());
        c.bound = condition.bound.toDouble();
        break;
    case RuleFields::Kind::Build:
        for (const QString &value : condition.values)
            c.values.push_back(double(WindowsBuild::parse(value)->withoutRevision()));
        if (condition.isComparison())
            c.bound = double(WindowsBuild::parse(condition.bound)->withoutRevision());
        break;
    }
    return c;
}

bool MigrationAdvisor::holds(const CompiledCondition &c, const VmFacts &facts)
{
    bool member = false;
    double value = 0;
    switch (RuleFields::kind(c.field)) {
    case RuleFields::Kind::Words: {
        const int index = facts.word(c.field);
        member = index >= 0 && (c.wordMask >> index) & 1;
        return c.op == Op::IsNot ? !member : member;
    }
    case RuleFields::Kind::FreeWords:
        member = c.words.contains(facts.osVersion, Qt::CaseInsensitive);
        return c.op == Op::IsNot ? !member : member;
    case RuleFields::Kind::Number:
        value = c.field == F::Vcpu ? facts.vcpu : facts.memoryMiB;
        break;
    case RuleFields::Kind::Build:
        if (facts.osBuild == 0) // an unknown build is neither below nor above anything
            return c.op == Op::IsNot;
        value = double(facts.osBuild);
        break;
    }
    switch (c.op) {
    case Op::Is:
    case Op::IsNot:
        member = std::find(c.values.begin(), c.values.end(), value) != c.values.end();
        return c.op == Op::IsNot ? !member : member;
    case Op::AtLeast:
        return value >= c.bound;
    case Op::AtMost:
        return value <= c.bound;
    case Op::Below:
        return value < c.bound;
    case Op::Above:
        return value > c.bound;
    }
    return false;
}

bool MigrationAdvisor::holdsAll(const std::vector<CompiledCondition> &conditions, const VmFacts &facts)
{
    for (const CompiledCondition &condition : conditions) {
        if (!holds(condition, facts))
            return false;
    }
    return true;
}

QString MigrationAdvisor::defaultTarget(MigrationPath path, const VmFacts &facts) const
{
    switch (path) {
    case MigrationPath::Rehost:
        return QStringLiteral("IaaS VM");
    case MigrationPath::CloudNative: {
        const QString role = facts.wordText(F::Role);
        if (role == QLatin1String("database"))
            return QStringLiteral("managed database (PaaS)");
        if (role == QLatin1String("file"))
            return QStringLiteral("managed file share (PaaS)");
        return QStringLiteral("app platform or functions (PaaS)");
    }
    case MigrationPath::Retire:
        return QStringLiteral("switched off (no target)");
    case MigrationPath::Retain:
        return QStringLiteral("stays on premises");
    case MigrationPath::Containerize:
        break;
    }
    return QStringLiteral("container");
}

QString MigrationAdvisor::placementTarget(IsolationVerdict::Placement placement, Isolation isolation) const
{
    if (isolation == Isolation::Kata)
        return placement == IsolationVerdict::Placement::LinuxHost ? m_kataHostTarget : m_kataTarget;
    return m_placementTargets[int(placement)];
}

QString MigrationAdvisor::describePlacement(IsolationVerdict::Placement placement, Isolation isolation) const
{
    using P = IsolationVerdict::Placement;
    switch (placement) {
    case P::WindowsPool:
        return u"AKS Windows node pool, " + m_poolName;
    case P::DedicatedWindowsPool:
        return u"dedicated AKS Windows node pool for untrusted workloads, " + m_poolName;
    case P::LinuxPool:
        return isolation == Isolation::Kata ? QStringLiteral("AKS Linux node pool with Kata Containers")
                                            : QStringLiteral("AKS Linux node pool");
    case P::WindowsHost:
        return u"Windows container host, " + m_poolName;
    case P::ClientHost:
        return u"Windows client container host, " + m_poolName;
    case P::LinuxHost:
        return isolation == Isolation::Kata ? QStringLiteral("Linux container host with Kata Containers")
                                            : QStringLiteral("Linux container host");
    }
    return {};
}

bool MigrationAdvisor::containerize(ImageChoice choice, const QString &pinnedBuild, const VmFacts &facts,
                                    Decision &decision) const
{
    const BaseImage image = m_images.choose(choice, facts, pinnedBuild);
    if (!image.found)
        return false;
    decision.baseImage = image.reference;
    decision.reason += u' ' + image.why;
    if (!image.condition.isEmpty()) {
        decision.conditions.append(image.condition);
        decision.confidence = lower(decision.confidence, Confidence::Medium);
    }
    if (!image.note.isEmpty())
        decision.conditions.append(image.note);
    const bool untrusted = facts.wordText(F::Trust) == QLatin1String("untrusted");
    const IsolationVerdict verdict = IsolationPolicy::decide(m_inputs.platform, m_hostBuild, image.build, untrusted);
    decision.isolation = verdict.isolation;
    decision.target = placementTarget(verdict.placement, verdict.isolation);
    using O = IsolationVerdict::Outcome;
    if (verdict.outcome == O::NotSchedulable) {
        decision.target = u"not schedulable: " + decision.target;
        decision.conditions.append(
            QStringLiteral("Not schedulable: the image is built for %1 and Kubernetes runs Windows containers with "
                           "process isolation only, on the pool's build %2; rebuild it on %3, or move it to a "
                           "container host")
                .arg(image.build->text(), m_hostBuild.text(), m_images.windowsReference(image.family, m_hostBuild)));
        decision.confidence = Confidence::Low;
    } else if (verdict.outcome == O::CannotRun) {
        decision.target = u"cannot run: " + decision.target;
        decision.conditions.append(QStringLiteral("Cannot run: the image build %1 is newer than the host build %2, "
                                                  "and no isolation mode runs a newer image")
                                       .arg(image.build->text(), m_hostBuild.text()));
        decision.confidence = Confidence::Low;
    } else if (verdict.placement == IsolationVerdict::Placement::DedicatedWindowsPool) {
        decision.conditions.append(QStringLiteral("Runs code of parties that must be isolated from each other: "
                                                  "Kubernetes has no Hyper-V isolation, so give it a dedicated "
                                                  "Windows node pool"));
        decision.confidence = lower(decision.confidence, Confidence::Medium);
    } else if (verdict.isolation == Isolation::Kata) {
        decision.conditions.append(
            verdict.placement == IsolationVerdict::Placement::LinuxHost
                ? QStringLiteral("Runs untrusted code: the Linux container host needs Kata Containers")
                : QStringLiteral("Runs untrusted code: AKS Pod Sandboxing (RuntimeClass kata-vm-isolation on an "
                                 "Azure Linux node pool, VM sizes with nested virtualisation)"));
    } else if (verdict.isolation == Isolation::HyperV) {
        decision.conditions.append(m_hyperVCondition);
    }
    return true;
}

bool MigrationAdvisor::apply(const CompiledRule &compiled, const VmFacts &facts, Decision &decision) const
{
    const Rule &rule = *compiled.rule;
    decision.path = rule.path;
    decision.confidence = rule.confidence;
    decision.reason = rule.reason;
    decision.conditions = rule.conditions;
    decision.trace = {compiled.trace};
    decision.baseImage.clear();
    decision.isolation = Isolation::None;
    if (rule.path == MigrationPath::Containerize) {
        if (!containerize(rule.image, rule.imageBuild, facts, decision))
            return false;
    } else {
        decision.target = defaultTarget(rule.path, facts);
    }
    if (!rule.target.isEmpty())
        decision.target = rule.target;
    for (const CompiledCaveat &caveat : compiled.caveats) {
        if (!holdsAll(caveat.when, facts))
            continue;
        if (!caveat.condition.isEmpty())
            decision.conditions.append(caveat.condition);
        if (caveat.confidence)
            decision.confidence = lower(decision.confidence, *caveat.confidence);
        decision.trace.append(caveat.trace);
    }
    return true;
}

void MigrationAdvisor::applyOverride(const ManualOverride &manualOverride, const VmFacts &facts,
                                     Decision &decision) const
{
    const QString ruled = QStringLiteral(" (the rules said %1, by rule '%2')")
                              .arg(migrationPathKey(decision.path),
                                   decision.trace.isEmpty() ? QString() : decision.trace.constFirst().ruleId);
    const bool wasContainerized = decision.path == MigrationPath::Containerize && !decision.baseImage.isEmpty();
    decision.overridden = true;
    decision.overrideNote = manualOverride.note;
    decision.path = manualOverride.path;
    decision.confidence = Confidence::High; // the consultant decided
    decision.trace = {{QStringLiteral("override"), u"Set by hand: " + manualOverride.note}};
    decision.reason = u"Set by hand: " + manualOverride.note + ruled;
    if (manualOverride.path == MigrationPath::Containerize) {
        if (wasContainerized)
            return;
        decision.conditions.clear();
        if (!containerize(ImageChoice::Auto, {}, facts, decision)) {
            decision.baseImage.clear();
            decision.isolation = Isolation::None;
            decision.target = QStringLiteral("container (base image to be chosen)");
            decision.conditions.append(QStringLiteral("Containerized by hand, but no base image fits what is known "
                                                      "of the VM: answer its stack and OS, or choose the image"));
        }
        return;
    }
    decision.conditions.clear();
    decision.baseImage.clear();
    decision.isolation = Isolation::None;
    decision.target = defaultTarget(manualOverride.path, facts);
}

Decision MigrationAdvisor::classify(const Vm &vm, const ManualOverride *manualOverride) const
{
    const VmFacts facts = VmFacts::from(vm);
    Decision decision;
    decision.vmId = vm.id;
    bool decided = false;
    for (const CompiledRule &compiled : m_compiled) {
        if (holdsAll(compiled.when, facts) && apply(compiled, facts, decision)) {
            decided = true;
            break;
        }
    }
    if (!decided) {
        // The consultant disabled the catch-all: say so rather than invent a rule.
        decision.path = MigrationPath::Rehost;
        decision.confidence = Confidence::Low;
        decision.target = defaultTarget(decision.path, facts);
        decision.reason = QStringLiteral("No enabled rule matched: lift and shift until a rule decides.");
        decision.conditions = {};
        decision.trace = {{QStringLiteral("none"), decision.reason}};
        decision.baseImage.clear();
        decision.isolation = Isolation::None;
    }
    if (manualOverride)
        applyOverride(*manualOverride, facts, decision);
    addEndOfSupport(vm, decision);
    return decision;
}

void MigrationAdvisor::addEndOfSupport(const Vm &vm, Decision &decision) const
{
    // A risk whatever the path, the consultant's own included: the report lists them all.
    const QString condition = OsLifecycle::condition(m_lifecycle.release(vm.os), vm.os, m_planDate);
    if (condition.isEmpty())
        return;
    decision.conditions.append(condition);
    decision.trace.append({QStringLiteral("end-of-support"), condition});
}

QList<Decision> MigrationAdvisor::classifyAll(const QList<Vm> &vms,
                                              const QHash<QString, ManualOverride> &overrides) const
{
    QList<Decision> decisions;
    decisions.reserve(vms.size());
    for (const Vm &vm : vms) {
        const ManualOverride *manualOverride = nullptr;
        if (!overrides.isEmpty()) {
            const auto found = overrides.constFind(vm.identityKey());
            if (found != overrides.cend())
                manualOverride = &found.value();
        }
        decisions.append(classify(vm, manualOverride));
    }
    return decisions;
}

} // namespace landfall
