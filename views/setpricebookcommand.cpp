#include "setpricebookcommand.h"

#include "businesscaseview.h"

namespace landfall {

SetPriceBookCommand::SetPriceBookCommand(BusinessCaseView *view, QString before, QString after, const QString &text)
    : QUndoCommand(text)
    , m_view(view)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void SetPriceBookCommand::undo()
{
    m_view->storePriceBook(m_before);
}

void SetPriceBookCommand::redo()
{
    m_view->storePriceBook(m_after);
}

} // namespace landfall
