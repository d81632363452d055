#pragma once

#include <QTableView>

namespace landfall {

/** A table whose first column (the VM's name) stays in place while the rest scroll right, as a
    spreadsheet's frozen pane: a second view over the same model and selection, laid over the
    first column and scrolled with it. It also reports Ctrl+C and Ctrl+V to its owner. */
class FrozenColumnTable : public QTableView {
    Q_OBJECT
public:
    explicit FrozenColumnTable(QWidget *parent = nullptr);

    /** Freezes logical column `column` of the model, which is kept the first one shown. */
    void setFrozenColumn(int column);
    int frozenColumn() const { return m_frozenColumn; }
    /** The view laid over the frozen column. */
    QTableView *frozenView() const { return m_frozen; }
    void setModel(QAbstractItemModel *model) override;
    void setSelectionModel(QItemSelectionModel *selectionModel) override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    /** Commits the editor left open, so that closing the window loses no choice. */
    void commitOpenEditor();

Q_SIGNALS:
    void copyRequested();
    void pasteRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void updateFrozenGeometry();
    void showOnlyFrozenColumn();
    void keepFrozenColumnFirst();

    QTableView *m_frozen;
    int m_frozenColumn = 0;
    bool m_moving = false;
};

} // namespace landfall
