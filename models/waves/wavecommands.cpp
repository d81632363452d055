#include "wavecommands.h"

#include "waveplanmodel.h"

namespace landfall {

MoveGroupToWaveCommand::MoveGroupToWaveCommand(WavePlanModel *model, const QString &group, int wave,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_group(group)
    , m_wave(wave)
    , m_previousPin(model->pins().value(group, 0))
{
    setText(tr("Move %1 to wave %2").arg(group).arg(wave));
}

void MoveGroupToWaveCommand::redo()
{
    if (m_model)
        m_model->setPin(m_group, m_wave);
}

void MoveGroupToWaveCommand::undo()
{
    if (m_model)
        m_model->setPin(m_group, m_previousPin);
}

SetMoveGroupCommand::SetMoveGroupCommand(WavePlanModel *model, const QList<qint64> &vmIds, const QString &group,
                                         QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_previous(model->moveGroupsOf(vmIds))
{
    for (const qint64 id : vmIds)
        m_next.append({id, group});
    setText(group.isNull() ? tr("Clear the move group of %n VM(s)", nullptr, int(vmIds.size()))
                           : tr("Set the move group of %n VM(s) to %1", nullptr, int(vmIds.size())).arg(group));
}

void SetMoveGroupCommand::redo()
{
    if (m_model)
        m_model->setMoveGroups(m_next);
}

void SetMoveGroupCommand::undo()
{
    if (m_model)
        m_model->setMoveGroups(m_previous);
}

} // namespace landfall
