#pragma once

#include "rulecondition.h"

#include "domain/decision.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** A finer point of a rule: when its conditions also hold, the consultant has something more to
    check and the confidence may drop (the .NET 3.5 feature, gMSA, an old OS). */
struct RuleCaveat {
    QString id;
    QList<RuleCondition> when;
    QString condition;                    ///< what the consultant must check, in words
    std::optional<Confidence> confidence; ///< lowers the rule's confidence to this, never raises it

    friend bool operator==(const RuleCaveat &, const RuleCaveat &) = default;
};

/** Which base image a containerize rule asks for: a fixed family or the stack's own. */
enum class ImageChoice { Auto, NanoServer, ServerCore, Windows, Linux };
QString imageChoiceKey(ImageChoice choice); ///< "auto", "nanoserver", "servercore", "windows", "linux"
std::optional<ImageChoice> imageChoiceFromKey(const QString &key);

/** One rule of the advisor, as data: when every condition holds, the VM takes the outcome. */
struct Rule {
    QString id;
    bool enabled = true;
    QString description;       ///< for the consultant's eyes only
    QList<RuleCondition> when; ///< all must hold; an empty list matches every VM
    MigrationPath path = MigrationPath::Rehost;
    Confidence confidence = Confidence::Low;
    QString reason;                        ///< why, in words: becomes the decision's reason
    QString target;                        ///< optional; the advisor words it from the path and role when empty
    ImageChoice image = ImageChoice::Auto; ///< containerize only
    QString imageBuild;                    ///< containerize only: pins the image to an older build than the pool's
    QStringList conditions;                ///< always added to the decision
    QList<RuleCaveat> caveats;

    friend bool operator==(const Rule &, const Rule &) = default;
};

} // namespace landfall
