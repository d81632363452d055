#include "editscenariocommand.h"

#include "scenarioview.h"

#include <QCoreApplication>

namespace landfall {

EditScenarioCommand::EditScenarioCommand(ScenarioView *view, Scenario before, Scenario after)
    : m_view(view)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(QCoreApplication::translate("EditScenarioCommand", "Edit scenario %1").arg(m_after.name));
}

void EditScenarioCommand::undo()
{
    m_view->applyScenario(m_after.name, m_before);
}

void EditScenarioCommand::redo()
{
    // A first run that could not write the project leaves no step to undo.
    if (!m_view->applyScenario(m_before.name, m_after))
        setObsolete(true);
}

} // namespace landfall
