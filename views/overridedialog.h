#pragma once

#include "domain/decision.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QPlainTextEdit;

namespace landfall {

/** Asks for the path a consultant sets by hand and the note that says why: an override with no
    reason is a plan nobody can defend later, so the note is required. */
class OverrideDialog : public QDialog {
    Q_OBJECT
public:
    OverrideDialog(const QString &vmName, MigrationPath current, const QString &note, QWidget *parent = nullptr);

    MigrationPath path() const;
    QString note() const;
    void setPath(MigrationPath path);
    void setNote(const QString &note);

private:
    void updateOk();

    QComboBox *m_path;
    QPlainTextEdit *m_note;
    QDialogButtonBox *m_buttons;
};

} // namespace landfall
