#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace landfall {

/** Short forms of a chart's category labels that stay distinct ("Windows Server 2008 R2" ->
    "WS 2008 R2"), for a chart too small for the full labels: a label elided by the chart
    ("Windows Server 2...") would read the same for 2008 R2 and 2012 R2. The full labels go in
    the tooltip and the legend, with the key of the abbreviations used. */
class CategoryLabels {
public:
    struct Abbreviation {
        QString full;  ///< "Windows Server"
        QString brief; ///< "WS"
    };
    /** The abbreviations applied, longest first. */
    static const QList<Abbreviation> &abbreviations();

    /** Each label of `labels` as it should be drawn: unchanged when at most `maxChars` long,
        otherwise shortened by the abbreviations; a short form that would be the same as another
        label's drawn form is not used (that label stays whole). */
    static QStringList shortForms(const QStringList &labels, int maxChars);
    /** "WS = Windows Server, RHEL = Red Hat Enterprise Linux": the key of the abbreviations used
        in `drawn` against `labels`, empty when none was. */
    static QString key(const QStringList &labels, const QStringList &drawn);
    /** Splits a long label onto two lines at the space or hyphen nearest its middle, "\n" between
        them; a label without such a break, or at most `maxChars` long, is returned as it is. */
    static QString wrapped(const QString &label, int maxChars);
};

} // namespace landfall
