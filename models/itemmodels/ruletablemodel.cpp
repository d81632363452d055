#include "ruletablemodel.h"

#include "decisiontablemodel.h"

#include "advisor/projectadvisor.h"
#include "advisor/rulesetjson.h"
#include "store/projectstore.h"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

namespace landfall {

RuleTableModel::RuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RuleTableModel::setStore(ProjectStore *store)
{
    m_store = store;
    reload();
}

void RuleTableModel::reload()
{
    beginResetModel();
    m_rules = RuleSet::defaults();
    if (m_store) {
        Result<RuleSet, AdvisorError> rules = ProjectAdvisor(*m_store).rules();
        if (rules)
            m_rules = rules.value();
    }
    endResetModel();
}

std::optional<QString> RuleTableModel::setRules(const RuleSet &rules)
{
    if (!m_store)
        return tr("No project is open.");
    // Only the rules are written here; the plan model re-classifies once, on rulesChanged().
    if (std::optional<StoreError> error =
            m_store->setSetting(QLatin1String(ProjectAdvisor::kRulesKey), QString::fromUtf8(RuleSetJson::write(rules))))
        return error->message;
    beginResetModel();
    m_rules = rules;
    endResetModel();
    Q_EMIT rulesChanged();
    return std::nullopt;
}

void RuleTableModel::setPlan(const DecisionTableModel *plan)
{
    if (m_plan)
        disconnect(m_plan, nullptr, this, nullptr);
    m_plan = plan;
    if (plan) {
        // Counted when next read, and shown once per turn of the event loop: a bulk override
        // re-classifies VM by VM.
        connect(plan, &DecisionTableModel::decisionsChanged, this, [this]() {
            m_hitsStale = true;
            if (!m_repaintQueued) {
                m_repaintQueued = true;
                QMetaObject::invokeMethod(
                    this,
                    [this]() {
                        m_repaintQueued = false;
                        if (rowCount() > 0)
                            Q_EMIT dataChanged(index(0, Hits), index(rowCount() - 1, Hits));
                    },
                    Qt::QueuedConnection);
            }
        });
        connect(plan, &QObject::destroyed, this, [this]() {
            m_plan = nullptr;
            m_hitsStale = true;
        });
    }
    m_hitsStale = true;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Hits), index(rowCount() - 1, Hits));
}

int RuleTableModel::hitsOf(const QString &ruleId) const
{
    if (m_hitsStale) {
        m_hits = m_plan ? m_plan->ruleHitCounts() : QHash<QString, int>{};
        m_hitsStale = false;
    }
    return m_hits.value(ruleId);
}

int RuleTableModel::hits(int row) const
{
    return row >= 0 && row < rowCount() ? hitsOf(m_rules.at(row).id) : 0;
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleTableModel::conditionText(const RuleCondition &condition)
{
    const QString value = condition.isComparison() ? condition.bound : condition.values.join(QStringLiteral(", "));
    return condition.field + u' ' + RuleCondition::opKey(condition.op) + u' ' + value;
}

QString RuleTableModel::conditionsText(const QList<RuleCondition> &conditions)
{
    QStringList parts;
    for (const RuleCondition &condition : conditions)
        parts.append(conditionText(condition));
    return parts.join(QStringLiteral("; "));
}

Result<QList<RuleCondition>, QString> RuleTableModel::parseConditions(const QString &text)
{
    QList<RuleCondition> conditions;
    static const QRegularExpression separators(QStringLiteral("[;\\n]"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        const QStringList words = part.split(u' ', Qt::SkipEmptyParts);
        if (words.size() < 3)
            return tr("'%1': expected a field, a test and a value, as in 'role is web, app'").arg(part);
        const std::optional<RuleCondition::Op> op = RuleCondition::opFromKey(words[1]);
        if (!op)
            return tr("'%1': unknown test '%2'; expected is, isNot, atLeast, atMost, below or above")
                .arg(part, words[1]);
        RuleCondition condition;
        condition.field = words[0];
        condition.op = *op;
        const QString rest = words.mid(2).join(u' ');
        if (condition.isComparison()) {
            condition.bound = rest.trimmed();
        } else {
            for (const QString &value : rest.split(u',', Qt::SkipEmptyParts))
                condition.values.append(value.trimmed());
        }
        conditions.append(condition);
    }
    return conditions;
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule &rule = m_rules.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == Enabled)
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole && index.column() == Hits)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && !rule.enabled)
        return QColor(Qt::gray);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Enabled:
        return role == Qt::ToolTipRole ? (rule.enabled ? tr("Enabled") : tr("Disabled")) : QVariant();
    case Id:
        return rule.id;
    case Path:
        return DecisionTableModel::pathText(rule.path);
    case Confidence:
        return DecisionTableModel::confidenceText(rule.confidence);
    case Hits:
        if (role == Qt::ToolTipRole)
            return tr("%n VMs of the plan are decided by this rule", nullptr, hitsOf(rule.id));
        return QLocale().toString(hitsOf(rule.id));
    case When:
        return rule.when.isEmpty() ? tr("every VM") : conditionsText(rule.when);
    case Description:
        return role == Qt::ToolTipRole && !rule.reason.isEmpty() ? rule.reason : rule.description;
    default:
        return {};
    }
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1; // the order is what matters: first match wins
    switch (section) {
    case Enabled:
        return tr("On");
    case Id:
        return tr("Rule");
    case Path:
        return tr("Path");
    case Confidence:
        return tr("Confidence");
    case Hits:
        return tr("VMs");
    case When:
        return tr("When");
    case Description:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace landfall
