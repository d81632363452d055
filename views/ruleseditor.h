#pragma once

#include "advisor/ruleset.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace landfall {

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
    /** Forgets the last project's message and selection. */
    void resetForNewProject();

    // Each returns why the rule set refused the edit (also shown), or nullopt when done.
    std::optional<QString> moveRule(int from, int to);
    std::optional<QString> setRuleEnabled(int row, bool enabled);
    std::optional<QString> replaceRule(int row, const Rule &rule);
    std::optional<QString> addRule(const Rule &rule);
    std::optional<QString> removeRule(int row);
    std::optional<QString> resetToDefaults();

private:
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
};

} // namespace landfall
