#include "vmuuidindex.h"

namespace landfall {

QString VmUuidIndex::textKey(const QString &vcenter, const QString &uuid)
{
    return vcenter.toLower() + u'/' + uuid.toLower();
}

void VmUuidIndex::insert(const QString &vcenter, const QString &uuid, qsizetype value)
{
    const QUuid parsed = QUuid::fromString(uuid);
    if (parsed.isNull()) {
        const QString key = textKey(vcenter, uuid);
        if (!m_byText.contains(key))
            m_byText.insert(key, value);
        return;
    }
    const QString vcenterKey = vcenter.toLower();
    auto number = m_vcenters.constFind(vcenterKey);
    if (number == m_vcenters.cend())
        number = m_vcenters.insert(vcenterKey, int(m_vcenters.size()));
    const Place place{*number, parsed};
    if (!m_byUuid.contains(place))
        m_byUuid.insert(place, value);
}

qsizetype VmUuidIndex::value(const QString &vcenter, const QString &uuid) const
{
    const QUuid parsed = QUuid::fromString(uuid);
    if (parsed.isNull())
        return m_byText.value(textKey(vcenter, uuid), -1);
    const auto number = m_vcenters.constFind(vcenter.toLower());
    if (number == m_vcenters.cend())
        return -1;
    return m_byUuid.value(Place{*number, parsed}, -1);
}

} // namespace landfall
