#include "projectbusinesscase.h"

#include "densitycostmapping.h"
#include "nodesizepricing.h"

#include "density/densityengine.h"
#include "density/workload.h"
#include "store/projectstore.h"
#include "waves/waveinput.h"
#include "waves/waveplanmodel.h"
#include "waves/waveplanner.h"

#include <QHash>
#include <QJsonDocument>

namespace landfall {

Result<PriceBook, PriceBookError> ProjectBusinessCase::priceBook(const ProjectStore &store)
{
    const QString stored = store.setting(kPriceBookSetting);
    if (stored.isEmpty())
        return PriceBook::builtIn();
    auto book = PriceBook::fromJsonText(stored.toUtf8());
    if (!book)
        return PriceBookError{book.error().key, QStringLiteral("the project's price book: ") + book.error().message};
    return book;
}

bool ProjectBusinessCase::hasOwnPriceBook(const ProjectStore &store)
{
    return !store.setting(kPriceBookSetting).isEmpty();
}

std::optional<StoreError> ProjectBusinessCase::savePriceBook(ProjectStore &store, const PriceBook &book)
{
    return store.setSetting(kPriceBookSetting,
                            QString::fromUtf8(QJsonDocument(book.toJson()).toJson(QJsonDocument::Compact)));
}

std::optional<StoreError> ProjectBusinessCase::resetPriceBook(ProjectStore &store)
{
    // An empty value (not a null one: the column is NOT NULL) means the built-in book.
    return store.setSetting(kPriceBookSetting, QStringLiteral(""));
}

Result<StoredScenario, CostError> ProjectBusinessCase::scenario(const ProjectStore &store, const QString &name)
{
    const QStringList names = store.scenarioNames();
    const QString wanted = name.isEmpty() && !names.isEmpty() ? names.constFirst() : name;
    if (wanted.isEmpty() || (wanted == QLatin1String("default") && !names.contains(wanted)))
        return StoredScenario{Scenario(), QJsonObject()};
    const std::optional<QString> definition = store.scenarioDefinition(wanted);
    if (!definition) {
        QStringList known = names;
        known.append(QStringLiteral("default"));
        return CostError{
            QStringLiteral("scenario"),
            QStringLiteral("no scenario named '%1'; the project has %2").arg(wanted, known.join(QStringLiteral(", ")))};
    }
    const QJsonObject json = QJsonDocument::fromJson(definition->toUtf8()).object();
    auto parsed = Scenario::fromJson(json);
    if (!parsed)
        return CostError{QStringLiteral("scenario"), parsed.error().toString()};
    return StoredScenario{parsed.value(), json};
}

namespace {

QJsonObject withUnreadKeysKept(QJsonObject normalised, const QJsonObject &file)
{
    for (auto it = file.constBegin(); it != file.constEnd(); ++it) {
        const auto known = normalised.constFind(it.key());
        if (known == normalised.constEnd())
            normalised.insert(it.key(), it.value());
        else if (known->isObject() && it.value().isObject())
            normalised.insert(it.key(), withUnreadKeysKept(known->toObject(), it.value().toObject()));
    }
    return normalised;
}

} // namespace

bool ProjectBusinessCase::hasWavePlan(const ProjectStore &store)
{
    return !store.setting(WavePlanModel::kParametersKey).isEmpty() || !store.wavePins().isEmpty() ||
           !store.moveGroups().isEmpty() || store.dependencyCount() > 0;
}

std::optional<WavePlanInputs> ProjectBusinessCase::wavePlanInputs(const ProjectStore &store)
{
    if (!hasWavePlan(store))
        return std::nullopt;
    WavePlanInputs inputs;
    const QString saved = store.setting(WavePlanModel::kParametersKey);
    if (!saved.isEmpty()) {
        auto read = WaveParameters::fromJson(QJsonDocument::fromJson(saved.toUtf8()).object());
        if (read)
            inputs.parameters = read.value();
    }
    inputs.input = WaveInput::fromProject(store);
    inputs.pins = store.wavePins();
    return inputs;
}

std::optional<WaveRamp> ProjectBusinessCase::waveRamp(const std::optional<WavePlanInputs> &inputs)
{
    if (!inputs)
        return std::nullopt;
    return WaveRamp::fromPlan(WavePlanner::plan(inputs->input, inputs->parameters, inputs->pins));
}

QJsonObject ProjectBusinessCase::definitionToStore(const Scenario &scenario, const QJsonObject &file)
{
    return withUnreadKeysKept(scenario.toJson(), file);
}

Result<BusinessCaseSource, CostError> ProjectBusinessCase::source(const ProjectStore &store,
                                                                  const QString &scenarioName, int years)
{
    auto book = priceBook(store);
    if (!book)
        return CostError{QStringLiteral("priceBook"), book.error().toString()};
    auto stored = scenario(store, scenarioName);
    if (!stored)
        return stored.error();

    BusinessCaseSource source;
    BusinessCaseInputs &in = source.inputs;
    in.vms = store.vms();
    in.decisions = store.decisions();
    in.hosts = store.hosts();
    in.book = book.value();
    // Mixed node sizes without prices of their own take them from the book.
    in.scenario = NodeSizePricing::priced(stored->scenario, stored->json, in.book);
    in.years = years;
    in.waves = waveRamp(store);
    source.scenarioJson = stored->json;
    return source;
}

QList<Workload> ProjectBusinessCase::containerWorkloads(const BusinessCaseInputs &in)
{
    QHash<qint64, const Decision *> decisionOf;
    for (const Decision &d : std::as_const(in.decisions))
        decisionOf.insert(d.vmId, &d);
    QList<Workload> workloads;
    for (const Vm &vm : std::as_const(in.vms)) {
        const Decision *d = decisionOf.value(vm.id);
        if (d && d->path == MigrationPath::Containerize)
            workloads.append(Workload::fromVm(vm, *d));
    }
    return workloads;
}

Result<BusinessCase, CostError> ProjectBusinessCase::compute(const ProjectStore &store, const QString &scenarioName,
                                                             int years)
{
    auto src = source(store, scenarioName, years);
    if (!src)
        return src.error();
    DensityEngine::Options options;
    options.vmHosts = false; // the cost model prices today's estate itself
    const auto density = DensityEngine(src->inputs.scenario).run(containerWorkloads(src->inputs), options);
    if (!density)
        return CostError{QStringLiteral("scenario %1").arg(src->inputs.scenario.name), density.error().toString()};
    return compute(src.value(), density.value());
}

Result<BusinessCase, CostError> ProjectBusinessCase::compute(const BusinessCaseSource &source,
                                                             const DensityResult &density)
{
    BusinessCaseInputs in = source.inputs;
    in.platform = DensityCostMapping::map(density, in.scenario, source.scenarioJson, containerWorkloads(in), in.vms);
    return BusinessCaseCalculator::compute(in);
}

} // namespace landfall
