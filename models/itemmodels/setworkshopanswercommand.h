#pragma once

#include "domain/workshopanswers.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace landfall {

class InventoryTableModel;

/** One user edit of a workshop answer, on one VM or on many at once, as one undo step: it
    remembers each VM's previous value and writes through the model's mutator. */
class SetWorkshopAnswerCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetWorkshopAnswerCommand)
public:
    SetWorkshopAnswerCommand(InventoryTableModel *model, WorkshopAnswers::Attribute attribute,
                             const QList<qint64> &vmIds, const QString &value, QUndoCommand *parent = nullptr);

    /** The question as a consultant reads it in the Edit menu, never the file key ("mustStayOnPrem"). */
    static QString questionText(WorkshopAnswers::Attribute attribute);

    void redo() override;
    void undo() override;
    int changedVmCount() const { return int(m_previous.size()); }

private:
    QPointer<InventoryTableModel> m_model;
    WorkshopAnswers::Attribute m_attribute;
    QString m_value;
    QList<std::pair<qint64, QString>> m_previous; ///< only the VMs whose value really changes
};

} // namespace landfall
