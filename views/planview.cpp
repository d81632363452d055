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
#include <QUndoStack>
#include <QVBoxLayout>

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
    m_pathFilter->setObjectName(QStringLiteral("planPathFilter"));
    m_pathFilter->setAccessibleName(tr("Path filter"));
    m_pathFilter->addItem(tr("All paths"), -1);
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain})
        m_pathFilter->addItem(DecisionTableModel::pathText(path), static_cast<int>(path));
    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_pathFilter);
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
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
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
    connect(m_clearButton, &QPushButton::clicked, this, &PlanView::clearCurrentOverride);

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_search, 2);
    filterBar->addWidget(pathLabel);
    filterBar->addWidget(m_pathFilter);
    filterBar->addStretch(1);
    filterBar->addWidget(m_count);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filterBar);
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
    m_search->clear();
    m_pathFilter->setCurrentIndex(0);
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

void PlanView::updateCount()
{
    const QLocale locale;
    m_count->setText(
        m_filter->rowCount() == m_model->rowCount()
            ? tr("%1 VMs").arg(locale.toString(m_model->rowCount()))
            : tr("%1 of %2 VMs").arg(locale.toString(m_filter->rowCount()), locale.toString(m_model->rowCount())));
}

void PlanView::updateButtons()
{
    const std::optional<qint64> id = currentVmId();
    m_overrideButton->setEnabled(id.has_value());
    m_clearButton->setEnabled(id && m_model->manualOverride(*id).has_value());
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
