#include "rulefields.h"

#include <array>

namespace landfall {

namespace {

using Field = RuleFields::Field;
using Kind = RuleFields::Kind;

struct FieldSpec {
    Field field;
    const char *key;
    Kind kind;
    const char *values; // comma-separated, for Words fields not taken from WorkshopAnswers
};

constexpr std::array<FieldSpec, RuleFields::kFieldCount> kSpecs{{
    {Field::Role, "role", Kind::Words, nullptr},
    {Field::Stack, "stack", Kind::Words, nullptr},
    {Field::Gui, "gui", Kind::Words, nullptr},
    {Field::KernelDriver, "kernelDriver", Kind::Words, nullptr},
    {Field::WindowsAuth, "windowsAuth", Kind::Words, nullptr},
    {Field::SourceAvailable, "sourceAvailable", Kind::Words, nullptr},
    {Field::ChangeRate, "changeRate", Kind::Words, nullptr},
    {Field::Trust, "trust", Kind::Words, nullptr},
    {Field::Decommission, "decommission", Kind::Words, nullptr},
    {Field::MustStayOnPrem, "mustStayOnPrem", Kind::Words, nullptr},
    // "no": the consultant has answered nothing at all about the VM.
    {Field::Answered, "answered", Kind::Words, "yes,no"},
    {Field::PowerState, "powerState", Kind::Words, "poweredOn,poweredOff,suspended,unknown"},
    {Field::OsType, "osType", Kind::Words, "windows,linux,other,unknown"},
    {Field::OsFamily, "osFamily", Kind::Words,
     "windows-server,windows-client,rhel,centos,fedora,ubuntu,debian,sles,opensuse,oracle-linux,rocky,almalinux,amazon-"
     "linux,linux,appliance,freebsd,solaris,other,unknown"},
    {Field::OsVersion, "osVersion", Kind::FreeWords, nullptr},
    {Field::OsBuild, "osBuild", Kind::Build, nullptr},
    {Field::Vcpu, "vcpu", Kind::Number, nullptr},
    {Field::MemoryMiB, "memoryMiB", Kind::Number, nullptr},
}};

const FieldSpec &spec(Field field)
{
    return kSpecs[size_t(field)];
}

} // namespace

std::optional<RuleFields::Field> RuleFields::fromKey(const QString &key)
{
    for (const FieldSpec &candidate : kSpecs) {
        if (key == QLatin1String(candidate.key))
            return candidate.field;
    }
    return std::nullopt;
}

QString RuleFields::key(Field field)
{
    return QLatin1String(spec(field).key);
}

RuleFields::Kind RuleFields::kind(Field field)
{
    return spec(field).kind;
}

const QStringList &RuleFields::allowedValues(Field field)
{
    static const std::array<QStringList, kFieldCount> lists = [] {
        std::array<QStringList, kFieldCount> all;
        for (const FieldSpec &candidate : kSpecs) {
            if (const std::optional<WorkshopAnswers::Attribute> a = attribute(candidate.field))
                all[size_t(candidate.field)] = WorkshopAnswers::allowedValues(*a);
            else if (candidate.values)
                all[size_t(candidate.field)] = QString::fromLatin1(candidate.values).split(u',');
        }
        return all;
    }();
    return lists[size_t(field)];
}

QStringList RuleFields::allKeys()
{
    QStringList keys;
    for (const FieldSpec &candidate : kSpecs)
        keys.append(QLatin1String(candidate.key));
    return keys;
}

std::optional<WorkshopAnswers::Attribute> RuleFields::attribute(Field field)
{
    if (int(field) < WorkshopAnswers::kAttributeCount)
        return WorkshopAnswers::attributes()[size_t(field)];
    return std::nullopt;
}

} // namespace landfall
