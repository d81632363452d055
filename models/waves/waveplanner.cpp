#include "waveplanner.h"

#include "movegroupbuilder.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <set>

namespace landfall {

namespace {

/** What ordering needs to know of a group. */
struct GroupFacts {
    int category = 1;   ///< 0 every moving member retired, 1 no blockers, 2 blockers
    int confidence = 0; ///< the worst member's: 0 high, 1 medium, 2 low
    int links = 0;      ///< dependencies on and from other groups
};

int confidenceRank(Confidence confidence)
{
    switch (confidence) {
    case Confidence::High:
        return 0;
    case Confidence::Medium:
        return 1;
    case Confidence::Low:
        break;
    }
    return 2;
}

/** Counts days that are not blackout days from `first`: the last of `days` such days. */
QDate afterWorkingDays(QDate first, int days, const std::set<QDate> &blackouts)
{
    QDate day = first;
    int counted = 0;
    for (;;) {
        if (!blackouts.count(day) && ++counted >= days)
            return day;
        day = day.addDays(1);
    }
}

QDate nextWorkingDay(QDate day, const std::set<QDate> &blackouts)
{
    while (blackouts.count(day))
        day = day.addDays(1);
    return day;
}

/** Tarjan's strongly connected components, without recursion: each node's component number. */
std::vector<int> stronglyConnected(const std::vector<std::vector<int>> &out)
{
    const size_t n = out.size();
    std::vector<int> index(n, -1), low(n, 0), component(n, -1);
    std::vector<int> stack;
    std::vector<bool> onStack(n, false);
    int nextIndex = 0;
    int components = 0;
    std::vector<std::pair<int, size_t>> calls;
    for (size_t root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        calls.push_back({int(root), 0});
        while (!calls.empty()) {
            auto &[node, next] = calls.back();
            const size_t v = size_t(node);
            if (next == 0 && index[v] < 0) {
                index[v] = low[v] = nextIndex++;
                stack.push_back(node);
                onStack[v] = true;
            }
            if (next < out[v].size()) {
                const int w = out[v][next++];
                if (index[size_t(w)] < 0)
                    calls.push_back({w, 0});
                else if (onStack[size_t(w)])
                    low[v] = std::min(low[v], index[size_t(w)]);
                continue;
            }
            if (low[v] == index[v]) {
                int w = -1;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[size_t(w)] = false;
                    component[size_t(w)] = components;
                } while (w != node);
                ++components;
            }
            calls.pop_back();
            if (!calls.empty()) {
                const size_t parent = size_t(calls.back().first);
                low[parent] = std::min(low[parent], low[v]);
            }
        }
    }
    return component;
}

} // namespace

WavePlan WavePlanner::plan(const WaveInput &input, const WaveParameters &parameters, const QHash<QString, int> &pins)
{
    WavePlan plan;
    plan.parameters = parameters;
    MoveGroupBuilder::build(input, parameters, plan);
    const size_t groupCount = plan.groups.size();

    // Sizes and facts of each group; retained members stay where they are and count for nothing.
    std::vector<GroupFacts> facts(groupCount);
    for (size_t g = 0; g < groupCount; ++g) {
        MoveGroup &group = plan.groups[g];
        bool allRetired = true;
        bool blockers = false;
        for (const int member : group.members) {
            const WaveVm &vm = input.vms[size_t(member)];
            if (vm.path == MigrationPath::Retain) {
                ++plan.retainedVms;
                continue;
            }
            ++group.movingVms;
            if (vm.path != MigrationPath::Retire)
                group.tib += vm.replicateGiB / 1024.0; // a retired VM is switched off, not copied
            allRetired = allRetired && vm.path == MigrationPath::Retire;
            blockers = blockers || vm.blockers > 0;
            facts[g].confidence = std::max(facts[g].confidence, confidenceRank(vm.confidence));
        }
        facts[g].category = allRetired ? 0 : (blockers ? 2 : 1);
    }
    const auto moving = [&](int vm) { return input.vms[size_t(vm)].path != MigrationPath::Retain; };
    // A retired VM is switched off, not moved: its links order nothing (and are reported below).
    const auto ordered = [&](int vm) {
        const MigrationPath path = input.vms[size_t(vm)].path;
        return path != MigrationPath::Retain && path != MigrationPath::Retire;
    };

    // Group dependencies: client group -> server groups it depends on, each pair once.
    std::vector<quint64> edges;
    edges.reserve(input.links.size());
    for (const VmLink &link : input.links) {
        const int from = plan.groupOfVm[size_t(link.source)];
        const int to = plan.groupOfVm[size_t(link.target)];
        if (from != to && ordered(link.source) && ordered(link.target))
            edges.push_back((quint64(quint32(from)) << 32) | quint32(to));
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<int> waitingOn(groupCount, 0);            // servers not placed yet
    std::vector<int> waitingOutside(groupCount, 0);       // of those, servers outside the group's cycle
    std::vector<std::vector<int>> dependents(groupCount); // server -> clients
    std::vector<std::vector<int>> servers(groupCount);    // client -> servers
    for (const quint64 edge : edges) {
        const int from = int(edge >> 32);
        const int to = int(edge & 0xffffffffu);
        ++waitingOn[size_t(from)];
        dependents[size_t(to)].push_back(from);
        servers[size_t(from)].push_back(to);
        ++facts[size_t(from)].links;
        ++facts[size_t(to)].links;
    }
    // Dependency cycles (strongly connected groups): when nothing else can move, a group of a
    // cycle whose other servers have all moved goes first, so only links inside a cycle break.
    const std::vector<int> cycle = stronglyConnected(servers);
    for (const quint64 edge : edges) {
        const int from = int(edge >> 32);
        const int to = int(edge & 0xffffffffu);
        if (cycle[size_t(from)] != cycle[size_t(to)])
            ++waitingOutside[size_t(from)];
    }

    // The order of preference: retired, then pilots (least risky first), then blocked.
    std::vector<int> order;
    for (size_t g = 0; g < groupCount; ++g) {
        if (plan.groups[g].movingVms > 0)
            order.push_back(int(g));
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const GroupFacts &fa = facts[size_t(a)];
        const GroupFacts &fb = facts[size_t(b)];
        return std::tuple(fa.category, fa.confidence, fa.links, plan.groups[size_t(a)].movingVms, a) <
               std::tuple(fb.category, fb.confidence, fb.links, plan.groups[size_t(b)].movingVms, b);
    });
    std::vector<int> rank(groupCount, 0);
    for (size_t i = 0; i < order.size(); ++i)
        rank[size_t(order[i])] = int(i);

    // Pinned groups are in their wave from the start; they free their dependents when the
    // planner reaches that wave (or earlier, when nothing else can move).
    const int maxVms = parameters.maxVms;
    const double maxTiB = parameters.tibPerWave();
    QMap<int, std::vector<int>> pinnedByWave;
    for (const int g : order) {
        const auto pin = pins.constFind(plan.groups[size_t(g)].name);
        if (pin != pins.cend() && *pin >= 1) {
            plan.groups[size_t(g)].wave = *pin;
            plan.groups[size_t(g)].pinned = true;
            pinnedByWave[*pin].push_back(g);
        }
    }
    std::vector<int> waveVms;
    std::vector<double> waveTiB;
    const auto load = [&](int wave) {
        if (int(waveVms.size()) < wave) {
            waveVms.resize(size_t(wave), 0);
            waveTiB.resize(size_t(wave), 0);
        }
    };
    for (auto it = pinnedByWave.cbegin(); it != pinnedByWave.cend(); ++it) {
        load(it.key());
        for (const int g : it.value()) {
            waveVms[size_t(it.key() - 1)] += plan.groups[size_t(g)].movingVms;
            waveTiB[size_t(it.key() - 1)] += plan.groups[size_t(g)].tib;
        }
    }

    std::set<std::pair<int, int>> ready;         // (rank, group)
    std::set<std::pair<int, int>> cycleBreakers; // waiting only on groups of their own cycle
    std::vector<bool> placed(groupCount, false);
    const auto release = [&](int g) {
        placed[size_t(g)] = true;
        for (const int client : dependents[size_t(g)]) {
            if (placed[size_t(client)] || plan.groups[size_t(client)].pinned)
                continue;
            if (--waitingOn[size_t(client)] == 0) {
                ready.insert({rank[size_t(client)], client});
                cycleBreakers.erase({rank[size_t(client)], client});
            }
            if (cycle[size_t(client)] != cycle[size_t(g)] && --waitingOutside[size_t(client)] == 0 &&
                waitingOn[size_t(client)] > 0)
                cycleBreakers.insert({rank[size_t(client)], client});
        }
    };
    for (const int g : order) {
        if (plan.groups[size_t(g)].pinned)
            continue;
        if (waitingOn[size_t(g)] == 0)
            ready.insert({rank[size_t(g)], g});
        else if (waitingOutside[size_t(g)] == 0)
            cycleBreakers.insert({rank[size_t(g)], g});
    }
    const auto releasePins = [&](int wave) {
        const auto it = pinnedByWave.find(wave);
        if (it == pinnedByWave.end())
            return;
        const std::vector<int> groups = it.value();
        pinnedByWave.erase(it);
        for (const int g : groups)
            release(g);
    };

    constexpr int kCandidates = 64; // the ready groups tried for the room left in a wave
    size_t remaining = 0;
    for (const int g : order)
        remaining += plan.groups[size_t(g)].pinned ? 0 : 1;
    size_t nextInOrder = 0;
    int wave = 1;
    releasePins(wave);
    while (remaining > 0) {
        if (ready.empty()) {
            if (!pinnedByWave.isEmpty()) { // everything left waits for a pinned group of a later wave
                releasePins(pinnedByWave.firstKey());
                continue;
            }
            // A dependency cycle: its most preferred group goes first, the links it breaks are listed.
            while (!cycleBreakers.empty() && placed[size_t(cycleBreakers.begin()->second)])
                cycleBreakers.erase(cycleBreakers.begin());
            if (!cycleBreakers.empty()) {
                ready.insert(*cycleBreakers.begin());
                cycleBreakers.erase(cycleBreakers.begin());
            } else { // not reached: some cycle always has every outside server placed
                while (placed[size_t(order[nextInOrder])] || plan.groups[size_t(order[nextInOrder])].pinned)
                    ++nextInOrder;
                ready.insert({rank[size_t(order[nextInOrder])], order[nextInOrder]});
            }
        }
        load(wave);
        int chosen = -1;
        int tried = 0;
        const MoveGroup &top = plan.groups[size_t(ready.begin()->second)];
        if (waveVms[size_t(wave - 1)] == 0 && (top.movingVms > maxVms || top.tib > maxTiB + 1e-9))
            tried = kCandidates; // the next group is larger than any wave: it goes alone, now
        for (auto it = ready.begin(); it != ready.end() && tried < kCandidates; ++it, ++tried) {
            const MoveGroup &group = plan.groups[size_t(it->second)];
            if (waveVms[size_t(wave - 1)] + group.movingVms <= maxVms &&
                waveTiB[size_t(wave - 1)] + group.tib <= maxTiB + 1e-9) {
                chosen = it->second;
                ready.erase(it);
                break;
            }
        }
        if (chosen < 0) {
            if (waveVms[size_t(wave - 1)] > 0) { // full: the next wave
                ++wave;
                releasePins(wave);
                continue;
            }
            chosen = ready.begin()->second; // larger than a wave: alone in this one
            ready.erase(ready.begin());
            plan.groups[size_t(chosen)].oversized = true;
        }
        MoveGroup &group = plan.groups[size_t(chosen)];
        group.wave = wave;
        waveVms[size_t(wave - 1)] += group.movingVms;
        waveTiB[size_t(wave - 1)] += group.tib;
        --remaining;
        release(chosen);
        if (group.oversized) {
            ++wave;
            releasePins(wave);
        }
    }

    // The waves, with their dates: a wave lasts waveDays working days, or as long as its data takes.
    int waveCount = 0;
    for (const int g : order)
        waveCount = std::max(waveCount, plan.groups[size_t(g)].wave);
    plan.waves.resize(size_t(waveCount));
    for (int w = 0; w < waveCount; ++w)
        plan.waves[size_t(w)].number = w + 1;
    for (const int g : order) { // in order of preference, so each wave lists its pilots first
        const MoveGroup &group = plan.groups[size_t(g)];
        Wave &w = plan.waves[size_t(group.wave - 1)];
        w.groups.push_back(g);
        w.vms += group.movingVms;
        w.tib += group.tib;
    }
    const std::set<QDate> blackouts(parameters.blackoutDates.cbegin(), parameters.blackoutDates.cend());
    QDate day = nextWorkingDay(parameters.effectiveStart(), blackouts);
    for (Wave &w : plan.waves) {
        int days = parameters.waveDays;
        if (parameters.bandwidthGBPerDay > 0)
            days = std::max(days, int(std::ceil(w.tib * 1024.0 / parameters.bandwidthGBPerDay - 1e-9)));
        w.start = day;
        w.end = afterWorkingDays(day, days, blackouts);
        day = nextWorkingDay(w.end.addDays(1), blackouts);
        w.overLimit = w.vms > maxVms || w.tib > maxTiB + 1e-9;
        if (!w.overLimit)
            continue;
        const QString size = QStringLiteral("%1 VMs and %2 TiB, of at most %3 VMs and %4 TiB")
                                 .arg(w.vms)
                                 .arg(w.tib, 0, 'f', 2)
                                 .arg(maxVms)
                                 .arg(maxTiB, 0, 'f', 2);
        if (w.groups.size() == 1) {
            plan.groups[size_t(w.groups.front())].oversized = true;
            plan.issues.append(QStringLiteral("group %1 is larger than a wave (%2): it is wave %3 on its own")
                                   .arg(plan.groups[size_t(w.groups.front())].name, size)
                                   .arg(w.number));
        } else {
            plan.issues.append(QStringLiteral("wave %1 is over its limit: %2").arg(w.number).arg(size));
        }
    }

    // Links across waves, and the groups that move before what they depend on.
    QMap<std::pair<int, int>, int> broken; // (client, server) -> links
    QMap<int, int> stillUsed;              // retired group -> connections from VMs that are not retired
    for (size_t l = 0; l < input.links.size(); ++l) {
        const VmLink &link = input.links[l];
        if (input.vms[size_t(link.target)].path == MigrationPath::Retire && ordered(link.source) &&
            facts[size_t(plan.groupOfVm[size_t(link.target)])].category == 0)
            ++stillUsed[plan.groupOfVm[size_t(link.target)]];
        if (!ordered(link.source) || !ordered(link.target))
            continue;
        const int from = plan.groupOfVm[size_t(link.source)];
        const int to = plan.groupOfVm[size_t(link.target)];
        const int fromWave = plan.groups[size_t(from)].wave;
        const int toWave = plan.groups[size_t(to)].wave;
        if (fromWave == toWave)
            continue;
        plan.crossWave.push_back({int(l), from, to, fromWave, toWave});
        if (fromWave < toWave)
            ++broken[{from, to}];
    }
    for (auto it = broken.cbegin(); it != broken.cend(); ++it) {
        const MoveGroup &client = plan.groups[size_t(it.key().first)];
        const MoveGroup &server = plan.groups[size_t(it.key().second)];
        plan.issues.append(QStringLiteral("group %1 (wave %2) moves before group %3 (wave %4), which it depends on "
                                          "over %5 connection(s)")
                               .arg(client.name)
                               .arg(client.wave)
                               .arg(server.name)
                               .arg(server.wave)
                               .arg(it.value()));
    }
    for (auto it = stillUsed.cbegin(); it != stillUsed.cend(); ++it) {
        const MoveGroup &group = plan.groups[size_t(it.key())];
        plan.issues.append(QStringLiteral("group %1 is retired in wave %2, but %3 connection(s) from VMs that move "
                                          "still reach it")
                               .arg(group.name)
                               .arg(group.wave)
                               .arg(it.value()));
    }
    return plan;
}

} // namespace landfall
