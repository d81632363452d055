#include "dashboardview.h"
#include "plainmessagebox.h"

#include "itemmodels/nodesizesweepmodel.h"

#include "livechartview.h"
#include "nodesizesweepchart.h"
#include "osbarchart.h"
#include "pathdonutchart.h"
#include "resourcesbeforeafterchart.h"
#include "scenariocomparisonchart.h"

#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace landfall {

namespace {

// The dashboard's models lay out their columns so: see the item models of the same names.
constexpr int kSweepVcpuColumn = 1;
constexpr int kSweepNodesColumn = 3;
constexpr int kSweepLowerBoundColumn = 4;
constexpr double kWorkshopScale = 1.3; // the window's own fonts grow by 1.5: the charts must still fit their panels

} // namespace

DashboardView::DashboardView(QAbstractItemModel *paths, QAbstractItemModel *systems, QAbstractItemModel *scenarios,
                             QAbstractItemModel *resources, QAbstractItemModel *sweep, QWidget *parent)
    : QWidget(parent)
    , m_paths(new LiveChartView(
          paths, [paths]() { return PathDonutChart::create(paths); }, tr("VMs per path"), this))
    , m_systems(new LiveChartView(
          systems, [systems]() { return OsBarChart::create(systems); }, tr("VMs per operating system"), this))
    , m_scenarios(new LiveChartView(
          scenarios, [scenarios]() { return ScenarioComparisonChart::create(scenarios); },
          tr("VM hosts against container nodes"), this))
    , m_resources(new LiveChartView(
          resources, [resources]() { return ResourcesBeforeAfterChart::create(resources); },
          tr("Resources before and after"), this))
    , m_sweep(new LiveChartView(
          sweep,
          [sweep]() {
              NodeSizeSweepChart::Marks marks;
              marks.feasible = NodeSizeSweepModel::Feasible;
              marks.current = NodeSizeSweepModel::Current;
              marks.best = NodeSizeSweepModel::Best;
              marks.label = NodeSizeSweepModel::Size;
              marks.reason = NodeSizeSweepModel::Reason;
              return NodeSizeSweepChart::create(sweep, kSweepVcpuColumn, kSweepNodesColumn, kSweepLowerBoundColumn,
                                                marks);
          },
          tr("Nodes against node size"), this))
    , m_caption(new QLabel(this))
    , m_picker(new QComboBox(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    // Empty states say what to do, rather than axes reading "0 0 0 1 1 1".
    const auto allZero = [](QAbstractItemModel *model, int column) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, column).data().toDouble() != 0)
                return false;
        }
        return true;
    };
    const QString importFirst =
        tr("No VMs yet. Import an inventory (File > Import Inventory, Ctrl+I) to see them here.");
    const QString noContainers =
        tr("Nothing packed for this scenario: either no VM is on the Containerize path (answer the workshop "
           "questions, or change the rules), or the scenario's node sizes cannot hold its workloads (see the "
           "Scenarios page).");
    m_paths->setEmptyState([=]() { return allZero(paths, 1) ? importFirst : QString(); });
    m_systems->setEmptyState([=]() { return allZero(systems, 1) ? importFirst : QString(); });
    m_scenarios->setEmptyState([=]() {
        if (allZero(paths, 1))
            return importFirst;
        if (scenarios->rowCount() == 0)
            return tr("No scenario is ticked for comparison. Tick one on the Scenarios page (Ctrl+4).");
        if (allZero(scenarios, 1) && allZero(scenarios, 2))
            return noContainers;
        return QString();
    });
    m_resources->setEmptyState([=]() {
        if (allZero(paths, 1))
            return importFirst;
        return resources->rowCount() == 0 || (allZero(resources, 1) && allZero(resources, 2)) ? noContainers
                                                                                              : QString();
    });
    m_sweep->setEmptyState([=]() {
        if (allZero(paths, 1))
            return importFirst;
        return sweep->rowCount() == 0 ? noContainers : QString();
    });
    // The sweep and resources charts read the path counts too: they follow them.
    for (LiveChartView *chart : {m_scenarios, m_resources, m_sweep}) {
        connect(paths, &QAbstractItemModel::modelReset, chart, &LiveChartView::rebuild);
        connect(paths, &QAbstractItemModel::dataChanged, chart, &LiveChartView::rebuild);
    }
    m_paths->setObjectName(QStringLiteral("pathChart"));
    m_systems->setObjectName(QStringLiteral("osChart"));
    m_scenarios->setObjectName(QStringLiteral("scenarioChart"));
    m_resources->setObjectName(QStringLiteral("resourcesChart"));
    m_sweep->setObjectName(QStringLiteral("sweepChart"));
    m_caption->setObjectName(QStringLiteral("dashboardCaption"));

    m_panels = {panel(m_paths, QStringLiteral("paths")), panel(m_systems, QStringLiteral("operating-systems")),
                panel(m_scenarios, QStringLiteral("hosts-and-nodes")), panel(m_resources, QStringLiteral("resources")),
                panel(m_sweep, QStringLiteral("node-size-sweep"))};
    // In a scroll area: in workshop mode the charts keep a size a room can read, and scroll.
    auto *page = new QWidget(this);
    m_grid = new QGridLayout(page);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    arrangePanels(false);
    // The scenario the resources and the sweep are for is picked here too: in a workshop the
    // dashboard is on the projector, and the Scenarios page is not.
    m_picker->setObjectName(QStringLiteral("scenarioPicker"));
    m_picker->setAccessibleName(tr("Scenario"));
    m_picker->setToolTip(tr("The scenario the resources and the node-size sweep are for"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_picker, &QComboBox::activated, this, &DashboardView::scenarioPicked);
    auto *pickerLabel = new QLabel(tr("&Scenario:"), this);
    pickerLabel->setBuddy(m_picker);
    m_caption->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(pickerLabel);
    top->addWidget(m_picker);
    top->addSpacing(12);
    top->addWidget(m_caption, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    setDetailScenario(QString());
}

QList<LiveChartView *> DashboardView::charts() const
{
    return {m_paths, m_systems, m_scenarios, m_resources, m_sweep};
}

QWidget *DashboardView::panel(LiveChartView *chart, const QString &exportName)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setStyleSheet(QStringLiteral("QFrame { background: white; }"));
    auto *exportButton = new QToolButton(frame);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save this chart as a PNG picture or an SVG drawing"));
    exportButton->setAccessibleName(tr("Export %1").arg(chart->title()));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAutoRaise(true);
    auto *menu = new QMenu(exportButton);
    for (const auto &[label, suffix] :
         {std::pair{tr("As &PNG..."), QStringLiteral("png")}, std::pair{tr("As &SVG..."), QStringLiteral("svg")}}) {
        // A copy by name: a structured binding cannot be captured before C++20's compilers all allow it (clang 14).
        connect(menu->addAction(label), &QAction::triggered, this, [this, chart, exportName, suffix = suffix]() {
            const QString filter =
                suffix == QLatin1String("png") ? tr("PNG pictures (*.png)") : tr("SVG drawings (*.svg)");
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export the Chart"), QDir::home().filePath(exportName + u'.' + suffix), filter);
            if (!path.isEmpty() && !chart->exportTo(path))
                PlainMessageBox::warning(this, tr("Export failed"), tr("%1 could not be written.").arg(path));
        });
    }
    exportButton->setMenu(menu);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    layout->addWidget(chart, 1);
    return frame;
}

void DashboardView::setWorkshopMode(bool on)
{
    m_workshop = on;
    if (m_presenter)
        return; // presenter mode keeps its own layout and scale until it ends
    for (LiveChartView *chart : charts())
        chart->setFontScale(on ? kWorkshopScale : 1.0);
    arrangePanels(on);
}

void DashboardView::setPresenterMode(bool on, double fontScale)
{
    m_presenter = on;
    if (!on) {
        setWorkshopMode(m_workshop);
        return;
    }
    for (LiveChartView *chart : charts())
        chart->setFontScale(fontScale);
    arrangeForPresenter();
}

void DashboardView::arrangeForPresenter()
{
    for (QWidget *panel : std::as_const(m_panels)) {
        m_grid->removeWidget(panel);
        // No minimum: the six cells share the screen, none scrolls out of sight.
        panel->setMinimumSize(0, 0);
    }
    // Three columns, two rows; the OS bars (a dozen rows of labels) take a whole column's height.
    m_grid->addWidget(m_panels[0], 0, 0);
    m_grid->addWidget(m_panels[1], 0, 1, 2, 1);
    m_grid->addWidget(m_panels[2], 1, 0);
    m_grid->addWidget(m_panels[3], 0, 2);
    m_grid->addWidget(m_panels[4], 1, 2);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_grid->setRowStretch(0, 1);
    m_grid->setRowStretch(1, 1);
    m_grid->setRowStretch(2, 0);
}

void DashboardView::setScenarioList(QAbstractItemModel *scenarios, int nameColumn)
{
    m_picker->setModel(scenarios);
    m_picker->setModelColumn(nameColumn);
}

void DashboardView::setPickedScenario(int row)
{
    const QSignalBlocker blocker(m_picker);
    m_picker->setCurrentIndex(row);
}

void DashboardView::arrangePanels(bool workshop)
{
    for (QWidget *panel : std::as_const(m_panels))
        m_grid->removeWidget(panel);
    for (int column = 0; column < 3; ++column) {
        m_grid->setColumnStretch(column, 0);
        m_grid->setRowStretch(column, 0);
    }
    QWidget *paths = m_panels[0], *systems = m_panels[1], *scenarios = m_panels[2], *resources = m_panels[3],
            *sweep = m_panels[4];
    if (workshop) {
        // Two columns, each chart at least this large: labels and values are read from the back of the room.
        for (QWidget *panel : std::as_const(m_panels))
            panel->setMinimumSize(460, 440);
        m_grid->addWidget(paths, 0, 0);
        m_grid->addWidget(systems, 0, 1);
        m_grid->addWidget(scenarios, 1, 0);
        m_grid->addWidget(resources, 1, 1);
        m_grid->addWidget(sweep, 2, 0, 1, 2);
        m_grid->setColumnStretch(0, 1);
        m_grid->setColumnStretch(1, 1);
        m_grid->setColumnStretch(2, 0);
        return;
    }
    for (QWidget *panel : std::as_const(m_panels))
        panel->setMinimumSize(0, 0);
    // The OS bars get two columns: their labels ("Windows Server 2012 R2") are the longest.
    m_grid->addWidget(paths, 0, 0);
    m_grid->addWidget(systems, 0, 1, 1, 2);
    m_grid->addWidget(scenarios, 1, 0);
    m_grid->addWidget(resources, 1, 1);
    m_grid->addWidget(sweep, 1, 2);
    // The donut's legend carries each path's count and share: its column is the widest.
    m_grid->setColumnStretch(0, 4);
    m_grid->setColumnStretch(1, 3);
    m_grid->setColumnStretch(2, 3);
}

void DashboardView::setDetailScenario(const QString &name, const QString &warning)
{
    QString caption = name.isEmpty() ? tr("Resources and node sizes: no scenario packed yet")
                                     : tr("Capacity bought before and after, on one basis, and node sizes, for the "
                                          "scenario <b>%1</b>.")
                                           .arg(name.toHtmlEscaped());
    if (!warning.isEmpty())
        caption += QStringLiteral("<br><b>") + warning.toHtmlEscaped() + QStringLiteral("</b>");
    m_caption->setText(caption);
}

} // namespace landfall
