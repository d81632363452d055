#include "inventoryview.h"

#include "frozencolumntable.h"
#include "workshopanswerdelegate.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/pasteanswerscommand.h"
#include "itemmodels/planpathcountmodel.h"
#include "itemmodels/setworkshopanswercommand.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace landfall {

namespace {

constexpr double kMiBPerGiB = 1024.0;

/** A filter as wide as its current choice needs, up to eight characters; the list it opens
    shows every choice in full (an OS family such as "Red Hat Enterprise Linux" is longer). */
void shrinkToFit(QComboBox *combo)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
}

/** A size in the unit a person reads it in: GiB, then TiB and PiB, with the locale's separators. */
QString sizeText(double mib)
{
    const QLocale locale;
    double value = mib / kMiBPerGiB;
    QString unit = InventoryView::tr("GiB");
    if (value >= 1024.0 * 1024.0) {
        value /= 1024.0 * 1024.0;
        unit = InventoryView::tr("PiB");
    } else if (value >= 1024.0) {
        value /= 1024.0;
        unit = InventoryView::tr("TiB");
    }
    return locale.toString(value, 'f', 1) + u'\u00a0' + unit;
}

/** A cell as one field of tab-separated text: its own tabs and line breaks would split it. */
QString tsvField(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.remove(u'\r');
    return text;
}

} // namespace

InventoryView::InventoryView(InventoryTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new InventoryFilterModel(this))
    , m_undoStack(undoStack)
    , m_table(new FrozenColumnTable(this))
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
    m_table->setEditTriggers(editTriggers());
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
    // The name stays in view while the answers scroll past; the path comes right after it.
    m_table->setFrozenColumn(C::Name);
    m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(C::Path), 1);
    m_table->setColumnWidth(C::Path, 110);
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &position) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->mapToGlobal(position));
    });
    connect(m_table, &FrozenColumnTable::copyRequested, this, [this]() { copySelection(); });
    connect(m_table, &FrozenColumnTable::pasteRequested, this,
            [this]() { pasteText(QGuiApplication::clipboard()->text()); });
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

    // Under the grid: what the shown rows add up to, and what a paste did or why it did not.
    auto *footer = new QWidget(this);
    footer->setObjectName(QStringLiteral("inventoryFooter"));
    auto *footerLayout = new QHBoxLayout(footer);
    footerLayout->setContentsMargins(8, 4, 8, 4);
    m_message = new QLabel(footer);
    m_message->setObjectName(QStringLiteral("inventoryMessage"));
    m_message->setTextFormat(Qt::PlainText); // it quotes what was pasted
    m_message->setWordWrap(true);
    m_totals = new QLabel(footer);
    m_totals->setObjectName(QStringLiteral("inventoryTotals"));
    m_totals->setAccessibleName(tr("Totals of the VMs shown"));
    m_totals->setTextFormat(Qt::PlainText);
    footerLayout->addWidget(m_message, 1);
    footerLayout->addWidget(m_totals);
    m_totalsTimer = new QTimer(this);
    m_totalsTimer->setSingleShot(true);
    m_totalsTimer->setInterval(0); // once per turn of the event loop, however many changes arrive
    connect(m_totalsTimer, &QTimer::timeout, this, &InventoryView::updateTotals);
    connect(this, &InventoryView::countsChanged, m_totalsTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, m_totalsTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, m_message, &QLabel::clear);
    updateTotals();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_table);
    layout->addWidget(footer);
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
    // Narrow enough that at 1280x720 (a projector) the filters and the summary beside the table fit.
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 22);
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
        shrinkToFit(combo);
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
    shrinkToFit(m_path);
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
    m_model->setPlan(plan); // the Path column
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
    m_table->commitOpenEditor();
}

QAbstractItemView::EditTriggers InventoryView::editTriggers() const
{
    // Typing on an answer starts editing it, as in a spreadsheet; the key picks the value.
    return m_editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked | QAbstractItemView::AnyKeyPressed
                      : QAbstractItemView::NoEditTriggers;
}

QMenu *InventoryView::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Columns"), parent);
    menu->setObjectName(QStringLiteral("inventoryColumnsMenu"));
    // Filled as it opens: columns are shown and hidden from the header's menu too.
    connect(menu, &QMenu::aboutToShow, this, [this, menu]() {
        menu->clear();
        const QHeaderView *header = m_table->horizontalHeader();
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setObjectName(QStringLiteral("column-%1").arg(column));
            action->setCheckable(true);
            action->setChecked(!m_table->isColumnHidden(column));
            action->setEnabled(column != InventoryTableModel::Name); // the frozen name is always shown
            connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnShown(column, on); });
        }
    });
    return menu;
}

void InventoryView::setColumnShown(int column, bool shown)
{
    if (column == InventoryTableModel::Name)
        return;
    m_table->setColumnHidden(column, !shown);
}

QList<int> InventoryView::shownColumns() const
{
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!m_table->isColumnHidden(column))
            columns.append(column);
    }
    return columns;
}

QString InventoryView::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(InventoryTableModel::Name);
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().siblingAtColumn(InventoryTableModel::Name));
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QList<int> columns = shownColumns();
    QString text;
    QStringList fields;
    for (int column : columns)
        fields.append(tsvField(m_model->headerData(column, Qt::Horizontal).toString()));
    text += fields.join(u'\t') + u'\n';
    for (const QModelIndex &row : std::as_const(rows)) {
        fields.clear();
        for (int column : columns)
            fields.append(tsvField(m_filter->index(row.row(), column).data(Qt::DisplayRole).toString()));
        text += fields.join(u'\t') + u'\n';
    }
    QGuiApplication::clipboard()->setText(text);
    m_message->setText(
        tr("Copied %n VMs with the column names, ready to paste into a spreadsheet.", nullptr, int(rows.size())));
    return text;
}

bool InventoryView::pasteText(const QString &text)
{
    const auto refuse = [this](const QString &why) {
        m_message->setText(tr("Not pasted: %1").arg(why));
        return false;
    };
    if (!m_editable)
        return refuse(tr("the project is being written (an import is running)."));
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return refuse(tr("select the cells to paste onto first."));
    // The columns from the current one rightwards, as they are shown.
    const QList<int> shown = shownColumns();
    const QList<int> fromCurrent = shown.mid(std::max<qsizetype>(shown.indexOf(current.column()), 0));
    int width = 1;
    for (const QString &line : text.split(u'\n'))
        width = std::max(width, int(line.count(u'\t')) + 1);
    const QList<int> columns = fromCurrent.mid(0, width);
    Result<QList<QStringList>, QString> cells = PasteAnswersCommand::parse(text, columns, *m_model);
    if (!cells)
        return refuse(cells.error());
    // The VMs: the selected ones, or from the current one down when one value per VM is pasted.
    QModelIndexList selected = m_table->selectionModel()->selectedRows(InventoryTableModel::Name);
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> rows;
    for (const QModelIndex &index : std::as_const(selected))
        rows.append(index.row());
    const int lines = int(cells->size());
    if (rows.size() <= 1) {
        rows.clear();
        for (int row = current.row(); row < m_filter->rowCount() && rows.size() < lines; ++row)
            rows.append(row);
    } else if (lines > 1 && lines != rows.size()) {
        return refuse(tr("%1 lines of answers for %2 selected VMs: paste one line for all of them, or one per VM.")
                          .arg(lines)
                          .arg(rows.size()));
    }
    QList<qint64> ids;
    for (int row : std::as_const(rows))
        ids.append(m_filter->index(row, InventoryTableModel::Name).data(InventoryTableModel::IdRole).toLongLong());
    auto *command = new PasteAnswersCommand(m_model, columns, ids, *cells);
    if (command->changedVmCount() == 0) {
        delete command;
        m_message->setText(tr("Pasted: every VM already had these answers."));
        return false;
    }
    const QString label = command->text();
    m_undoStack->push(command); // one undo step, however many VMs and questions
    m_message->setText(tr("%1 (Ctrl+Z undoes it).").arg(label));
    return true;
}

void InventoryView::updateTotals()
{
    const InventoryFilterModel::ShownTotals totals = m_filter->shownTotals();
    const QLocale locale;
    QString text = tr("%1 VMs shown \u00b7 %2 vCPU \u00b7 %3 memory \u00b7 %4 disk")
                       .arg(locale.toString(totals.vms), locale.toString(totals.vcpu), sizeText(totals.memoryMiB),
                            sizeText(totals.provisionedMiB));
    // A VM without a used figure is not counted as using nothing: the total says how many it lacks.
    const QString unknownVms =
        totals.usedUnknown == 1 ? tr("1 VM") : tr("%1 VMs").arg(locale.toString(totals.usedUnknown));
    if (totals.vms > 0 && totals.usedUnknown == totals.vms)
        text += tr(" \u00b7 used: unknown for %1").arg(unknownVms);
    else if (totals.usedUnknown > 0)
        text += tr(" \u00b7 %1 used (unknown for %2)").arg(sizeText(totals.usedMiB), unknownVms);
    else if (totals.vms > 0)
        text += tr(" \u00b7 %1 used").arg(sizeText(totals.usedMiB));
    m_totals->setText(text);
    m_totals->setToolTip(tr("The VMs the filters show: disk is the provisioned disk, which the target must hold."));
}

void InventoryView::setEditable(bool editable)
{
    m_editable = editable;
    if (!editable)
        commitPendingEdit();
    m_table->setEditTriggers(editTriggers());
}

} // namespace landfall
