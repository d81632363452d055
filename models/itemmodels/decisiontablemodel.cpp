#include "decisiontablemodel.h"

#include "advisor/migrationadvisor.h"
#include "advisor/projectadvisor.h"
#include "advisor/rulesetjson.h"
#include "store/projectstore.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace landfall {

DecisionTableModel::DecisionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

DecisionTableModel::~DecisionTableModel()
{
    m_runningLoad.waitForFinished(); // it writes to the project: not after the model is gone
}

namespace {

/** What the background load of a plan brings back: the project's VMs, overrides and decisions. */
struct LoadedPlan {
    QList<Vm> vms;
    QHash<QString, ManualOverride> overrides;
    QList<Decision> decisions;
    QString problem; ///< why the project could not be classified, when it could not
};

/** Keeps the decisions in the project, with the rules they came from, for the CLI and the report. */
void keepPlan(ProjectStore &store, const QList<Decision> &decisions)
{
    const QString rulesKey = QLatin1String(ProjectAdvisor::kRulesKey);
    if (store.setting(rulesKey).isEmpty())
        store.setSetting(rulesKey, QString::fromUtf8(RuleSetJson::write(RuleSet::defaults())));
    store.saveDecisions(decisions);
}

/** Reads and classifies the project at `path`, and keeps the plan in it, on its own connection:
    it runs on the thread pool, and a QtSql connection belongs to the thread that opened it. */
LoadedPlan loadPlan(const QString &path)
{
    LoadedPlan plan;
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
    if (!store) {
        plan.problem = store.error().message;
        return plan;
    }
    ProjectAdvisor project(**store);
    Result<RuleSet, AdvisorError> rules = project.rules();
    const AdvisorInputs inputs = project.inputs();
    if (!rules) {
        plan.problem = rules.error().message;
        return plan;
    }
    if (std::optional<QString> problem = inputs.problem()) {
        plan.problem = *problem;
        return plan;
    }
    plan.vms = (*store)->vms();
    plan.overrides = (*store)->overrides();
    plan.decisions = MigrationAdvisor(rules.value(), inputs).classifyAll(plan.vms, plan.overrides);
    keepPlan(**store, plan.decisions); // a first save of 100,000 decisions takes seconds: not on the GUI thread
    return plan;
}

} // namespace

void DecisionTableModel::setStore(ProjectStore *store)
{
    m_store = store;
    reload();
}

void DecisionTableModel::setStoreInBackground(ProjectStore *store)
{
    m_store = store;
    ++m_loadGeneration;
    m_editedWhileLoading.clear();
    if (!m_store) {
        reload();
        return;
    }
    // Reading and classifying 100,000 VMs takes about a second: it runs beside the window's
    // first paint instead of before it. Until it lands, the plan is empty and loading() is true.
    beginResetModel();
    m_vms.clear();
    m_decisions.clear();
    m_rowOfId.clear();
    m_overrides.clear();
    m_loading = true;
    endResetModel();
    Q_EMIT loadingChanged(true);
    const quint64 generation = m_loadGeneration;
    auto *watcher = new QFutureWatcher<LoadedPlan>(this);
    connect(watcher, &QFutureWatcher<LoadedPlan>::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // another project, or a reload, since
        LoadedPlan plan = watcher->result();
        installPlan(std::move(plan.vms), std::move(plan.overrides), std::move(plan.decisions), plan.problem);
    });
    QFuture<LoadedPlan> load = QtConcurrent::run(loadPlan, m_store->path());
    m_runningLoad = load;
    watcher->setFuture(load);
}

void DecisionTableModel::installPlan(QList<Vm> vms, QHash<QString, ManualOverride> overrides, QList<Decision> decisions,
                                     const QString &problem)
{
    beginResetModel();
    m_loading = false;
    m_problem = problem;
    if (problem.isEmpty() && rebuildAdvisor()) {
        m_vms = std::move(vms);
        m_overrides = std::move(overrides);
        m_decisions = std::move(decisions);
        m_rowOfId.reserve(m_vms.size());
        for (int row = 0; row < m_vms.size(); ++row)
            m_rowOfId.insert(m_vms[row].id, row);
    }
    endResetModel();
    Q_EMIT loadingChanged(false);
    Q_EMIT decisionsChanged();
    // Edits made while the plan loaded were read from the file before them.
    const QList<qint64> edited = std::exchange(m_editedWhileLoading, {});
    reclassifyVms(edited);
}

bool DecisionTableModel::rebuildAdvisor()
{
    m_advisor.reset();
    m_problem.clear();
    if (!m_store)
        return false;
    ProjectAdvisor project(*m_store);
    Result<RuleSet, AdvisorError> rules = project.rules();
    if (!rules) {
        m_problem = rules.error().message;
        return false;
    }
    const AdvisorInputs inputs = project.inputs();
    if (std::optional<QString> problem = inputs.problem()) {
        m_problem = *problem;
        return false;
    }
    m_advisor = std::make_unique<MigrationAdvisor>(rules.value(), inputs);
    return true;
}

void DecisionTableModel::reload()
{
    ++m_loadGeneration; // a background load still running is out of date now
    // It also writes the plan it classified: let it finish first, so that it cannot write over
    // the plan classified here.
    m_runningLoad.waitForFinished();
    const bool wasLoading = std::exchange(m_loading, false);
    beginResetModel();
    m_vms.clear();
    m_decisions.clear();
    m_rowOfId.clear();
    m_overrides.clear();
    m_editedWhileLoading.clear();
    if (m_store && rebuildAdvisor()) {
        m_vms = m_store->vms();
        m_overrides = m_store->overrides();
        m_decisions = m_advisor->classifyAll(m_vms, m_overrides);
        m_rowOfId.reserve(m_vms.size());
        for (int row = 0; row < m_vms.size(); ++row)
            m_rowOfId.insert(m_vms[row].id, row);
        keepPlan(*m_store, m_decisions);
    }
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
    Q_EMIT decisionsChanged();
}

void DecisionTableModel::reclassifyVms(const QList<qint64> &vmIds)
{
    if (m_loading) {
        m_editedWhileLoading.append(vmIds);
        return;
    }
    if (!m_store || !m_advisor)
        return;
    QList<Decision> changed;
    for (const Vm &vm : m_store->vmsWithIds(vmIds)) {
        const int row = rowForId(vm.id);
        if (row < 0)
            continue;
        m_vms[row] = vm;
        const auto it = m_overrides.constFind(vm.identityKey());
        Decision decision = m_advisor->classify(vm, it == m_overrides.cend() ? nullptr : &*it);
        if (decision == m_decisions[row])
            continue;
        m_decisions[row] = std::move(decision);
        changed.append(m_decisions[row]);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (changed.isEmpty())
        return;
    // The project keeps the plan it shows: the CLI and the report read it.
    m_store->updateDecisions(changed);
    Q_EMIT decisionsChanged();
}

std::optional<ManualOverride> DecisionTableModel::manualOverride(qint64 vmId) const
{
    const int row = rowForId(vmId);
    if (row < 0)
        return std::nullopt;
    const auto it = m_overrides.constFind(m_vms[row].identityKey());
    if (it == m_overrides.cend())
        return std::nullopt;
    return *it;
}

std::optional<QString> DecisionTableModel::setManualOverride(qint64 vmId,
                                                             const std::optional<ManualOverride> &manualOverride)
{
    const int row = rowForId(vmId);
    if (!m_store || row < 0)
        return tr("The VM is no longer in the project.");
    const QString key = m_vms[row].identityKey();
    std::optional<StoreError> error;
    if (manualOverride) {
        ManualOverride value = *manualOverride;
        value.identityKey = key;
        error = m_store->setOverride(value);
        if (!error)
            m_overrides.insert(key, value);
    } else {
        error = m_store->clearOverride(key);
        if (!error)
            m_overrides.remove(key);
    }
    if (error)
        return error->message;
    reclassifyVms({vmId});
    return std::nullopt;
}

QMap<MigrationPath, int> DecisionTableModel::pathCounts() const
{
    QMap<MigrationPath, int> counts;
    for (const Decision &decision : m_decisions)
        ++counts[decision.path];
    return counts;
}

QString DecisionTableModel::decidingRule(const Decision &decision)
{
    return decision.trace.isEmpty() ? QString() : decision.trace.constFirst().ruleId;
}

QHash<QString, int> DecisionTableModel::ruleHitCounts() const
{
    QHash<QString, int> counts;
    for (const Decision &decision : m_decisions)
        ++counts[decidingRule(decision)];
    return counts;
}

QHash<qint64, MigrationPath> DecisionTableModel::pathsByVm() const
{
    QHash<qint64, MigrationPath> paths;
    paths.reserve(m_decisions.size());
    for (const Decision &decision : m_decisions)
        paths.insert(decision.vmId, decision.path);
    return paths;
}

QList<Workload> DecisionTableModel::containerWorkloads() const
{
    QList<Workload> workloads;
    for (int row = 0; row < m_decisions.size(); ++row) {
        if (m_decisions[row].path == MigrationPath::Containerize)
            workloads.append(Workload::fromVm(m_vms[row], m_decisions[row]));
    }
    return workloads;
}

int DecisionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_decisions.size());
}

int DecisionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DecisionTableModel::pathText(MigrationPath path)
{
    switch (path) {
    case MigrationPath::Rehost:
        return tr("Rehost");
    case MigrationPath::Containerize:
        return tr("Containerize");
    case MigrationPath::CloudNative:
        return tr("Cloud native");
    case MigrationPath::Retire:
        return tr("Retire");
    case MigrationPath::Retain:
        return tr("Retain");
    }
    return {};
}

QString DecisionTableModel::isolationText(landfall::Isolation isolation)
{
    switch (isolation) {
    case landfall::Isolation::None:
        return tr("None");
    case landfall::Isolation::Process:
        return tr("Process");
    case landfall::Isolation::HyperV:
        return tr("Hyper-V");
    case landfall::Isolation::Kata:
        return tr("Kata");
    }
    return {};
}

QString DecisionTableModel::confidenceText(landfall::Confidence confidence)
{
    switch (confidence) {
    case landfall::Confidence::High:
        return tr("High");
    case landfall::Confidence::Medium:
        return tr("Medium");
    case landfall::Confidence::Low:
        return tr("Low");
    }
    return {};
}

QVariant DecisionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision &d = m_decisions[index.row()];
    if (role == IdRole)
        return d.vmId;
    if (role == KeyRole) {
        switch (index.column()) {
        case Path:
            return migrationPathKey(d.path);
        case Isolation:
            return isolationKey(d.isolation);
        case Confidence:
            return confidenceKey(d.confidence);
        case Override:
            return d.overridden;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name:
            return m_vms[index.row()].name;
        case Path:
            return pathText(d.path);
        case Target:
            return d.target;
        case BaseImage:
            return d.baseImage;
        case Isolation:
            return d.path == MigrationPath::Containerize ? isolationText(d.isolation) : QString();
        case Confidence:
            return confidenceText(d.confidence);
        case Override:
            return d.overridden ? (d.overrideNote.isEmpty() ? tr("By hand") : d.overrideNote) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == Path && d.overridden) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole && index.column() == Confidence && d.confidence == landfall::Confidence::Low)
        return QBrush(QColor(0xb0, 0x3a, 0x2e));
    return {};
}

QVariant DecisionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("VM");
    case Path:
        return tr("Path");
    case Target:
        return tr("Target");
    case BaseImage:
        return tr("Base image");
    case Isolation:
        return tr("Isolation");
    case Confidence:
        return tr("Confidence");
    case Override:
        return tr("Override note");
    default:
        return {};
    }
}

} // namespace landfall
