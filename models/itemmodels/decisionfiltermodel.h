#pragma once

#include "domain/decision.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace landfall {

/** The plan table's filter: a VM name, target or image text, and one migration path. */
class DecisionFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DecisionFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    /** nullopt shows every path. */
    void setPath(std::optional<MigrationPath> path);
    std::optional<MigrationPath> path() const { return m_path; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<MigrationPath> m_path;
};

} // namespace landfall
