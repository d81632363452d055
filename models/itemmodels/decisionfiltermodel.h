#pragma once

#include "domain/decision.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace landfall {

class DecisionTableModel;

/** The plan table's filter: a VM name, target or image text, and one migration path. It sorts
    by the decisions themselves, not through QVariant: 100,000 rows sort in a fraction of the time,
    and paths, isolation and confidence in their own order (rehost to retain, high to low). */
class DecisionFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DecisionFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    /** nullopt shows every path. */
    void setPath(std::optional<MigrationPath> path);
    std::optional<MigrationPath> path() const { return m_path; }
    /** Only the VMs the rule of this id decided ("override" for those set by hand, "none" for
        those no rule matched); empty shows every rule's. */
    void setRuleId(const QString &ruleId);
    QString ruleId() const { return m_ruleId; }
    /** nullopt shows every confidence. */
    void setConfidence(std::optional<landfall::Confidence> confidence);
    std::optional<landfall::Confidence> confidence() const { return m_confidence; }
    /** Only the VMs of these ids (those a rule change moved, say); nullopt clears it. */
    void setIdFilter(const std::optional<QSet<qint64>> &ids);
    bool hasIdFilter() const { return m_ids.has_value(); }
    /** True when some filter is set. */
    bool isFiltering() const;
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const DecisionTableModel *m_plan = nullptr; ///< the source, when it is the plan
    QString m_text;
    std::optional<MigrationPath> m_path;
    QString m_ruleId;
    std::optional<landfall::Confidence> m_confidence;
    std::optional<QSet<qint64>> m_ids;
};

} // namespace landfall
