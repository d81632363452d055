#include "helpdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>

#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <functional>

namespace landfall {

HelpDialog::HelpDialog(const QMenuBar *menus, Page page, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_guide(new QTextBrowser(this))
    , m_shortcuts(new QTableWidget(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Landfall Help"));
    m_guide->setObjectName(QStringLiteral("userGuide"));
    // Shipped text, shown as written: no HTML inside the Markdown, no link followed anywhere.
    m_guide->setOpenLinks(false);
    m_guide->setOpenExternalLinks(false);
    m_guide->document()->setMarkdown(guideText(), QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                                  QTextDocument::MarkdownNoHTML));
    m_shortcuts->setObjectName(QStringLiteral("shortcutTable"));
    m_shortcuts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shortcuts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_shortcuts->verticalHeader()->hide();
    fillShortcuts(menus);
    m_tabs->addTab(m_guide, tr("User Guide"));
    m_tabs->addTab(m_shortcuts, tr("Keyboard Shortcuts"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(720, 640);
    showPage(page);
}

QString HelpDialog::guideText()
{
    QFile file(QStringLiteral(":/landfall/help/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("The user guide is missing from this build.");
    return QString::fromUtf8(file.readAll());
}

void HelpDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(page == Guide ? 0 : 1);
}

void HelpDialog::fillShortcuts(const QMenuBar *menus)
{
    struct Row {
        QString menu;
        QString action;
        QString keys;
    };
    QList<Row> rows;
    QSet<const QAction *> seen;
    const auto plain = [](QString text) { return text.remove(u'&').remove(QLatin1String("...")).trimmed(); };
    // Menu by menu, as the user finds them.
    std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu, const QString &path) {
        for (const QAction *action : menu->actions()) {
            if (action->menu()) {
                walk(action->menu(), path + QStringLiteral(" > ") + plain(action->menu()->title()));
                continue;
            }
            if (seen.contains(action) || action->shortcuts().isEmpty())
                continue;
            seen.insert(action);
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            rows.append({path, plain(action->text()), keys.join(QStringLiteral(", "))});
        }
    };
    for (const QAction *top : menus->actions()) {
        if (top->menu())
            walk(top->menu(), plain(top->menu()->title()));
    }
    m_shortcuts->setColumnCount(3);
    m_shortcuts->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Shortcut")});
    m_shortcuts->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_shortcuts->setItem(i, 0, new QTableWidgetItem(rows[i].menu));
        m_shortcuts->setItem(i, 1, new QTableWidgetItem(rows[i].action));
        m_shortcuts->setItem(i, 2, new QTableWidgetItem(rows[i].keys));
    }
    m_shortcuts->resizeColumnsToContents();
    m_shortcuts->horizontalHeader()->setStretchLastSection(true);
}

} // namespace landfall
