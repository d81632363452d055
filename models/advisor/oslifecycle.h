#pragma once

#include "domain/osinfo.h"
#include "domain/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace landfall {

/** One OS release and the end of its support, with where the date comes from. */
struct OsRelease {
    QString family;
    QString version;
    QDate endOfSupport;
    QString source;
    QString later; ///< what came after in words ("extended security updates ended ..."), or empty
};

/** Where a VM's OS stands against its end of support at the plan's date. */
enum class SupportBand { Unknown, Supported, Within12Months, Past };

/** The OS lifecycle table (resources/advisor/os-lifecycle.json): the end of support of each
    release a consultant meets, so that every VM on an OS near or past it is named as a risk. */
class OsLifecycle {
public:
    static constexpr const char *kFormat = "landfall-os-lifecycle";

    static Result<OsLifecycle, QString> parse(const QByteArray &json, const QString &source);
    /** The table Landfall ships, read once. */
    static const OsLifecycle &shipped();

    const QList<OsRelease> &releases() const { return m_releases; }
    /** The release an OS is, matched by family and version ("8" matches "8.9"). */
    const OsRelease *release(const OsInfo &os) const;
    static SupportBand band(const OsRelease *release, const QDate &planDate);
    /** The condition a VM in the Past or Within12Months band gets, naming the date; empty otherwise. */
    static QString condition(const OsRelease *release, const OsInfo &os, const QDate &planDate);

private:
    QList<OsRelease> m_releases;
};

} // namespace landfall
