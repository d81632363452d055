#include "advisor/rulesetjson.h"
#include "density/scenario.h"
#include "io/csvreader.h"
#include "io/inventoryreader.h"
#include "io/xlsxreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace landfall;

namespace {

const QString kRegressions = QStringLiteral(LANDFALL_TEST_DATA "/fuzz-regressions");

/** Feeds one input to the parser its folder names (the fuzz target that found it) and returns
    the error text, empty when the input was accepted. Reaching the return is most of the test:
    each of these inputs once crashed, hung or tripped a sanitizer. */
QString parse(const QString &target, const QByteArray &content)
{
    if (target == QLatin1String("fuzz_csvreader")) {
        CsvReader reader(content, QStringLiteral("input"));
        Record record;
        while (reader.next(record)) {
            if (record.fields.size() != size_t(reader.header().size()))
                return QStringLiteral("BUG: a record does not have one field per column");
        }
        return reader.error() ? reader.error()->toString() : QString();
    }
    if (target == QLatin1String("fuzz_inventory")) {
        ImportOptions options;
        options.skipBadRows = true;
        const ParsedInventory parsed = InventoryReader::readContent(content, QStringLiteral("input"), options);
        QStringList issues;
        for (const ImportIssue &issue : parsed.issues)
            issues.append(issue.toString());
        return issues.join(u'\n');
    }
    if (target == QLatin1String("fuzz_xlsxreader")) {
        XlsxReader reader(content, QStringLiteral("input"), QStringLiteral("vInfo"), 64 * 1024 * 1024);
        Record record;
        while (reader.next(record)) {
        }
        return reader.error() ? reader.error()->toString() : QString();
    }
    if (target == QLatin1String("fuzz_ruleset")) {
        const auto rules = RuleSetJson::parse(content, QStringLiteral("input"));
        if (rules.ok() && !RuleSetJson::parse(RuleSetJson::write(rules.value()), QStringLiteral("written")).ok())
            return QStringLiteral("BUG: an accepted rule set does not read back");
        return rules.ok() ? QString() : rules.error();
    }
    if (target == QLatin1String("fuzz_scenario")) {
        const auto scenario = Scenario::fromJson(QJsonDocument::fromJson(content).object());
        if (scenario.ok() && !Scenario::fromJson(scenario.value().toJson()).ok())
            return QStringLiteral("BUG: an accepted scenario does not read back");
        return scenario.ok() ? QString() : scenario.error().toString();
    }
    return QStringLiteral("BUG: no parser for the folder %1").arg(target);
}

} // namespace

/** Every input the fuzzers (fuzz/) found a crash, hang or sanitizer report with, kept in
    tests/data/fuzz-regressions/TARGET/ and replayed here under the same parser, so a fixed bug
    stays fixed. An optional FILE.expect holds text the error must contain. */
class TestFuzzRegressions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QDir root(kRegressions);
        int inputs = 0;
        for (const QString &target : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QDir folder(root.filePath(target));
            for (const QString &file : folder.entryList(QDir::Files, QDir::Name)) {
                if (file.endsWith(QLatin1String(".expect")) || file == QLatin1String("README.md"))
                    continue;
                QTest::newRow(qPrintable(target + u'/' + file)) << target << folder.filePath(file);
                ++inputs;
            }
        }
        QVERIFY2(inputs > 0, "no fuzz regression inputs found");
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QElapsedTimer timer;
        timer.start();
        const QString error = parse(target, content);
        // The fuzzers ran each input under a 10 s timeout; a regression back to a hang shows here.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
        QVERIFY2(!error.startsWith(QLatin1String("BUG:")), qPrintable(error));
        QFile expect(path + QLatin1String(".expect"));
        if (expect.open(QIODevice::ReadOnly)) {
            const QString expected = QString::fromUtf8(expect.readAll()).trimmed();
            QVERIFY2(error.contains(expected),
                     qPrintable(QStringLiteral("expected '%1' in '%2'").arg(expected, error)));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
