#pragma once

#include "advisor/ruleset.h"
#include "domain/result.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace landfall {

class DecisionTableModel;
class ProjectStore;

/** The project's rule set as a table for the rules editor, first match first. Edits replace the
    whole set through setRules() (the undo command calls it), which saves it to the project and
    tells the plan to re-classify. */
class RuleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Enabled, Id, Path, Confidence, Hits, When, Description, ColumnCount };
    Q_ENUM(Column)

    explicit RuleTableModel(QObject *parent = nullptr);

    void setStore(ProjectStore *store);
    /** Reads the rules from the project (the defaults when it has none yet). */
    void reload();
    const RuleSet &rules() const { return m_rules; }
    /** The plan whose decisions the Hits column counts (null for none); not owned. */
    void setPlan(const DecisionTableModel *plan);
    /** How many VMs of the plan rule `row` decides now. */
    int hits(int row) const;
    /** Saves `rules` as the project's and shows them; the error to show when not saved. */
    std::optional<QString> setRules(const RuleSet &rules);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "role is web, app" */
    static QString conditionText(const RuleCondition &condition);
    /** "role is web, app; vcpu atMost 4": the text form of a rule's conditions, one per ';' or line. */
    static QString conditionsText(const QList<RuleCondition> &conditions);
    static Result<QList<RuleCondition>, QString> parseConditions(const QString &text);

Q_SIGNALS:
    /** The project's rules changed: the plan is re-classified. */
    void rulesChanged();

private:
    int hitsOf(const QString &ruleId) const;

    ProjectStore *m_store = nullptr;
    const DecisionTableModel *m_plan = nullptr;
    RuleSet m_rules;
    mutable QHash<QString, int> m_hits; ///< by rule id, counted on first read after the plan changed
    mutable bool m_hitsStale = true;
    bool m_repaintQueued = false;
};

} // namespace landfall
