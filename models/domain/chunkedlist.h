#pragma once

#include <QList>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <type_traits>
#include <utility>

namespace landfall {

/** A list kept as the chunks it was built from, never joined into one block. An import maps its
    rows a chunk at a time; joining the chunks into one list would hold every row twice for a
    moment (a mapped VM is about 1.2 KB: 120 MB at 100,000 VMs), and letting a chunk go once its
    rows are used lets their memory go with it. */
template <typename T> class ChunkedList {
    template <bool IsConst> class Iterator {
        using List = std::conditional_t<IsConst, const QList<QList<T>>, QList<QList<T>>>;

    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = qsizetype;
        using pointer = std::conditional_t<IsConst, const T *, T *>;
        using reference = std::conditional_t<IsConst, const T &, T &>;

        Iterator() = default;
        Iterator(List *chunks, qsizetype chunk)
            : m_chunks(chunks)
            , m_chunk(chunk)
        {}
        reference operator*() const { return (*m_chunks)[m_chunk][m_index]; }
        pointer operator->() const { return &**this; }
        Iterator &operator++()
        {
            if (++m_index == (*m_chunks)[m_chunk].size()) {
                ++m_chunk;
                m_index = 0;
            }
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator &a, const Iterator &b)
        {
            return a.m_chunk == b.m_chunk && a.m_index == b.m_index;
        }

    private:
        List *m_chunks = nullptr;
        qsizetype m_chunk = 0;
        qsizetype m_index = 0;
    };

public:
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;

    ChunkedList() = default;
    /** One chunk of `list`'s items: a caller with a plain list (an edit, a test) passes it as is. */
    ChunkedList(QList<T> list) { appendChunk(std::move(list)); }
    ChunkedList(std::initializer_list<T> items)
        : ChunkedList(QList<T>(items))
    {}

    /** Appends the items of `chunk` without copying or moving any of them; an empty chunk is dropped. */
    void appendChunk(QList<T> chunk)
    {
        if (chunk.isEmpty())
            return;
        m_starts.append(m_size);
        m_size += chunk.size();
        m_chunks.append(std::move(chunk));
    }
    /** Appends one item to the last chunk (a new chunk when there is none). */
    void append(T item)
    {
        if (m_chunks.isEmpty()) {
            m_starts.append(0);
            m_chunks.append(QList<T>());
        }
        m_chunks.last().append(std::move(item));
        ++m_size;
    }
    /** Removes the item at `index`; the chunks after it shift their starts down by one. */
    void removeAt(qsizetype index)
    {
        const qsizetype chunk = chunkOf(index);
        m_chunks[chunk].removeAt(index - m_starts[chunk]);
        for (qsizetype later = chunk + 1; later < m_starts.size(); ++later)
            --m_starts[later];
        --m_size;
        if (m_chunks[chunk].isEmpty()) {
            m_chunks.removeAt(chunk);
            m_starts.removeAt(chunk);
        }
    }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    T &operator[](qsizetype index)
    {
        const qsizetype chunk = chunkOf(index);
        return m_chunks[chunk][index - m_starts[chunk]];
    }
    const T &operator[](qsizetype index) const
    {
        const qsizetype chunk = chunkOf(index);
        return m_chunks[chunk][index - m_starts[chunk]];
    }
    /** Takes the chunks out, leaving the list empty: for a caller that uses the items a chunk at a
        time and lets each chunk go once used. */
    QList<QList<T>> takeChunks()
    {
        m_starts.clear();
        m_size = 0;
        return std::exchange(m_chunks, {});
    }

    iterator begin() { return {&m_chunks, 0}; }
    iterator end() { return {&m_chunks, m_chunks.size()}; }
    const_iterator begin() const { return {&m_chunks, 0}; }
    const_iterator end() const { return {&m_chunks, m_chunks.size()}; }

private:
    qsizetype chunkOf(qsizetype index) const
    {
        return qsizetype(std::upper_bound(m_starts.cbegin(), m_starts.cend(), index) - m_starts.cbegin()) - 1;
    }

    QList<QList<T>> m_chunks;
    QList<qsizetype> m_starts; ///< the index of each chunk's first item
    qsizetype m_size = 0;
};

} // namespace landfall
