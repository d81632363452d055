#pragma once

#include "domain/decision.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** What one VM costs a month, before and after the move, and how its price was found. */
struct VmCost {
    qint64 vmId = 0;
    QString name;
    MigrationPath path = MigrationPath::Rehost;
    QString sku;        ///< the rehosted VM's size; empty where no VM size applies
    double monthly = 0; ///< after the move
    double before = 0;  ///< its share of today's on-premises cost
    QString target;     ///< how it is priced, in words ("Azure SQL Database, 2 vCores, 40 GiB")
    double sizedVcpu = 0;
    double sizedMemoryGiB = 0;
    bool sizedByUtilisation = false; ///< sized from its utilisation rather than as provisioned
    QString provisionedSku;          ///< rehost: the size it would take as provisioned
    double provisionedMonthly = 0;   ///< rehost: what that size would cost
};

/** One node pool's monthly price. */
struct PoolCost {
    QString name;
    QString sku;
    int nodes = 0;
    double hourly = 0;  ///< one node's rate
    double monthly = 0; ///< nodes, their OS disks and (under Hybrid Benefit) their licences
    bool mixed = false; ///< several sizes: `sku` reads "4 x D4s_v5 + 2 x D16s_v5", `hourly` is their mean
};

/** Today's on-premises estate per month, by what it is spent on. */
struct EstateCost {
    int hosts = 0;
    bool realHosts = false; ///< from the inventory's hosts (RVTools vHost), not the baseline host size
    double cores = 0;
    double hardware = 0;
    double virtualisation = 0;
    double licences = 0;
    double storage = 0;
    double operations = 0;
    double total() const { return hardware + virtualisation + licences + storage + operations; }
};

/** One year of the total cost of ownership. */
struct YearCost {
    int year = 0;
    double before = 0; ///< staying as today
    double after = 0;  ///< moving: the ramp, double running and the one-off costs
    double cumulativeSaving = 0;
};

/** The business case: what the estate costs today and after the move, over the years, with the
    assumptions in sentences. Every figure is in the price book's currency, per month unless named. */
struct BusinessCase {
    QString currency;
    QString priceBookName;
    QString priceBookDate;
    QString scenario;
    double before = 0;
    double after = 0;
    QMap<MigrationPath, double> byPath;       ///< sums to `after`
    QMap<MigrationPath, double> beforeByPath; ///< today's cost of the VMs of each path; sums to `before`
    QList<YearCost> years;
    std::optional<int> paybackMonth; ///< counted from the start of the move; none when it never pays back
    QList<double> cumulativeBefore;  ///< per month of the horizon, for the chart
    QList<double> cumulativeAfter;
    double oneOffMigration = 0;
    QList<VmCost> vms;
    QList<PoolCost> pools;
    double clusterMonthly = 0;
    double persistentVolumesMonthly = 0;
    EstateCost estate;
    int rehostedVms = 0;
    int vmsSizedByUtilisation = 0;
    bool anyUtilisation = false;  ///< false: every figure is at provisioned size
    double rightSizingSaving = 0; ///< a month, against the rehosted VMs' provisioned sizes
    QStringList assumptions;

    double cloudAfter() const { return after - byPath.value(MigrationPath::Retain); }
    /** `monthly` of the JSON: {before, after, byPath: {rehost, containerize, cloudNative, retire, retain}},
        `after` the sum of `byPath` to the cent. Also each scenario's `monthlyCost` in `compare --json`. */
    QJsonObject monthlyJson() const;
    /** The JSON of `landfall-cli cost --json`: keys are a public interface. */
    QJsonObject toJson() const;
};

} // namespace landfall
