#include "pricebookeditor.h"

#include "cost/businesscasemodels.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace landfall {

namespace {

QJsonValue valueAt(const QJsonObject &json, const QStringList &path)
{
    QJsonValue value = json;
    for (const QString &part : path)
        value = value.toObject().value(part);
    return value;
}

void setValueAt(QJsonObject &json, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        json.insert(path.first(), value);
        return;
    }
    QJsonObject child = json.value(path.first()).toObject();
    setValueAt(child, path.mid(1), value);
    json.insert(path.first(), child);
}

} // namespace

PriceBookEditor::PriceBookEditor(QWidget *parent)
    : QWidget(parent)
    , m_skus(new PriceBookSkuModel(this))
    , m_table(new QTableView(this))
    , m_name(new QLineEdit(this))
    , m_currency(new QLineEdit(this))
    , m_symbol(new QLineEdit(this))
    , m_date(new QLineEdit(this))
    , m_ramp(new QLineEdit(this))
    , m_origin(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("priceBookEditor"));
    m_table->setObjectName(QStringLiteral("priceBookSkus"));
    m_table->setModel(m_skus);
    m_table->setAccessibleName(tr("VM sizes of the price book"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_origin->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("priceBookMessage"));
    m_message->setWordWrap(true);

    auto *add = new QPushButton(tr("Add size"), this);
    auto *remove = new QPushButton(tr("Remove size"), this);
    connect(add, &QPushButton::clicked, this, [this]() {
        const int row = m_skus->addSku(m_table->currentIndex().row());
        m_table->selectRow(row);
    });
    connect(remove, &QPushButton::clicked, this, [this]() { m_skus->removeSku(m_table->currentIndex().row()); });
    auto *skuButtons = new QHBoxLayout;
    skuButtons->addWidget(add);
    skuButtons->addWidget(remove);
    skuButtons->addStretch();
    auto *skuPane = new QWidget(this);
    auto *skuLayout = new QVBoxLayout(skuPane);
    skuLayout->setContentsMargins(0, 0, 0, 0);
    skuLayout->addWidget(m_table);
    skuLayout->addLayout(skuButtons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(skuPane);
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setWidget(buildForm());
    splitter->addWidget(formScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *importButton = new QPushButton(tr("&Import…"), this);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    auto *resetButton = new QPushButton(tr("Use the &built-in book"), this);
    auto *applyButton = new QPushButton(tr("&Apply"), this);
    applyButton->setObjectName(QStringLiteral("applyPriceBook"));
    applyButton->setDefault(true);
    connect(importButton, &QPushButton::clicked, this, [this]() {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import a price book"), QString(), tr("Price books (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the price book"), QStringLiteral("price-book.json"), tr("Price books (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(resetButton, &QPushButton::clicked, this, &PriceBookEditor::resetRequested);
    connect(applyButton, &QPushButton::clicked, this, &PriceBookEditor::apply);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);
    buttons->addWidget(resetButton);
    buttons->addWidget(applyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_origin);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
}

QWidget *PriceBookEditor::buildForm()
{
    auto *form = new QWidget(this);
    auto *layout = new QVBoxLayout(form);
    auto *book = new QGroupBox(tr("Book"), form);
    auto *bookForm = new QFormLayout(book);
    bookForm->addRow(tr("Name"), m_name);
    bookForm->addRow(tr("Currency (ISO code)"), m_currency);
    bookForm->addRow(tr("Currency symbol"), m_symbol);
    bookForm->addRow(tr("Prices dated (YYYY-MM-DD)"), m_date);
    layout->addWidget(book);

    const auto group = [&](const QString &title, const QList<std::tuple<QString, QString, int>> &rows) {
        auto *box = new QGroupBox(title, form);
        auto *grid = new QFormLayout(box);
        for (const auto &[key, label, decimals] : rows) {
            auto *spin = new QDoubleSpinBox(box);
            spin->setObjectName(key);
            spin->setDecimals(decimals);
            spin->setRange(0, 1e9);
            spin->setAccessibleName(label);
            grid->addRow(label, spin);
            m_fields.append({key, spin});
        }
        layout->addWidget(box);
        return grid;
    };
    group(tr("Cloud"),
          {{QStringLiteral("hoursPerMonth"), tr("Hours a month"), 0},
           {QStringLiteral("diskGiBMonth"), tr("Managed disk, a GiB a month"), 4},
           {QStringLiteral("kubernetesClusterHourly"), tr("Kubernetes cluster, an hour"), 4},
           {QStringLiteral("paas.database.perVcpuHourly"), tr("Managed database, a vCPU an hour"), 4},
           {QStringLiteral("paas.database.perGiBMonth"), tr("Managed database, a GiB a month"), 4},
           {QStringLiteral("paas.database.minVcpu"), tr("Managed database, least vCPU"), 0},
           {QStringLiteral("paas.appPlatform.perVcpuHourly"), tr("App platform, a vCPU an hour"), 4},
           {QStringLiteral("paas.appPlatform.windowsPerVcpuHourly"), tr("App platform on Windows, a vCPU an hour"), 4},
           {QStringLiteral("paas.fileShare.perGiBMonth"), tr("File share, a GiB a month"), 4}});
    group(tr("Windows Server licences"),
          {{QStringLiteral("licences.windowsServerStandardPer16Cores"), tr("Standard, 16 cores"), 2},
           {QStringLiteral("licences.windowsServerDatacenterPer16Cores"), tr("Datacenter, 16 cores"), 2},
           {QStringLiteral("licences.amortisationYears"), tr("Spread over years"), 1}});
    group(tr("On premises, a year"),
          {{QStringLiteral("onPremises.perHostYear"), tr("A host"), 2},
           {QStringLiteral("onPremises.perCoreYearVirtualisation"), tr("Virtualisation, a core"), 2},
           {QStringLiteral("onPremises.perGiBYearStorage"), tr("Storage, a GiB"), 4},
           {QStringLiteral("onPremises.perVmYearOperations"), tr("Operations, a VM"), 2}});
    QFormLayout *migration =
        group(tr("The move"), {{QStringLiteral("migration.perVm.rehost"), tr("Rehost, a VM once"), 2},
                               {QStringLiteral("migration.perVm.containerize"), tr("Containerize, a VM once"), 2},
                               {QStringLiteral("migration.perVm.cloudNative"), tr("Cloud native, a VM once"), 2},
                               {QStringLiteral("migration.perVm.retire"), tr("Retire, a VM once"), 2},
                               {QStringLiteral("migration.perVm.retain"), tr("Retain, a VM once"), 2},
                               {QStringLiteral("migration.doubleRunningMonths"), tr("Double running, months"), 0}});
    m_ramp->setPlaceholderText(tr("0.5, 0.5"));
    m_ramp->setToolTip(tr("The share of the VMs moved in each year, adding up to 1"));
    migration->addRow(tr("Share moved each year"), m_ramp);
    layout->addStretch();
    return form;
}

QDoubleSpinBox *PriceBookEditor::field(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.box;
    }
    return nullptr;
}

void PriceBookEditor::setBook(const PriceBook &book, bool ownBook)
{
    m_book = book;
    m_skus->setSkus(book.vmSkus);
    const QJsonObject json = book.toJson();
    m_name->setText(book.name);
    m_currency->setText(book.currency);
    m_symbol->setText(book.currencySymbol);
    m_date->setText(book.date);
    for (const Field &f : std::as_const(m_fields))
        f.box->setValue(valueAt(json, f.key.split(u'.')).toDouble());
    QStringList ramp;
    for (double share : book.migration.rampShareByYear)
        ramp.append(QString::number(share));
    m_ramp->setText(ramp.join(QStringLiteral(", ")));
    m_origin->setText(
        (ownBook ? tr("The project's own price book.") : tr("The built-in price book.")) + u' ' +
        (book.notice.isEmpty() ? tr("Check its prices against the cloud's pricing calculator.") : book.notice));
    m_message->clear();
}

Result<PriceBook, PriceBookError> PriceBookEditor::editedBook() const
{
    QJsonObject json = m_book.toJson();
    json.insert(QStringLiteral("name"), m_name->text());
    json.insert(QStringLiteral("currency"), m_currency->text().trimmed());
    json.insert(QStringLiteral("currencySymbol"), m_symbol->text());
    json.insert(QStringLiteral("date"), m_date->text().trimmed());
    for (const Field &f : m_fields)
        setValueAt(json, f.key.split(u'.'), f.box->value());
    QJsonArray ramp;
    for (const QString &share : m_ramp->text().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = QLocale::c().toDouble(share.trimmed(), &ok);
        if (!ok)
            return PriceBookError{QStringLiteral("migration.rampShareByYear"),
                                  tr("'%1' is not a number").arg(share.trimmed())};
        ramp.append(value);
    }
    setValueAt(json, {QStringLiteral("migration"), QStringLiteral("rampShareByYear")}, ramp);
    PriceBook withSkus = m_book;
    withSkus.vmSkus = m_skus->skus();
    json.insert(QStringLiteral("vmSkus"), withSkus.toJson().value(QLatin1String("vmSkus")));
    return PriceBook::fromJson(json, PriceBook());
}

bool PriceBookEditor::apply()
{
    const auto book = editedBook();
    if (!book) {
        showMessage(tr("Not applied: %1").arg(book.error().toString()), true);
        return false;
    }
    showMessage(tr("Applied."), false);
    Q_EMIT bookChosen(book.value());
    return true;
}

bool PriceBookEditor::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const auto book = PriceBook::fromJsonText(file.readAll());
    if (!book) {
        showMessage(tr("%1 was not imported: %2").arg(path, book.error().toString()), true);
        return false;
    }
    showMessage(tr("Imported %1.").arg(path), false);
    Q_EMIT bookChosen(book.value());
    return true;
}

bool PriceBookEditor::exportFile(const QString &path)
{
    const auto book = editedBook();
    if (!book) {
        showMessage(tr("Not exported: %1").arg(book.error().toString()), true);
        return false;
    }
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(book.value().toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported to %1.").arg(path), false);
    return true;
}

void PriceBookEditor::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

} // namespace landfall
