#include "testvms.h"

#include "advisor/baseimagechooser.h"
#include "advisor/imagecatalogue.h"
#include "advisor/oslifecycle.h"

#include <QSet>
#include <QTest>

using namespace landfall;

/** The data that changes with the world: the dated image catalogue and the OS lifecycle table,
    as shipped (every date with its source) and as the advisor reads them. */
class TestCatalogues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedCatalogueHasASourcePerDate()
    {
        const ImageCatalogue &catalogue = ImageCatalogue::shipped();
        QVERIFY(catalogue.images().size() >= 15);
        for (const CatalogueImage &image : catalogue.images()) {
            QVERIFY2(!image.serves.isEmpty(), qPrintable(image.id));
            for (const ImageTag &tag : image.tags) {
                QVERIFY2(tag.endOfSupport.isValid() && !tag.source.trimmed().isEmpty(),
                         qPrintable(image.id + u':' + tag.tag));
                QVERIFY2(tag.sizeMiB > 0, qPrintable(image.id));
                QVERIFY2(tag.tag != QLatin1String("latest") && !tag.tag.contains(QLatin1String("stable")),
                         qPrintable(tag.tag));
            }
        }
    }

    /** Fails the day an image the advisor chooses today is past its end of support: the
        catalogue must then be brought up to date (a newer tag added). */
    void everyChoiceTodayIsSupported_data()
    {
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("need");
        QTest::addColumn<QString>("build");
        for (const char *build : {"10.0.20348", "10.0.26100"}) {
            for (const char *need : {"netcore", "go", "native-windows", "netfx35", "netfx35:web", "netfx4",
                                     "netfx4:web", "java", "nodejs", "python", "php", "gdi", "directx"})
                QTest::addRow("windows %s %s", need, build) << "windows" << need << build;
        }
        for (const char *need : {"netcore", "java", "nodejs", "python", "php", "go", "native-linux", "unknown"})
            QTest::addRow("linux %s", need) << "linux" << need << "";
    }

    void everyChoiceTodayIsSupported()
    {
        QFETCH(QString, os);
        QFETCH(QString, need);
        QFETCH(QString, build);
        const QDate today = QDate::currentDate();
        const std::optional<CataloguePick> pick = ImageCatalogue::shipped().pick(os, need, build, today);
        QVERIFY2(pick, qPrintable(ImageCatalogue::shipped().whyNone(os, need, build, today)));
        QVERIFY2(pick->tag->endOfSupport >= today, qPrintable(pick->reference + u" is past its end of support " +
                                                              pick->tag->endOfSupport.toString(Qt::ISODate)));
    }

    void pastImagesAreNeverChosen()
    {
        // A catalogue whose first choice has ended: the second is chosen; with both ended, none.
        const QByteArray json = R"({"format": "landfall-image-catalogue", "images": [
            {"id": "old", "repository": "node", "os": "linux", "family": "linux", "serves": ["nodejs"],
             "tags": [{"tag": "20-bookworm-slim", "sizeMiB": 200, "endOfSupport": "2026-04-30", "source": "nodejs.org"}]},
            {"id": "new", "repository": "node", "os": "linux", "family": "linux", "serves": ["nodejs"],
             "tags": [{"tag": "24-trixie-slim", "sizeMiB": 230, "endOfSupport": "2028-04-30", "source": "nodejs.org"}]}]})";
        const auto catalogue = ImageCatalogue::parse(json, QStringLiteral("test"));
        QVERIFY2(catalogue.ok(), catalogue.ok() ? "" : qPrintable(catalogue.error()));
        const auto pick = [&](const QDate &date) {
            const auto chosen = catalogue.value().pick(QStringLiteral("linux"), QStringLiteral("nodejs"), {}, date);
            return chosen ? chosen->reference : QString();
        };
        QCOMPARE(pick(QDate(2026, 1, 1)), QStringLiteral("node:20-bookworm-slim"));
        QCOMPARE(pick(QDate(2026, 4, 30)), QStringLiteral("node:20-bookworm-slim")); // its last day
        QCOMPARE(pick(QDate(2026, 5, 1)), QStringLiteral("node:24-trixie-slim"));
        QCOMPARE(pick(QDate(2028, 5, 1)), QString());
        QVERIFY(catalogue.value()
                    .whyNone(QStringLiteral("linux"), QStringLiteral("nodejs"), {}, QDate(2028, 5, 1))
                    .contains(QStringLiteral("past its end of support")));
    }

    void badCatalogueRefused_data()
    {
        QTest::addColumn<QByteArray>("tag");
        QTest::addColumn<QString>("message");
        QTest::newRow("no source") << QByteArray(R"({"tag": "1", "sizeMiB": 1, "endOfSupport": "2030-01-01"})")
                                   << "'source'";
        QTest::newRow("bad date") << QByteArray(R"({"tag": "1", "sizeMiB": 1, "endOfSupport": "soon", "source": "x"})")
                                  << "is not a date";
        QTest::newRow("no size") << QByteArray(R"({"tag": "1", "endOfSupport": "2030-01-01", "source": "x"})")
                                 << "sizeMiB";
    }

    void badCatalogueRefused()
    {
        QFETCH(QByteArray, tag);
        QFETCH(QString, message);
        const QByteArray json = R"({"format": "landfall-image-catalogue", "images": [{"id": "i", "repository": "r",
            "os": "linux", "family": "linux", "serves": ["java"], "tags": [)" +
                                tag + "]}]}";
        const auto catalogue = ImageCatalogue::parse(json, QStringLiteral("cat.json"));
        QVERIFY(!catalogue.ok());
        QVERIFY2(catalogue.error().contains(message) &&
                     catalogue.error().startsWith(QLatin1String("cat.json: images[0]")),
                 qPrintable(catalogue.error()));
    }

    /** The dates of classification.md, as the shipped table gives them. */
    void lifecycleHasTheSpecDates_data()
    {
        QTest::addColumn<QString>("os");
        QTest::addColumn<QDate>("endOfSupport");
        QTest::newRow("2008") << "Microsoft Windows Server 2008 (64-bit)" << QDate(2020, 1, 14);
        QTest::newRow("2008 R2") << "Microsoft Windows Server 2008 R2 (64-bit)" << QDate(2020, 1, 14);
        QTest::newRow("2012") << "Microsoft Windows Server 2012 (64-bit)" << QDate(2023, 10, 10);
        QTest::newRow("2012 R2") << "Microsoft Windows Server 2012 R2 (64-bit)" << QDate(2023, 10, 10);
        QTest::newRow("2016") << "Microsoft Windows Server 2016 (64-bit)" << QDate(2027, 1, 12);
        QTest::newRow("2019") << "Microsoft Windows Server 2019 (64-bit)" << QDate(2029, 1, 9);
        QTest::newRow("Windows 10") << "Microsoft Windows 10 (64-bit)" << QDate(2025, 10, 14);
        QTest::newRow("CentOS 7") << "CentOS 7 (64-bit)" << QDate(2024, 6, 30);
        QTest::newRow("RHEL 7") << "Red Hat Enterprise Linux 7 (64-bit)" << QDate(2024, 6, 30);
        QTest::newRow("Ubuntu 18.04") << "Ubuntu Linux 18.04 (64-bit)" << QDate(2023, 5, 31);
        QTest::newRow("Ubuntu 20.04") << "Ubuntu Linux 20.04 (64-bit)" << QDate(2025, 5, 31);
        QTest::newRow("SLES 12") << "SUSE Linux Enterprise 12 (64-bit)" << QDate(2024, 10, 31);
        QTest::newRow("RHEL 8.9 by its major") << "rhel:8.9" << QDate(2029, 5, 31);
        QTest::newRow("2016 or later: no date") << "Microsoft Windows Server 2016 or later (64-bit)" << QDate();
    }

    void lifecycleHasTheSpecDates()
    {
        QFETCH(QString, os);
        QFETCH(QDate, endOfSupport);
        const Vm vm = test::makeVm(os, {});
        const OsRelease *release = OsLifecycle::shipped().release(vm.os);
        QCOMPARE(release ? release->endOfSupport : QDate(), endOfSupport);
        if (release)
            QVERIFY(!release->source.trimmed().isEmpty());
    }

    void lifecycleCoversWhatAConsultantMeets()
    {
        QSet<QString> families;
        for (const OsRelease &release : OsLifecycle::shipped().releases()) {
            QVERIFY2(!release.source.trimmed().isEmpty(), qPrintable(release.family + u' ' + release.version));
            families.insert(release.family);
        }
        for (const char *family : {"windows-server", "windows-client", "rhel", "centos", "rocky", "almalinux", "ubuntu",
                                   "debian", "sles", "oracle-linux"})
            QVERIFY2(families.contains(QLatin1String(family)), family);
    }

    void lifecycleRefusesADateWithoutSource()
    {
        const auto parsed = OsLifecycle::parse(
            R"({"format": "landfall-os-lifecycle", "releases": [{"family": "rhel", "version": "7", "endOfSupport": "2024-06-30"}]})",
            QStringLiteral("life.json"));
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(QStringLiteral("life.json: releases[0]: 'source'")),
                 qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogues)
#include "tst_catalogues.moc"
