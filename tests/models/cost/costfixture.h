#pragma once

#include "cost/pricebook.h"
#include "domain/decision.h"
#include "domain/osinfo.h"
#include "domain/vm.h"

#include <QString>

namespace landfall::test {

/** A small price book with round figures, so every expected cost is worked out by hand. */
inline PriceBook smallBook()
{
    PriceBook b = PriceBook::builtIn();
    b.name = QStringLiteral("test book");
    b.hoursPerMonth = 730;
    auto sku = [](const char *name, int vcpu, double memoryGiB, double linuxRate, double windowsRate, bool gpu = false,
                  bool nested = false) {
        VmSku s;
        s.name = QLatin1String(name);
        s.vcpu = vcpu;
        s.memoryGiB = memoryGiB;
        s.linuxHourly = linuxRate;
        s.windowsHourly = windowsRate;
        s.gpu = gpu;
        s.nestedVirtualisation = nested;
        return s;
    };
    b.vmSkus = {sku("A2", 2, 4, 0.10, 0.20),  sku("B2", 2, 8, 0.12, 0.18),
                sku("C4", 4, 16, 0.20, 0.38), sku("N4", 4, 16, 0.21, 0.39, false, true),
                sku("D8", 8, 32, 0.40, 0.76), sku("G6", 6, 56, 0.50, 0.80, true)};
    b.diskGiBMonth = 0.10;
    b.kubernetesClusterHourly = 0.10;
    b.paas.databasePerVcpuHourly = 0.25;
    b.paas.databasePerGiBMonth = 0.12;
    b.paas.databaseMinVcpu = 2;
    b.paas.appPlatformPerVcpuHourly = 0.08;
    b.paas.appPlatformWindowsPerVcpuHourly = 0.12;
    b.paas.appPlatformMinVcpu = 1;
    b.paas.fileSharePerGiBMonth = 0.06;
    b.licences.windowsServerStandardPer16Cores = 1000;
    b.licences.windowsServerDatacenterPer16Cores = 6000;
    b.licences.amortisationYears = 5;
    b.onPremises.perHostYear = 6000;
    b.onPremises.perCoreYearVirtualisation = 120;
    b.onPremises.perGiBYearStorage = 1.2;
    b.onPremises.perVmYearOperations = 120;
    b.migration.perVm = {{MigrationPath::Rehost, 100},
                         {MigrationPath::Containerize, 200},
                         {MigrationPath::CloudNative, 300},
                         {MigrationPath::Retire, 10},
                         {MigrationPath::Retain, 0}};
    b.migration.rampShareByYear = {1.0};
    b.migration.doubleRunningMonths = 0;
    return b;
}

inline Vm costVm(qint64 id, const QString &os, int vcpu, double memoryGiB, double diskGiB, const QString &answers = {})
{
    Vm vm;
    vm.id = id;
    vm.name = QStringLiteral("vm-%1").arg(id);
    vm.osReported = os;
    vm.os = OsNormalizer::normalize(os);
    vm.powerState = PowerState::On;
    vm.vcpu = vcpu;
    vm.memoryMiB = memoryGiB * 1024;
    vm.provisionedMiB = diskGiB * 1024;
    vm.usedMiB = diskGiB * 1024;
    for (const QString &pair : answers.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = pair.split(u'=');
        const auto attribute = WorkshopAnswers::attributeForKey(parts.value(0));
        if (!attribute || !vm.answers.setValue(*attribute, parts.value(1)))
            qFatal("bad test answer %s", qPrintable(pair));
    }
    return vm;
}

inline Decision decisionFor(qint64 vmId, MigrationPath path, const QString &target = {})
{
    Decision d;
    d.vmId = vmId;
    d.path = path;
    d.target = target;
    return d;
}

inline QString windowsOs()
{
    return QStringLiteral("Microsoft Windows Server 2022 (64-bit)");
}
inline QString linuxOs()
{
    return QStringLiteral("Red Hat Enterprise Linux 8 (64-bit)");
}

} // namespace landfall::test
