#include "categorylabels.h"

#include <QSet>

namespace landfall {

const QList<CategoryLabels::Abbreviation> &CategoryLabels::abbreviations()
{
    // The names OsCountModel writes (family and version) and those RVTools writes.
    static const QList<Abbreviation> list = {
        {QStringLiteral("Red Hat Enterprise Linux"), QStringLiteral("RHEL")},
        {QStringLiteral("SUSE Linux Enterprise Server"), QStringLiteral("SLES")},
        {QStringLiteral("SUSE Linux Enterprise"), QStringLiteral("SLE")},
        {QStringLiteral("Windows Server"), QStringLiteral("WS")},
        {QStringLiteral("Oracle Linux"), QStringLiteral("OL")},
        {QStringLiteral("Microsoft "), QString()},
        {QStringLiteral(" (64-bit)"), QString()},
        {QStringLiteral(" (32-bit)"), QStringLiteral(" 32-bit")},
    };
    return list;
}

QStringList CategoryLabels::shortForms(const QStringList &labels, int maxChars)
{
    QStringList drawn;
    drawn.reserve(labels.size());
    for (const QString &label : labels) {
        QString brief = label;
        if (brief.size() > maxChars) {
            for (const Abbreviation &a : abbreviations())
                brief.replace(a.full, a.brief);
            brief = brief.simplified();
        }
        drawn.append(brief.isEmpty() ? label : brief);
    }
    // Two labels that shorten alike keep their full text: telling them apart matters more.
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        bool clash = false;
        for (qsizetype j = 0; j < drawn.size(); ++j) {
            if (j != i && (drawn[j] == drawn[i] || labels[j] == drawn[i]))
                clash = true;
        }
        if (clash)
            drawn[i] = labels[i];
    }
    return drawn;
}

QString CategoryLabels::key(const QStringList &labels, const QStringList &drawn)
{
    QStringList used;
    for (const Abbreviation &a : abbreviations()) {
        if (a.brief.trimmed().isEmpty())
            continue;
        for (qsizetype i = 0; i < labels.size() && i < drawn.size(); ++i) {
            if (labels[i].contains(a.full) && !drawn[i].contains(a.full) && drawn[i].contains(a.brief.trimmed())) {
                used.append(QStringLiteral("%1 = %2").arg(a.brief.trimmed(), a.full.trimmed()));
                break;
            }
        }
    }
    return used.join(QStringLiteral(", "));
}

QString CategoryLabels::wrapped(const QString &label, int maxChars)
{
    if (label.size() <= maxChars)
        return label;
    const qsizetype middle = label.size() / 2;
    qsizetype best = -1;
    for (qsizetype i = 1; i + 1 < label.size(); ++i) {
        const QChar c = label.at(i);
        if (c != u' ' && c != u'-' && c != u',')
            continue;
        if (best < 0 || std::abs(i - middle) < std::abs(best - middle))
            best = i;
    }
    if (best < 0)
        return label;
    // A space is replaced by the break; a hyphen or comma stays at the end of the first line.
    const bool keep = label.at(best) != u' ';
    return label.left(keep ? best + 1 : best) + u'\n' + label.mid(best + 1).trimmed();
}

} // namespace landfall
