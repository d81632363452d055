#pragma once

#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>

namespace landfall {

/** A column's value as an integer, without the undefined conversion of a huge REAL (a crafted
    file may hold 1e308 in an INTEGER column): those come back as the largest qint64, which every
    range check refuses. Used only inside ProjectStore. */
inline qint64 integerOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::Double) {
        const double number = value.toDouble();
        return std::isfinite(number) && std::abs(number) < 9.0e18 ? qint64(number) : std::numeric_limits<qint64>::max();
    }
    return value.toLongLong();
}

/** integerOf(), clamped to int. */
inline int intOf(const QVariant &value)
{
    return int(std::clamp<qint64>(integerOf(value), std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace landfall
