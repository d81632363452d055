#include "rulecondition.h"

#include <array>

namespace landfall {

namespace {

constexpr std::array<std::pair<RuleCondition::Op, const char *>, 6> kOps{{
    {RuleCondition::Op::Is, "is"},
    {RuleCondition::Op::IsNot, "isNot"},
    {RuleCondition::Op::AtLeast, "atLeast"},
    {RuleCondition::Op::AtMost, "atMost"},
    {RuleCondition::Op::Below, "below"},
    {RuleCondition::Op::Above, "above"},
}};

} // namespace

QString RuleCondition::opKey(Op op)
{
    for (const auto &[candidate, key] : kOps) {
        if (candidate == op)
            return QLatin1String(key);
    }
    return {};
}

std::optional<RuleCondition::Op> RuleCondition::opFromKey(const QString &key)
{
    for (const auto &[candidate, name] : kOps) {
        if (key == QLatin1String(name))
            return candidate;
    }
    return std::nullopt;
}

} // namespace landfall
