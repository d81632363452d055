#include "setrulescommand.h"

#include "ruletablemodel.h"

namespace landfall {

SetRulesCommand::SetRulesCommand(RuleTableModel *model, const RuleSet &after, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_model(model)
    , m_before(model->rules())
    , m_after(after)
{
    setObsolete(m_before == m_after);
}

void SetRulesCommand::apply(const RuleSet &rules)
{
    if (!m_model)
        return;
    const std::optional<QString> error = m_model->setRules(rules);
    m_lastError = error.value_or(QString());
    if (error)
        setObsolete(true);
}

void SetRulesCommand::redo()
{
    apply(m_after);
}

void SetRulesCommand::undo()
{
    apply(m_before);
}

} // namespace landfall
