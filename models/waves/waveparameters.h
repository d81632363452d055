#pragma once

#include "domain/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace landfall {

/** The constraints of a wave plan and of the move groups it is made of, each with a default.
    Kept in the project (as JSON under one setting) and overridden per run from the command line. */
struct WaveParameters {
    int maxVms = 50;                ///< VMs per wave
    double maxTiB = 20;             ///< data replicated per wave
    int waveDays = 14;              ///< calendar days a wave lasts, blackout days not counted
    double bandwidthGBPerDay = 500; ///< what replication moves in a day
    QDate start;                    ///< the first wave's first day; invalid = the Monday after today
    QList<QDate> blackoutDates;     ///< days no wave works (a freeze, holidays)
    int strongLinkThreshold = 10;   ///< connections between two applications that make them one group; 0 = never
    int sharedServiceFanOut =
        25; ///< a VM that talks with more VMs than this is shared (DNS, backup) and binds no group

    /** The data a wave can replicate: the smaller of maxTiB and what the bandwidth moves in waveDays. */
    double tibPerWave() const;
    QDate effectiveStart() const;

    QJsonObject toJson() const;
    /** Reads what `json` sets over the defaults; an error names the key and what was expected. */
    static Result<WaveParameters, QString> fromJson(const QJsonObject &json);
    /** Reads one day or a range "2026-12-24..2027-01-01" into `days`; false if it is neither. */
    static bool parseBlackout(const QString &text, QList<QDate> &days);

    friend bool operator==(const WaveParameters &, const WaveParameters &) = default;
};

} // namespace landfall
