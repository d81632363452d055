#include "quantityformat.h"

#include <cmath>

namespace landfall {

namespace {

constexpr double kBinaryStep = 1024.0;

} // namespace

QString QuantityFormat::count(double value, const QLocale &locale)
{
    const double rounded = std::round(value); // half away from zero, in the GUI and the CLI alike
    return locale.toString(qint64(rounded == 0 ? 0 : rounded));
}

QuantityFormat::Scaled QuantityFormat::scaleGibibytes(double gib)
{
    if (std::abs(gib) >= kBinaryStep * kBinaryStep)
        return {gib / (kBinaryStep * kBinaryStep), QStringLiteral("PiB")};
    if (std::abs(gib) >= kBinaryStep)
        return {gib / kBinaryStep, QStringLiteral("TiB")};
    return {gib, QStringLiteral("GiB")};
}

QString QuantityFormat::gibibytes(double gib, const QLocale &locale)
{
    const Scaled scaled = scaleGibibytes(gib);
    if (scaled.unit == QLatin1String("GiB"))
        return count(scaled.value, locale) + u' ' + scaled.unit;
    // Three significant digits at most: "1.5 TiB", "12.3 TiB", "123 TiB".
    const double magnitude = std::abs(scaled.value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    QString number = locale.toString(scaled.value, 'f', decimals);
    // Trailing zeros tell nothing: "2.00 TiB" reads as "2 TiB".
    const QString point = locale.decimalPoint();
    if (decimals > 0 && number.contains(point)) {
        while (number.endsWith(locale.zeroDigit()))
            number.chop(1);
        if (number.endsWith(point))
            number.chop(point.size());
    }
    return number + u' ' + scaled.unit;
}

} // namespace landfall
