#include "setworkshopanswercommand.h"

#include "inventorytablemodel.h"

namespace landfall {

SetWorkshopAnswerCommand::SetWorkshopAnswerCommand(InventoryTableModel *model, WorkshopAnswers::Attribute attribute,
                                                   const QList<qint64> &vmIds, const QString &value,
                                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_attribute(attribute)
    , m_value(value)
{
    for (qint64 id : vmIds) {
        const int row = model->rowForId(id);
        if (row >= 0 && model->vmRow(row).answer(attribute) != value)
            m_previous.append({id, model->vmRow(row).answer(attribute)});
    }
    const QString key = WorkshopAnswers::key(attribute);
    if (m_previous.size() == 1)
        setText(tr("Set %1 of %2 to %3").arg(key, model->vmRow(model->rowForId(m_previous.first().first)).name, value));
    else
        setText(tr("Set %1 to %2 on %n VMs", nullptr, int(m_previous.size())).arg(key, value));
    // Nothing to change: QUndoStack::push() drops an obsolete command instead of keeping a no-op step.
    setObsolete(m_previous.isEmpty());
}

void SetWorkshopAnswerCommand::redo()
{
    if (!m_model || m_previous.isEmpty())
        return;
    QList<std::pair<qint64, QString>> values;
    values.reserve(m_previous.size());
    for (const auto &[id, previous] : m_previous)
        values.append({id, m_value});
    // A failed write changed nothing; marked obsolete, the step is dropped rather than kept as a lie.
    if (m_model->setAnswers(m_attribute, values))
        setObsolete(true);
}

void SetWorkshopAnswerCommand::undo()
{
    if (!m_model || m_previous.isEmpty())
        return;
    if (m_model->setAnswers(m_attribute, m_previous))
        setObsolete(true);
}

} // namespace landfall
