#include "../support/testtimeout.h"
#include "guifixture.h"

#include "businesscaseview.h"
#include "pricebookeditor.h"
#include "workspaceviews.h"

#include "charts/livechartview.h"
#include "cost/businesscasemodels.h"
#include "cost/projectbusinesscase.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "scenarioview.h"
#include "store/projectstore.h"

#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

using namespace landfall;
using namespace landfall::testing;

/** The Business case view driven offscreen on the sample project: figures, charts, the VM table
    and the price book editor with its undo steps. */
class TestBusinessCaseView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        isolateSettings(m_dir, "tst_businesscaseview");
        m_window = windowWithSampleProject(m_dir.filePath(QStringLiteral("p.landfall")));
        QVERIFY(m_window);
        m_view = m_window->workspace()->businessCase();
        QVERIFY(m_view);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->businessCase().has_value() && !m_view->isBusy(),
                                 landfall::test::scaledTimeout(60000));
    }

    void cleanupTestCase() { m_window.reset(); }

    void isATabOfTheMainWindow()
    {
        auto *views = m_window->findChild<QTabWidget *>(QStringLiteral("views"));
        QVERIFY(views);
        const int index = views->indexOf(m_view);
        QVERIFY(index >= 0);
        QCOMPARE(views->tabText(index).remove(u'&'), QStringLiteral("Business case"));
        m_window->showView(index);
    }

    void showsTheFiguresInTheBooksCurrency()
    {
        const BusinessCase &bc = *m_view->businessCase();
        QCOMPARE(bc.vms.size(), 39);
        double sum = 0;
        for (double part : bc.byPath)
            sum += part;
        QVERIFY(qAbs(bc.after - sum) < 1e-6);
        const PriceBook &book = m_view->priceBook();
        QVERIFY(m_view->headline()->text().contains(book.formatMoney(bc.before, 0)));
        QVERIFY(m_view->headline()->text().contains(book.formatMoney(bc.after, 0)));
        QCOMPARE(m_view->basisBanner()->isVisibleTo(m_view), true); // all-provisioned or right-sizing, either is said
        QCOMPARE(m_view->basisBanner()->text().contains(QLatin1String("No VM has utilisation data")),
                 !bc.anyUtilisation);

        // The table: a row per VM, money formatted, sortable by the number behind it.
        VmCostTableModel *vms = m_view->vmModel();
        QCOMPARE(vms->rowCount(), 39);
        for (int row = 0; row < vms->rowCount(); ++row) {
            const VmCost &cost = vms->cost(row);
            QCOMPARE(vms->index(row, VmCostTableModel::Monthly).data().toString(), book.formatMoney(cost.monthly));
            QCOMPARE(vms->index(row, VmCostTableModel::Monthly).data(Qt::UserRole).toDouble(), cost.monthly);
            QCOMPARE(vms->index(row, VmCostTableModel::Sku).data().toString().isEmpty(),
                     cost.path != MigrationPath::Rehost);
        }
    }

    void chartsFollowTheModels()
    {
        const QList<LiveChartView *> charts = m_view->charts();
        QCOMPARE(charts.size(), 2);
        const auto bars = [&]() {
            return charts[0]->chart() && !charts[0]->chart()->series().isEmpty()
                       ? qobject_cast<QStackedBarSeries *>(charts[0]->chart()->series().constFirst())
                       : nullptr;
        };
        QTRY_VERIFY(bars() && bars()->count() == 5);          // one set per path
        QCOMPARE(bars()->barSets().constFirst()->count(), 2); // today and after
        const BusinessCase &bc = *m_view->businessCase();
        double after = 0;
        for (QBarSet *set : bars()->barSets())
            after += set->at(1);
        QVERIFY(qAbs(after - bc.after / 1000.0) < 1e-6);
        QCOMPARE(charts[1]->chart()->series().size(), 3); // staying, moving, payback
    }

    void comparisonGivesEachScenariosMonthlyCost()
    {
        ScenarioComparisonModel *scenarios = m_window->workspace()->scenarios();
        Scenario big;
        big.name = QStringLiteral("64 vCPU nodes");
        big.node.vcpu = 64;
        big.node.memoryGiB = 256;
        scenarios->addScenario(big);
        const int added = scenarios->rowForName(big.name);
        QVERIFY(added >= 0);
        const auto allPriced = [&]() {
            for (int row = 0; row < scenarios->rowCount(); ++row) {
                if (!scenarios->result(row) || !scenarios->monthlyCost(row))
                    return false;
            }
            return !scenarios->isBusy() && !m_view->isBusy();
        };
        QTRY_VERIFY_WITH_TIMEOUT(allPriced(), landfall::test::scaledTimeout(60000));
        QVERIFY(scenarios->rowCount() >= 2);
        const PriceBook &book = m_view->priceBook();
        const BusinessCase &chosen = *m_view->businessCase();
        const int chosenRow = scenarios->rowForName(m_view->scenarioBox()->currentText());
        QVERIFY(chosenRow >= 0);
        QCOMPARE(scenarios->monthlyCost(chosenRow)->after, chosen.after);
        QCOMPARE(scenarios->monthlyCost(chosenRow)->today, chosen.before);
        for (int row = 0; row < scenarios->rowCount(); ++row) {
            const auto cost = scenarios->monthlyCost(row);
            QCOMPARE(scenarios->index(row, ScenarioComparisonModel::MonthlyCostAfter).data().toString(),
                     book.formatMoney(cost->after, 0));
            QCOMPARE(scenarios->index(row, ScenarioComparisonModel::MonthlyCostToday).data(Qt::EditRole).toDouble(),
                     cost->today);
        }
        // In the side-by-side table, a row of its own under its name.
        QAbstractItemModel *table = m_window->workspace()->scenarioView()->compareTable()->model();
        bool shown = false;
        for (int row = 0; row < table->rowCount(); ++row)
            shown = shown ||
                    table->headerData(row, Qt::Vertical).toString() == QLatin1String("Cost a month, after the move");
        QVERIFY(shown);
        scenarios->removeScenario(added);
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), landfall::test::scaledTimeout(60000));
    }

    void rampFollowsTheWavesOnceTheProjectHasThem()
    {
        const auto said = [this]() { return m_view->businessCase()->assumptions.join(u' '); };
        QVERIFY2(said().contains(QLatin1String("the project has no wave plan")), qPrintable(said()));
        // Saved wave parameters make a wave plan: the business case prices again, month by month.
        ProjectStore *store = m_window->store();
        QVERIFY(!store->setSetting(QStringLiteral("waves/parameters"), QStringLiteral(R"({"start": "2027-03-01"})")));
        m_view->recompute();
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy() && said().contains(QLatin1String("follows the project's wave plan")),
                                 landfall::test::scaledTimeout(60000));
        QVERIFY2(said().contains(QLatin1String("from 2027-03-01")), qPrintable(said()));
        QVERIFY(!store->setSetting(QStringLiteral("waves/parameters"), QStringLiteral("")));
        m_view->recompute();
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy() && said().contains(QLatin1String("no wave plan")),
                                 landfall::test::scaledTimeout(60000));
    }

    void priceBookEditsAreUndoSteps()
    {
        PriceBookEditor *editor = m_view->priceBookEditor();
        const double before = m_view->businessCase()->after;
        const int steps = m_window->undoStack()->index();
        QDoubleSpinBox *cluster = editor->field(QStringLiteral("kubernetesClusterHourly"));
        QVERIFY(cluster);
        const bool containers = m_view->businessCase()->clusterMonthly > 0;
        cluster->setValue(cluster->value() + 1.0);
        QSignalSpy changed(m_view, &BusinessCaseView::businessCaseChanged);
        QVERIFY(editor->apply());
        QCOMPARE(m_window->undoStack()->index(), steps + 1);
        QVERIFY(ProjectBusinessCase::hasOwnPriceBook(*m_window->store()));
        QVERIFY(changed.wait(30000));
        if (containers) // one cluster, a dollar an hour dearer
            QVERIFY(qAbs(m_view->businessCase()->after - before - 730.0) < 0.01);

        m_window->undoStack()->undo();
        QVERIFY(!ProjectBusinessCase::hasOwnPriceBook(*m_window->store()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy() && qAbs(m_view->businessCase()->after - before) < 0.01,
                                 landfall::test::scaledTimeout(30000));
    }

    void importRefusesABadBookAndExportWritesOne()
    {
        PriceBookEditor *editor = m_view->priceBookEditor();
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"vmSkus": [{"name": "X", "vcpu": 2, "memoryGiB": 4, "linuxHourly": -1, "windowsHourly": 1}]})");
        file.close();
        const int steps = m_window->undoStack()->index();
        QVERIFY(!editor->importFile(bad));
        QVERIFY(editor->messageLabel()->text().contains(QLatin1String("vmSkus[0].linuxHourly")));
        QCOMPARE(m_window->undoStack()->index(), steps);
        QVERIFY(!ProjectBusinessCase::hasOwnPriceBook(*m_window->store()));

        const QString exported = m_dir.filePath(QStringLiteral("book.json"));
        QVERIFY(editor->exportFile(exported));
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const auto book = PriceBook::fromJsonText(written.readAll());
        QVERIFY(book.ok());
        QCOMPARE(book.value().vmSkus.size(), PriceBook::builtIn().vmSkus.size());
        QVERIFY(editor->importFile(exported)); // the same book, as the project's own
        QCOMPARE(m_window->undoStack()->index(), steps + 1);
        QVERIFY(ProjectBusinessCase::hasOwnPriceBook(*m_window->store()));
    }

    void skuTableRefusesAnInvalidEdit()
    {
        PriceBookSkuModel *skus = m_view->priceBookEditor()->skuModel();
        QVERIFY(skus->rowCount() > 0);
        const QModelIndex linux = skus->index(0, PriceBookSkuModel::LinuxHourly);
        const double windows = skus->skus().constFirst().windowsHourly;
        QVERIFY(!skus->setData(linux, windows + 1)); // Linux dearer than Windows
        QVERIFY(!skus->setData(skus->index(0, PriceBookSkuModel::Vcpu), 0));
        QVERIFY(skus->setData(linux, windows / 2));
        QCOMPARE(skus->skus().constFirst().linuxHourly, windows / 2);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    BusinessCaseView *m_view = nullptr;
};

QTEST_MAIN(TestBusinessCaseView)
#include "tst_businesscaseview.moc"
