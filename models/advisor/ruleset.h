#pragma once

#include "rule.h"

#include <QList>
#include <QString>

#include <optional>

namespace landfall {

/** A project's ordered rules, first match wins, with the edits a consultant makes: every edit
    is checked, and a refused edit leaves the set as it was. The GUI's rule editor drives this. */
class RuleSet {
public:
    RuleSet() = default;

    /** The rules Landfall ships (resources/advisor/default-rules.json). */
    static RuleSet defaults();
    /** Builds a set from rules, refusing the first unsound one or a repeated id. */
    static std::optional<QString> build(const QList<Rule> &rules, RuleSet &set);

    const QList<Rule> &rules() const { return m_rules; }
    qsizetype size() const { return m_rules.size(); }
    const Rule &at(qsizetype index) const { return m_rules.at(index); }
    qsizetype indexOf(const QString &id) const;

    /** Each returns why it refused, or nullopt when done. */
    std::optional<QString> insert(qsizetype index, const Rule &rule);
    std::optional<QString> append(const Rule &rule) { return insert(m_rules.size(), rule); }
    std::optional<QString> replace(qsizetype index, const Rule &rule);
    std::optional<QString> remove(qsizetype index);
    std::optional<QString> move(qsizetype from, qsizetype to);
    std::optional<QString> setEnabled(qsizetype index, bool enabled);

    friend bool operator==(const RuleSet &, const RuleSet &) = default;

private:
    std::optional<QString> checkIndex(qsizetype index, qsizetype limit) const;
    std::optional<QString> checkNewRule(const Rule &rule, qsizetype replacing) const;

    QList<Rule> m_rules;
};

} // namespace landfall
