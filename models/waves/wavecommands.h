#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUndoCommand>

namespace landfall {

class WavePlanModel;

/** Moving a group to another wave (a drag in the Gantt chart) as one undo step: a pin, which
    undo takes back to the pin the group had before (or none). */
class MoveGroupToWaveCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(MoveGroupToWaveCommand)
public:
    MoveGroupToWaveCommand(WavePlanModel *model, const QString &group, int wave, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    QPointer<WavePlanModel> m_model;
    QString m_group;
    int m_wave;
    int m_previousPin;
};

/** Setting the consultant's explicit move group of VMs as one undo step. */
class SetMoveGroupCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetMoveGroupCommand)
public:
    SetMoveGroupCommand(WavePlanModel *model, const QList<qint64> &vmIds, const QString &group,
                        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    QPointer<WavePlanModel> m_model;
    QList<std::pair<qint64, QString>> m_next;
    QList<std::pair<qint64, QString>> m_previous;
};

} // namespace landfall
