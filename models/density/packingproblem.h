#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace landfall {

/** The pure vector bin packing problem the density engine reduces every pool to: integer sizes
    (millicores, MiB, pods, MiB of disk) so that "fits" is exact and perfect packings stay perfect. */
struct PackingProblem {
    static constexpr int kMaxDimensions = 4;
    using Vector = std::array<qint64, kMaxDimensions>;

    int dimensions = 2;        ///< how many entries of each vector are used
    Vector capacity{};         ///< one bin's capacity in every dimension
    std::vector<Vector> items; ///< one demand vector per item

    int itemCount() const { return int(items.size()); }
    /** True when `item` fits into a bin with `remaining` room. */
    bool fits(const Vector &remaining, const Vector &item) const
    {
        for (int d = 0; d < dimensions; ++d)
            if (item[d] > remaining[d])
                return false;
        return true;
    }
    /** The item's size as a fraction of a bin, summed over dimensions: the usual sort key. */
    double normalisedSize(const Vector &item) const
    {
        double sum = 0;
        for (int d = 0; d < dimensions; ++d)
            sum += double(item[d]) / double(capacity[d]);
        return sum;
    }
};

} // namespace landfall
