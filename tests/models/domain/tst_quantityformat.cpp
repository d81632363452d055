#include "domain/categorylabels.h"
#include "domain/quantityformat.h"

#include <QTest>

using namespace landfall;

/** Figures written for a person, and chart labels that stay distinct when shortened. */
class TestQuantityFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void counts_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("separators") << "en_US" << 1129795.0 << "1,129,795";
        QTest::newRow("german separators") << "de_DE" << 1129795.0 << "1.129.795";
        QTest::newRow("half away from zero") << "en_US" << 2.5 << "3";
        QTest::newRow("minus half") << "en_US" << -0.5 << "-1";
        QTest::newRow("no minus zero") << "en_US" << -0.4 << "0";
    }
    void counts()
    {
        QFETCH(QString, locale);
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QuantityFormat::count(value, QLocale(locale)), text);
    }

    void sizes_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<double>("gib");
        QTest::addColumn<QString>("text");
        QTest::newRow("GiB whole") << "en_US" << 863.4 << "863 GiB";
        QTest::newRow("1023 GiB stays GiB") << "en_US" << 1023.0 << "1,023 GiB";
        QTest::newRow("TiB") << "en_US" << 1536.0 << "1.5 TiB";
        QTest::newRow("TiB, trailing zeros dropped") << "en_US" << 2048.0 << "2 TiB";
        QTest::newRow("TiB, three digits") << "en_US" << 12.34 * 1024 << "12.3 TiB";
        QTest::newRow("TiB, decimal comma") << "de_DE" << 1536.0 << "1,5 TiB";
        QTest::newRow("PiB") << "en_US" << 3.25 * 1024 * 1024 << "3.25 PiB";
        QTest::newRow("negative TiB") << "en_US" << -1536.0 << "-1.5 TiB";
    }
    void sizes()
    {
        QFETCH(QString, locale);
        QFETCH(double, gib);
        QFETCH(QString, text);
        QCOMPARE(QuantityFormat::gibibytes(gib, QLocale(locale)), text);
    }

    void shortFormsStayDistinct()
    {
        const QStringList full = {QStringLiteral("Windows Server 2016"),
                                  QStringLiteral("Windows Server 2008 R2"),
                                  QStringLiteral("Windows Server 2012 R2"),
                                  QStringLiteral("Red Hat Enterprise Linux 8"),
                                  QStringLiteral("Ubuntu"),
                                  QStringLiteral("Other")};
        const QStringList brief = CategoryLabels::shortForms(full, 14);
        QCOMPARE(brief,
                 QStringList({QStringLiteral("WS 2016"), QStringLiteral("WS 2008 R2"), QStringLiteral("WS 2012 R2"),
                              QStringLiteral("RHEL 8"), QStringLiteral("Ubuntu"), QStringLiteral("Other")}));
        QCOMPARE(CategoryLabels::key(full, brief),
                 QStringLiteral("RHEL = Red Hat Enterprise Linux, WS = Windows Server"));
        // Short enough already: unchanged, and no key.
        QCOMPARE(CategoryLabels::shortForms({QStringLiteral("Windows 10")}, 14),
                 QStringList{QStringLiteral("Windows 10")});
        QVERIFY(CategoryLabels::key({QStringLiteral("Windows 10")}, {QStringLiteral("Windows 10")}).isEmpty());
    }

    void aShortFormThatClashesIsNotUsed()
    {
        // "WS 2019" exists as written: "Windows Server 2019" must not shorten to it.
        const QStringList full = {QStringLiteral("Windows Server 2019"), QStringLiteral("WS 2019")};
        QCOMPARE(CategoryLabels::shortForms(full, 10), full);
    }

    void wrapsNearTheMiddle()
    {
        QCOMPARE(CategoryLabels::wrapped(QStringLiteral("aks-32x128-licence-included"), 14),
                 QStringLiteral("aks-32x128-\nlicence-included"));
        QCOMPARE(CategoryLabels::wrapped(QStringLiteral("64 vCPU, no N+1"), 14), QStringLiteral("64 vCPU,\nno N+1"));
        QCOMPARE(CategoryLabels::wrapped(QStringLiteral("short"), 14), QStringLiteral("short"));
        QCOMPARE(CategoryLabels::wrapped(QStringLiteral("averyveryverylongword"), 14),
                 QStringLiteral("averyveryverylongword"));
    }
};

QTEST_GUILESS_MAIN(TestQuantityFormat)
#include "tst_quantityformat.moc"
