#pragma once

#include "domain/workshopanswers.h"
#include "store/storeerror.h"
#include "store/vmlistrow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace landfall {

class DecisionTableModel;
class ProjectStore;

/** The project's VMs as a table for views and charts: one row per VM, read once from the
    store into light rows, with mutators that write through the store for undo commands to call. */
class InventoryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Power,
        OsFamily,
        OsVersion,
        Vcpu,
        MemoryGiB,
        ProvisionedGiB,
        UsedGiB,
        Datacenter,
        Cluster,
        Host,
        IpAddress,
        Path,        ///< the plan's migration path, once setPlan() gave a plan
        FirstAnswer, ///< the workshop attributes follow, in WorkshopAnswers::Attribute order
        ColumnCount = FirstAnswer + WorkshopAnswers::kAttributeCount,
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64: the VM's id in the project
        KeyRole,                   ///< the raw value: a key ("poweredOn", "windows-server") or a number
        AttributeKeyRole,          ///< the workshop attribute a column edits ("role"), empty if none
        AllowedValuesRole,         ///< QStringList: the values an editable column accepts
    };
    Q_ENUM(Role)

    explicit InventoryTableModel(QObject *parent = nullptr);

    /** Shows the VMs of `store` (null for none); the model does not own it. */
    void setStore(ProjectStore *store);
    ProjectStore *store() const { return m_store; }
    /** Reads the VMs again, after something other than this model changed the project. */
    void reload();
    /** The plan whose paths the Path column shows (null for none); the model does not own it. */
    void setPlan(const DecisionTableModel *plan);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Direct access without QVariant, for the proxy's sorting and filtering at 100,000 rows. */
    const VmListRow &vmRow(int row) const { return m_rows[row]; }
    /** The row showing VM `id`, or -1. */
    int rowForId(qint64 id) const { return m_rowOfId.value(id, -1); }
    /** What a row sorts by in a column: the number first, then the text, compared case-folded. */
    struct SortKey {
        double number = 0;
        QString text;
    };
    SortKey sortKey(int row, int column) const;
    /** Each row's place in the ascending order of `column`, rows of equal value sharing one,
        so that a proxy sorts integers: 100,000 rows sort in milliseconds. Made on first use
        and kept until the rows change. Names take the order of the project's name index
        (case-insensitive for ASCII letters, then by id), without comparing a string here. */
    const QList<int> &sortRanks(int column) const;
    /** The ranks of any keys: by number, then by text compared case-folded. */
    static QList<int> ranksOf(const QList<SortKey> &keys);
    /** The raw value of a cell (KeyRole) as text, without QVariant. */
    QString keyAt(int row, int column) const { return keyOf(m_rows[row], column); }
    /** The distinct raw values of a column, sorted, for filter choices. */
    QStringList distinctKeys(int column) const;
    int poweredOnCount() const { return m_poweredOn; }

    static std::optional<WorkshopAnswers::Attribute> attributeForColumn(int column);
    static int columnForAttribute(WorkshopAnswers::Attribute attribute);
    /** What a user reads for a raw value of a column: "Powered on" for "poweredOn", ... */
    static QString displayText(int column, const QString &key);

    /** Writes one workshop attribute for several VMs, as (VM id, value) pairs, through the store;
        on failure nothing changes, writeFailed() is emitted and the error returned. */
    std::optional<StoreError> setAnswers(WorkshopAnswers::Attribute attribute,
                                         const QList<std::pair<qint64, QString>> &values);

Q_SIGNALS:
    void writeFailed(const QString &message);
    /** setAnswers() changed these VMs (after its dataChanged() signals): one signal per edit. */
    void answersChanged(const QList<qint64> &vmIds);

private:
    QString keyOf(const VmListRow &row, int column) const;
    /** The Path column follows the plan: its cells change with every re-classification. */
    void onPlanRowsChanged(int first, int last);
    void onPlanReset();
    /** The ranks of the Name column from the store's name order; empty if it does not fit the rows. */
    QList<int> nameRanksFromStore() const;

    ProjectStore *m_store = nullptr;
    const DecisionTableModel *m_plan = nullptr;
    QList<QMetaObject::Connection> m_planConnections;
    QList<VmListRow> m_rows;
    QHash<qint64, int> m_rowOfId;
    int m_poweredOn = 0;
    mutable QHash<int, QList<int>> m_sortRanks; ///< by column, made by sortRanks()
};

} // namespace landfall
