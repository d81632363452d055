#pragma once

#include <QSortFilterProxyModel>

namespace landfall {

/** The scenarios ticked for comparison, for the side-by-side table and the grouped bars. */
class ComparedScenariosModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ComparedScenariosModel(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

} // namespace landfall
