#pragma once

#include "advisor/rule.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace landfall {

/** Edits one advisor rule. OK asks the caller's check (the rule set's own validation) and keeps
    the dialog open with the reason shown when the rule is refused. */
class RuleDialog : public QDialog {
    Q_OBJECT
public:
    using Check = std::function<std::optional<QString>(const Rule &)>;

    RuleDialog(const Rule &rule, Check check, QWidget *parent = nullptr);

    /** The rule as edited; the error when its conditions do not parse. */
    std::optional<Rule> rule(QString *error = nullptr) const;
    QLabel *message() const { return m_message; }

    void accept() override;

private:
    Rule m_original;
    Check m_check;
    QLineEdit *m_id;
    QCheckBox *m_enabled;
    QLineEdit *m_description;
    QPlainTextEdit *m_when;
    QComboBox *m_path;
    QComboBox *m_confidence;
    QLineEdit *m_reason;
    QLineEdit *m_target;
    QLabel *m_message;
};

} // namespace landfall
