#include "waveparameters.h"

#include <QJsonArray>

#include <cmath>

namespace landfall {

double WaveParameters::tibPerWave() const
{
    const double byBandwidth = bandwidthGBPerDay > 0 ? bandwidthGBPerDay * waveDays / 1024.0 : maxTiB;
    return std::min(maxTiB, byBandwidth);
}

QDate WaveParameters::effectiveStart() const
{
    if (start.isValid())
        return start;
    const QDate today = QDate::currentDate();
    return today.addDays(8 - today.dayOfWeek()); // the next Monday
}

QJsonObject WaveParameters::toJson() const
{
    QJsonArray blackouts;
    for (const QDate &day : blackoutDates)
        blackouts.append(day.toString(Qt::ISODate));
    QJsonObject json{{QStringLiteral("maxVms"), maxVms},
                     {QStringLiteral("maxTiB"), maxTiB},
                     {QStringLiteral("waveDays"), waveDays},
                     {QStringLiteral("bandwidthGBPerDay"), bandwidthGBPerDay},
                     {QStringLiteral("blackoutDates"), blackouts},
                     {QStringLiteral("strongLinkThreshold"), strongLinkThreshold},
                     {QStringLiteral("sharedServiceFanOut"), sharedServiceFanOut}};
    if (start.isValid())
        json.insert(QStringLiteral("start"), start.toString(Qt::ISODate));
    return json;
}

bool WaveParameters::parseBlackout(const QString &text, QList<QDate> &days)
{
    const QStringList ends = text.trimmed().split(QLatin1String(".."));
    if (ends.size() > 2)
        return false;
    const QDate first = QDate::fromString(ends.constFirst().trimmed(), Qt::ISODate);
    const QDate last = ends.size() == 2 ? QDate::fromString(ends.constLast().trimmed(), Qt::ISODate) : first;
    if (!first.isValid() || !last.isValid() || last < first || first.daysTo(last) > 366)
        return false;
    for (QDate day = first; day <= last; day = day.addDays(1))
        days.append(day);
    return true;
}

Result<WaveParameters, QString> WaveParameters::fromJson(const QJsonObject &json)
{
    WaveParameters p;
    const auto positive = [&](const char *key, auto &target, double minimum) -> std::optional<QString> {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isDouble() || value.toDouble() < minimum || !std::isfinite(value.toDouble()))
            return QStringLiteral("%1: expected a number of at least %2").arg(QLatin1String(key)).arg(minimum);
        target = static_cast<std::remove_reference_t<decltype(target)>>(value.toDouble());
        return std::nullopt;
    };
    for (const auto &error :
         {positive("maxVms", p.maxVms, 1), positive("maxTiB", p.maxTiB, 0.001), positive("waveDays", p.waveDays, 1),
          positive("bandwidthGBPerDay", p.bandwidthGBPerDay, 0),
          positive("strongLinkThreshold", p.strongLinkThreshold, 0),
          positive("sharedServiceFanOut", p.sharedServiceFanOut, 1)}) {
        if (error)
            return *error;
    }
    if (json.contains(QLatin1String("start"))) {
        p.start = QDate::fromString(json.value(QLatin1String("start")).toString(), Qt::ISODate);
        if (!p.start.isValid())
            return QStringLiteral("start: expected a date as YYYY-MM-DD");
    }
    for (const QJsonValue &value : json.value(QLatin1String("blackoutDates")).toArray()) {
        if (!parseBlackout(value.toString(), p.blackoutDates))
            return QStringLiteral("blackoutDates: expected dates as YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, not '%1'")
                .arg(value.toString());
    }
    return p;
}

} // namespace landfall
