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

} // namespace landfall
