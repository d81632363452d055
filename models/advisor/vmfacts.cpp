#include "vmfacts.h"

#include "windowsbuild.h"

namespace landfall {

namespace {

qint8 indexIn(RuleFields::Field field, const QString &value)
{
    const QStringList &allowed = RuleFields::allowedValues(field);
    for (qsizetype i = 0; i < allowed.size(); ++i) {
        if (allowed[i] == value)
            return qint8(i);
    }
    return VmFacts::kUnknownWord;
}

QString osType(const OsInfo &os)
{
    if (os.isWindows())
        return QStringLiteral("windows");
    if (os.isLinux())
        return QStringLiteral("linux");
    return os.isKnown() ? QStringLiteral("other") : QStringLiteral("unknown");
}

} // namespace

VmFacts VmFacts::from(const Vm &vm)
{
    using F = RuleFields::Field;
    VmFacts facts;
    const auto &attributes = WorkshopAnswers::attributes(); // in RuleFields' order
    for (int i = 0; i < WorkshopAnswers::kAttributeCount; ++i)
        facts.words[size_t(i)] = indexIn(F(i), vm.answers.value(attributes[size_t(i)]));
    // Each attribute's "unknown" value is the last of its list (WorkshopAnswers' own order).
    bool answered = false;
    for (int i = 0; i < WorkshopAnswers::kAttributeCount; ++i)
        answered |= facts.words[size_t(i)] != RuleFields::allowedValues(F(i)).size() - 1;
    facts.words[size_t(F::Answered)] = answered ? 0 : 1; // "yes,no"
    facts.words[size_t(F::PowerState)] = indexIn(F::PowerState, powerStateKey(vm.powerState));
    facts.words[size_t(F::OsType)] = indexIn(F::OsType, osType(vm.os));
    facts.words[size_t(F::OsFamily)] = indexIn(F::OsFamily, vm.os.family);
    facts.osVersion = vm.os.version;
    if (!vm.os.windowsBuild.isEmpty()) {
        if (const std::optional<WindowsBuild> build = WindowsBuild::parse(vm.os.windowsBuild))
            facts.osBuild = build->withoutRevision();
    }
    facts.vcpu = vm.vcpu;
    facts.memoryMiB = vm.memoryMiB;
    return facts;
}

QString VmFacts::wordText(RuleFields::Field field) const
{
    const int index = word(field);
    return index < 0 ? QString() : RuleFields::allowedValues(field).at(index);
}

} // namespace landfall
