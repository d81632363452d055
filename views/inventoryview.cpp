#include "inventoryview.h"

#include "workshopanswerdelegate.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/planpathcountmodel.h"
#include "itemmodels/setworkshopanswercommand.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace landfall {

namespace {

/** A table that can commit the editor it has open: QAbstractItemView keeps that protected. */
class InventoryTable : public QTableView {
public:
    using QTableView::QTableView;
    void commitOpenEditor()
    {
        if (state() != EditingState)
            return;
        if (QWidget *editor = QApplication::focusWidget()) {
            commitData(editor);
            closeEditor(editor, QAbstractItemDelegate::NoHint);
        }
    }
};

} // namespace

InventoryView::InventoryView(InventoryTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new InventoryFilterModel(this))
    , m_undoStack(undoStack)
    , m_table(new InventoryTable(this))
    , m_delegate(new WorkshopAnswerDelegate(this))
{
    setObjectName(QStringLiteral("inventoryView"));
    m_filter->setSourceModel(model);

    auto *bar = new QWidget(this);
    setupFilterBar(bar);

    m_table->setObjectName(QStringLiteral("inventoryTable"));
    m_table->setAccessibleName(tr("Inventory"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(m_delegate);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InventoryTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside it
    m_table->setContextMenuPolicy(Qt::DefaultContextMenu);
    // Fixed row heights and no per-row header: a table of 100,000 rows lays out in constant time.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    using C = InventoryTableModel;
    for (const auto &[column, width] : std::initializer_list<std::pair<int, int>>{{C::Name, 200},
                                                                                  {C::Power, 95},
                                                                                  {C::OsFamily, 170},
                                                                                  {C::OsVersion, 85},
                                                                                  {C::Vcpu, 50},
                                                                                  {C::MemoryGiB, 95},
                                                                                  {C::ProvisionedGiB, 115},
                                                                                  {C::UsedGiB, 80},
                                                                                  {C::Cluster, 95},
                                                                                  {C::Host, 170}})
        m_table->setColumnWidth(column, width);
    for (int column = C::FirstAnswer; column < C::ColumnCount; ++column)
        m_table->setColumnWidth(column, 95);
    // The workshop's questions come into view first; the rest are a right-click on the header away.
    for (int column : {C::ProvisionedGiB, C::Datacenter, C::Host, C::IpAddress})
        m_table->setColumnHidden(column, true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &position) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (int column = 0; column < m_model->columnCount(); ++column) {
            QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_table->isColumnHidden(column));
            action->setEnabled(column != InventoryTableModel::Name);
            connect(action, &QAction::toggled, this,
                    [this, column](bool on) { m_table->setColumnHidden(column, !on); });
        }
        menu->popup(header->mapToGlobal(position));
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu *menu = createSetAnswerMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_table->viewport()->mapToGlobal(position));
    });

    connect(m_delegate, &WorkshopAnswerDelegate::answerChosen, this, &InventoryView::applyAnswer);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &InventoryView::countsChanged);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &InventoryView::countsChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &InventoryView::countsChanged);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &InventoryView::countsChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InventoryView::countsChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &InventoryView::refreshFilterChoices);

    // An empty table under a filter says why, rather than "0 shown" with nothing else.
    m_noMatch = new QWidget(this);
    m_noMatch->setObjectName(QStringLiteral("inventoryNoMatch"));
    auto *noMatchLayout = new QHBoxLayout(m_noMatch);
    noMatchLayout->setContentsMargins(8, 6, 8, 6);
    m_noMatchText = new QLabel(m_noMatch);
    m_noMatchText->setObjectName(QStringLiteral("inventoryNoMatchText"));
    auto *clear = new QPushButton(tr("&Clear Filters"), m_noMatch);
    clear->setObjectName(QStringLiteral("inventoryClearFilters"));
    connect(clear, &QPushButton::clicked, this, &InventoryView::clearFilters);
    noMatchLayout->addWidget(m_noMatchText);
    noMatchLayout->addWidget(clear);
    noMatchLayout->addStretch(1);
    m_noMatch->hide();
    connect(this, &InventoryView::countsChanged, this, &InventoryView::updateNoMatchBar);
    connect(model, &QAbstractItemModel::modelReset, this, &InventoryView::updateNoMatchBar);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_table);
    setFocusProxy(m_table);
}

void InventoryView::setupFilterBar(QWidget *bar)
{
    bar->setObjectName(QStringLiteral("inventoryFilterBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(8);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("inventorySearch"));
    m_search->setPlaceholderText(tr("Find VMs by name, IP, host, cluster or OS (Ctrl+F)"));
    m_search->setAccessibleName(tr("Find VMs"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    // Typing filters after a short pause, so a fast typist does not filter 100,000 rows per key.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this]() { m_filter->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this, debounce]() {
        debounce->stop();
        m_filter->setSearchText(m_search->text());
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_table->setCurrentIndex(m_filter->index(0, InventoryTableModel::Name));
    });

    const auto addCombo = [&](const QString &name, const QString &label, const QString &accessible, int column) {
        auto *caption = new QLabel(label, bar);
        auto *combo = new QComboBox(bar);
        combo->setObjectName(name);
        combo->setAccessibleName(accessible);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        caption->setBuddy(combo);
        layout->addWidget(caption);
        layout->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, combo, column](int) { m_filter->setColumnFilter(column, combo->currentData().toString()); });
        return combo;
    };
    layout->addWidget(m_search, 1);
    m_osFamily = addCombo(QStringLiteral("osFamilyFilter"), tr("&OS:"), tr("Filter by OS family"),
                          InventoryTableModel::OsFamily);
    m_cluster = addCombo(QStringLiteral("clusterFilter"), tr("C&luster:"), tr("Filter by cluster"),
                         InventoryTableModel::Cluster);
    m_power =
        addCombo(QStringLiteral("powerFilter"), tr("Po&wer:"), tr("Filter by power state"), InventoryTableModel::Power);

    // The path is not an inventory column: it comes from the plan, as the set of VMs on it.
    auto *pathCaption = new QLabel(tr("&Path:"), bar);
    m_path = new QComboBox(bar);
    m_path->setObjectName(QStringLiteral("pathFilter"));
    m_path->setAccessibleName(tr("Filter by migration path"));
    m_path->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_path->addItem(tr("Any path"), -1);
    for (int row = 0; row < PlanPathCountModel::kPathCount; ++row) {
        const MigrationPath path = PlanPathCountModel::pathAt(row);
        m_path->addItem(DecisionTableModel::pathText(path), int(path));
    }
    m_path->setEnabled(false);
    pathCaption->setBuddy(m_path);
    layout->addWidget(pathCaption);
    layout->addWidget(m_path);
    connect(m_path, &QComboBox::currentIndexChanged, this, &InventoryView::applyPathFilter);
    refreshFilterChoices();
}

void InventoryView::setPlan(const DecisionTableModel *plan)
{
    m_plan = plan;
    m_path->setEnabled(plan != nullptr);
    if (!plan)
        return;
    // Decisions change with edits, rules and overrides: the VMs shown follow them.
    connect(plan, &DecisionTableModel::decisionsChanged, this, [this]() {
        if (m_filter->hasIdFilter())
            applyPathFilter();
    });
    applyPathFilter();
}

void InventoryView::clearFilters()
{
    for (QComboBox *combo : {m_osFamily, m_cluster, m_power, m_path})
        combo->setCurrentIndex(0);
    {
        const QSignalBlocker blocker(m_search); // no debounced filter arriving after the clear
        m_search->clear();
    }
    m_filter->setSearchText(QString());
    updateNoMatchBar();
}

void InventoryView::resetForNewProject()
{
    commitPendingEdit();
    clearFilters();
    m_table->sortByColumn(InventoryTableModel::Name, Qt::AscendingOrder);
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_table->scrollToTop();
}

void InventoryView::updateNoMatchBar()
{
    const int total = m_model->rowCount();
    const bool hidden = total > 0 && m_filter->rowCount() == 0;
    if (hidden)
        m_noMatchText->setText(tr("No VM matches the filters: all %n VMs are hidden.", nullptr, total));
    m_noMatch->setVisible(hidden);
}

void InventoryView::applyPathFilter()
{
    const int chosen = m_path->currentData().toInt();
    if (!m_plan || chosen < 0) {
        m_filter->setIdFilter(std::nullopt);
        return;
    }
    QSet<qint64> ids;
    for (int row = 0; row < m_plan->rowCount(); ++row) {
        if (int(m_plan->decision(row).path) == chosen)
            ids.insert(m_plan->decision(row).vmId);
    }
    m_filter->setIdFilter(ids);
}

void InventoryView::fillChoices(QComboBox *combo, int column, const QString &allLabel)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allLabel, QString()); // a null key: no filter
    for (const QString &key : m_model->distinctKeys(column))
        combo->addItem(InventoryTableModel::displayText(column, key), key.isNull() ? QStringLiteral("") : key);
    const int index = current.isNull() ? 0 : combo->findData(current);
    combo->setCurrentIndex(std::max(index, 0));
    m_filter->setColumnFilter(column, combo->currentData().toString());
}

void InventoryView::refreshFilterChoices()
{
    fillChoices(m_osFamily, InventoryTableModel::OsFamily, tr("All families"));
    fillChoices(m_cluster, InventoryTableModel::Cluster, tr("All clusters"));
    fillChoices(m_power, InventoryTableModel::Power, tr("Any state"));
}

QList<qint64> InventoryView::selectedVmIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(InventoryTableModel::Name);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(index.data(InventoryTableModel::IdRole).toLongLong());
    return ids;
}

bool InventoryView::setAnswerOnSelection(WorkshopAnswers::Attribute attribute, const QString &value)
{
    const QList<qint64> ids = selectedVmIds();
    if (ids.isEmpty() || !m_editable)
        return false;
    const int before = m_undoStack->count();
    m_undoStack->push(new SetWorkshopAnswerCommand(m_model, attribute, ids, value));
    return m_undoStack->count() > before;
}

QMenu *InventoryView::createSetAnswerMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Set &Answer for Selection"), parent);
    menu->setObjectName(QStringLiteral("setAnswerMenu"));
    // Enabled as the menu opens: the selection and the editability change while it exists.
    connect(menu, &QMenu::aboutToShow, this, [this, menu]() {
        const bool enabled = m_editable && m_table->selectionModel()->hasSelection();
        for (QAction *action : menu->actions())
            action->setEnabled(enabled);
    });
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes()) {
        const int column = InventoryTableModel::columnForAttribute(attribute);
        QMenu *values = menu->addMenu(m_model->headerData(column, Qt::Horizontal).toString());
        for (const QString &value : WorkshopAnswers::allowedValues(attribute)) {
            QAction *action = values->addAction(value);
            action->setObjectName(WorkshopAnswers::key(attribute) + u'=' + value);
            connect(action, &QAction::triggered, this,
                    [this, attribute, value]() { setAnswerOnSelection(attribute, value); });
        }
    }
    return menu;
}

void InventoryView::applyAnswer(const QModelIndex &proxyIndex, const QString &value)
{
    const auto attribute = InventoryTableModel::attributeForColumn(proxyIndex.column());
    if (!attribute || !m_editable)
        return;
    const qint64 id = proxyIndex.data(InventoryTableModel::IdRole).toLongLong();
    m_undoStack->push(new SetWorkshopAnswerCommand(m_model, *attribute, {id}, value));
}

void InventoryView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InventoryView::commitPendingEdit()
{
    static_cast<InventoryTable *>(m_table)->commitOpenEditor();
}

void InventoryView::setEditable(bool editable)
{
    m_editable = editable;
    if (!editable)
        commitPendingEdit();
    m_table->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                            QAbstractItemView::SelectedClicked
                                      : QAbstractItemView::NoEditTriggers);
}

} // namespace landfall
