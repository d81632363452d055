#pragma once

#include "advisor/ruleset.h"
#include "domain/decision.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace landfall {

class DecisionTableModel;
class RuleTableModel;

/** The project's advisor rules, first match wins: reorder, enable and disable, edit, add,
    remove and reset to the defaults. Every edit is checked by RuleSet, becomes one undo step and
    re-classifies the plan at once. */
class RulesEditor : public QWidget {
    Q_OBJECT
public:
    RulesEditor(RuleTableModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLabel *message() const { return m_message; }
    int currentRow() const;
    /** The VMs a rule change moved from one path to another. */
    struct PathMove {
        MigrationPath from;
        MigrationPath to;
        QList<qint64> vmIds;
    };
    /** The plan whose VMs the editor counts: what each rule decides, and what an edit moved. */
    void setPlan(const DecisionTableModel *plan);
    /** What the last edit made here moved, largest move first; empty when nothing moved. */
    const QList<PathMove> &lastMoves() const { return m_lastMoves; }
    /** The ids of every VM the last edit moved. */
    QList<qint64> lastMovedVmIds() const;
    /** The button that shows the moved VMs in the plan. */
    QPushButton *showMovedButton() const { return m_showMoved; }
    /** Forgets the last project's message and selection. */
    void resetForNewProject();

    // Each returns why the rule set refused the edit (also shown), or nullopt when done.
    std::optional<QString> moveRule(int from, int to);
    std::optional<QString> setRuleEnabled(int row, bool enabled);
    std::optional<QString> replaceRule(int row, const Rule &rule);
    std::optional<QString> addRule(const Rule &rule);
    std::optional<QString> removeRule(int row);
    std::optional<QString> resetToDefaults();

Q_SIGNALS:
    /** The consultant asked to see these VMs in the plan; `description` says which they are. */
    void showVmsRequested(const QList<qint64> &vmIds, const QString &description);

private:
    /** The moves between the paths before and the plan's paths now, and the sentence that tells them. */
    QString describeMoves(const QHash<qint64, MigrationPath> &before);
    /** Applies `edit` to a copy of the rules and pushes the result as one undo step. */
    std::optional<QString> edit(const QString &text, const std::function<std::optional<QString>(RuleSet &)> &edit,
                                int selectRow);
    void editCurrent();
    void addNew();
    void updateButtons();
    void select(int row);

    RuleTableModel *m_model;
    QUndoStack *m_undoStack;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_toggle;
    QPushButton *m_edit;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_reset;
    QPushButton *m_showMoved;
    const DecisionTableModel *m_plan = nullptr;
    QList<PathMove> m_lastMoves;
};

} // namespace landfall
