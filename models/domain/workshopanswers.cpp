#include "workshopanswers.h"

namespace landfall {

namespace {

struct AttributeSpec {
    WorkshopAnswers::Attribute attribute;
    const char *key;
    const char *values; // comma-separated; the last one is the "unknown" value
};

// The table of classification.md; "trust" has no "unknown" there, so an unanswered VM is
// treated as trusted, which is what every single-tenant estate is.
constexpr std::array<AttributeSpec, WorkshopAnswers::kAttributeCount> kSpecs{{
    {WorkshopAnswers::Attribute::Role, "role",
     "web,app,batch,database,file,directory,mail,desktop,print,other,unknown"},
    {WorkshopAnswers::Attribute::Stack, "stack",
     "netfx35,netfx4,netcore,java,nodejs,python,php,go,native-windows,native-linux,unknown"},
    {WorkshopAnswers::Attribute::Gui, "gui", "none,gdi,directx,unknown"},
    {WorkshopAnswers::Attribute::KernelDriver, "kernelDriver", "yes,no,unknown"},
    {WorkshopAnswers::Attribute::WindowsAuth, "windowsAuth", "yes,no,unknown"},
    {WorkshopAnswers::Attribute::SourceAvailable, "sourceAvailable", "yes,no,unknown"},
    {WorkshopAnswers::Attribute::ChangeRate, "changeRate", "low,medium,high,unknown"},
    {WorkshopAnswers::Attribute::Trust, "trust", "untrusted,trusted"},
    {WorkshopAnswers::Attribute::Decommission, "decommission", "yes,no,unknown"},
    {WorkshopAnswers::Attribute::MustStayOnPrem, "mustStayOnPrem", "yes,no,unknown"},
}};

const AttributeSpec &spec(WorkshopAnswers::Attribute attribute)
{
    return kSpecs[static_cast<size_t>(attribute)];
}

} // namespace

QString WorkshopAnswers::key(Attribute attribute)
{
    return QLatin1String(spec(attribute).key);
}

std::optional<WorkshopAnswers::Attribute> WorkshopAnswers::attributeForKey(const QString &key)
{
    for (const AttributeSpec &candidate : kSpecs) {
        if (key.compare(QLatin1String(candidate.key), Qt::CaseInsensitive) == 0)
            return candidate.attribute;
    }
    return std::nullopt;
}

const QStringList &WorkshopAnswers::choices(Attribute attribute)
{
    // Split once: every VM read or edited asks for these.
    static const std::array<QStringList, kAttributeCount> lists = [] {
        std::array<QStringList, kAttributeCount> all;
        for (size_t i = 0; i < kSpecs.size(); ++i)
            all[i] = QString::fromLatin1(kSpecs[i].values).split(u',');
        return all;
    }();
    return lists[static_cast<size_t>(attribute)];
}

QStringList WorkshopAnswers::allowedValues(Attribute attribute)
{
    return choices(attribute);
}

QString WorkshopAnswers::unknownValue(Attribute attribute)
{
    return choices(attribute).constLast();
}

const std::array<WorkshopAnswers::Attribute, WorkshopAnswers::kAttributeCount> &WorkshopAnswers::attributes()
{
    static const std::array<Attribute, kAttributeCount> all = [] {
        std::array<Attribute, kAttributeCount> list{};
        for (size_t i = 0; i < kSpecs.size(); ++i)
            list[i] = kSpecs[i].attribute;
        return list;
    }();
    return all;
}

WorkshopAnswers::WorkshopAnswers()
{
    for (Attribute attribute : attributes())
        m_choices[index(attribute)] = quint8(choices(attribute).size() - 1); // "unknown"
}

bool WorkshopAnswers::setValue(Attribute attribute, const QString &value)
{
    const QStringList &allowed = choices(attribute);
    const QString wanted = value.trimmed();
    for (qsizetype choice = 0; choice < allowed.size(); ++choice) {
        if (allowed[choice].compare(wanted, Qt::CaseInsensitive) == 0) {
            m_choices[index(attribute)] = quint8(choice);
            return true;
        }
    }
    return false;
}

bool WorkshopAnswers::isAllUnknown() const
{
    for (Attribute attribute : attributes()) {
        if (!isUnknown(attribute))
            return false;
    }
    return true;
}

} // namespace landfall
