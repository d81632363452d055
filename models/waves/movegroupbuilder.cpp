#include "movegroupbuilder.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace landfall {

namespace {

/** Union-find over VM indices, by size with path halving: near-constant per operation at 100,000 VMs. */
class DisjointSets {
public:
    explicit DisjointSets(size_t count)
        : m_parent(count)
        , m_size(count, 1)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int x)
    {
        while (m_parent[size_t(x)] != x) {
            m_parent[size_t(x)] = m_parent[size_t(m_parent[size_t(x)])];
            x = m_parent[size_t(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_size[size_t(a)] < m_size[size_t(b)])
            std::swap(a, b);
        m_parent[size_t(b)] = a;
        m_size[size_t(a)] += m_size[size_t(b)];
    }

private:
    std::vector<int> m_parent;
    std::vector<int> m_size;
};

quint64 pairKey(int a, int b)
{
    if (a > b)
        std::swap(a, b);
    return (quint64(quint32(a)) << 32) | quint32(b);
}

QString joinedNames(const QStringList &names)
{
    constexpr int kShown = 3;
    if (names.size() <= kShown)
        return names.join(QLatin1String(" + "));
    return names.mid(0, kShown).join(QLatin1String(" + ")) + QStringLiteral(" + %1 more").arg(names.size() - kShown);
}

} // namespace

void MoveGroupBuilder::build(const WaveInput &input, const WaveParameters &parameters, WavePlan &plan)
{
    const size_t n = input.vms.size();
    DisjointSets sets(n);

    // 1. The consultant's explicit groups: fixed, nothing else joins them.
    std::vector<bool> fixed(n, false);
    QHash<QString, int> firstOfGroup;
    for (size_t i = 0; i < n; ++i) {
        if (input.vms[i].moveGroup.isEmpty())
            continue;
        fixed[i] = true;
        const QString key = input.vms[i].moveGroup.toCaseFolded();
        const auto it = firstOfGroup.constFind(key);
        if (it == firstOfGroup.cend())
            firstOfGroup.insert(key, int(i));
        else
            sets.unite(*it, int(i));
    }

    // 2. The application answer.
    std::vector<int> applicationOf(n, -1); // index of the application's first VM
    QHash<QString, int> firstOfApplication;
    for (size_t i = 0; i < n; ++i) {
        if (fixed[i] || input.vms[i].application.isEmpty())
            continue;
        const QString key = input.vms[i].application.toCaseFolded();
        const auto it = firstOfApplication.constFind(key);
        if (it == firstOfApplication.cend()) {
            firstOfApplication.insert(key, int(i));
            applicationOf[i] = int(i);
        } else {
            applicationOf[i] = *it;
            sets.unite(*it, int(i));
        }
    }

    // Distinct neighbours of each VM, to tell shared infrastructure from a member of a group.
    std::vector<quint64> pairs;
    pairs.reserve(input.links.size());
    for (const VmLink &link : input.links) {
        if (link.source != link.target)
            pairs.push_back(pairKey(link.source, link.target));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<int> fanOut(n, 0);
    for (const quint64 key : pairs) {
        ++fanOut[size_t(key >> 32)];
        ++fanOut[size_t(key & 0xffffffffu)];
    }
    const auto shared = [&](int vm) { return fanOut[size_t(vm)] > parameters.sharedServiceFanOut; };
    const auto unassigned = [&](int vm) { return !fixed[size_t(vm)] && applicationOf[size_t(vm)] < 0; };

    // 3. Dependencies: a VM without an application joins the one application it talks to...
    std::vector<int> joinedApplication(n, -1); // -1 none seen, -2 several
    for (const quint64 key : pairs) {
        const int a = int(key >> 32);
        const int b = int(key & 0xffffffffu);
        for (const auto &[loose, other] : {std::pair{a, b}, std::pair{b, a}}) {
            if (!unassigned(loose) || shared(loose) || applicationOf[size_t(other)] < 0)
                continue;
            int &joined = joinedApplication[size_t(loose)];
            if (joined == -1)
                joined = applicationOf[size_t(other)];
            else if (joined != applicationOf[size_t(other)])
                joined = -2;
        }
    }
    std::vector<bool> joinedByLink(n, false);
    for (size_t i = 0; i < n; ++i) {
        if (joinedApplication[i] >= 0) {
            sets.unite(joinedApplication[i], int(i));
            joinedByLink[i] = true;
        }
    }
    // ... and VMs without one that talk to each other move together.
    for (const quint64 key : pairs) {
        const int a = int(key >> 32);
        const int b = int(key & 0xffffffffu);
        if (unassigned(a) && unassigned(b) && !joinedByLink[size_t(a)] && !joinedByLink[size_t(b)] && !shared(a) &&
            !shared(b))
            sets.unite(a, b);
    }

    // 4. Strong links across applications: enough connections between two of them make one group.
    std::vector<bool> hasApplication(n, false);
    for (size_t i = 0; i < n; ++i) {
        if (applicationOf[i] >= 0)
            hasApplication[size_t(sets.find(int(i)))] = true;
    }
    if (parameters.strongLinkThreshold > 0) {
        std::vector<quint64> between;
        for (const VmLink &link : input.links) {
            if (fixed[size_t(link.source)] || fixed[size_t(link.target)] || shared(link.source) || shared(link.target))
                continue;
            const int a = sets.find(link.source);
            const int b = sets.find(link.target);
            if (a != b && hasApplication[size_t(a)] && hasApplication[size_t(b)])
                between.push_back(pairKey(a, b));
        }
        std::sort(between.begin(), between.end());
        for (size_t i = 0; i < between.size();) {
            size_t j = i;
            while (j < between.size() && between[j] == between[i])
                ++j;
            if (int(j - i) >= parameters.strongLinkThreshold)
                sets.unite(int(between[i] >> 32), int(between[i] & 0xffffffffu));
            i = j;
        }
    }

    // 5. The groups, in the order of their first VM, each with its reason.
    plan.groups.clear();
    plan.groupOfVm.assign(n, -1);
    std::vector<int> groupOfRoot(n, -1);
    for (size_t i = 0; i < n; ++i) {
        const int root = sets.find(int(i));
        int &group = groupOfRoot[size_t(root)];
        if (group < 0) {
            group = int(plan.groups.size());
            plan.groups.emplace_back();
        }
        plan.groupOfVm[i] = group;
        plan.groups[size_t(group)].members.push_back(int(i));
    }
    QSet<QString> taken;
    for (MoveGroup &group : plan.groups) {
        const WaveVm &first = input.vms[size_t(group.members.front())];
        QStringList applications;
        QSet<QString> seenApplications;
        bool linked = false;
        for (const int member : group.members) {
            const WaveVm &vm = input.vms[size_t(member)];
            linked = linked || joinedByLink[size_t(member)] || vm.application.isEmpty();
            if (!vm.application.isEmpty() && !seenApplications.contains(vm.application.toCaseFolded())) {
                seenApplications.insert(vm.application.toCaseFolded());
                applications.append(vm.application);
            }
        }
        if (fixed[size_t(group.members.front())]) {
            group.reason = MoveGroup::Reason::MoveGroup;
            group.name = first.moveGroup;
            group.reasonText = QStringLiteral("the consultant's move group");
        } else if (applications.size() > 1) {
            group.reason = MoveGroup::Reason::StrongLinks;
            group.name = joinedNames(applications);
            group.reasonText = QStringLiteral("applications with at least %1 connections between them")
                                   .arg(parameters.strongLinkThreshold);
        } else if (applications.size() == 1) {
            group.name = applications.constFirst();
            group.reason = linked ? MoveGroup::Reason::Dependencies : MoveGroup::Reason::Application;
            group.reasonText =
                linked
                    ? QStringLiteral("application %1 and the VMs that talk only to it").arg(applications.constFirst())
                    : QStringLiteral("application %1").arg(applications.constFirst());
        } else if (group.members.size() > 1) {
            group.reason = MoveGroup::Reason::Dependencies;
            group.name = QStringLiteral("%1 and %2 linked").arg(first.name).arg(group.members.size() - 1);
            group.reasonText = QStringLiteral("VMs without an application that talk to each other");
        } else {
            group.reason = MoveGroup::Reason::Alone;
            group.name = first.name;
            group.reasonText = QStringLiteral("no group, application or dependency binds it");
        }
        // Names identify groups (pins are kept by name): make the rare clash unique.
        QString unique = group.name;
        for (int suffix = 2; taken.contains(unique.toCaseFolded()); ++suffix)
            unique = group.name + QStringLiteral(" (%1)").arg(suffix);
        group.name = unique;
        taken.insert(unique.toCaseFolded());
    }
}

} // namespace landfall
