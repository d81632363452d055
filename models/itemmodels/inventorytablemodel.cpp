#include "inventorytablemodel.h"

#include <numeric>

#include "decisiontablemodel.h"
#include "domain/osinfo.h"
#include "store/projectstore.h"

#include <QBrush>
#include <QColor>
#include <QSet>

#include <algorithm>

namespace landfall {

namespace {

constexpr double kMiBPerGiB = 1024.0;

QString gib(double mib)
{
    return QStringLiteral("%L1").arg(mib / kMiBPerGiB, 0, 'f', 1);
}

/** The number a version starts with, or -1 when none: "2008 R2" gives 2008. */
double leadingNumber(const QString &text)
{
    qsizetype end = 0;
    while (end < text.size() && (text[end].isDigit() || text[end] == u'.'))
        ++end;
    return end == 0 ? -1.0 : QStringView(text).left(end).toDouble();
}

} // namespace

InventoryTableModel::InventoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void InventoryTableModel::setStore(ProjectStore *store)
{
    m_store = store;
    reload();
}

void InventoryTableModel::reload()
{
    beginResetModel();
    m_sortRanks.clear();
    m_rows = m_store ? m_store->vmListRows() : QList<VmListRow>{};
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_rowOfId.insert(m_rows[row].id, row);
    m_poweredOn = int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                    [](const VmListRow &row) { return row.powerState == PowerState::On; }));
    endResetModel();
}

void InventoryTableModel::setPlan(const DecisionTableModel *plan)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_planConnections))
        disconnect(connection);
    m_planConnections.clear();
    m_plan = plan;
    if (plan) {
        m_planConnections.append(connect(plan, &QAbstractItemModel::dataChanged, this,
                                         [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                                             onPlanRowsChanged(topLeft.row(), bottomRight.row());
                                         }));
        m_planConnections.append(
            connect(plan, &QAbstractItemModel::modelReset, this, &InventoryTableModel::onPlanReset));
        m_planConnections.append(connect(plan, &QObject::destroyed, this, [this]() { setPlan(nullptr); }));
    }
    onPlanReset();
}

void InventoryTableModel::onPlanRowsChanged(int first, int last)
{
    if (!m_plan)
        return;
    m_sortRanks.remove(Path);
    for (int planRow = first; planRow <= last && planRow < m_plan->rowCount(); ++planRow) {
        const int row = rowForId(m_plan->decision(planRow).vmId);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, Path), index(row, Path));
    }
}

void InventoryTableModel::onPlanReset()
{
    m_sortRanks.remove(Path);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Path), index(rowCount() - 1, Path));
}

int InventoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InventoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<WorkshopAnswers::Attribute> InventoryTableModel::attributeForColumn(int column)
{
    if (column < FirstAnswer || column >= ColumnCount)
        return std::nullopt;
    return WorkshopAnswers::attributes()[size_t(column - FirstAnswer)];
}

int InventoryTableModel::columnForAttribute(WorkshopAnswers::Attribute attribute)
{
    return FirstAnswer + static_cast<int>(attribute);
}

QString InventoryTableModel::keyOf(const VmListRow &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case Power:
        return powerStateKey(row.powerState);
    case OsFamily:
        return row.osFamily;
    case OsVersion:
        return row.osVersion;
    case Datacenter:
        return row.datacenter;
    case Cluster:
        return row.cluster;
    case Host:
        return row.host;
    case IpAddress:
        return row.ipAddress;
    case Path: {
        const int planRow = m_plan ? m_plan->rowForId(row.id) : -1;
        return planRow < 0 ? QString() : migrationPathKey(m_plan->decision(planRow).path);
    }
    default:
        if (const auto attribute = attributeForColumn(column))
            return row.answer(*attribute);
        return {};
    }
}

QString InventoryTableModel::displayText(int column, const QString &key)
{
    if (column == Power) {
        if (key == QLatin1String("poweredOn"))
            return tr("Powered on");
        if (key == QLatin1String("poweredOff"))
            return tr("Powered off");
        if (key == QLatin1String("suspended"))
            return tr("Suspended");
        return tr("Unknown");
    }
    if (column == OsFamily)
        return OsInfo::familyName(key);
    if (column == Path) {
        const std::optional<MigrationPath> path = migrationPathFromKey(key);
        return path ? DecisionTableModel::pathText(*path) : tr("(not classified)");
    }
    if ((column == Cluster || column == Datacenter || column == Host) && key.isEmpty())
        return tr("(none)");
    return key;
}

QVariant InventoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VmListRow &row = m_rows[index.row()];
    const int column = index.column();
    const auto attribute = attributeForColumn(column);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Vcpu:
            return row.vcpu;
        case MemoryGiB:
            return gib(row.memoryMiB);
        case ProvisionedGiB:
            return gib(row.provisionedMiB);
        case UsedGiB:
            return row.usedKnown ? gib(row.usedMiB) : tr("unknown");
        case Power:
        case OsFamily:
        case Path:
            return displayText(column, keyOf(row, column));
        default:
            return keyOf(row, column);
        }
    case Qt::EditRole:
    case KeyRole:
        switch (column) {
        case Vcpu:
            return row.vcpu;
        case MemoryGiB:
            return row.memoryMiB / kMiBPerGiB;
        case ProvisionedGiB:
            return row.provisionedMiB / kMiBPerGiB;
        case UsedGiB:
            return row.usedKnown ? QVariant(row.usedMiB / kMiBPerGiB) : QVariant();
        default:
            return keyOf(row, column);
        }
    case Qt::TextAlignmentRole:
        if (column >= Vcpu && column <= UsedGiB)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // Unanswered questions are greyed, so what the workshop still has to ask stands out.
        if (attribute && row.answer(*attribute) == WorkshopAnswers::unknownValue(*attribute))
            return QBrush(QColor(0x8a, 0x8f, 0x98));
        if (column == Power && row.powerState != PowerState::On)
            return QBrush(QColor(0x8a, 0x8f, 0x98));
        if (column == UsedGiB && !row.usedKnown)
            return QBrush(QColor(0x8a, 0x8f, 0x98));
        return {};
    case Qt::ToolTipRole:
        if (attribute)
            return tr("%1 of %2: double-click or press F2 to change").arg(WorkshopAnswers::key(*attribute), row.name);
        if (column == UsedGiB && !row.usedKnown)
            return tr("The inventory did not give the used disk of %1.").arg(row.name);
        return {};
    case IdRole:
        return row.id;
    case AttributeKeyRole:
        return attribute ? WorkshopAnswers::key(*attribute) : QString();
    case AllowedValuesRole:
        return attribute ? WorkshopAnswers::allowedValues(*attribute) : QStringList();
    default:
        return {};
    }
}

QVariant InventoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && attributeForColumn(section))
        return tr("A workshop answer: editable");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Power:
        return tr("Power");
    case OsFamily:
        return tr("OS family");
    case OsVersion:
        return tr("OS version");
    case Vcpu:
        return tr("vCPU");
    case MemoryGiB:
        return tr("Memory GiB");
    case ProvisionedGiB:
        return tr("Provisioned GiB");
    case UsedGiB:
        return tr("Used GiB");
    case Datacenter:
        return tr("Datacenter");
    case Cluster:
        return tr("Cluster");
    case Host:
        return tr("Host");
    case IpAddress:
        return tr("IP address");
    case Path:
        return tr("Path");
    default:
        break;
    }
    switch (*attributeForColumn(section)) {
    case WorkshopAnswers::Attribute::Role:
        return tr("Role");
    case WorkshopAnswers::Attribute::Stack:
        return tr("Stack");
    case WorkshopAnswers::Attribute::Gui:
        return tr("GUI");
    case WorkshopAnswers::Attribute::KernelDriver:
        return tr("Kernel driver");
    case WorkshopAnswers::Attribute::WindowsAuth:
        return tr("Windows auth");
    case WorkshopAnswers::Attribute::SourceAvailable:
        return tr("Source available");
    case WorkshopAnswers::Attribute::ChangeRate:
        return tr("Change rate");
    case WorkshopAnswers::Attribute::Trust:
        return tr("Trust");
    case WorkshopAnswers::Attribute::Decommission:
        return tr("Decommission");
    case WorkshopAnswers::Attribute::MustStayOnPrem:
        return tr("Must stay on-prem");
    }
    return {};
}

Qt::ItemFlags InventoryTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (attributeForColumn(index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QHash<int, QByteArray> InventoryTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "vmId");
    names.insert(KeyRole, "key");
    names.insert(AttributeKeyRole, "attributeKey");
    names.insert(AllowedValuesRole, "allowedValues");
    return names;
}

InventoryTableModel::SortKey InventoryTableModel::sortKey(int rowIndex, int column) const
{
    const VmListRow &row = m_rows[rowIndex];
    switch (column) {
    case Vcpu:
        return {double(row.vcpu), {}};
    case MemoryGiB:
        return {row.memoryMiB, {}};
    case ProvisionedGiB:
        return {row.provisionedMiB, {}};
    case UsedGiB:
        // Unknown below every figure (0 included): first in ascending order, last in descending.
        return {row.usedKnown ? row.usedMiB : -1.0, {}};
    case Power:
        return {double(row.powerState), {}};
    case Path: {
        // In the plan's order (rehost to retain), as the plan view sorts; unclassified first.
        const int planRow = m_plan ? m_plan->rowForId(row.id) : -1;
        return {planRow < 0 ? -1.0 : double(m_plan->decision(planRow).path), {}};
    }
    case OsVersion:
        // "8" < "22.04" and "2008 R2" < "2012": by the leading number first, as a person reads versions.
        return {leadingNumber(row.osVersion), row.osVersion};
    default:
        return {0.0, keyOf(row, column)};
    }
}

const QList<int> &InventoryTableModel::sortRanks(int column) const
{
    const auto cached = m_sortRanks.constFind(column);
    if (cached != m_sortRanks.cend())
        return *cached;
    QList<int> ranks = column == Name ? nameRanksFromStore() : QList<int>{};
    if (ranks.isEmpty() && !m_rows.isEmpty()) {
        QList<SortKey> keys;
        keys.reserve(m_rows.size());
        // A version's leading number is read once per distinct version, not once per row.
        QHash<QString, SortKey> versionKeys;
        for (int row = 0; row < int(m_rows.size()); ++row) {
            if (column != OsVersion) {
                keys.append(sortKey(row, column));
                continue;
            }
            auto known = versionKeys.constFind(m_rows[row].osVersion);
            if (known == versionKeys.cend())
                known = versionKeys.insert(m_rows[row].osVersion, sortKey(row, column));
            keys.append(*known);
        }
        ranks = ranksOf(keys);
    }
    return *m_sortRanks.insert(column, std::move(ranks));
}

QList<int> InventoryTableModel::nameRanksFromStore() const
{
    if (!m_store)
        return {};
    const QList<qint64> ids = m_store->vmIdsInNameOrder();
    if (ids.size() != m_rows.size())
        return {}; // the file changed under us: sort by comparing the names instead
    QList<int> ranks(m_rows.size(), -1);
    int rank = 0;
    for (qint64 id : ids) {
        const int row = rowForId(id);
        if (row < 0 || ranks[row] >= 0)
            return {};
        ranks[row] = rank++;
    }
    return ranks;
}

QList<int> InventoryTableModel::ranksOf(const QList<SortKey> &keys)
{
    const int count = int(keys.size());
    // Few distinct texts (clusters, OS, answers): fold and order each once, then compare integers.
    // Many (addresses): fold every row's text once, then compare the folded texts.
    constexpr qsizetype kFewTexts = 4096;
    QHash<QString, int> textRank;
    for (const SortKey &key : keys) {
        if (!key.text.isEmpty())
            textRank.insert(key.text, 0);
        if (textRank.size() > kFewTexts)
            break;
    }
    const bool fewTexts = textRank.size() <= kFewTexts;
    QList<int> rankOfText;
    QStringList folded;
    if (fewTexts) {
        QList<std::pair<QString, QString>> order; // (folded, original)
        for (auto it = textRank.cbegin(); it != textRank.cend(); ++it)
            order.append({it.key().toCaseFolded(), it.key()});
        std::sort(order.begin(), order.end());
        for (int i = 0; i < int(order.size()); ++i)
            textRank[order[i].second] = i + 1; // the empty text ranks 0, first
        rankOfText.resize(count);
        for (int row = 0; row < count; ++row)
            rankOfText[row] = keys[row].text.isEmpty() ? 0 : textRank.value(keys[row].text);
    } else {
        folded.reserve(count);
        for (const SortKey &key : keys)
            folded.append(key.text.toCaseFolded());
    }
    const auto less = [&](int left, int right) {
        if (keys[left].number != keys[right].number)
            return keys[left].number < keys[right].number;
        return fewTexts ? rankOfText[left] < rankOfText[right] : folded[left] < folded[right];
    };
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), less);
    QList<int> ranks(count);
    int rank = 0;
    for (int i = 0; i < count; ++i) {
        if (i > 0 && less(order[i - 1], order[i]))
            rank = i;
        ranks[order[i]] = rank;
    }
    return ranks;
}

QStringList InventoryTableModel::distinctKeys(int column) const
{
    QSet<QString> keys;
    for (const VmListRow &row : m_rows)
        keys.insert(keyOf(row, column));
    QStringList list(keys.cbegin(), keys.cend());
    std::sort(list.begin(), list.end(),
              [](const QString &a, const QString &b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });
    return list;
}

std::optional<StoreError> InventoryTableModel::setAnswers(WorkshopAnswers::Attribute attribute,
                                                          const QList<std::pair<qint64, QString>> &values)
{
    if (!m_store) {
        const StoreError error{StoreError::Kind::Failed, tr("No project is open.")};
        Q_EMIT writeFailed(error.message);
        return error;
    }
    if (std::optional<StoreError> error = m_store->setWorkshopAnswer(attribute, values)) {
        Q_EMIT writeFailed(error->message);
        return error;
    }
    const int column = columnForAttribute(attribute);
    m_sortRanks.remove(column);
    const size_t slot = static_cast<size_t>(attribute);
    QList<int> changed;
    for (const auto &[id, value] : values) {
        const int row = rowForId(id);
        if (row < 0)
            continue;
        m_rows[row].answers[slot] = value;
        changed.append(row);
    }
    // One signal per run of adjacent rows: a proxy re-examines every row of a range it is given.
    std::sort(changed.begin(), changed.end());
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed[j + 1] <= changed[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(changed[i], column), index(changed[j], column));
        i = j + 1;
    }
    QList<qint64> ids;
    ids.reserve(changed.size());
    for (int row : std::as_const(changed))
        ids.append(m_rows[row].id);
    Q_EMIT answersChanged(ids);
    return std::nullopt;
}

} // namespace landfall
