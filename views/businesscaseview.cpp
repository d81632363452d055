#include "businesscaseview.h"

#include "pricebookeditor.h"
#include "setpricebookcommand.h"

#include "charts/businesscasecharts.h"
#include "charts/livechartview.h"
#include "cost/businesscasecalculator.h"
#include "cost/businesscasemodels.h"
#include "cost/densitycostmapping.h"
#include "cost/projectbusinesscase.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "store/projectstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace landfall {

BusinessCaseView::BusinessCaseView(DecisionTableModel *plan, ScenarioComparisonModel *scenarios, QUndoStack *undoStack,
                                   QWidget *parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_scenarios(scenarios)
    , m_undoStack(undoStack)
    , m_byPath(new CostByPathModel(this))
    , m_timeline(new CostTimelineModel(this))
    , m_vms(new VmCostTableModel(this))
    , m_scenarioBox(new QComboBox(this))
    , m_years(new QSpinBox(this))
    , m_headline(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_assumptions(new QLabel(this))
    , m_monthlyChart(new LiveChartView(
          m_byPath, [this]() { return MonthlyCostChart::create(m_byPath); },
          tr("A month: today against after the move")))
    , m_yearsChart(new LiveChartView(
          m_timeline, [this]() { return CostOverYearsChart::create(m_timeline); },
          tr("Cumulative cost over the years")))
    , m_vmTable(new QTableView(this))
    , m_editor(new PriceBookEditor(this))
    , m_pages(new QTabWidget(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("businessCaseView"));
    m_scenarioBox->setObjectName(QStringLiteral("businessCaseScenario"));
    m_scenarioBox->setAccessibleName(tr("Scenario for the containers"));
    m_years->setObjectName(QStringLiteral("businessCaseYears"));
    m_years->setRange(1, 30);
    m_years->setValue(3);
    m_years->setSuffix(tr(" years"));
    m_years->setAccessibleName(tr("Years of the total cost of ownership"));
    m_headline->setObjectName(QStringLiteral("businessCaseHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    m_banner->setObjectName(QStringLiteral("businessCaseBasis"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px;"));
    m_banner->hide();
    m_assumptions->setWordWrap(true);
    m_assumptions->setTextFormat(Qt::RichText);
    m_assumptions->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_assumptions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_assumptions->setContentsMargins(8, 8, 8, 8);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_vms);
    proxy->setSortRole(Qt::UserRole);
    m_vmTable->setObjectName(QStringLiteral("businessCaseVms"));
    m_vmTable->setModel(proxy);
    m_vmTable->setSortingEnabled(true);
    m_vmTable->setAlternatingRowColors(true);
    m_vmTable->verticalHeader()->hide();
    m_vmTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_vmTable->horizontalHeader()->setStretchLastSection(true);
    m_vmTable->setAccessibleName(tr("Every VM's size and cost"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Containers on scenario"), this));
    top->addWidget(m_scenarioBox);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Over"), this));
    top->addWidget(m_years);
    top->addSpacing(12);
    top->addWidget(m_headline, 1);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_monthlyChart);
    charts->addWidget(m_yearsChart);
    charts->setStretchFactor(0, 2);
    charts->setStretchFactor(1, 3);

    auto *assumptions = new QScrollArea(this);
    assumptions->setWidgetResizable(true);
    assumptions->setWidget(m_assumptions);
    m_pages->setObjectName(QStringLiteral("businessCasePages"));
    m_pages->addTab(m_vmTable, tr("VMs"));
    m_pages->addTab(assumptions, tr("Assumptions"));
    m_pages->addTab(m_editor, tr("Price book"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_pages);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    // A burst of edits (a bulk edit, a scenario typed into) prices once.
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &BusinessCaseView::recompute);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BusinessCaseView::onComputed);
    connect(m_plan, &DecisionTableModel::decisionsChanged, this, &BusinessCaseView::schedule);
    connect(m_plan, &QAbstractItemModel::modelReset, this, &BusinessCaseView::schedule);
    connect(m_plan, &DecisionTableModel::loadingChanged, this, &BusinessCaseView::schedule);
    // Every scenario's packing prices again: the comparison shows each one's monthly cost.
    connect(m_scenarios, &ScenarioComparisonModel::resultChanged, this, &BusinessCaseView::schedule);
    connect(m_scenarios, &QAbstractItemModel::modelReset, this, &BusinessCaseView::refreshScenarios);
    connect(m_scenarios, &QAbstractItemModel::layoutChanged, this, &BusinessCaseView::refreshScenarios);
    connect(m_scenarios, &QAbstractItemModel::rowsInserted, this, &BusinessCaseView::refreshScenarios);
    connect(m_scenarios, &QAbstractItemModel::rowsRemoved, this, &BusinessCaseView::refreshScenarios);
    connect(m_scenarios, &QAbstractItemModel::dataChanged, this, &BusinessCaseView::refreshScenarios);
    connect(m_scenarioBox, &QComboBox::currentTextChanged, this, &BusinessCaseView::schedule);
    connect(m_years, &QSpinBox::valueChanged, this, &BusinessCaseView::schedule);
    connect(m_editor, &PriceBookEditor::bookChosen, this, &BusinessCaseView::chooseBook);
    connect(m_editor, &PriceBookEditor::resetRequested, this, [this]() {
        if (!m_store || !ProjectBusinessCase::hasOwnPriceBook(*m_store))
            return;
        m_undoStack->push(new SetPriceBookCommand(this, m_store->setting(ProjectBusinessCase::kPriceBookSetting),
                                                  QString(), tr("Use the built-in price book")));
    });
    m_headline->setText(tr("Open a project to see its business case."));
}

BusinessCaseView::~BusinessCaseView()
{
    m_watcher.waitForFinished();
}

bool BusinessCaseView::isBusy() const
{
    return m_timer->isActive() || m_watcher.isRunning();
}

QList<LiveChartView *> BusinessCaseView::charts() const
{
    return {m_monthlyChart, m_yearsChart};
}

void BusinessCaseView::setStore(ProjectStore *store)
{
    m_store = store;
    m_case.reset();
    refreshScenarios();
    if (store) {
        const auto book = ProjectBusinessCase::priceBook(*store);
        m_book = book ? book.value() : PriceBook::builtIn();
        m_editor->setBook(m_book, ProjectBusinessCase::hasOwnPriceBook(*store));
        m_scenarios->setPriceBook(m_book); // prices the node sizes a scenario mixes
    }
    schedule();
}

void BusinessCaseView::refreshScenarios()
{
    const QString current = m_scenarioBox->currentText();
    QStringList names;
    for (int row = 0; row < m_scenarios->rowCount(); ++row)
        names.append(m_scenarios->scenario(row).name);
    QStringList shown;
    for (int i = 0; i < m_scenarioBox->count(); ++i)
        shown.append(m_scenarioBox->itemText(i));
    if (names == shown)
        return;
    QSignalBlocker blocker(m_scenarioBox);
    m_scenarioBox->clear();
    m_scenarioBox->addItems(names);
    m_scenarioBox->setCurrentIndex(std::max(0, int(names.indexOf(current))));
    blocker.unblock();
    schedule();
}

void BusinessCaseView::schedule()
{
    m_timer->start();
}

bool BusinessCaseView::storePriceBook(const QString &json)
{
    if (!m_store)
        return false;
    // An empty value (not a null one: the column is NOT NULL) means the built-in book.
    if (const auto error =
            m_store->setSetting(ProjectBusinessCase::kPriceBookSetting, json.isEmpty() ? QStringLiteral("") : json)) {
        m_headline->setText(tr("The price book could not be saved: %1").arg(error->message.toHtmlEscaped()));
        return false;
    }
    const auto book = ProjectBusinessCase::priceBook(*m_store);
    m_book = book ? book.value() : PriceBook::builtIn();
    m_editor->setBook(m_book, ProjectBusinessCase::hasOwnPriceBook(*m_store));
    m_scenarios->setPriceBook(m_book);
    recompute();
    return true;
}

void BusinessCaseView::chooseBook(const PriceBook &book)
{
    if (!m_store)
        return;
    const QString before = m_store->setting(ProjectBusinessCase::kPriceBookSetting);
    const QString after = QString::fromUtf8(QJsonDocument(book.toJson()).toJson(QJsonDocument::Compact));
    if (before == after)
        return;
    m_undoStack->push(new SetPriceBookCommand(this, before, after, tr("Change the price book")));
}

void BusinessCaseView::recompute()
{
    m_timer->stop();
    if (!m_store || m_plan->loading() || m_plan->store() != m_store)
        return;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    const auto book = ProjectBusinessCase::priceBook(*m_store);
    if (!book) {
        m_headline->setText(tr("The project's price book is refused: %1").arg(book.error().toString().toHtmlEscaped()));
        return;
    }
    m_book = book.value();

    // Plain data for the worker: the plan as the plan view holds it, the hosts, the scenario and
    // its density result as the scenario comparison packed it.
    BusinessCaseInputs in;
    in.book = m_book;
    in.years = m_years->value();
    in.hosts = m_store->hosts();
    // The waves are read here and planned with the rest on the worker.
    std::optional<WavePlanInputs> waves = ProjectBusinessCase::wavePlanInputs(*m_store);
    in.vms.reserve(m_plan->rowCount());
    in.decisions.reserve(m_plan->rowCount());
    for (int row = 0; row < m_plan->rowCount(); ++row) {
        in.vms.append(m_plan->vm(row));
        in.decisions.append(m_plan->decision(row));
    }
    // Each scenario of the comparison with its own density result: the chosen one in full, the
    // others for their monthly cost in the comparison.
    const auto withScenario = [&](BusinessCaseInputs each, int row) {
        each.scenario = m_scenarios->scenario(row);
        const std::optional<DensityResult> &result = m_scenarios->result(row);
        const QJsonObject raw =
            QJsonDocument::fromJson(m_store->scenarioDefinition(each.scenario.name).value_or(QString()).toUtf8())
                .object();
        if (result)
            each.platform = DensityCostMapping::map(*result, each.scenario, raw, m_scenarios->workloads(), each.vms);
        else
            each.platform.hybridBenefit = DensityCostMapping::hybridBenefit(raw);
        each.densityResultMissing = !result && !m_scenarios->workloads().isEmpty();
        return each;
    };
    const int scenarioRow = m_scenarios->rowForName(m_scenarioBox->currentText());
    QList<BusinessCaseInputs> others;
    for (int row = 0; row < m_scenarios->rowCount(); ++row) {
        if (row != scenarioRow && m_scenarios->result(row))
            others.append(withScenario(in, row));
    }
    if (scenarioRow >= 0)
        in = withScenario(std::move(in), scenarioRow);
    const bool chosenHasScenario = scenarioRow >= 0;
    const quint64 generation = ++m_generation;
    m_watcher.setFuture(QtConcurrent::run([in = std::move(in), others = std::move(others), waves = std::move(waves),
                                           chosenHasScenario, generation]() mutable {
        Outcome outcome;
        outcome.generation = generation;
        in.waves = ProjectBusinessCase::waveRamp(waves);
        for (BusinessCaseInputs &other : others)
            other.waves = in.waves;
        auto bc = BusinessCaseCalculator::compute(in);
        if (bc)
            outcome.businessCase = std::move(bc.value());
        else
            outcome.error = bc.error().toString();
        if (chosenHasScenario)
            outcome.scenarios.append({in.scenario.name, outcome.businessCase.has_value(),
                                      bc ? outcome.businessCase->before : 0, bc ? outcome.businessCase->after : 0});
        for (const BusinessCaseInputs &other : others) {
            const auto priced = BusinessCaseCalculator::compute(other);
            outcome.scenarios.append({other.scenario.name, priced.ok(), priced ? priced.value().before : 0,
                                      priced ? priced.value().after : 0});
        }
        return outcome;
    }));
}

void BusinessCaseView::onComputed()
{
    const Outcome outcome = m_watcher.result();
    if (m_again) {
        m_again = false;
        recompute();
        return;
    }
    if (outcome.generation != m_generation)
        return;
    for (const ScenarioCost &cost : outcome.scenarios) {
        std::optional<ScenarioComparisonModel::MonthlyCost> shown;
        if (cost.priced)
            shown = ScenarioComparisonModel::MonthlyCost{cost.today, cost.after, m_book.formatMoney(cost.today, 0),
                                                         m_book.formatMoney(cost.after, 0)};
        m_scenarios->setMonthlyCost(cost.scenario, shown);
    }
    m_case = outcome.businessCase;
    if (m_case)
        display(*m_case);
    else
        m_headline->setText(tr("No business case: %1").arg(outcome.error.toHtmlEscaped()));
    Q_EMIT businessCaseChanged();
}

void BusinessCaseView::display(const BusinessCase &bc)
{
    const PriceBook &b = m_book;
    const double saving = bc.before - bc.after;
    const QString payback = bc.paybackMonth ? tr("pays back in month %1").arg(*bc.paybackMonth)
                                            : tr("never pays back: moving costs more each month");
    m_headline->setText(tr("<b>Today %1</b> a month &nbsp;·&nbsp; <b>after the move %2</b> a month &nbsp;·&nbsp; "
                           "%3 %4 a month &nbsp;·&nbsp; one-off %5 &nbsp;·&nbsp; %6<br><small>Prices: %7, %8. "
                           "Check them against the Azure pricing calculator.</small>")
                            .arg(b.formatMoney(bc.before, 0), b.formatMoney(bc.after, 0),
                                 saving >= 0 ? tr("saving") : tr("costing"), b.formatMoney(std::abs(saving), 0),
                                 b.formatMoney(bc.oneOffMigration, 0), payback, b.name.toHtmlEscaped(), b.date));
    if (!bc.anyUtilisation) {
        m_banner->setText(tr("No VM has utilisation data: every amount here is at provisioned size (each VM on a "
                             "size that holds its configured vCPU and memory). Import utilisation to size by use."));
        m_banner->show();
    } else if (bc.vmsSizedByUtilisation > 0) {
        m_banner->setText(tr("%1 of %2 rehosted VMs are sized by their utilisation, saving %3 a month against their "
                             "provisioned sizes; the others are at provisioned size.")
                              .arg(bc.vmsSizedByUtilisation)
                              .arg(bc.rehostedVms)
                              .arg(b.formatMoney(bc.rightSizingSaving)));
        m_banner->show();
    } else {
        m_banner->hide();
    }
    QString list = QStringLiteral("<ul>");
    for (const QString &sentence : bc.assumptions)
        list += QStringLiteral("<li>") + sentence.toHtmlEscaped() + QStringLiteral("</li>");
    m_assumptions->setText(list + QStringLiteral("</ul>"));
    m_byPath->setBusinessCase(bc);
    m_timeline->setBusinessCase(bc);
    m_vms->setBusinessCase(bc, b);
    if (!m_sortedOnce) // the dearest VMs first, until the consultant sorts otherwise
        m_vmTable->sortByColumn(VmCostTableModel::Monthly, Qt::DescendingOrder);
    m_sortedOnce = true;
    m_vmTable->resizeColumnsToContents();
}

} // namespace landfall
