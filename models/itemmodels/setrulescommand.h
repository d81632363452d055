#pragma once

#include "advisor/ruleset.h"

#include <QPointer>
#include <QUndoCommand>

namespace landfall {

class RuleTableModel;

/** One edit of the rule set (a move, an enable, an edit, an addition, a reset) as an undo step:
    it keeps the sets before and after, since any edit re-classifies the whole plan anyway. */
class SetRulesCommand : public QUndoCommand {
public:
    SetRulesCommand(RuleTableModel *model, const RuleSet &after, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    QString lastError() const { return m_lastError; }

private:
    void apply(const RuleSet &rules);

    QPointer<RuleTableModel> m_model;
    RuleSet m_before;
    RuleSet m_after;
    QString m_lastError;
};

} // namespace landfall
