#pragma once

#include "domain/decision.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace landfall {

class DecisionFilterModel;
class DecisionTableModel;

/** The plan: each VM's path, target, base image, isolation and confidence, with the selected
    VM's rule trace, conditions and reason beside it, and the consultant's override. */
class PlanView : public QWidget {
    Q_OBJECT
public:
    PlanView(DecisionTableModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    DecisionFilterModel *filterModel() const { return m_filter; }
    QTextBrowser *detail() const { return m_detail; }
    QComboBox *pathFilter() const { return m_pathFilter; }
    /** The VM of the current row, or nullopt. */
    std::optional<qint64> currentVmId() const;
    void selectVm(qint64 vmId);
    /** Overrides the current VM (as the dialog would); false when no VM is selected. */
    bool overrideCurrent(MigrationPath path, const QString &note);
    bool clearCurrentOverride();
    void focusSearch();
    /** Back to a fresh view for another project: no filter, sorted by name, nothing selected. */
    void resetForNewProject();

private:
    void showCurrent();
    void openOverrideDialog();
    void updateButtons();
    void updateCount();

    DecisionTableModel *m_model;
    QUndoStack *m_undoStack;
    DecisionFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_pathFilter;
    QLabel *m_count;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_overrideButton;
    QPushButton *m_clearButton;
    std::optional<qint64> m_vmKeptAcrossReset; ///< re-selected after a re-classification
};

} // namespace landfall
