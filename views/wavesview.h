#pragma once

#include <QWidget>

class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QStandardItemModel;
class QTreeView;
class QUndoStack;

namespace landfall {

class DependencyGraphView;
class ProjectStore;
class WaveGantt;
class WavePlanModel;

/** The Waves page: the move groups and their members, the waves as a Gantt chart, the dependency
    graph of the selected group, and the plan's parameters. Dragging a group to another wave, or
    setting the move group of VMs, is an undoable edit; after a move the page says what it breaks. */
class WavesView : public QWidget {
    Q_OBJECT
public:
    WavesView(QUndoStack *undoStack, QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    WavePlanModel *model() const { return m_model; }
    WaveGantt *gantt() const { return m_gantt; }
    DependencyGraphView *graph() const { return m_graph; }
    QTreeView *groupTree() const { return m_tree; }
    QLabel *issuesLabel() const { return m_issues; }

    /** Moves a group to a wave as one undo step; the issues label says what the move breaks. */
    void moveGroup(const QString &group, int wave);
    /** Sets the explicit move group of VMs as one undo step (a null name clears it). */
    void setMoveGroup(const QList<qint64> &vmIds, const QString &group);
    void selectGroup(const QString &group);
    QString selectedGroup() const { return m_selectedGroup; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void showParameters();
    void applyParameters();
    void importDependencies();
    void askMoveGroup();
    QList<qint64> selectedVmIds() const;

    QUndoStack *m_undoStack;
    WavePlanModel *m_model;
    QStandardItemModel *m_groups;
    QTreeView *m_tree;
    WaveGantt *m_gantt;
    DependencyGraphView *m_graph;
    QLabel *m_summary;
    QLabel *m_issues;
    QSpinBox *m_maxVms;
    QDoubleSpinBox *m_maxTiB;
    QSpinBox *m_waveDays;
    QDoubleSpinBox *m_bandwidth;
    QDateEdit *m_start;
    QSpinBox *m_strongLinks;
    QString m_selectedGroup;
    QString m_moveReport; ///< what the last move broke, shown above the plan's issues
    bool m_showingParameters = false;
    bool m_stale = false; ///< the decisions may have changed since the plan was made
};

} // namespace landfall
