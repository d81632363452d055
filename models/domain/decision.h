#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** The migration paths of classification.md, with their JSON keys. */
enum class MigrationPath { Rehost, Containerize, CloudNative, Retire, Retain };

QString migrationPathKey(MigrationPath path); ///< "rehost", "containerize", "cloudNative", "retire", "retain"
std::optional<MigrationPath> migrationPathFromKey(const QString &key);

enum class Isolation { None, Process, HyperV, Kata };
QString isolationKey(Isolation isolation); ///< "none", "process", "hyperv", "kata"
std::optional<Isolation> isolationFromKey(const QString &key);

enum class Confidence { High, Medium, Low };
QString confidenceKey(Confidence confidence); ///< "high", "medium", "low"
std::optional<Confidence> confidenceFromKey(const QString &key);

/** One step of a decision's rule trace: a rule that matched, and why it matters. */
struct RuleTraceEntry {
    QString ruleId;
    QString reason;
    friend bool operator==(const RuleTraceEntry &, const RuleTraceEntry &) = default;
};

/** What the advisor decided for one VM, and why. */
struct Decision {
    qint64 vmId = 0;
    MigrationPath path = MigrationPath::Rehost;
    QString target;    ///< in words: "AKS Windows node pool, Windows Server 2022 (10.0.20348)"
    QString baseImage; ///< a full image reference with its tag; empty when not containerized
    Isolation isolation = Isolation::None;
    Confidence confidence = Confidence::Low;
    QStringList conditions; ///< what the consultant must check
    QList<RuleTraceEntry> trace;
    QString reason;          ///< the deciding reason in one sentence
    bool overridden = false; ///< the consultant set the path by hand
    QString overrideNote;

    friend bool operator==(const Decision &, const Decision &) = default;
};

} // namespace landfall
