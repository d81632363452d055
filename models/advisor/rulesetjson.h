#pragma once

#include "ruleset.h"

#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace landfall {

/** Reads and writes the rule file: the readable JSON form a project keeps and a consultant
    exports, edits and imports. Every refusal names the file, the rule and the key. */
class RuleSetJson {
public:
    static constexpr const char *kFormat = "landfall-rules";
    static constexpr int kVersion = 1;

    /** `source` names the file in messages. */
    static Result<RuleSet, QString> parse(const QByteArray &json, const QString &source);
    static QByteArray write(const RuleSet &rules);
};

} // namespace landfall
