#include "overridedialog.h"

#include "itemmodels/decisiontablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace landfall {

OverrideDialog::OverrideDialog(const QString &vmName, MigrationPath current, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_path(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("overrideDialog"));
    setWindowTitle(tr("Override the Path of %1").arg(vmName));
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain})
        m_path->addItem(DecisionTableModel::pathText(path), QVariant::fromValue(static_cast<int>(path)));
    setPath(current);
    m_path->setAccessibleName(tr("Path"));
    m_note->setPlaceholderText(tr("Why: what the workshop decided, and who decided it"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setPlainText(note);

    auto *form = new QFormLayout;
    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_path);
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(pathLabel, m_path);
    form->addRow(noteLabel, m_note);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The rules no longer decide this VM's path; the note goes into the plan and the "
                                "report."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateOk);
    updateOk();
    resize(480, 260);
}

MigrationPath OverrideDialog::path() const
{
    return static_cast<MigrationPath>(m_path->currentData().toInt());
}

QString OverrideDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void OverrideDialog::setPath(MigrationPath path)
{
    m_path->setCurrentIndex(m_path->findData(QVariant::fromValue(static_cast<int>(path))));
}

void OverrideDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

void OverrideDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!note().isEmpty());
}

} // namespace landfall
