#include "advisor/rulesetjson.h"

#include <QTest>

using namespace landfall;

/** The rule file and the rule set's editing API: sound rules in, unsound ones refused with a
    message that names the rule and the key. */
class TestRuleSet : public QObject {
    Q_OBJECT

private:
    static QByteArray ruleFile(const QByteArray &rule)
    {
        return R"({"format": "landfall-rules", "version": 1, "rules": [)" + rule + "]}";
    }

private Q_SLOTS:
    void defaultsFollowTheSpec()
    {
        const RuleSet rules = RuleSet::defaults();
        QStringList ids;
        for (const Rule &rule : rules.rules())
            ids.append(rule.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("decommission"), QStringLiteral("must-stay-on-prem"),
                                   QStringLiteral("powered-off-unanswered"), QStringLiteral("kernel-driver"),
                                   QStringLiteral("appliance"), QStringLiteral("directory"),
                                   QStringLiteral("desktop-or-mail"), QStringLiteral("managed-service"),
                                   QStringLiteral("owned-fast-changing"), QStringLiteral("bsd-or-solaris"),
                                   QStringLiteral("directx"), QStringLiteral("print"),
                                   QStringLiteral("containerize-known-stack"), QStringLiteral("fallback")}));
    }

    void writeThenParseIsLossless()
    {
        const RuleSet rules = RuleSet::defaults();
        Result<RuleSet, QString> again = RuleSetJson::parse(RuleSetJson::write(rules), QStringLiteral("mem"));
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error()));
        QCOMPARE(again.value(), rules);
    }

    void invalidRuleRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message"); // a part the message must hold
        QTest::newRow("not JSON") << QByteArray("{") << "not valid JSON";
        QTest::newRow("not a rule file") << QByteArray(R"({"rules": []})") << "'format'";
        QTest::newRow("unknown field")
            << ruleFile(
                   R"({"id": "r", "when": [{"field": "rol", "is": "web"}], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "rule 'r', when[0]: field 'rol' is unknown";
        QTest::newRow("bad value")
            << ruleFile(
                   R"({"id": "r", "when": [{"field": "role", "is": "webserver"}], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "'webserver' is not a value of role";
        QTest::newRow("bad path") << ruleFile(
                                         R"({"id": "r", "then": {"path": "lift", "confidence": "low", "reason": "x"}})")
                                  << "rules[0] ('r').then.path: 'lift' is not a path";
        QTest::newRow("bad confidence")
            << ruleFile(R"({"id": "r", "then": {"path": "rehost", "confidence": "sure", "reason": "x"}})")
            << "'sure' is not a confidence";
        QTest::newRow("no reason") << ruleFile(R"({"id": "r", "then": {"path": "rehost", "confidence": "low"}})")
                                   << "'reason' is missing";
        QTest::newRow("no id") << ruleFile(R"({"then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
                               << "rules[0]: 'id' is missing";
        QTest::newRow("unknown key")
            << ruleFile(R"({"id": "r", "iff": [], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "unknown key 'iff'";
        QTest::newRow("order test on a word")
            << ruleFile(
                   R"({"id": "r", "when": [{"field": "role", "atLeast": 3}], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "role is compared with 'is' or 'isNot' only";
        QTest::newRow("bad build")
            << ruleFile(
                   R"({"id": "r", "when": [{"field": "osBuild", "below": "2016"}], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "needs a Windows build";
        QTest::newRow("two operators")
            << ruleFile(
                   R"({"id": "r", "when": [{"field": "vcpu", "atLeast": 2, "atMost": 4}], "then": {"path": "rehost", "confidence": "low", "reason": "x"}})")
            << "expected exactly one of";
        QTest::newRow("image on a rehost rule")
            << ruleFile(
                   R"({"id": "r", "then": {"path": "rehost", "confidence": "low", "reason": "x", "image": "windows"}})")
            << "'image' and 'imageBuild' are for path 'containerize' only";
        QTest::newRow("duplicate id")
            << ruleFile(R"({"id": "r", "then": {"path": "rehost", "confidence": "low", "reason": "x"}},
                          {"id": "r", "then": {"path": "retire", "confidence": "low", "reason": "y"}})")
            << "rule 'r': the id is already used";
    }

    void invalidRuleRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<RuleSet, QString> parsed = RuleSetJson::parse(json, QStringLiteral("rules.json"));
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().startsWith(QStringLiteral("rules.json")), qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
    }

    void editsThroughTheModelApi()
    {
        RuleSet rules = RuleSet::defaults();
        const qsizetype count = rules.size();
        Rule added;
        added.id = QStringLiteral("big-vms");
        added.when = {{QStringLiteral("vcpu"), RuleCondition::Op::Above, {}, QStringLiteral("32")}};
        added.path = MigrationPath::Rehost;
        added.confidence = Confidence::Medium;
        added.reason = QStringLiteral("Too big for a node.");
        QVERIFY(!rules.insert(0, added));
        QCOMPARE(rules.size(), count + 1);
        QVERIFY(!rules.move(0, 3));
        QCOMPARE(rules.indexOf(QStringLiteral("big-vms")), 3);
        QVERIFY(!rules.setEnabled(3, false));
        QVERIFY(!rules.at(3).enabled);
        Rule edited = rules.at(3);
        edited.reason = QStringLiteral("Too big for any node.");
        QVERIFY(!rules.replace(3, edited));
        QCOMPARE(rules.at(3).reason, QStringLiteral("Too big for any node."));
        QVERIFY(!rules.remove(3));
        QCOMPARE(rules, RuleSet::defaults());
    }

    void invalidEditLeavesTheSetAsItWas()
    {
        RuleSet rules = RuleSet::defaults();
        Rule broken = rules.at(0);
        broken.when = {{QStringLiteral("role"), RuleCondition::Op::Is, {QStringLiteral("nonsense")}, {}}};
        const std::optional<QString> problem = rules.replace(0, broken);
        QVERIFY(problem);
        QVERIFY2(problem->contains(QStringLiteral("rule 'decommission', when[0]")), qPrintable(*problem));
        Rule duplicate = rules.at(1);
        QVERIFY(rules.append(duplicate)); // the id is taken
        QVERIFY(rules.move(0, 99));
        QCOMPARE(rules, RuleSet::defaults());
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
