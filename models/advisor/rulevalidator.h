#pragma once

#include "rule.h"

#include <QString>

#include <optional>

namespace landfall {

/** Refuses a rule that cannot work, with a message naming the rule, the key and what was
    expected: the engine then never meets a rule it does not understand. */
class RuleValidator {
public:
    /** nullopt when the rule is sound; otherwise why not ("rule 'x', when[2]: field 'rol' is unknown; ..."). */
    static std::optional<QString> check(const Rule &rule);
    static std::optional<QString> checkCondition(const RuleCondition &condition, const QString &where);
};

} // namespace landfall
