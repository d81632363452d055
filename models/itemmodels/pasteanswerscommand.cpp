#include "pasteanswerscommand.h"

#include "inventorytablemodel.h"
#include "setworkshopanswercommand.h"

#include <QMap>
#include <QSet>

namespace landfall {

Result<QList<QStringList>, QString> PasteAnswersCommand::parse(const QString &text, const QList<int> &columns,
                                                               const InventoryTableModel &model)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast(); // a copy ends with a line break
    if (lines.isEmpty())
        return tr("The clipboard holds no text to paste.");
    QList<QStringList> rows;
    for (const QString &line : std::as_const(lines))
        rows.append(line.split(u'\t'));
    // A header line, as the grid's own copy starts with: the questions' names, not answers.
    const QStringList &first = rows.constFirst();
    bool isHeader = first.size() <= columns.size();
    for (qsizetype j = 0; isHeader && j < first.size(); ++j)
        isHeader = first[j].trimmed().compare(model.headerData(columns[j], Qt::Horizontal).toString(),
                                              Qt::CaseInsensitive) == 0;
    if (isHeader)
        rows.removeFirst();
    if (rows.isEmpty())
        return tr("The clipboard holds only the column names, no answers.");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QStringList &cells = rows[i];
        if (cells.size() > columns.size())
            return tr("Line %1 has %2 values, but only %3 answer columns are there to paste them into.")
                .arg(i + 1 + (isHeader ? 1 : 0))
                .arg(cells.size())
                .arg(columns.size());
        for (qsizetype j = 0; j < cells.size(); ++j) {
            const std::optional<WorkshopAnswers::Attribute> attribute =
                InventoryTableModel::attributeForColumn(columns[j]);
            if (!attribute)
                return tr("The column %1 is not a workshop answer: it cannot be pasted into.")
                    .arg(model.headerData(columns[j], Qt::Horizontal).toString());
            const QStringList allowed = WorkshopAnswers::allowedValues(*attribute);
            const QString value = cells[j].trimmed();
            qsizetype found = -1;
            for (qsizetype k = 0; k < allowed.size() && found < 0; ++k) {
                if (allowed[k].compare(value, Qt::CaseInsensitive) == 0)
                    found = k;
            }
            if (found < 0)
                return tr("Line %1, column %2: \"%3\" is not an answer; expected one of %4.")
                    .arg(i + 1 + (isHeader ? 1 : 0))
                    .arg(model.headerData(columns[j], Qt::Horizontal).toString(), value,
                         allowed.join(QStringLiteral(", ")));
            cells[j] = allowed[found];
        }
    }
    return rows;
}

PasteAnswersCommand::PasteAnswersCommand(InventoryTableModel *model, const QList<int> &columns,
                                         const QList<qint64> &vmIds, const QList<QStringList> &cells)
{
    QSet<qint64> changed;
    QList<SetWorkshopAnswerCommand *> steps;
    for (qsizetype j = 0; j < columns.size(); ++j) {
        const std::optional<WorkshopAnswers::Attribute> attribute = InventoryTableModel::attributeForColumn(columns[j]);
        if (!attribute)
            continue;
        // The VMs that get each value, in the order given: one child step per value.
        QMap<QString, QList<qint64>> idsOfValue;
        for (qsizetype i = 0; i < vmIds.size(); ++i) {
            const QStringList &row = cells.size() == 1 ? cells.constFirst() : cells.value(i);
            if (j < row.size())
                idsOfValue[row[j]].append(vmIds[i]);
        }
        for (auto it = idsOfValue.cbegin(); it != idsOfValue.cend(); ++it) {
            auto *step = new SetWorkshopAnswerCommand(model, *attribute, it.value(), it.key(), this);
            steps.append(step);
            for (qint64 id : it.value()) {
                const int row = model->rowForId(id);
                if (row >= 0 && model->vmRow(row).answer(*attribute) != it.key())
                    changed.insert(id);
            }
        }
    }
    m_changedVms = int(changed.size());
    // One question and one value reads as the edit it is: "Set Must stay on premises to yes on 8 VMs".
    int effective = 0;
    const SetWorkshopAnswerCommand *only = nullptr;
    for (const SetWorkshopAnswerCommand *step : std::as_const(steps)) {
        if (step->changedVmCount() > 0) {
            ++effective;
            only = step;
        }
    }
    if (effective == 1)
        setText(only->text());
    else if (columns.size() == 1)
        setText(tr("Paste %1 on %n VMs", nullptr, m_changedVms)
                    .arg(SetWorkshopAnswerCommand::questionText(
                        *InventoryTableModel::attributeForColumn(columns.constFirst()))));
    else
        setText(tr("Paste %1 answers on %n VMs", nullptr, m_changedVms).arg(columns.size()));
    setObsolete(m_changedVms == 0);
}

} // namespace landfall
