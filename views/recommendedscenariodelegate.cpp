#include "recommendedscenariodelegate.h"

namespace landfall {

QString RecommendedScenarioDelegate::label(const QString &name) const
{
    if (m_recommended.isEmpty() || name != m_recommended)
        return name;
    return tr("\u2605 %1 (recommended)").arg(name);
}

void RecommendedScenarioDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = label(index.data(Qt::DisplayRole).toString());
    if (option->text != index.data(Qt::DisplayRole).toString())
        option->font.setBold(true);
}

} // namespace landfall
