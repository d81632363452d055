#include "ruledialog.h"

#include "advisor/rulefields.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/ruletablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace landfall {

RuleDialog::RuleDialog(const Rule &rule, Check check, QWidget *parent)
    : QDialog(parent)
    , m_original(rule)
    , m_check(std::move(check))
    , m_id(new QLineEdit(rule.id, this))
    , m_enabled(new QCheckBox(tr("&Enabled"), this))
    , m_description(new QLineEdit(rule.description, this))
    , m_when(new QPlainTextEdit(
          RuleTableModel::conditionsText(rule.when).replace(QStringLiteral("; "), QStringLiteral("\n")), this))
    , m_path(new QComboBox(this))
    , m_confidence(new QComboBox(this))
    , m_reason(new QLineEdit(rule.reason, this))
    , m_target(new QLineEdit(rule.target, this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("ruleDialog"));
    setWindowTitle(rule.id.isEmpty() ? tr("Add a Rule") : tr("Edit Rule %1").arg(rule.id));
    m_enabled->setChecked(rule.enabled);
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain})
        m_path->addItem(DecisionTableModel::pathText(path), static_cast<int>(path));
    m_path->setCurrentIndex(m_path->findData(static_cast<int>(rule.path)));
    for (Confidence confidence : {Confidence::High, Confidence::Medium, Confidence::Low})
        m_confidence->addItem(DecisionTableModel::confidenceText(confidence), static_cast<int>(confidence));
    m_confidence->setCurrentIndex(m_confidence->findData(static_cast<int>(rule.confidence)));
    m_when->setTabChangesFocus(true);
    m_when->setToolTip(tr("One condition per line: a field, a test and the values, e.g.\n"
                          "role is web, app\nvcpu atMost 8\nosBuild atLeast 10.0.17763\n"
                          "Tests: is, isNot, atLeast, atMost, below, above. Fields: %1")
                           .arg(RuleFields::allKeys().join(QStringLiteral(", "))));
    m_target->setPlaceholderText(tr("worded from the path when empty"));
    m_message->setObjectName(QStringLiteral("ruleMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // rule texts and errors quote what the user typed
    m_message->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    m_message->setAccessibleName(tr("Validation message"));

    const QList<std::pair<QWidget *, QString>> named = {
        {m_id, tr("Rule id")},    {m_description, tr("Description")}, {m_when, tr("Conditions")},
        {m_path, tr("Path")},     {m_confidence, tr("Confidence")},   {m_reason, tr("Reason")},
        {m_target, tr("Target")}, {m_enabled, tr("Enabled")}};
    for (const auto &[widget, name] : named)
        widget->setAccessibleName(name);

    auto *form = new QFormLayout;
    form->addRow(tr("&Id:"), m_id);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&Confidence:"), m_confidence);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Target:"), m_target);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(620, 460);
}

std::optional<Rule> RuleDialog::rule(QString *error) const
{
    Result<QList<RuleCondition>, QString> when = RuleTableModel::parseConditions(m_when->toPlainText());
    if (!when) {
        if (error)
            *error = when.error();
        return std::nullopt;
    }
    Rule rule = m_original; // caveats, images and fixed conditions are kept as they were
    rule.id = m_id->text().trimmed();
    rule.enabled = m_enabled->isChecked();
    rule.description = m_description->text().trimmed();
    rule.when = when.value();
    rule.path = static_cast<MigrationPath>(m_path->currentData().toInt());
    rule.confidence = static_cast<Confidence>(m_confidence->currentData().toInt());
    rule.reason = m_reason->text().trimmed();
    rule.target = m_target->text().trimmed();
    return rule;
}

void RuleDialog::accept()
{
    QString error;
    const std::optional<Rule> edited = rule(&error);
    if (edited && m_check) {
        if (std::optional<QString> refused = m_check(*edited))
            error = *refused;
    }
    if (!edited || !error.isEmpty()) {
        m_message->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace landfall
