#pragma once

#include <QStyledItemDelegate>

namespace landfall {

/** Edits a workshop answer with a combo box of its allowed values only, and hands the choice
    to whoever turns it into an undo command instead of writing the model itself. */
class WorkshopAnswerDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

Q_SIGNALS:
    /** The user chose `value` for the cell `index` (of the view's model). */
    void answerChosen(const QModelIndex &index, const QString &value) const;
};

} // namespace landfall
