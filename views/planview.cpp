#include "planview.h"

#include "overridedialog.h"

#include "itemmodels/decisionfiltermodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/setoverridecommand.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace landfall {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

PlanView::PlanView(DecisionTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_undoStack(undoStack)
    , m_filter(new DecisionFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_pathFilter(new QComboBox(this))
    , m_ruleFilter(new QComboBox(this))
    , m_confidenceFilter(new QComboBox(this))
    , m_notice(new QWidget(this))
    , m_noticeText(new QLabel(m_notice))
    , m_ruleChoicesTimer(new QTimer(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_overrideButton(new QPushButton(tr("&Override Path..."), this))
    , m_clearButton(new QPushButton(tr("C&lear Override"), this))
{
    setObjectName(QStringLiteral("planView"));
    m_filter->setSourceModel(model);

    m_search->setObjectName(QStringLiteral("planSearch"));
    m_search->setPlaceholderText(tr("Filter by VM, target or image"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Plan filter"));
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 16);
    m_pathFilter->setObjectName(QStringLiteral("planPathFilter"));
    m_pathFilter->setAccessibleName(tr("Path filter"));
    m_pathFilter->addItem(tr("All paths"), -1);
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain})
        m_pathFilter->addItem(DecisionTableModel::pathText(path), static_cast<int>(path));
    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_pathFilter);
    m_ruleFilter->setObjectName(QStringLiteral("planRuleFilter"));
    m_ruleFilter->setAccessibleName(tr("Rule filter"));
    // Rule names are long ("containerize-known-stack (84)"): as wide as all of them, the box took
    // the search field's room in presenter mode's font. The list that opens shows them whole.
    m_ruleFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ruleFilter->setMinimumContentsLength(14);
    m_ruleFilter->addItem(tr("All rules"), QString());
    auto *ruleLabel = new QLabel(tr("R&ule:"), this);
    ruleLabel->setBuddy(m_ruleFilter);
    connect(m_ruleFilter, &QComboBox::currentIndexChanged, this, [this]() {
        m_filter->setRuleId(m_ruleFilter->currentData().toString());
        updateCount();
    });
    m_confidenceFilter->setObjectName(QStringLiteral("planConfidenceFilter"));
    m_confidenceFilter->setAccessibleName(tr("Confidence filter"));
    m_confidenceFilter->addItem(tr("Any confidence"), -1);
    for (Confidence confidence : {Confidence::High, Confidence::Medium, Confidence::Low})
        m_confidenceFilter->addItem(DecisionTableModel::confidenceText(confidence), int(confidence));
    auto *confidenceLabel = new QLabel(tr("Co&nfidence:"), this);
    confidenceLabel->setBuddy(m_confidenceFilter);
    connect(m_confidenceFilter, &QComboBox::currentIndexChanged, this, [this]() {
        const int value = m_confidenceFilter->currentData().toInt();
        m_filter->setConfidence(value < 0 ? std::nullopt : std::optional(static_cast<Confidence>(value)));
        updateCount();
    });
    // The rule choices follow the plan, once per turn of the event loop however many VMs change.
    m_ruleChoicesTimer->setSingleShot(true);
    m_ruleChoicesTimer->setInterval(0);
    connect(m_ruleChoicesTimer, &QTimer::timeout, this, &PlanView::refreshRuleChoices);
    connect(m_model, &DecisionTableModel::decisionsChanged, m_ruleChoicesTimer, qOverload<>(&QTimer::start));

    m_notice->setObjectName(QStringLiteral("planFilterNotice"));
    m_noticeText->setObjectName(QStringLiteral("planFilterNoticeText"));
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(4, 2, 4, 2);
    auto *clearFiltersButton = new QPushButton(tr("Show &All"), m_notice);
    clearFiltersButton->setObjectName(QStringLiteral("planClearFilters"));
    connect(clearFiltersButton, &QPushButton::clicked, this, &PlanView::clearFilters);
    noticeLayout->addWidget(m_noticeText);
    noticeLayout->addWidget(clearFiltersButton);
    noticeLayout->addStretch(1);
    m_notice->hide();
    connect(m_search, &QLineEdit::textChanged, m_filter, &DecisionFilterModel::setText);
    connect(m_pathFilter, &QComboBox::currentIndexChanged, this, [this]() {
        const int value = m_pathFilter->currentData().toInt();
        m_filter->setPath(value < 0 ? std::nullopt : std::optional(static_cast<MigrationPath>(value)));
        updateCount();
    });

    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setAccessibleName(tr("Plan"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DecisionTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // a bulk override acts on them all
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Fixed row heights: a header of 100,000 rows otherwise sizes each one on every reset.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int widths[] = {170, 110, 300, 260, 80, 90};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_table->setColumnWidth(column, widths[column]);

    m_detail->setObjectName(QStringLiteral("planDetail"));
    m_detail->setAccessibleName(tr("Decision details"));
    m_detail->setOpenLinks(false);

    m_overrideButton->setObjectName(QStringLiteral("overrideButton"));
    m_overrideButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_overrideButton->setToolTip(tr("Set this VM's path by hand, with a note (Ctrl+Shift+O)"));
    m_overrideButton->setAccessibleName(tr("Override path"));
    m_clearButton->setObjectName(QStringLiteral("clearOverrideButton"));
    m_clearButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_clearButton->setToolTip(tr("Let the rules decide this VM's path again (Ctrl+Shift+L)"));
    m_clearButton->setAccessibleName(tr("Clear override"));
    connect(m_overrideButton, &QPushButton::clicked, this, &PlanView::openOverrideDialog);
    connect(m_clearButton, &QPushButton::clicked, this, [this]() {
        if (selectedVmIds().size() > 1)
            clearSelectionOverrides();
        else
            clearCurrentOverride();
    });

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_search, 2);
    filterBar->addWidget(pathLabel);
    filterBar->addWidget(m_pathFilter);
    filterBar->addWidget(ruleLabel);
    filterBar->addWidget(m_ruleFilter);
    filterBar->addWidget(confidenceLabel);
    filterBar->addWidget(m_confidenceFilter);
    filterBar->addStretch(1);
    filterBar->addWidget(m_count);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filterBar);
    leftLayout->addWidget(m_notice);
    leftLayout->addWidget(m_table);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_overrideButton);
    buttons->addWidget(m_clearButton);
    buttons->addStretch(1);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("planSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PlanView::showCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this]() {
        updateButtons();
        updateCount();
    });
    // The detail follows edits of the VM shown (an override, a rule change, a workshop answer).
    connect(m_model, &DecisionTableModel::decisionsChanged, this, &PlanView::showCurrent);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &PlanView::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &PlanView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PlanView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &PlanView::updateCount);
    // A re-classification (a rule edit) resets the plan: the VM selected stays selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this]() { m_vmKeptAcrossReset = currentVmId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        if (const std::optional<qint64> vm = std::exchange(m_vmKeptAcrossReset, std::nullopt))
            selectVm(*vm);
    });
    setFocusProxy(m_table);
    showCurrent();
    updateCount();
}

void PlanView::resetForNewProject()
{
    clearFilters();
    m_table->sortByColumn(DecisionTableModel::Name, Qt::AscendingOrder);
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_vmKeptAcrossReset.reset();
}

std::optional<qint64> PlanView::currentVmId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.data(DecisionTableModel::IdRole).toLongLong();
}

void PlanView::selectVm(qint64 vmId)
{
    const int row = m_model->rowForId(vmId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, DecisionTableModel::Name));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void PlanView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void PlanView::clearFilters()
{
    m_search->clear();
    m_pathFilter->setCurrentIndex(0);
    m_ruleFilter->setCurrentIndex(0);
    m_confidenceFilter->setCurrentIndex(0);
    m_idFilterDescription.clear();
    m_filter->setIdFilter(std::nullopt);
    updateCount();
}

void PlanView::showOnlyVms(const QList<qint64> &vmIds, const QString &description)
{
    m_idFilterDescription = description;
    m_filter->setIdFilter(QSet<qint64>(vmIds.cbegin(), vmIds.cend()));
    updateCount();
}

void PlanView::refreshRuleChoices()
{
    const QString current = m_ruleFilter->currentData().toString();
    const QHash<QString, int> counts = m_model->ruleHitCounts();
    QStringList ids = counts.keys();
    std::sort(ids.begin(), ids.end(), [&counts](const QString &a, const QString &b) {
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    const QSignalBlocker blocker(m_ruleFilter);
    m_ruleFilter->clear();
    m_ruleFilter->addItem(tr("All rules"), QString());
    const QLocale locale;
    for (const QString &id : std::as_const(ids)) {
        const QString label = id == QLatin1String("override") ? tr("Set by hand")
                              : id == QLatin1String("none")   ? tr("No rule matched")
                                                              : id;
        m_ruleFilter->addItem(tr("%1 (%2)").arg(label, locale.toString(counts.value(id))), id);
    }
    // A rule no VM follows any more stays chosen, showing none, until the consultant changes it.
    int index = m_ruleFilter->findData(current);
    if (index < 0 && !current.isEmpty()) {
        m_ruleFilter->addItem(tr("%1 (0)").arg(current), current);
        index = m_ruleFilter->count() - 1;
    }
    m_ruleFilter->setCurrentIndex(std::max(index, 0));
}

void PlanView::updateCount()
{
    const QLocale locale;
    QString text =
        m_filter->rowCount() == m_model->rowCount()
            ? tr("%1 VMs").arg(locale.toString(m_model->rowCount()))
            : tr("%1 of %2 VMs").arg(locale.toString(m_filter->rowCount()), locale.toString(m_model->rowCount()));
    const qsizetype selected = m_table->selectionModel()->selectedRows().size();
    if (selected > 1)
        text += tr(", %1 selected").arg(locale.toString(selected));
    m_count->setText(text);
    updateNotice();
}

void PlanView::updateNotice()
{
    const int shown = m_filter->rowCount();
    QString text;
    if (m_filter->hasIdFilter())
        text = tr("Showing the %n VMs %1.", nullptr, shown).arg(m_idFilterDescription);
    else if (shown == 0 && m_model->rowCount() > 0 && m_filter->isFiltering())
        text = tr("No VM matches the filters: all %n VMs are hidden.", nullptr, m_model->rowCount());
    m_noticeText->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QList<qint64> PlanView::selectedVmIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(DecisionTableModel::Name);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(index.data(DecisionTableModel::IdRole).toLongLong());
    return ids;
}

bool PlanView::overrideSelection(MigrationPath path, const QString &note)
{
    const QList<qint64> ids = selectedVmIds();
    if (ids.isEmpty())
        return false;
    if (ids.size() == 1) {
        selectVm(ids.constFirst());
        return overrideCurrent(path, note);
    }
    ManualOverride value;
    value.path = path;
    value.note = note;
    value.setAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    // One undo step for the whole selection: a macro of one override per VM.
    auto *macro =
        new QUndoCommand(tr("Override %n VMs to %1", nullptr, int(ids.size())).arg(DecisionTableModel::pathText(path)));
    for (qint64 id : ids)
        new SetOverrideCommand(m_model, id, value, macro);
    m_undoStack->push(macro);
    return true;
}

bool PlanView::clearSelectionOverrides()
{
    QList<qint64> ids;
    for (qint64 id : selectedVmIds()) {
        if (m_model->manualOverride(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return false;
    if (ids.size() == 1) {
        m_undoStack->push(new SetOverrideCommand(m_model, ids.constFirst(), std::nullopt));
        return true;
    }
    auto *macro = new QUndoCommand(tr("Clear the override of %n VMs", nullptr, int(ids.size())));
    for (qint64 id : std::as_const(ids))
        new SetOverrideCommand(m_model, id, std::nullopt, macro);
    m_undoStack->push(macro);
    return true;
}

void PlanView::updateButtons()
{
    const QList<qint64> ids = selectedVmIds();
    const std::optional<qint64> id = currentVmId();
    const bool any = !ids.isEmpty() || id.has_value();
    m_overrideButton->setEnabled(any);
    bool anyOverridden = id && m_model->manualOverride(*id).has_value();
    for (qsizetype i = 0; i < ids.size() && !anyOverridden; ++i)
        anyOverridden = m_model->manualOverride(ids[i]).has_value();
    m_clearButton->setEnabled(anyOverridden);
    m_overrideButton->setText(ids.size() > 1 ? tr("&Override %n Paths...", nullptr, int(ids.size()))
                                             : tr("&Override Path..."));
}

void PlanView::showCurrent()
{
    updateButtons();
    const std::optional<qint64> id = currentVmId();
    const int row = id ? m_model->rowForId(*id) : -1;
    if (row < 0) {
        m_detail->setHtml(tr("<p style='color:gray'>Select a VM to see why the advisor chose its path.</p>"));
        return;
    }
    const Decision &d = m_model->decision(row);
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(m_model->vm(row).name));
    html += QStringLiteral("<table cellspacing='4'>");
    const auto line = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, escaped(value));
    };
    line(tr("Path"), DecisionTableModel::pathText(d.path) + (d.overridden ? tr(" (set by hand)") : QString()));
    line(tr("Target"), d.target);
    line(tr("Base image"), d.baseImage);
    if (d.path == MigrationPath::Containerize)
        line(tr("Isolation"), DecisionTableModel::isolationText(d.isolation));
    line(tr("Confidence"), DecisionTableModel::confidenceText(d.confidence));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Reason"), escaped(d.reason));
    if (d.overridden) {
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Override note"), escaped(d.overrideNote.isEmpty() ? tr("(none)") : d.overrideNote));
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Conditions to check"));
    if (d.conditions.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("None."));
    } else {
        html += QStringLiteral("<ul>");
        for (const QString &condition : d.conditions)
            html += QStringLiteral("<li>%1</li>").arg(escaped(condition));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><ol>").arg(tr("Rule trace"));
    for (const RuleTraceEntry &entry : d.trace)
        html += QStringLiteral("<li><code>%1</code>: %2</li>").arg(escaped(entry.ruleId), escaped(entry.reason));
    html += QStringLiteral("</ol>");
    m_detail->setHtml(html);
}

void PlanView::openOverrideDialog()
{
    const QList<qint64> ids = selectedVmIds();
    if (ids.size() > 1) {
        const int row = m_model->rowForId(currentVmId().value_or(ids.constFirst()));
        auto *dialog =
            new OverrideDialog(tr("%n VMs", nullptr, int(ids.size())),
                               row >= 0 ? m_model->decision(row).path : MigrationPath::Rehost, QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setObjectName(QStringLiteral("bulkOverrideDialog"));
        connect(dialog, &QDialog::accepted, this, [this, dialog, ids]() {
            QItemSelection selection;
            for (qint64 id : ids) {
                const QModelIndex index = m_filter->mapFromSource(m_model->index(m_model->rowForId(id), 0));
                if (index.isValid())
                    selection.select(index, index);
            }
            m_table->selectionModel()->select(selection,
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            overrideSelection(dialog->path(), dialog->note());
        });
        dialog->open();
        return;
    }
    const std::optional<qint64> id = currentVmId();
    if (!id)
        return;
    const int row = m_model->rowForId(*id);
    const std::optional<ManualOverride> existing = m_model->manualOverride(*id);
    auto *dialog = new OverrideDialog(m_model->vm(row).name, m_model->decision(row).path,
                                      existing ? existing->note : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 vmId = *id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, vmId]() {
        selectVm(vmId);
        overrideCurrent(dialog->path(), dialog->note());
    });
    dialog->open();
}

bool PlanView::overrideCurrent(MigrationPath path, const QString &note)
{
    const std::optional<qint64> id = currentVmId();
    if (!id)
        return false;
    ManualOverride value;
    value.path = path;
    value.note = note;
    value.setAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_undoStack->push(new SetOverrideCommand(m_model, *id, value));
    return true;
}

bool PlanView::clearCurrentOverride()
{
    const std::optional<qint64> id = currentVmId();
    if (!id || !m_model->manualOverride(*id))
        return false;
    m_undoStack->push(new SetOverrideCommand(m_model, *id, std::nullopt));
    return true;
}

} // namespace landfall
