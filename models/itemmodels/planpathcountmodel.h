#pragma once

#include "domain/decision.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <array>

namespace landfall {

class DecisionTableModel;

/** The live plan's VMs per migration path, one row per path (label, VMs; the path's key in
    Qt::UserRole), for the dashboard's donut and the status bar. The rows never change, only
    their counts, so a pie mapper updates its slices in place as VMs are edited. */
class PlanPathCountModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Path, Vms, ColumnCount };
    Q_ENUM(Column)
    static constexpr int kPathCount = 5;

    explicit PlanPathCountModel(DecisionTableModel *decisions, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int count(MigrationPath path) const { return m_counts[static_cast<size_t>(path)]; }
    static MigrationPath pathAt(int row) { return static_cast<MigrationPath>(row); }

public Q_SLOTS:
    void recount();

private:
    QPointer<DecisionTableModel> m_decisions;
    std::array<int, kPathCount> m_counts{};
};

} // namespace landfall
