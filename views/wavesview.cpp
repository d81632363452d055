#include "wavesview.h"

#include "charts/wavegantt.h"
#include "dependencygraphview.h"

#include "store/projectstore.h"
#include "waves/dependencyimporter.h"
#include "waves/wavecommands.h"
#include "waves/waveplanmodel.h"

#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace landfall {

namespace {

constexpr int kGroupRole = Qt::UserRole + 1; ///< a row's group name
constexpr int kVmIdRole = Qt::UserRole + 2;  ///< a member row's VM id

QString pathSummary(const WaveInput &input, const MoveGroup &group)
{
    QMap<QString, int> paths;
    for (const int member : group.members)
        ++paths[migrationPathKey(input.vms[size_t(member)].path)];
    QStringList parts;
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    return parts.join(QLatin1String(", "));
}

} // namespace

WavesView::WavesView(QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_undoStack(undoStack)
    , m_model(new WavePlanModel(this))
    , m_groups(new QStandardItemModel(this))
    , m_tree(new QTreeView(this))
    , m_gantt(new WaveGantt(this))
    , m_graph(new DependencyGraphView(this))
    , m_summary(new QLabel(this))
    , m_issues(new QLabel(this))
    , m_maxVms(new QSpinBox(this))
    , m_maxTiB(new QDoubleSpinBox(this))
    , m_waveDays(new QSpinBox(this))
    , m_bandwidth(new QDoubleSpinBox(this))
    , m_start(new QDateEdit(this))
    , m_strongLinks(new QSpinBox(this))
{
    setObjectName(QStringLiteral("wavesView"));
    m_maxVms->setRange(1, 100000);
    m_maxVms->setObjectName(QStringLiteral("maxVms"));
    m_maxTiB->setRange(0.01, 100000);
    m_maxTiB->setSuffix(QStringLiteral(" TiB"));
    m_waveDays->setRange(1, 365);
    m_waveDays->setSuffix(tr(" days"));
    m_bandwidth->setRange(0, 1000000);
    m_bandwidth->setSuffix(tr(" GB/day"));
    m_bandwidth->setSpecialValueText(tr("unlimited"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_strongLinks->setRange(0, 100000);
    m_strongLinks->setSpecialValueText(tr("never"));
    m_strongLinks->setToolTip(tr("Connections between two applications that make them one move group"));

    // Three fields to a row: in presenter mode's larger font the six in one row asked for
    // 1,371 px, more than a projector's 1,280, and the window grew past the screen.
    constexpr int kFieldsPerRow = 3;
    auto *parameters = new QGridLayout;
    int fields = 0;
    const auto add = [&](const QString &label, QWidget *field) {
        auto *text = new QLabel(label, this);
        text->setBuddy(field);
        const int row = fields / kFieldsPerRow;
        const int column = 2 * (fields % kFieldsPerRow);
        parameters->addWidget(text, row, column);
        parameters->addWidget(field, row, column + 1);
        ++fields;
    };
    add(tr("Max &VMs"), m_maxVms);
    add(tr("Max &data"), m_maxTiB);
    add(tr("&Length"), m_waveDays);
    add(tr("&Bandwidth"), m_bandwidth);
    add(tr("&Start"), m_start);
    add(tr("Strong &links"), m_strongLinks);
    parameters->setColumnStretch(2 * kFieldsPerRow, 1); // the fields keep their width, the room is on the right
    auto *moveGroupButton = new QPushButton(tr("Set Move &Group..."), this);
    moveGroupButton->setToolTip(tr("Give the selected VMs an explicit move group (the workshop's moveGroup)"));
    auto *importButton = new QPushButton(tr("Import &Dependencies..."), this);
    // The buttons share the summary's row: in presenter mode's larger font one row of fields
    // and buttons was wider (1,460 px) than a projector's 1,280.
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(moveGroupButton);
    summaryRow->addWidget(importButton);

    m_tree->setModel(m_groups);
    m_tree->setObjectName(QStringLiteral("waveGroups"));
    m_tree->setAccessibleName(tr("Move groups"));
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSortingEnabled(true);
    m_tree->setUniformRowHeights(true);
    m_summary->setObjectName(QStringLiteral("wavesSummary"));
    m_issues->setObjectName(QStringLiteral("wavesIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_gantt);
    right->addWidget(m_graph);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({380, 1000});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(parameters);
    m_summary->setWordWrap(true);
    layout->addLayout(summaryRow);
    layout->addWidget(split, 1);
    layout->addWidget(m_issues);

    connect(m_model, &WavePlanModel::planChanged, this, &WavesView::rebuild);
    connect(m_model, &WavePlanModel::writeFailed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("The change was not saved"), message); });
    connect(m_gantt, &WaveGantt::groupDropped, this, &WavesView::moveGroup);
    connect(m_gantt, &WaveGantt::groupClicked, this, &WavesView::selectGroup);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString group = current.siblingAtColumn(0).data(kGroupRole).toString();
        if (!group.isEmpty() && group != m_selectedGroup) {
            m_selectedGroup = group;
            m_graph->showGroup(*m_model, group);
        }
    });
    for (QSpinBox *box : {m_maxVms, m_waveDays, m_strongLinks})
        connect(box, &QSpinBox::editingFinished, this, &WavesView::applyParameters);
    for (QDoubleSpinBox *box : {m_maxTiB, m_bandwidth})
        connect(box, &QDoubleSpinBox::editingFinished, this, &WavesView::applyParameters);
    connect(m_start, &QDateEdit::editingFinished, this, &WavesView::applyParameters);
    connect(importButton, &QPushButton::clicked, this, &WavesView::importDependencies);
    connect(moveGroupButton, &QPushButton::clicked, this, &WavesView::askMoveGroup);
    setEnabled(false);
}

void WavesView::setStore(ProjectStore *store)
{
    m_moveReport.clear();
    m_selectedGroup.clear();
    setEnabled(store != nullptr);
    m_model->setStore(store);
    m_stale = true; // the plan's decisions may land after the project opens
}

void WavesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The plan page re-classifies as the consultant edits; the waves follow when they are looked at.
    if (m_stale && m_model->store())
        m_model->reload();
    m_stale = true;
}

void WavesView::rebuild()
{
    const WavePlan &plan = m_model->plan();
    const WaveInput &input = m_model->input();
    showParameters();

    m_groups->clear();
    m_groups->setHorizontalHeaderLabels(
        {tr("Group / VM"), tr("Wave"), tr("VMs"), tr("TiB"), tr("Paths"), tr("Why together")});
    const int memberLimit = 500; // a group of thousands lists its first members; the rest are counted
    for (const MoveGroup &group : plan.groups) {
        auto *name = new QStandardItem(group.pinned ? group.name + tr(" (pinned)") : group.name);
        name->setData(group.name, kGroupRole);
        auto *wave = new QStandardItem;
        wave->setData(group.wave > 0 ? QVariant(group.wave) : QVariant(tr("retained")), Qt::DisplayRole);
        auto *vms = new QStandardItem;
        vms->setData(int(group.members.size()), Qt::DisplayRole);
        auto *tib = new QStandardItem(QLocale().toString(group.tib, 'f', 2));
        auto *paths = new QStandardItem(pathSummary(input, group));
        auto *reason =
            new QStandardItem(group.oversized ? group.reasonText + tr("; larger than a wave") : group.reasonText);
        if (group.oversized)
            name->setForeground(QColor(0xc6, 0x28, 0x28));
        int shown = 0;
        for (const int member : group.members) {
            if (shown++ == memberLimit)
                break;
            const WaveVm &vm = input.vms[size_t(member)];
            auto *vmName = new QStandardItem(vm.name);
            vmName->setData(group.name, kGroupRole);
            vmName->setData(vm.id, kVmIdRole);
            auto *path = new QStandardItem(migrationPathKey(vm.path));
            auto *why = new QStandardItem(vm.moveGroup.isEmpty()
                                              ? (vm.application.isEmpty() ? tr("no application") : vm.application)
                                              : tr("move group %1").arg(vm.moveGroup));
            name->appendRow({vmName, new QStandardItem, new QStandardItem,
                             new QStandardItem(QLocale().toString(vm.replicateGiB / 1024.0, 'f', 2)), path, why});
        }
        m_groups->appendRow({name, wave, vms, tib, paths, reason});
    }
    m_tree->sortByColumn(1, Qt::AscendingOrder);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 220);

    m_gantt->setPlan(plan);
    int crossBreaking = 0;
    for (const CrossWaveLink &link : plan.crossWave)
        crossBreaking += link.breaksOrder() ? 1 : 0;
    m_summary->setText(
        plan.waves.empty()
            ? tr("No waves yet.")
            : tr("%1 move groups in %2 waves, %3 to %4; %5 dependencies across waves (%6 against the order); "
                 "%7 retained VMs in no wave; %8 dependencies imported.")
                  .arg(plan.groups.size())
                  .arg(plan.waves.size())
                  .arg(QLocale().toString(plan.waves.front().start, QLocale::ShortFormat),
                       QLocale().toString(plan.waves.back().end, QLocale::ShortFormat))
                  .arg(plan.crossWave.size())
                  .arg(crossBreaking)
                  .arg(plan.retainedVms)
                  .arg(m_model->dependencies().size()));
    QStringList lines;
    if (!m_moveReport.isEmpty())
        lines.append(m_moveReport);
    for (const QString &issue : plan.issues.mid(0, 8))
        lines.append(QStringLiteral("• ") + issue);
    if (plan.issues.size() > 8)
        lines.append(tr("... and %n more", nullptr, int(plan.issues.size() - 8)));
    m_issues->setText(lines.isEmpty() ? tr("The plan keeps every limit and every dependency in order.")
                                      : lines.join(u'\n'));
    const QString selected = m_selectedGroup;
    m_selectedGroup.clear();
    if (plan.groupIndex(selected) >= 0) {
        selectGroup(selected);
        return;
    }
    // Nothing chosen yet: the graph shows the first group of several VMs to move.
    for (const Wave &wave : plan.waves) {
        for (const int g : wave.groups) {
            if (plan.groups[size_t(g)].members.size() > 1) {
                selectGroup(plan.groups[size_t(g)].name);
                return;
            }
        }
    }
    m_graph->showGroup(*m_model, {});
}

void WavesView::showParameters()
{
    const WaveParameters &p = m_model->parameters();
    m_showingParameters = true;
    m_maxVms->setValue(p.maxVms);
    m_maxTiB->setValue(p.maxTiB);
    m_waveDays->setValue(p.waveDays);
    m_bandwidth->setValue(p.bandwidthGBPerDay);
    m_start->setDate(p.effectiveStart());
    m_strongLinks->setValue(p.strongLinkThreshold);
    m_showingParameters = false;
}

void WavesView::applyParameters()
{
    if (m_showingParameters || !m_model->store())
        return;
    WaveParameters p = m_model->parameters();
    p.maxVms = m_maxVms->value();
    p.maxTiB = m_maxTiB->value();
    p.waveDays = m_waveDays->value();
    p.bandwidthGBPerDay = m_bandwidth->value();
    p.start = m_start->date();
    p.strongLinkThreshold = m_strongLinks->value();
    if (p == m_model->parameters())
        return;
    m_moveReport.clear();
    m_model->setParameters(p);
}

void WavesView::moveGroup(const QString &group, int wave)
{
    const WavePlan &before = m_model->plan();
    const int index = before.groupIndex(group);
    if (index < 0 || wave < 1 || before.groups[size_t(index)].wave == wave)
        return;
    const QStringList issuesBefore = before.issues;
    m_selectedGroup = group;
    m_undoStack->push(new MoveGroupToWaveCommand(m_model, group, wave));
    QStringList broken;
    for (const QString &issue : m_model->plan().issues) {
        if (!issuesBefore.contains(issue))
            broken.append(issue);
    }
    m_moveReport =
        broken.isEmpty()
            ? tr("Moving %1 to wave %2 breaks nothing.").arg(group).arg(wave)
            : tr("Moving %1 to wave %2 breaks: %3").arg(group).arg(wave).arg(broken.join(QLatin1String("; ")));
    rebuild();
}

void WavesView::setMoveGroup(const QList<qint64> &vmIds, const QString &group)
{
    if (vmIds.isEmpty() || !m_model->store())
        return;
    m_moveReport.clear();
    m_undoStack->push(new SetMoveGroupCommand(m_model, vmIds, group));
}

void WavesView::selectGroup(const QString &group)
{
    if (group == m_selectedGroup)
        return;
    m_selectedGroup = group;
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        if (m_groups->item(row, 0)->data(kGroupRole).toString() == group) {
            const QSignalBlocker blocker(m_tree->selectionModel());
            m_tree->setCurrentIndex(m_groups->index(row, 0));
            m_tree->scrollTo(m_groups->index(row, 0));
            break;
        }
    }
    m_graph->showGroup(*m_model, group);
}

QList<qint64> WavesView::selectedVmIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows(0)) {
        if (index.data(kVmIdRole).isValid()) {
            ids.append(index.data(kVmIdRole).toLongLong());
        } else { // a group row: all of its members
            for (int row = 0; row < m_groups->rowCount(index); ++row)
                ids.append(m_groups->index(row, 0, index).data(kVmIdRole).toLongLong());
        }
    }
    return ids;
}

void WavesView::askMoveGroup()
{
    const QList<qint64> ids = selectedVmIds();
    if (ids.isEmpty()) {
        QMessageBox::information(this, tr("Set Move Group"), tr("Select the VMs (or groups) to move together first."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Set Move Group"),
                                               tr("Move group of %n VM(s) (empty: none):", nullptr, int(ids.size())),
                                               QLineEdit::Normal, {}, &ok);
    if (ok)
        setMoveGroup(ids, name.trimmed().isEmpty() ? QString() : name.trimmed());
}

void WavesView::importDependencies()
{
    if (!m_model->store())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Dependencies"), {},
                                                      tr("Dependency files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto read = DependencyImporter::readFile(path);
    if (!read) {
        QStringList lines;
        for (const ImportIssue &issue : read.error().mid(0, 20))
            lines.append(issue.toString());
        QMessageBox::warning(this, tr("The dependencies were not imported"), lines.join(u'\n'));
        return;
    }
    const auto written = m_model->store()->importDependencies(read.value().connections);
    if (!written) {
        QMessageBox::warning(this, tr("The dependencies were not imported"), written.error().message);
        return;
    }
    m_model->reload();
}

} // namespace landfall
