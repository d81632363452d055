#include "reportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>

namespace landfall {

ReportDialog::ReportDialog(const QStringList &scenarios, QWidget *parent)
    : QDialog(parent)
    , m_customer(new QLineEdit(this))
    , m_consultant(new QLineEdit(this))
    , m_logo(new QLineEdit(this))
    , m_paper(new QComboBox(this))
    , m_scenarios(new QListWidget(this))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Customer Report"));
    const QSettings settings;
    m_customer->setObjectName(QStringLiteral("customer"));
    m_consultant->setObjectName(QStringLiteral("consultant"));
    m_consultant->setText(settings.value(QLatin1String(kConsultantKey)).toString());
    m_logo->setObjectName(QStringLiteral("logo"));
    m_logo->setText(settings.value(QLatin1String(kLogoKey)).toString());
    m_logo->setPlaceholderText(tr("No logo"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Choose..."));
    connect(browse, &QToolButton::clicked, this, [this]() {
        const QString file = QFileDialog::getOpenFileName(this, tr("Logo for the Cover"), m_logo->text(),
                                                          tr("Images (*.png *.jpg *.jpeg *.svg)"));
        if (!file.isEmpty())
            m_logo->setText(file);
    });
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo);
    logoRow->addWidget(browse);

    m_paper->setObjectName(QStringLiteral("paper"));
    m_paper->addItem(tr("A4"), int(PdfReportWriter::Paper::A4));
    m_paper->addItem(tr("US Letter"), int(PdfReportWriter::Paper::Letter));
    // Letter where the locale uses it, A4 everywhere else.
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem)
        m_paper->setCurrentIndex(1);

    m_scenarios->setObjectName(QStringLiteral("scenarios"));
    const QStringList names = scenarios.isEmpty() ? QStringList{QStringLiteral("default")} : scenarios;
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_scenarios);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_scenarios->setMaximumHeight(140);

    auto *form = new QFormLayout;
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("C&onsultant:"), m_consultant);
    // A row that is a layout gets no buddy from QFormLayout, so its label would show the "&".
    auto *logoLabel = new QLabel(tr("&Logo:"), this);
    logoLabel->setBuddy(m_logo);
    form->addRow(logoLabel, logoRow);
    form->addRow(tr("&Paper:"), m_paper);
    form->addRow(tr("&Scenarios:"), m_scenarios);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *preview = buttons->addButton(tr("&Preview..."), QDialogButtonBox::ActionRole);
    QPushButton *save = buttons->addButton(tr("&Save PDF..."), QDialogButtonBox::AcceptRole);
    save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(preview, &QPushButton::clicked, this, [this]() {
        remember();
        done(Preview);
    });
    connect(save, &QPushButton::clicked, this, [this]() {
        remember();
        done(Save);
    });
    // A report compares at least one scenario.
    auto updateButtons = [this, preview, save]() {
        bool any = false;
        for (int i = 0; i < m_scenarios->count(); ++i)
            any = any || m_scenarios->item(i)->checkState() == Qt::Checked;
        preview->setEnabled(any);
        save->setEnabled(any);
    };
    connect(m_scenarios, &QListWidget::itemChanged, this, updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ReportOptions ReportDialog::options() const
{
    ReportOptions options;
    options.customer = m_customer->text().trimmed();
    options.consultant = m_consultant->text().trimmed();
    options.logoPath = m_logo->text().trimmed();
    for (int i = 0; i < m_scenarios->count(); ++i) {
        if (m_scenarios->item(i)->checkState() == Qt::Checked)
            options.scenarios.append(m_scenarios->item(i)->text());
    }
    return options;
}

PdfReportWriter::Paper ReportDialog::paper() const
{
    return PdfReportWriter::Paper(m_paper->currentData().toInt());
}

void ReportDialog::remember() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kConsultantKey), m_consultant->text().trimmed());
    settings.setValue(QLatin1String(kLogoKey), m_logo->text().trimmed());
}

} // namespace landfall
