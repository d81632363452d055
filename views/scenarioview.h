#pragma once

#include "recommendscenariocommand.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;

class QLabel;
class QListView;
class QPushButton;
class QTableView;
class QTimer;
class QUndoStack;

namespace landfall {

class ComparedScenariosModel;
class ProjectStore;
class RecommendedScenarioDelegate;
class ScenarioComparisonModel;
class ScenarioForm;
struct Scenario;

/** The density scenarios: the list, a form for the selected one (stored as it is edited),
    duplicate and remove, the scenario the report recommends and why, and the ticked scenarios
    compared side by side. */
class ScenarioView : public QWidget {
    Q_OBJECT
public:
    /** Edits made in the form are steps on `undoStack`. */
    ScenarioView(ScenarioComparisonModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    /** Shows the scenarios of `store`; a project without any gets the built-in "default". */
    void setStore(ProjectStore *store);

    ScenarioForm *form() const { return m_form; }
    QListView *list() const { return m_list; }
    QTableView *compareTable() const { return m_compare; }
    ComparedScenariosModel *comparedModel() const { return m_compared; }
    int currentRow() const;
    void selectRow(int row);
    /** Stores the form's pending edit now, instead of after the short pause it waits for, as
        one undo step. */
    bool commitEdits();
    /** Stores `replacement` in place of the scenario named `name` and shows it; the undo
        command's step. False, with a message, when the project could not be written. */
    bool applyScenario(const QString &name, const Scenario &replacement);
    /** Stores `scenario` and shows it at `row`, selected; the add and remove commands' step. */
    bool insertScenario(const Scenario &scenario, int row);
    /** Removes the scenario named `name` from the project and the list. */
    bool deleteScenario(const QString &name);
    /** Copies the selected scenario under a new name, stores and selects it: an undo step. */
    bool duplicateCurrent();
    /** Removes the selected scenario (not the last one): an undo step. */
    bool removeCurrent();

    QCheckBox *recommendBox() const { return m_recommend; }
    QLineEdit *whyEdit() const { return m_why; }
    /** The text the list shows for the scenario at `row`: a star and "(recommended)" on the
        recommended one. */
    QString listLabel(int row) const;
    /** The recommendation the project keeps (as `scenario --recommend NAME --why TEXT` stores it). */
    ScenarioRecommendation recommendation() const { return m_recommendation; }
    /** Marks the selected scenario as recommended (with the why field's text) or, with false,
        clears the mark if it is on the selected one: an undo step. */
    bool recommendCurrent(bool recommended);
    /** Changes why the recommended scenario is recommended: an undo step. */
    bool setRecommendationWhy(const QString &why);
    /** Stores `recommendation` in the project's report settings and shows it; the undo
        command's step. False, with a message, when the project could not be written. */
    bool applyRecommendation(const ScenarioRecommendation &recommendation);

Q_SIGNALS:
    /** The scenario the dashboard details (resources, sweep) changed, or was edited. */
    void currentScenarioChanged(int row);

private:
    bool store(const Scenario &scenario, const QString &previousName);
    QString uniqueName(const QString &base) const;
    void showMessage(const QString &text, bool error);
    void showRecommendation();
    bool storeRecommendation(const ScenarioRecommendation &recommendation);

    ScenarioComparisonModel *m_model;
    QUndoStack *m_undoStack;
    ComparedScenariosModel *m_compared;
    ProjectStore *m_store = nullptr;
    QListView *m_list;
    ScenarioForm *m_form;
    QTableView *m_compare;
    QLabel *m_message;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QTimer *m_saveTimer;
    QCheckBox *m_recommend;
    QLineEdit *m_why;
    RecommendedScenarioDelegate *m_listDelegate;
    ScenarioRecommendation m_recommendation;
    int m_formRow = -1;  ///< the row the form shows
    QString m_repacking; ///< the scenario whose "re-packing..." message is shown
};

} // namespace landfall
