#pragma once

#include <QHash>
#include <QString>
#include <QUuid>

namespace landfall {

/** Finds a number (a row, a list) again by a VM's UUID within its vCenter, the way the workbook's
    per-VM tabs name their VMs. A UUID in its standard form is kept as its 16 bytes, not as text:
    the vPartition, vDisk and vNetwork tabs of a 100,000-VM workbook file 300,000 keys, and as
    "vcenter/uuid" strings they took 40 MB. A UUID in any other form is kept as text. Both the
    vCenter and the UUID compare case-insensitively. */
class VmUuidIndex {
public:
    /** Files `value` under the VM; a VM filed before keeps its first value. */
    void insert(const QString &vcenter, const QString &uuid, qsizetype value);
    /** The value filed under the VM, or -1. */
    qsizetype value(const QString &vcenter, const QString &uuid) const;
    bool isEmpty() const { return m_byUuid.isEmpty() && m_byText.isEmpty(); }

private:
    struct Place {
        int vcenter = 0; ///< the vCenter's number in m_vcenters
        QUuid uuid;
        friend bool operator==(const Place &, const Place &) = default;
        friend size_t qHash(const Place &place, size_t seed = 0) { return qHashMulti(seed, place.vcenter, place.uuid); }
    };
    /** The text key of a UUID that is not in the standard form. */
    static QString textKey(const QString &vcenter, const QString &uuid);

    QHash<QString, int> m_vcenters; ///< lower-case vCenter name → its number
    QHash<Place, qsizetype> m_byUuid;
    QHash<QString, qsizetype> m_byText;
};

} // namespace landfall
