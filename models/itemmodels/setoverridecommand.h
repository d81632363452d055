#pragma once

#include "advisor/manualoverride.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

#include <optional>

namespace landfall {

class DecisionTableModel;

/** A consultant's override of one VM's path (or its removal) as an undo step: it remembers the
    override it replaced and writes through the plan model's mutator, which re-classifies the VM. */
class SetOverrideCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetOverrideCommand)
public:
    /** `manualOverride` nullopt clears the VM's override. */
    SetOverrideCommand(DecisionTableModel *model, qint64 vmId, const std::optional<ManualOverride> &manualOverride,
                       QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    /** The error of the last write, empty when it went through. */
    QString lastError() const { return m_lastError; }

private:
    void apply(const std::optional<ManualOverride> &value);

    QPointer<DecisionTableModel> m_model;
    qint64 m_vmId;
    std::optional<ManualOverride> m_new;
    std::optional<ManualOverride> m_old;
    QString m_lastError;
};

} // namespace landfall
