#include "advisor/projectadvisor.h"
#include "advisor/rulesetjson.h"
#include "io/inventoryimporter.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

/** The advisor on a real project file: stored decisions, overrides that outlive re-imports,
    rule edits that re-classify, and the demo inventory. */
class TestProjectAdvisor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_projects = 0;

    std::unique_ptr<ProjectStore> newProject(const QStringList &files)
    {
        const QString path = m_dir.filePath(QStringLiteral("p%1.landfall").arg(++m_projects));
        auto opened = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        if (!opened.ok())
            qFatal("cannot create %s", qPrintable(path));
        std::unique_ptr<ProjectStore> store = std::move(opened.value());
        for (const QString &file : files) {
            InventoryImporter importer(*store);
            const ImportOutcome outcome = importer.importFile(file, ImportOptions{});
            if (!outcome.accepted)
                qFatal("import of %s refused", qPrintable(file));
        }
        return store;
    }

    static QString sample(const char *name)
    {
        return QStringLiteral(LANDFALL_TEST_DATA "/samples/") + QLatin1String(name);
    }

    static std::optional<Decision> decisionOf(ProjectStore &store, const QString &vmName)
    {
        const QList<qint64> ids = store.vmIdsByName(vmName);
        if (ids.size() != 1)
            return std::nullopt;
        for (const Decision &decision : store.decisions()) {
            if (decision.vmId == ids.constFirst())
                return decision;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void oldDefaultsMoveToTheNewOnes()
    {
        // A project classified before 2026-12 holds the old default rules and no build.
        auto store = newProject({sample("rvtools-vinfo-sample.csv"), sample("workshop-answers-sample.csv")});
        QVERIFY(!store->setSetting(QLatin1String(ProjectAdvisor::kRulesKey),
                                   QString::fromUtf8(RuleSetJson::write(ProjectAdvisor::previousDefaults()))));
        ProjectAdvisor advisor(*store);
        QVERIFY(ProjectAdvisor::previousDefaults() != RuleSet::defaults());
        QCOMPARE(advisor.rules().value(), RuleSet::defaults());
        QCOMPARE(advisor.inputs().windowsBuild, QStringLiteral("10.0.20348")); // the build it planned on
        QVERIFY(advisor.classifyAndStore().ok());
        QCOMPARE(RuleSetJson::parse(store->setting(QLatin1String(ProjectAdvisor::kRulesKey)).toUtf8(),
                                    QStringLiteral("stored"))
                     .value(),
                 RuleSet::defaults());
        QCOMPARE(store->setting(QLatin1String(ProjectAdvisor::kWindowsBuildKey)), QStringLiteral("10.0.20348"));
        for (const Decision &decision : store->decisions())
            QVERIFY(decision.trace.constFirst().ruleId != QLatin1String("containerize-known-stack") ||
                    !decision.baseImage.contains(QLatin1String("ltsc2025")));
    }

    void editedOldRulesAreKept()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv")});
        RuleSet edited = ProjectAdvisor::previousDefaults();
        QVERIFY(!edited.setEnabled(edited.indexOf(QStringLiteral("managed-service")), false));
        QVERIFY(!store->setSetting(QLatin1String(ProjectAdvisor::kRulesKey),
                                   QString::fromUtf8(RuleSetJson::write(edited))));
        ProjectAdvisor advisor(*store);
        QCOMPARE(advisor.rules().value(), edited); // the consultant's rules are theirs
    }

    void storedBuildIsKeptAndNewProjectsPlanOn2025()
    {
        auto fresh = newProject({sample("rvtools-vinfo-sample.csv")});
        ProjectAdvisor advisor(*fresh);
        QCOMPARE(advisor.inputs().windowsBuild, QStringLiteral("10.0.26100"));
        QVERIFY(advisor.classifyAndStore().ok());
        QCOMPARE(fresh->setting(QLatin1String(ProjectAdvisor::kWindowsBuildKey)), QStringLiteral("10.0.26100"));

        auto old = newProject({sample("rvtools-vinfo-sample.csv")});
        QVERIFY(!old->setSetting(QLatin1String(ProjectAdvisor::kWindowsBuildKey), QStringLiteral("10.0.20348")));
        QCOMPARE(ProjectAdvisor(*old).inputs().windowsBuild, QStringLiteral("10.0.20348"));
    }

    void planDateIsAProjectSetting()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv")});
        ProjectAdvisor advisor(*store);
        QVERIFY(!advisor.inputs().planDate.isValid());
        QCOMPARE(advisor.inputs().effectivePlanDate(), QDate::currentDate());
        AdvisorInputs inputs = advisor.inputs();
        inputs.planDate = QDate(2025, 6, 1);
        QVERIFY(!advisor.setInputs(inputs));
        QCOMPARE(ProjectAdvisor(*store).inputs().planDate, QDate(2025, 6, 1));
        inputs.planDate = QDate();
        QVERIFY(!advisor.setInputs(inputs));
        QVERIFY(!ProjectAdvisor(*store).inputs().planDate.isValid());
    }

    void decisionsAreStored()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv"), sample("workshop-answers-sample.csv")});
        ProjectAdvisor advisor(*store);
        auto decisions = advisor.classifyAndStore();
        QVERIFY(decisions.ok());
        QCOMPARE(decisions.value().size(), store->vmCount());
        QCOMPARE(store->decisions(), decisions.value());
        QVERIFY2(!store->setting(QLatin1String(ProjectAdvisor::kRulesKey)).isEmpty(), "the project keeps its rules");
        const std::optional<Decision> db = decisionOf(*store, QStringLiteral("lon-db-0700000"));
        QVERIFY(db);
        QCOMPARE(db->path, MigrationPath::CloudNative);
        QCOMPARE(db->target, QStringLiteral("managed database (PaaS)"));
    }

    void savedDecisionsFollowEveryChange()
    {
        // saveDecisions() skips a plan it has already stored; each kind of change must still land.
        auto store = newProject({sample("rvtools-vinfo-sample.csv")});
        auto classified = ProjectAdvisor(*store).classifyAndStore();
        QVERIFY(classified.ok());
        QList<Decision> plan = classified.value();
        QVERIFY(!store->saveDecisions(plan)); // the same plan again
        QCOMPARE(store->decisions(), plan);

        plan[3].reason = QStringLiteral("changed by the test");
        QVERIFY(!store->saveDecisions(plan));
        QCOMPARE(store->decisions(), plan);

        QList<Decision> edited = plan;
        edited[4].path = edited[4].path == MigrationPath::Retain ? MigrationPath::Retire : MigrationPath::Retain;
        QVERIFY(!store->updateDecisions({edited[4]})); // one VM re-classified
        QCOMPARE(store->decisions(), edited);
        QVERIFY(!store->saveDecisions(plan)); // the plan saved before the update: written again
        QCOMPARE(store->decisions(), plan);

        plan.removeLast();
        QVERIFY(!store->saveDecisions(plan));
        QCOMPARE(store->decisions(), plan);
    }

    void overridesSurviveReimport()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv"), sample("workshop-answers-sample.csv")});
        ProjectAdvisor advisor(*store);
        QVERIFY(advisor.classifyAndStore().ok());
        const QString name = QStringLiteral("lon-db-0700000");
        const qint64 id = store->vmIdsByName(name).constFirst();
        QVERIFY(!advisor.setOverride(id, MigrationPath::Rehost, QStringLiteral("vendor support needs the VM")));
        QCOMPARE(decisionOf(*store, name)->path, MigrationPath::Rehost);

        // Re-import both files: inventory and workshop answers are written again.
        InventoryImporter importer(*store);
        QVERIFY(importer.importFile(sample("rvtools-vinfo-sample.csv"), ImportOptions{}).accepted);
        QVERIFY(importer.importFile(sample("workshop-answers-sample.csv"), ImportOptions{}).accepted);
        QVERIFY(advisor.classifyAndStore().ok());
        const std::optional<Decision> after = decisionOf(*store, name);
        QVERIFY(after);
        QCOMPARE(after->path, MigrationPath::Rehost);
        QVERIFY(after->overridden);
        QCOMPARE(after->overrideNote, QStringLiteral("vendor support needs the VM"));
        QCOMPARE(after->trace.constFirst().ruleId, QStringLiteral("override"));

        // A rule edit does not undo it either.
        RuleSet rules = advisor.rules().value();
        QVERIFY(!rules.move(rules.indexOf(QStringLiteral("fallback")), 0));
        QVERIFY(!advisor.setRules(rules));
        QCOMPARE(decisionOf(*store, name)->path, MigrationPath::Rehost);
        QVERIFY(decisionOf(*store, name)->overridden);

        QVERIFY(!advisor.resetRules());
        QVERIFY(!advisor.setOverride(store->vmIdsByName(name).constFirst(), std::nullopt));
        QCOMPARE(decisionOf(*store, name)->path, MigrationPath::CloudNative);
        QVERIFY(!decisionOf(*store, name)->overridden);
    }

    void ruleEditsReclassify()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv"), sample("workshop-answers-sample.csv")});
        ProjectAdvisor advisor(*store);
        QVERIFY(advisor.classifyAndStore().ok());
        const QString name = QStringLiteral("lon-db-0700000");
        QCOMPARE(decisionOf(*store, name)->trace.constFirst().ruleId, QStringLiteral("managed-service"));

        RuleSet rules = advisor.rules().value();
        QVERIFY(!rules.setEnabled(rules.indexOf(QStringLiteral("managed-service")), false));
        QVERIFY(!advisor.setRules(rules));
        QVERIFY(decisionOf(*store, name)->trace.constFirst().ruleId != QStringLiteral("managed-service"));
        QCOMPARE(advisor.rules().value(), rules); // kept in the project

        Rule retireDatabases;
        retireDatabases.id = QStringLiteral("retire-databases");
        retireDatabases.when = {{QStringLiteral("role"), RuleCondition::Op::Is, {QStringLiteral("database")}, {}}};
        retireDatabases.path = MigrationPath::Retire;
        retireDatabases.confidence = Confidence::Medium;
        retireDatabases.reason = QStringLiteral("The data moved to the new ERP.");
        QVERIFY(!rules.insert(0, retireDatabases));
        QVERIFY(!advisor.setRules(rules));
        QCOMPARE(decisionOf(*store, name)->path, MigrationPath::Retire);

        QVERIFY(!advisor.resetRules());
        QCOMPARE(advisor.rules().value(), RuleSet::defaults());
        QCOMPARE(decisionOf(*store, name)->trace.constFirst().ruleId, QStringLiteral("managed-service"));
    }

    void inputsAreKept()
    {
        auto store = newProject({sample("rvtools-vinfo-sample.csv")});
        ProjectAdvisor advisor(*store);
        QCOMPARE(advisor.inputs(), AdvisorInputs{});
        const AdvisorInputs host{TargetPlatform::ContainerHost, QStringLiteral("10.0.17763")};
        QVERIFY(!advisor.setInputs(host));
        QCOMPARE(advisor.inputs(), host);
        const std::optional<AdvisorError> refused =
            advisor.setInputs({TargetPlatform::Kubernetes, QStringLiteral("10.0.17763")});
        QVERIFY(refused);
        QCOMPARE(refused->kind, AdvisorError::Kind::Inputs);
        QCOMPARE(advisor.inputs(), host);
    }

    void demoInventoryHasEveryPath()
    {
        const QString demo = QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/");
        auto store = newProject(
            {demo + QLatin1String("demo-rvtools-vinfo.csv"), demo + QLatin1String("demo-workshop-answers.csv")});
        ProjectAdvisor advisor(*store);
        auto decisions = advisor.classifyAndStore();
        QVERIFY(decisions.ok());
        const QMap<QString, int> counts = store->decisionCounts();
        for (const char *path : {"rehost", "containerize", "cloudNative", "retire", "retain"})
            QVERIFY2(counts.value(QLatin1String(path)) > 0, path);
        // A sensible mix: no path takes almost everything.
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() < store->vmCount() * 6 / 10, qPrintable(it.key()));
        QSet<QString> isolations;
        for (const Decision &decision : decisions.value())
            isolations.insert(isolationKey(decision.isolation));
        QVERIFY(isolations.contains(QStringLiteral("process")));
    }
};

QTEST_GUILESS_MAIN(TestProjectAdvisor)
#include "tst_projectadvisor.moc"
