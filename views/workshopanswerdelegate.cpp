#include "workshopanswerdelegate.h"

#include "itemmodels/inventorytablemodel.h"

#include <QComboBox>

namespace landfall {

QWidget *WorkshopAnswerDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    const QStringList allowed = index.data(InventoryTableModel::AllowedValuesRole).toStringList();
    if (allowed.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->addItems(allowed);
    combo->setAccessibleName(tr("Value of %1").arg(index.data(InventoryTableModel::AttributeKeyRole).toString()));
    // A choice made with the mouse or the keyboard commits at once, as a spreadsheet's list does.
    connect(combo, &QComboBox::activated, this, [this, combo](int) {
        auto *self = const_cast<WorkshopAnswerDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::NoHint);
    });
    return combo;
}

void WorkshopAnswerDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findText(index.data(Qt::EditRole).toString()));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void WorkshopAnswerDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentText() != index.data(Qt::EditRole).toString())
            Q_EMIT answerChosen(index, combo->currentText());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace landfall
