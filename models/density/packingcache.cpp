#include "packingcache.h"

namespace landfall {

namespace {

template <typename T> void append(QByteArray &key, const T &value)
{
    key.append(reinterpret_cast<const char *>(&value), sizeof(value));
}

} // namespace

QByteArray PackingCache::keyOf(const PackingProblem &problem, const PackerSettings &settings)
{
    QByteArray key;
    key.reserve(qsizetype(16 * sizeof(qint64) + problem.items.size() * problem.dimensions * sizeof(qint64)));
    // Every field of PackerSettings: one left out would let different packings share a key.
    append(key, settings.searchEffort);
    append(key, settings.exactMaxItems);
    append(key, settings.exactNodeLimit);
    append(key, settings.localSearch);
    append(key, settings.ffdOnly);
    append(key, settings.allHeuristicsMaxItems);
    append(key, settings.certifyMaxItems);
    append(key, settings.certifyEffort);
    append(key, settings.arcFlow);
    append(key, settings.arcFlowMaxArcs);
    append(key, settings.arcFlowNodeLimit);
    append(key, problem.dimensions);
    for (int d = 0; d < problem.dimensions; ++d)
        append(key, problem.capacity[d]);
    for (const PackingProblem::Vector &item : problem.items)
        key.append(reinterpret_cast<const char *>(item.data()), qsizetype(problem.dimensions * sizeof(qint64)));
    return key;
}

PackOutcome PackingCache::pack(const PackingProblem &problem, const PackerSettings &settings)
{
    const QByteArray key = keyOf(problem, settings);
    std::shared_future<PackOutcome> known;
    std::promise<PackOutcome> promise;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_outcomes.constFind(key);
        if (found != m_outcomes.constEnd()) {
            ++m_reused;
            known = found.value();
        } else {
            m_outcomes.insert(key, promise.get_future().share());
        }
    }
    if (known.valid())
        return known.get(); // outside the lock: a packing in flight holds up only who needs it
    try {
        PackOutcome outcome = VectorPacker::pack(problem, settings);
        promise.set_value(outcome);
        return outcome;
    } catch (...) { // out of memory: whoever waits for this packing hears of it too
        promise.set_exception(std::current_exception());
        throw;
    }
}

int PackingCache::packed() const
{
    std::lock_guard lock(m_mutex);
    return int(m_outcomes.size());
}

int PackingCache::reused() const
{
    std::lock_guard lock(m_mutex);
    return m_reused;
}

} // namespace landfall
