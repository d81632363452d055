#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** One test of a rule, kept as the words of the rule file so that a consultant reads, edits and
    writes it as it is: a field of the VM and what it must be. */
struct RuleCondition {
    /** How the field is compared: membership for words, order for sizes and builds. */
    enum class Op { Is, IsNot, AtLeast, AtMost, Below, Above };

    QString field; ///< "role", "osBuild", "vcpu", ... (see RuleFields)
    Op op = Op::Is;
    QStringList values; ///< Is and IsNot: any of these
    QString bound;      ///< AtLeast ... Above: a number, or a build for osBuild

    static QString opKey(Op op); ///< "is", "isNot", "atLeast", "atMost", "below", "above"
    static std::optional<Op> opFromKey(const QString &key);
    bool isComparison() const { return op != Op::Is && op != Op::IsNot; }

    friend bool operator==(const RuleCondition &, const RuleCondition &) = default;
};

} // namespace landfall
