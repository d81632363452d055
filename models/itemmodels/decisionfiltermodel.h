#pragma once

#include "domain/decision.h"

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
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const DecisionTableModel *m_plan = nullptr; ///< the source, when it is the plan
    QString m_text;
    std::optional<MigrationPath> m_path;
};

} // namespace landfall
