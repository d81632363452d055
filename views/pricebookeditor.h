#pragma once

#include "cost/pricebook.h"

#include <QList>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace landfall {

class PriceBookSkuModel;

/** Edits a price book: its VM sizes as a table, every other price as a form, and the book as a
    whole imported from or exported to JSON. It hands a checked book on (bookChosen) and leaves
    storing it, as an undo step, to its owner. */
class PriceBookEditor : public QWidget {
    Q_OBJECT
public:
    explicit PriceBookEditor(QWidget *parent = nullptr);

    /** Shows `book`; `ownBook` false when it is the built-in one. */
    void setBook(const PriceBook &book, bool ownBook);
    /** The book as edited, checked as an imported one is; the error names the key. */
    Result<PriceBook, PriceBookError> editedBook() const;
    /** Reads a book from a JSON file and chooses it; false (with the reason shown) when refused. */
    bool importFile(const QString &path);
    /** Writes the book as edited to a JSON file; false (with the reason shown) when it cannot. */
    bool exportFile(const QString &path);
    /** Chooses the book as edited; false (with the reason shown) when it is refused. */
    bool apply();

    PriceBookSkuModel *skuModel() const { return m_skus; }
    QTableView *skuTable() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    /** The form's field for a key of the book's JSON ("paas.database.perVcpuHourly"). */
    QDoubleSpinBox *field(const QString &key) const;

Q_SIGNALS:
    void bookChosen(const landfall::PriceBook &book);
    void resetRequested();

private:
    struct Field {
        QString key;
        QDoubleSpinBox *box;
    };
    void showMessage(const QString &text, bool error);
    QWidget *buildForm();

    PriceBookSkuModel *m_skus;
    QTableView *m_table;
    QLineEdit *m_name;
    QLineEdit *m_currency;
    QLineEdit *m_symbol;
    QLineEdit *m_date;
    QLineEdit *m_ramp;
    QLabel *m_origin;
    QLabel *m_message;
    QList<Field> m_fields;
    PriceBook m_book; ///< as shown: the keys the form does not edit (sources, notice) come from it
};

} // namespace landfall
