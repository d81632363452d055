#include "setworkshopanswercommand.h"

#include "inventorytablemodel.h"

namespace landfall {

QString SetWorkshopAnswerCommand::questionText(WorkshopAnswers::Attribute attribute)
{
    using A = WorkshopAnswers::Attribute;
    switch (attribute) {
    case A::Role:
        return SetWorkshopAnswerCommand::tr("Role");
    case A::Stack:
        return SetWorkshopAnswerCommand::tr("Stack");
    case A::Gui:
        return SetWorkshopAnswerCommand::tr("GUI");
    case A::KernelDriver:
        return SetWorkshopAnswerCommand::tr("Kernel driver");
    case A::WindowsAuth:
        return SetWorkshopAnswerCommand::tr("Windows authentication");
    case A::SourceAvailable:
        return SetWorkshopAnswerCommand::tr("Source available");
    case A::ChangeRate:
        return SetWorkshopAnswerCommand::tr("Change rate");
    case A::Trust:
        return SetWorkshopAnswerCommand::tr("Trust");
    case A::Decommission:
        return SetWorkshopAnswerCommand::tr("Decommission");
    case A::MustStayOnPrem:
        return SetWorkshopAnswerCommand::tr("Must stay on premises");
    }
    return WorkshopAnswers::key(attribute);
}

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
    const QString key = questionText(attribute);
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
