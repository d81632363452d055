#include "../support/testtimeout.h"
#include "guifixture.h"

#include "businesscaseview.h"
#include "charts/chartstyle.h"
#include "charts/dashboardview.h"
#include "charts/livechartview.h"
#include "inventoryview.h"
#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/nodesizesweepmodel.h"
#include "itemmodels/oscountmodel.h"
#include "itemmodels/resourcecomparisonmodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "planview.h"
#include "scenarioview.h"
#include "workspaceviews.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDebug>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLegend>
#include <QLegendMarker>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

using namespace landfall;

namespace {

/** Every text a shown chart view draws as an item (axis labels, legend entries, the title), on one line each. */
QStringList drawnTexts(LiveChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item)) {
            // One line, as ChartStyle::plainLabel() writes the labels: a wrap after a hyphen takes no space.
            QString plain = text->toPlainText();
            plain.replace(QRegularExpression(QStringLiteral("-[\\n\\x{2028}\\x{2029}]")), QStringLiteral("-"));
            texts.append(plain.replace(u'\n', u' ').replace(QChar::LineSeparator, u' ').simplified());
        }
    }
    return texts;
}

QStringList words(const QString &text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

/** The part of `label` that tells it from the other labels: what follows the longest run of
    leading words it shares with any of them ("2008 R2" of "Windows Server 2008 R2" against
    "Windows Server 2012 R2"). */
QString distinguishingPart(const QString &label, const QStringList &all)
{
    const QStringList mine = words(label);
    qsizetype shared = 0;
    for (const QString &other : all) {
        if (other == label)
            continue;
        const QStringList theirs = words(other);
        qsizetype n = 0;
        while (n < mine.size() && n < theirs.size() && mine[n] == theirs[n])
            ++n;
        shared = std::max(shared, n);
    }
    return mine.mid(std::min(shared, mine.size() - 1)).join(u' ');
}

/** The widgets under `root` that ask for more room than `room`, each with what it asks: the
    message names the culprit (the deepest such widget), not just the page. */
QStringList tooLarge(QWidget *root, const QSize &room)
{
    QStringList found;
    for (QWidget *child : root->findChildren<QWidget *>()) {
        if (!child->isVisibleTo(root) || child->isWindow())
            continue;
        const QSize asked = child->minimumSizeHint().expandedTo(child->minimumSize());
        if (asked.width() > room.width() || asked.height() > room.height())
            found.append(QStringLiteral("%1 \"%2\" %3x%4")
                             .arg(QString::fromLatin1(child->metaObject()->className()), child->objectName())
                             .arg(asked.width())
                             .arg(asked.height()));
    }
    return found;
}

bool isElided(const QString &text)
{
    return text.contains(QStringLiteral("...")) || text.contains(QChar(0x2026));
}

} // namespace

/** Presenter mode on a projector (issue 18, item 1): every chart fits, and no label is elided
    into something ambiguous, at 1280×720 and at 1920×1080. */
class TestPresenter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void labelsStayWholeAndDistinct_data();
    void labelsStayWholeAndDistinct();
    void dashboardHasAScenarioPicker();
    void gridColumnsFitTheLargerFont();
    void everyViewFitsTheProjector();
    void gridsFitAgainWhenTheirRowsArrive();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestPresenter::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_presenter");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_window = std::make_unique<MainWindow>();
    m_window->setFileDialogs(std::make_unique<testing::SilentDialogs>());
    m_window->show();
    // The demo: thirteen operating systems (five of them Windows Server), two scenarios with long names.
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->openDemo(m_dir.filePath(QStringLiteral("demo.landfall"))));
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    WorkspaceViews *workspace = m_window->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(!workspace->decisions()->loading() && !workspace->scenarios()->isBusy() &&
                                 !workspace->sweep()->isBusy() && !workspace->businessCase()->isBusy(),
                             landfall::test::scaledTimeout(60000));
    // Both demo scenarios compared: the comparison's categories are their names.
    QVERIFY(workspace->scenarios()->rowCount() >= 2);
    m_window->presenterAction()->setChecked(true);
    QVERIFY(m_window->isPresenterMode());
}

void TestPresenter::cleanupTestCase()
{
    m_window.reset();
}

void TestPresenter::labelsStayWholeAndDistinct_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestPresenter::labelsStayWholeAndDistinct()
{
    QFETCH(QSize, screen);
    m_window->resize(screen);
    QTRY_COMPARE(m_window->size(), screen);
    WorkspaceViews *workspace = m_window->workspace();
    QStringList osLabels = workspace->osCounts()->labels();
    QVERIFY(osLabels.size() >= 6);

    auto *views = m_window->findChild<QTabWidget *>(QStringLiteral("views"));
    QVERIFY(views);
    int chartsSeen = 0;
    for (int page = 0; page < views->count(); ++page) {
        const QList<LiveChartView *> charts = views->widget(page)->findChildren<LiveChartView *>();
        if (charts.isEmpty())
            continue;
        m_window->showView(page);
        for (LiveChartView *chart : charts)
            chart->rebuild();
        QTest::qWait(50);
        QCoreApplication::processEvents();
        for (LiveChartView *chart : charts) {
            const QString name = views->tabText(page) + QStringLiteral(" / ") + chart->title();
            QVERIFY2(chart->isVisible(), qPrintable(name));
            if (!chart->emptyText().isEmpty())
                continue;
            ++chartsSeen;
            // It fits: the whole chart is inside its page, nothing scrolls out of sight.
            const QRect onPage(chart->mapTo(views->widget(page), QPoint(0, 0)), chart->size());
            QVERIFY2(views->widget(page)->rect().contains(onPage),
                     qPrintable(name + QStringLiteral(" lies outside its page")));
            const QStringList drawn = drawnTexts(chart);
            for (QAbstractAxis *axis : chart->chart()->axes()) {
                auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
                if (!categories)
                    continue;
                QStringList shown;
                for (const QString &category : categories->categories())
                    shown.append(ChartStyle::plainLabel(category));
                // No two labels read the same, none is elided.
                QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()).size(), shown.size());
                for (const QString &label : std::as_const(shown)) {
                    QVERIFY2(!isElided(label), qPrintable(name + QStringLiteral(": ") + label));
                    QVERIFY2(drawn.contains(label), qPrintable(name + QStringLiteral(": \"") + label +
                                                               QStringLiteral("\" is not drawn whole; drawn: ") +
                                                               drawn.join(QStringLiteral(" | "))));
                }
                // Against the full labels: each one's distinguishing part is in what is drawn.
                if (chart == workspace->dashboard()->osChart()) {
                    QCOMPARE(shown.size(), osLabels.size());
                    for (const QString &full : std::as_const(osLabels)) {
                        const QString part = distinguishingPart(full, osLabels);
                        const bool found = std::any_of(shown.cbegin(), shown.cend(), [&](const QString &label) {
                            return label == full || label.endsWith(u' ' + part) || label == part;
                        });
                        QVERIFY2(found, qPrintable(name + QStringLiteral(": nothing drawn ends in \"") + part +
                                                   QStringLiteral("\" for ") + full));
                    }
                } else if (chart == workspace->dashboard()->scenarioChart()) {
                    const QAbstractItemModel *compared = workspace->scenarioView()->comparedModel();
                    for (int row = 0; row < compared->rowCount(); ++row) {
                        const QString full = compared->index(row, 0).data().toString();
                        QVERIFY2(shown.contains(full), qPrintable(name + QStringLiteral(": ") + full));
                    }
                }
            }
            // The legend's entries (where the full texts and the key of short forms are) read whole too.
            if (chart->chart()->legend()->isVisible()) {
                for (QLegendMarker *marker : chart->chart()->legend()->markers()) {
                    if (!marker->isVisible())
                        continue;
                    const QString label = ChartStyle::plainLabel(marker->label()).simplified();
                    QVERIFY2(drawn.contains(label),
                             qPrintable(name + QStringLiteral(": legend \"") + label +
                                        QStringLiteral("\" elided; drawn: ") + drawn.join(QStringLiteral(" | "))));
                }
            }
            QVERIFY2(drawn.contains(chart->title()), qPrintable(name + QStringLiteral(": title elided")));
        }
    }
    // The dashboard's five and the business case's two.
    QVERIFY2(chartsSeen >= 7, qPrintable(QString::number(chartsSeen)));
}

void TestPresenter::dashboardHasAScenarioPicker()
{
    WorkspaceViews *workspace = m_window->workspace();
    DashboardView *dashboard = workspace->dashboard();
    QComboBox *picker = dashboard->scenarioPicker();
    QVERIFY(picker);
    QCOMPARE(picker->count(), workspace->scenarios()->rowCount());
    const int other = picker->currentIndex() == 0 ? 1 : 0;
    const QString name = picker->itemText(other);
    m_window->showView(4);
    QVERIFY(picker->isVisible());
    picker->setCurrentIndex(other);
    Q_EMIT picker->activated(other);
    // The Scenarios page and the dashboard's details follow the pick.
    QTRY_COMPARE(workspace->scenarioView()->currentRow(), other);
    QTRY_COMPARE(workspace->resources()->scenario(), name);
    // And a pick on the Scenarios page shows in the picker.
    workspace->scenarioView()->selectRow(1 - other);
    QTRY_COMPARE(picker->currentIndex(), 1 - other);
}

void TestPresenter::gridColumnsFitTheLargerFont()
{
    m_window->showView(0);
    QTableView *table = m_window->inventoryView()->table();
    QHeaderView *header = table->horizontalHeader();
    const QFont desk = QApplication::font();
    QVERIFY(table->font().pointSizeF() > desk.pointSizeF() * 1.2); // presenter mode's larger text
    int checked = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) || header->sectionResizeMode(column) != QHeaderView::Interactive)
            continue;
        // Each header reads whole ("Memory GiB", not "Memory G").
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(table->model()->headerData(column, Qt::Horizontal).toString()));
        ++checked;
    }
    QVERIFY(checked > 5);
}

void TestPresenter::everyViewFitsTheProjector()
{
    // A projector's 1280×720: no page may ask for more, or the window grows past the screen and
    // its right edge is cut off (the presenter screenshot came out 1,475 px wide). The tab widget
    // asks for the largest of its pages, shown or not: each is visited first, so that each has
    // taken presenter mode's font and laid itself out.
    const QSize projector(1280, 720);
    m_window->resize(projector);
    auto *views = m_window->findChild<QTabWidget *>(QStringLiteral("views"));
    QVERIFY(views);
    for (int page = 0; page < views->count(); ++page) {
        m_window->showView(page);
        QCoreApplication::processEvents();
    }
    for (int page = 0; page < views->count(); ++page) {
        QWidget *widget = views->widget(page);
        const QSize asked = widget->minimumSizeHint();
        QVERIFY2(asked.width() <= projector.width() && asked.height() <= projector.height(),
                 qPrintable(QStringLiteral("%1 asks for %2x%3: %4")
                                .arg(views->tabText(page).remove(u'&'))
                                .arg(asked.width())
                                .arg(asked.height())
                                .arg(tooLarge(widget, projector).join(QStringLiteral(", ")))));
    }
    const QSize window = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(window.width() <= projector.width() && window.height() <= projector.height(),
             qPrintable(QStringLiteral("the window asks for %1x%2").arg(window.width()).arg(window.height())));
    for (int page = 0; page < views->count(); ++page) {
        m_window->showView(page);
        QCoreApplication::processEvents();
        QCOMPARE(m_window->size(), projector);
        QCOMPARE(m_window->grab().deviceIndependentSize().toSize(), projector);
    }
}

void TestPresenter::gridsFitAgainWhenTheirRowsArrive()
{
    // The plan loads in the background: fitted while it was empty, its columns read "a..." and
    // "Co..." in the presenter screenshot. A new set of rows fits them again.
    auto *views = m_window->findChild<QTabWidget *>(QStringLiteral("views"));
    auto *plan = m_window->findChild<QTableView *>(QStringLiteral("planTable"));
    QVERIFY(views && plan);
    m_window->showView(views->indexOf(m_window->workspace()->planView()));
    QHeaderView *header = plan->horizontalHeader();
    for (int column = 0; column < header->count() - 1; ++column)
        header->resizeSection(column, 12);
    m_window->workspace()->decisions()->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->decisions()->loading() && plan->model()->rowCount() > 0,
                             landfall::test::scaledTimeout(30000));
    const int most = QFontMetrics(m_window->font()).height() * 22;
    for (int column = 0; column < header->count() - 1; ++column) {
        if (header->isSectionHidden(column) || header->sectionResizeMode(column) != QHeaderView::Interactive)
            continue;
        const QString name = plan->model()->headerData(column, Qt::Horizontal).toString();
        QTRY_VERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column), qPrintable(name));
        QVERIFY2(header->sectionSize(column) >=
                     std::min(static_cast<const QAbstractItemView *>(plan)->sizeHintForColumn(column), most),
                 qPrintable(name));
    }
    // The headers read in the grid's larger font (the Plan's and the Rules' kept the desk's).
    QCOMPARE(header->font().pointSizeF(), plan->font().pointSizeF());
    auto *rules = m_window->findChild<QTableView *>(QStringLiteral("rulesTable"));
    QVERIFY(rules);
    QCOMPARE(rules->horizontalHeader()->font().pointSizeF(), rules->font().pointSizeF());
    // The Waves page's tree of move groups too: the group names read whole.
    auto *groups = m_window->findChild<QTreeView *>(QStringLiteral("waveGroups"));
    QVERIFY(groups && groups->model()->rowCount() > 0);
    QVERIFY(groups->header()->sectionSize(0) >=
            std::min(static_cast<const QAbstractItemView *>(groups)->sizeHintForColumn(0), most));
}

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
