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
class QTimer;
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
    QComboBox *ruleFilter() const { return m_ruleFilter; }
    QComboBox *confidenceFilter() const { return m_confidenceFilter; }
    /** The bar that says a filter is on (the moved VMs, or filters hiding every VM), with Clear. */
    QWidget *filterNotice() const { return m_notice; }
    QLabel *filterNoticeText() const { return m_noticeText; }
    /** The ids of the selected VMs, in the order shown. */
    QList<qint64> selectedVmIds() const;
    /** Overrides every selected VM (one undo step); false when none is selected. */
    bool overrideSelection(MigrationPath path, const QString &note);
    /** Clears the override of every selected VM that has one (one undo step). */
    bool clearSelectionOverrides();
    /** Shows only these VMs, saying which they are ("moved by the last rule change"). */
    void showOnlyVms(const QList<qint64> &vmIds, const QString &description);
    /** Clears the search and every filter. */
    void clearFilters();
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
    void updateNotice();
    /** The rules that decided the plan's VMs, with their counts, as the rule filter's choices. */
    void refreshRuleChoices();

    DecisionTableModel *m_model;
    QUndoStack *m_undoStack;
    DecisionFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_pathFilter;
    QComboBox *m_ruleFilter;
    QComboBox *m_confidenceFilter;
    QWidget *m_notice;
    QLabel *m_noticeText;
    QTimer *m_ruleChoicesTimer;
    QString m_idFilterDescription;
    QLabel *m_count;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_overrideButton;
    QPushButton *m_clearButton;
    std::optional<qint64> m_vmKeptAcrossReset; ///< re-selected after a re-classification
};

} // namespace landfall
