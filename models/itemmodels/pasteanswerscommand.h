#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QUndoCommand>

#include <memory>

namespace landfall {

class InventoryTableModel;

/** A paste of workshop answers (a column, or a block, of tab-separated text) onto VMs as one
    undo step: one SetWorkshopAnswerCommand child per question and value, undone together. */
class PasteAnswersCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PasteAnswersCommand)
public:
    /** The cells of pasted text, row by row, without a header line that names `columns` (as a
        copy from the grid carries); every value checked against the question of its column and
        given its canonical spelling ("YES" is "yes"). The error names the line, the column and
        the values allowed. */
    static Result<QList<QStringList>, QString> parse(const QString &text, const QList<int> &columns,
                                                     const InventoryTableModel &model);

    /** Sets `cells[i][j]` on VM `vmIds[i]` for the question of `columns[j]`; a single row of cells
        is given to every VM. Columns must be answer columns. */
    PasteAnswersCommand(InventoryTableModel *model, const QList<int> &columns, const QList<qint64> &vmIds,
                        const QList<QStringList> &cells);

    /** How many VMs get at least one new answer: zero means the paste changes nothing. */
    int changedVmCount() const { return m_changedVms; }

private:
    int m_changedVms = 0;
};

} // namespace landfall
