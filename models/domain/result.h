#pragma once

#include <utility>
#include <variant>

namespace landfall {

/** A value or the error that kept it from being made, for functions that can fail in ways
    the user must be told about. (std::expected arrives with C++23.) */
template <typename T, typename E> class Result {
public:
    Result(T value)
        : m_content(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_content(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_content.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_content); }
    const T &value() const { return std::get<0>(m_content); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const E &error() const { return std::get<1>(m_content); }

private:
    std::variant<T, E> m_content;
};

} // namespace landfall
