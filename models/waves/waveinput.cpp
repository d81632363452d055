#include "waveinput.h"

#include "store/projectstore.h"

namespace landfall {

std::vector<VmLink> WaveInput::linksFor(const std::vector<WaveVm> &vms, const QList<Dependency> &dependencies)
{
    QHash<qint64, int> indexOfId;
    indexOfId.reserve(qsizetype(vms.size()));
    for (size_t i = 0; i < vms.size(); ++i)
        indexOfId.insert(vms[i].id, int(i));
    std::vector<VmLink> links;
    links.reserve(size_t(dependencies.size()));
    for (const Dependency &d : dependencies) {
        if (d.sourceVmId == 0 || d.targetVmId == 0 || d.sourceVmId == d.targetVmId)
            continue;
        const auto source = indexOfId.constFind(d.sourceVmId);
        const auto target = indexOfId.constFind(d.targetVmId);
        if (source != indexOfId.cend() && target != indexOfId.cend())
            links.push_back({*source, *target, d.port});
    }
    return links;
}

WaveInput WaveInput::fromProject(const ProjectStore &store)
{
    QHash<qint64, Decision> decisions;
    for (const Decision &decision : store.decisions())
        decisions.insert(decision.vmId, decision);
    const QHash<qint64, QString> explicitGroups = store.moveGroups();

    WaveInput input;
    const QList<Vm> vms = store.vms();
    input.vms.reserve(size_t(vms.size()));
    for (const Vm &vm : vms) {
        WaveVm w;
        w.id = vm.id;
        w.name = vm.name;
        w.application = vm.application.trimmed();
        // The GUI's setting wins over a `moveGroup` column of a Landfall CSV (kept as a custom attribute).
        const auto set = explicitGroups.constFind(vm.id);
        if (set != explicitGroups.cend()) {
            w.moveGroup = set->trimmed();
        } else {
            for (auto it = vm.customAttributes.cbegin(); it != vm.customAttributes.cend(); ++it) {
                if (it.key().compare(QLatin1String("moveGroup"), Qt::CaseInsensitive) == 0)
                    w.moveGroup = it.value().trimmed();
            }
        }
        const auto decision = decisions.constFind(vm.id);
        if (decision != decisions.cend()) {
            w.path = decision->path;
            w.confidence = decision->confidence;
            w.blockers = int(decision->conditions.size());
        } else {
            w.confidence = Confidence::Low; // not classified yet: nobody knows where it goes
        }
        w.replicateGiB = (vm.usedMiB > 0 ? vm.usedMiB : vm.provisionedMiB) / 1024.0;
        input.vms.push_back(std::move(w));
    }
    input.links = linksFor(input.vms, store.dependencies());
    return input;
}

} // namespace landfall
