#pragma once

#include "frozencolumntable.h"

#include "domain/workshopanswers.h"

#include <QAbstractItemView>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;
class QUndoStack;

namespace landfall {

class DecisionTableModel;
class InventoryFilterModel;
class InventoryTableModel;
class WorkshopAnswerDelegate;

/** The inventory as a sortable, filterable table where the consultant answers the workshop
    questions, one VM at a time or for a whole selection, every edit an undo step. */
class InventoryView : public QWidget {
    Q_OBJECT
public:
    InventoryView(InventoryTableModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    FrozenColumnTable *table() const { return m_table; }
    InventoryFilterModel *filterModel() const { return m_filter; }
    QLineEdit *searchField() const { return m_search; }

    /** The ids of the selected VMs, in the order shown. */
    QList<qint64> selectedVmIds() const;
    /** Sets one answer on every selected VM, as one undo step; false when nothing changed. */
    bool setAnswerOnSelection(WorkshopAnswers::Attribute attribute, const QString &value);
    /** A menu "attribute > value" acting on the selection, for the Edit menu and the context menu. */
    QMenu *createSetAnswerMenu(QWidget *parent);
    /** The column chooser, for the View menu and the header's context menu: every column but
        the frozen name can be shown or hidden. */
    QMenu *createColumnMenu(QWidget *parent);
    void setColumnShown(int column, bool shown);
    /** The columns shown, in the order shown (logical indexes). */
    QList<int> shownColumns() const;
    /** Puts the selected rows on the clipboard as tab-separated text, the column names first,
        the columns as shown (Ctrl+C); returns the text. */
    QString copySelection();
    /** Pastes tab-separated answers from the current cell rightwards onto the selected VMs (one
        line for all of them, or one per VM), or from the current VM down: one undo step. False,
        with the reason shown under the grid, when refused or when nothing changes. */
    bool pasteText(const QString &text);
    /** The line under the grid with what the shown rows add up to. */
    QLabel *totals() const { return m_totals; }
    /** The line under the grid saying what a copy or paste did, or why not. */
    QLabel *message() const { return m_message; }
    /** Puts the keyboard in the search field, ready to type over. */
    void focusSearch();
    /** Commits an editor left open, so closing the window loses no choice. */
    void commitPendingEdit();
    /** Blocks edits while something else writes to the project (an import). */
    void setEditable(bool editable);
    /** Fills the filter choices from the model's values again (after a reload). */
    void refreshFilterChoices();
    /** The plan whose paths the path filter offers; until it is set, that filter is disabled. */
    void setPlan(const DecisionTableModel *plan);
    /** Clears the search and every filter; the selection follows the rows still shown. */
    void clearFilters();
    /** Back to a fresh view for another project: no filter, sorted by name, nothing selected. */
    void resetForNewProject();
    /** The bar saying that the filters hide every VM, with a button to clear them. */
    QWidget *noMatchBar() const { return m_noMatch; }

Q_SIGNALS:
    /** The shown, selected or total counts changed. */
    void countsChanged();

private:
    void setupFilterBar(QWidget *bar);
    void fillChoices(QComboBox *combo, int column, const QString &allLabel);
    /** Filters by the chosen path again, from the plan's current decisions. */
    void applyPathFilter();
    void applyAnswer(const QModelIndex &proxyIndex, const QString &value);
    void updateNoMatchBar();
    void updateTotals();
    QAbstractItemView::EditTriggers editTriggers() const;

    InventoryTableModel *m_model;
    InventoryFilterModel *m_filter;
    QUndoStack *m_undoStack;
    FrozenColumnTable *m_table;
    WorkshopAnswerDelegate *m_delegate;
    QLineEdit *m_search = nullptr;
    QComboBox *m_osFamily = nullptr;
    QComboBox *m_cluster = nullptr;
    QComboBox *m_power = nullptr;
    QComboBox *m_path = nullptr;
    QWidget *m_noMatch = nullptr;
    QLabel *m_noMatchText = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_totalsTimer = nullptr;
    const DecisionTableModel *m_plan = nullptr;
    bool m_editable = true;
};

} // namespace landfall
