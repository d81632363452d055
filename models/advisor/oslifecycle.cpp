#include "oslifecycle.h"

#include "formatteddocument.h"
#include "shippeddata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace landfall {

Result<OsLifecycle, QString> OsLifecycle::parse(const QByteArray &json, const QString &source)
{
    Result<QJsonObject, QString> opened = FormattedDocument::open(json, source, kFormat);
    if (!opened)
        return opened.error();
    const QJsonObject root = opened.value();
    const QJsonArray list = root.value(QStringLiteral("releases")).toArray();
    if (list.isEmpty())
        return QStringLiteral("%1: 'releases' must be a non-empty list").arg(source);
    OsLifecycle lifecycle;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1: releases[%2]").arg(source).arg(i);
        const QJsonObject object = list[i].toObject();
        OsRelease release;
        release.family = object.value(QStringLiteral("family")).toString();
        release.version = object.value(QStringLiteral("version")).toString();
        release.source = object.value(QStringLiteral("source")).toString();
        release.later = object.value(QStringLiteral("later")).toString();
        const QString date = object.value(QStringLiteral("endOfSupport")).toString();
        release.endOfSupport = QDate::fromString(date, Qt::ISODate);
        if (release.family.isEmpty() || release.version.isEmpty())
            return QString(where + QStringLiteral(": 'family' and 'version' are needed"));
        if (!release.endOfSupport.isValid())
            return QStringLiteral("%1: endOfSupport '%2' is not a date; expected YYYY-MM-DD").arg(where, date);
        if (release.source.trimmed().isEmpty())
            return QString(where + QStringLiteral(": 'source' is missing (every date needs its source)"));
        lifecycle.m_releases.append(release);
    }
    return lifecycle;
}

const OsLifecycle &OsLifecycle::shipped()
{
    static const OsLifecycle lifecycle =
        loadShippedData<OsLifecycle>(QStringLiteral(":/landfall/advisor/os-lifecycle.json"),
                                     QStringLiteral("os-lifecycle.json"), "the OS lifecycle table");
    return lifecycle;
}

const OsRelease *OsLifecycle::release(const OsInfo &os) const
{
    if (os.version.isEmpty())
        return nullptr;
    const QString major = os.version.section(u'.', 0, 0);
    const OsRelease *byMajor = nullptr;
    for (const OsRelease &candidate : m_releases) {
        if (candidate.family != os.family)
            continue;
        if (candidate.version.compare(os.version, Qt::CaseInsensitive) == 0)
            return &candidate;
        if (!byMajor && candidate.version == major && !os.family.startsWith(QLatin1String("windows")))
            byMajor = &candidate;
    }
    return byMajor;
}

SupportBand OsLifecycle::band(const OsRelease *release, const QDate &planDate)
{
    if (!release)
        return SupportBand::Unknown;
    if (release->endOfSupport < planDate)
        return SupportBand::Past;
    if (release->endOfSupport <= planDate.addMonths(12))
        return SupportBand::Within12Months;
    return SupportBand::Supported;
}

QString OsLifecycle::condition(const OsRelease *release, const OsInfo &os, const QDate &planDate)
{
    const SupportBand where = band(release, planDate);
    if (where != SupportBand::Past && where != SupportBand::Within12Months)
        return {};
    const QString name = os.familyAndVersion();
    const QString date = release->endOfSupport.toString(Qt::ISODate);
    QString text = where == SupportBand::Past
                       ? QStringLiteral("End of support: %1 is past its end of support (%2) at the plan's date %3")
                             .arg(name, date, planDate.toString(Qt::ISODate))
                       : QStringLiteral("End of support: %1 reaches its end of support on %2, within 12 months of "
                                        "the plan's date %3")
                             .arg(name, date, planDate.toString(Qt::ISODate));
    if (!release->later.isEmpty())
        text += QStringLiteral("; %1").arg(release->later);
    return text + QStringLiteral(" (%1)").arg(release->source);
}

} // namespace landfall
