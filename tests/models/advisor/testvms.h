#pragma once

#include "domain/osinfo.h"
#include "domain/vm.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace landfall::test {

/** Builds a VM from a compact description for data-driven rows: an OS string, a power state
    and answers as "role=web stack=netfx35". */
inline Vm makeVm(const QString &os, const QString &answers, PowerState power = PowerState::On, int vcpu = 2,
                 double memoryMiB = 4096)
{
    Vm vm;
    vm.id = 1;
    vm.name = QStringLiteral("test-vm");
    vm.uuid = QStringLiteral("00000000-0000-0000-0000-000000000001");
    vm.vcenter = QStringLiteral("vc");
    vm.osReported = os;
    vm.os = OsNormalizer::normalize(os);
    // "family:version" sets the normalised OS directly, for families the normaliser may not name yet.
    if (const qsizetype colon = os.indexOf(u':'); colon > 0 && !os.contains(u' ')) {
        vm.os = OsInfo{};
        vm.os.family = os.left(colon);
        vm.os.version = os.mid(colon + 1);
    }
    vm.powerState = power;
    vm.vcpu = vcpu;
    vm.memoryMiB = memoryMiB;
    for (const QString &pair : answers.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = pair.split(u'=');
        const auto attribute = WorkshopAnswers::attributeForKey(parts.value(0));
        if (!attribute || !vm.answers.setValue(*attribute, parts.value(1)))
            qFatal("bad test answer %s", qPrintable(pair));
    }
    return vm;
}

inline QString win2022()
{
    return QStringLiteral("Microsoft Windows Server 2022 (64-bit)");
}
inline QString win2012()
{
    return QStringLiteral("Microsoft Windows Server 2012 R2 (64-bit)");
}
inline QString win2016OrLater()
{
    return QStringLiteral("Microsoft Windows Server 2016 or later (64-bit)");
}
/** The date the tests plan on, so that end-of-support bands do not move with the calendar. */
inline QDate planDate()
{
    return QDate(2026, 12, 1);
}
inline QString rhel8()
{
    return QStringLiteral("Red Hat Enterprise Linux 8 (64-bit)");
}

} // namespace landfall::test
