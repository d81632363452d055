#pragma once

#include <QString>
#include <QUndoCommand>

namespace landfall {

class ScenarioView;

/** The scenario the report recommends and why, as the project keeps them (report settings);
    an empty name: none recommended. */
struct ScenarioRecommendation {
    QString name;
    QString why;
    bool operator==(const ScenarioRecommendation &) const = default;
};

/** Marking a scenario as the recommended one, clearing the mark or changing why, as an undo step. */
class RecommendScenarioCommand : public QUndoCommand {
public:
    RecommendScenarioCommand(ScenarioView *view, ScenarioRecommendation before, ScenarioRecommendation after);

    void undo() override;
    void redo() override;

private:
    ScenarioView *m_view;
    ScenarioRecommendation m_before;
    ScenarioRecommendation m_after;
};

} // namespace landfall
