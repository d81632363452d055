#include "frozencolumntable.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>

namespace landfall {

FrozenColumnTable::FrozenColumnTable(QWidget *parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setFocusPolicy(Qt::NoFocus); // the keyboard stays with the table underneath
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setSectionsClickable(true);
    m_frozen->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_frozen->horizontalHeader()->setHighlightSections(false);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setShowGrid(false);
    m_frozen->setWordWrap(false);
    m_frozen->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frozen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_frozen->setAlternatingRowColors(true);
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    viewport()->stackUnder(m_frozen);
    // Horizontal scrolling by pixels: the cells slide under the frozen column instead of jumping.
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == m_frozenColumn) {
            m_frozen->setColumnWidth(logical, size);
            updateFrozenGeometry();
        }
    });
    connect(horizontalHeader(), &QHeaderView::sectionMoved, this, [this]() { keepFrozenColumnFirst(); });
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    // A click on the frozen header sorts the table as a click on its own header would.
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        if (!isSortingEnabled())
            return;
        const QHeaderView *header = horizontalHeader();
        const Qt::SortOrder order =
            header->sortIndicatorSection() == logical && header->sortIndicatorOrder() == Qt::AscendingOrder
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        sortByColumn(logical, order);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int logical, Qt::SortOrder order) {
        m_frozen->horizontalHeader()->setSortIndicatorShown(logical == m_frozenColumn);
        m_frozen->horizontalHeader()->setSortIndicator(logical, order);
    });
    // Double-clicks and activations on the frozen column are the table's.
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &QAbstractItemView::doubleClicked);
    connect(m_frozen, &QAbstractItemView::activated, this, &QAbstractItemView::activated);
}

void FrozenColumnTable::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    // The frozen view first: the table's setModel() hands its new selection model to both.
    m_frozen->setModel(model);
    QTableView::setModel(model);
    if (model) {
        // A reset or new columns show every column of the frozen view again: hide them anew.
        connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnTable::showOnlyFrozenColumn);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnTable::showOnlyFrozenColumn);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FrozenColumnTable::showOnlyFrozenColumn);
    }
    showOnlyFrozenColumn();
}

void FrozenColumnTable::setSelectionModel(QItemSelectionModel *selectionModel)
{
    QTableView::setSelectionModel(selectionModel);
    if (selectionModel && selectionModel->model() == m_frozen->model())
        m_frozen->setSelectionModel(selectionModel);
}

void FrozenColumnTable::setFrozenColumn(int column)
{
    m_frozenColumn = column;
    showOnlyFrozenColumn();
    keepFrozenColumnFirst();
}

void FrozenColumnTable::showOnlyFrozenColumn()
{
    if (!model())
        return;
    for (int column = 0; column < model()->columnCount(); ++column)
        m_frozen->setColumnHidden(column, column != m_frozenColumn);
    m_frozen->setColumnWidth(m_frozenColumn, columnWidth(m_frozenColumn));
    updateFrozenGeometry();
}

void FrozenColumnTable::keepFrozenColumnFirst()
{
    QHeaderView *header = horizontalHeader();
    if (m_moving || !model() || header->visualIndex(m_frozenColumn) <= 0)
        return;
    m_moving = true;
    header->moveSection(header->visualIndex(m_frozenColumn), 0);
    m_moving = false;
}

void FrozenColumnTable::updateFrozenGeometry()
{
    const int x = verticalHeader()->isVisible() ? verticalHeader()->width() + frameWidth() : frameWidth();
    m_frozen->setGeometry(x, frameWidth(), columnWidth(m_frozenColumn),
                          viewport()->height() + horizontalHeader()->height());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
}

void FrozenColumnTable::updateGeometries()
{
    QTableView::updateGeometries();
    // Rows follow the table's height (the workshop mode's larger font changes it).
    if (m_frozen->verticalHeader()->defaultSectionSize() != verticalHeader()->defaultSectionSize())
        m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    if (m_frozen->font() != font())
        m_frozen->setFont(font());
    updateFrozenGeometry();
}

void FrozenColumnTable::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void FrozenColumnTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        Q_EMIT copyRequested();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        Q_EMIT pasteRequested();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

QModelIndex FrozenColumnTable::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    // A cell reached with the arrow keys is brought out from under the frozen column.
    const int frozenWidth = columnWidth(m_frozenColumn);
    if (cursorAction == MoveLeft && current.isValid() && current.column() != m_frozenColumn &&
        visualRect(current).left() < frozenWidth) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + visualRect(current).left() - frozenWidth);
    }
    return current;
}

void FrozenColumnTable::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    if (index.column() == m_frozenColumn) {
        // The frozen column is always in view: only the rows scroll.
        const int scrolled = horizontalScrollBar()->value();
        QTableView::scrollTo(index, hint);
        horizontalScrollBar()->setValue(scrolled);
        return;
    }
    QTableView::scrollTo(index, hint);
    const int frozenWidth = columnWidth(m_frozenColumn);
    if (visualRect(index).left() < frozenWidth)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + visualRect(index).left() - frozenWidth);
}

void FrozenColumnTable::commitOpenEditor()
{
    if (state() != EditingState)
        return;
    if (QWidget *editor = QApplication::focusWidget()) {
        commitData(editor);
        closeEditor(editor, QAbstractItemDelegate::NoHint);
    }
}

} // namespace landfall
