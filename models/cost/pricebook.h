#pragma once

#include "domain/decision.h"
#include "domain/jsonfieldreader.h"
#include "domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace landfall {

/** Why a price book was refused: the key (a JSON path such as "vmSkus[3].linuxHourly") and what was wrong. */
using PriceBookError = JsonFieldError;

/** One virtual machine size a cloud sells, with its hourly rates. */
struct VmSku {
    QString name;
    QString series;
    int vcpu = 0;
    double memoryGiB = 0;
    double linuxHourly = 0;
    double windowsHourly = 0; ///< licence included
    bool gpu = false;
    bool nestedVirtualisation = false; ///< can host Kata pod VMs (AKS Pod Sandboxing)
    QString source;
    QString date;

    /** The rate paid: Windows with its licence included, or the Linux rate (Linux, or Windows
        under Azure Hybrid Benefit). */
    double hourly(bool windowsLicenceIncluded) const { return windowsLicenceIncluded ? windowsHourly : linuxHourly; }
};

/** The prices a business case is computed from: cloud list prices, the on-premises estate's
    running costs and the migration's one-off costs. Kept as JSON in the project, shipped with a
    dated default (resources/pricing/); a consultant's own book (discounts, another region or
    cloud) replaces it. Every figure of the business case traces to one of these keys. */
struct PriceBook {
    QString name;
    QString currency;
    QString currencySymbol; ///< shown before amounts; the currency code when the book names none
    QString date;
    QString region;
    QString notice;
    double hoursPerMonth = 730;
    QList<VmSku> vmSkus;
    double diskGiBMonth = 0;
    double kubernetesClusterHourly = 0;

    struct Paas {
        double databasePerVcpuHourly = 0;
        double databasePerGiBMonth = 0;
        int databaseMinVcpu = 0;
        double appPlatformPerVcpuHourly = 0;
        double appPlatformWindowsPerVcpuHourly = 0;
        int appPlatformMinVcpu = 0;
        double fileSharePerGiBMonth = 0;
    } paas;

    struct Licences {
        double windowsServerStandardPer16Cores = 0;
        double windowsServerDatacenterPer16Cores = 0;
        double amortisationYears = 5; ///< a bought licence is spread over this many years of use
    } licences;

    struct OnPremises {
        double perHostYear = 0;
        double perCoreYearVirtualisation = 0;
        double perGiBYearStorage = 0;
        double perVmYearOperations = 0;
    } onPremises;

    struct Migration {
        QMap<MigrationPath, double> perVm; ///< one-off cost of moving one VM by this path
        QList<double> rampShareByYear;     ///< the share of the VMs moved in each year; sums to 1
        int doubleRunningMonths = 0;       ///< a moved VM still runs on premises this long
    } migration;

    /** Where each scalar price comes from, by key: {"diskGiBMonth": {"source", "date"}}. */
    QJsonObject sources;

    /** Reads a book; a missing key takes its value from `defaults`, a bad value is refused naming its key. */
    static Result<PriceBook, PriceBookError> fromJson(const QJsonObject &json, const PriceBook &defaults);
    /** Reads a book over the built-in default. */
    static Result<PriceBook, PriceBookError> fromJson(const QJsonObject &json);
    /** Reads a book from the bytes of a JSON file; `origin` names it in the error. */
    static Result<PriceBook, PriceBookError> fromJsonText(const QByteArray &text);
    QJsonObject toJson() const;

    /** The default book compiled in from resources/pricing/azure-payg-eastus.json. */
    static const PriceBook &builtIn();

    /** A money amount in this book's currency, with the locale's separators: "$12,345.67". */
    QString formatMoney(double amount, int decimals = 2) const;
};

} // namespace landfall
