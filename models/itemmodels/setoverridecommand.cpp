#include "setoverridecommand.h"

#include "decisiontablemodel.h"

namespace landfall {

SetOverrideCommand::SetOverrideCommand(DecisionTableModel *model, qint64 vmId,
                                       const std::optional<ManualOverride> &manualOverride, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_vmId(vmId)
    , m_new(manualOverride)
    , m_old(model->manualOverride(vmId))
{
    const int row = model->rowForId(vmId);
    const QString name = row >= 0 ? model->vm(row).name : QString::number(vmId);
    if (m_new)
        setText(tr("Override %1 to %2").arg(name, DecisionTableModel::pathText(m_new->path)));
    else
        setText(tr("Clear the override of %1").arg(name));
    setObsolete(m_new == m_old);
}

void SetOverrideCommand::apply(const std::optional<ManualOverride> &value)
{
    if (!m_model)
        return;
    const std::optional<QString> error = m_model->setManualOverride(m_vmId, value);
    m_lastError = error.value_or(QString());
    // A failed write changed nothing; marked obsolete, the step is dropped rather than kept as a lie.
    if (error)
        setObsolete(true);
}

void SetOverrideCommand::redo()
{
    apply(m_new);
}

void SetOverrideCommand::undo()
{
    apply(m_old);
}

} // namespace landfall
