#include "projectsummarypanel.h"

#include "itemmodels/inventorytablemodel.h"
#include "store/projectstore.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <optional>

namespace landfall {

namespace {
/// The most the figures take of the window's width; a longer OS name wraps instead.
constexpr int kWidestFigures = 360;
} // namespace

ProjectSummaryPanel::ProjectSummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_figures(new QLabel(this))
{
    setObjectName(QStringLiteral("projectSummaryPanel"));
    m_figures->setObjectName(QStringLiteral("projectSummaryFigures"));
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_figures->setFocusPolicy(Qt::StrongFocus);
    m_figures->setAccessibleName(tr("Project summary"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_figures);
    layout->addStretch();
    refresh(nullptr);
}

void ProjectSummaryPanel::refresh(const ProjectStore *store)
{
    const quint64 generation = ++m_generation;
    if (!store) {
        m_refreshing = false;
        m_figures->setText(tr("<p>No project is open.</p><p>Use <b>File &gt; New</b>, then <b>Import</b>, or drop "
                              "an RVTools export here.</p>"));
        return;
    }
    m_refreshing = true;
    // A connection of its own on the pool: a QtSql connection belongs to the thread that opened it.
    auto *watcher = new QFutureWatcher<std::optional<ProjectSummary>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_refreshing = false;
        if (const std::optional<ProjectSummary> summary = watcher->result())
            showFigures(*summary);
        Q_EMIT refreshed();
    });
    watcher->setFuture(QtConcurrent::run([path = store->path()]() -> std::optional<ProjectSummary> {
        auto reader = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
        if (!reader)
            return std::nullopt;
        return (*reader)->summary();
    }));
}

void ProjectSummaryPanel::showFigures(const ProjectSummary &summary)
{
    const QLocale locale;
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td align='right'><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(tr("VMs in the plan"), locale.toString(summary.vms));
    html += row(tr("Powered on"), locale.toString(summary.poweredOn));
    html += row(tr("Templates skipped"), locale.toString(summary.excludedTemplates));
    html += row(tr("SRM placeholders skipped"), locale.toString(summary.excludedSrmPlaceholders));
    html += row(tr("vCPU"), locale.toString(summary.vcpu));
    html += row(tr("Memory"), tr("%1 GiB").arg(locale.toString(summary.memoryGiB, 'f', 0)));
    html += row(tr("Disk provisioned"), tr("%1 GiB").arg(locale.toString(summary.provisionedGiB, 'f', 0)));
    // VMs whose inventory gave no used disk are not counted as using none.
    if (summary.vms > 0 && summary.vmsWithoutUsedDisk == summary.vms)
        html += row(tr("Disk used"), tr("unknown"));
    else if (summary.vmsWithoutUsedDisk > 0)
        html += row(tr("Disk used"),
                    tr("%1 GiB (unknown for %2 VMs)")
                        .arg(locale.toString(summary.usedGiB, 'f', 0), locale.toString(summary.vmsWithoutUsedDisk)));
    else
        html += row(tr("Disk used"), tr("%1 GiB").arg(locale.toString(summary.usedGiB, 'f', 0)));
    if (summary.guestUsedGiB > 0)
        html += row(tr("Used inside the guests"), tr("%1 GiB").arg(locale.toString(summary.guestUsedGiB, 'f', 0)));
    // The estate as it runs today (vHost): the baseline the plan's nodes and licences are set against.
    if (summary.hosts.count > 0) {
        html += row(tr("Hosts"), locale.toString(summary.hosts.count));
        html += row(tr("Host sockets"), locale.toString(summary.hosts.sockets));
        html += row(tr("Host cores"), locale.toString(summary.hosts.cores));
        html += row(tr("Host memory"), tr("%1 GiB").arg(locale.toString(summary.hosts.memoryGiB, 'f', 0)));
    }
    html += QStringLiteral("</table><p style='margin-top:10px'><b>%1</b></p><table cellspacing='2'>")
                .arg(tr("Operating systems").toHtmlEscaped());
    QList<std::pair<int, QString>> families;
    for (auto it = summary.osCounts.cbegin(); it != summary.osCounts.cend(); ++it) {
        int count = 0;
        for (int n : it.value())
            count += n;
        families.append({count, it.key()});
    }
    std::sort(families.begin(), families.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[count, family] : std::as_const(families))
        html += row(InventoryTableModel::displayText(InventoryTableModel::OsFamily, family), locale.toString(count));
    html += QStringLiteral("</table>");
    m_figures->setText(html);
    // A word-wrapped label asks only for the width of its first text ("No project is open"), and
    // the dock kept that width: at 1280x720 the figures' column was cut off. Ask for the table's.
    QTextDocument measure;
    measure.setDefaultFont(m_figures->font());
    measure.setHtml(html);
    m_figures->setMinimumWidth(std::min(int(std::ceil(measure.idealWidth())), kWidestFigures));
}

} // namespace landfall
