#include "cost/projectbusinesscase.h"
#include "density/densityengine.h"
#include "density/estate.h"
#include "store/projectstore.h"

#include "../../support/clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

using landfall::test::cli;
using landfall::test::Run;

QString demo(const QString &name)
{
    return QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/") + name;
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

/** landfall-cli's pricebook and cost commands on the demo project, as a script runs them. */
class TestCostCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo.landfall"));
        Run run = cli({QStringLiteral("import"), m_project, demo(QStringLiteral("demo-rvtools-vinfo.csv")),
                       demo(QStringLiteral("demo-workshop-answers.csv"))});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = cli({QStringLiteral("classify"), m_project});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QStringList scenarios =
            QDir(demo(QStringLiteral("scenarios"))).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!scenarios.isEmpty());
        for (const QString &file : scenarios) {
            run = cli({QStringLiteral("scenario"), m_project, QStringLiteral("--add"),
                       demo(QStringLiteral("scenarios/")) + file});
            QVERIFY2(run.status == 0, qPrintable(run.err));
        }
    }

    void aPrecomputedDensityResultGivesTheSameBusinessCase()
    {
        // The report packs each scenario once, with the estate and the VM-host comparison, and
        // hands that result to the business case: every figure must equal the cost command's.
        auto store = landfall::ProjectStore::open(m_project, landfall::ProjectStore::OpenMode::ExistingOnly);
        QVERIFY(store.ok());
        const QStringList names = store.value()->scenarioNames();
        QVERIFY(names.size() >= 2);
        for (const QString &name : names) {
            const auto own = landfall::ProjectBusinessCase::compute(*store.value(), name, 3);
            QVERIFY2(own.ok(), qPrintable(name));
            const auto source = landfall::ProjectBusinessCase::source(*store.value(), name, 3);
            QVERIFY2(source.ok(), qPrintable(name));
            const landfall::Estate estate =
                landfall::Estate::fromInventory(source.value().inputs.hosts, source.value().inputs.vms);
            const auto density = landfall::DensityEngine(source.value().inputs.scenario, estate)
                                     .run(landfall::ProjectBusinessCase::containerWorkloads(source.value().inputs));
            QVERIFY2(density.ok(), qPrintable(name));
            QVERIFY2(!density.value().pools.isEmpty(), qPrintable(name)); // the demo containerizes VMs
            const auto reused = landfall::ProjectBusinessCase::compute(source.value(), density.value());
            QVERIFY2(reused.ok(), qPrintable(name));
            QCOMPARE(reused.value().toJson(), own.value().toJson());
        }
    }

    void demoCostJson()
    {
        const Run run = cli({QStringLiteral("cost"), m_project, QStringLiteral("--json")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(keysOf(json),
                 (QSet<QString>{QStringLiteral("currency"), QStringLiteral("priceBook"), QStringLiteral("monthly"),
                                QStringLiteral("years"), QStringLiteral("paybackMonth"), QStringLiteral("vms"),
                                QStringLiteral("assumptions")}));
        QCOMPARE(json.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
        const QJsonObject book = json.value(QLatin1String("priceBook")).toObject();
        QCOMPARE(keysOf(book), (QSet<QString>{QStringLiteral("name"), QStringLiteral("date")}));
        QVERIFY(book.value(QLatin1String("name")).toString().contains(QLatin1String("East US")));

        const QJsonObject monthly = json.value(QLatin1String("monthly")).toObject();
        QCOMPARE(keysOf(monthly),
                 (QSet<QString>{QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("byPath")}));
        const QJsonObject byPath = monthly.value(QLatin1String("byPath")).toObject();
        QCOMPARE(keysOf(byPath),
                 (QSet<QString>{QStringLiteral("rehost"), QStringLiteral("containerize"), QStringLiteral("cloudNative"),
                                QStringLiteral("retire"), QStringLiteral("retain")}));
        double sum = 0;
        for (const QJsonValue part : byPath)
            sum += part.toDouble();
        QVERIFY(qAbs(monthly.value(QLatin1String("after")).toDouble() - sum) < 1e-6);
        QVERIFY(monthly.value(QLatin1String("before")).toDouble() > 0);
        QCOMPARE(byPath.value(QLatin1String("retire")).toDouble(), 0.0);
        for (const char *path : {"rehost", "containerize", "cloudNative"})
            QVERIFY2(byPath.value(QLatin1String(path)).toDouble() > 0, path);

        const QJsonArray years = json.value(QLatin1String("years")).toArray();
        QCOMPARE(years.size(), 3);
        for (int i = 0; i < years.size(); ++i) {
            const QJsonObject year = years.at(i).toObject();
            QCOMPARE(keysOf(year), (QSet<QString>{QStringLiteral("year"), QStringLiteral("before"),
                                                  QStringLiteral("after"), QStringLiteral("cumulativeSaving")}));
            QCOMPARE(year.value(QLatin1String("year")).toInt(), i + 1);
        }
        const QJsonValue payback = json.value(QLatin1String("paybackMonth"));
        QVERIFY(payback.isNull() || payback.toInt() > 0);

        // Every VM of the demo, each rehosted one on a size with its rate.
        const QJsonArray vms = json.value(QLatin1String("vms")).toArray();
        const Run summary = cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")});
        QCOMPARE(vms.size(),
                 QJsonDocument::fromJson(summary.out.toUtf8()).object().value(QLatin1String("vms")).toInt());
        int rehosted = 0;
        for (const QJsonValue value : vms) {
            const QJsonObject vm = value.toObject();
            QCOMPARE(keysOf(vm), (QSet<QString>{QStringLiteral("name"), QStringLiteral("path"), QStringLiteral("sku"),
                                                QStringLiteral("monthly")}));
            const bool rehost = vm.value(QLatin1String("path")).toString() == QLatin1String("rehost");
            QCOMPARE(vm.value(QLatin1String("sku")).toString().isEmpty(), !rehost);
            rehosted += rehost ? 1 : 0;
        }
        QVERIFY(rehosted > 0);
        // The demo has no utilisation: the figures say they are at provisioned size.
        const QStringList assumptions = json.value(QLatin1String("assumptions")).toVariant().toStringList();
        QVERIFY(assumptions.join(u' ').contains(QLatin1String("No VM has utilisation data")));
        QVERIFY(assumptions.join(u' ').contains(QLatin1String("pricing calculator")));
    }

    void compareGivesEachScenariosMonthlyCost()
    {
        const QString a = QStringLiteral("aks-16x64"), b = QStringLiteral("aks-32x128-licence-included");
        const Run run = cli({QStringLiteral("compare"), m_project, a, b, QStringLiteral("--json")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonArray scenarios =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("scenarios")).toArray();
        QCOMPARE(scenarios.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject scenario = scenarios.at(i).toObject();
            // The density keys as before, and the monthly cost beside them.
            for (const char *key : {"scenario", "vmHosts", "containerNodes", "capacity"})
                QVERIFY2(scenario.contains(QLatin1String(key)), key);
            const QJsonObject monthly = scenario.value(QLatin1String("monthlyCost")).toObject();
            QCOMPARE(keysOf(monthly),
                     (QSet<QString>{QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("byPath"),
                                    QStringLiteral("currency"), QStringLiteral("paybackMonth")}));
            QCOMPARE(monthly.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
            // The same figures as the scenario's own business case.
            const Run cost = cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"), i == 0 ? a : b,
                                  QStringLiteral("--json")});
            QVERIFY2(cost.status == 0, qPrintable(cost.err));
            const QJsonObject own = QJsonDocument::fromJson(cost.out.toUtf8()).object();
            const QJsonObject ownMonthly = own.value(QLatin1String("monthly")).toObject();
            QCOMPARE(monthly.value(QLatin1String("after")).toDouble(),
                     ownMonthly.value(QLatin1String("after")).toDouble());
            QCOMPARE(monthly.value(QLatin1String("before")).toDouble(),
                     ownMonthly.value(QLatin1String("before")).toDouble());
            QCOMPARE(monthly.value(QLatin1String("byPath")).toObject(),
                     ownMonthly.value(QLatin1String("byPath")).toObject());
            QCOMPARE(monthly.value(QLatin1String("paybackMonth")), own.value(QLatin1String("paybackMonth")));
        }
        // Different node sizes and licence models: a different container bill.
        QVERIFY(
            scenarios.at(0).toObject().value(QLatin1String("monthlyCost")).toObject().value(QLatin1String("after")) !=
            scenarios.at(1).toObject().value(QLatin1String("monthlyCost")).toObject().value(QLatin1String("after")));

        const Run text = cli({QStringLiteral("compare"), m_project, a, b});
        QVERIFY2(text.status == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QLatin1String("cost a month today / after")) &&
                     text.out.contains(QLatin1String("$")),
                 qPrintable(text.out));
    }

    void rampFollowsTheWavesOnceTheProjectHasThem()
    {
        // A copy of the demo project: without a wave plan the book's per-year ramp; with the demo's
        // dependencies imported, the waves month by month; the monthly figures stay the same.
        const QString copy = m_dir.filePath(QStringLiteral("waves.landfall"));
        QVERIFY(QFile::copy(m_project, copy));
        const auto cost = [&copy]() {
            const Run run = cli({QStringLiteral("cost"), copy, QStringLiteral("--json")});
            return QJsonDocument::fromJson(run.out.toUtf8()).object();
        };
        const auto said = [](const QJsonObject &json) {
            return json.value(QLatin1String("assumptions")).toVariant().toStringList().join(u' ');
        };
        const QJsonObject byYears = cost();
        QVERIFY2(said(byYears).contains(QLatin1String("the project has no wave plan")), qPrintable(said(byYears)));
        const Run imported = cli({QStringLiteral("dependencies"), copy, QStringLiteral("--import"),
                                  demo(QStringLiteral("demo-dependencies.csv"))});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        QCOMPARE(cli({QStringLiteral("waves"), copy, QStringLiteral("--start"), QStringLiteral("2027-03-01"),
                      QStringLiteral("--save")})
                     .status,
                 0);
        const QJsonObject byWaves = cost();
        QVERIFY2(said(byWaves).contains(QLatin1String("follows the project's wave plan, month by month")),
                 qPrintable(said(byWaves)));
        QVERIFY(said(byWaves).contains(QLatin1String("from 2027-03-")));
        QCOMPARE(byWaves.value(QLatin1String("monthly")).toObject(),
                 byYears.value(QLatin1String("monthly")).toObject());
        QVERIFY(byWaves.value(QLatin1String("years")).toArray() != byYears.value(QLatin1String("years")).toArray());
    }

    void textSaysEveryAmountIsAtProvisionedSize()
    {
        const Run run =
            cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"),
                 QStringLiteral("aks-32x128-licence-included"), QStringLiteral("--years"), QStringLiteral("5")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("scenario aks-32x128-licence-included")));
        QVERIFY(run.out.contains(QLatin1String("No VM has utilisation data")));
        QVERIFY(run.out.contains(QLatin1String("total")));
        for (const QString &line : run.out.split(u'\n')) {
            if (line.startsWith(QLatin1String("  total")) || line.startsWith(QLatin1String("  rehost")))
                QVERIFY2(line.endsWith(QLatin1String("(at provisioned size)")), qPrintable(line));
        }
        QVERIFY(run.out.contains(QLatin1String("\n  5   ")));
    }

    void scenarioNamesTheNodeSizeAndTheLicenceModel()
    {
        // The cost model reads the scenario's own keys, node.sku and licensing.model, from the
        // stored JSON: `scenario --add` keeps the keys the density engine does not read.
        const auto add = [this](const QString &name, const QByteArray &json) {
            const QString file = m_dir.filePath(name + QStringLiteral(".json"));
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size())
                return -1;
            out.close();
            return cli({QStringLiteral("scenario"), m_project, QStringLiteral("--add"), file}).status;
        };
        QCOMPARE(add(QStringLiteral("hybrid"),
                     R"({"name": "hybrid", "node": {"vcpu": 32, "memoryGiB": 128, "sku": "D32s_v5"},
                         "licensing": {"model": "hybrid-benefit"}, "costNote": "kept"})"),
                 0);
        QCOMPARE(add(QStringLiteral("unknown-size"),
                     R"({"name": "unknown-size", "node": {"vcpu": 32, "memoryGiB": 128, "sku": "Z99_v9"}})"),
                 0);
        {
            auto store = landfall::ProjectStore::open(m_project, landfall::ProjectStore::OpenMode::ExistingOnly);
            QVERIFY(store.ok());
            const QJsonObject stored =
                QJsonDocument::fromJson(store.value()->scenarioDefinition(QStringLiteral("hybrid"))->toUtf8()).object();
            const QJsonObject node = stored.value(QLatin1String("node")).toObject();
            QCOMPARE(node.value(QLatin1String("sku")).toString(), QStringLiteral("D32s_v5"));
            QCOMPARE(node.value(QLatin1String("vcpu")).toInt(), 32);
            QCOMPARE(stored.value(QLatin1String("costNote")).toString(), QStringLiteral("kept"));
            // The normalised keys are there too: the engine's defaults written out.
            QVERIFY(node.contains(QLatin1String("maxPods")));
        }
        const auto costOf = [this](const QString &scenario) {
            const Run run = cli(
                {QStringLiteral("cost"), m_project, QStringLiteral("--scenario"), scenario, QStringLiteral("--json")});
            return QJsonDocument::fromJson(run.out.toUtf8()).object();
        };
        const auto said = [](const QJsonObject &json) {
            return json.value(QLatin1String("assumptions")).toVariant().toStringList().join(u' ');
        };
        const auto rehost = [](const QJsonObject &json) {
            return json.value(QLatin1String("monthly"))
                .toObject()
                .value(QLatin1String("byPath"))
                .toObject()
                .value(QLatin1String("rehost"))
                .toDouble();
        };
        const QJsonObject hybrid = costOf(QStringLiteral("hybrid"));
        QVERIFY2(said(hybrid).contains(QLatin1String("Azure Hybrid Benefit")), qPrintable(said(hybrid)));
        QVERIFY(said(hybrid).contains(QLatin1String("x D32s_v5")));
        // At the Linux rate with the licences counted, the Windows VMs cost less than licence-included.
        const QJsonObject included = costOf(QStringLiteral("aks-32x128-licence-included"));
        QVERIFY2(rehost(hybrid) < rehost(included),
                 qPrintable(QStringLiteral("%1 against %2").arg(rehost(hybrid)).arg(rehost(included))));

        const Run refused =
            cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"), QStringLiteral("unknown-size")});
        QCOMPARE(refused.status, 1);
        QVERIFY2(refused.err.contains(QLatin1String("node.sku")) && refused.err.contains(QLatin1String("Z99_v9")),
                 qPrintable(refused.err));
        for (const char *name : {"unknown-size", "hybrid"})
            QCOMPARE(
                cli({QStringLiteral("scenario"), m_project, QStringLiteral("--remove"), QLatin1String(name)}).status,
                0);
    }

    void mixedNodeSizesArePricedFromTheBookAndShown()
    {
        // A scenario that mixes node sizes and prices none: the project's price book (here the
        // built-in one) prices them, so the mix minimises cost ("hourly", not node count); `density`
        // prints each mixed pool's mix on one line, largest size first, and `cost` buys that mix.
        const QString file = m_dir.filePath(QStringLiteral("mixed.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(R"({"name": "mixed", "packing": {"mixNodeSizes": true},
                          "nodeSizes": [{"vcpu": 4, "memoryGiB": 16}, {"vcpu": 8, "memoryGiB": 32},
                                        {"vcpu": 16, "memoryGiB": 64}]})");
        }
        QCOMPARE(cli({QStringLiteral("scenario"), m_project, QStringLiteral("--add"), file}).status, 0);
        const Run json = cli({QStringLiteral("density"), m_project, QStringLiteral("--scenario"),
                              QStringLiteral("mixed"), QStringLiteral("--json")});
        QCOMPARE(json.status, 0);
        const Run text =
            cli({QStringLiteral("density"), m_project, QStringLiteral("--scenario"), QStringLiteral("mixed")});
        QCOMPARE(text.status, 0);
        const Run cost = cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"), QStringLiteral("mixed"),
                              QStringLiteral("--json")});
        QVERIFY2(cost.status == 0, qPrintable(cost.err));
        const QString assumptions = QJsonDocument::fromJson(cost.out.toUtf8())
                                        .object()
                                        .value(QLatin1String("assumptions"))
                                        .toVariant()
                                        .toStringList()
                                        .join(u' ');
        int mixed = 0;
        for (const QJsonValue &value :
             QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("pools")).toArray()) {
            const QJsonObject pool = value.toObject();
            if (!pool.contains(QLatin1String("sizeMix")))
                continue;
            ++mixed;
            const QJsonObject mix = pool.value(QLatin1String("sizeMix")).toObject();
            QCOMPARE(mix.value(QLatin1String("basis")).toString(), QStringLiteral("hourly"));
            QList<QJsonObject> sizes;
            for (const QJsonValue &size : mix.value(QLatin1String("sizes")).toArray())
                sizes.append(size.toObject());
            QVERIFY(!sizes.isEmpty());
            QStringList bought; // in the scenario's order, as the cost model lists the SKUs
            for (const QJsonObject &size : std::as_const(sizes))
                bought.append(QStringLiteral("%1 x \\S+").arg(size.value(QLatin1String("nodes")).toInt()));
            const QRegularExpression buys(bought.join(QStringLiteral(" \\+ ")) + QStringLiteral(" \\(") +
                                          QRegularExpression::escape(pool.value(QLatin1String("name")).toString()) +
                                          QStringLiteral("\\)"));
            QVERIFY2(buys.match(assumptions).hasMatch(),
                     qPrintable(buys.pattern() + QStringLiteral(" in ") + assumptions));
            std::stable_sort(sizes.begin(), sizes.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QLatin1String("vcpu")).toInt() > b.value(QLatin1String("vcpu")).toInt();
            });
            QStringList words;
            for (const QJsonObject &size : std::as_const(sizes))
                words.append(QStringLiteral("%1 x %2 vCPU/%3 GiB")
                                 .arg(size.value(QLatin1String("nodes")).toInt())
                                 .arg(size.value(QLatin1String("vcpu")).toInt())
                                 .arg(size.value(QLatin1String("memoryGiB")).toDouble()));
            const QString line = QStringLiteral("    mixed sizes: ") + words.join(QStringLiteral(" + ")) + u' ';
            QVERIFY2(text.out.contains(line), qPrintable(line + QStringLiteral(" in ") + text.out));
        }
        QVERIFY(mixed > 0);
        QCOMPARE(text.out.count(QLatin1String("    mixed sizes: ")), mixed);
        QCOMPARE(
            cli({QStringLiteral("scenario"), m_project, QStringLiteral("--remove"), QStringLiteral("mixed")}).status,
            0);
    }

    void usageAndRefusals()
    {
        QCOMPARE(cli({QStringLiteral("cost"), m_project, QStringLiteral("--years"), QStringLiteral("0")}).status, 2);
        QCOMPARE(cli({QStringLiteral("pricebook"), m_project}).status, 2);
        const Run unknown =
            cli({QStringLiteral("cost"), m_project, QStringLiteral("--scenario"), QStringLiteral("nope")});
        QCOMPARE(unknown.status, 1);
        QVERIFY(unknown.err.contains(QLatin1String("aks-32x128")));
        QCOMPARE(cli({QStringLiteral("cost"), m_dir.filePath(QStringLiteral("missing.landfall"))}).status, 3);
    }

    void priceBookExportImportReset()
    {
        const QString exported = m_dir.filePath(QStringLiteral("book.json"));
        Run run = cli({QStringLiteral("pricebook"), m_project, QStringLiteral("--export"), exported});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject book = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QVERIFY(book.value(QLatin1String("vmSkus")).toArray().size() > 20);

        // A bad book is refused naming its key, and the project keeps the one it had.
        QJsonObject bad = book;
        bad.insert(QStringLiteral("kubernetesClusterHourly"), QStringLiteral("ten cents"));
        const QString badFile = m_dir.filePath(QStringLiteral("bad.json"));
        QFile out(badFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(bad).toJson());
        out.close();
        run = cli({QStringLiteral("pricebook"), m_project, QStringLiteral("--import"), badFile});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QLatin1String("kubernetesClusterHourly")), qPrintable(run.err));
        const double before =
            QJsonDocument::fromJson(cli({QStringLiteral("cost"), m_project, QStringLiteral("--json")}).out.toUtf8())
                .object()
                .value(QLatin1String("monthly"))
                .toObject()
                .value(QLatin1String("after"))
                .toDouble();

        // The consultant's own book: Euro, the cluster free. The business case follows it.
        QJsonObject own = book;
        own.insert(QStringLiteral("name"), QStringLiteral("Customer EA"));
        own.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
        own.insert(QStringLiteral("currencySymbol"), QStringLiteral("€"));
        own.insert(QStringLiteral("kubernetesClusterHourly"), 0);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(own).toJson());
        out.close();
        run = cli({QStringLiteral("pricebook"), m_project, QStringLiteral("--import"), badFile});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QJsonObject cost =
            QJsonDocument::fromJson(cli({QStringLiteral("cost"), m_project, QStringLiteral("--json")}).out.toUtf8())
                .object();
        QCOMPARE(cost.value(QLatin1String("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(cost.value(QLatin1String("priceBook")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Customer EA"));
        const double after = cost.value(QLatin1String("monthly")).toObject().value(QLatin1String("after")).toDouble();
        QVERIFY(qAbs(before - after - 73.0) < 0.02); // one cluster at 0.10 x 730 hours less

        run = cli({QStringLiteral("pricebook"), m_project, QStringLiteral("--reset")});
        QCOMPARE(run.status, 0);
        cost = QJsonDocument::fromJson(cli({QStringLiteral("cost"), m_project, QStringLiteral("--json")}).out.toUtf8())
                   .object();
        QCOMPARE(cost.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCostCli)
#include "tst_costcli.moc"
