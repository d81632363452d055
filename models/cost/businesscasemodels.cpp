#include "businesscasemodels.h"

#include <QLocale>

namespace landfall {

namespace {

QString pathTitle(MigrationPath path)
{
    switch (path) {
    case MigrationPath::Rehost:
        return QObject::tr("Rehost");
    case MigrationPath::Containerize:
        return QObject::tr("Containerize");
    case MigrationPath::CloudNative:
        return QObject::tr("Cloud native");
    case MigrationPath::Retire:
        return QObject::tr("Retire");
    case MigrationPath::Retain:
        return QObject::tr("Retain");
    }
    return {};
}

} // namespace

// CostByPathModel ----------------------------------------------------------------------------

void CostByPathModel::setBusinessCase(const BusinessCase &bc)
{
    beginResetModel();
    m_rows[0] = bc.beforeByPath;
    m_rows[1] = bc.byPath;
    m_currency = bc.currency;
    m_empty = false;
    endResetModel();
}

int CostByPathModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_empty ? 0 : 2;
}

int CostByPathModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CostByPathModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    if (index.column() == Label)
        return index.row() == 0 ? tr("Today") : tr("After");
    return m_rows[index.row()].value(pathOf(index.column())) / 1000.0;
}

QVariant CostByPathModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Label ? tr("When") : pathTitle(pathOf(section));
}

// CostTimelineModel --------------------------------------------------------------------------

void CostTimelineModel::setBusinessCase(const BusinessCase &bc)
{
    beginResetModel();
    m_staying = bc.cumulativeBefore;
    m_moving = bc.cumulativeAfter;
    m_payback = bc.paybackMonth;
    m_currency = bc.currency;
    endResetModel();
}

int CostTimelineModel::rowCount(const QModelIndex &parent) const
{
    // Month 0, where both lines start, and then every month of the horizon.
    return parent.isValid() || m_staying.isEmpty() ? 0 : int(m_staying.size()) + 1;
}

int CostTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CostTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const int row = index.row();
    switch (index.column()) {
    case Month:
        return row;
    case Staying:
        return row == 0 ? 0.0 : m_staying[row - 1] / 1000.0;
    case Moving:
        return row == 0 ? 0.0 : m_moving[row - 1] / 1000.0;
    default:
        return {};
    }
}

QVariant CostTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Month:
        return tr("Month");
    case Staying:
        return tr("Staying as today");
    case Moving:
        return tr("Moving");
    default:
        return {};
    }
}

// VmCostTableModel ---------------------------------------------------------------------------

void VmCostTableModel::setBusinessCase(const BusinessCase &bc, const PriceBook &book)
{
    beginResetModel();
    m_vms = bc.vms;
    m_book = book;
    m_provisionedOnly = !bc.anyUtilisation;
    endResetModel();
}

int VmCostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vms.size());
}

int VmCostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VmCostTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const VmCost &vm = m_vms[index.row()];
    const bool rehost = vm.path == MigrationPath::Rehost;
    if (role == Qt::TextAlignmentRole) {
        const bool money = index.column() == Monthly || index.column() == Today || index.column() == ProvisionedMonthly;
        return QVariant::fromValue(money ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Monthly:
            return vm.monthly;
        case Today:
            return vm.before;
        case ProvisionedMonthly:
            return rehost ? vm.provisionedMonthly : 0.0;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && index.column() == Monthly && m_provisionedOnly)
        return tr("At provisioned size: no VM has utilisation data.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return vm.name;
    case Path:
        return pathTitle(vm.path);
    case Sku:
        return vm.sku;
    case Monthly:
        return m_book.formatMoney(vm.monthly);
    case Today:
        return m_book.formatMoney(vm.before);
    case PricedAs:
        return vm.target;
    case ProvisionedSku:
        return rehost ? vm.provisionedSku : QString();
    case ProvisionedMonthly:
        return rehost ? m_book.formatMoney(vm.provisionedMonthly) : QString();
    default:
        return {};
    }
}

QVariant VmCostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("VM");
    case Path:
        return tr("Path");
    case Sku:
        return tr("Size");
    case Monthly:
        return m_provisionedOnly ? tr("A month after (provisioned size)") : tr("A month after");
    case Today:
        return tr("A month today");
    case PricedAs:
        return tr("Priced as");
    case ProvisionedSku:
        return tr("Size as provisioned");
    case ProvisionedMonthly:
        return tr("A month as provisioned");
    default:
        return {};
    }
}

// PriceBookSkuModel --------------------------------------------------------------------------

void PriceBookSkuModel::setSkus(const QList<VmSku> &skus)
{
    beginResetModel();
    m_skus = skus;
    endResetModel();
}

int PriceBookSkuModel::addSku(int row)
{
    VmSku sku = row >= 0 && row < m_skus.size() ? m_skus[row] : (m_skus.isEmpty() ? VmSku() : m_skus.constLast());
    if (sku.vcpu < 1) {
        sku.vcpu = 2;
        sku.memoryGiB = 8;
    }
    QString name = sku.name.isEmpty() ? QStringLiteral("new size") : sku.name + QStringLiteral(" copy");
    for (int n = 2; std::any_of(m_skus.cbegin(), m_skus.cend(), [&](const VmSku &s) { return s.name == name; }); ++n)
        name = sku.name + QStringLiteral(" copy %1").arg(n);
    sku.name = name;
    sku.source = tr("edited by hand");
    sku.date.clear();
    const int at = row >= 0 && row < m_skus.size() ? row + 1 : int(m_skus.size());
    beginInsertRows({}, at, at);
    m_skus.insert(at, sku);
    endInsertRows();
    Q_EMIT skusEdited();
    return at;
}

void PriceBookSkuModel::removeSku(int row)
{
    if (row < 0 || row >= m_skus.size() || m_skus.size() == 1)
        return; // a book always keeps one size
    beginRemoveRows({}, row, row);
    m_skus.removeAt(row);
    endRemoveRows();
    Q_EMIT skusEdited();
}

int PriceBookSkuModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_skus.size());
}

int PriceBookSkuModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceBookSkuModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const VmSku &s = m_skus[index.row()];
    if (role == Qt::CheckStateRole) {
        if (index.column() == Gpu)
            return s.gpu ? Qt::Checked : Qt::Unchecked;
        if (index.column() == Nested)
            return s.nestedVirtualisation ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::ToolTipRole)
        return s.source.isEmpty() ? QVariant() : QVariant(s.source + (s.date.isEmpty() ? QString() : u", " + s.date));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    switch (index.column()) {
    case Name:
        return s.name;
    case Series:
        return s.series;
    case Vcpu:
        return s.vcpu;
    case MemoryGiB:
        return s.memoryGiB;
    case LinuxHourly:
        return edit ? QVariant(s.linuxHourly) : QVariant(QLocale().toString(s.linuxHourly, 'f', 4));
    case WindowsHourly:
        return edit ? QVariant(s.windowsHourly) : QVariant(QLocale().toString(s.windowsHourly, 'f', 4));
    default:
        return {};
    }
}

QVariant PriceBookSkuModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Size");
    case Series:
        return tr("Series");
    case Vcpu:
        return tr("vCPU");
    case MemoryGiB:
        return tr("Memory GiB");
    case LinuxHourly:
        return tr("Linux an hour");
    case WindowsHourly:
        return tr("Windows an hour");
    case Gpu:
        return tr("GPU");
    case Nested:
        return tr("Nested virtualisation");
    default:
        return {};
    }
}

Qt::ItemFlags PriceBookSkuModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == Gpu || index.column() == Nested)
        return base | Qt::ItemIsUserCheckable;
    return base | Qt::ItemIsEditable;
}

bool PriceBookSkuModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    VmSku s = m_skus[index.row()];
    bool ok = true;
    if (role == Qt::CheckStateRole) {
        const bool on = value.toInt() == Qt::Checked;
        if (index.column() == Gpu)
            s.gpu = on;
        else if (index.column() == Nested)
            s.nestedVirtualisation = on;
        else
            return false;
    } else if (role == Qt::EditRole) {
        switch (index.column()) {
        case Name: {
            const QString name = value.toString().trimmed();
            const bool taken = std::any_of(m_skus.cbegin(), m_skus.cend(), [&](const VmSku &other) {
                return &other != &m_skus[index.row()] && other.name.compare(name, Qt::CaseInsensitive) == 0;
            });
            if (name.isEmpty() || taken)
                return false;
            s.name = name;
            break;
        }
        case Series:
            s.series = value.toString();
            break;
        case Vcpu:
            s.vcpu = value.toInt(&ok);
            ok = ok && s.vcpu >= 1;
            break;
        case MemoryGiB:
            s.memoryGiB = value.toDouble(&ok);
            ok = ok && s.memoryGiB > 0;
            break;
        case LinuxHourly:
            s.linuxHourly = value.toDouble(&ok);
            ok = ok && s.linuxHourly >= 0 && s.linuxHourly <= s.windowsHourly;
            break;
        case WindowsHourly:
            s.windowsHourly = value.toDouble(&ok);
            ok = ok && s.windowsHourly >= s.linuxHourly;
            break;
        default:
            return false;
        }
    } else {
        return false;
    }
    if (!ok)
        return false;
    s.source = tr("edited by hand");
    s.date.clear();
    m_skus[index.row()] = s;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT skusEdited();
    return true;
}

} // namespace landfall
