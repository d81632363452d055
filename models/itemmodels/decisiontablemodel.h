#pragma once

#include "advisor/manualoverride.h"
#include "advisor/ruleset.h"
#include "density/workload.h"
#include "domain/decision.h"
#include "domain/vm.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>

#include <memory>
#include <optional>

namespace landfall {

class MigrationAdvisor;
class ProjectStore;

/** The plan: every VM with the advisor's decision, as a table for the plan view, its detail panel
    and the charts. It keeps the VMs and a compiled advisor in memory so that one edited VM is
    re-classified on its own, well within the 100 ms a live workshop allows at 10,000 VMs. */
class DecisionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Path, Target, BaseImage, Isolation, Confidence, Override, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64: the VM's id
        KeyRole,                   ///< the raw key of Path, Isolation and Confidence ("containerize")
    };
    Q_ENUM(Role)

    explicit DecisionTableModel(QObject *parent = nullptr);
    ~DecisionTableModel() override;

    /** Shows the plan of `store` (null for none), classifying it with the project's rules. */
    void setStore(ProjectStore *store);
    /** Like setStore(), but the VMs are read and classified on the thread pool, as the window
        opens a project: the plan is empty, and loading() true, until loadingChanged(false). */
    void setStoreInBackground(ProjectStore *store);
    bool loading() const { return m_loading; }
    ProjectStore *store() const { return m_store; }

    /** Reads the VMs again and re-classifies the whole project (after an import or a rule
        change), at once. */
    void reload();
    /** Re-classifies the VMs of these ids from the project file, one by one. */
    void reclassifyVms(const QList<qint64> &vmIds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Decision &decision(int row) const { return m_decisions[row]; }
    const Vm &vm(int row) const { return m_vms[row]; }
    int rowForId(qint64 id) const { return m_rowOfId.value(id, -1); }
    std::optional<ManualOverride> manualOverride(qint64 vmId) const;
    /** VMs per path, from the decisions in memory. */
    QMap<MigrationPath, int> pathCounts() const;
    /** The VMs each rule decided, by the rule's id ("override" and "none" included). */
    QHash<QString, int> ruleHitCounts() const;
    /** Every VM's path, for telling afterwards which VMs a change moved. */
    QHash<qint64, MigrationPath> pathsByVm() const;
    /** The rule that decided: the first of the trace ("override" when set by hand, "none"). */
    static QString decidingRule(const Decision &decision);
    /** The containerized VMs as the density engine's workloads. */
    QList<Workload> containerWorkloads() const;
    /** The last classification problem (a broken rule set), empty when none. */
    QString problem() const { return m_problem; }

    /** Sets (a path) or clears (nullopt) a VM's override and re-classifies that VM; the error
        to show when the project could not be written. The undo command calls this. */
    std::optional<QString> setManualOverride(qint64 vmId, const std::optional<ManualOverride> &manualOverride);

    static QString pathText(MigrationPath path);
    static QString isolationText(landfall::Isolation isolation);
    static QString confidenceText(landfall::Confidence confidence);

Q_SIGNALS:
    /** Some decisions changed (one VM, or all of them). */
    void decisionsChanged();
    /** The background load that setStoreInBackground() started began (true) or landed (false). */
    void loadingChanged(bool loading);

private:
    bool rebuildAdvisor();
    void installPlan(QList<Vm> vms, QHash<QString, ManualOverride> overrides, QList<Decision> decisions,
                     const QString &problem);

    ProjectStore *m_store = nullptr;
    std::unique_ptr<MigrationAdvisor> m_advisor;
    QList<Vm> m_vms;
    QList<Decision> m_decisions; ///< by row, like m_vms
    QHash<qint64, int> m_rowOfId;
    QHash<QString, ManualOverride> m_overrides;
    QString m_problem;
    bool m_loading = false;
    quint64 m_loadGeneration = 0;       ///< a load whose generation is past lands nowhere
    QList<qint64> m_editedWhileLoading; ///< VMs to re-classify once the load lands
    QFuture<void> m_runningLoad;        ///< the background load, which also writes the plan
};

} // namespace landfall
