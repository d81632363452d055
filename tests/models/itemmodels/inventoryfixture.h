#pragma once

#include "store/projectstore.h"

#include <QList>
#include <QString>

namespace landfall::testing {

/** A made-up estate of `count` VMs with a realistic spread of clusters, OS and power states,
    shared by the item model tests, the GUI tests and the GUI benchmark. */
inline QList<Vm> generatedVms(int count)
{
    static const QStringList sites = {QStringLiteral("lon"), QStringLiteral("ams"), QStringLiteral("fra"),
                                      QStringLiteral("muc")};
    static const QStringList roles = {QStringLiteral("web"), QStringLiteral("app"), QStringLiteral("db"),
                                      QStringLiteral("file"), QStringLiteral("batch")};
    static const QList<std::pair<QString, QString>> systems = {
        {QStringLiteral("windows-server"), QStringLiteral("2019")},
        {QStringLiteral("windows-server"), QStringLiteral("2012 R2")},
        {QStringLiteral("windows-server"), QStringLiteral("2008 R2")},
        {QStringLiteral("rhel"), QStringLiteral("8")},
        {QStringLiteral("ubuntu"), QStringLiteral("22.04")},
        {QStringLiteral("unknown"), QString()}};
    QList<Vm> vms;
    vms.reserve(count);
    for (int i = 0; i < count; ++i) {
        Vm vm;
        const QString &site = sites[i % sites.size()];
        vm.source = QStringLiteral("rvtools");
        vm.vcenter = QStringLiteral("vcenter01.corp.example");
        vm.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        vm.name = QStringLiteral("%1-%2-%3").arg(site, roles[(i / 4) % roles.size()]).arg(i, 6, 10, QLatin1Char('0'));
        vm.powerState = i % 7 == 0 ? PowerState::Off : PowerState::On;
        vm.vcpu = 1 << (i % 5);
        vm.memoryMiB = 1024.0 * (1 << (i % 6));
        vm.provisionedMiB = 40960.0 + (i % 13) * 10240.0;
        vm.usedMiB = vm.provisionedMiB / 2;
        vm.os.family = systems[(i / 3) % systems.size()].first;
        vm.os.version = systems[(i / 3) % systems.size()].second;
        vm.datacenter = QStringLiteral("DC-") + site.toUpper();
        vm.cluster = QStringLiteral("CL-%1-%2").arg(site.toUpper()).arg(1 + (i / 11) % 3);
        vm.host = QStringLiteral("esx%1.%2.corp.example").arg(i % 40).arg(site);
        vm.ipAddress = QStringLiteral("10.%1.%2.%3").arg(i % 4).arg((i / 250) % 250).arg(i % 250);
        vms.append(vm);
    }
    return vms;
}

/** Writes `count` generated VMs into `store` in one import; true on success. */
inline bool fillProject(ProjectStore &store, int count)
{
    InventoryBatch batch;
    batch.record.file = QStringLiteral("generated.csv");
    batch.record.format = QStringLiteral("rvtools");
    batch.record.rowsTaken = count;
    batch.vms = generatedVms(count);
    return !store.importInventory(batch).has_value();
}

} // namespace landfall::testing
