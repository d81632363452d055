#pragma once

#include <QString>

namespace landfall {

/** The project settings the report reads: the scenario the consultant recommends, why, and the
    notes per section. Kept as settings (key-value rows of the project), so no schema change. */
struct ReportSettings {
    static inline const QString kRecommended = QStringLiteral("report/recommendedScenario");
    static inline const QString kRecommendationWhy = QStringLiteral("report/recommendationWhy");
    static inline const QString kNotes = QStringLiteral("report/notes"); ///< a JSON object: section key -> text
};

} // namespace landfall
