#include "recommendscenariocommand.h"

#include "scenarioview.h"

#include <QCoreApplication>

namespace landfall {

RecommendScenarioCommand::RecommendScenarioCommand(ScenarioView *view, ScenarioRecommendation before,
                                                   ScenarioRecommendation after)
    : m_view(view)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    if (m_after.name.isEmpty())
        setText(QCoreApplication::translate("RecommendScenarioCommand", "No scenario recommended"));
    else if (m_after.name == m_before.name)
        setText(QCoreApplication::translate("RecommendScenarioCommand", "Why %1 is recommended").arg(m_after.name));
    else
        setText(QCoreApplication::translate("RecommendScenarioCommand", "Recommend scenario %1").arg(m_after.name));
}

void RecommendScenarioCommand::undo()
{
    m_view->applyRecommendation(m_before);
}

void RecommendScenarioCommand::redo()
{
    // A first run that could not write the project leaves no step to undo.
    if (!m_view->applyRecommendation(m_after))
        setObsolete(true);
}

} // namespace landfall
