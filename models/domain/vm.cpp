#include "vm.h"

namespace landfall {

QString powerStateKey(PowerState state)
{
    switch (state) {
    case PowerState::On:
        return QStringLiteral("poweredOn");
    case PowerState::Off:
        return QStringLiteral("poweredOff");
    case PowerState::Suspended:
        return QStringLiteral("suspended");
    case PowerState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<PowerState> powerStateFromKey(const QString &key)
{
    const QString text = key.trimmed();
    const auto is = [&](const char *word) { return text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0; };
    if (is("poweredOn") || is("on") || is("running"))
        return PowerState::On;
    if (is("poweredOff") || is("off") || is("stopped"))
        return PowerState::Off;
    if (is("suspended"))
        return PowerState::Suspended;
    if (is("unknown") || text.isEmpty())
        return PowerState::Unknown;
    return std::nullopt;
}

QString Vm::identityKey() const
{
    // A vSphere VM is its UUID within its vCenter. Sources without UUIDs (Azure Migrate's
    // template, a consultant's sheet) identify VMs by name, case-insensitively as DNS does.
    if (!uuid.isEmpty())
        return vcenter.toLower() + u'/' + uuid.toLower();
    if (sameNameIndex > 1)
        return u"name:" + name.toLower() + u'#' + QString::number(sameNameIndex);
    return u"name:" + name.toLower();
}

} // namespace landfall
