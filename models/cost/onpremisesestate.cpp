#include "onpremisesestate.h"

#include "density/densityengine.h"
#include "density/licencecounter.h"
#include "density/vectorpacker.h"

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

double provisionedGiB(const Vm &vm)
{
    return (vm.provisionedMiB > 0 ? vm.provisionedMiB : vm.usedMiB) / 1024.0;
}

} // namespace

double OnPremisesEstate::licencesPerMonth(int cores, int sockets, int windowsVms, const PriceBook &book)
{
    if (windowsVms <= 0)
        return 0;
    const LicenceCount count = LicenceCounter::forServer(cores, std::max(1, sockets), windowsVms);
    const double standard = double(count.standard) / 16.0 * book.licences.windowsServerStandardPer16Cores;
    const double datacenter = double(count.datacenter) / 16.0 * book.licences.windowsServerDatacenterPer16Cores;
    return std::min(standard, datacenter) / (book.licences.amortisationYears * 12.0);
}

int OnPremisesEstate::baselineHosts(const QList<Vm> &vms, const Scenario &scenario)
{
    const Scenario::Host &h = scenario.host;
    // One host's capacity exactly as DensityEngine computes it for the VM hosts it compares
    // against: cost and density must count the same hosts for the same VMs.
    const double ceiling = h.ceilingPct / 100.0;
    PackingProblem problem;
    problem.dimensions = 2;
    problem.capacity[0] =
        std::max<qint64>(1, qint64(std::floor(h.cores * scenario.hostVcpuPerCore(h.threadsPerCore) * ceiling + 1e-9)));
    problem.capacity[1] =
        std::max<qint64>(1, qint64(std::floor((h.memoryGiB - h.reserveGiB) * 1024.0 * ceiling + 1e-9)));
    for (const Vm &vm : vms) {
        if (!vm.isPoweredOn())
            continue;
        const qint64 vcpu = std::max(1, vm.vcpu);
        const qint64 memory =
            qint64(vm.memoryMiB) +
            qint64(std::ceil(DensityEngine::hypervisorOverheadMiB(h.hypervisorOverhead, double(vm.memoryMiB), vcpu)));
        // Today the VM runs somewhere: one larger than the host fills a host of its own.
        problem.items.push_back(
            {std::min(vcpu, problem.capacity[0]), std::min(std::max<qint64>(0, memory), problem.capacity[1]), 0, 0});
    }
    if (problem.items.empty())
        return 0;
    PackerSettings settings; // first-fit decreasing: quick for any estate, and exact for identical VMs
    settings.ffdOnly = true;
    settings.localSearch = false;
    settings.searchEffort = 0;
    settings.exactMaxItems = 0;
    settings.certifyMaxItems = 0;
    const PackOutcome packed = VectorPacker::pack(problem, settings);
    return packed.packing.bins + (h.nPlusOne ? 1 : 0);
}

EstateShares OnPremisesEstate::cost(const QList<Vm> &vms, const QList<Host> &hosts, const Scenario &scenario,
                                    const PriceBook &book)
{
    EstateShares out;
    EstateCost &c = out.cost;
    const auto &p = book.onPremises;

    // Windows Server licences per host, and which VMs share each host's licences.
    QHash<qint64, double> licenceShare;
    if (!hosts.isEmpty()) {
        c.realHosts = true;
        c.hosts = int(hosts.size());
        QHash<QString, QList<qint64>> windowsOnHost;
        for (const Vm &vm : vms) {
            if (vm.isPoweredOn() && vm.os.isWindows())
                windowsOnHost[vm.host.toLower()].append(vm.id);
        }
        for (const Host &host : hosts) {
            c.cores += host.cores;
            const QList<qint64> ids = windowsOnHost.value(host.name.toLower());
            const double licences = licencesPerMonth(host.cores, host.sockets, int(ids.size()), book);
            c.licences += licences;
            for (qint64 id : ids)
                licenceShare[id] += licences / double(ids.size());
        }
    } else {
        const Scenario::Host &baseline = scenario.host;
        c.hosts = baselineHosts(vms, scenario);
        c.cores = double(c.hosts) * baseline.cores;
        QList<qint64> windows;
        for (const Vm &vm : vms) {
            if (vm.isPoweredOn() && vm.os.isWindows())
                windows.append(vm.id);
        }
        // The Windows VMs spread evenly over the hosts, as a balanced cluster runs them.
        const int count = int(windows.size());
        for (int host = 0; host < c.hosts && count > 0; ++host) {
            const int onHost = count / c.hosts + (host < count % c.hosts ? 1 : 0);
            c.licences += licencesPerMonth(baseline.cores, baseline.sockets, onHost, book);
        }
        for (qint64 id : std::as_const(windows))
            licenceShare[id] = c.licences / double(count);
    }
    c.hardware = double(c.hosts) * p.perHostYear / 12.0;
    c.virtualisation = c.cores * p.perCoreYearVirtualisation / 12.0;

    // The hosts and their virtualisation are shared by what each VM holds of them: half by vCPU,
    // half by memory, over the VMs that run.
    double vcpu = 0, memory = 0;
    for (const Vm &vm : vms) {
        if (vm.isPoweredOn()) {
            vcpu += std::max(1, vm.vcpu);
            memory += vm.memoryMiB;
        }
    }
    const double compute = c.hardware + c.virtualisation;
    for (const Vm &vm : vms) {
        double weight = 0;
        if (vcpu > 0 && memory > 0) {
            if (vm.isPoweredOn())
                weight = 0.5 * std::max(1, vm.vcpu) / vcpu + 0.5 * vm.memoryMiB / memory;
        } else {
            weight = 1.0 / double(vms.size());
        }
        const double storage = provisionedGiB(vm) * p.perGiBYearStorage / 12.0;
        const double operations = p.perVmYearOperations / 12.0;
        c.storage += storage;
        c.operations += operations;
        out.perVm.insert(vm.id, compute * weight + licenceShare.value(vm.id) + storage + operations);
    }
    return out;
}

} // namespace landfall
