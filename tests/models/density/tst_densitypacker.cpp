// The packers and bounds: hand-computed lower bounds, small packings whose optimum is known, and
// a property test over random instances.
#include "density/arcflowsolver.h"
#include "density/consistentsearch.h"
#include "density/demandmodel.h"
#include "density/densityengine.h"
#include "density/dominancetree.h"
#include "density/exactpacker.h"
#include "density/ffdpacker.h"
#include "density/itemindex.h"
#include "density/lowerbounds.h"
#include "density/mixedsizepacker.h"
#include "density/vectorpacker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <array>
#include <functional>
#include <random>

using namespace landfall;

namespace {

PackingProblem oneDimension(qint64 capacity, const QList<qint64> &sizes)
{
    PackingProblem p;
    p.dimensions = 1;
    p.capacity = {capacity, 0, 0, 0};
    for (qint64 s : sizes)
        p.items.push_back({s, 0, 0, 0});
    return p;
}

PackingProblem twoDimensions(qint64 cpu, qint64 memory, const QList<std::pair<qint64, qint64>> &sizes)
{
    PackingProblem p;
    p.dimensions = 2;
    p.capacity = {cpu, memory, 0, 0};
    for (const auto &[c, m] : sizes)
        p.items.push_back({c, m, 0, 0});
    return p;
}

/** K bins filled exactly: each bin's capacity split into 2-6 parts per dimension, independently. */
PackingProblem perfect(int bins, int dims, quint32 seed)
{
    std::mt19937 random(seed);
    PackingProblem p;
    p.dimensions = dims;
    p.capacity = {8000, 32768, 16, 102400};
    for (int b = 0; b < bins; ++b) {
        const int parts = std::uniform_int_distribution<int>(2, 6)(random);
        std::vector<PackingProblem::Vector> items(parts, PackingProblem::Vector{});
        for (int d = 0; d < dims; ++d) {
            std::vector<qint64> cuts{0, p.capacity[d]};
            while (int(cuts.size()) < parts + 1) {
                const qint64 cut = std::uniform_int_distribution<qint64>(1, p.capacity[d] - 1)(random);
                if (std::find(cuts.begin(), cuts.end(), cut) == cuts.end())
                    cuts.push_back(cut);
            }
            std::sort(cuts.begin(), cuts.end());
            for (int i = 0; i < parts; ++i)
                items[i][d] = cuts[i + 1] - cuts[i];
            std::shuffle(items.begin(), items.end(), random);
        }
        p.items.insert(p.items.end(), items.begin(), items.end());
    }
    std::shuffle(p.items.begin(), p.items.end(), random);
    return p;
}

/** Every item in exactly one bin, no bin over capacity in any dimension, no bin empty. */
QString checkPacking(const PackingProblem &p, const Packing &packing)
{
    if (int(packing.binOf.size()) != p.itemCount())
        return QStringLiteral("not every item placed");
    std::vector<PackingProblem::Vector> load(packing.bins, PackingProblem::Vector{});
    std::vector<int> count(packing.bins, 0);
    for (int i = 0; i < p.itemCount(); ++i) {
        const int bin = packing.binOf[i];
        if (bin < 0 || bin >= packing.bins)
            return QStringLiteral("item %1 in bin %2 of %3").arg(i).arg(bin).arg(packing.bins);
        ++count[bin];
        for (int d = 0; d < p.dimensions; ++d)
            load[bin][d] += p.items[i][d];
    }
    for (int b = 0; b < packing.bins; ++b) {
        if (count[b] == 0)
            return QStringLiteral("bin %1 empty").arg(b);
        for (int d = 0; d < p.dimensions; ++d)
            if (load[b][d] > p.capacity[d])
                return QStringLiteral("bin %1 over in dimension %2").arg(b).arg(d);
    }
    return {};
}

/** The optimum by enumerating every partition of the items into bins (restricted growth
    strings): independent of the packers, for small n only. */
int bruteForceOptimum(const PackingProblem &p)
{
    const int n = p.itemCount();
    int best = n;
    std::vector<PackingProblem::Vector> rooms;
    std::function<void(int)> assign = [&](int item) {
        if (int(rooms.size()) >= best)
            return;
        if (item == n) {
            best = int(rooms.size());
            return;
        }
        const PackingProblem::Vector &size = p.items[item];
        // By index: the recursion pushes onto `rooms`, which may move it.
        for (size_t b = 0; b < rooms.size(); ++b) {
            if (!p.fits(rooms[b], size))
                continue;
            for (int d = 0; d < p.dimensions; ++d)
                rooms[b][d] -= size[d];
            assign(item + 1);
            for (int d = 0; d < p.dimensions; ++d)
                rooms[b][d] += size[d];
        }
        PackingProblem::Vector room = p.capacity;
        for (int d = 0; d < p.dimensions; ++d)
            room[d] -= size[d];
        rooms.push_back(room);
        assign(item + 1);
        rooms.pop_back();
    };
    assign(0);
    return n == 0 ? 0 : best;
}

/** Falkenauer's triplets in `dims` dimensions: every bin of 1000 filled exactly by three items. */
PackingProblem triplets(int count, int dims, quint32 seed)
{
    std::mt19937 random(seed);
    PackingProblem p;
    p.dimensions = dims;
    p.capacity = {1000, 1000, 0, 0};
    for (int t = 0; t < count; ++t) {
        std::array<PackingProblem::Vector, 3> items{};
        for (int d = 0; d < dims; ++d) {
            const qint64 first = std::uniform_int_distribution<qint64>(380, 490)(random);
            const qint64 second = std::uniform_int_distribution<qint64>(251, (1000 - first) / 2)(random);
            std::array<qint64, 3> parts{first, second, 1000 - first - second};
            std::shuffle(parts.begin(), parts.end(), random);
            for (int k = 0; k < 3; ++k)
                items[k][d] = parts[k];
        }
        p.items.insert(p.items.end(), items.begin(), items.end());
    }
    std::shuffle(p.items.begin(), p.items.end(), random);
    return p;
}

} // namespace

Q_DECLARE_METATYPE(landfall::PackingProblem)

/** Checks bounds and packers against known optima and invariants. */
class TestDensityPacker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lowerBounds_data();
    void lowerBounds();
    void dualFeasibleBounds_data();
    void dualFeasibleBounds();
    void matchesBruteForce();
    void arcFlowMatchesBruteForce();
    void arcFlowSettlesUniformClass_data();
    void arcFlowSettlesUniformClass();
    void arcFlowNotForSeveralBindingDimensions();
    void mixedSizesMatchBruteForce();
    void mixedSizesInTheEngine();
    void consistentSearchFillsExactBins_data();
    void consistentSearchFillsExactBins();
    void certificateText();
    void knownOptimum_data();
    void knownOptimum();
    void exactFindsWhatFfdMisses();
    void nearOptimumOnPerfectInstances();
    void deterministic();
    void dominanceTreeMatchesBruteForce();
    void itemIndexFindsFittingItems();
    void randomInstances();
    void engineProperty();
};

void TestDensityPacker::lowerBounds_data()
{
    QTest::addColumn<PackingProblem>("problem");
    QTest::addColumn<int>("l1");
    QTest::addColumn<int>("l2");
    QTest::addColumn<int>("limiting");
    // Sum 24 / 10 -> L1 3; all four > C/2 -> L2 4.
    QTest::newRow("four over half") << oneDimension(10, {6, 6, 6, 6}) << 3 << 4 << 0;
    // Sum 303 -> L1 4; alpha = 50: three 51s alone, three 50s need 2 bins -> L2 5.
    QTest::newRow("51s and 50s") << oneDimension(100, {51, 51, 51, 50, 50, 50}) << 4 << 5 << 0;
    // Sum 36 -> L1 4; alpha = 3: three 7s (room 9), six 3s = 18 -> 3 + ceil(9/10) = 4.
    QTest::newRow("7s and 3s") << oneDimension(10, {7, 7, 7, 3, 3, 3, 3, 3, 3}) << 4 << 4 << 0;
    // CPU sum 12 / 10 -> 2, memory 30 / 10 -> 3, and memory items 6,6,6 are > C/2 -> L2 3 on memory.
    QTest::newRow("memory limits") << twoDimensions(10, 10, {{4, 6}, {4, 6}, {4, 6}, {0, 4}, {0, 4}, {0, 4}}) << 3 << 3
                                   << 1;
    // CPU: 5 items of 6 -> L2 5 though L1 is 3.
    QTest::newRow("cpu limits") << twoDimensions(10, 100, {{6, 1}, {6, 1}, {6, 1}, {6, 1}, {6, 1}}) << 3 << 5 << 0;
}

void TestDensityPacker::lowerBounds()
{
    QFETCH(PackingProblem, problem);
    QFETCH(int, l1);
    QFETCH(int, l2);
    QFETCH(int, limiting);
    const LowerBound bound = LowerBounds::compute(problem);
    QCOMPARE(bound.l1, l1);
    QCOMPARE(bound.l2, l2);
    QCOMPARE(bound.value(), std::max(l1, l2));
    QCOMPARE(bound.limitingDimension, limiting);
}

void TestDensityPacker::dualFeasibleBounds_data()
{
    QTest::addColumn<PackingProblem>("problem");
    QTest::addColumn<int>("dff");
    QTest::addColumn<int>("optimum");
    // Five 4s in bins of 10: L1 and L2 say 2, but only two fit a bin; u^(2) maps each 4 to half
    // a bin and proves 3.
    QTest::newRow("five 4s") << oneDimension(10, {4, 4, 4, 4, 4}) << 3 << 3;
    // Seven 35s in bins of 100: L1 3, L2 3; two per bin -> 4. u^(2) maps 35 to 50.
    QTest::newRow("seven 35s") << oneDimension(100, {35, 35, 35, 35, 35, 35, 35}) << 4 << 4;
    // Nothing to gain where L1 is tight.
    QTest::newRow("exact halves") << oneDimension(10, {5, 5, 5, 5}) << 2 << 2;
}

void TestDensityPacker::dualFeasibleBounds()
{
    QFETCH(PackingProblem, problem);
    QFETCH(int, dff);
    QFETCH(int, optimum);
    std::vector<qint64> sizes;
    for (const auto &item : problem.items)
        sizes.push_back(item[0]);
    QCOMPARE(LowerBounds::dualFeasible(sizes, problem.capacity[0]), dff);
    const LowerBound bound = LowerBounds::compute(problem);
    QCOMPARE(bound.value(), dff);
    QCOMPARE(bruteForceOptimum(problem), optimum);
    QCOMPARE(VectorPacker::pack(problem).packing.bins, optimum);
}

void TestDensityPacker::matchesBruteForce()
{
    // Small random instances, sizes drawn so that bins hold two to four items: the packer is
    // exact there, and every bound (L1, L2, dual feasible) is at most the brute-force optimum.
    std::mt19937 random(2020);
    for (int round = 0; round < 400; ++round) {
        PackingProblem p;
        p.dimensions = 1 + round % 3;
        for (int d = 0; d < p.dimensions; ++d)
            p.capacity[d] = std::uniform_int_distribution<qint64>(10, 120)(random);
        const int n = std::uniform_int_distribution<int>(1, 9)(random);
        for (int i = 0; i < n; ++i) {
            PackingProblem::Vector item{};
            for (int d = 0; d < p.dimensions; ++d)
                item[d] = std::uniform_int_distribution<qint64>(p.capacity[d] / 6, p.capacity[d] * 3 / 4)(random);
            p.items.push_back(item);
        }
        const int optimum = bruteForceOptimum(p);
        const PackOutcome outcome = VectorPacker::pack(p);
        const QString text = QStringLiteral("round %1: ").arg(round);
        QCOMPARE(text + checkPacking(p, outcome.packing), text);
        QVERIFY2(outcome.bound.l1 <= optimum && outcome.bound.l2 <= optimum, qPrintable(text));
        QVERIFY2(outcome.bound.dff <= optimum, qPrintable(text + QString::number(outcome.bound.dff)));
        QCOMPARE(outcome.packing.bins, optimum);
        QVERIFY2(outcome.packing.provedOptimal, qPrintable(text));
        // The search alone, from FFD, never returns more bins than it started with, nor an
        // infeasible packing, nor fewer bins than the optimum.
        const Packing ffd = FfdPacker::pack(p);
        const Packing improved = ConsistentSearch::improve(p, ffd, outcome.bound.value(), 200'000);
        QCOMPARE(text + checkPacking(p, improved), text);
        QVERIFY2(improved.bins <= ffd.bins && improved.bins >= optimum, qPrintable(text));
    }
}

void TestDensityPacker::arcFlowMatchesBruteForce()
{
    // Small 1-D instances (some with a second dimension that never binds, some with empty
    // items): the arc-flow LP bound is never above the brute-force optimum; with the integer
    // program allowed to finish, the outcome is the optimum, proven; every packing is feasible.
    std::mt19937 random(1999);
    for (int round = 0; round < 300; ++round) {
        PackingProblem p;
        p.dimensions = 1 + round % 2;
        p.capacity = {std::uniform_int_distribution<qint64>(10, 150)(random), 1000, 0, 0};
        const int n = std::uniform_int_distribution<int>(1, 9)(random);
        for (int i = 0; i < n; ++i) {
            const qint64 size =
                round % 7 == 0 && i == 0
                    ? 0
                    : std::uniform_int_distribution<qint64>(p.capacity[0] / 8 + 1, p.capacity[0] * 3 / 4)(random);
            p.items.push_back({size, p.dimensions == 2 ? qint64(1000 / n) : 0, 0, 0});
        }
        const int optimum = bruteForceOptimum(p);
        const QString text = QStringLiteral("round %1: ").arg(round);
        const Packing ffd = FfdPacker::pack(p);
        ArcFlowSolver::Limits limits;
        limits.nodeLimit = 100'000;
        // The rounded LP's leftovers go to plain FFD, so the integer program has work to do.
        const auto residual = [](const PackingProblem &rest) { return FfdPacker::pack(rest); };
        const ArcFlowSolver::Outcome outcome = ArcFlowSolver::solve(p, ffd.bins, 0, limits, residual);
        if (ArcFlowSolver::bindingDimension(p) < 0) {
            QCOMPARE(optimum, 1); // everything fits into one bin: nothing for the model to do
            QVERIFY(!outcome.applicable);
            continue;
        }
        QVERIFY2(outcome.applicable, qPrintable(text));
        QVERIFY2(outcome.lpBound <= optimum, qPrintable(text + QString::number(outcome.lpBound)));
        const Packing best = outcome.better ? *outcome.better : ffd;
        QCOMPARE(text + checkPacking(p, best), text);
        QVERIFY2(outcome.provedOptimal, qPrintable(text));
        QCOMPARE(best.bins, optimum);
        // The whole packer, with the arc flow in its place, agrees.
        const PackOutcome packed = VectorPacker::pack(p);
        QCOMPARE(packed.packing.bins, optimum);
        QVERIFY(packed.packing.provedOptimal);
        QVERIFY(packed.bound.value() <= optimum);
    }
}

namespace {

/** Falkenauer's u class: items uniform in 20..100, bins of 150 (as bench/density generates it). */
PackingProblem uniformClass(int items, quint32 seed)
{
    std::mt19937 random(seed);
    PackingProblem p;
    p.dimensions = 1;
    p.capacity = {150, 0, 0, 0};
    for (int i = 0; i < items; ++i)
        p.items.push_back({std::uniform_int_distribution<qint64>(20, 100)(random), 0, 0, 0});
    return p;
}

} // namespace

void TestDensityPacker::arcFlowSettlesUniformClass_data()
{
    QTest::addColumn<PackingProblem>("problem");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("u120 seed %u", seed) << uniformClass(120, 77 + seed);
    QTest::newRow("u250") << uniformClass(250, 251);
}

void TestDensityPacker::arcFlowSettlesUniformClass()
{
    // The u class is where the heuristics stall one bin above L1: the rounded arc-flow LP reaches
    // ceil(LP), which is the optimum there, and the certificate says so.
    QFETCH(PackingProblem, problem);
    PackerSettings settings;
    settings.searchEffort = 200'000'000;
    const PackOutcome outcome = VectorPacker::pack(problem, settings);
    QCOMPARE(checkPacking(problem, outcome.packing), QString());
    QVERIFY(outcome.packing.provedOptimal);
    QVERIFY(outcome.packing.bins >= outcome.bound.value());
    QVERIFY(outcome.certificate().startsWith(QStringLiteral("optimal: ")));
    const ArcFlowSolver::Outcome lp = ArcFlowSolver::solve(
        problem, outcome.packing.bins + 1, 0, {}, [](const PackingProblem &rest) { return FfdPacker::pack(rest); });
    QVERIFY(lp.applicable);
    QCOMPARE(lp.lpBound, outcome.packing.bins);
    // Deterministic.
    QVERIFY(VectorPacker::pack(problem, settings).packing.binOf == outcome.packing.binOf);
}

void TestDensityPacker::arcFlowNotForSeveralBindingDimensions()
{
    const PackingProblem p = triplets(10, 2, 5);
    QCOMPARE(ArcFlowSolver::bindingDimension(p), -1);
    QVERIFY(!ArcFlowSolver::solve(p, 12, 10, {}, [](const PackingProblem &rest) {
                 return FfdPacker::pack(rest);
             }).applicable);
    // A dimension whose total fits into one bin never binds.
    const PackingProblem q = twoDimensions(10, 100, {{6, 1}, {6, 1}, {4, 1}});
    QCOMPARE(ArcFlowSolver::bindingDimension(q), 0);
}

namespace {

/** The cheapest mix by enumerating every partition of the items, each block on the cheapest
    type that holds it: independent of the packers, for small n only. */
double bruteForceMixCost(const PackingProblem &p, const std::vector<BinType> &types)
{
    const int n = p.itemCount();
    double best = std::numeric_limits<double>::max();
    std::vector<PackingProblem::Vector> loads;
    auto blockCost = [&](const PackingProblem::Vector &load) {
        double cheapest = std::numeric_limits<double>::max();
        for (const BinType &type : types)
            if (p.fits(type.capacity, load))
                cheapest = std::min(cheapest, type.cost);
        return cheapest;
    };
    std::function<void(int)> assign = [&](int item) {
        if (item == n) {
            double cost = 0;
            for (const auto &load : loads)
                cost += blockCost(load);
            best = std::min(best, cost);
            return;
        }
        for (size_t b = 0; b < loads.size(); ++b) {
            PackingProblem::Vector load = loads[b];
            for (int d = 0; d < p.dimensions; ++d)
                load[d] += p.items[item][d];
            if (blockCost(load) == std::numeric_limits<double>::max())
                continue;
            std::swap(load, loads[b]);
            assign(item + 1);
            std::swap(load, loads[b]);
        }
        loads.push_back(p.items[item]);
        assign(item + 1);
        loads.pop_back();
    };
    assign(0);
    return best;
}

} // namespace

void TestDensityPacker::mixedSizesMatchBruteForce()
{
    // Two or three sizes whose price is not proportional to capacity: the mix is a feasible
    // packing (each bin holds its items at its size), never cheaper than the brute-force optimum,
    // never dearer than the best single size, its bound never above the optimum, and on most of
    // these small instances it is the optimum.
    std::mt19937 random(2021);
    int rounds = 0;
    int optimal = 0;
    for (int round = 0; round < 200; ++round) {
        PackingProblem p;
        p.dimensions = 1 + round % 2;
        std::vector<BinType> types;
        const int typeCount = 2 + round % 2;
        for (int t = 0; t < typeCount; ++t) {
            BinType type;
            for (int d = 0; d < p.dimensions; ++d)
                type.capacity[d] = std::uniform_int_distribution<qint64>(20, 100)(random);
            type.cost = double(std::uniform_int_distribution<int>(5, 40)(random));
            types.push_back(type);
        }
        const int n = std::uniform_int_distribution<int>(1, 7)(random);
        for (int i = 0; i < n; ++i) {
            PackingProblem::Vector item{};
            for (int d = 0; d < p.dimensions; ++d)
                item[d] = std::uniform_int_distribution<qint64>(5, 60)(random);
            p.items.push_back(item);
        }
        const MixedPacking mixed = MixedSizePacker::pack(p, types, PackerSettings{});
        const double optimum = bruteForceMixCost(p, types);
        const QString text = QStringLiteral("round %1: ").arg(round);
        if (optimum == std::numeric_limits<double>::max()) {
            QVERIFY2(!mixed.feasible, qPrintable(text)); // an item no size takes
            continue;
        }
        ++rounds;
        QVERIFY2(mixed.feasible, qPrintable(text));
        std::vector<PackingProblem::Vector> load(mixed.typeOfBin.size(), PackingProblem::Vector{});
        for (int i = 0; i < n; ++i) {
            QVERIFY2(mixed.binOf[i] >= 0 && mixed.binOf[i] < int(load.size()), qPrintable(text));
            for (int d = 0; d < p.dimensions; ++d)
                load[mixed.binOf[i]][d] += p.items[i][d];
        }
        double cost = 0;
        for (size_t b = 0; b < load.size(); ++b) {
            QVERIFY2(p.fits(types[mixed.typeOfBin[b]].capacity, load[b]), qPrintable(text));
            cost += types[mixed.typeOfBin[b]].cost;
        }
        QCOMPARE(cost, mixed.cost);
        QVERIFY2(mixed.cost >= optimum - 1e-9, qPrintable(text));
        QVERIFY2(mixed.costLowerBound <= optimum + 1e-9, qPrintable(text));
        for (int t = 0; t < typeCount; ++t) {
            PackingProblem single = p;
            single.capacity = types[t].capacity;
            bool fits = true;
            for (const auto &item : p.items)
                fits = fits && p.fits(single.capacity, item);
            if (fits)
                QVERIFY2(mixed.cost <= double(VectorPacker::pack(single).packing.bins) * types[t].cost + 1e-9,
                         qPrintable(text));
        }
        optimal += mixed.cost <= optimum + 1e-9 ? 1 : 0;
    }
    QVERIFY(rounds > 150);
    QVERIFY2(optimal * 10 >= rounds * 9, qPrintable(QStringLiteral("%1 of %2 optimal").arg(optimal).arg(rounds)));
    qInfo("mix optimal on %d of %d small instances", optimal, rounds);
}

void TestDensityPacker::mixedSizesInTheEngine()
{
    // 6 workloads that nearly fill a large node and 34 small ones: the small ones that do not fit
    // beside the large ones are cheaper on small nodes than on another large one.
    Scenario s = Scenario::purePacking();
    s.nodeSizes = {{4, 16, 0.20, 0}, {16, 64, 0.70, 0}};
    s.node.vcpu = 16;
    s.node.memoryGiB = 64;
    s.packing.mixNodeSizes = true;
    QList<Workload> workloads;
    for (int i = 0; i < 40; ++i) {
        Workload w;
        w.vmId = i + 1;
        w.name = QStringLiteral("vm%1").arg(i);
        w.vcpu = i < 6 ? 14 : 1;
        w.memoryMiB = i < 6 ? 56 * 1024 : 3 * 1024;
        workloads.append(w);
    }
    const auto result = DensityEngine(s).run(workloads);
    QVERIFY(result);
    bool seen = false;
    for (const PoolResult &pool : result.value().pools) {
        if (pool.purpose == QLatin1String("system"))
            continue;
        QVERIFY(pool.sizeMix);
        seen = true;
        QCOMPARE(pool.sizeMix->basis, QStringLiteral("hourly"));
        QVERIFY(pool.sizeMix->cost >= pool.sizeMix->costLowerBound);
        QVERIFY(pool.sizeMix->cost <= pool.sizeMix->singleSizeCost + 1e-9);
        QVERIFY2(pool.sizeMix->sizes.size() == 2, "both sizes in the mix");
        const QJsonObject json = result.value().toJson(false);
        QVERIFY(json.value(QStringLiteral("pools")).toArray().at(0).toObject().contains(QStringLiteral("sizeMix")));
    }
    QVERIFY(seen);
    // The scenario keeps the keys.
    const auto back = Scenario::fromJson(s.toJson());
    QVERIFY(back);
    QVERIFY(back.value().packing.mixNodeSizes);
    QCOMPARE(back.value().nodeSizes, s.nodeSizes);
    // Off by default: no mix in the result.
    s.packing.mixNodeSizes = false;
    const auto plain = DensityEngine(s).run(workloads);
    QVERIFY(plain);
    for (const PoolResult &pool : plain.value().pools)
        QVERIFY(!pool.sizeMix);
}

void TestDensityPacker::consistentSearchFillsExactBins_data()
{
    QTest::addColumn<PackingProblem>("problem");
    QTest::addColumn<int>("optimum");
    // Every bin exactly full: the repack search finds no move there, and FFD is 15-20 % off.
    QTest::newRow("1-D triplets, 40 bins") << triplets(40, 1, 11) << 40;
    QTest::newRow("1-D triplets, 83 bins") << triplets(83, 1, 12) << 83;
    QTest::newRow("2-D triplets, 40 bins") << triplets(40, 2, 13) << 40;
}

void TestDensityPacker::consistentSearchFillsExactBins()
{
    QFETCH(PackingProblem, problem);
    QFETCH(int, optimum);
    PackerSettings settings;
    settings.searchEffort = 200'000'000;
    const PackOutcome outcome = VectorPacker::pack(problem, settings);
    QCOMPARE(checkPacking(problem, outcome.packing), QString());
    QCOMPARE(outcome.bound.value(), optimum);
    QCOMPARE(outcome.packing.bins, optimum);
    QVERIFY(outcome.packing.provedOptimal);
    QVERIFY(FfdPacker::pack(problem).bins > optimum);
    // Deterministic: the same input, the same layout.
    QVERIFY(VectorPacker::pack(problem, settings).packing.binOf == outcome.packing.binOf);
}

void TestDensityPacker::certificateText()
{
    PackOutcome outcome;
    outcome.bound.l1 = 10;
    outcome.bound.l2 = 12;
    outcome.packing.bins = 12;
    QCOMPARE(outcome.certificate(), QStringLiteral("optimal: equals the lower bound (Martello-Toth L2)"));
    outcome.packing.bins = 13;
    QCOMPARE(outcome.certificate(),
             QStringLiteral("at most 1 node (8.3 %) above the optimum: lower bound 12 (Martello-Toth L2)"));
    outcome.packing.provedOptimal = true;
    QCOMPARE(outcome.certificate(), QStringLiteral("optimal: proven by exhaustive search (lower bound 12)"));
    outcome.proof = QStringLiteral("the arc-flow integer program");
    QCOMPARE(outcome.certificate(), QStringLiteral("optimal: proven by the arc-flow integer program (lower bound 12)"));
    outcome.bound.arcFlow = 13;
    outcome.packing.bins = 13;
    QCOMPARE(outcome.certificate(), QStringLiteral("optimal: equals the lower bound (arc-flow LP)"));
    outcome.bound.arcFlow = 0;
    outcome.packing.provedOptimal = false;
    outcome.bound.dff = 13;
    outcome.packing.bins = 15;
    QCOMPARE(outcome.certificate(),
             QStringLiteral("at most 2 nodes (15.4 %) above the optimum: lower bound 13 (dual feasible function)"));
}

void TestDensityPacker::knownOptimum_data()
{
    QTest::addColumn<PackingProblem>("problem");
    QTest::addColumn<int>("optimum");
    QTest::newRow("7s and 3s") << oneDimension(10, {7, 7, 7, 3, 3, 3, 3, 3, 3}) << 4;
    QTest::newRow("triplets") << oneDimension(100, {45, 30, 25, 40, 35, 25, 50, 28, 22, 44, 31, 25}) << 4;
    QTest::newRow("complementary 2-D") << twoDimensions(10, 10, {{6, 2}, {2, 6}, {4, 8}, {8, 4}}) << 2;
    // FFD's classic trap: 6 x 51, 6 x 27, 6 x 26, 12 x 23 in bins of 100: FFD needs 11, optimum 9.
    QList<qint64> trap;
    for (int i = 0; i < 6; ++i)
        trap << 51 << 27 << 26 << 23 << 23;
    QTest::newRow("ffd trap") << oneDimension(100, trap) << 9;
    QTest::newRow("perfect 2-D, 5 bins") << perfect(5, 2, 1) << 5;
    QTest::newRow("perfect 3-D, 6 bins") << perfect(6, 3, 3) << 6;
}

void TestDensityPacker::knownOptimum()
{
    QFETCH(PackingProblem, problem);
    QFETCH(int, optimum);
    const PackOutcome outcome = VectorPacker::pack(problem);
    QCOMPARE(checkPacking(problem, outcome.packing), QString());
    QCOMPARE(outcome.packing.bins, optimum);
    QVERIFY(outcome.bound.value() <= optimum);
}

void TestDensityPacker::exactFindsWhatFfdMisses()
{
    QList<qint64> trap;
    for (int i = 0; i < 6; ++i)
        trap << 51 << 27 << 26 << 23 << 23;
    const PackingProblem problem = oneDimension(100, trap);
    const Packing ffd = FfdPacker::pack(problem);
    QCOMPARE(ffd.bins, 11);
    const ExactPacker::Outcome exact = ExactPacker::solve(problem, ffd.bins, 9, 5'000'000);
    QVERIFY(exact.better);
    QCOMPARE(exact.better->bins, 9);
    QCOMPARE(checkPacking(problem, *exact.better), QString());
}

void TestDensityPacker::nearOptimumOnPerfectInstances()
{
    // Perfect packings leave no room for waste, so the optimum is hard to reach;
    // at 60 bins, within 2 of it is what the packer delivers today (see bench/density for larger sizes).
    for (quint32 seed = 1; seed <= 3; ++seed) {
        const PackingProblem problem = perfect(60, 2, seed);
        const PackOutcome outcome = VectorPacker::pack(problem);
        QCOMPARE(checkPacking(problem, outcome.packing), QString());
        QVERIFY2(outcome.packing.bins <= 62, qPrintable(QString::number(outcome.packing.bins)));
        QVERIFY(outcome.packing.bins >= outcome.bound.value());
    }
}

void TestDensityPacker::deterministic()
{
    const PackingProblem problem = perfect(300, 2, 7);
    const PackOutcome a = VectorPacker::pack(problem);
    const PackOutcome b = VectorPacker::pack(problem);
    QCOMPARE(a.packing.bins, b.packing.bins);
    QVERIFY(a.packing.binOf == b.packing.binOf);
}

void TestDensityPacker::dominanceTreeMatchesBruteForce()
{
    // Random values, updates and clears against a scan, in 1 to 4 dimensions and with few and many
    // distinct values (the staircase is exact for a few Pareto points, an upper bound above).
    std::mt19937 random(11);
    for (int round = 0; round < 40; ++round) {
        const int dims = 1 + round % 4;
        const int leaves = std::uniform_int_distribution<int>(1, 700)(random);
        const qint64 range = round % 3 == 0 ? 4 : 1000;
        auto randomVector = [&] {
            DominanceTree::Vector v{};
            for (int d = 0; d < dims; ++d)
                v[d] = std::uniform_int_distribution<qint64>(0, range)(random);
            return v;
        };
        std::vector<DominanceTree::Vector> values(leaves);
        std::vector<bool> live(leaves, true);
        for (auto &v : values)
            v = randomVector();
        DominanceTree tree(dims, values, DominanceTree::Vector{range, range, range, range});
        for (int step = 0; step < 300; ++step) {
            const int leaf = std::uniform_int_distribution<int>(0, leaves - 1)(random);
            if (step % 5 == 0) {
                tree.clear(leaf);
                live[leaf] = false;
            } else {
                values[leaf] = randomVector();
                live[leaf] = true;
                tree.set(leaf, values[leaf]);
            }
            const DominanceTree::Vector query = randomVector();
            const int from = std::uniform_int_distribution<int>(0, leaves)(random);
            std::vector<int> expected;
            for (int i = from; i < leaves; ++i) {
                bool matches = live[i];
                for (int d = 0; d < dims && matches; ++d)
                    matches = values[i][d] >= query[d];
                if (matches)
                    expected.push_back(i);
            }
            const QString where = QStringLiteral("round %1 step %2").arg(round).arg(step);
            QCOMPARE(tree.first(query, 1 << 20, from), expected.empty() ? -1 : expected.front());
            std::vector<int> found;
            QVERIFY2(tree.collect(query, from, 5, 1 << 20, found), qPrintable(where));
            expected.resize(std::min<size_t>(expected.size(), 5));
            QVERIFY2(found == expected, qPrintable(where));
        }
    }
}

void TestDensityPacker::itemIndexFindsFittingItems()
{
    // Items fit a room when they are no larger in any dimension; placed items are never returned.
    const std::vector<PackingProblem::Vector> items{{4, 10, 0, 0}, {2, 30, 0, 0}, {3, 3, 0, 0}, {1, 1, 0, 0}};
    ItemIndex index(2, items, PackingProblem::Vector{10, 40, 0, 0});
    std::vector<int> out;
    QVERIFY(index.fitting({3, 20, 0, 0}, 0, 10, 1000, out));
    QCOMPARE(out, (std::vector<int>{2, 3}));
    index.remove(2);
    out.clear();
    QVERIFY(index.fitting({4, 40, 0, 0}, 0, 10, 1000, out));
    QCOMPARE(out, (std::vector<int>{0, 1, 3}));
    out.clear();
    QVERIFY(index.fitting({4, 40, 0, 0}, 1, 1, 1000, out));
    QCOMPARE(out, (std::vector<int>{1}));
}

void TestDensityPacker::randomInstances()
{
    std::mt19937 random(42);
    for (int round = 0; round < 150; ++round) {
        PackingProblem p;
        p.dimensions = std::uniform_int_distribution<int>(1, 4)(random);
        for (int d = 0; d < p.dimensions; ++d)
            p.capacity[d] = std::uniform_int_distribution<qint64>(5, 5000)(random);
        const int n = std::uniform_int_distribution<int>(0, round < 130 ? 60 : 1500)(random);
        for (int i = 0; i < n; ++i) {
            PackingProblem::Vector item{};
            for (int d = 0; d < p.dimensions; ++d)
                item[d] = std::uniform_int_distribution<qint64>(0, p.capacity[d])(random);
            p.items.push_back(item);
        }
        PackerSettings settings;
        settings.searchEffort = 500'000;
        settings.exactNodeLimit = 200'000;
        const PackOutcome outcome = VectorPacker::pack(p, settings);
        const QString problemText = QStringLiteral("round %1: ").arg(round);
        QCOMPARE(problemText + checkPacking(p, outcome.packing), problemText);
        QVERIFY2(outcome.packing.bins >= outcome.bound.value(), qPrintable(problemText));
        QVERIFY2(outcome.packing.bins <= FfdPacker::pack(p).bins, qPrintable(problemText));
        // Proven optimal only when it is: at the bound, or a search that finished says so.
        if (outcome.packing.bins > outcome.bound.value() && outcome.packing.provedOptimal)
            QVERIFY2(!outcome.proof.isEmpty(), qPrintable(problemText));
        if (outcome.packing.bins > outcome.bound.value() && outcome.packing.provedOptimal && p.itemCount() <= 9)
            QCOMPARE(outcome.packing.bins, bruteForceOptimum(p));
    }
}

void TestDensityPacker::engineProperty()
{
    // Random estates through the whole engine: every workload placed once or listed as not
    // schedulable, never over its pool's allocatable, never below the bound; savings are bought
    // before minus bought after; untrusted, GPU, Kata and pinned workloads only in their pools;
    // untrusted workloads of different applications never on one node.
    std::mt19937 random(7);
    const QStringList images = {QStringLiteral("mcr.microsoft.com/windows/servercore:ltsc2025"),
                                QStringLiteral("mcr.microsoft.com/windows/nanoserver:ltsc2022"),
                                QStringLiteral("mcr.microsoft.com/windows/servercore:ltsc2019")};
    const QStringList applications = {QStringLiteral("Payroll"), QStringLiteral("CRM"), QStringLiteral("Webshop"),
                                      QString()};
    for (int round = 0; round < 24; ++round) {
        Scenario s;
        s.node.reserved = Scenario::ReservedModel(round % 4);
        s.node.vcpu = 16;
        s.node.memoryGiB = 64;
        s.platform = round % 3 == 2 ? Scenario::Platform::ContainerHost : Scenario::Platform::Kubernetes;
        s.cpuOvercommit = 1.0 + double(round % 3);
        s.node.nPlusOne = round % 2 == 0;
        s.sizing.basis = round % 2 ? Scenario::SizingBasis::Performance : Scenario::SizingBasis::Provisioned;
        s.packing.effortMs = 20;
        QList<Workload> workloads;
        const int n = std::uniform_int_distribution<int>(1, 400)(random);
        for (int i = 0; i < n; ++i) {
            Workload w;
            w.vmId = i + 1;
            w.name = QStringLiteral("vm%1").arg(i);
            w.windows = random() % 2;
            w.image = w.windows ? Workload::Image(random() % 3) : Workload::Image::Linux;
            w.baseImage = w.windows ? images[int(random() % images.size())] : QStringLiteral("debian:12-slim");
            w.imageBuild = Workload::buildOfTag(w.baseImage);
            w.isolation = random() % 5 == 0 ? (w.windows ? Isolation::HyperV : Isolation::Kata) : Isolation::Process;
            w.untrusted = random() % 6 == 0;
            w.gpu = w.windows && random() % 8 == 0;
            w.application = applications[int(random() % applications.size())];
            w.vcpu = 1 << (random() % 5); // up to 16: some are larger than a node's allocatable
            w.memoryMiB = 1024.0 * double(1 << (random() % 5));
            w.diskGiB = double(random() % 80);
            if (random() % 3)
                w.cpuUtilPct = double(random() % 100);
            if (random() % 3)
                w.memoryUtilPct = double(random() % 100);
            workloads.append(w);
        }
        const auto result = DensityEngine(s).run(workloads);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const DensityResult &r = result.value();
        QCOMPARE(r.placement.size() + r.notSchedulable.size(), workloads.size());
        QSet<qint64> seen;
        for (const Placement &p : r.placement)
            seen.insert(p.vmId);
        for (const NotSchedulable &u : r.notSchedulable)
            seen.insert(u.vmId);
        QCOMPARE(seen.size(), workloads.size());
        QVERIFY(r.containerNodes >= r.containerNodesLowerBound);
        QVERIFY(r.vmHosts >= r.vmHostsLowerBound);
        QCOMPARE(r.savedPhysicalCores, r.before.physicalCores - r.after.physicalCores);
        QCOMPARE(r.savedVcpu, r.before.vcpu - r.after.vcpu);
        QCOMPARE(r.savedMemoryGiB, r.before.memoryGiB - r.after.memoryGiB);
        QCOMPARE(r.savedDiskGiB, r.before.diskGiB - r.after.diskGiB);
        QVERIFY(r.after.diskGiB >= r.after.persistentVolumeGiB);
        // Every pool states what it proves, in the result and in its JSON.
        const QJsonArray poolsJson = r.toJson(false).value(QStringLiteral("pools")).toArray();
        QCOMPARE(poolsJson.size(), r.pools.size());
        for (int k = 0; k < r.pools.size(); ++k) {
            const PoolResult &pool = r.pools[k];
            QVERIFY(!pool.certificate.isEmpty());
            QCOMPARE(poolsJson[k].toObject().value(QStringLiteral("certificate")).toString(), pool.certificate);
            if (pool.name != QStringLiteral("system"))
                QCOMPARE(pool.certificate.startsWith(QStringLiteral("optimal")), pool.optimal);
        }
        // Re-add each node's demand and compare with the pool's allocatable.
        const DemandModel model(s);
        QHash<QString, PoolResult> pools;
        for (const PoolResult &pool : r.pools) {
            pools.insert(pool.name, pool);
            QVERIFY(pool.nodes >= pool.lowerBound);
        }
        QHash<QString, std::array<qint64, 3>> load;
        QHash<QString, QString> applicationOnNode;
        for (const Placement &p : r.placement) {
            const Workload &w = workloads[int(p.vmId - 1)];
            const WorkloadDemand d = model.demand(w);
            const QString node = p.pool + u'#' + QString::number(p.node);
            auto &l = load[node];
            l[0] += d.cpuMilli;
            l[1] += d.memoryMiB;
            l[2] += 1;
            // The pool the advice asks for, by the rules of classification.md, not the planner's code.
            const QString purpose = pools.value(p.pool).purpose;
            const bool pinned = w.windows && !w.imageBuild.isEmpty() && w.imageBuild < s.windowsBuild;
            if (w.windows && w.gpu)
                QCOMPARE(purpose, QStringLiteral("gpu"));
            else if (w.windows && w.untrusted)
                QCOMPARE(purpose, QStringLiteral("untrusted"));
            else if (!w.windows && (w.untrusted || w.isolation == Isolation::Kata))
                QCOMPARE(purpose, QStringLiteral("kata"));
            else if (pinned && s.platform == Scenario::Platform::ContainerHost)
                QCOMPARE(purpose, QStringLiteral("pinned-build"));
            else
                QCOMPARE(purpose, QStringLiteral("general"));
            QVERIFY(!(s.platform == Scenario::Platform::Kubernetes && pinned &&
                      w.imageBuild < QLatin1String("10.0.20348"))); // not schedulable there
            if (w.windows && !w.imageBuild.isEmpty())
                QVERIFY(pools.value(p.pool).build >= w.imageBuild);
            if (w.untrusted && w.windows) {
                const QString application = w.application.isEmpty() ? w.name : w.application.toLower();
                const auto it = applicationOnNode.constFind(node);
                if (it != applicationOnNode.cend())
                    QCOMPARE(*it, application);
                applicationOnNode.insert(node, application);
            }
        }
        for (auto it = load.cbegin(); it != load.cend(); ++it) {
            const PoolResult &pool = pools.value(it.key().section(u'#', 0, 0));
            QVERIFY(it.value()[0] <= pool.allocatableCpuMilli);
            QVERIFY(it.value()[1] <= pool.allocatableMemoryMiB);
            QVERIFY(it.value()[2] <= pool.maxPods);
        }
    }
}

QTEST_GUILESS_MAIN(TestDensityPacker)
#include "tst_densitypacker.moc"
