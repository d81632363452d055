#include "costfixture.h"

#include "cost/pricebook.h"
#include "cost/projectbusinesscase.h"
#include "cost/skuchooser.h"
#include "store/projectstore.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

/** The price book: the shipped default, what a consultant's own book may say, and the sizes chosen from it. */
class TestPriceBook : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInCoversWhatAPlanNeeds()
    {
        const PriceBook &book = PriceBook::builtIn();
        QCOMPARE(book.currency, QStringLiteral("USD"));
        QVERIFY(QDate::fromString(book.date, Qt::ISODate).isValid());
        QVERIFY(book.notice.contains(QLatin1String("pricing calculator")));
        QVERIFY(!book.region.isEmpty());
        QSet<QString> series;
        bool gpu = false, nested = false;
        for (const VmSku &sku : book.vmSkus) {
            QVERIFY2(!sku.source.isEmpty() && QDate::fromString(sku.date, Qt::ISODate).isValid(), qPrintable(sku.name));
            QVERIFY(sku.windowsHourly >= sku.linuxHourly && sku.linuxHourly > 0);
            series.insert(sku.series.section(u' ', 0, 0));
            gpu = gpu || sku.gpu;
            nested = nested || sku.nestedVirtualisation;
        }
        for (const char *wanted : {"Dsv5", "Esv5", "Fsv2"})
            QVERIFY2(series.contains(QLatin1String(wanted)), wanted);
        QVERIFY(gpu);
        QVERIFY(nested);
        // Every other price says where it comes from and when.
        for (const char *key :
             {"hoursPerMonth", "diskGiBMonth", "kubernetesClusterHourly", "paas.database", "paas.appPlatform",
              "paas.fileShare", "licences", "onPremises.perHostYear", "onPremises.perCoreYearVirtualisation",
              "onPremises.perGiBYearStorage", "onPremises.perVmYearOperations", "migration"}) {
            const QJsonObject source = book.sources.value(QLatin1String(key)).toObject();
            QVERIFY2(!source.value(QLatin1String("source")).toString().isEmpty(), key);
            QVERIFY2(QDate::fromString(source.value(QLatin1String("date")).toString(), Qt::ISODate).isValid(), key);
        }
        QVERIFY(book.diskGiBMonth > 0 && book.kubernetesClusterHourly > 0 && book.paas.databasePerVcpuHourly > 0 &&
                book.paas.appPlatformPerVcpuHourly > 0 && book.paas.fileSharePerGiBMonth > 0);
    }

    void roundTripKeepsEveryFigure()
    {
        const QJsonObject json = PriceBook::builtIn().toJson();
        const auto again = PriceBook::fromJson(json, PriceBook());
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toString()));
        QCOMPARE(again.value().toJson(), json);
    }

    void missingKeyTakesItsDefault()
    {
        const auto book = PriceBook::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("EA prices")},
                                                          {QStringLiteral("currency"), QStringLiteral("EUR")},
                                                          {QStringLiteral("diskGiBMonth"), 0.2}});
        QVERIFY(book.ok());
        QCOMPARE(book.value().name, QStringLiteral("EA prices"));
        QCOMPARE(book.value().diskGiBMonth, 0.2);
        QCOMPARE(book.value().hoursPerMonth, 730.0);
        QCOMPARE(book.value().vmSkus.size(), PriceBook::builtIn().vmSkus.size());
        QCOMPARE(book.value().currencySymbol, QStringLiteral("EUR ")); // not the default's "$"
    }

    void badBookIsRefusedNamingTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("words");
        QTest::newRow("text for a price") << QByteArray(R"({"diskGiBMonth": "cheap"})") << "diskGiBMonth"
                                          << "must be a number";
        QTest::newRow("negative PaaS price")
            << QByteArray(R"({"paas": {"database": {"perVcpuHourly": -1}}})") << "paas.database.perVcpuHourly"
            << "must not be negative";
        QTest::newRow("misspelt key") << QByteArray(R"({"diskGibMonth": 0.1})") << "diskGibMonth"
                                      << "unknown key";
        QTest::newRow("currency") << QByteArray(R"({"currency": "dollars"})") << "currency"
                                  << "ISO 4217";
        QTest::newRow("date") << QByteArray(R"({"date": "1 November"})") << "date"
                              << "YYYY-MM-DD";
        QTest::newRow("no sizes") << QByteArray(R"({"vmSkus": []})") << "vmSkus"
                                  << "non-empty";
        QTest::newRow("zero vCPU")
            << QByteArray(
                   R"({"vmSkus": [{"name": "X", "vcpu": 0, "memoryGiB": 4, "linuxHourly": 0.1, "windowsHourly": 0.2}]})")
            << "vmSkus[0].vcpu"
            << "at least 1";
        QTest::newRow("missing rate")
            << QByteArray(R"({"vmSkus": [{"name": "X", "vcpu": 2, "memoryGiB": 4, "linuxHourly": 0.1}]})")
            << "vmSkus[0].windowsHourly"
            << "missing";
        QTest::newRow("Windows cheaper than Linux")
            << QByteArray(
                   R"({"vmSkus": [{"name": "X", "vcpu": 2, "memoryGiB": 4, "linuxHourly": 0.3, "windowsHourly": 0.2}]})")
            << "vmSkus[0].windowsHourly"
            << "must not be below linuxHourly";
        QTest::newRow("twice the same size")
            << QByteArray(
                   R"({"vmSkus": [{"name": "X", "vcpu": 2, "memoryGiB": 4, "linuxHourly": 0.1, "windowsHourly": 0.2},
                                         {"name": "x", "vcpu": 4, "memoryGiB": 8, "linuxHourly": 0.2, "windowsHourly": 0.4}]})")
            << "vmSkus[1].name"
            << "listed twice";
        QTest::newRow("ramp not adding up")
            << QByteArray(R"({"migration": {"rampShareByYear": [0.5, 0.3]}})") << "migration.rampShareByYear"
            << "add up to 1";
        QTest::newRow("unknown path") << QByteArray(R"({"migration": {"perVm": {"liftAndShift": 1}}})")
                                      << "migration.perVm.liftAndShift"
                                      << "unknown key";
        QTest::newRow("zero hours") << QByteArray(R"({"hoursPerMonth": 0})") << "hoursPerMonth"
                                    << "more than 0";
        QTest::newRow("not an object") << QByteArray(R"({"licences": 3})") << "licences"
                                       << "must be an object";
        QTest::newRow("not JSON") << QByteArray("{name:") << "(file)"
                                  << "not valid JSON";
    }

    void badBookIsRefusedNamingTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QString, words);
        const auto book = PriceBook::fromJsonText(json);
        QVERIFY(!book.ok());
        QCOMPARE(book.error().key, key);
        QVERIFY2(book.error().message.contains(words), qPrintable(book.error().toString()));
    }

    void cheapestFittingSize_data()
    {
        QTest::addColumn<double>("vcpu");
        QTest::addColumn<double>("memoryGiB");
        QTest::addColumn<bool>("windows");
        QTest::addColumn<bool>("gpu");
        QTest::addColumn<bool>("nested");
        QTest::addColumn<QString>("expected");
        // A2 is the cheaper Linux 2-vCPU size, B2 the cheaper Windows one (0.18 against 0.20).
        QTest::newRow("Linux, smallest") << 2.0 << 4.0 << false << false << false << "A2";
        QTest::newRow("Windows rate picks another size") << 2.0 << 4.0 << true << false << false << "B2";
        QTest::newRow("memory rules out A2") << 2.0 << 6.0 << false << false << false << "B2";
        QTest::newRow("3 vCPU takes a 4") << 3.0 << 8.0 << false << false << false << "C4";
        QTest::newRow("1 vCPU still gets a whole size") << 1.0 << 1.0 << false << false << false << "A2";
        QTest::newRow("nested virtualisation for Kata") << 4.0 << 16.0 << false << false << true << "N4";
        QTest::newRow("GPU only for GPU work") << 2.0 << 4.0 << true << true << false << "G6";
        QTest::newRow("never a GPU size otherwise") << 4.0 << 40.0 << false << false << false << "";
        QTest::newRow("too big for any") << 16.0 << 16.0 << false << false << false << "";
        QTest::newRow("too big for the GPU sizes") << 8.0 << 60.0 << false << true << false << "";
    }

    void cheapestFittingSize()
    {
        QFETCH(double, vcpu);
        QFETCH(double, memoryGiB);
        QFETCH(bool, windows);
        QFETCH(bool, gpu);
        QFETCH(bool, nested);
        QFETCH(QString, expected);
        const auto sku =
            SkuChooser::cheapestFitting(test::smallBook().vmSkus, SkuNeed{vcpu, memoryGiB, gpu, nested, windows});
        QCOMPARE(sku ? sku->name : QString(), expected);
    }

    void nodeSizeOfTheNodesShape()
    {
        // A node of 4 vCPU and 16 GiB: C4 exactly; nothing of 6 x 24 exists, so the cheapest that holds it.
        const QList<VmSku> skus = test::smallBook().vmSkus;
        QCOMPARE(SkuChooser::forNode(skus, SkuNeed{4, 16, false, false, false})->name, QStringLiteral("C4"));
        QCOMPARE(SkuChooser::forNode(skus, SkuNeed{6, 24, false, false, false})->name, QStringLiteral("D8"));
        QCOMPARE(SkuChooser::byName(skus, QStringLiteral("d8"))->name, QStringLiteral("D8"));
    }

    void projectKeepsItsBookInSettings()
    {
        QTemporaryDir dir;
        auto opened =
            ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        ProjectStore &store = *opened.value();
        QVERIFY(!ProjectBusinessCase::hasOwnPriceBook(store));
        QCOMPARE(ProjectBusinessCase::priceBook(store).value().name, PriceBook::builtIn().name);
        PriceBook own = test::smallBook();
        QVERIFY(!ProjectBusinessCase::savePriceBook(store, own));
        QVERIFY(ProjectBusinessCase::hasOwnPriceBook(store));
        QCOMPARE(ProjectBusinessCase::priceBook(store).value().toJson(), own.toJson());
        QVERIFY(!ProjectBusinessCase::resetPriceBook(store));
        QCOMPARE(ProjectBusinessCase::priceBook(store).value().name, PriceBook::builtIn().name);
        // A book spoilt in the file is refused, naming its key, rather than priced from.
        QVERIFY(!store.setSetting(ProjectBusinessCase::kPriceBookSetting, QStringLiteral(R"({"diskGiBMonth": -1})")));
        const auto spoilt = ProjectBusinessCase::priceBook(store);
        QVERIFY(!spoilt.ok());
        QCOMPARE(spoilt.error().key, QStringLiteral("diskGiBMonth"));
    }

    void moneyInTheBooksCurrencyWithTheLocalesSeparators()
    {
        PriceBook book = test::smallBook();
        book.currencySymbol = QStringLiteral("$");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(book.formatMoney(1234567.891), QStringLiteral("$1,234,567.89"));
        QCOMPARE(book.formatMoney(-12.5), QStringLiteral("-$12.50"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(book.formatMoney(1234.5), QStringLiteral("$1.234,50"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_GUILESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
