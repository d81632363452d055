#pragma once

#include <QLocale>
#include <QString>

namespace landfall {

/** How Landfall writes a figure for a person (charts, tables, the CLI's text output): the
    locale's thousands separators, whole counts, and sizes in the binary unit that keeps the
    number short (GiB, TiB, PiB). One place, so a chart and the CLI never disagree on rounding.
    JSON output never goes through it: machine-readable figures stay raw numbers. */
class QuantityFormat {
public:
    /** A whole count with separators: 1129795 -> "1,129,795"; rounded half away from zero,
        and never "-0". */
    static QString count(double value, const QLocale &locale = QLocale());
    /** A size given in GiB, in GiB, TiB or PiB so that the number stays below 1,024 of its unit
        (GiB stay whole; TiB and PiB carry up to 3 significant digits): 1536 -> "1.5 TiB". */
    static QString gibibytes(double gib, const QLocale &locale = QLocale());
    /** The same, and the unit on its own: for an axis that states its unit once. */
    struct Scaled {
        double value;
        QString unit;
    };
    static Scaled scaleGibibytes(double gib);
};

} // namespace landfall
