#pragma once

#include <QString>
#include <QUndoCommand>

namespace landfall {

class BusinessCaseView;

/** The project's price book replaced (edited, imported or reset to the built-in one), as an undo step. */
class SetPriceBookCommand : public QUndoCommand {
public:
    /** `before` and `after` are the stored JSON; empty for the built-in book. */
    SetPriceBookCommand(BusinessCaseView *view, QString before, QString after, const QString &text);

    void undo() override;
    void redo() override;

private:
    BusinessCaseView *m_view;
    QString m_before;
    QString m_after;
};

} // namespace landfall
