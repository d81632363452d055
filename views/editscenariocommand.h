#pragma once

#include "density/scenario.h"

#include <QUndoCommand>

namespace landfall {

class ScenarioView;

/** One edit of a scenario in its form (any parameter, or its name), as an undo step. */
class EditScenarioCommand : public QUndoCommand {
public:
    EditScenarioCommand(ScenarioView *view, Scenario before, Scenario after);

    void undo() override;
    void redo() override;

private:
    ScenarioView *m_view;
    Scenario m_before;
    Scenario m_after;
};

/** A scenario added to the project (a duplicate) or removed from it, as an undo step: undoing
    a removal puts the scenario back where it was. */
class AddOrRemoveScenarioCommand : public QUndoCommand {
public:
    enum class Action { Add, Remove };
    AddOrRemoveScenarioCommand(ScenarioView *view, Action action, Scenario scenario, int row);

    void undo() override;
    void redo() override;

private:
    bool apply(Action action);

    ScenarioView *m_view;
    Action m_action;
    Scenario m_scenario;
    int m_row;
};

} // namespace landfall
