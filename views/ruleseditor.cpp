#include "ruleseditor.h"

#include "ruledialog.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/ruletablemodel.h"
#include "itemmodels/setrulescommand.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace landfall {

RulesEditor::RulesEditor(RuleTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_undoStack(undoStack)
    , m_table(new QTableView(this))
    , m_message(new QLabel(this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move &Down"), this))
    , m_toggle(new QPushButton(tr("&Enable/Disable"), this))
    , m_edit(new QPushButton(tr("Ed&it..."), this))
    , m_add(new QPushButton(tr("&Add..."), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_reset(new QPushButton(tr("Reset to De&faults"), this))
    , m_showMoved(new QPushButton(tr("Show the Mo&ved VMs"), this))
{
    setObjectName(QStringLiteral("rulesView"));
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setAccessibleName(tr("Rules"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {40, 220, 110, 90, 60, 420};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_table->setColumnWidth(column, widths[column]);

    const QList<std::tuple<QPushButton *, QKeySequence, QString>> buttons = {
        {m_up, QKeySequence(Qt::ALT | Qt::Key_Up), tr("Move the rule up: it is tried earlier (Alt+Up)")},
        {m_down, QKeySequence(Qt::ALT | Qt::Key_Down), tr("Move the rule down: it is tried later (Alt+Down)")},
        {m_toggle, QKeySequence(Qt::CTRL | Qt::Key_E), tr("Enable or disable the rule (Ctrl+E)")},
        {m_edit, QKeySequence(Qt::Key_F2), tr("Edit the rule (F2)")},
        {m_add, QKeySequence(Qt::Key_Insert), tr("Add a rule below the selected one (Insert)")},
        {m_remove, QKeySequence(Qt::CTRL | Qt::Key_Delete), tr("Remove the rule (Ctrl+Delete)")},
        {m_reset, QKeySequence(), tr("Replace the project's rules with Landfall's defaults")}};
    auto *buttonBar = new QHBoxLayout;
    for (const auto &[button, key, tip] : buttons) {
        button->setShortcut(key);
        button->setToolTip(tip);
        button->setAccessibleName(button->text().remove(u'&').remove(QStringLiteral("...")));
        buttonBar->addWidget(button);
    }
    buttonBar->insertStretch(6, 1);
    m_message->setObjectName(QStringLiteral("rulesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // rule texts and errors quote what the user typed
    m_message->setAccessibleName(tr("Rules message"));

    auto *intro = new QLabel(tr("Rules are tried from the top; the first whose conditions all hold decides the "
                                "VM's path. Every change re-classifies the plan at once and can be undone."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    // After an edit: what it moved, and a way to see those VMs in the plan.
    m_showMoved->setObjectName(QStringLiteral("showMovedVms"));
    m_showMoved->setToolTip(tr("Show the VMs the last rule change moved to another path, in the plan"));
    m_showMoved->hide();
    connect(m_showMoved, &QPushButton::clicked, this,
            [this]() { Q_EMIT showVmsRequested(lastMovedVmIds(), tr("moved by the last rule change")); });
    auto *messageBar = new QHBoxLayout;
    messageBar->addWidget(m_message, 1);
    messageBar->addWidget(m_showMoved);
    layout->addLayout(messageBar);
    layout->addLayout(buttonBar);

    connect(m_up, &QPushButton::clicked, this, [this]() { moveRule(currentRow(), currentRow() - 1); });
    connect(m_down, &QPushButton::clicked, this, [this]() { moveRule(currentRow(), currentRow() + 1); });
    connect(m_toggle, &QPushButton::clicked, this, [this]() {
        const int row = currentRow();
        if (row >= 0)
            setRuleEnabled(row, !m_model->rules().at(row).enabled);
    });
    connect(m_edit, &QPushButton::clicked, this, &RulesEditor::editCurrent);
    connect(m_table, &QTableView::doubleClicked, this, &RulesEditor::editCurrent);
    connect(m_table, &QTableView::activated, this, &RulesEditor::editCurrent);
    connect(m_add, &QPushButton::clicked, this, &RulesEditor::addNew);
    connect(m_remove, &QPushButton::clicked, this, [this]() { removeRule(currentRow()); });
    connect(m_reset, &QPushButton::clicked, this, [this]() {
        const auto answer = QMessageBox::question(this, tr("Reset the Rules"),
                                                  tr("Replace this project's rules with Landfall's defaults? "
                                                     "Undo brings them back."));
        if (answer == QMessageBox::Yes)
            resetToDefaults();
    });
    // A click on the "On" box toggles the rule, through the undo stack like every edit.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == RuleTableModel::Enabled)
            setRuleEnabled(index.row(), !m_model->rules().at(index.row()).enabled);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesEditor::updateButtons);
    setFocusProxy(m_table);
    updateButtons();
}

int RulesEditor::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesEditor::select(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, RuleTableModel::Id),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RulesEditor::updateButtons()
{
    const int row = currentRow();
    const int count = m_model->rowCount();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < count);
    m_toggle->setEnabled(row >= 0);
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
}

std::optional<QString> RulesEditor::edit(const QString &text,
                                         const std::function<std::optional<QString>(RuleSet &)> &change, int selectRow)
{
    RuleSet rules = m_model->rules();
    if (std::optional<QString> refused = change(rules)) {
        m_message->setStyleSheet(QStringLiteral("color: #b03a2e;"));
        m_message->setText(tr("Not changed: %1").arg(*refused));
        return refused;
    }
    const QHash<qint64, MigrationPath> before = m_plan ? m_plan->pathsByVm() : QHash<qint64, MigrationPath>{};
    auto *command = new SetRulesCommand(m_model, rules, text);
    m_undoStack->push(command);
    m_lastMoves.clear();
    m_showMoved->hide();
    if (!command->lastError().isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: #b03a2e;"));
        m_message->setText(tr("Not saved: %1").arg(command->lastError()));
        return command->lastError();
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("%1: the plan was re-classified. %2").arg(text, describeMoves(before)));
    select(selectRow);
    return std::nullopt;
}

std::optional<QString> RulesEditor::moveRule(int from, int to)
{
    if (from < 0)
        return tr("No rule is selected.");
    const QString id = from < m_model->rowCount() ? m_model->rules().at(from).id : QString();
    return edit(
        tr("Move rule %1").arg(id), [from, to](RuleSet &rules) { return rules.move(from, to); }, to);
}

std::optional<QString> RulesEditor::setRuleEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_model->rowCount())
        return tr("No rule is selected.");
    const QString id = m_model->rules().at(row).id;
    return edit(
        enabled ? tr("Enable rule %1").arg(id) : tr("Disable rule %1").arg(id),
        [row, enabled](RuleSet &rules) { return rules.setEnabled(row, enabled); }, row);
}

std::optional<QString> RulesEditor::replaceRule(int row, const Rule &rule)
{
    return edit(
        tr("Edit rule %1").arg(rule.id), [row, &rule](RuleSet &rules) { return rules.replace(row, rule); }, row);
}

std::optional<QString> RulesEditor::addRule(const Rule &rule)
{
    const int row = currentRow() >= 0 ? currentRow() + 1 : m_model->rowCount();
    return edit(
        tr("Add rule %1").arg(rule.id), [row, &rule](RuleSet &rules) { return rules.insert(row, rule); }, row);
}

std::optional<QString> RulesEditor::removeRule(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return tr("No rule is selected.");
    const QString id = m_model->rules().at(row).id;
    return edit(
        tr("Remove rule %1").arg(id), [row](RuleSet &rules) { return rules.remove(row); },
        std::min(row, m_model->rowCount() - 2));
}

std::optional<QString> RulesEditor::resetToDefaults()
{
    return edit(
        tr("Reset the rules to the defaults"),
        [](RuleSet &rules) -> std::optional<QString> {
            rules = RuleSet::defaults();
            return std::nullopt;
        },
        0);
}

void RulesEditor::editCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    auto *dialog = new RuleDialog(
        m_model->rules().at(row),
        [this, row](const Rule &rule) {
            RuleSet copy = m_model->rules();
            return copy.replace(row, rule);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row]() {
        if (const std::optional<Rule> rule = dialog->rule())
            replaceRule(row, *rule);
    });
    dialog->open();
}

void RulesEditor::addNew()
{
    Rule rule;
    rule.id = QStringLiteral("custom-%1").arg(m_model->rowCount() + 1);
    rule.description = tr("A rule of this project");
    rule.reason = tr("Decided in the workshop.");
    const int row = currentRow() >= 0 ? currentRow() + 1 : m_model->rowCount();
    auto *dialog = new RuleDialog(
        rule,
        [this, row](const Rule &edited) {
            RuleSet copy = m_model->rules();
            return copy.insert(row, edited);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        if (const std::optional<Rule> edited = dialog->rule())
            addRule(*edited);
    });
    dialog->open();
}

void RulesEditor::setPlan(const DecisionTableModel *plan)
{
    m_plan = plan;
    m_model->setPlan(plan);
}

QString RulesEditor::describeMoves(const QHash<qint64, MigrationPath> &before)
{
    m_lastMoves.clear();
    if (!m_plan)
        return {};
    QMap<std::pair<int, int>, QList<qint64>> moved; // (from, to) -> VMs
    int total = 0;
    for (int row = 0; row < m_plan->rowCount(); ++row) {
        const Decision &decision = m_plan->decision(row);
        const auto was = before.constFind(decision.vmId);
        if (was == before.cend() || *was == decision.path)
            continue;
        moved[{int(*was), int(decision.path)}].append(decision.vmId);
        ++total;
    }
    if (total == 0)
        return tr("No VM changed path.");
    for (auto it = moved.cbegin(); it != moved.cend(); ++it)
        m_lastMoves.append({MigrationPath(it.key().first), MigrationPath(it.key().second), it.value()});
    std::stable_sort(m_lastMoves.begin(), m_lastMoves.end(),
                     [](const PathMove &a, const PathMove &b) { return a.vmIds.size() > b.vmIds.size(); });
    const QLocale locale;
    QStringList parts;
    for (const PathMove &move : std::as_const(m_lastMoves))
        parts.append(tr("%1 from %2 to %3")
                         .arg(locale.toString(move.vmIds.size()), DecisionTableModel::pathText(move.from),
                              DecisionTableModel::pathText(move.to)));
    m_showMoved->show();
    return tr("%n VMs moved: %1.", nullptr, total).arg(parts.join(QStringLiteral(", ")));
}

QList<qint64> RulesEditor::lastMovedVmIds() const
{
    QList<qint64> ids;
    for (const PathMove &move : m_lastMoves)
        ids.append(move.vmIds);
    return ids;
}

void RulesEditor::resetForNewProject()
{
    m_message->clear();
    m_lastMoves.clear();
    m_showMoved->hide();
    m_table->clearSelection();
}

} // namespace landfall
