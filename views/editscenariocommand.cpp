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

AddScenarioCommand::AddScenarioCommand(ScenarioView *view, Scenario scenario, int row)
    : m_view(view)
    , m_scenario(std::move(scenario))
    , m_row(row)
{
    setText(QCoreApplication::translate("AddScenarioCommand", "Add scenario %1").arg(m_scenario.name));
}

void AddScenarioCommand::undo()
{
    m_view->deleteScenario(m_scenario.name);
}

void AddScenarioCommand::redo()
{
    if (!m_view->insertScenario(m_scenario, m_row))
        setObsolete(true);
}

RemoveScenarioCommand::RemoveScenarioCommand(ScenarioView *view, Scenario scenario, int row)
    : m_view(view)
    , m_scenario(std::move(scenario))
    , m_row(row)
{
    setText(QCoreApplication::translate("RemoveScenarioCommand", "Remove scenario %1").arg(m_scenario.name));
}

void RemoveScenarioCommand::undo()
{
    m_view->insertScenario(m_scenario, m_row);
}

void RemoveScenarioCommand::redo()
{
    if (!m_view->deleteScenario(m_scenario.name))
        setObsolete(true);
}

} // namespace landfall
