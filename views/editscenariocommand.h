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

/** A scenario added to the project (a duplicate), as an undo step. */
class AddScenarioCommand : public QUndoCommand {
public:
    AddScenarioCommand(ScenarioView *view, Scenario scenario, int row);

    void undo() override;
    void redo() override;

private:
    ScenarioView *m_view;
    Scenario m_scenario;
    int m_row;
};

/** A scenario removed from the project, as an undo step: undo puts it back where it was. */
class RemoveScenarioCommand : public QUndoCommand {
public:
    RemoveScenarioCommand(ScenarioView *view, Scenario scenario, int row);

    void undo() override;
    void redo() override;

private:
    ScenarioView *m_view;
    Scenario m_scenario;
    int m_row;
};

} // namespace landfall
