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

AddOrRemoveScenarioCommand::AddOrRemoveScenarioCommand(ScenarioView *view, Action action, Scenario scenario, int row)
    : m_view(view)
    , m_action(action)
    , m_scenario(std::move(scenario))
    , m_row(row)
{
    setText(action == Action::Add
                ? QCoreApplication::translate("AddOrRemoveScenarioCommand", "Add scenario %1").arg(m_scenario.name)
                : QCoreApplication::translate("AddOrRemoveScenarioCommand", "Remove scenario %1").arg(m_scenario.name));
}

bool AddOrRemoveScenarioCommand::apply(Action action)
{
    return action == Action::Add ? m_view->insertScenario(m_scenario, m_row) : m_view->deleteScenario(m_scenario.name);
}

void AddOrRemoveScenarioCommand::undo()
{
    apply(m_action == Action::Add ? Action::Remove : Action::Add);
}

void AddOrRemoveScenarioCommand::redo()
{
    if (!apply(m_action))
        setObsolete(true); // the first run could not write the project: no step to undo
}

} // namespace landfall
