#pragma once

#include "businesscase.h"
#include "businesscasecalculator.h"
#include "pricebook.h"
#include "waveramp.h"

#include "waves/waveinput.h"
#include "waves/waveparameters.h"

#include "density/densityresult.h"
#include "density/scenario.h"
#include "density/workload.h"
#include "domain/result.h"
#include "store/storeerror.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace landfall {

class ProjectStore;

/** A scenario as stored, with the JSON it was read from (the cost model reads keys the density
    engine does not know, such as `node.sku`). */
struct StoredScenario {
    Scenario scenario;
    QJsonObject json;
};

/** What a project's waves are planned from, as plain data. */
struct WavePlanInputs {
    WaveInput input;
    WaveParameters parameters;
    QHash<QString, int> pins;
};

/** What a project's business case is computed from, read out of the store: everything but the
    density result of its scenario, so that a caller that has packed the scenario already (the
    report) finishes it off the store's thread without packing it again. */
struct BusinessCaseSource {
    BusinessCaseInputs inputs; ///< `platform` still empty
    QJsonObject scenarioJson;  ///< the scenario as stored (the cost model reads keys such as `node.sku`)
};

/** The business case of a project: its price book (the `priceBook` setting, else the built-in
    default), its VMs, hosts and decisions, and a scenario's density result, put together. */
class ProjectBusinessCase {
public:
    static inline const QString kPriceBookSetting = QStringLiteral("priceBook");

    /** The project's price book; the built-in one when the project keeps none. */
    static Result<PriceBook, PriceBookError> priceBook(const ProjectStore &store);
    /** True when the project keeps a price book of its own. */
    static bool hasOwnPriceBook(const ProjectStore &store);
    static std::optional<StoreError> savePriceBook(ProjectStore &store, const PriceBook &book);
    /** Goes back to the built-in price book. */
    static std::optional<StoreError> resetPriceBook(ProjectStore &store);

    /** The scenario of that name; an empty name: the project's first scenario, else every default. */
    static Result<StoredScenario, CostError> scenario(const ProjectStore &store, const QString &name);
    /** True once the consultant has planned waves in the project: saved wave parameters, a pinned
        group, explicit move groups or imported dependencies. Then the business case ramps with the waves. */
    static bool hasWavePlan(const ProjectStore &store);
    /** What the project's waves are planned from (its VMs and dependencies, the saved parameters and
        pins), read from the store; none without a wave plan. Planning them is left to the caller,
        so that a view can plan off the GUI thread. */
    static std::optional<WavePlanInputs> wavePlanInputs(const ProjectStore &store);
    /** The waves of those inputs as the business case ramps with them; none when no wave moves a VM. */
    static std::optional<WaveRamp> waveRamp(const std::optional<WavePlanInputs> &inputs);
    /** The project's wave plan as the business case ramps with it. */
    static std::optional<WaveRamp> waveRamp(const ProjectStore &store) { return waveRamp(wavePlanInputs(store)); }
    /** The JSON to store for a scenario: the density engine's normalised keys, with the keys it does
        not read (`node.sku`, at any depth) kept from `file`, the scenario's file or previous definition. */
    static QJsonObject definitionToStore(const Scenario &scenario, const QJsonObject &file);
    /** Everything but the density result, read from the store: the price book, the scenario, the
        VMs, hosts and decisions, the wave ramp. */
    static Result<BusinessCaseSource, CostError> source(const ProjectStore &store, const QString &scenarioName,
                                                        int years);
    /** The containerized VMs of a source, as the density engine packs them. */
    static QList<Workload> containerWorkloads(const BusinessCaseInputs &inputs);
    /** Everything computed: the density engine packs the containerized VMs under the scenario. */
    static Result<BusinessCase, CostError> compute(const ProjectStore &store, const QString &scenarioName, int years);
    /** The business case of a source with its scenario's density result computed already, for the
        source's containerized VMs (containerWorkloads) under source.inputs.scenario; the same
        figures as compute() on the store. */
    static Result<BusinessCase, CostError> compute(const BusinessCaseSource &source, const DensityResult &density);
};

} // namespace landfall
