#pragma once

#include <QFuture>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <optional>

namespace landfall {

/** Hands results from the thread that reads a file to the thread that takes them, in the order
    they were handed in. At most `capacity` wait at a time: the reading thread stops while the
    taking thread is behind (a slow write), instead of holding the rest of the file in memory.
    The items are futures, so a chunk can be handed in while the thread pool is still mapping it. */
template <typename Chunk> class ChunkHandoff {
public:
    explicit ChunkHandoff(size_t capacity)
        : m_capacity(capacity)
    {}

    /** Hands a chunk on; waits while `capacity` chunks are waiting already. */
    void put(QFuture<Chunk> chunk)
    {
        QMutexLocker lock(&m_mutex);
        while (m_waiting.size() >= m_capacity)
            m_changed.wait(&m_mutex);
        m_waiting.push_back(std::move(chunk));
        m_changed.wakeAll();
    }

    /** The reading thread has handed in its last chunk. */
    void close()
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_changed.wakeAll();
    }

    /** The next chunk, once there is one; nothing once the reading thread has closed and every chunk is taken. */
    std::optional<QFuture<Chunk>> take()
    {
        QMutexLocker lock(&m_mutex);
        while (m_waiting.empty() && !m_closed)
            m_changed.wait(&m_mutex);
        if (m_waiting.empty())
            return std::nullopt;
        QFuture<Chunk> chunk = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_changed.wakeAll();
        return chunk;
    }

private:
    const size_t m_capacity;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<QFuture<Chunk>> m_waiting;
    bool m_closed = false;
};

} // namespace landfall
