#include "scenarioview.h"
#include "plainmessagebox.h"

#include "editscenariocommand.h"
#include "recommendedscenariodelegate.h"

#include "scenarioform.h"

#include "cost/projectbusinesscase.h"
#include "density/scenario.h"
#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "report/reportsettings.h"
#include "store/projectstore.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTransposeProxyModel>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace landfall {

ScenarioView::ScenarioView(ScenarioComparisonModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_undoStack(undoStack)
    , m_compared(new ComparedScenariosModel(this))
    , m_list(new QListView(this))
    , m_form(new ScenarioForm(this))
    , m_compare(new QTableView(this))
    , m_message(new QLabel(this))
    , m_duplicate(new QPushButton(tr("D&uplicate"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
    , m_saveTimer(new QTimer(this))
    , m_recommend(new QCheckBox(tr("Re&commend in the report"), this))
    , m_why(new QLineEdit(this))
    , m_listDelegate(new RecommendedScenarioDelegate(this))
{
    setObjectName(QStringLiteral("scenarioView"));
    m_compared->setSourceModel(model);

    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setAccessibleName(tr("Scenarios"));
    m_list->setModel(model);
    m_list->setModelColumn(ScenarioComparisonModel::Name);
    m_list->setToolTip(tr("Tick the scenarios to compare; select one to edit it."));
    m_list->setItemDelegate(m_listDelegate);
    m_recommend->setObjectName(QStringLiteral("scenarioRecommend"));
    m_recommend->setToolTip(tr("The report's executive summary recommends this scenario and prices it"));
    m_recommend->setAccessibleName(tr("Recommend the selected scenario"));
    m_why->setObjectName(QStringLiteral("scenarioRecommendWhy"));
    m_why->setPlaceholderText(tr("Why, in a sentence the report prints"));
    m_why->setAccessibleName(tr("Why this scenario is recommended"));
    m_why->setClearButtonEnabled(true);
    // clicked, not toggled: showing the stored mark must not store it again.
    connect(m_recommend, &QCheckBox::clicked, this, &ScenarioView::recommendCurrent);
    connect(m_why, &QLineEdit::editingFinished, this, [this]() {
        const int row = currentRow();
        if (row >= 0 && !m_recommendation.name.isEmpty() && m_recommendation.name == m_model->scenario(row).name)
            setRecommendationWhy(m_why->text());
    });
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicate->setToolTip(tr("Copy the selected scenario under a new name (Ctrl+D)"));
    m_duplicate->setAccessibleName(tr("Duplicate scenario"));
    m_remove->setToolTip(tr("Remove the selected scenario from the project"));
    m_remove->setAccessibleName(tr("Remove scenario"));
    connect(m_duplicate, &QPushButton::clicked, this, &ScenarioView::duplicateCurrent);
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        const int row = currentRow();
        if (row < 0)
            return;
        const auto answer = PlainMessageBox::question(this, tr("Remove the Scenario"),
                                                      tr("Remove the scenario %1?").arg(m_model->scenario(row).name));
        if (answer == QMessageBox::Yes)
            removeCurrent();
    });

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("<b>Scenarios</b>"), listPane));
    listLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_remove);
    listLayout->addLayout(listButtons);
    listLayout->addWidget(m_recommend);
    listLayout->addWidget(m_why);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("scenarioFormScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *formPane = new QWidget(this);
    auto *formLayout = new QVBoxLayout(formPane);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(scroll, 1);
    m_message->setObjectName(QStringLiteral("scenarioMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Scenario message"));
    formLayout->addWidget(m_message);

    // Scenarios side by side: the model has a row per scenario, the table a column per scenario.
    auto *transpose = new QTransposeProxyModel(this);
    transpose->setSourceModel(m_compared);
    m_compare->setObjectName(QStringLiteral("scenarioCompareTable"));
    m_compare->setAccessibleName(tr("Scenario comparison"));
    m_compare->setModel(transpose);
    m_compare->setRowHidden(ScenarioComparisonModel::Name, true);
    m_compare->setAlternatingRowColors(true);
    m_compare->setSelectionMode(QAbstractItemView::NoSelection);
    m_compare->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_compare->horizontalHeader()->setMinimumSectionSize(110);
    m_compare->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(transpose, &QAbstractItemModel::modelReset, this,
            [this]() { m_compare->setRowHidden(ScenarioComparisonModel::Name, true); });
    auto *comparePane = new QWidget(this);
    auto *compareLayout = new QVBoxLayout(comparePane);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(new QLabel(tr("<b>Comparison</b> (the ticked scenarios)"), comparePane));
    compareLayout->addWidget(m_compare, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(formPane);
    right->addWidget(comparePane);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("scenarioSplitter"));
    splitter->addWidget(listPane);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(250); // spin box arrows held down store once, not twenty times
    connect(m_form, &ScenarioForm::edited, m_saveTimer, qOverload<>(&QTimer::start));
    connect(m_saveTimer, &QTimer::timeout, this, &ScenarioView::commitEdits);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                commitEdits();
                m_formRow = current.isValid() ? current.row() : -1;
                m_form->setEnabled(m_formRow >= 0);
                if (m_formRow >= 0)
                    m_form->setScenario(m_model->scenario(m_formRow));
                m_duplicate->setEnabled(m_formRow >= 0);
                m_remove->setEnabled(m_formRow >= 0 && m_model->rowCount() > 1);
                showRecommendation();
                Q_EMIT currentScenarioChanged(m_formRow);
            });
    // "Re-packing..." is about work in progress: it goes when the work ends.
    connect(m_model, &ScenarioComparisonModel::resultChanged, this, [this](int row) {
        if (m_repacking.isEmpty() || row < 0 || row >= m_model->rowCount() ||
            m_model->scenario(row).name != m_repacking)
            return;
        showMessage(tr("Saved; %1 re-packed.").arg(m_repacking), false);
        m_repacking.clear();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        m_formRow = -1;
        selectRow(0);
    });
    setFocusProxy(m_list);
}

void ScenarioView::setStore(ProjectStore *store)
{
    m_saveTimer->stop();
    m_message->clear(); // the last project's messages stay with it
    m_repacking.clear();
    m_formRow = -1;
    m_store = store;
    m_recommendation = {};
    if (store)
        m_recommendation = {store->setting(ReportSettings::kRecommended),
                            store->setting(ReportSettings::kRecommendationWhy)};
    m_listDelegate->setRecommended(m_recommendation.name);
    QList<Scenario> scenarios;
    if (store) {
        for (const QString &name : store->scenarioNames()) {
            const std::optional<QString> definition = store->scenarioDefinition(name);
            const auto scenario =
                Scenario::fromJson(QJsonDocument::fromJson(definition.value_or(QString()).toUtf8()).object());
            if (scenario)
                scenarios.append(scenario.value());
        }
    }
    if (scenarios.isEmpty())
        scenarios.append(Scenario()); // the built-in "default", stored when first edited
    m_model->setScenarios(scenarios);
}

int ScenarioView::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ScenarioView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_list->selectionModel()->setCurrentIndex(m_model->index(row, ScenarioComparisonModel::Name),
                                              QItemSelectionModel::ClearAndSelect);
}

void ScenarioView::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b03a2e;") : QString());
    m_message->setText(text);
}

QString ScenarioView::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_model->rowForName(name) >= 0; ++n)
        name = tr("%1 (%2)").arg(base).arg(n);
    return name;
}

bool ScenarioView::store(const Scenario &scenario, const QString &previousName)
{
    if (!m_store)
        return false;
    if (!previousName.isEmpty() && previousName != scenario.name) {
        if (auto removed = m_store->removeScenario(previousName); !removed) {
            showMessage(removed.error().message, true);
            return false;
        }
    }
    // The keys the form does not edit (the cost model's node.sku) stay as they were stored.
    const QJsonObject stored =
        QJsonDocument::fromJson(m_store->scenarioDefinition(previousName.isEmpty() ? scenario.name : previousName)
                                    .value_or(QString())
                                    .toUtf8())
            .object();
    const QString json = QString::fromUtf8(
        QJsonDocument(ProjectBusinessCase::definitionToStore(scenario, stored)).toJson(QJsonDocument::Compact));
    if (std::optional<StoreError> error = m_store->saveScenario(scenario.name, json)) {
        showMessage(tr("Not saved: %1").arg(error->message), true);
        return false;
    }
    return true;
}

bool ScenarioView::commitEdits()
{
    m_saveTimer->stop();
    const int row = m_formRow;
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const Scenario previous = m_model->scenario(row);
    Scenario edited = m_form->scenario();
    if (edited.toJson() == previous.toJson())
        return true;
    if (edited.name.isEmpty()) {
        showMessage(tr("A scenario needs a name."), true);
        return false;
    }
    const int sameName = m_model->rowForName(edited.name);
    if (sameName >= 0 && sameName != row) {
        showMessage(tr("Another scenario is named %1.").arg(edited.name), true);
        return false;
    }
    // The density engine's own reading of the scenario is the validation: a value it refuses is
    // named by its key and not stored.
    const auto checked = Scenario::fromJson(edited.toJson());
    if (!checked) {
        showMessage(tr("Not saved: %1").arg(checked.error().toString()), true);
        return false;
    }
    m_undoStack->push(new EditScenarioCommand(this, previous, checked.value()));
    return m_model->scenario(row).toJson() == checked.value().toJson();
}

bool ScenarioView::applyScenario(const QString &name, const Scenario &replacement)
{
    m_saveTimer->stop(); // an undo replaces what the form held
    const int row = m_model->rowForName(name);
    if (row < 0 || !store(replacement, name))
        return false;
    m_model->setScenario(row, replacement);
    if (name != replacement.name && m_recommendation.name == name) {
        // The mark follows a rename (and its undo), as the report looks the scenario up by name.
        ScenarioRecommendation renamed = m_recommendation;
        renamed.name = replacement.name;
        if (storeRecommendation(renamed))
            showRecommendation();
    }
    if (name != replacement.name) {
        // A rename: the comparison's column header repaints only when told, and the proxies
        // between it and the model do not all pass the header change on.
        QAbstractItemModel *comparison = m_compare->model();
        Q_EMIT comparison->headerDataChanged(Qt::Horizontal, 0, std::max(0, comparison->columnCount() - 1));
    }
    if (row == m_formRow && m_form->scenario().toJson() != replacement.toJson())
        m_form->setScenario(replacement); // an undo or redo: the form was not where the edit was typed
    showMessage(tr("Saved; re-packing %1...").arg(replacement.name), false);
    m_repacking = replacement.name;
    Q_EMIT currentScenarioChanged(row);
    return true;
}

bool ScenarioView::duplicateCurrent()
{
    commitEdits();
    const int row = currentRow();
    if (row < 0 || !m_store)
        return false;
    Scenario copy = m_model->scenario(row);
    copy.name = uniqueName(tr("%1 copy").arg(copy.name));
    // The source may be the unsaved built-in default: store it too, so both are in the project.
    if (!m_store->scenarioDefinition(m_model->scenario(row).name) && !store(m_model->scenario(row), {}))
        return false;
    const int before = m_undoStack->count();
    m_undoStack->push(
        new AddOrRemoveScenarioCommand(this, AddOrRemoveScenarioCommand::Action::Add, copy, m_model->rowCount()));
    return m_undoStack->count() > before;
}

bool ScenarioView::removeCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_model->rowCount() < 2 || !m_store)
        return false;
    m_saveTimer->stop();
    const int before = m_undoStack->count();
    m_undoStack->push(
        new AddOrRemoveScenarioCommand(this, AddOrRemoveScenarioCommand::Action::Remove, m_model->scenario(row), row));
    return m_undoStack->count() > before;
}

bool ScenarioView::insertScenario(const Scenario &scenario, int row)
{
    if (m_model->rowForName(scenario.name) >= 0 || !store(scenario, {}))
        return false;
    m_model->addScenario(scenario, row);
    selectRow(std::min(row, m_model->rowCount() - 1));
    showMessage(tr("%1 added.").arg(scenario.name), false);
    return true;
}

bool ScenarioView::deleteScenario(const QString &name)
{
    const int row = m_model->rowForName(name);
    if (row < 0 || m_model->rowCount() < 2 || !m_store)
        return false;
    m_saveTimer->stop();
    if (auto removed = m_store->removeScenario(name); !removed) {
        showMessage(removed.error().message, true);
        return false;
    }
    if (m_recommendation.name == name && storeRecommendation({})) // as `scenario --remove` does
        showRecommendation();
    m_formRow = -1;
    m_model->removeScenario(row);
    selectRow(std::min(row, m_model->rowCount() - 1));
    showMessage(tr("%1 removed.").arg(name), false);
    return true;
}

QString ScenarioView::listLabel(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    return m_listDelegate->label(m_model->index(row, ScenarioComparisonModel::Name).data().toString());
}

bool ScenarioView::recommendCurrent(bool recommended)
{
    commitEdits();
    const int row = currentRow();
    if (row < 0 || !m_store)
        return false;
    const QString name = m_model->scenario(row).name;
    ScenarioRecommendation after;
    if (recommended)
        after = {name, m_recommendation.name == name ? m_recommendation.why : m_why->text().trimmed()};
    else if (m_recommendation.name != name)
        return true; // the mark is on another scenario: nothing to clear here
    if (after == m_recommendation) {
        showRecommendation();
        return true;
    }
    // The report recommends a stored scenario: the unsaved built-in default is stored first.
    if (recommended && !m_store->scenarioDefinition(name) && !store(m_model->scenario(row), {})) {
        showRecommendation();
        return false;
    }
    m_undoStack->push(new RecommendScenarioCommand(this, m_recommendation, after));
    return m_recommendation == after;
}

bool ScenarioView::setRecommendationWhy(const QString &why)
{
    if (m_recommendation.name.isEmpty() || !m_store)
        return false;
    const ScenarioRecommendation after{m_recommendation.name, why.trimmed()};
    if (after == m_recommendation)
        return true;
    m_undoStack->push(new RecommendScenarioCommand(this, m_recommendation, after));
    return m_recommendation == after;
}

bool ScenarioView::storeRecommendation(const ScenarioRecommendation &recommendation)
{
    if (!m_store)
        return false;
    for (const auto &[key, value] : {std::pair{ReportSettings::kRecommended, recommendation.name},
                                     std::pair{ReportSettings::kRecommendationWhy, recommendation.why}}) {
        // A null string is stored as SQL NULL, which the settings table refuses: an empty one clears.
        if (std::optional<StoreError> error = m_store->setSetting(key, value.isNull() ? QStringLiteral("") : value)) {
            showMessage(tr("Not saved: %1").arg(error->message), true);
            return false;
        }
    }
    m_recommendation = recommendation;
    m_listDelegate->setRecommended(recommendation.name);
    m_list->viewport()->update();
    return true;
}

bool ScenarioView::applyRecommendation(const ScenarioRecommendation &recommendation)
{
    if (!storeRecommendation(recommendation)) {
        showRecommendation();
        return false;
    }
    showRecommendation();
    showMessage(recommendation.name.isEmpty() ? tr("No scenario is recommended in the report.")
                                              : tr("The report recommends %1.").arg(recommendation.name),
                false);
    return true;
}

void ScenarioView::showRecommendation()
{
    const int row = currentRow();
    const bool isRecommended =
        row >= 0 && !m_recommendation.name.isEmpty() && m_model->scenario(row).name == m_recommendation.name;
    const QSignalBlocker blocker(m_recommend);
    m_recommend->setEnabled(row >= 0 && m_store);
    m_recommend->setChecked(isRecommended);
    // The why belongs to the recommended scenario; typed before the box is ticked, it goes with the mark.
    m_why->setText(isRecommended ? m_recommendation.why : QString());
    m_why->setEnabled(row >= 0 && m_store);
}

} // namespace landfall
