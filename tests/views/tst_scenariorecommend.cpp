// The GUI way to mark a scenario as the one the report recommends (issue 17): the Scenarios
// view's "Recommend in the report" box and why field store what `scenario --recommend NAME --why
// TEXT` stores, as undo steps, and the list shows the mark.
#include "recommendedscenariodelegate.h"
#include "scenarioview.h"

#include "density/scenario.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "report/reportsettings.h"
#include "store/projectstore.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace landfall;

class TestScenarioRecommend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("p%1.landfall").arg(++m_count));
        auto opened = ProjectStore::open(m_path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(opened.value());
        for (const auto &[name, vcpu] :
             {std::pair{QStringLiteral("small"), 16}, std::pair{QStringLiteral("large"), 64}}) {
            Scenario scenario;
            scenario.name = name;
            scenario.node.vcpu = vcpu;
            scenario.node.memoryGiB = vcpu * 4;
            QVERIFY(!m_store->saveScenario(name, QString::fromUtf8(QJsonDocument(scenario.toJson()).toJson())));
        }
        m_model = std::make_unique<ScenarioComparisonModel>();
        m_undo = std::make_unique<QUndoStack>();
        m_view = std::make_unique<ScenarioView>(m_model.get(), m_undo.get());
        m_view->setStore(m_store.get());
        m_view->show();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_view->currentRow(), 0);
    }
    void cleanup()
    {
        m_view.reset();
        m_undo.reset();
        m_model.reset();
        m_store.reset();
    }

    void tickingMarksTheScenarioAsAnUndoStep()
    {
        QVERIFY(dynamic_cast<RecommendedScenarioDelegate *>(m_view->list()->itemDelegate()));
        m_view->selectRow(rowOf("large"));
        QVERIFY(m_view->recommendBox()->isEnabled());
        QVERIFY(!m_view->recommendBox()->isChecked());
        // The why typed first goes with the mark.
        m_view->whyEdit()->setText(QStringLiteral("Fewer, larger nodes are simpler to run."));
        QTest::mouseClick(m_view->recommendBox(), Qt::LeftButton, {}, QPoint(4, m_view->recommendBox()->height() / 2));
        QVERIFY(m_view->recommendBox()->isChecked());
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("large"));
        QCOMPARE(m_store->setting(ReportSettings::kRecommendationWhy),
                 QStringLiteral("Fewer, larger nodes are simpler to run."));
        QCOMPARE(m_view->listLabel(rowOf("large")), QStringLiteral("\u2605 large (recommended)"));
        QCOMPARE(m_view->listLabel(rowOf("small")), QStringLiteral("small"));
        QCOMPARE(m_undo->count(), 1);

        m_undo->undo();
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QString());
        QCOMPARE(m_store->setting(ReportSettings::kRecommendationWhy), QString());
        QVERIFY(!m_view->recommendBox()->isChecked());
        QCOMPARE(m_view->listLabel(rowOf("large")), QStringLiteral("large"));
        m_undo->redo();
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("large"));
        QVERIFY(m_view->recommendBox()->isChecked());
        QCOMPARE(m_view->whyEdit()->text(), QStringLiteral("Fewer, larger nodes are simpler to run."));
    }

    void whyIsEditedAsAnUndoStep()
    {
        m_view->selectRow(rowOf("small"));
        QVERIFY(m_view->recommendCurrent(true));
        QCOMPARE(m_store->setting(ReportSettings::kRecommendationWhy), QString());
        m_view->whyEdit()->setFocus();
        m_view->whyEdit()->setText(QStringLiteral("The cheapest per month."));
        QTest::keyClick(m_view->whyEdit(), Qt::Key_Return);
        QCOMPARE(m_store->setting(ReportSettings::kRecommendationWhy), QStringLiteral("The cheapest per month."));
        QCOMPARE(m_undo->count(), 2);
        m_undo->undo();
        QCOMPARE(m_store->setting(ReportSettings::kRecommendationWhy), QString());
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("small"));
        QCOMPARE(m_view->whyEdit()->text(), QString());
    }

    void theMarkMovesAndClears()
    {
        m_view->selectRow(rowOf("small"));
        QVERIFY(m_view->recommendCurrent(true));
        m_view->selectRow(rowOf("large"));
        QVERIFY(!m_view->recommendBox()->isChecked()); // the box shows the selected scenario's mark
        QVERIFY(m_view->recommendCurrent(true));
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("large"));
        QCOMPARE(m_view->listLabel(rowOf("small")), QStringLiteral("small"));
        m_undo->undo();
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("small"));
        QVERIFY(!m_view->recommendBox()->isChecked());
        m_undo->redo();
        // Unticking on another scenario changes nothing; on the recommended one it clears the mark.
        m_view->selectRow(rowOf("small"));
        QVERIFY(m_view->recommendCurrent(false));
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("large"));
        m_view->selectRow(rowOf("large"));
        QVERIFY(m_view->recommendCurrent(false));
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QString());
        QCOMPARE(m_undo->count(), 3);
    }

    void theMarkFollowsARenameAndGoesWithARemoval()
    {
        m_view->selectRow(rowOf("large"));
        QVERIFY(m_view->recommendCurrent(true));
        Scenario renamed = m_model->scenario(rowOf("large"));
        renamed.name = QStringLiteral("large nodes");
        QVERIFY(m_view->applyScenario(QStringLiteral("large"), renamed));
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QStringLiteral("large nodes"));
        QCOMPARE(m_view->listLabel(rowOf("large nodes")), QStringLiteral("\u2605 large nodes (recommended)"));
        QVERIFY(m_view->deleteScenario(QStringLiteral("large nodes")));
        QCOMPARE(m_store->setting(ReportSettings::kRecommended), QString());
    }

    void theCommandLineReadsWhatTheViewStored()
    {
        const QString cli = qEnvironmentVariable("LANDFALL_CLI");
        if (cli.isEmpty())
            QSKIP("LANDFALL_CLI is not set (run through ctest)");
        m_view->selectRow(rowOf("large"));
        QVERIFY(m_view->recommendCurrent(true));
        m_view->setStore(nullptr);
        m_store.reset(); // the CLI opens the project on its own
        QProcess process;
        process.start(cli, {QStringLiteral("scenario"), m_path, QStringLiteral("--list")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("large (recommended)")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("small (recommended)")), qPrintable(out));
    }

private:
    int rowOf(const char *name) const { return m_model->rowForName(QLatin1String(name)); }

    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ScenarioComparisonModel> m_model;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<ScenarioView> m_view;
};

QTEST_MAIN(TestScenarioRecommend)
#include "tst_scenariorecommend.moc"
